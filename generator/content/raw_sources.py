"""Each issue's raw file, read back at build time for its 原文 page (the text as printed).

issue.yaml's `source:` names the file (relative to the project) and its sha256. The build shows
the file only if it is that very file: inside the project, readable, with the recorded sha256. A
file that is missing, moved out of reach or changed since the import is a warning naming it, and
the issue simply has no 原文 page; the name is data, never followed out of the project.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from ..ingest.raw_file import RawFile
from ..ingest.read import read_raw
from ..model import Issue, Site
from ..problems import GazetteError, Problem, warning
from . import files
from .yamlio import brief


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class RawSource:
    """An issue's raw text as the import read it (decoded, line ends unified), split into lines."""

    path: str  # as issue.yaml records it
    sha256: str
    lines: tuple[str, ...]


def load_raw_sources(site: Site, root: Path) -> tuple[dict[str, RawSource], list[Problem]]:
    """Issue key → its raw text, for every issue whose recorded raw file is there unchanged."""
    sources: dict[str, RawSource] = {}
    problems: list[Problem] = []
    for issue in site.issues:
        found = _raw_source(issue, root)
        if isinstance(found, RawSource):
            sources[issue.key] = found
        elif found:
            where = issue.loaded_from.path if issue.loaded_from else issue.key
            problems.append(warning(where, None, "raw-file", _("{reason}: the issue's 原文 page is left out").format(reason=found)))
    return sources, problems


def raw_file_paths(site: Site, root: Path) -> tuple[str, ...]:
    """The raw files the issues name, as paths a build reads (for the build cache to watch)."""
    named = (RawFile.parse(issue.raw_file).path for issue in site.issues if issue.raw_file)
    return tuple(sorted({str(root / path) for path in named if path and _inside(root, path)}))


def _inside(root: Path, path: str) -> bool:
    """Does the recorded name stay inside the project (never a way out of it: data, not a path)?"""
    try:
        return not Path(path).is_absolute() and bool(files.inside(root / path, root))
    except (files.UnsafeFile, OSError, ValueError):
        return False


def _raw_source(issue: Issue, root: Path) -> RawSource | str | None:
    """The raw text, or why it cannot be shown, or None when issue.yaml records no raw file with its sha256."""
    if not issue.raw_file:
        return None
    record = RawFile.parse(issue.raw_file)
    if not record.sha256 or not record.path:
        return None
    named = _CONTROL.sub(lambda c: repr(c[0])[1:-1], brief(record.path))  # no terminal control
    try:
        path = (root / record.path).resolve()
        if not _inside(root, record.path):
            return _("raw file {name} is outside the project").format(name=named)
        if not path.is_file():
            return _("raw file {name} not found").format(name=named)
        raw = read_raw(path)
    except (OSError, ValueError) as exc:  # a name no file system takes (a NUL in it, too long)
        return _("raw file {name} cannot be opened ({reason})").format(name=named, reason=_CONTROL.sub('', str(exc)))
    except GazetteError as exc:
        return _("raw file {name} cannot be read ({reason})").format(name=named, reason=exc.problems[0].message)
    if raw.sha256 != record.sha256:
        return _("raw file {name} has changed since the import (sha256 {found}…, recorded {recorded})").format(
            name=named, found=raw.sha256[:12], recorded=brief(record.sha256, 16))
    lines = raw.text.split("\n")  # numbered as the import numbered them
    return RawSource(record.path, raw.sha256, tuple(lines[:-1] if lines[-1] == "" else lines))  # no line after the last end
