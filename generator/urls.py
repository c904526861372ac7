"""Where every page and file of the built site lives: the one place its paths are spelled.

Paths are site-relative, with no leading slash, and always name a file
(``…/index.html``), so a build works from disk (``file://``) and under a GitHub
Pages sub-path. The models' ``url`` properties, the renderers, the publishers and
the templates (as the Jinja global ``urls``) all ask here; templates then make a
path relative to the page being rendered (render.links), and the few outputs that
need a host ask `absolute_url`. `read_base_url` is the one decision of what a base_url
is good for (config asks it when loading gazette.yaml).
"""
from __future__ import annotations

import functools
import posixpath
import re
from typing import NamedTuple
from urllib.parse import quote, urlsplit

from .i18n import N_

HOME = "index.html"
PUBLICATIONS = "publications.html"
REGIONS = "regions/index.html"
DATES = "dates/index.html"
SEARCH = "search.html"
AUTHORS = "authors/index.html"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
ARTICLES_JSON = "data/articles.json"
ARTICLES_CSV = "data/articles.csv"
ISSUES_JSON = "data/issues.json"
ISSUES_CSV = "data/issues.csv"

# The site's own top-level folders (region pages, date archive, search data, export,
# theme files, people): a publication slug may not take one of these names.
RESERVED_SLUGS = frozenset({"regions", "dates", "search", "data", "static", "authors"})


def publication(slug: str) -> str:
    return f"{slug}/index.html"


def issue(publication_slug: str, folder: str) -> str:
    return f"{publication_slug}/{folder}/index.html"


def article(publication_slug: str, folder: str, stem: str) -> str:
    """An article page sits in its issue's folder under its content file's stem (001-slug)."""
    return f"{publication_slug}/{folder}/{stem}.html"


def raw_text(publication_slug: str, folder: str) -> str:
    """An issue's 原文 page (its raw text, lines numbered) sits in the issue's folder; an article's
    page name starts with its number (001-…), so it cannot take this one."""
    return f"{publication_slug}/{folder}/raw.html"


def line_anchor(line: int) -> str:
    """A line of a 原文 page: L22."""
    return f"L{line}"


def person(slug: str) -> str:
    """The page of an author or photographer: their articles, newest first."""
    return f"authors/{slug}/index.html"


def page_anchor(page: int | None) -> str:
    """The section of an issue's contents for one printed page (第1版): p1; p0 gathers those without."""
    return f"p{page or 0}"


def on_this_day(month: int) -> str:
    """历史上的今天: one month's issues by day, a script the home page loads for today's month."""
    return f"data/on-this-day/{month:02d}.js"


def region(slug: str) -> str:
    return f"regions/{slug}/index.html"


def place(region_slug: str, place_slug: str) -> str:
    """A county-level place's page, in its region's folder."""
    return f"regions/{region_slug}/{place_slug}/index.html"


def year(number: int) -> str:
    return f"dates/{number}/index.html"


def month_anchor(month: int) -> str:
    return f"m{month:02d}"


def month(year_number: int, month_number: int) -> str:
    """A month is a section of its year's page."""
    return f"{year(year_number)}#{month_anchor(month_number)}"


def numbered_page(first: str, number: int) -> str:
    """Page `number` of a paginated list whose first page is `first`: …/index.html, …/page-2.html…"""
    return first if number == 1 else _beside(first, f"page-{number}.html")


def feed_of(page: str) -> str:
    """The Atom feed of the archive, a publication or a region sits beside its page:
    index.html → feed.xml, regions/altay/index.html → regions/altay/feed.xml."""
    return _beside(page, "feed.xml")


def _beside(page: str, name: str) -> str:
    return posixpath.join(posixpath.dirname(page), name)


FEED = feed_of(HOME)  # the whole archive's


def sitemap_part(number: int) -> str:
    """One of several sitemaps, past the protocol's limit of URLs per file."""
    return f"sitemap-{number}.xml"


def absolute_url(path: str, base_url: str) -> str:
    """`path` under `base_url` (``https://host/repo/``), or "" unless read_base_url finds
    base_url an absolute http(s) address (a path such as /archive/ is not one); the path is
    percent-encoded, so feeds, sitemap and pages write one address for one page."""
    base = read_base_url(base_url)
    return base.url + quote(path.lstrip("/"), safe="/-._~#") if base.absolute else ""


class BaseUrl(NamedTuple):
    """What a base_url is good for: `url` (normalized, ends in '/') is absolute (feeds,
    sitemap, canonical, og:url, JSON-LD, <base href>) or a path (<base href> only)."""
    url: str
    absolute: bool
    problem: str | None = None  # why it cannot be used, in English (N_): translated where it is said


# Characters of an address that needs no escaping anywhere it is written (an attribute,
# JSON, XML, robots.txt): RFC 3986's unreserved and delimiters, without quotes or spaces.
_URL_CHARS = re.compile(r"^[A-Za-z0-9._~:/@!$&()*+,;=%\[\]-]*$")
_PATH_PREFIX = re.compile(r"^(?:/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+)*/?$")


@functools.lru_cache(maxsize=16)
def read_base_url(value: str | None) -> BaseUrl:
    """The one decision about a base_url, for every place that writes it.

    "" is no base URL (a site for disk or a preview). An absolute http(s) address is used
    everywhere; a plain path prefix (/archive/) only in the 404 page's <base href>, since
    feeds, sitemaps, canonical and OpenGraph links need a host. Anything else
    (javascript:, ftp://, quotes or spaces) is a problem: it would be written into pages.
    """
    value = (value or "").strip()
    if not value:
        return BaseUrl("", False)
    url = value if value.endswith("/") else value + "/"
    if _PATH_PREFIX.match(url):
        return BaseUrl(url, False)
    if not _URL_CHARS.match(value):
        return BaseUrl("", False, N_("it holds spaces, quotes or other characters an address cannot hold"))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError:
        return BaseUrl("", False, N_("it is no well-formed address"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return BaseUrl("", False, N_("it is neither an absolute http(s) address nor a path starting with /"))
    if parts.query or parts.fragment or parts.username is not None:
        return BaseUrl("", False, N_("an address with ?query, #fragment or user@ cannot be a base"))
    return BaseUrl(url, True)
