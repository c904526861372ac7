"""Keep the message catalog up to date with the code (run after adding or changing a message).

    python scripts/messages.py          # extract the marked messages, merge them into gazette.po
    python scripts/messages.py --check  # exit 1 if the catalog lacks a message or a translation

Messages are marked in the code with `_()`, `N_()` and `ngettext()` (generator/i18n.py);
Babel's `pybabel extract` finds them, `pybabel update` merges them into
generator/locale/zh_CN/LC_MESSAGES/gazette.po, where each gets its msgstr. The template
(.pot) is made in a temporary folder: it is generated, the .po is the source.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "generator" / "locale"
PO = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "gazette.po"
FORMAT = ["--add-location=file", "--no-wrap"]  # file names, not line numbers: no churn when code moves


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def extract(pot: Path) -> None:
    """Every marked message in generator/ (argparse's own: generator/argparse_messages.py)."""
    with contextlib.chdir(ROOT):  # locations relative to the repository
        pybabel("extract", *FORMAT, "--sort-output", "--project=gazette", "--copyright-holder=gazette's authors",
                "-o", str(pot), "generator")


def update(pot: Path) -> None:
    pybabel("update", "--no-wrap", "--no-fuzzy-matching", "--ignore-obsolete", "--init-missing", "-i", str(pot),
            "-o", str(PO), "-l", "zh_CN")


def catalog_gaps(pot: Path) -> list[str]:
    """What the catalog lacks: messages in the code but not in the .po, messages in the .po no
    longer in the code, messages without a Chinese translation (or marked fuzzy)."""
    def ids(path: Path) -> dict:
        with path.open("rb") as f:
            return {m.id: m for m in read_po(f) if m.id}
    code, po = ids(pot), ids(PO)
    gaps = [f"not in gazette.po: {key!r}" for key in code if key not in po]
    gaps += [f"no longer in the code: {key!r}" for key in po if key not in code]
    gaps += [f"not translated: {key!r}" for key, m in po.items()
             if "fuzzy" in m.flags or not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    return gaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report gaps, change nothing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "gazette.pot"
        extract(pot)
        gaps = catalog_gaps(pot)
        if gaps and not args.check:  # only then: an update rewrites the header's date
            update(pot)
            gaps = catalog_gaps(pot)
    for gap in gaps:
        print(gap, file=sys.stderr)
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
