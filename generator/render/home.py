"""The home page, the search page (template owned by search) and the 404 page."""
from __future__ import annotations

from typing import Iterator

from .. import urls
from ..config import Config
from .archive import Archive
from .pages import Page
from .onthisday import MONTHS
from .publications import summarize

LATEST = 12


def home_pages(archive: Archive, config: Config) -> Iterator[Page]:
    site = archive.site
    regions = [(r, len(archive.articles_by_region.get(r.name, ()))) for r in site.regions]
    yield Page(urls.HOME, "index.html", "home", {
        "latest": archive.latest_issues(LATEST), "summaries": summarize(archive),
        "regions": [(r, n) for r, n in regions if n],
        "totals": {"publications": len(site.publications), "issues": len(site.issues),
                   "articles": len(site.articles), "regions": sum(1 for _, n in regions if n)},
        "first": min((i.date for i in site.issues), default=None),
        "last": max((i.date for i in site.issues), default=None),
        "on_this_day": [urls.on_this_day(month) for month in MONTHS],  # the scripts, January first
    })


def search_pages(archive: Archive, config: Config) -> Iterator[Page]:
    """search.html with what its filters list: publications, regions with articles, years."""
    regions = [r for r in archive.site.regions if archive.articles_by_region.get(r.name)]
    yield Page(urls.SEARCH, "search.html", "search", {
        "publications": list(archive.site.publications), "regions": regions, "years": archive.years,
    })


def not_found_pages(archive: Archive, config: Config) -> Iterator[Page]:
    """404.html, served by GitHub Pages at any depth, so it cannot use page-relative links.

    Its links are written from the site root. With `base_url` a <base href> makes
    them absolute; without it an inline script sets <base> to the site folder,
    found from the missing path: the site's own top-level folders (`top`) mark
    where the site starts (/altay-daily/… → /, /repo/altay-daily/… → /repo/);
    failing that, ``/<repo>/`` on a *.github.io project site, else ``/``.
    """
    top = sorted(urls.RESERVED_SLUGS | {p.slug for p in archive.site.publications})
    yield Page(urls.NOT_FOUND, "404.html", "", {"base_href": urls.read_base_url(config.base_url).url, "top": top})
