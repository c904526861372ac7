"""Front matter `lines:`: the spelling the importer writes is the one the loader reads back."""
from __future__ import annotations

import pytest

from generator.content.line_ranges import format_ranges, parse_ranges, ranges_of
from generator.content.load import load_content


def test_runs_of_lines_bridge_blank_lines_only():
    assert ranges_of([3, 4, 6, 7, 12], bridged=[5]) == ((3, 7), (12, 12))
    assert ranges_of([]) == ()


@pytest.mark.parametrize("ranges, written", [
    (((22, 42),), "22-42"), (((22, 30), (120, 135)), "22-30, 120-135"), (((7, 7),), "7"),
])
def test_ranges_round_trip(ranges, written):
    assert format_ranges(ranges) == written
    assert parse_ranges(written) == ranges


@pytest.mark.parametrize("bad", ["42-22", "0-3", "5-9, 7-12", "22-", "a-b", "", "3-4,, 9"])
def test_bad_ranges_are_refused(bad):
    assert parse_ranges(bad) is None


def test_a_bad_lines_value_is_an_error_at_its_line(basic_project):
    path = basic_project / "content/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("lines: 3-9", "lines: 9-3"), "utf-8")
    line = text.split("\n").index("lines: 3-9") + 1
    *_, problems = load_content(basic_project / "content", basic_project)
    [problem] = [p for p in problems if p.code == "bad-value"]
    assert (problem.path, problem.line) == ("content/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.md", line)
    assert "lines" in problem.message and "22-42" in problem.message


def test_the_loaded_article_knows_its_lines(basic_project):
    _, _, articles, problems = load_content(basic_project / "content", basic_project)
    assert problems == []
    assert {a.stem: a.lines for a in articles if a.issue == "2023-08-11"} == {
        "001-ba-zhou-bei-ming-ming": ((3, 9),), "002-shi-si-yun": ((11, 12),), "003-hostile": ((14, 21),)}
