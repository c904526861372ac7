"""base_url: one decision (urls.read_base_url) for every place that writes it.

An absolute http(s) address goes into feeds, the sitemap, canonical links, og:url,
JSON-LD and the 404 page's <base href>; a path (/archive/) only into <base href>;
anything else is an error at gazette.yaml's line or at --base-url, and is written nowhere.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import GazetteError, build, load_config
from generator.cli import main
from generator.config import Config

BAD = ["javascript:alert(1)", "ftp://x", 'https://example.org/a"onmouseover="alert(1)', "https://example.org/a b",
       "archive/", "//evil.example/", "https://", "data:text/html,<script>alert(1)</script>",
       "https://example.org/?q=1"]
WRITTEN = re.compile(r'<link rel="canonical" href="([^"]*)"|property="og:url" content="([^"]*)"|'
                     r'<base href="([^"]*)"|"url": "([^"]*)"')
FEED_LINK = re.compile(r'href="[^"]*feed\.xml"')


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def written_urls(site: Path) -> set[str]:
    """Every URL written into a canonical link, og:url, <base href> or a JSON-LD "url"."""
    return {next(g for g in m.groups() if g is not None)
            for html in pages(site).values() for m in WRITTEN.finditer(html)}


def set_base_url(project: Path, value: str) -> None:
    escaped = value.replace("'", "''")
    (project / "gazette.yaml").write_text(f"title: 测试档案\nbase_url: '{escaped}'\n", encoding="utf-8")


@pytest.mark.parametrize("value", BAD)
def test_a_bad_base_url_in_gazette_yaml_is_an_error_at_its_line(basic_project, value):
    set_base_url(basic_project, value)
    with pytest.raises(GazetteError) as caught:
        load_config(basic_project)
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.code) == ("gazette.yaml", 2, "bad-base-url")
    assert problem.message.startswith("base_url '") and "cannot be used" in problem.message


@pytest.mark.parametrize("value", BAD)
def test_a_bad_base_url_flag_stops_the_build_and_nothing_is_written(basic_project, value, capsys):
    assert main(["-C", str(basic_project), "build", "-q", "--base-url", value]) == 1
    err = capsys.readouterr().err
    assert err.startswith("--base-url: base_url '")
    assert not (basic_project / "site").exists()


@pytest.mark.parametrize("value", BAD)
def test_a_bad_base_url_given_past_load_config_is_written_nowhere(basic_project, value):
    """A Config made by hand (the API) still goes through the same decision when pages are written."""
    config = load_config(basic_project, base_url="").with_overrides(base_url=value)
    result = build(config)
    site = config.output_path
    assert written_urls(site) == set()
    if value != "https://":  # JSON-LD's own @context is https://schema.org
        assert not any(value in html for html in pages(site).values())
    assert not any(FEED_LINK.search(html) for html in pages(site).values())
    assert not (site / "feed.xml").exists() and not (site / "sitemap.xml").exists()
    assert [p.code for p in result.problems] == ["bad-base-url"]


def test_a_path_base_url_is_only_the_404_pages_base(basic_project, capsys):
    set_base_url(basic_project, "/archive")
    assert main(["-C", str(basic_project), "build", "-q"]) == 0
    site = basic_project / "site"
    assert written_urls(site) == {"/archive/"}
    assert '<base href="/archive/">' in (site / "404.html").read_text(encoding="utf-8")
    assert not any(FEED_LINK.search(html) for html in pages(site).values())  # no feed is written, none is linked
    assert not (site / "feed.xml").exists() and not (site / "sitemap.xml").exists()
    capsys.readouterr()
    assert main(["-C", str(basic_project), "check", "--site", str(site)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("gazette check: 0 errors")
    assert "feed.xml" not in err and "/archive/" not in err


def test_an_absolute_base_url_is_written_everywhere_normalized(basic_project):
    set_base_url(basic_project, "https://reader.github.io/archive")
    config = load_config(basic_project)
    assert config.base_url == config.absolute_base_url == "https://reader.github.io/archive/"
    build(config)
    site = config.output_path
    urls = written_urls(site)
    assert "https://reader.github.io/archive/" in urls  # the 404 page's <base href>, with its slash
    assert all(u.startswith("https://reader.github.io/archive/") for u in urls)
    article = (site / "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html").read_text(encoding="utf-8")
    assert ('<link rel="canonical" href="https://reader.github.io/archive/bayinguoleng-daily/2023-08-11/'
            '001-ba-zhou-bei-ming-ming.html">') in article
    assert FEED_LINK.search(article) and (site / "feed.xml").exists()


@pytest.mark.parametrize("value, url, absolute", [
    ("", "", False), ("  ", "", False), ("/", "/", False), ("/archive", "/archive/", False),
    ("/%E6%A1%A3/", "/%E6%A1%A3/", False), ("http://localhost:8000", "http://localhost:8000/", True),
    ("https://example.org/a/b/", "https://example.org/a/b/", True),
])
def test_usable_base_urls(value, url, absolute):
    config = Config(root=Path("."), base_url=value)
    assert config.absolute_base_url == (url if absolute else "")
    from generator.urls import read_base_url
    assert read_base_url(value) == (url, absolute, None)
