"""The 404 page as GitHub Pages serves it: for any missing path, at any depth, under /<repo>/."""
from __future__ import annotations

from pathlib import Path

import pytest


def serve(page, site: Path, prefix: str) -> None:
    """Answer requests under `prefix` from the built `site`, with 404.html for missing files."""
    def handle(route):
        path = route.request.url[len(prefix):].split("?")[0].split("#")[0]
        target = site / path
        if path and target.is_file():
            route.fulfill(status=200, body=target.read_bytes(), content_type=_type(path))
        else:
            route.fulfill(status=404, body=(site / "404.html").read_bytes(), content_type="text/html")
    page.route(prefix + "**", handle)


def _type(path: str) -> str:
    return {"css": "text/css", "js": "text/javascript", "html": "text/html"}.get(path.rsplit(".", 1)[-1], "application/octet-stream")


@pytest.mark.parametrize("fixture, prefix, missing", [
    ("built_plain", "https://reader.github.io/archive/", "no/such/deep/page.html"),  # no base_url: /archive/ guessed
    ("built_basic", "https://example.org/archive/", "no/such/deep/page.html"),       # base_url: <base href>
    # no base_url, the site at a domain's root or under a custom domain's sub-path: the site's own
    # first folder in the missing path shows where the site starts
    ("built_plain", "https://reader.github.io/", "altay-daily/2023-05-30/099-gone.html"),
    ("built_plain", "https://archive.example.cn/papers/", "regions/nowhere/index.html"),
])
def test_404_at_depth_has_style_and_working_links(request, page, fixture, prefix, missing):
    site = request.getfixturevalue(fixture)
    serve(page, site, prefix)
    response = page.goto(prefix + missing)
    assert response.status == 404
    assert page.inner_text("h1") == "页面不存在"
    # the stylesheet came from the site root, not from no/such/deep/static/style.css
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "double"
    page.click("text=返回首页")
    assert page.url == prefix + "index.html"
    assert page.title() == "测试档案"
