"""The field lengths cut in two (wire.py `coarse_payloads`, `fine_payloads`): a query's first page is
lunr's from the coarse lengths and the fine files of the articles whose place they leave open, and
the whole list is once the page asks for it (search-engine.js `settle`, `complete`)."""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

from generator import load_config
from generator.content.site import load_site
from generator import build
from generator.search import build_search, wire

REPO = Path(__file__).resolve().parents[2]

HARNESS = """
const fs = require("fs"), vm = require("vm"), dir = process.argv[1];
globalThis.lunr = require(%r); require(%r); const S = require(%r);
(async () => {
  const out = {};
  for (const q of JSON.parse(process.argv[2])) {
    Object.values(S.registry).forEach(kind => Object.keys(kind).forEach(key => delete kind[key]));  /* a fresh page */
    const e = new S.Engine(dir + "/search/", {loadScript: (src) => {
      const b = fs.readFileSync(src);
      vm.runInThisContext(b[0] === 0xff && b[1] === 0xfe ? b.toString("utf16le", 2) : b.toString("utf8"));
      return Promise.resolve(); }});
    const r = await e.search(q), hit = h => [h.doc.n, h.tier, h.score];
    const first = S.listed(r).slice(0, 20).map(hit), before = e.loaded.slice(), ranked = r.ranked;
    await e.complete(r);
    out[q] = {first, before, ranked, all: S.listed(r).map(hit), after: e.loaded.slice()};
  }
  process.stdout.write(JSON.stringify(out));
})();
""" % (str(REPO / "node_modules/lunr"), str(REPO / "generator/search/search-tokenize.js"),
       str(REPO / "generator/search/search-engine.js"))

QUERIES = ["新疆", "民族团结", "高质量发展 新疆", "新疆 发展 经济 建设 工作",
           "民族团结 高质量发展 新疆 习近平 乡村振兴 现代化", "新疆 -乡村振兴"]


def write_corpus(count: int, content: Path) -> None:
    sys.path[:0] = [str(REPO), str(REPO / "bench")]
    try:
        importlib.import_module("search_bench").write_corpus(count, content)
    finally:
        del sys.path[:2]


def test_the_first_page_is_lunrs_from_the_fine_lengths_of_a_few_articles(monkeypatch, tmp_path):
    """Every hit of the first page, its tier and its score to the last bit, and their order, are
    what they are once every length is loaded; the query loads no whole lengths file and only some
    fine files before; after `complete` every hit is in lunr's order."""
    monkeypatch.setattr(wire, "FINE_BLOCK", 4)
    write_corpus(1000, tmp_path / "content")
    site, _ = load_site(load_config(tmp_path, cache_dir=""))
    files = build_search(site, load_config(tmp_path, cache_dir=""))
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    out = subprocess.run(["node", "-e", HARNESS, str(tmp_path), json.dumps(QUERIES, ensure_ascii=False)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    fine = sum(1 for path in files if path.startswith("search/fine-"))
    assert fine == 250 and "search/coarse-0.js" in files
    bounded = 0
    for q, got in json.loads(out.stdout).items():
        assert len(got["all"]) > 20, q
        assert got["first"] == got["all"][:20], q  # the first page, scores to the last bit, before and after
        assert got["all"] == sorted(got["all"], key=lambda h: (h[1], -h[2])), q  # by tier, then score
        assert not any(f.startswith("lengths-") for f in got["before"]), q
        assert sum(f.startswith("fine-") for f in got["before"]) < fine, q
        assert got["ranked"] or any(f.startswith("lengths-") for f in got["after"]), q
        bounded += not got["ranked"]
    assert bounded >= 4  # most queries' later hits were scored by bounds until `complete`


ORDER = """async (q) => {  /* the whole list once every length is loaded, asked of a fresh engine */
  const e = new GazetteSearch.Engine("search/"), r = await e.search(q);
  await e.complete(r);
  const all = GazetteSearch.listed(r);
  await e.describe(all);
  return all.map(h => [h.doc.url, h.doc.publication]);
}"""


def shown(page) -> list[str]:
    return page.locator(".search-hit-title a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_the_page_shows_more_and_filters_in_lunrs_order(monkeypatch, tmp_path, page):
    """In Chromium from disk: the first page as the whole list once every length is loaded has it,
    the next page after "more", and a filtered first page the same; no request fails."""
    monkeypatch.setattr(wire, "FINE_BLOCK", 4)
    write_corpus(300, tmp_path / "content")
    config = load_config(tmp_path)
    build(config)
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((config.output_path / "search.html").as_uri() + "?q=新疆")
    page.wait_for_selector("#search[data-state=done]")
    order = page.evaluate(ORDER, "新疆")
    assert len(order) > 60 and shown(page) == [url for url, _ in order[:20]]
    page.click("#search-more")
    page.wait_for_function("document.querySelectorAll('#search-results .search-hit').length >= 40")
    assert shown(page) == [url for url, _ in order[:40]]
    publication = order[30][1]
    page.select_option("#search-pub", publication)
    filtered = [url for url, pub in order if pub == publication][:20]
    page.wait_for_function("n => document.querySelectorAll('#search-results .search-hit').length === n", arg=len(filtered))
    assert shown(page) == filtered
    assert not failed
