"""Issue pages: masthead and table of contents by page (newspapers) or column (magazines)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .. import urls
from ..config import Config
from ..ingest.raw_file import RawFile
from ..model import Article, Issue
from ..text.plain import first_sentence
from .archive import Archive
from .chinese import page_label
from .citation import is_magazine
from .pages import Page
from ..fingerprint import deferred
from .raw_text import date_source_said, raw_page_url
from .structured import issue_json_ld, open_graph


@dataclass(frozen=True)
class Section:
    """A heading in an issue's contents (第1版, or a column name) and its articles."""

    heading: str
    anchor: str
    entries: tuple[tuple[Article, str], ...]  # (article, first sentence)


def issue_sections(issue: Issue, magazine: bool = False) -> list[Section]:
    """Articles in reading order: a newspaper's grouped by page (第1版…) when pages are known,
    otherwise (and always for magazines) in runs of the same column, reading order kept."""
    entries = [(a, first_sentence(a.body)) for a in issue.articles]
    if not magazine and any(a.page for a in issue.articles):
        by_page: dict[int | None, list] = {}
        for entry in entries:
            by_page.setdefault(entry[0].page, []).append(entry)
        ordered = sorted(by_page.items(), key=lambda kv: kv[0] or 10**6)
        return [Section(page_label(page), urls.page_anchor(page), tuple(group)) for page, group in ordered]
    runs: list[list] = []
    for entry in entries:
        if not runs or runs[-1][0][0].column != entry[0].column:
            runs.append([])
        runs[-1].append(entry)
    return [Section(run[0][0].column or "", f"s{n}", tuple(run)) for n, run in enumerate(runs, start=1)]


def issue_pages(archive: Archive, config: Config) -> Iterator[Page]:
    for issue in archive.site.issues:
        if not archive.wanted(issue.url):
            continue
        publication = archive.publications.get(issue.publication_slug)
        previous, following = archive.issue_neighbours(issue)
        title = f"{issue.publication} {issue.date.isoformat()}"
        yield Page(issue.url, "issue.html", "publications", {
            "issue": issue, "publication": publication, "sections": issue_sections(issue, is_magazine(publication)),
            "magazine": is_magazine(publication), "previous": previous, "next": following,
            "raw_page": raw_page_url(archive, issue), "raw_file": issue.raw_file and RawFile.parse(issue.raw_file),
            "date_source": date_source_said(issue.date_source),
            "json_ld": deferred(issue_json_ld, issue, is_magazine(publication), config.base_url),
            "open_graph": open_graph(title, issue.url, config.base_url, config.title),
        }, bodies=tuple(a.key for a in issue.articles))  # each entry's first sentence
