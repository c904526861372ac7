"""Indexes over the loaded `Site` that pages need: neighbours, counts, groupings.

Computed once per build, pure and deterministic (every grouping is sorted), so
templates only loop over ready-made values.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .. import urls
from ..content.raw_sources import RawSource
from ..model import Article, Issue, Publication, Region, Site
from ..slug import slugify
from .people import Person, people_of

WHOLE = ("xinjiang", "national")  # regions too broad to own a county-level place
_CONTINUED = re.compile(r"(\d+)\s*版")


@dataclass(frozen=True)
class PlacePage:
    """The page of a county-level place (`model.Place`): its article list, under its region's folder."""

    name: str
    region: Region
    slug: str
    count: int

    @property
    def url(self) -> str:
        return urls.place(self.region.slug, self.slug)


def newest_first(articles) -> list[Article]:
    return sorted(articles, key=lambda a: (-a.date.toordinal(), a.publication_slug, a.issue, a.order))


class Archive:
    """A read-only view of a Site with the lookups pages need."""

    def __init__(self, site: Site, raw_sources: Mapping[str, RawSource] | None = None,
                 only: Collection[str] | None = None) -> None:
        self.site = site
        self.raw_sources = raw_sources or {}  # issue key → its raw text, where it can be shown (原文)
        self.only = only  # the pages wanted, by URL (None: all)

    def wanted(self, url: str) -> bool:
        """Whether the page at `url` is to be made: a family skips the others' contexts."""
        return self.only is None or url in self.only

    @functools.cached_property
    def publications(self) -> dict[str, Publication]:
        return {p.slug: p for p in self.site.publications}

    @functools.cached_property
    def issue_by_key(self) -> dict[str, Issue]:
        return {i.key: i for i in self.site.issues}

    def issue_of(self, article: Article) -> Issue:
        return self.issue_by_key[article.issue_key]

    @functools.cached_property
    def issues_by_publication(self) -> dict[str, tuple[Issue, ...]]:
        grouped: dict[str, list[Issue]] = defaultdict(list)
        for issue in self.site.issues:
            grouped[issue.publication_slug].append(issue)
        return {slug: tuple(issues) for slug, issues in grouped.items()}

    @functools.cached_property
    def _issue_position(self) -> dict[str, int]:
        return {i.key: n for issues in self.issues_by_publication.values() for n, i in enumerate(issues)}

    def issue_neighbours(self, issue: Issue) -> tuple[Issue | None, Issue | None]:
        """The previous and next issue of the same publication."""
        issues = self.issues_by_publication[issue.publication_slug]
        index = self._issue_position[issue.key]
        return (issues[index - 1] if index else None,
                issues[index + 1] if index + 1 < len(issues) else None)

    def article_neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """The previous and next article in the issue's reading order."""
        articles = self.issue_of(article).articles
        index = articles.index(article)
        return (articles[index - 1] if index else None,
                articles[index + 1] if index + 1 < len(articles) else None)

    def continuation(self, article: Article) -> Article | None:
        """The article that `continued: 2版` points at, in the same issue.

        The article on that page with the same title, else the first article on it.
        """
        match = _CONTINUED.search(article.continued or "")
        if not match:
            return None
        page = int(match.group(1))
        on_page = [a for a in self.issue_of(article).articles if a.page == page and a is not article]
        same = [a for a in on_page if a.title == article.title]
        return (same or on_page or [None])[0]

    @functools.cached_property
    def continued_from(self) -> dict[str, Article]:
        """Article key → the article whose continuation it is (上接)."""
        back: dict[str, Article] = {}
        for article in self.site.articles:
            target = self.continuation(article)
            if target is not None:
                back.setdefault(target.key, article)
        return back

    @functools.cached_property
    def region_by_name(self) -> dict[str, Region]:
        return {r.name: r for r in self.site.regions}

    @functools.cached_property
    def articles_by_region(self) -> dict[str, list[Article]]:
        grouped: dict[str, list[Article]] = {r.name: [] for r in self.site.regions}
        for article in self.site.articles:
            for name in dict.fromkeys(article.regions):
                grouped.setdefault(name, []).append(article)
        return {name: newest_first(articles) for name, articles in grouped.items()}

    @functools.cached_property
    def place_region(self) -> dict[str, Region]:
        """Each place's region: from the gazetteer, else the region most often tagged with it."""
        known = {p: r for r in self.site.regions for p in r.places}
        votes: dict[str, Counter] = defaultdict(Counter)
        order = {r.name: i for i, r in enumerate(self.site.regions)}
        for article in self.site.articles:
            local = [n for n in article.regions if n in self.region_by_name and self.region_by_name[n].kind not in WHOLE]
            for place in article.places:
                votes[place].update(local)
        result: dict[str, Region] = {}
        for place in sorted(votes):
            if place in known:
                result[place] = known[place]
            elif votes[place]:
                best = min(votes[place].items(), key=lambda kv: (-kv[1], order[kv[0]]))[0]
                result[place] = self.region_by_name[best]
        return result

    @functools.cached_property
    def articles_by_place(self) -> dict[str, list[Article]]:
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in self.site.articles:
            for place in dict.fromkeys(article.places):
                if place in self.place_region:
                    grouped[place].append(article)
        return {name: newest_first(articles) for name, articles in sorted(grouped.items())}

    @functools.cached_property
    def places(self) -> dict[str, PlacePage]:
        """Every place with articles, keyed by name, slugs unique within their region."""
        result: dict[str, PlacePage] = {}
        taken: set[tuple[str, str]] = set()
        for name, articles in self.articles_by_place.items():
            region = self.place_region[name]
            slug = base = slugify(name)
            suffix = 2
            while (region.slug, slug) in taken or slug.startswith("page-"):
                slug, suffix = f"{base}-{suffix}", suffix + 1
            taken.add((region.slug, slug))
            result[name] = PlacePage(name=name, region=region, slug=slug, count=len(articles))
        return result

    def places_in(self, region: Region) -> list[PlacePage]:
        """The region's places with articles: gazetteer order first, then by name."""
        order = {name: i for i, name in enumerate(region.places)}
        mine = [p for p in self.places.values() if p.region == region]
        return sorted(mine, key=lambda p: (order.get(p.name, len(order)), p.name))

    @functools.cached_property
    def issues_by_date(self) -> dict[dt.date, list[Issue]]:
        grouped: dict[dt.date, list[Issue]] = defaultdict(list)
        for issue in self.site.issues:
            grouped[issue.date].append(issue)
        return dict(sorted(grouped.items()))

    @functools.cached_property
    def years(self) -> list[int]:
        return sorted({d.year for d in self.issues_by_date})

    @functools.cached_property
    def people(self) -> dict[str, Person]:
        """Everyone named in a byline, by name, in pinyin order (people.py)."""
        return {person.name: person for person in people_of(self.site.articles)}

    def latest_issues(self, count: int) -> list[Issue]:
        return sorted(self.site.issues, key=lambda i: (-i.date.toordinal(), i.publication_slug, i.folder))[:count]
