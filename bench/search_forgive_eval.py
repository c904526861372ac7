"""Search that forgives: phrases of real articles typed without their punctuation.

    .venv/bin/python bench/search_forgive_eval.py [--site SITE]

From each article of the sample archive (content/) one phrase is taken: the
WINDOW characters of its body from the first Han character at the middle of
the body (on that line), at most PHRASES of them, evenly spread; the phrase is
typed without its punctuation (做遵纪守法、爱护 → 做遵纪守法爱护), as a reader
quoting from memory does. Most such windows hold a mark, some do not. A phrase is found when an article holding it (with its marks) is among
the first 3 the search page lists (`GazetteSearch.listed`: exact hits, then a
tolerant pass's partial ones). Runs the engine of the built site in Chromium;
without --site, builds content/ into a temporary folder first.
bench/search.md records the figure; tests/search/test_search_forgive.py
keeps a floor under it.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHRASES = 50
TOP = 3
WINDOW = 12
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MARKS = re.compile(r"[^\w]+")  # everything but letters, digits (and Han): punctuation, spaces


def phrases(site) -> list[tuple[str, str]]:
    """(phrase as printed, the same typed without its punctuation), one per article whose body
    has a line of WINDOW characters from a Han character at or after its middle, evenly spread
    down to PHRASES."""
    from generator.search.documents import search_docs

    found = []
    for doc in search_docs(site):
        start = _HAN.search(doc.body, len(doc.body) // 2)
        phrase = doc.body[start.start():].split("\n")[0][:WINDOW] if start else ""
        if len(phrase) == WINDOW:
            found.append((phrase, _MARKS.sub("", phrase)))
    if len(found) > PHRASES:
        found = [found[round(i * (len(found) - 1) / (PHRASES - 1))] for i in range(PHRASES)]
    return found


HARNESS = """async ([q, size]) => {
  const engine = window.__forgive || (window.__forgive = new GazetteSearch.Engine("search/"));
  const r = await engine.search(q);
  const listed = GazetteSearch.listed ? GazetteSearch.listed(r) : r.hits;
  return listed.slice(0, size).map(h => h.doc.url);
}"""


def evaluate(site_dir: Path, site, browser) -> list[dict]:
    """For each phrase: {phrase, query, found (an article holding it is in the top TOP), first
    (one is the first listed)}."""
    from generator.search.documents import search_docs
    from generator.search.tokenize import comparable

    texts = {a.url: comparable(f"{d.title}\n{d.meta}\n{d.body}") for a, d in zip(site.articles, search_docs(site))}
    page = browser.new_page()
    page.goto((site_dir / "search.html").as_uri())
    rows = []
    for phrase, query in phrases(site):
        holders = {url for url, text in texts.items() if comparable(phrase) in text}
        top = page.evaluate(HARNESS, [query, TOP])
        rows.append({"phrase": phrase, "query": query, "found": bool(holders & set(top)),
                     "first": bool(top) and top[0] in holders})
    page.close()
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built from content/")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from generator import build, load_config
    from generator.content.site import load_site

    with tempfile.TemporaryDirectory(prefix="gazette-forgive-") as tmp:
        config = load_config(REPO, output_dir=str(args.site or Path(tmp) / "site"), base_url="")
        if not args.site:
            build(config)
        site, _ = load_site(config)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            rows = evaluate(config.output_path, site, browser)
            browser.close()
    for row in rows:
        print(("✓ " if row["found"] else "✗ ") + row["phrase"])
    found, first = sum(r["found"] for r in rows), sum(r["first"] for r in rows)
    print(f"{found} of {len(rows)} phrases ({found / len(rows):.0%}) put their article in the top {TOP}, "
          f"{first} ({first / len(rows):.0%}) first")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
