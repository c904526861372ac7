"""How the content folder names things: content/<publication>/<YYYY-MM-DD[-edition]>/<NNN-slug>.md.

The importer writes these names, the loader reads them back and the model derives an
issue's edition and an article's page from them; each name is built and read here,
so what one writes the other always reads.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

PUBLICATION_FILE = "publication.yaml"
ISSUE_FILE = "issue.yaml"
IMPORT_RECORD = ".import.yaml"  # what `gazette import` wrote into an issue folder, and how sure it was

_EDITION = "[a-z0-9-]+"
_ISSUE_FOLDER = re.compile(rf"(\d{{4}}-\d{{2}}-\d{{2}})(?:-({_EDITION}))?")
_ARTICLE_FILE = re.compile(r"(\d{3,})-([a-z0-9-]+)\.(?i:md|markdown|mdown)")


class IssueFolder(NamedTuple):
    date: str  # YYYY-MM-DD as the name writes it (the loader checks it against issue.yaml)
    edition: str | None


class ArticleFile(NamedTuple):
    number: str  # NNN as the name writes it (001)
    slug: str

    @property
    def order(self) -> int:
        return int(self.number)


def issue_folder(date: dt.date, edition: str | None = None) -> str:
    """2023-05-30, or 2023-05-30-evening for a second edition of the day."""
    return date.isoformat() + (f"-{edition}" if edition else "")


def read_issue_folder(name: str) -> IssueFolder | None:
    match = _ISSUE_FOLDER.fullmatch(name)
    return IssueFolder(match[1], match[2]) if match else None


def is_edition(edition: str) -> bool:
    """Can `edition` end an issue folder's name?"""
    return re.fullmatch(_EDITION, edition) is not None


def article_stem(order: int, slug: str) -> str:
    """The article file's name without its ending, also its page's: 001-ba-zhou."""
    return f"{order:03d}-{slug}"


def article_file(order: int, slug: str) -> str:
    return article_stem(order, slug) + ".md"


def read_article_file(name: str) -> ArticleFile | None:
    """NNN-slug.md (also .markdown, .mdown, any case), or None for any other name."""
    match = _ARTICLE_FILE.fullmatch(name)
    return ArticleFile(match[1], match[2]) if match else None
