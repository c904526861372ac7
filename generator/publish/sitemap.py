"""`sitemap.xml` for search engines: every built HTML page, with its issue date.

Past 50,000 URLs (the protocol's limit per file) the URLs go into
`sitemap-1.xml`, `sitemap-2.xml`… and `sitemap.xml` becomes their index, so
robots.txt and search consoles always point at one stable address.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping
from xml.sax.saxutils import escape

from .. import urls
from ..model import Site

MAX_URLS = 50_000
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SKIPPED = frozenset({urls.NOT_FOUND})  # error pages are not for indexing


def sitemap_files(pages: Iterable[str], site: Site, base_url: str,
                  max_urls: int = MAX_URLS) -> dict[str, bytes]:
    lastmod = page_dates(site)
    paths = sorted(p for p in pages if p.endswith(".html") and p not in SKIPPED)
    entries = [(urls.absolute_url(p, base_url), lastmod.get(p)) for p in paths]
    if len(entries) <= max_urls:
        return {urls.SITEMAP: render_urlset(entries)}
    chunks = [entries[i:i + max_urls] for i in range(0, len(entries), max_urls)]
    files = {urls.sitemap_part(n): render_urlset(chunk) for n, chunk in enumerate(chunks, 1)}
    index = [(urls.absolute_url(urls.sitemap_part(n), base_url), max_date(chunk)) for n, chunk in enumerate(chunks, 1)]
    files[urls.SITEMAP] = render_index(index)
    return files


def page_dates(site: Site) -> Mapping[str, dt.date]:
    """The date each model page was last changed in print: its issue's date."""
    dates: dict[str, dt.date] = {}
    for issue in site.issues:
        dates[issue.url] = issue.date
        for article in issue.articles:
            dates[article.url] = article.date
    return dates


def max_date(entries) -> dt.date | None:
    return max((d for _, d in entries if d), default=None)


def render_urlset(entries) -> bytes:
    return _render("urlset", "url", entries)


def render_index(entries) -> bytes:
    return _render("sitemapindex", "sitemap", entries)


def _render(root: str, item: str, entries) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<{root} xmlns="{NS}">']
    for loc, date in entries:
        mod = f"<lastmod>{date.isoformat()}</lastmod>" if date else ""
        lines.append(f"<{item}><loc>{escape(loc)}</loc>{mod}</{item}>")
    lines.append(f"</{root}>\n")
    return "\n".join(lines).encode("utf-8")
