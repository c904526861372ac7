"""The link checker on hand-made HTML: each kind of breakage found, with its line."""
from __future__ import annotations

from generator.linkcheck import check_site, resolve, scan_html


def page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html>\n<html><head>{head}</head>\n<body>\n{body}\n</body></html>".encode()


def codes(problems):
    return sorted(((p.path, p.line, p.code) for p in problems), key=lambda t: (t[0], t[1] or 0, t[2]))


def test_a_consistent_site_has_no_problems():
    files = {
        "index.html": page('<a href="a/index.html#s">a</a> <a href="#top" id="top">top</a>'),
        "a/index.html": page('<h2 id="s">s</h2><a href="../index.html">home</a><img src="../img/x.png">',
                             '<link rel="stylesheet" href="../static/site.css">'),
        "static/site.css": b"body{background:url('../img/x.png')}",
        "img/x.png": b"",
    }
    assert check_site(files) == []


def test_broken_link_anchor_and_folder_link_are_reported_with_lines():
    files = {
        "index.html": page('<a href="a.html">ok</a>\n<a href="missing.html">x</a>\n'
                           '<a href="a.html#nope">y</a>\n<a href="a/">z</a>'),
        "a.html": page('<a href="index.html">home</a>'),
        "a/index.html": page('<a href="../index.html">home</a>'),
    }
    assert codes(check_site(files)) == [
        ("site/a/index.html", None, "orphan"),
        ("site/index.html", 5, "broken-link"),
        ("site/index.html", 6, "broken-anchor"),
        ("site/index.html", 7, "folder-link"),
    ]


def test_root_relative_links_are_refused():
    files = {"index.html": page('<a href="/index.html">home</a>')}
    assert [p.code for p in check_site(files)] == ["root-relative"]


def test_orphans_are_pages_unreachable_from_index():
    files = {
        "index.html": page('<a href="a.html">a</a>'),
        "a.html": page('<a href="b.html">b</a>'),
        "b.html": page(""),
        "lonely.html": page('<a href="index.html">home</a>'),
        "404.html": page(""),
    }
    assert codes(check_site(files)) == [("site/lonely.html", None, "orphan")]


def test_network_resources_are_errors_but_outbound_links_are_not():
    files = {
        "index.html": page(
            '<a href="https://example.org/">out</a>\n<img src="http://x.org/p.jpg">\n'
            '<script src="//cdn.x.org/lib.js"></script>\n<div style="background:url(https://x.org/b.png)"></div>',
            '<link rel="stylesheet" href="https://fonts.x.org/css">'
            '<link rel="icon" href="https://x.org/favicon.ico">'
            '<link rel="alternate" type="application/atom+xml" href="https://x.org/feed.xml">'
            '<link rel="canonical" href="https://x.org/index.html">'),
        "s.css": b'@import "https://x.org/more.css";\n@font-face{src:url(https://x.org/f.woff2)}',
    }
    found = codes(check_site(files))
    assert found == [
        ("site/index.html", 2, "remote-resource"), ("site/index.html", 2, "remote-resource"),
        ("site/index.html", 5, "remote-resource"), ("site/index.html", 6, "remote-resource"),
        ("site/index.html", 7, "remote-resource"),
        ("site/s.css", 1, "remote-resource"), ("site/s.css", 2, "remote-resource"),
    ]


def test_mailto_and_javascript_links_are_left_alone():
    files = {"index.html": page('<a href="mailto:a@b.c">m</a><a href="tel:123">t</a><a href="javascript:void 0">j</a>')}
    assert check_site(files) == []


def test_resolve_handles_percent_encoding_and_parents():
    assert resolve("a/b/index.html", "../c%20d.html#x%E4%B8%AD") == ("a/c d.html", "x中")
    assert resolve("a/index.html", "#top") == ("a/index.html", "top")


def test_scan_collects_ids_and_named_anchors():
    scan = scan_html('<h2 id="一">x</h2><a name="old">y</a><p id="p1">z</p>')
    assert scan.anchors == {"一", "old", "p1"}
