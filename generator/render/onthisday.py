"""历史上的今天: the index the home page reads to list issues of this month-day in earlier years.

A static site cannot know the day it is read, so the build writes every issue
under its month-day ("08-11"), one file a month (the home page loads a twelfth
of the archive's issues, not all of them), and the browser picks today's from the
reader's clock (themes' static/on-this-day.js). Each file is a classic script
calling the global `gazetteOnThisDay`, as file:// forbids fetch; its links are
site-relative and the page makes them relative to itself (its data-root).
"""
from __future__ import annotations

import json
from collections import defaultdict

from .. import urls
from ..model import Issue, Site
from .chinese import cn_date, issue_facts, weekday


MONTHS = range(1, 13)


def on_this_day_files(site: Site) -> dict[str, bytes]:
    """{urls.on_this_day(month): that month's part of the index as a script}, for every month
    (one without issues has an empty part, so the page never asks for a missing file)."""
    index = on_this_day_index(site)
    files = {}
    for month in MONTHS:
        part = {day: issues for day, issues in index.items() if day.startswith(f"{month:02d}-")}
        payload = json.dumps(part, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        files[urls.on_this_day(month)] = f"gazetteOnThisDay({payload});\n".encode("utf-8")
    return files


def on_this_day_index(site: Site) -> dict[str, list[dict]]:
    """{"MM-DD": that day's issues of every year, newest first}, each with what its line shows."""
    days: dict[str, list[Issue]] = defaultdict(list)
    for issue in site.issues:
        days[f"{issue.date.month:02d}-{issue.date.day:02d}"].append(issue)
    return {day: [_entry(i) for i in sorted(issues, key=lambda i: (-i.date.year, i.publication_slug, i.folder))]
            for day, issues in sorted(days.items())}


def _entry(issue: Issue) -> dict:
    lead = issue.articles[0].title if issue.articles else ""
    return {"year": issue.date.year, "url": issue.url, "publication": issue.publication,
            "date": f"{cn_date(issue.date)} {weekday(issue.date)}", "facts": " · ".join(issue_facts(issue)),
            "lead": lead}
