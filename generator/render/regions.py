"""Region pages (paginated, newest first) with their county-level places, and the region index."""
from __future__ import annotations

from typing import Iterator

from .. import urls
from ..config import Config
from .archive import Archive
from .pages import Page, paginate


def region_pages(archive: Archive, config: Config) -> Iterator[Page]:
    counts = [(r, len(archive.articles_by_region.get(r.name, ()))) for r in archive.site.regions]
    yield Page(urls.REGIONS, "regions.html", "regions", {"regions": counts})
    for region in archive.site.regions:
        places = archive.places_in(region)
        articles = archive.articles_by_region.get(region.name, [])
        for url, chunk, pager in paginate(articles, config.per_page, region.url):
            yield Page(url, "region.html", "regions", {
                "region": region, "place": None, "places": places, "articles": chunk,
                "total": len(articles), "pager": pager,
            })
    for place in archive.places.values():
        articles = archive.articles_by_place[place.name]
        for url, chunk, pager in paginate(articles, config.per_page, place.url):
            yield Page(url, "region.html", "regions", {
                "region": place.region, "place": place, "places": [], "articles": chunk,
                "total": len(articles), "pager": pager,
            })
