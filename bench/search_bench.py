"""Search at scale: synthetic archives of realistic Chinese text, built and queried.

    .venv/bin/python bench/search_bench.py 1000 10000 [--out /tmp/gazette-bench] [--queries …]

For each size: write a content/ tree (3 publications, 10 articles per issue,
1,000–1,500 characters per article recombined from the sentences of
raw/ (the seed issues) and the test fixtures), load it, build the search files in
a child process (time, peak memory), then open a harness page from file://
in Chromium and time the first result of each query from a cold page.
Prints one JSON line per size; bench/search.md records the results.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "raw"  # the seed issues, as copied into the project
PUBLICATIONS = [("bayinguoleng-daily", "巴音郭楞日报"), ("altay-daily", "阿勒泰日报"), ("dangyuan-zhiyou", "党员之友")]
QUERIES = ["新疆", "民族团结", "疆", "高质量发展 新疆", "习近平", "库尔勒市", "的"]


def sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    texts += [p.read_text(encoding="utf-8").split("---", 2)[-1]
              for p in sorted((REPO / "tests/fixtures/sites/basic/content").rglob("*.md"))]
    joined = re.sub(r"(?<=[^\n])\n(?=[^\n])", "", "\n".join(texts))  # undo OCR line wrapping
    parts = (s.strip() for s in re.split(r"(?<=[。！？])|\n+", joined))
    return sorted({s for s in parts if 12 <= len(s) <= 160 and re.search(r"[\u4e00-\u9fff]{6}", s)})


def write_corpus(n: int, content: Path, seed: int = 7) -> None:
    from generator.gazetteer import load_gazetteer

    rng = random.Random(seed)
    pool = sentences()
    regions = [r.name for r in load_gazetteer().regions]
    titles = [s.rstrip("。！？") for s in pool if len(s) <= 40]
    start = dt.date(2012, 1, 1)
    for slug, name in PUBLICATIONS:
        (content / slug).mkdir(parents=True, exist_ok=True)
        (content / slug / "publication.yaml").write_text(f"name: {name}\nslug: {slug}\n", encoding="utf-8")
    for k in range(0, n, 10):
        slug, name = PUBLICATIONS[(k // 10) % 3]
        day = start + dt.timedelta(days=k // 30)
        folder = content / slug / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "issue.yaml").write_text(f"publication: {name}\ndate: {day}\n", encoding="utf-8")
        for order in range(1, min(10, n - k) + 1):
            body, size = [], rng.randint(1000, 1500)
            while sum(map(len, body)) < size:
                body.append(rng.choice(pool))
            paragraphs = ["".join(body[i:i + 4]) for i in range(0, len(body), 4)]
            front = {"title": rng.choice(titles)[:30], "publication": name, "date": day.isoformat(),
                     "issue": day.isoformat(), "order": order, "regions": rng.sample(regions, rng.randint(1, 2))}
            text = "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())
            (folder / f"{order:03d}-a{order}.md").write_text(text + "\n---\n\n" + "\n\n".join(paragraphs) + "\n",
                                                     encoding="utf-8")


def build_one(project: Path) -> dict:
    """In a child process: load and build the search files; time and peak memory."""
    from generator import load_config
    from generator.content.site import load_site
    from generator.search import build_search
    from generator.writer import write_site

    config = load_config(project, cache_dir="")  # measure the index build, never a cached one
    started = time.perf_counter()
    site, problems = load_site(config)
    loaded = time.perf_counter()
    files = build_search(site, config)
    built = time.perf_counter()
    files["bench.html"] = HARNESS.encode("utf-8")
    write_site(files, project / "site")
    return {"articles": len(site.articles), "text_chars": sum(len(a.body) for a in site.articles),
            "load_s": round(loaded - started, 1), "search_build_s": round(built - loaded, 1),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


HARNESS = """<!DOCTYPE html><meta charset="utf-8"><script src="static/search-tokenize.js"></script>
<script src="static/search-engine.js"></script><script>
window.bench = async function (q) {
  const t0 = performance.now(), e = new GazetteSearch.Engine("search/");
  const r = await e.search(q);
  const t1 = performance.now();
  if (r.hits.length) await e.snippet(r.hits[0].doc.n, r.words, r.terms);
  return {ms: Math.round(performance.now() - t0), search_ms: Math.round(t1 - t0), hits: r.hits.length, files: e.loaded};
};</script>"""


def sizes(site: Path) -> dict:
    def total(pattern):
        files = list((site / "search").glob(pattern))
        raw = sum(f.stat().st_size for f in files)
        gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        return len(files), raw, gz

    out = {}
    for label, pattern in (("index", "index-*.js"), ("lengths", "lengths-*.js"), ("docs", "docs.js"), ("regions", "regions.js"),
                           ("text", "text-*.js"), ("all", "*.js")):
        count, raw, gz = total(pattern)
        out[label] = {"files": count, "mb": round(raw / 1e6, 1), "gz_mb": round(gz / 1e6, 1)}
    out["largest_file_mb"] = round(max(f.stat().st_size for f in (site / "search").iterdir()) / 1e6, 2)
    return out


def first_results(site: Path, queries: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    static = [site / "static/search-tokenize.js", site / "static/search-engine.js"]
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for q in queries:
            page = browser.new_page()  # cold: nothing loaded or parsed yet
            page.goto((site / "bench.html").as_uri())
            r = page.evaluate("q => window.bench(q)", q)
            loaded = [site / "search" / f for f in r.pop("files")] + static
            r["kb_before_first"] = round(sum(f.stat().st_size for f in loaded) / 1e3)
            r["gz_kb_before_first"] = round(sum(len(gzip.compress(f.read_bytes(), 6)) for f in loaded) / 1e3)
            rows.append({"q": q, **r})
            page.close()
        browser.close()
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/gazette-bench"))
    parser.add_argument("--queries", nargs="*", default=QUERIES)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(build_one(args.child)))
        return
    for n in args.sizes:
        project = args.out / str(n)
        if not (project / "content").is_dir():
            write_corpus(n, project / "content")
        child = subprocess.run([sys.executable, __file__, "--child", str(project)],
                               capture_output=True, text=True, check=True)
        result = {"n": n, **json.loads(child.stdout.splitlines()[-1]), **sizes(project / "site")}
        result["queries"] = first_results(project / "site", args.queries)
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
