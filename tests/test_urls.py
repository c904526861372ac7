"""generator.urls: the one place page paths and absolute URLs are spelled."""
from __future__ import annotations

import datetime as dt

from generator import urls
from generator.model import Article, Issue

BASE = "https://example.org/archive/"


def test_pages_are_files_under_their_folders():
    assert urls.publication("altay-daily") == "altay-daily/index.html"
    assert urls.issue("altay-daily", "2023-05-30") == "altay-daily/2023-05-30/index.html"
    assert urls.article("altay-daily", "2023-05-30", "001-x") == "altay-daily/2023-05-30/001-x.html"
    assert urls.place("bayingolin", "ku-er-le") == "regions/bayingolin/ku-er-le/index.html"
    assert urls.month(2023, 5) == "dates/2023/index.html#m05"
    assert urls.FEED == "feed.xml"
    assert urls.feed_of(urls.publication("altay-daily")) == "altay-daily/feed.xml"
    assert urls.feed_of(urls.region("altay")) == "regions/altay/feed.xml"


def test_numbered_pages_share_the_first_page_folder():
    first = urls.region("altay")
    assert [urls.numbered_page(first, n) for n in (1, 2, 3)] == [
        "regions/altay/index.html", "regions/altay/page-2.html", "regions/altay/page-3.html"]


def test_models_ask_urls():
    issue = Issue(publication="阿勒泰日报", publication_slug="altay-daily", folder="2023-05-30-b",
                  date=dt.date(2023, 5, 30))
    article = Article(title="t", publication="阿勒泰日报", publication_slug="altay-daily", date=issue.date,
                      issue=issue.folder, order=7, slug="x", body="")
    assert article.issue_url == issue.url == urls.issue("altay-daily", "2023-05-30-b")
    assert article.url == "altay-daily/2023-05-30-b/007-x.html"


def test_absolute_url_only_under_an_absolute_base():
    assert urls.absolute_url("a/index.html", BASE) == BASE + "a/index.html"
    assert urls.absolute_url("/a/index.html", "https://example.org/archive") == BASE + "a/index.html"
    assert urls.absolute_url("a/index.html", "/archive/") == ""
    assert urls.absolute_url("a/index.html", "") == ""


def test_absolute_url_is_percent_encoded_once_for_every_output():
    assert urls.absolute_url("a&b/中文.html", BASE) == BASE + "a%26b/%E4%B8%AD%E6%96%87.html"
