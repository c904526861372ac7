"""One reading of a body as plain text (generator/text/plain.py) for the meta description and
table of contents, the feed summary and the search text."""
from __future__ import annotations

import pytest

from generator.text.plain import clip, excerpt, first_sentence, paragraphs, plain_text, run_on
from generator.render.markdown import MarkdownRenderer

BODIES = [
    "本报讯 第一句话。第二句话。\n\n第二段。",
    "## 小标题\n\n**加粗**的[链接](x.html)。后文\n\n- 一\n- 二",
    "> 引文第一句！引文后文\n\n正文。",
    "![](photo.jpg)\n\n图后正文第一句。第二句。",
    "## 小标题\n紧接标题的正文。第二句。",
    "第一段\n\n* * *\n\n第二段",
    "\\[图\\] 1\\. \\*注\\*。 C# 与 a > b",
]


@pytest.mark.parametrize("body", [
    "![](photo.jpg)\n\n正文第一句。第二句。",  # a photo without a caption first
    "* * *\n\n正文第一句。第二句。",  # a rule first
    "## 小标题\n正文第一句。第二句。",  # a heading with its text on the next line: <h2> then <p>
])
def test_description_and_feed_summary_start_at_the_first_text_a_reader_sees(body):
    """The meta description and the issue's table of contents were empty here (the first block
    had no text, or began with a heading line), while the feed summary (or neither) went on."""
    assert "<p>正文第一句。第二句。</p>" in str(MarkdownRenderer()(body))
    assert first_sentence(body) == "正文第一句。"
    assert excerpt(body, 200) == "正文第一句。第二句。"


def test_a_paragraph_without_text_leaves_no_double_space_in_the_feed_summary():
    assert excerpt("第一段\n\n![](x.jpg)\n\n第二段", 200) == "第一段第二段"
    assert excerpt("first\n\n![](x.jpg)\n\nsecond", 200) == "first second"


def test_one_cut_the_ellipsis_counted():
    assert clip("字" * 10, 10) == "字" * 10
    assert clip("字" * 11, 10) == "字" * 9 + "…"
    assert len(first_sentence("长" * 300)) == 90 and len(excerpt("长" * 300, 201)) == 201


@pytest.mark.parametrize("body", BODIES)
def test_the_three_readers_read_a_body_alike(body):
    """The description is where the feed summary starts, and the summary is text search holds."""
    summary = excerpt(body, 10_000)
    assert summary.startswith(first_sentence(body))
    assert run_on(paragraphs(body)) == summary
    lines = " ".join(plain_text(body).splitlines())
    assert all(word in lines for paragraph in paragraphs(body) for word in paragraph.split())


def test_search_text_keeps_headings_and_lines():
    assert plain_text("## 小标题\n紧接标题的正文。\n\n- 一\n- 二") == "小标题\n紧接标题的正文。\n一\n二"


def test_a_feed_summary_runs_chinese_paragraphs_on_without_a_space_and_latin_ones_with_one():
    body = "本报讯 巴州被命名为示范区。\n\n据了解，自治区决定命名。\n\nKorla tour\n\ngroups arrive"
    assert excerpt(body, 200) == "本报讯 巴州被命名为示范区。据了解，自治区决定命名。Korla tour groups arrive"
