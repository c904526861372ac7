"""sitemap.xml: every built page once, absolute, dated by issue; an index past 50,000 URLs."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from generator.model import Article, Issue, Site
from generator.publish.sitemap import MAX_URLS, sitemap_files

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def urls(xml: bytes) -> list[tuple[str, str | None]]:
    root = ET.fromstring(xml)
    return [(u.findtext("s:loc", namespaces=NS), u.findtext("s:lastmod", namespaces=NS))
            for u in root.findall("s:url", NS)]


def test_pages_are_listed_absolute_with_issue_dates(basic_site, base):
    article = basic_site.articles[0]
    pages = ["index.html", "404.html", article.url, article.issue_url, "static/site.css"]
    files = sitemap_files(pages, basic_site, base)
    assert list(files) == ["sitemap.xml"]
    listed = dict(urls(files["sitemap.xml"]))
    assert listed == {
        base + "index.html": None,
        base + article.url: article.date.isoformat(),
        base + article.issue_url: article.date.isoformat(),
    }


def test_deterministic_and_sorted(basic_site, base):
    pages = [a.url for a in basic_site.articles]
    first = sitemap_files(reversed(pages), basic_site, base)
    assert first == sitemap_files(pages, basic_site, base)
    locs = [loc for loc, _ in urls(first["sitemap.xml"])]
    assert locs == sorted(locs)


def synthetic_site(count: int) -> tuple[Site, list[str]]:
    """A site model with `count` articles in one daily's issues (no content files needed)."""
    start = dt.date(2000, 1, 1)
    articles = tuple(
        Article(title=f"第{n}篇", publication="巴音郭楞日报", publication_slug="bayinguoleng-daily",
                date=start + dt.timedelta(days=n // 10), issue=(start + dt.timedelta(days=n // 10)).isoformat(),
                order=n % 10 + 1, slug=f"a{n}", body="正文")
        for n in range(count)
    )
    site = Site(publications=(), issues=(), regions=(), articles=articles)
    return site, [a.url for a in articles]


def test_split_into_an_index_past_fifty_thousand_urls(base):
    site, pages = synthetic_site(MAX_URLS + 1)
    files = sitemap_files(pages, site, base)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    assert len(urls(files["sitemap-1.xml"])) == MAX_URLS
    assert len(urls(files["sitemap-2.xml"])) == 1
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == "{%s}sitemapindex" % NS["s"]
    assert [s.findtext("s:loc", namespaces=NS) for s in index] == [base + "sitemap-1.xml", base + "sitemap-2.xml"]


def test_exactly_fifty_thousand_stays_one_file(base):
    site, pages = synthetic_site(MAX_URLS)
    assert list(sitemap_files(pages, site, base)) == ["sitemap.xml"]


def test_urls_with_reserved_characters_are_escaped(base):
    site = Site(publications=(), issues=(), regions=())
    files = sitemap_files(["a&b/index.html", "中文/index.html"], site, base)
    locs = [loc for loc, _ in urls(files["sitemap.xml"])]
    assert locs == [base + "a%26b/index.html", base + "%E4%B8%AD%E6%96%87/index.html"]
