"""Golden site: the basic fixture archive builds to exactly the files in tests/fixtures/golden/basic/.

Any change to what a build writes (a template, the index, a feed) shows here as a
reviewable diff of real output. After an intended change:

    .venv/bin/python -m pytest tests/test_golden.py --update-golden

and commit the new golden files with the change that made them.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

GOLDEN = Path(__file__).parent / "fixtures" / "golden" / "basic"
NOT_OURS = {"search/lunr.min.js", "search/t2s.js"}  # lunr.js from npm, OpenCC's table: never committed
COPIED = "static/"  # the theme's static files, copied verbatim (tests/render checks the layering)


def tree(folder: Path) -> dict[str, bytes]:
    files = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
    return {name: p.read_bytes() for name, p in files.items() if name not in NOT_OURS and not name.startswith(COPIED)}


def _text(data: bytes) -> str:
    """UTF-8, or UTF-16 after a byte-order mark (search's text files)."""
    return data.decode("utf-16") if data.startswith(b"\xff\xfe") else data.decode("utf-8")


def first_diff(name: str, expected: bytes, actual: bytes) -> str:
    try:
        lines = difflib.unified_diff(_text(expected).splitlines(), _text(actual).splitlines(),
                                     f"golden/{name}", f"built/{name}", lineterm="", n=1)
        return "\n".join(list(lines)[:40])
    except UnicodeDecodeError:
        return f"{name}: binary files differ"


def test_the_basic_archive_builds_to_the_golden_files(built_basic, request):
    built = tree(built_basic)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, data in built.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    golden = tree(GOLDEN)
    missing, extra = sorted(golden.keys() - built.keys()), sorted(built.keys() - golden.keys())
    changed = sorted(k for k in golden.keys() & built.keys() if golden[k] != built[k])
    hint = "if intended: pytest tests/test_golden.py --update-golden"
    assert not missing and not extra, f"files missing {missing[:10]}, new {extra[:10]}; {hint}"
    assert not changed, f"{len(changed)} file(s) differ; {hint}\n" + first_diff(changed[0], golden[changed[0]],
                                                                                  built[changed[0]])
