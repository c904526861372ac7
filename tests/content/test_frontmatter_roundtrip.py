"""Front matter round-trips: what the importer writes, the loader reads back as the same values.

Titles are OCR text: any of them may look like YAML (`null`, `yes`, `2023-08-11`,
`- 列表`, `# 注释`, `标题: 副题`, quotes). None may change on the way through a
file, except that the loader trims outer white space.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from generator.content.frontmatter import render, split
from generator.content.schema import ARTICLE_FIELDS, check
from generator.content.yamlio import load_yaml

YAMLISH = ["null", "~", "yes", "No", "on", "true", "2023-08-11", "1e3", "0x1F", "- 列表", "# 注释", "标题: 副题",
           "'引号'", '"引号"', "&锚", "*别名", "!标签", "|", ">", "%", "@", "`", "{a}", "[b]", "---", "...",
           " 前空格", "后空格 ", "阿不都西库尔·米吉提", "下转2版", "巴州\t十四运"]
TEXT = st.one_of(st.sampled_from(YAMLISH), st.text(min_size=1, max_size=40).filter(lambda s: s.strip()))
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def loaded(text: str) -> tuple[dict, str]:
    raw = split(text)
    values, problems = check(load_yaml(raw.front), ARTICLE_FIELDS, "x.md")
    assert [p for p in problems if p.is_error] == []
    return values, raw.body


@SETTINGS
@given(title=TEXT, subtitle=st.one_of(st.none(), TEXT), authors=st.lists(TEXT, max_size=3),
       column=st.one_of(st.none(), TEXT), order=st.integers(1, 999), page=st.one_of(st.none(), st.integers(1, 64)),
       day=st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)))
def test_every_string_and_number_comes_back_unchanged(title, subtitle, authors, column, order, page, day):
    fields = {"title": title, "subtitle": subtitle, "publication": "巴音郭楞日报", "date": day,
              "issue": day.isoformat(), "order": order, "page": page, "column": column, "authors": authors}
    values, _ = loaded(render(fields, "正文。"))
    assert values == {k: v for k, v in map(normal, fields.items()) if v not in (None, ())}


def normal(item):
    """What the loader makes of a value: text trimmed (hand edits leave stray spaces), lists as tuples."""
    key, value = item
    if isinstance(value, str):
        return key, value.strip() or None
    if isinstance(value, list):
        return key, tuple(v.strip() for v in value if v.strip())
    return key, value


@SETTINGS
@given(body=st.text(max_size=300))
def test_the_body_comes_back_as_written_less_outer_blank_lines(body):
    fields = {"title": "题", "publication": "阿勒泰日报", "date": dt.date(2023, 5, 30), "issue": "2023-05-30",
              "order": 1}
    text = render(fields, body)
    values, read_body = loaded(text)  # once: reading is most of an example's work
    assert read_body.strip() == body.strip()
    assert render(values, read_body) == text  # read and written again: byte-identical
