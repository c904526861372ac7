"""Problems as data: every check in gazette reports `Problem` records.

Loaders and validators never print or raise for bad input; they collect
problems so that a build can report *all* of them at once, sorted, with
`path:line:` locations (the Sphinx convention editors understand).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .i18n import _, ngettext


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        tag = "" if self.severity is Severity.ERROR else _("warning: ")
        return f"{where}: {tag}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str | Path, line: int | None, code: str, message: str) -> Problem:
    return Problem(str(path), line, code, message, Severity.ERROR)


def warning(path: str | Path, line: int | None, code: str, message: str) -> Problem:
    return Problem(str(path), line, code, message, Severity.WARNING)


def count_errors(n: int) -> str:
    return ngettext("{n} error", "{n} errors", n).format(n=n)


def count_warnings(n: int) -> str:
    return ngettext("{n} warning", "{n} warnings", n).format(n=n)


def sort_problems(problems) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.code, p.message))


def is_fatal(problems, strict: bool = False) -> bool:
    """Errors always stop a build; warnings do too under --strict."""
    return any(p.is_error or strict for p in problems)


class GazetteError(Exception):
    """Raised at an API boundary when problems make the operation impossible.

    Carries the problems so the CLI can print them and pick an exit code;
    the CLI never shows a traceback for one of these.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # raised in a worker process (workers.py), it crosses back whole
        return type(self), (self.problems,)
