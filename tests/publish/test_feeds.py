"""Atom feeds, read back with a real feed parser (feedparser) as a reader's app would."""
from __future__ import annotations

import feedparser

from generator.text import plain
from generator.publish import publish_site
from generator.publish.feeds import EXCERPT_CHARS, FEED_SIZE, feed_files, newest
from seeded import SEEDS, under_other_seeds


def parse(files, path):
    feed = feedparser.parse(files[path])
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_site_feed_lists_every_article_newest_first(basic_site, basic_config):
    feed = parse(feed_files(basic_site, basic_config), "feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "测试档案"
    assert len(feed.entries) == len(basic_site.articles) == 8
    dates = [e.published for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.entries[0].title == "促进区域协调发展 更好建设美丽新疆"
    assert feed.feed.updated == "2025-03-28T00:00:00+08:00"


def test_links_are_absolute_under_the_base_url(basic_site, basic_config, base):
    feed = parse(feed_files(basic_site, basic_config), "feed.xml")
    self_links = [l.href for l in feed.feed.links if l.rel == "self"]
    assert self_links == [base + "feed.xml"]
    for entry in feed.entries:
        assert entry.link.startswith(base) and entry.link.endswith(".html")
        assert entry.id == entry.link
    article = next(a for a in basic_site.articles if a.slug == "ba-zhou-bei-ming-ming")
    entry = next(e for e in feed.entries if e.title == article.title)
    assert entry.link == base + "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"


def test_chinese_authors_summary_and_categories_survive(basic_site, basic_config):
    feed = parse(feed_files(basic_site, basic_config), "feed.xml")
    entry = next(e for e in feed.entries if e.title.startswith("巴州被命名"))
    assert entry.author == "陈彦强"
    assert entry.summary.startswith("本报库尔勒8月10日讯（记者 陈彦强）")
    terms = {t.term for t in entry.tags}
    assert {"news", "巴音郭楞蒙古自治州"} <= terms
    assert entry.source.title == "巴音郭楞日报"


def test_one_feed_per_publication_and_per_region_with_articles(basic_site, basic_config, base):
    files = feed_files(basic_site, basic_config)
    for pub in basic_site.publications:
        feed = parse(files, f"{pub.slug}/feed.xml")
        assert feed.feed.title.startswith(pub.name)
        assert {e.source.title for e in feed.entries} == {pub.name}
    bayingolin = parse(files, "regions/bayingolin/feed.xml")
    expected = {a.title for a in basic_site.articles_in_region("巴音郭楞蒙古自治州")}
    assert {e.title for e in bayingolin.entries} == expected
    assert bayingolin.feed.link == base + "regions/bayingolin/index.html"
    used = {r for a in basic_site.articles for r in a.regions}
    region_feeds = {p for p in files if p.startswith("regions/")}
    assert len(region_feeds) == len(used)  # no empty feeds for regions nobody wrote about


FEEDS = """
from generator import load_config
from generator.content.site import load_site
from generator.publish.feeds import feed_files
config = load_config(*args, cache_dir="")
result = feed_files(load_site(config)[0], config)
"""


def test_feeds_are_the_same_bytes_in_every_build(basic_site, basic_config):
    """Each build is a new process with its own hash seed: a feed reader must not see the
    archive's entries or categories change order after a rebuild."""
    here = feed_files(basic_site, basic_config)
    assert under_other_seeds(FEEDS, (basic_config.root,)) == [here] * len(SEEDS)


def test_without_base_url_feeds_and_sitemap_are_skipped_quietly(basic_site, basic_config):
    files, problems = publish_site(basic_site, basic_config.with_overrides(base_url=""), ["index.html"])
    assert "feed.xml" not in files and "sitemap.xml" not in files
    assert problems == []  # a site for disk or a preview needs no base_url; the summary line says so
    assert "data/articles.json" in files and b"Sitemap" not in files["robots.txt"]


def test_a_path_base_url_writes_no_feeds_and_a_bad_one_is_refused(basic_site, basic_config):
    files, problems = publish_site(basic_site, basic_config.with_overrides(base_url="/archive/"), [])
    assert problems == [] and "feed.xml" not in files  # a path serves the 404 page's <base>, not feeds
    files, problems = publish_site(basic_site, basic_config.with_overrides(base_url="javascript:alert(1)"), [])
    assert [p.code for p in problems] == ["bad-base-url"] and "feed.xml" not in files


def test_base_url_without_trailing_slash_still_joins(basic_site, basic_config):
    feed = parse(feed_files(basic_site, basic_config.with_overrides(base_url="https://x.github.io/repo")), "feed.xml")
    assert feed.entries[0].link.startswith("https://x.github.io/repo/dangyuan-zhiyou/")


def test_newest_caps_the_feed(basic_site):
    many = basic_site.articles * 20
    assert len(newest(many)) == FEED_SIZE


def excerpt(body: str) -> str:
    return plain.excerpt(body, EXCERPT_CHARS)


def test_excerpt_strips_markdown_and_cuts():
    assert excerpt("## 小标题\n\n**加粗**的[链接](x.html)。\n\n第二段") == "加粗的链接。第二段"
    assert excerpt("字" * 300).endswith("…") and len(excerpt("字" * 300)) == 201


def test_excerpt_shows_imported_text_as_printed():
    """Imported bodies escape what Markdown would read (generator/ingest/literal.py): the feed
    shows the characters, not the backslashes, and keeps # and > that are part of the text."""
    assert excerpt("1\\. 第一条 \\*重点\\* C# 与 a > b，\\[注\\]") == "1. 第一条 *重点* C# 与 a > b，[注]"
