"""A large archive's search, shards in pieces, as a user meets it in Chromium: the same answers as
the shards whole, under /repo/ over HTTP and from disk, and never a request for a file that is
not there (a piece of no term is not written: shards.present)."""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from generator import build, load_config
from generator.search import index
from scripts import payload

SITES = Path(__file__).parent.parent / "fixtures" / "sites"
QUERIES = ["博斯腾湖", "湖", "游客", "新疆 民族 团结 发展", "景区观光 -湖", "做遵纪守法爱护", "歷史文化"]


def build_with(tmp_path_factory, pieces_from: int) -> Path:
    """tests/fixtures/sites/search-semantics built with shards of few terms, from `pieces_from`
    shards on each in index.PIECES files as a large archive's are; the site folder."""
    project = tmp_path_factory.mktemp("pieced") / "search-semantics"
    shutil.copytree(SITES / "search-semantics", project)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "SHARD_CHARS", 40)
        patch.setattr(index, "PIECES_FROM", pieces_from)
        config = load_config(project)
        build(config)
    return config.output_path


@pytest.fixture(scope="module")
def built_pieced(tmp_path_factory) -> Path:
    return build_with(tmp_path_factory, 1)


@pytest.fixture(scope="module")
def built_whole(tmp_path_factory) -> Path:
    """The same shards, each in one file."""
    return build_with(tmp_path_factory, 10_000)


def absent_piece_term(site: Path) -> str:
    """A bigram not in the archive whose shard is in pieces and whose piece was not written."""
    plan = index.Plan.from_payload(payload((site / "search/docs.js").read_bytes())[2])
    assert plan.pieces == index.PIECES
    for a in "鲲鹏展翅九万里骆驼刺丛生":
        for b in "鲲鹏展翅九万里骆驼刺丛生":
            k = index.shard_of(a + b, plan)
            if plan.pieces_of(k) > 1 and not (site / f"search/index-{k:03d}-{index.piece_of(a + b, plan.pieces)}.js").exists():
                return a + b
    raise AssertionError("every piece of those shards is written")


def watched(page) -> dict:
    """What the page asks of search/ and what fails: missing files, errors in the console."""
    seen: dict = {"asked": [], "failed": [], "errors": []}
    page.on("request", lambda r: seen["asked"].append(r.url.rsplit("/", 1)[-1]) if "/search/" in r.url else None)
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("response", lambda r: seen["failed"].append(r.url) if r.status >= 400 else None)
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return seen


def answers(page, base: str, query: str) -> tuple[str, list[str]]:
    page.goto(base + "search.html?q=" + quote(query))
    page.wait_for_selector("#search[data-state=done]")
    return page.locator("#search-status").inner_text(), page.locator(".search-hit-title").all_inner_texts()


def test_pieced_search_under_a_repo_prefix_answers_as_whole_and_asks_only_for_files_there(
        built_pieced, built_whole, page, serve_under_repo):
    written = {p.name for p in (built_pieced / "search").glob("index-*-*.js")}
    pieced = {p.name.rsplit("-", 1)[0] for p in (built_pieced / "search").glob("index-*-*.js")}
    assert written and len(written) < len(pieced) * index.PIECES  # some pieces hold no term: no file
    seen = watched(page)
    base = serve_under_repo(built_pieced)
    assert base.endswith("/repo/")
    whole = {q: answers(page, built_whole.as_uri() + "/", q) for q in QUERIES}
    assert not list((built_whole / "search").glob("index-*-*.js"))
    seen["asked"].clear()
    assert {q: answers(page, base, q) for q in QUERIES} == whole
    assert sum(1 for q in QUERIES if whole[q][1]) >= 5
    asked = set(seen["asked"])
    assert asked & written and not {n for n in asked if n.startswith("index-")} - written - {
        p.name for p in (built_pieced / "search").glob("index-*.js")}
    missing = absent_piece_term(built_pieced)
    for base_url in (base, built_pieced.as_uri() + "/"):  # over HTTP and from file://
        status, titles = answers(page, base_url, missing)
        assert titles == [] and status
    assert seen["failed"] == [] and seen["errors"] == []
