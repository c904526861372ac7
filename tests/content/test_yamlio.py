"""YAML syntax errors: the line a person must fix, and a message a person can read.

PyYAML's own wording (`expected <block end>, but found '-'`) stays in the
message for searching, after an explanation in plain words.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from unittest.mock import patch

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from generator.content import yamlio
from generator.content.frontmatter import FrontMatterError, split
from generator.content.yamlio import YamlSyntaxError, dump_yaml, load_yaml


def error_of(text: str, offset: int = 0) -> YamlSyntaxError:
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(text, offset)
    return caught.value


@pytest.mark.parametrize("text, line, words", [
    # the line PyYAML stopped at, not the start of the mapping it was parsing
    ("title: 甲\nplaces:\n  - 尉犁县\n - 库尔勒市\n", 4, "indent"),
    ("a:\n  - b\n  c: d\n", 3, "indent"),
    ("title: 甲\n  kind: news\n", 2, "':'"),
    ("title: 甲: 乙\n", 1, "quotes"),
    ("title: 甲\n\tkind: news\n", 2, "tab"),
    ("title: @某人\n", 1, "quotes"),
    ("title: *别名\n", 1, "quotes"),
    ("title: !标签 x\n", 1, "quotes"),
    ("title: \"a\\q\"\n", 1, "escape"),
    ("a: 1\n---\nb: 2\n", 2, "one document"),
    # a line that is no `key: value`: the line itself, not the next one
    ("title: 甲\n这是一行\nkind: news\n", 2, "key: value"),
    # unclosed brackets and quotes: the line where they were opened
    ("title: [未闭合\ndate: 2023-08-11\n", 1, "'['"),
    ("title: {未闭合\n", 1, "'{'"),
    ("title: \"未闭合\ndate: 2023-08-11\n", 1, "quote"),
])
def test_syntax_errors_name_the_line_to_fix_in_plain_words(text, line, words):
    exc = error_of(text)
    assert exc.line == line
    assert exc.message.startswith("YAML syntax error: ")
    assert words in exc.message
    assert "while parsing" not in exc.message and "while scanning" not in exc.message


def test_line_offset_shifts_every_line():
    assert error_of("title: 甲\nplaces:\n  - 尉犁县\n - 库尔勒市\n", 1).line == 5
    assert error_of("title: 甲\ntitle: 乙\n", 1).line == 3


@pytest.mark.parametrize("text", ["[a, b]: 1\n", "? [a]\n: 1\n", "? {a: 1}\n: 1\n"])
def test_a_key_that_is_a_list_or_mapping_is_an_error_not_a_traceback(text):
    exc = error_of(text, 1)
    assert exc.line == 2
    assert "key" in exc.message


def test_a_list_written_twice_is_written_out_twice_not_as_an_alias():
    """The loader refuses anchors and aliases, so the writer must never make one."""
    names = ["张三", "李四"]
    text = dump_yaml({"authors": names, "photographers": names}, block=True)
    assert "&" not in text and "*" not in text
    assert load_yaml(text) == {"authors": names, "photographers": names}


REPO = Path(__file__).resolve().parents[2]


def careful(text: str, offset: int = 0):
    """What the pure-Python loader (line marks from PyYAML's own composer) makes of `text`."""
    with patch.object(yamlio, "is_plain", lambda text: False):
        return outcome(text, offset)


def outcome(text: str, offset: int = 0):
    try:
        data = load_yaml(text, offset)
    except YamlSyntaxError as exc:
        return "error", exc.message, exc.line
    return data, getattr(data, "lines", None), getattr(data, "item_lines", None)


def yaml_texts():
    """Every YAML file and article front matter of the sample archive and of the test fixtures."""
    for root in (REPO / "content", REPO / "tests" / "fixtures"):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".yaml", ".md") and path.is_file():
                text = path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n")
                if path.suffix == ".md":
                    try:
                        raw = split(text)
                    except FrontMatterError:
                        continue
                    yield path, raw.front, raw.front_first_line - 1
                else:
                    yield path, text, 0


def test_the_fast_loader_reads_every_file_as_the_careful_one_does():
    """Data, the line of every key and list item, and errors alike, on every file we have; and the
    fast path is taken for almost all of them (else the speed it was made for is lost)."""
    texts = list(yaml_texts())
    assert len(texts) > 100
    for path, text, offset in texts:
        assert outcome(text, offset) == careful(text, offset), path
    assert sum(yamlio.is_plain(text) for _, text, _ in texts) > 0.95 * len(texts)


@pytest.mark.parametrize("text", [
    "title: [不成对\n", "a: &x 1\nb: *x\n", "a: " + "[" * 40 + "]" * 40 + "\n", "a: [[[[[[[[[1]]]]]]]]]\n",
    "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n",
    "".join(" " * i + f"k{i}:\n" for i in range(40)) + " " * 40 + "v\n",
    "a: 1\na: 2\n", "? [a]\n: b\n", "n: " + "9" * 5000 + "\n", 'x: "\\ud800"\n', "x: !!int y\n",
    "title: \x07\n", "title: 甲\ntitle2: 乙\n---\nx: 1\n", "t: 'a\n\nb'\n", "",
])
def test_what_the_fast_loader_cannot_vouch_for_is_read_the_careful_way(text):
    assert outcome(text, 3) == careful(text, 3)


def test_a_control_character_is_a_located_problem_not_a_traceback():
    """PyYAML's reader refuses it before parsing: once a traceback out of load_yaml."""
    problem = error_of("title: 甲\nsubtitle: 乙\x07\n", 1)
    assert problem.line == 3 and "special characters" in problem.message


# dump_yaml spells the usual values itself, and writes the rest with libyaml where that gives PyYAML's
# own bytes: front matter must read the same whichever wrote it (a re-import is byte-identical, on a
# machine with libyaml or without).
_TEXT = st.text(st.sampled_from(
    list("新疆乌鲁木齐巴州：，。“”（）《》、—…· \u3000\t\n\r#:-'\"|>{}[]!&*?%@`,~=+0123456789abcXYZ")
    + ["\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\x00", "\x1b", "\x7f", "\xa0", "\U00020000", "🙂", "\ue000"]),
    max_size=14)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "authors", "lines", "place"]),
                       st.one_of(_TEXT, st.lists(_TEXT, max_size=3), st.none(), st.integers(-5, 5)), max_size=4),
       st.booleans())
def test_yaml_is_written_as_pythons_own_emitter_writes_it(data, block):
    python = yaml.dump(data, Dumper=yamlio._Dumper, allow_unicode=True, sort_keys=False,
                       default_flow_style=False if block else None, width=10_000)
    assert dump_yaml(data, block=block) == python


_WORDS = st.sampled_from(["", "a", "true", "yes", "No", "on", "null", "~", "2023", "-1", "1.5", ".5", "0x1f", "1e3",
                          ".inf", "2023-08-11", "12:30", "1:30:00", "1_000", "<<", "=", "a: b", "a:b", "a:", "a #b",
                          "a#b", "#a", "-", "- a", "-a", "?", "? a", "?a", ":a", ".", "...", "---", "--- a", "a,b",
                          "[a]", "{a}", "a]", "'a", "a'b", "&a", "*a", "!a", "|a", ">a", "%a", "@a", "`a", "巴州",
                          "巴州：会议", "《人民日报》", "a  b", "001-ba-zhou.md", "x" * 999, "x" * 1000, "x" * 1001])
_SCALARS = st.one_of(_TEXT, _WORDS, st.none(), st.booleans(), st.integers(-10**20, 10**20),
                     st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
_KEYS = st.one_of(st.sampled_from(["files", "titles", "confidence", "level", "doubts", "line", "kind", "text"]),
                  _WORDS, _TEXT)
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(_KEYS, inner, max_size=3)), max_leaves=8)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=5), st.booleans())
def test_yaml_spelled_without_pyyaml_is_what_pyyaml_writes(data, block):
    """The import's manifest (files, titles, confidence, furniture), issue.yaml, front matter."""
    assert dump_yaml(data, block=block) == yamlio.pyyaml_dump(data, block=block)


def test_the_usual_values_are_spelled_without_pyyaml():
    front = {"title": "巴州召开会议", "date": dt.date(2023, 8, 11), "order": 1, "authors": ["陈新", "李 明"],
             "regions": ["巴音郭楞蒙古自治州"], "lines": "22-42, 120-135", "continued": True}
    with patch.object(yamlio, "pyyaml_dump", side_effect=AssertionError("asked PyYAML")):
        assert dump_yaml(front) == ("title: 巴州召开会议\ndate: 2023-08-11\norder: 1\nauthors: [陈新, 李 明]\n"
                                    "regions: [巴音郭楞蒙古自治州]\nlines: 22-42, 120-135\ncontinued: true\n")


def test_a_rare_han_character_of_a_name_is_written_as_itself():
    assert dump_yaml({"authors": ["王𠀀"]}) == "authors: [王𠀀]\n"
