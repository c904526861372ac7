"""Publication pages: every issue by year, as month calendars and (if sparse) a list."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .. import urls
from ..config import Config
from ..model import Issue, Publication
from .archive import Archive
from .calendar import Month, months_with_links
from .chinese import cn_date
from .pages import Page

LIST_BELOW = 60  # issues a year; above this (dailies) the calendar alone is clearer


@dataclass(frozen=True)
class PublicationSummary:
    publication: Publication
    issues: tuple[Issue, ...]
    articles: int

    @property
    def first(self) -> Issue | None:
        return self.issues[0] if self.issues else None

    @property
    def last(self) -> Issue | None:
        return self.issues[-1] if self.issues else None


@dataclass(frozen=True)
class Year:
    year: int
    months: tuple[Month, ...]
    issues: tuple[Issue, ...]

    @property
    def show_list(self) -> bool:
        return len(self.issues) < LIST_BELOW


def summarize(archive: Archive) -> list[PublicationSummary]:
    return [
        PublicationSummary(p, issues, sum(len(i.articles) for i in issues))
        for p in archive.site.publications
        for issues in [archive.issues_by_publication.get(p.slug, ())]
    ]


def issue_years(issues: tuple[Issue, ...]) -> list[Year]:
    """Newest year first; within a year, calendars and lists run January → December."""
    links = {}
    for issue in issues:  # several editions on one day: the calendar links the first
        links.setdefault(issue.date, (issue.url, f"{cn_date(issue.date)} {issue.label or ''}".strip()))
    calendars = months_with_links(links)
    return [
        Year(year, tuple(calendars[year]), tuple(i for i in issues if i.date.year == year))
        for year in sorted(calendars, reverse=True)
    ]


def publication_pages(archive: Archive, config: Config) -> Iterator[Page]:
    summaries = summarize(archive)
    yield Page(urls.PUBLICATIONS, "publications.html", "publications", {"summaries": summaries})
    for summary in summaries:
        yield Page(summary.publication.url, "publication.html", "publications", {
            "summary": summary, "publication": summary.publication, "years": issue_years(summary.issues),
        })
