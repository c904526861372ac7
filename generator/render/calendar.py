"""Month calendars (weeks from Monday) where days with an issue are links."""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Day:
    day: int | None  # None pads the first and last week
    url: str | None = None
    title: str = ""


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: tuple[tuple[Day, ...], ...]
    count: int  # days with a link


def month_grid(year: int, month: int, links: dict[dt.date, tuple[str, str]]) -> Month:
    """The calendar of one month; `links` maps dates to (url, title)."""
    weeks = []
    count = 0
    for week in _calendar.Calendar(firstweekday=0).monthdayscalendar(year, month):
        days = []
        for number in week:
            target = links.get(dt.date(year, month, number)) if number else None
            count += bool(target)
            days.append(Day(number or None, *(target or (None, ""))))
        weeks.append(tuple(days))
    return Month(year, month, tuple(weeks), count)


def months_with_links(links: dict[dt.date, tuple[str, str]]) -> dict[int, list[Month]]:
    """Year → calendars of the months that have at least one link, in order."""
    months = sorted({(d.year, d.month) for d in links})
    result: dict[int, list[Month]] = {}
    for year, month in months:
        result.setdefault(year, []).append(month_grid(year, month, links))
    return result
