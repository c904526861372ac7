"""In Chromium, from disk and under a sub-path, on a phone and a desktop: a reader goes from an
article to its lines in the 原文 and back, and from a byline to the person's page and on to their
other articles; raw text that looks like markup stays text."""
from __future__ import annotations

import pytest

WIDTHS = [390, 1280]
FIRST = "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
HOSTILE = "bayinguoleng-daily/2023-08-11/003-hostile.html"


@pytest.fixture(params=["file", "sub-path"])
def site_url(request, built_basic, serve_under_repo):
    """The basic archive's base address, opened from disk or served under /repo/."""
    return built_basic.as_uri() + "/" if request.param == "file" else serve_under_repo(built_basic)


def open_page(page, url: str, width: int) -> list[str]:
    """Open `url` at `width`; returns the script errors and dialogs (an alert() from raw text would
    be one) the page raises from then on."""
    seen: list[str] = []
    page.on("pageerror", lambda exc: seen.append(str(exc)))
    page.on("dialog", lambda dialog: (seen.append("dialog " + dialog.message), dialog.dismiss()))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)
    return seen


@pytest.mark.parametrize("width", WIDTHS)
def test_from_an_article_to_its_lines_in_the_raw_text_and_back(page, site_url, width):
    errors = open_page(page, site_url + HOSTILE, width)
    page.click("text=原文第14–21行")
    assert page.url.endswith("/bayinguoleng-daily/2023-08-11/raw.html#L14")
    line = page.locator("#L14")
    assert line.evaluate("e => e.matches(':target')")
    top = line.bounding_box()["y"]
    assert 0 <= top < 800 / 2  # scrolled to the article's first line
    assert page.inner_text("#L14 .lt") == '<script>alert("标题")</script>质量强州'  # the raw line, as text
    block = page.locator("section.raw-article", has=page.locator("#L14"))
    assert block.locator("#L21").count() == 1 and block.locator("#L13").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    block.locator(".raw-article-head a").click()
    assert page.url.endswith("/" + HOSTILE)
    assert page.locator("h1.article-title").inner_text() == '<script>alert("标题")</script>质量强州'
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_from_the_issue_to_its_raw_text(page, site_url, width):
    errors = open_page(page, site_url + "bayinguoleng-daily/2023-08-11/index.html", width)
    assert page.locator(".provenance code").first.inner_text() == "raw/000.txt"
    page.click("text=查看原文（逐行）")
    assert page.url.endswith("/raw.html")
    assert page.locator(".raw-line").count() == 21
    assert page.locator("#L1 .lt").inner_text().strip() == "我的巴州客户端"
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_from_a_byline_to_the_persons_page_and_their_other_article(page, site_url, width):
    errors = open_page(page, site_url + HOSTILE, width)
    page.click(".article-meta >> text=谢晓艳")
    assert page.url.endswith("/authors/xie-xiao-yan/index.html")
    assert page.inner_text("h1") == "谢晓艳"
    titles = page.locator(".article-item-title").all_inner_texts()
    assert titles[0] == "库尔勒市推进城市更新" and len(titles) == 2  # the newest first
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.click("text=库尔勒市推进城市更新")
    assert page.url.endswith("/bayinguoleng-daily/2023-08-12/001-ku-er-le.html")
    assert "摄影：谢晓艳" in page.inner_text(".article-meta")
    page.click(".site-nav >> text=作者")
    assert page.url.endswith("/authors/index.html")
    assert page.locator(".author-list a").all_inner_texts()[0] == "陈彦强"
    assert errors == []
