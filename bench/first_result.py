"""Time to the first search result, and the bytes a query downloads, in headless Chromium.

Each query opens a cold page in a fresh browser context (nothing cached or parsed):
- gazette: the site's own search page, search.html?q=…, from file:// or over HTTP; the first
  result is the first hit shown with its snippet filled in, the first page is every hit of
  the first page (20) with its snippet;
- Pagefind: a page that imports pagefind.js and calls its search API (over HTTP only: it loads
  its index with fetch() and ES modules, which a file:// page may not use); the first result is
  the first hit's data (URL, title, excerpt), the first page the data of the first 20 hits.
Times are from the navigation's start. Bytes count every file the page requested up to the
first page, each gzipped here at level 6 (what a static host sends), as Playwright's request
events list them, also by kind of file (`by_kind`: index shards, lengths, docs, meta, text…).

    .venv/bin/python bench/first_result.py SITE 的 新疆 "高质量发展 新疆" [--reps 3] [--http REPO]

times gazette's search page of a built site from file://, or with `--http REPO` over HTTP under
/REPO/ (as GitHub Pages serves a project site), one JSON line per query; `missing` counts the
requests that failed (a file not there: 404 over HTTP, an error from file://).
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import re
import tempfile
import threading
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGE = 20  # results on a first page, gazette's search.js and Pagefind's alike
TIMEOUT_MS = 120_000

# gazette: watch the page, note when the first hit and the whole first page are ready.
GAZETTE_WATCH = """(() => {
  const done = () => {
    const hits = document.querySelectorAll("#search-results .search-hit");
    const filled = Array.from(hits).filter(h => h.querySelector(".search-hit-snippet").textContent !== "…");
    const state = document.getElementById("search") && document.getElementById("search").dataset.state;
    if (window.__first === undefined && filled.length && filled[0] === hits[0]) window.__first = performance.now();
    if (window.__page === undefined && state === "done" && filled.length === hits.length) {
      if (window.__first === undefined) window.__first = performance.now();
      window.__page = performance.now();
      window.__hits = hits.length;
      const total = document.getElementById("search-status").textContent.match(/找到 (\\d+) 篇/);
      window.__total = total ? Number(total[1]) : 0;
      window.__loaded = Array.from(document.querySelectorAll("script[src]"), s => s.src);  // asked for so far
    }
  };
  new MutationObserver(done).observe(document, {childList: true, subtree: true, characterData: true, attributes: true});
})();"""

PAGEFIND_HARNESS = """<!DOCTYPE html><html lang="zh-Hans"><meta charset="utf-8"><title>bench</title>
<script type="module">
const q = new URLSearchParams(location.search).get("q");
const pagefind = await import("./pagefind/pagefind.js");
const search = await pagefind.search(q);
const results = search.results;
if (results.length) await results[0].data();
window.__first = performance.now();
await Promise.all(results.slice(0, %d).map(r => r.data()));
window.__page = performance.now();
window.__hits = Math.min(results.length, %d);
window.__total = results.length;
</script>""" % (PAGE, PAGE)
PAGEFIND_PAGE = "bench-pagefind.html"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(root: Path):
    """A local HTTP server for `root` (plain, no compression: bytes are gzipped when counted)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def served_under(site: Path, repo: str):
    """`site` over HTTP at http://127.0.0.1:<port>/<repo>/."""
    with tempfile.TemporaryDirectory() as top:
        (Path(top) / repo).symlink_to(site.resolve(), target_is_directory=True)
        with served(Path(top)) as base:
            yield f"{base}{repo}/"


def _files(root: Path, base: str, urls: list[str]) -> list[Path]:
    """The site files these URLs name."""
    files = set()
    for url in urls:
        if url.startswith(base):
            files.add(root / unquote(urlsplit(url).path[len(urlsplit(base).path):]))
    files = {f / "index.html" if f.is_dir() else f for f in files}
    return [f for f in sorted(files) if f.is_file()]


def _gz_bytes(files: list[Path]) -> tuple[int, int, int]:
    """(files, raw bytes, gzipped bytes) of these files."""
    return (len(files), sum(f.stat().st_size for f in files),
            sum(len(gzip.compress(f.read_bytes(), 6)) for f in files))


def _kind(root: Path, path: Path) -> str:
    """search/index-007.js and its piece index-007-2.js → "index", search/lengths.js → "lengths"; outside search/ its first folder or name."""
    name = path.relative_to(root).as_posix()
    if not name.startswith("search/"):
        return name.split("/")[0]
    return re.sub(r"(-[0-9]+)*\.js$", "", name[len("search/"):])


def by_kind(root: Path, files: list[Path]) -> dict[str, list[int]]:
    """kind → [files, gzipped KB] (see _kind)."""
    out: dict[str, list[int]] = {}
    for path in files:
        row = out.setdefault(_kind(root, path), [0, 0])
        row[0] += 1
        row[1] += len(gzip.compress(path.read_bytes(), 6))
    return {k: [n, round(gz / 1e3)] for k, (n, gz) in sorted(out.items())}


def timed_query(browser, root: Path, base: str, engine: str, q: str) -> dict:
    """One query on a cold page: `engine` is "gazette" (its search page, `base` file:// or
    http://) or "pagefind" (the harness page, `base` http://)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        if engine == "gazette":
            page.add_init_script(GAZETTE_WATCH)
        urls: list[str] = []
        missing: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        page.on("requestfailed", lambda request: missing.append(request.url))
        page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
        page.goto(f"{base}{'search.html' if engine == 'gazette' else PAGEFIND_PAGE}?q={quote(q)}")
        page.wait_for_function("window.__page !== undefined", timeout=TIMEOUT_MS)
        got = page.evaluate("({first: window.__first, page: window.__page, hits: window.__hits,"
                            " total: window.__total, loaded: window.__loaded})")
        if got.get("loaded") is not None:  # gazette: a script inserted after the first page (regions.js) is not counted
            urls = [u for u in urls if not u.endswith(".js") or u in got["loaded"]]
        loaded = _files(root, base, urls)
        files, raw, gz = _gz_bytes(loaded)
    finally:
        context.close()
    return {"first_ms": round(got["first"]), "page_ms": round(got["page"]), "hits": got["hits"],
            "total": got["total"], "files": files, "kb": round(raw / 1e3), "gz_kb": round(gz / 1e3),
            "missing": len(missing), "by_kind": by_kind(root, loaded)}


def write_pagefind_harness(public: Path) -> None:
    """The page that asks Pagefind's API, beside its pagefind/ folder (written after indexing)."""
    (public / PAGEFIND_PAGE).write_text(PAGEFIND_HARNESS, encoding="utf-8")


def file_base(site: Path) -> str:
    return site.resolve().as_uri() + "/"


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="gazette's search page of a built site, from file://")
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="+")
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--http", metavar="REPO", help="serve the site at /REPO/ over HTTP instead of file://")
    args = parser.parse_args(argv)
    with chromium() as browser, (served_under(args.site, args.http) if args.http else _nothing()) as http:
        base = http or file_base(args.site)
        for q in args.queries:
            for _ in range(args.reps):
                row = timed_query(browser, args.site, base, "gazette", q)
                print(json.dumps({"q": q, **row, "load": round(os.getloadavg()[0], 2)}, ensure_ascii=False), flush=True)


@contextmanager
def _nothing():
    yield None


if __name__ == "__main__":
    main()
