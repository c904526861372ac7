"""Publishing outputs inside a real build: every URL they name is a built page, and agrees with its canonical link."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import feedparser

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def site_path(url: str, base: str) -> str:
    assert url.startswith(base), url
    return url[len(base):]


def test_sitemap_lists_every_built_page_once(built_basic, base):
    root = ET.fromstring((built_basic / "sitemap.xml").read_bytes())
    listed = [site_path(u.findtext("s:loc", namespaces=NS), base) for u in root.findall("s:url", NS)]
    built = sorted(p.relative_to(built_basic).as_posix() for p in built_basic.rglob("*.html"))
    assert listed == [p for p in built if p != "404.html"]


def test_sitemap_agrees_with_canonical_links(built_basic, base):
    root = ET.fromstring((built_basic / "sitemap.xml").read_bytes())
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        match = CANONICAL.search((built_basic / site_path(loc, base)).read_text(encoding="utf-8"))
        if match:
            assert match.group(1) == loc


def test_every_feed_link_is_a_built_page(built_basic, base):
    feeds = sorted(built_basic.rglob("feed.xml"))
    assert len(feeds) >= 4
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo
        assert (built_basic / site_path(feed.feed.link, base)).is_file()
        for entry in feed.entries:
            assert (built_basic / site_path(entry.link, base)).is_file()


def test_build_writes_nojekyll_robots_and_exports(built_basic):
    assert (built_basic / ".nojekyll").read_bytes() == b""
    assert "Sitemap: https://example.org/archive/sitemap.xml" in (built_basic / "robots.txt").read_text()
    assert (built_basic / "data" / "articles.csv").stat().st_size > 0
