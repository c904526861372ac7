"""What the user gives for an issue: a sidecar YAML and the flags, merged into one set of values.

The sidecar (RAW.yaml next to RAW.txt, or --meta) is typed and checked like a content file;
a flag that contradicts it is an error naming both, since which one is right is not ours to
guess and the wrong one would be written (a name from one, a slug from the other). Whether a
given value may override what the text states is `issue.resolve_issue`'s decision.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..content.schema import Field, check
from ..content.yamlio import LineDict, YamlSyntaxError, load_yaml
from ..issue_label import read_label
from ..problems import Problem, error
from ..i18n import _
from .issue import edition_problem, slug_problem
from .write import load_yaml_file, shown_path

if TYPE_CHECKING:
    from . import ImportOptions

SIDECAR_FIELDS = {
    "publication": Field("str"),
    "slug": Field("str"),
    "date": Field("date"),
    "number": Field("int"),
    "label": Field("str"),
    "pages": Field("int"),
    "edition": Field("str"),
    "home_region": Field("str"),
    "frequency": Field("str"),
    "description": Field("str"),
}
FLAGS = ("publication", "date", "number", "label")  # the ImportOptions a sidecar may also give

_FOLDER_NAMES = {"slug": slug_problem, "edition": edition_problem}


def read_sidecar(path: Path) -> tuple[dict, list[Problem]]:
    """Values from a sidecar YAML, typed and checked like content files; a slug or edition that
    cannot name a folder is an error at its line (and is dropped)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [error(path, None, "unreadable", _("cannot read the sidecar: {why}").format(why=exc))]
    try:
        data = load_yaml(text)
    except YamlSyntaxError as exc:
        return {}, [error(path, exc.line, "yaml", exc.message)]
    if data is None:
        return {}, []
    values, problems = check(data, SIDECAR_FIELDS, str(path))
    for key, why_not in _FOLDER_NAMES.items():
        why = why_not(values[key]) if key in values else None
        if why:
            problems.append(error(path, data.line_of(key), f"bad-{key}", why))
            del values[key]
    return values, problems


def find_sidecar(raw: Path) -> Path | None:
    for suffix in (".yaml", ".yml"):
        candidate = raw.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def line_in(path: Path | None, key: str) -> int | None:
    """The line of `key:` in a YAML file (a sidecar), as the content loader counts lines."""
    data = load_yaml_file(path)
    return data.line_of(key) if isinstance(data, LineDict) else None


def _label(value: object) -> object:
    """2025.3, 2025年3期 → 2025·3, the form the archive stores; other values as given."""
    label = read_label(str(value or ""))
    return str(label) if label else value


def given_values(raw_path: Path, options: ImportOptions) -> tuple[dict, dict, Path | None, list[Problem]]:
    """(values, where each came from, the sidecar, problems): the sidecar's values and the flags'."""
    sidecar = options.meta or find_sidecar(raw_path)
    given, problems = ({}, []) if sidecar is None else read_sidecar(sidecar)
    if options.meta and not options.meta.is_file():
        problems = [error(options.meta, None, "missing-file", _("sidecar file not found"))]
    origin = _("the sidecar {path}").format(path=shown_path(sidecar)) if given else None
    origins = dict.fromkeys(given, origin)
    if "label" in given:
        given["label"] = _label(given["label"])
    for key in FLAGS:
        value = _label(getattr(options, key)) if key == "label" else getattr(options, key)
        if value is None:
            continue
        if given.get(key) is not None and given[key] != value:
            problems.append(error(shown_path(sidecar), line_in(sidecar, key), "conflict",
                                  _("{key}: the sidecar says {said}, but --{key} {value} was given: correct the "
                                    "sidecar or leave out --{key}").format(key=key, said=given[key], value=value)))
        given[key], origins[key] = value, f"--{key}"
    return given, origins, sidecar, problems
