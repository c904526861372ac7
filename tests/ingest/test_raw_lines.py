"""Each imported article records its lines in the raw file (front matter `lines:`), and those lines
hold the article: what the 原文 page marks as an article's must be where a reader finds its text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.line_ranges import in_ranges
from generator.ingest import ImportOptions, import_issue, parse_text
from generator.ingest.read import read_raw

REPO = Path(__file__).resolve().parent.parent.parent
SAMPLES = sorted((REPO / "raw").glob("*.txt"))
HAN = re.compile(r"[\u3400-\u9fff]")


def han(text: str) -> str:
    return "".join(HAN.findall(text))


@pytest.mark.parametrize("raw", SAMPLES, ids=lambda p: p.name)
def test_an_articles_lines_hold_its_headline_and_first_words(raw):
    lines = read_raw(raw).text.split("\n")
    articles = parse_text("\n".join(lines), None, None).articles
    for article in articles:
        assert article.lines, article.title
        marked = han("".join(lines[n - 1] for a, b in article.lines for n in range(a, b + 1)))
        first = next(p for p in article.body.split("\n\n") if han(p) and not p.startswith("#"))
        assert han(first)[:8] in marked, (raw.name, article.order, article.lines)
        if not article.title_inferred:
            assert han(article.title)[:4] in marked, (raw.name, article.order, article.title)


@pytest.mark.parametrize("raw", SAMPLES, ids=lambda p: p.name)
def test_no_line_is_marked_for_two_articles_nor_a_blank_one(raw):
    lines = read_raw(raw).text.split("\n")
    articles = parse_text("\n".join(lines), None, None).articles
    for number, line in enumerate(lines, 1):
        owners = [a.order for a in articles if in_ranges(number, a.lines)]
        assert len(owners) <= 1, (raw.name, number, owners)
        for a in articles:
            assert not any(number in (first, last) for first, last in a.lines) or line.strip(), (raw.name, number)


def test_the_import_writes_the_lines_into_front_matter(tmp_path):
    raw = REPO / "tests/fixtures/raw/small-daily.txt"
    (tmp_path / raw.name).write_bytes(raw.read_bytes())
    (tmp_path / "small-daily.yaml").write_bytes(raw.with_suffix(".yaml").read_bytes())
    import_issue(tmp_path / raw.name, tmp_path / "content", ImportOptions(), project_root=tmp_path)
    first = sorted((tmp_path / "content/bayinguoleng-daily/2023-08-12").glob("001-*.md"))[0].read_text("utf-8")
    lines = raw.read_text("utf-8").split("\n")
    written = re.search(r"^lines: (\d+)-(\d+)$", first, re.M)
    assert written, first
    start, end = int(written[1]), int(written[2])
    assert lines[start - 1] == "库尔勒香梨喜获丰收"  # the headline opens it
    assert "（下转2版）" in lines[end - 1]  # and its last line closes it
