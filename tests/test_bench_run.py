"""bench/run.py on a tiny archive, so the benchmark cannot rot unnoticed between the runs that
fill bench/RESULTS.md."""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"


def bench_module(name: str):
    sys.path[:0] = [str(REPO), str(BENCH)]
    try:
        return importlib.import_module(name)
    finally:
        del sys.path[:2]


def search_bench():
    return bench_module("search_bench")


def test_run_measures_builds_sizes_and_a_query_and_leaves_the_archive_as_it_was(tmp_path):
    out = tmp_path / "run"
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "30", "--no-peers", "--reps", "1",
                           "--query-reps", "1", "--queries", "新疆", "--import-mb", "0.01", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    for step in ("cold", "noop", "edit"):
        (run,) = size["builds"]["gazette"][step]
        assert run["seconds"] > 0 and run["rss_mb"] > 20
    assert "peers" not in size["builds"]
    assert size["disk"]["gazette"]["search"]["bytes"] > 0 and size["disk"]["gazette"]["pages"]["files"] > 30
    for where in ("gazette_file", "gazette_http"):
        (query,) = size["queries"][where]["新疆"]
        assert query["total"] > 0 and query["hits"] > 0 and 0 < query["first_ms"] <= query["page_ms"]
        assert query["gz_kb"] > 0
    assert results["import"]["articles"] > 0
    assert "full build" in done.stdout and "新疆" in done.stdout
    # the edited article is put back: the archive is the generator's, so runs measure the same articles
    fresh = tmp_path / "fresh"
    search_bench().write_corpus(30, fresh)
    assert {p.relative_to(fresh): p.read_bytes() for p in fresh.rglob("*.md")} == {
        p.relative_to(out / "30/content"): p.read_bytes() for p in (out / "30/content").rglob("*.md")}

@pytest.mark.skipif(not Path("/usr/bin/hugo").exists(), reason="Hugo (Debian package hugo) is not installed")
def test_the_hugo_site_has_a_page_per_article_with_its_text(tmp_path):
    peers = bench_module("peers")
    search_bench().write_corpus(20, tmp_path / "content")
    assert peers.write_hugo_site(tmp_path / "content", tmp_path / "hugo") == 20
    subprocess.run(peers.hugo_command(tmp_path / "hugo"), check=True, capture_output=True)
    article = sorted((tmp_path / "content").rglob("*.md"))[5]
    front, body = peers.split_article(article.read_text(encoding="utf-8"))
    page = tmp_path / "hugo/public" / article.relative_to(tmp_path / "content").with_suffix("") / "index.html"
    html = page.read_text(encoding="utf-8")
    assert f"<h1>{front['title']}</h1>" in html and 'lang="zh-Hans"' in html and "data-pagefind-body" in html
    assert body.split("\n\n")[1][:20] in html
