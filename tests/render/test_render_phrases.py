"""The `phrases` filter: a headline's break opportunities between phrases, never inside a word."""
from __future__ import annotations

import html
import json
import re

import budoux
import jinja2
import pytest
from hypothesis import given, settings, strategies as st

from generator.render.phrases import phrase_markup, phrases

BUDOUX = budoux.load_default_simplified_chinese_parser()


def ends(parts) -> set[int]:
    out, n = set(), 0
    for part in parts:
        n += len(part)
        out.add(n)
    return out


def plain(markup: str) -> str:
    """What a reader copies: the markup without its tags, unescaped."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


@pytest.mark.parametrize("title, kept", [
    ("走进乡村民俗博物馆", ["乡村", "民俗", "博物馆"]),       # BudouX alone: 走进乡|村民|俗|博物馆
    ("阿勒泰冰雪旅游持续升温", ["升温", "阿勒泰"]),             # BudouX alone: 持续|升|温
    ("巴州被命名为2023年自治区民族团结进步示范区", ["自治区", "示范区", "2023年"]),
    ("自治区党委召开专题学习会", ["学习会", "专题"]),
    ("《求是》杂志发表习近平总书记重要文章", ["习近平", "总书记", "《求是》"]),
])
def test_words_of_real_titles_stay_whole(title, kept):
    parts = phrases(title)
    assert "".join(parts) == title
    assert len(parts) > 1  # it does cut: a title is not one unbreakable block
    for word in kept:
        assert any(word in part for part in parts), f"{word} cut: {'|'.join(parts)}"


def test_examples_from_the_issue():
    assert phrases("走进乡村民俗博物馆") == ("走进乡村民俗", "博物馆")
    assert phrases("阿勒泰冰雪旅游持续升温")[-1] == "升温"  # no one-character last line 温
    assert phrases("2023年自治区") == ("2023年", "自治区")


def test_every_cut_is_a_budoux_boundary_or_follows_a_space():
    for title in ["巴州被命名为2023年自治区民族团结进步示范区", "欢聚一家人 共享幸福年",
                  "新疆喀什华电266万千瓦热电联产项目", "吐尔逊·阿那依提：走进乡村民俗博物馆 唤醒时代记忆"]:
        parts = phrases(title)
        allowed = ends(BUDOUX.parse(title)) | {i + 1 for i, ch in enumerate(title) if ch.isspace()}
        assert ends(parts) <= allowed, "|".join(parts)
        assert not any(part[:1].isspace() for part in parts)  # a space ends a phrase, never opens one


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("新疆巴州乡村民俗博物馆走进2023年 ·、，“”<>&\"'ab"), max_size=40))
def test_phrases_give_the_text_back(text):
    assert "".join(phrases(text)) == text
    assert plain(phrase_markup(text)) == text


@pytest.mark.parametrize("title", [
    '<script>alert("标题")</script>质量强州',
    "A&B公司 &amp; 博物馆",
    "走进<b>乡村</b>民俗<wbr>博物馆",
    "'\"><img src=x onerror=alert(1)>",
    "规划（2024—2028年）<script>/x",
])
def test_hostile_titles_are_escaped_phrase_by_phrase(title):
    out = str(phrase_markup(title))
    assert out.startswith('<span class="phrases">') and out.endswith("</span>")
    inner = out[len('<span class="phrases">'):-len("</span>")]
    assert set(re.findall(r"<[^>]*>", inner)) <= {"<wbr>", '<span class="phrase">', "</span>"}, inner  # ours only
    assert plain(out) == title
    for piece in inner.split("<wbr>"):
        piece = piece.removeprefix('<span class="phrase">').removesuffix("</span>")
        assert piece == str(jinja2.utils.markupsafe.escape(html.unescape(piece)))


def test_the_filter_in_the_theme_environment(basic_project):
    from generator import load_config
    from generator.render.environment import theme_environment
    env = theme_environment(load_config(basic_project))
    out = env.from_string("<h1>{{ t|phrases }}</h1>").render(t="走进乡村民俗博物馆&<b>")
    assert out == '<h1><span class="phrases">走进乡村民俗<wbr>博物馆&amp;&lt;b&gt;</span></h1>'


def test_none_and_empty_give_nothing():
    assert str(phrase_markup(None)) == ""
    assert phrases("") == ()


def test_only_the_visible_titles_carry_the_phrases(built_basic):
    """<title>, meta tags, JSON-LD, feeds, the search index and the data export get the plain
    title; the markup is in the page's body only."""
    article = (built_basic / "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html").read_text("utf-8")
    head, body = article.split("</head>", 1)
    assert "<wbr>" not in head and "phrases" not in head
    title = re.search(r"<title>(.*?) · ", head).group(1)
    assert title == "巴州被命名为2023年自治区民族团结进步示范区"
    assert f'content="{title}"' in head  # og:title
    assert json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))["headline"] == title
    h1 = re.search(r'<h1 class="article-title">(.*?)</h1>', body).group(1)
    assert "<wbr>" in h1 and plain(h1) == title
    for path in sorted(built_basic.rglob("*")):
        if path.is_file() and path.suffix != ".html" and path.suffix in {".xml", ".json", ".js", ".csv", ".txt"}:
            data = path.read_bytes()  # search's text files are UTF-16 with a byte-order mark
            text = data.decode("utf-16") if data.startswith(b"\xff\xfe") else data.decode("utf-8")
            assert "<wbr>" not in text and "&lt;wbr&gt;" not in text and 'class="phrases"' not in text, path


def test_a_phrase_with_a_dash_inside_is_kept_whole():
    out = str(phrase_markup("培训工作规划（2024—2028年）》答记者问"))
    assert '<span class="phrase">（2024—2028年）》</span>' in out
    assert str(phrase_markup("走进乡村民俗博物馆")).count("<span") == 1  # no extra spans without a dash


def test_a_transliterated_name_is_never_cut():
    assert phrases("吐尔逊·阿那依提：走进乡村民俗博物馆")[0].startswith("吐尔逊·阿那依提")
    assert any(part.startswith("习近平") for part in phrases("《求是》杂志发表习近平总书记重要文章"))
