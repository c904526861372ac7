"""Declared fields of publication.yaml, issue.yaml and article front matter.

One table per file kind, in the order the content format documents them (and
the order the importer writes them). `check` turns raw YAML values into typed
values and reports every problem with its line; unknown keys warn (a typo
such as `auther:` must not vanish silently) and name the declared field they
resemble (did you mean authors?).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from ..problems import Problem, error, warning
from ..i18n import _
from .line_ranges import parse_ranges
from .yamlio import LineDict, brief


@dataclass(frozen=True)
class Field:
    kind: str  # str | int | date | strlist | lines
    required: bool = False
    minimum: int | None = None  # for int: the smallest value that makes sense (order, page, per_page: 1)
    values: tuple[str, ...] = ()  # for str: the only values it may take; one ending in `:` takes a reason after it


# Where an article's title comes from: absent or `printed`, it is the headline as printed; else the
# archive supplied it (a piece printed without one): `inferred` by the importer from the text (with
# `: <reason>` if one is worth saying), or `given` by an editor. issue.yaml's date_source is the pattern.
TITLE_SOURCES = ("printed", "given", "inferred", "inferred:")
# Where an issue's date comes from: the text states it, a flag or sidecar gave it, or the importer
# inferred it (with its reason): a page says 日期为推断 only for the last, so a typo must not pass.
DATE_SOURCES = ("stated", "given", "inferred", "inferred:")


PUBLICATION_FIELDS = {
    "name": Field("str", True),
    "slug": Field("str"),
    "home_region": Field("str"),
    "description": Field("str"),
    "frequency": Field("str"),
}

ISSUE_FIELDS = {
    "publication": Field("str"),
    "date": Field("date", True),
    "number": Field("int", minimum=1),
    "label": Field("str"),
    "pages": Field("int", minimum=1),
    "source": Field("str"),
    "date_source": Field("str", values=DATE_SOURCES),
}

ARTICLE_FIELDS = {
    "title": Field("str", True),
    "title_source": Field("str", values=TITLE_SOURCES),
    "subtitle": Field("str"),
    "publication": Field("str", True),
    "date": Field("date", True),
    "issue": Field("str", True),
    "order": Field("int", True, minimum=1),
    "page": Field("int", minimum=1),
    "column": Field("str"),
    "kind": Field("str"),
    "authors": Field("strlist"),
    "photographers": Field("strlist"),
    "dateline": Field("str"),
    "source": Field("str"),
    "editor": Field("str"),
    "regions": Field("strlist"),
    "places": Field("strlist"),
    "continued": Field("str"),
    "lines": Field("lines"),
    "slug": Field("str"),
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMBER = re.compile(r"^[0-9]{1,18}$")  # no count in a newspaper archive needs more digits


def _convert(kind: str, value):
    """Return (typed value, None, None) or (None, reason, index of the bad list item or None)."""
    if kind == "str":
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value).strip()
            return (text or None), None, None
        return None, _("is not text: {value}").format(value=brief(repr(value))), None
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value, None, None
        # Digits typed with a Chinese input method are full-width (１２).
        if isinstance(value, str) and _NUMBER.match(value.strip().translate(_FULL_WIDTH_DIGITS)):
            return int(value.strip().translate(_FULL_WIDTH_DIGITS)), None, None
        return None, _("is not a whole number: {value}").format(value=brief(repr(value))), None
    if kind == "date":
        parsed = parse_date(value)
        return (parsed, None, None) if parsed else (None, _("is not a date: {value}").format(value=brief(value)), None)
    if kind == "strlist":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return None, _("is not a list of names: {value}").format(value=brief(repr(value))), None
        for index, item in enumerate(value):
            if not isinstance(item, (str, int)) or isinstance(item, bool):
                return None, _("has an item that is not a name: {value}").format(value=brief(repr(item))), index
        return tuple(str(v).strip() for v in value if str(v).strip()), None, None
    if kind == "lines":
        ranges = parse_ranges(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        return (ranges, None, None) if ranges else (
            None, _("is not a list of raw line ranges such as 22-42 or 22-30, 120-135: {value}").format(
                value=brief(repr(value))), None)
    raise ValueError(kind)


def is_one_of(value: str, values: tuple[str, ...]) -> bool:
    """Is `value` one of `values`, or `x: <reason>` for a listed `x:`?"""
    return any(value.startswith(v) and value[len(v):].strip() if v.endswith(":") else value == v
               for v in values)


def _one_of(values: tuple[str, ...]) -> str:
    """`printed, given, inferred or inferred: <reason>`, as a message lists them."""
    shown = [_("{value} <reason>").format(value=v) if v.endswith(":") else v for v in values]
    return _("{values} or {last}").format(values=_(", ").join(shown[:-1]), last=shown[-1]) if len(shown) > 1 else shown[0]


def _suggestion(key, fields) -> str:
    """' (did you mean authors?)' for a key that looks like a declared one, else ''."""
    close = difflib.get_close_matches(str(key).lower(), list(fields), n=1)
    return _(" (did you mean {key}?)").format(key=close[0]) if close else ""


def check(data, fields: dict[str, Field], path: str, line_offset: int = 0,
          default_line: int | None = 1) -> tuple[dict, list[Problem]]:
    """Validate a mapping against declared fields; return typed values and problems.

    Each problem carries the line of its key, or of the list item at fault;
    only a missing key, which has no line, gets `default_line`.
    """
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return {}, [error(path, default_line, "not-a-mapping", _("expected key: value pairs"))]
    lines = data.lines if isinstance(data, LineDict) else {}
    values: dict = {}
    faulty = set()
    for key, raw in data.items():
        line = lines.get(key, default_line)
        spec = fields.get(key)
        if spec is None:
            problems.append(warning(path, line, "unknown-key",
                                    _("unknown key: {key}").format(key=brief(key)) + _suggestion(key, fields)))
            continue
        if raw is None:
            continue
        value, reason, item = _convert(spec.kind, raw)
        if not reason and spec.minimum is not None and value < spec.minimum:
            reason = _("must be a whole number of at least {minimum}: {value}").format(minimum=spec.minimum, value=value)
        if not reason and spec.values and value is not None and not is_one_of(value, spec.values):
            reason = _("must be {values}, not {value}").format(values=_one_of(spec.values), value=brief(value))
        if reason:
            if item is not None and isinstance(data, LineDict):
                line = data.line_of_item(key, item)
            problems.append(error(path, line, "bad-value", f"{key} {reason}"))
            faulty.add(key)
        elif value not in (None, ()):
            values[key] = value
    for key, spec in fields.items():
        if spec.required and key not in values and key not in faulty:
            problems.append(error(path, default_line, "missing-key", _("{key} is required").format(key=key)))
    return values, problems
