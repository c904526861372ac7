"""No built page or stylesheet fetches anything from the network.

Checked independently of the link checker: a small html.parser pass over
every page of the built fixture archive, and a regex over every stylesheet.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

REMOTE = re.compile(r"^\s*(https?:)?//", re.I)
LOADED_LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest"}


class ResourceParser(HTMLParser):
    """Collects the URLs a browser would fetch on its own while showing the page."""

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.fetched.append(a["src"])
        if tag == "link" and set(a.get("rel", "").lower().split()) & LOADED_LINK_RELS:
            self.fetched.append(a.get("href", ""))
        if tag == "object" and a.get("data"):
            self.fetched.append(a["data"])
        self.fetched += re.findall(r"url\(\s*['\"]?([^'\")]+)", a.get("style", ""))
        self.in_style = tag == "style"

    def handle_data(self, data):
        if self.in_style:
            self.fetched += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)


def built_files(site, suffix):
    return sorted(p for p in site.rglob(f"*{suffix}") if p.is_file())


def test_the_built_site_has_pages_and_stylesheets(built_basic):
    assert len(built_files(built_basic, ".html")) > 10
    assert built_files(built_basic, ".css")


def test_no_page_loads_from_the_network(built_basic):
    offenders = {}
    for path in built_files(built_basic, ".html"):
        parser = ResourceParser()
        parser.feed(path.read_text(encoding="utf-8"))
        remote = [u for u in parser.fetched if REMOTE.match(u)]
        if remote:
            offenders[path.relative_to(built_basic).as_posix()] = remote
    assert offenders == {}


def test_no_stylesheet_loads_fonts_or_images_from_the_network(built_basic):
    offenders = {}
    for path in built_files(built_basic, ".css"):
        text = path.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        remote = [u for u in urls if REMOTE.match(u)]
        if remote:
            offenders[path.relative_to(built_basic).as_posix()] = remote
    assert offenders == {}


def test_the_parser_would_catch_a_cdn():
    parser = ResourceParser()
    parser.feed('<link rel="stylesheet" href="https://cdn.x/a.css"><script src="//cdn.x/a.js"></script>'
                '<img src="http://x/p.png"><link rel="canonical" href="https://x/"><a href="https://x/">x</a>')
    assert [u for u in parser.fetched if REMOTE.match(u)] == ["https://cdn.x/a.css", "//cdn.x/a.js", "http://x/p.png"]
