"""Issue pages: masthead and table of contents by page (newspapers) or column (magazines)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..config import Config
from ..model import Article, Issue
from .archive import Archive
from .chinese import page_label
from .citation import is_magazine
from .markdown import first_sentence
from .pages import Page
from .structured import issue_data, json_ld, open_graph


@dataclass(frozen=True)
class Section:
    """A heading in an issue's contents (第1版, or a column name) and its articles."""

    heading: str
    anchor: str
    entries: tuple[tuple[Article, str], ...]  # (article, first sentence)


def issue_sections(issue: Issue) -> list[Section]:
    """Articles in reading order, grouped by page when pages are known, else by column."""
    by_page = any(a.page for a in issue.articles)
    groups: dict[str, list[Article]] = {}
    for article in issue.articles:
        if by_page:
            key = page_label(article.page)
        else:
            key = article.column or ""
        groups.setdefault(key, []).append(article)
    if by_page:
        groups = dict(sorted(groups.items(), key=lambda kv: kv[1][0].page or 10**6))
    return [
        Section(heading, f"p{articles[0].page}" if by_page and articles[0].page else f"s{n}",
                tuple((a, first_sentence(a.body)) for a in articles))
        for n, (heading, articles) in enumerate(groups.items(), start=1)
    ]


def issue_pages(archive: Archive, config: Config) -> Iterator[Page]:
    for issue in archive.site.issues:
        publication = archive.publications.get(issue.publication_slug)
        previous, following = archive.issue_neighbours(issue)
        title = f"{issue.publication} {issue.date.isoformat()}"
        yield Page(issue.url, "issue.html", "publications", {
            "issue": issue, "publication": publication, "sections": issue_sections(issue),
            "magazine": is_magazine(publication), "previous": previous, "next": following,
            "json_ld": json_ld(issue_data(issue, is_magazine(publication), config.base_url)),
            "open_graph": open_graph(title, issue.url, config.base_url, config.title),
        })
