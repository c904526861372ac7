"""The Traditional→Simplified table (search/t2s.js, ≈ 19 KB gz) reaches the page only for a query
that holds a character it maps; an article printed in Traditional characters is still found,
highlighted and shown by a query in Simplified, its text file carrying the entries it needs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator import build, load_config
from generator.search.fold import t2s_entries

SITES = Path(__file__).parent.parent / "fixtures" / "sites"

TRADITIONAL = """---
title: 喀什噶爾歷史名城
publication: 阿勒泰日报
date: 2024-01-05
issue: 2024-01-05
order: 4
---

記者走進喀什噶爾老城，歷史名城的街巷裡遊人如織。
"""


@pytest.fixture(scope="module")
def built_traditional(tmp_path_factory):
    project = tmp_path_factory.mktemp("t2s") / "search-semantics"
    shutil.copytree(SITES / "search-semantics", project)
    (project / "content/altay-daily/2024-01-05/004-ka-shi.md").write_text(TRADITIONAL, encoding="utf-8")
    config = load_config(project)
    build(config)
    return config.output_path


def requested(page) -> list[str]:
    names: list[str] = []
    page.on("request", lambda r: names.append(r.url.rsplit("/", 1)[-1]) if "/search/" in r.url else None)
    return names


def test_text_entries_are_the_table_entries_the_text_folds_through():
    assert t2s_entries("歷史名城", "喀什噶爾") == "歷历爾尔"
    assert t2s_entries("新疆日报") == ""


def test_a_query_without_table_characters_answers_without_the_table(built_traditional, page):
    names = requested(page)
    page.goto((built_traditional / "search.html").as_uri() + "?q=博斯腾湖")
    page.wait_for_selector("#search[data-state=done]")
    assert page.locator(".search-hit-title").all_inner_texts() == ["博斯腾湖迎来旅游旺季", "夏日观光客流增长"]
    assert "t2s.js" not in names and "docs.js" in names


def test_a_simplified_query_finds_and_marks_traditional_text_without_the_table(built_traditional, page):
    names = requested(page)
    page.goto((built_traditional / "search.html").as_uri() + "?q=历史名城")
    page.wait_for_selector("#search[data-state=done]")
    hit = page.locator(".search-hit")
    expect(hit).to_have_count(1)
    expect(hit.locator(".search-hit-title mark")).to_have_text("歷史名城")
    expect(hit.locator(".search-hit-snippet mark")).to_have_text("歷史名城")
    expect(hit.locator(".search-hit-scattered")).to_be_hidden()
    assert "t2s.js" not in names


def test_a_traditional_query_loads_the_table_and_finds_the_same(built_traditional, page):
    names = requested(page)
    page.goto((built_traditional / "search.html").as_uri() + "?q=喀什噶爾")
    page.wait_for_selector("#search[data-state=done]")
    hit = page.locator(".search-hit")
    expect(hit).to_have_count(1)
    expect(hit.locator(".search-hit-title mark")).to_have_text("喀什噶爾")
    assert "t2s.js" in names
