"""The issue's metadata: what the text states, what the user gives, and which wins.

Stated facts (masthead date, 总第N期, 今日N版, 2025·3) come first; flags and
the sidecar YAML fill what the text lacks; a value given that contradicts one
stated is a problem, never silently overridden. `date_source` records where
the date came from: stated, given, or inferred: <reason>.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..content.schema import SLUG
from ..i18n import _
from ..issue_label import read_label
from ..layout import is_edition, issue_folder
from ..text.names import is_edition_of, name_key
from ..problems import Problem, error
from ..slug import slugify
from ..urls import RESERVED_SLUGS
from .metadata import IssueFacts


# The date_source a label (2025·3) and a monthly publication day (出版日期 每月10日) give; issue.yaml keeps it.
LABEL_AND_DAY = "inferred: label {label} and 出版日期 每月{day}日"
_LABEL_AND_DAY = re.compile(r"inferred: label (?P<label>.+) and 出版日期 每月(?P<day>\d+)日")


def read_label_and_day(date_source: str) -> tuple[str, str] | None:
    """(label, day) of a date inferred as LABEL_AND_DAY says, else None."""
    found = _LABEL_AND_DAY.fullmatch(date_source)
    return (found["label"], found["day"]) if found else None


@dataclass(frozen=True)
class IssueMeta:
    publication: str
    slug: str
    date: dt.date
    date_source: str
    number: int | None = None
    label: str | None = None
    pages: int | None = None
    edition: str | None = None
    home_region: str | None = None
    frequency: str | None = None
    description: str | None = None

    @property
    def folder(self) -> str:
        return issue_folder(self.date, self.edition)


def slug_problem(slug: str) -> str | None:
    """Why `slug` cannot name a publication folder, by the content loader's rule, or None.

    The slug becomes a path (content/<slug>/) and a URL: whatever names it (a sidecar, a folder
    of content/, the publication's name) is checked before anything is written there."""
    if not SLUG.fullmatch(slug):
        return _("slug {slug!r} cannot name a publication folder: lowercase ASCII letters and digits "
                 "joined by hyphens (e.g. bayinguoleng-daily)").format(slug=slug)
    if slug in RESERVED_SLUGS:
        return _("slug {slug!r} is reserved: the site's {slug}/ pages live there").format(slug=slug)
    return None


def edition_problem(edition: str) -> str | None:
    """Why `edition` cannot end an issue folder's name, by the content loader's rule, or None."""
    if is_edition(edition):
        return None
    return _("edition {edition!r} cannot name an issue folder (YYYY-MM-DD-edition): lowercase ASCII "
             "letters, digits and hyphens (e.g. evening)").format(edition=edition)


def _year_month(label: str | None) -> tuple[int, int] | None:
    """2025·3 → (2025, 3); labels of other shapes (第12期) say nothing about the month."""
    read = read_label(label or "")
    return (int(read.year), read.number) if read else None


def _pick(name, stated, given, raw_path, stated_line, problems, origin=None):
    """The stated value, unless absent; a different given value is a conflict."""
    if stated is not None and given is not None and stated != given:
        problems.append(error(raw_path, stated_line, "conflict",
                              _("{name}: the text says {stated}, but {given} was given").format(
                                  name=name, stated=stated, given=given) + (f" ({origin})" if origin else "")))
    return stated if stated is not None else given


def resolve_issue(facts: IssueFacts, given: dict, raw_path: str, publication_slugs: dict[str, str],
                  origins: dict[str, str] | None = None) -> tuple[IssueMeta | None, list[Problem]]:
    """Merge stated facts and given values; None (with an error) when no date can be had.
    `origins` says where each given value came from (--date, the sidecar x.yaml), for messages;
    `publication_slugs` maps the name keys (`names.name_key`) of publications in content/ to their folders."""
    origins = origins or {}
    problems: list[Problem] = []
    name = given.get("publication") or (facts.name[0] if facts.name else None)
    if facts.name and given.get("publication") and not is_edition_of(given["publication"], facts.name[0]):
        problems.append(error(raw_path, facts.name[1], "conflict",
                              _("publication: the masthead says {masthead}, but {given} was given ({origin}); if "
                                "the masthead was misread, correct it in the raw text").format(
                                  masthead=facts.name[0], given=given['publication'],
                                  origin=origins.get('publication', _('given')))))
    if not name:
        problems.append(error(raw_path, None, "no-publication",
                              _("the text does not name its publication: pass --publication or a sidecar")))
    stated = facts.date[0] if facts.date else None
    date = _pick("date", stated, given.get("date"), raw_path, facts.date and facts.date[1], problems,
                 origins.get("date"))
    date_source = "stated" if stated else "given"
    label = _pick("label", facts.label and facts.label[0], given.get("label"), raw_path,
                  facts.label and facts.label[1], problems, origins.get("label"))
    year_month = _year_month(label)
    if date is None and year_month and facts.monthly_day:
        year, month = year_month
        try:
            date = dt.date(year, month, facts.monthly_day[0])
            date_source = LABEL_AND_DAY.format(label=label, day=facts.monthly_day[0])
        except ValueError:
            pass
    if date is None:
        problems.append(error(raw_path, None, "no-date",
                              _("the text states no issue date: pass --date YYYY-MM-DD or set date: in a sidecar")))
    elif year_month and not stated:
        if (date.year, date.month) != year_month and year_month[1] <= 12:
            problems.append(error(raw_path, facts.label and facts.label[1], "conflict",
                                  _("date {date} does not fall in the issue labelled {label}").format(
                                      date=date, label=label)))
    number = _pick("number", facts.number and facts.number[0], given.get("number"), raw_path,
                   facts.number and facts.number[1], problems, origins.get("number"))
    pages = _pick("pages", facts.pages and facts.pages[0], given.get("pages"), raw_path,
                  facts.pages and facts.pages[1], problems, origins.get("pages"))
    if date is None or not name or any(p.is_error for p in problems):
        return None, problems
    slug = given.get("slug") or publication_slugs.get(name_key(name)) or slugify(name)
    return IssueMeta(
        publication=name, slug=slug, date=date, date_source=date_source, number=number, label=label,
        pages=pages, edition=given.get("edition"), home_region=given.get("home_region"),
        frequency=given.get("frequency"), description=given.get("description"),
    ), problems
