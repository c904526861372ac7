"""The archive as loaded: frozen dataclasses with no I/O, Markdown or Jinja.

Each model's ``url`` is its page's site-relative path, as generator.urls spells
it; templates turn it into a link relative to the page being rendered.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from . import layout, urls


def issue_key(publication_slug: str, folder: str) -> str:
    return f"{publication_slug}/{folder}"


def provenance(source: str | None) -> str | None:
    """The kind of a `date_source` or `title_source` value without its reason: `inferred: label 2025·3` → inferred."""
    return source.split(":", 1)[0].strip() if source else None


@dataclass(frozen=True)
class FileLine:
    """The content file (and line) a model was loaded from, for problem messages."""

    path: str
    line: int | None = None


@dataclass(frozen=True)
class Publication:
    slug: str
    name: str
    home_region: str | None = None
    description: str = ""
    frequency: str | None = None  # daily, weekly, monthly…
    loaded_from: FileLine | None = None

    @property
    def url(self) -> str:
        return urls.publication(self.slug)


@dataclass(frozen=True, kw_only=True)
class ArticleFacts:
    """What the front matter says of an article besides its title and place in the archive
    (docs/content-format.md): one list for the importer's articles and the loaded ones."""

    subtitle: str | None = None
    page: int | None = None
    column: str | None = None
    kind: str | None = None  # news, photo, commentary…
    authors: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    dateline: str | None = None  # the place of 本报库尔勒8月10日讯
    source: str | None = None  # the outlet it was taken from (新华社…)
    editor: str | None = None
    regions: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    continued: str | None = None  # 2版, from 下转2版
    lines: tuple[tuple[int, int], ...] = ()  # where it is in its raw file: (first, last) line ranges


@dataclass(frozen=True)
class Article(ArticleFacts):
    title: str
    publication: str
    publication_slug: str
    date: dt.date
    issue: str  # the issue folder's name, e.g. 2023-05-30
    order: int
    slug: str
    body: str  # Markdown
    loaded_from: FileLine | None = None
    # Where the title comes from (front matter `title_source`): None when it is printed, else as
    # written there, `inferred[: <reason>]` or `given` (schema.TITLE_SOURCES).
    title_source: str | None = None
    # How sure the import was of its boundaries and headline (the issue's .import.yaml): high, medium
    # or low, with the doubts behind it (ingest.doubts.DOUBTS); None when not imported or edited since.
    confidence: str | None = None
    doubts: tuple[str, ...] = ()

    @property
    def title_supplied(self) -> bool:
        """Is the title supplied by the archive, not printed? (A reference puts it in [brackets].)"""
        return self.title_source is not None

    @property
    def shown_title(self) -> str:
        """The title as everything but its own headline shows it: a supplied one in ［brackets］,
        as a catalogue marks supplied information (listings, <title>, og:title, JSON-LD, search)."""
        return f"［{self.title}］" if self.title_supplied else self.title

    @property
    def title_inferred(self) -> bool:
        """Did the importer infer the title from the text (the piece was printed without one)?"""
        return provenance(self.title_source) == "inferred"

    @property
    def stem(self) -> str:
        """The content file's name without .md: NNN-slug."""
        return layout.article_stem(self.order, self.slug)

    @property
    def issue_key(self) -> str:
        """Its issue's `Issue.key`."""
        return issue_key(self.publication_slug, self.issue)

    @property
    def key(self) -> str:
        """Stable identity across builds: publication/issue/NNN-slug."""
        return f"{self.issue_key}/{self.stem}"

    @property
    def url(self) -> str:
        return urls.article(self.publication_slug, self.issue, self.stem)

    @property
    def issue_url(self) -> str:
        return urls.issue(self.publication_slug, self.issue)


@dataclass(frozen=True)
class Issue:
    publication: str
    publication_slug: str
    folder: str  # YYYY-MM-DD[-edition]
    date: dt.date
    number: int | None = None
    label: str | None = None
    pages: int | None = None
    raw_file: str | None = None  # the raw file it was imported from, as issue.yaml's `source:` records it
    date_source: str | None = None  # stated | given | inferred: <reason>
    articles: tuple[Article, ...] = ()
    loaded_from: FileLine | None = None

    @property
    def date_inferred(self) -> bool:
        """Was the date inferred (from a label and a publishing day…), neither printed nor given?"""
        return provenance(self.date_source) == "inferred"

    @property
    def key(self) -> str:
        """Stable identity across builds: publication/YYYY-MM-DD[-edition]."""
        return issue_key(self.publication_slug, self.folder)

    @property
    def url(self) -> str:
        return urls.issue(self.publication_slug, self.folder)

    @property
    def edition(self) -> str | None:
        named = layout.read_issue_folder(self.folder)
        return named.edition if named else None


@dataclass(frozen=True)
class Place:
    """A county-level place (县, 县级市, 区) under a prefecture-level region."""

    name: str
    region: str  # the full name of its prefecture-level region


@dataclass(frozen=True)
class Region:
    """A prefecture-level division of Xinjiang, or 新疆 / 全国 as a whole."""

    name: str  # full official name, 巴音郭楞蒙古自治州
    slug: str
    short: str | None = None  # 巴州
    kind: str = "prefecture"  # prefecture, bingtuan, xinjiang, national
    places: tuple[str, ...] = ()  # county-level places under it, official order

    @property
    def url(self) -> str:
        return urls.region(self.slug)


@dataclass(frozen=True)
class Site:
    """Everything a build renders, fully loaded and cross-checked.

    Collections are sorted deterministically: publications by slug, issues by
    (date, publication, folder), articles by issue then order.
    """

    publications: tuple[Publication, ...]
    issues: tuple[Issue, ...]
    regions: tuple[Region, ...]
    articles: tuple[Article, ...] = field(default=())

    def issues_of(self, publication_slug: str) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.publication_slug == publication_slug)

    def articles_in_region(self, region_name: str) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if region_name in a.regions)

    @functools.cached_property
    def feeds(self) -> dict[str, tuple[Article, ...]]:
        """Feed path → its articles, for the archive, each publication and each region that has
        any: the one list the feeds are written from and the pages link to (with a base_url)."""
        groups = {urls.FEED: self.articles}
        for pub in self.publications:
            groups[urls.feed_of(pub.url)] = tuple(
                a for a in self.articles if a.publication_slug == pub.slug)
        for region in self.regions:
            groups[urls.feed_of(region.url)] = self.articles_in_region(region.name)
        return {path: articles for path, articles in groups.items() if articles}
