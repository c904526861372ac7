"""Region pages (paginated, newest first) with their county-level places, and the region index
with its map (regionmap)."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterator

from .. import urls
from ..config import Config
from .archive import Archive
from .echarts_map import find_map_file, read_outlines
from .pages import Page, paginate
from .regionmap import Shapes, draw_outlines, region_map


def region_pages(archive: Archive, config: Config) -> Iterator[Page]:
    counts = [(r, len(archive.articles_by_region.get(r.name, ()))) for r in archive.site.regions]
    shapes = _map_shapes(find_map_file((config.root,)))
    yield Page(urls.REGIONS, "regions.html", "regions", {"regions": counts, "map": region_map(shapes, counts)})
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


@functools.lru_cache(maxsize=2)
def _map_shapes(path: Path) -> Shapes:
    """The map's outlines, drawn once per process (they come from a pinned package)."""
    return draw_outlines(read_outlines(path))
