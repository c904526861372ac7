"""The date archive: years → months, and each year's months → days → issues."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from .. import urls
from ..config import Config
from ..model import Issue
from .archive import Archive
from .pages import Page


@dataclass(frozen=True)
class MonthIssues:
    year: int
    month: int
    days: tuple[tuple[dt.date, tuple[Issue, ...]], ...]

    @property
    def count(self) -> int:
        return sum(len(issues) for _, issues in self.days)

    @property
    def anchor(self) -> str:
        return urls.month_anchor(self.month)

    @property
    def url(self) -> str:
        return urls.month(self.year, self.month)


def months_of(archive: Archive) -> dict[int, list[MonthIssues]]:
    """Year → its months with issues, in calendar order."""
    grouped: dict[tuple[int, int], list] = {}
    for day, issues in archive.issues_by_date.items():
        grouped.setdefault((day.year, day.month), []).append((day, tuple(issues)))
    result: dict[int, list[MonthIssues]] = {}
    for (year, month), days in sorted(grouped.items()):
        result.setdefault(year, []).append(MonthIssues(year, month, tuple(days)))
    return result


def date_pages(archive: Archive, config: Config) -> Iterator[Page]:
    months = months_of(archive)
    years = [(year, months[year]) for year in sorted(months, reverse=True)]
    yield Page(urls.DATES, "dates.html", "dates", {"years": years})
    for year, year_months in years:
        yield Page(urls.year(year), "year.html", "dates", {
            "year": year, "months": year_months, "years": [y for y, _ in years],
        })
