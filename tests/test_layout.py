"""generator.layout: each content name is built and read back by one pair of functions."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from generator import layout

DAY = dt.date(2023, 5, 30)
EDITIONS = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True)
SLUGS = EDITIONS


@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.none() | EDITIONS)
def test_issue_folder_round_trip(day, edition):
    name = layout.issue_folder(day, edition)
    assert layout.read_issue_folder(name) == (day.isoformat(), edition)
    assert edition is None or layout.is_edition(edition)


@given(st.integers(0, 99999), SLUGS)
def test_article_file_round_trip(order, slug):
    name = layout.article_file(order, slug)
    assert name == layout.article_stem(order, slug) + ".md"
    read = layout.read_article_file(name)
    assert (read.order, read.slug) == (order, slug)


@pytest.mark.parametrize("name", ["2023-05-30\n", "2023-05-30-", "2023-05-30-Evening", "2023-5-30", "x"])
def test_not_issue_folders(name):
    assert layout.read_issue_folder(name) is None


@pytest.mark.parametrize("name", ["01-x.md", "001-x.md\n", "001-X.md", "001-x.txt", "001_x.md", "001-.md"])
def test_not_article_files(name):
    assert layout.read_article_file(name) is None


def test_article_file_endings_and_numbers_as_written():
    assert layout.read_article_file("0012-ba-zhou.MARKDOWN") == ("0012", "ba-zhou")
    assert layout.read_article_file("0012-ba-zhou.MARKDOWN").order == 12


def test_editions():
    assert layout.is_edition("evening") and layout.is_edition("b-2")
    assert not layout.is_edition("") and not layout.is_edition("晚刊") and not layout.is_edition("Evening")
