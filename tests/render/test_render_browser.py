"""A real browser opens the built site from disk and reads an article (desktop and phone width)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [1200, 375])
def test_click_from_home_to_issue_to_article_from_disk(built_basic, page, tmp_path, width):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((built_basic / "index.html").as_uri())
    assert page.title() == "测试档案"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"  # CSS loaded

    page.click("text=2023年8月11日 星期五")
    assert page.url.endswith("/bayinguoleng-daily/2023-08-11/index.html")
    assert page.inner_text("h1.masthead-name") == "巴音郭楞日报"
    page.screenshot(path=str(tmp_path / f"issue-{width}.png"), full_page=True)

    page.click("a.toc-title >> text=巴州被命名为2023年自治区民族团结进步示范区")
    assert page.url.endswith("/001-ba-zhou-bei-ming-ming.html")
    assert page.inner_text("h1.article-title") == "巴州被命名为2023年自治区民族团结进步示范区"
    body = page.locator(".article-body")
    assert "serif" in body.evaluate("e => getComputedStyle(e).fontFamily").lower()
    box = body.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # no sideways scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"article-{width}.png"), full_page=True)

    page.click("text=下转2版")
    assert page.url.endswith("/003-hostile.html")
    assert page.inner_text("h1.article-title") == '<script>alert("标题")</script>质量强州'
    assert errors == []
