"""What the archive supplied (a title for a piece printed without one, an inferred date) is
marked wherever the article is named: <title>, Open Graph, JSON-LD and the citation, as a
catalogue marks supplied information in [brackets] (GB/T 7714)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import html as htmllib
import json
import re

from generator import build, load_config
from generator.model import Article, Issue, Publication
from generator.render.citation import cite

from render_helpers import copy_fixture, read

INFERRED = "bayinguoleng-daily/2023-08-11/003-zi-zhi-zhou-zhi-liang-qiang.html"  # content/: title_source: inferred
TITLE = "自治州质量强州工作领导小组第一次全体会议在州市场监督管理局召开"
PRINTED = "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming-wei.html"

DAILY = Publication(slug="bayinguoleng-daily", name="巴音郭楞日报", frequency="daily")
MONTHLY = Publication(slug="dangyuan-zhiyou", name="党员之友", frequency="monthly")
ARTICLE = Article(title="巴州被命名", publication="巴音郭楞日报", publication_slug="bayinguoleng-daily",
                  date=dt.date(2023, 8, 11), issue="2023-08-11", order=1, slug="x", body="", page=1,
                  authors=("陈彦强",))
ISSUE = Issue(publication="巴音郭楞日报", publication_slug="bayinguoleng-daily", folder="2023-08-11",
              date=dt.date(2023, 8, 11), date_source="inferred: label 2023·8")


def head(html: str) -> dict:
    """<title>, og:title and the JSON-LD of a page."""
    return {
        "title": htmllib.unescape(re.search(r"<title>(.*?)</title>", html).group(1)),
        "og": htmllib.unescape(re.search(r'<meta property="og:title" content="([^"]*)"', html).group(1)),
        "ld": json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)),
    }


def test_an_inferred_date_is_bracketed_in_the_citation():
    assert cite(ARTICLE, ISSUE, DAILY) == "陈彦强.巴州被命名[N].巴音郭楞日报,[2023-08-11](1)."
    stated = dataclasses.replace(ISSUE, date_source="stated")
    assert cite(ARTICLE, stated, DAILY) == "陈彦强.巴州被命名[N].巴音郭楞日报,2023-08-11(1)."
    magazine = dataclasses.replace(ARTICLE, publication="党员之友", publication_slug="dangyuan-zhiyou", page=16)
    unlabelled = dataclasses.replace(ISSUE, publication="党员之友", publication_slug="dangyuan-zhiyou")
    assert cite(magazine, unlabelled, MONTHLY) == "陈彦强.巴州被命名[J].党员之友,[2023-08-11]:16."
    labelled = dataclasses.replace(unlabelled, label="2023·8")  # year and number as printed on it
    assert cite(magazine, labelled, MONTHLY) == "陈彦强.巴州被命名[J].党员之友,2023(8):16."


def test_an_inferred_title_is_bracketed_in_title_open_graph_and_json_ld(built_sample):
    supplied = head(read(built_sample, INFERRED))
    assert supplied["title"].startswith(f"［{TITLE}］ · 巴音郭楞日报 · ")
    assert supplied["og"] == f"［{TITLE}］"
    assert supplied["ld"]["headline"] == f"［{TITLE}］"
    assert supplied["ld"]["backstory"] == "标题为编者据正文所加"
    printed = head(read(built_sample, PRINTED))
    assert printed["og"] == printed["ld"]["headline"] == "巴州被命名为2023年自治区民族团结进步示范区"
    assert "backstory" not in printed["ld"]


def test_an_inferred_date_is_bracketed_in_the_citation_and_told_in_json_ld(tmp_path):
    project = copy_fixture("basic", tmp_path)
    issue = project / "content/bayinguoleng-daily/2023-08-11/issue.yaml"
    text = issue.read_text(encoding="utf-8")
    assert "date_source: given" in text
    issue.write_text(text.replace("date_source: given", 'date_source: "inferred: 出版日期 每日"'), encoding="utf-8")
    config = load_config(project, base_url="")
    build(config)
    page = read(config.output_path, "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html")
    assert "巴音郭楞日报,[2023-08-11](1)." in page
    assert head(page)["ld"]["backstory"] == "日期为推断"


def test_the_browser_shows_the_bracketed_title_in_the_tab(built_sample, page):
    page.goto((built_sample / INFERRED).as_uri())
    assert page.title().startswith(f"［{TITLE}］ · ")
    assert page.locator("h1.article-title").inner_text().replace("\n", "") == TITLE  # the page says why below
    assert page.locator(".title-note").inner_text() == "标题为编者据正文所加"
