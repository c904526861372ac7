"""What an import into an issue folder must respect: hand edits, and the raw file it came from.

A file someone edited, added or deleted since the last import, or an issue imported from
another raw file, makes the import refuse, naming it, unless forced (the old folder is then
backed up first). The same raw file (an OCR correction) or the same bytes moved may always be
imported again. A dry run of many files writes nothing, so an earlier file of the run is not
on disk to refuse a later one: `DryRunFolders` remembers it, and refuses as the real run would.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import layout
from ..problems import Problem, error
from ..i18n import N_, _, ngettext
from .raw_file import RawFile
from .write import BACKUPS, edited_files, load_yaml_file, read_manifest, shown_path

if TYPE_CHECKING:
    from . import ImportResult


@dataclass(frozen=True)
class Guard:
    """Refusals (unless forced), and whether the folder must be backed up before it is written."""

    problems: tuple[Problem, ...] = ()
    backup: bool = False


_EDITED = {  # what happened to a file since the last import (write.edited_files) → the refusal
    "edited": N_("edited by hand since the last import; re-import with --force to replace the issue (the old "
                 "folder is kept under {backups}/)"),
    "added": N_("added by hand since the last import; re-import with --force to replace the issue (the old "
                "folder is kept under {backups}/)"),
    "deleted": N_("deleted by hand since the last import; re-import with --force to replace the issue (the old "
                  "folder is kept under {backups}/)"),
}


def guard_issue(folder: Path, raw_file: RawFile, raw_shown: str, force: bool,
                project_root: Path | None = None) -> Guard:
    """Refuse to overwrite hand edits or an issue imported from another raw file."""
    edited = edited_files(folder)
    recorded = recorded_raw_file(folder) if folder.is_dir() else None
    other = recorded is not None and recorded.is_other_than(raw_file)
    if not (edited or other):
        return Guard()
    if force:
        return Guard(backup=True)
    backups = shown_path(folder.parent.parent / BACKUPS)
    problems = [error(shown_path(folder / name), None, "edited", _(_EDITED[how]).format(backups=backups))
                for name, how in edited]
    if other:
        articles = sum(1 for name in read_manifest(folder) if layout.read_article_file(name))
        problems.append(other_raw_file_problem(raw_shown, folder, _shown(recorded, project_root), articles))
    return Guard(problems=tuple(problems))


def recorded_raw_file(folder: Path) -> RawFile | None:
    """The raw file the issue in `folder` was imported from, as its issue.yaml records it."""
    data = load_yaml_file(folder / layout.ISSUE_FILE)
    record = data.get("source") if isinstance(data, dict) else None
    if not isinstance(record, str) or not record.strip():
        return None
    return RawFile.parse(record)


def _shown(recorded: RawFile, root: Path | None) -> str:
    """The recorded raw file, named so it can be found from here when it is there."""
    path = (root or Path.cwd()) / recorded.path
    return shown_path(path) if path.is_file() else recorded.path


def other_raw_file_problem(raw_shown: str, folder: Path, previous: str, articles: int) -> Problem:
    """The refusal of an import into an issue that came from another raw file."""
    what = ngettext("its {n} article", "its {n} articles", articles).format(n=articles) if articles else _("it")
    return error(raw_shown, None, "other-source",
                 _("{folder}/ was imported from another raw file, {previous}; this one would replace {what}. If it "
                   "is more of the same issue (another page), add its text to {previous} in page order and import "
                   "that again; if it is another edition of that day, set `edition:` in its sidecar; to replace the "
                   "issue, import again with --force (the old folder is kept under {backups}/)").format(
                     folder=shown_path(folder), previous=previous, what=what,
                     backups=shown_path(folder.parent.parent / BACKUPS)))


class DryRunFolders:
    """The issue folders a dry run of many files would fill, each with the first file for it."""

    def __init__(self, force: bool) -> None:
        self._force = force
        self._first: dict[Path, tuple[Path, ImportResult]] = {}

    def claim(self, raw: Path, result: ImportResult) -> ImportResult:
        """`result`, refused when an earlier file of the run is for its folder and is another raw
        file: the real run, having written that one, would refuse this one."""
        earlier_raw, earlier = self._first.setdefault(result.folder, (raw, result))
        if earlier is result or self._force or not earlier.raw_file.is_other_than(result.raw_file):
            return result
        problem = other_raw_file_problem(shown_path(raw), result.folder, shown_path(earlier_raw),
                                         len(earlier.articles))
        return replace(result, problems=result.problems + (problem,))
