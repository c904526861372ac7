"""Pure pieces of rendering: relative URLs, safe Markdown, citations, calendars, pagination."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Article, Issue, Publication
from generator.text.plain import first_sentence
from generator.render.calendar import month_grid
from generator.render.citation import cite
from generator.render.markdown import MarkdownRenderer
from generator.render.pages import paginate
from generator.render.links import relative_url, root_prefix


@pytest.mark.parametrize("target, page, expected", [
    ("index.html", "index.html", "index.html"),
    ("index.html", "a/2023-08-11/001-x.html", "../../index.html"),
    ("a/2023-08-11/index.html", "a/2023-08-11/001-x.html", "index.html"),
    ("a/2023-08-11/002-y.html", "a/2023-08-11/001-x.html", "002-y.html"),
    ("regions/altay/index.html#place-x", "a/index.html", "../regions/altay/index.html#place-x"),
    ("static/style.css", "regions/altay/page-2.html", "../../static/style.css"),
    ("#s1", "a/b.html", "#s1"),
    ("https://example.org/x", "a/b.html", "https://example.org/x"),
])
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


def test_root_prefix():
    assert [root_prefix(u) for u in ("index.html", "dates/index.html", "a/b/c.html")] == ["", "../", "../../"]


def test_markdown_escapes_raw_html_and_drops_script_links():
    html = MarkdownRenderer()(
        '<div onclick="x()">块</div>\n\n正文 <script>alert(1)</script> 与 <b>粗</b>\n\n'
        '[点我](javascript:alert(1)) [好](https://example.org/) ![图](data:text/html,x)\n\n## 小标题'
    )
    assert "<script" not in html and "<div" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;div onclick" in html
    assert "javascript:" not in html and "data:text" not in html
    assert '<a href="https://example.org/">好</a>' in html
    assert "<h2>小标题</h2>" in html


def test_markdown_renderer_is_reusable_without_leaking_state():
    render = MarkdownRenderer()
    render("脚注[^1]\n\n[^1]: 一")
    assert str(render("第二篇")) == "<p>第二篇</p>"


def test_first_sentence_skips_headings_and_markup():
    assert first_sentence("## 标题\n\n**本报讯** 第一句话。第二句话。") == "本报讯 第一句话。"
    assert first_sentence("> - [链接](x.html)与`代码`。后文") == "链接与代码。"
    assert first_sentence("\\[图\\] 1\\. \\*注\\*。") == "[图] 1. *注*。"  # imported text, escapes resolved
    assert first_sentence("") == ""
    assert len(first_sentence("长" * 300)) == 90


def _article(**kw):
    values = dict(title="巴州被命名", publication="巴音郭楞日报", publication_slug="bayinguoleng-daily",
                  date=dt.date(2023, 8, 11), issue="2023-08-11", order=1, slug="x", body="", page=1,
                  authors=("陈彦强",))
    values.update(kw)
    return Article(**values)


ISSUE = Issue(publication="巴音郭楞日报", publication_slug="bayinguoleng-daily", folder="2023-08-11",
              date=dt.date(2023, 8, 11))
DAILY = Publication(slug="bayinguoleng-daily", name="巴音郭楞日报", frequency="daily")


def test_citation_newspaper_gbt7714():
    assert cite(_article(), ISSUE, DAILY) == "陈彦强.巴州被命名[N].巴音郭楞日报,2023-08-11(1)."


def test_citation_many_authors_no_page_no_author():
    many = _article(authors=("甲", "乙", "丙", "丁"), page=None)
    assert cite(many, ISSUE, DAILY) == "甲,乙,丙,等.巴州被命名[N].巴音郭楞日报,2023-08-11."
    assert cite(_article(authors=()), ISSUE, DAILY) == "巴州被命名[N].巴音郭楞日报,2023-08-11(1)."


def test_citation_magazine_uses_year_and_number_from_label():
    monthly = Publication(slug="dangyuan-zhiyou", name="党员之友", frequency="monthly")
    issue = Issue(publication="党员之友", publication_slug="dangyuan-zhiyou", folder="2025-03-28",
                  date=dt.date(2025, 3, 28), label="2025·3")
    article = _article(title="借助援疆力量", publication="党员之友", authors=("温泉县委组织部",), page=None)
    assert cite(article, issue, monthly) == "温泉县委组织部.借助援疆力量[J].党员之友,2025(3)."
    paged = _article(title="借助援疆力量", publication="党员之友", authors=("温泉县委组织部",), page=16)
    assert cite(paged, issue, monthly) == "温泉县委组织部.借助援疆力量[J].党员之友,2025(3):16."  # GB/T 7714: 年(期):页码


@pytest.mark.parametrize("source", ["inferred", "inferred: 正文首句", "given"])
def test_citation_brackets_a_title_the_archive_supplied(source):
    """GB/T 7714, as cataloguing does, puts a title not printed on the piece in square brackets."""
    supplied = _article(title="自治州质量强州工作领导小组召开会议", title_source=source)
    assert cite(supplied, ISSUE, DAILY) == "陈彦强.[自治州质量强州工作领导小组召开会议][N].巴音郭楞日报,2023-08-11(1)."
    monthly = Publication(slug="dangyuan-zhiyou", name="党员之友", frequency="monthly")
    issue = Issue(publication="党员之友", publication_slug="dangyuan-zhiyou", folder="2025-03-28",
                  date=dt.date(2025, 3, 28), label="2025·3")
    photo = _article(title="G3012线喀什疏勒高速公路", publication="党员之友", authors=(), page=None, title_source=source)
    assert cite(photo, issue, monthly) == "[G3012线喀什疏勒高速公路][J].党员之友,2025(3)."


def test_citation_reads_the_label_as_the_importer_does():
    """A label as printed, 2025年3期, is the importer's 2025·3, so it cites as 2025(3); a label the
    importer reads as no year and number (第12期) cites by date."""
    monthly = Publication(slug="dangyuan-zhiyou", name="党员之友", frequency="monthly")
    article = _article(title="借助援疆力量", publication="党员之友", authors=(), page=None, date=dt.date(2025, 3, 28))
    for label, where in (("2025年3期", "2025(3)"), ("2025.3", "2025(3)"), ("第12期", "2025-03-28")):
        issue = Issue(publication="党员之友", publication_slug="dangyuan-zhiyou", folder="2025-03-28",
                      date=dt.date(2025, 3, 28), label=label)
        assert cite(article, issue, monthly) == f"借助援疆力量[J].党员之友,{where}."


def test_month_grid_links_days_and_starts_on_monday():
    month = month_grid(2023, 8, {dt.date(2023, 8, 11): ("x/index.html", "t")})
    first_week = month.weeks[0]
    assert first_week[0].day is None and first_week[1].day == 1  # 2023-08-01 was a Tuesday
    linked = [d for week in month.weeks for d in week if d.url]
    assert [(d.day, d.url) for d in linked] == [(11, "x/index.html")]
    assert month.count == 1


def test_paginate_names_files_and_keeps_one_page_when_empty():
    pages = paginate(list(range(5)), 2, "regions/altay/index.html")
    assert [url for url, _, _ in pages] == [
        "regions/altay/index.html", "regions/altay/page-2.html", "regions/altay/page-3.html"]
    assert pages[1][1] == [2, 3]
    assert pages[1][2].prev_url == "regions/altay/index.html" and pages[1][2].next_url == "regions/altay/page-3.html"
    assert len(paginate([], 50, "regions/x/index.html")) == 1


def test_relative_url_matches_posixpath_relpath_for_site_paths():
    import posixpath
    paths = ["index.html", "a/index.html", "a/b/c.html", "a/b/d.html", "a/x/y.html", "b/index.html",
             "regions/altay/index.html", "regions/altay/a/index.html", "regions/altay/page-2.html"]
    for target in paths:
        for page in paths:
            assert relative_url(target, page) == posixpath.relpath(target, posixpath.dirname(page) or ".")


def test_issue_sections_newspaper_by_page_magazine_by_column_runs():
    from generator.render.issues import issue_sections
    articles = (
        _article(order=1, slug="a", page=1, column="卷首语"),
        _article(order=2, slug="b", page=2, column="要闻"),
        _article(order=3, slug="c", page=None),
        _article(order=4, slug="d", page=1, column="要闻"),
    )
    issue = Issue(publication="x", publication_slug="x", folder="2025-03-28", date=dt.date(2025, 3, 28),
                  articles=articles)
    paper = issue_sections(issue)
    assert [(s.heading, s.anchor, [a.slug for a, _ in s.entries]) for s in paper] == [
        ("第1版", "p1", ["a", "d"]), ("第2版", "p2", ["b"]), ("版次不详", "p0", ["c"])]
    magazine = issue_sections(issue, magazine=True)
    assert [(s.heading, [a.slug for a, _ in s.entries]) for s in magazine] == [
        ("卷首语", ["a"]), ("要闻", ["b"]), ("", ["c"]), ("要闻", ["d"])]
