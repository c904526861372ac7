"""gazette beside Hugo + Pagefind-extended, on the same synthetic archives, in the same run.

    .venv/bin/python bench/run.py 1000 5000 [--reps 3] [--out /tmp/gazette-run] [--no-peers]
    .venv/bin/python bench/run.py --report /tmp/gazette-run/results.json   # the tables again

For each size N: the archive of bench/search_bench.py (3 publications, one issue a day each,
10 articles per issue, 1,000-1,500 characters each) as gazette's content/, and the same
articles as a Hugo site (bench/peers.py). Then, each step paired (gazette and the peers one
after the other, the order swapped every repetition, since the shared machine drifts):
- cold: gazette with no site/ and no cache; Hugo with no public/, then Pagefind;
- no-op: the same again, nothing changed;
- one edit: one article's body changed (the same article in both), built again.
Each build runs under `/usr/bin/time -v` (bench/measure.py): wall and CPU time, peak RSS.
Then bytes on disk (pages and search apart) and, for each query, the time to the first result
and the bytes (gzipped) it loads, cold, in Chromium (bench/first_result.py): gazette from
file:// and over HTTP, Pagefind over HTTP. Once per run: `gazette import` throughput on raw
issues synthesized by bench/layout_synth.py.

Writes results.json in --out after each size and prints the tables bench/RESULTS.md shows.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

import first_result  # noqa: E402
import peers  # noqa: E402
from measure import disk, timed  # noqa: E402
from search_bench import write_corpus  # noqa: E402

from generator.buildcache import RACY_NS  # noqa: E402

QUERIES = ["疆", "新疆", "民族团结", "高质量发展 新疆", "的"]
GAZETTE = [sys.executable, "-m", "generator"]
PRINTED_DATE = "2023年6月14日"  # the date bench/layout_synth.py prints on every masthead and folio


def gazette_build(project: Path, cold: bool) -> dict:
    if cold:
        for folder in ("site", ".gazette-cache"):
            shutil.rmtree(project / folder, ignore_errors=True)
    return _quiet(timed([*GAZETTE, "-C", str(project), "build", "-q"]))


def _quiet(run: dict) -> dict:
    run.pop("stderr")
    return run


def peers_build(hugo_site: Path, pagefind: Path, cold: bool) -> dict:
    """Hugo, then Pagefind over its output: the two times added, the larger peak."""
    if cold:
        for folder in ("public", "resources"):
            shutil.rmtree(hugo_site / folder, ignore_errors=True)
    hugo = _quiet(timed(peers.hugo_command(hugo_site)))
    index = _quiet(timed(peers.pagefind_command(pagefind, hugo_site)))
    return {"seconds": round(hugo["seconds"] + index["seconds"], 2),
            "cpu_seconds": round(hugo["cpu_seconds"] + index["cpu_seconds"], 2),
            "rss_mb": max(hugo["rss_mb"], index["rss_mb"]),
            "tree_rss_mb": max(hugo["tree_rss_mb"], index["tree_rss_mb"]), "hugo": hugo, "pagefind": index}


def edited(text: str, rep: int) -> str:
    """The article with one sentence added at the end of its body, different every repetition."""
    return text.rstrip("\n") + f"\n\n本报讯 第{rep + 1}次修改的段落，检验只改一篇文章时的重建。\n"


def builds(n: int, project: Path, hugo_site: Path, pagefind: Path | None, reps: int, runs: dict, save) -> None:
    """Cold, no-op and one-edit builds, `reps` times, gazette and the peers paired step by step,
    added to `runs` as they end (what a long run has measured survives it being stopped)."""
    articles = sorted((project / "content").rglob("*.md"))
    article = articles[len(articles) // 2]
    twin = hugo_site / "content" / article.relative_to(project / "content") if pagefind else None
    original = article.read_text(encoding="utf-8")
    runs["gazette"] = {"cold": [], "noop": [], "edit": []}
    if pagefind:
        runs["peers"] = {"cold": [], "noop": [], "edit": []}
    try:
        for rep in range(reps):
            order = ["gazette", "peers"] if rep % 2 == 0 else ["peers", "gazette"]
            for step in ("cold", "noop", "edit"):
                if step == "edit":
                    article.write_text(edited(original, rep), encoding="utf-8")
                    if pagefind:
                        twin.write_text(peers.hugo_article(edited(original, rep)), encoding="utf-8")
                for tool in order:
                    if tool == "gazette":
                        runs[tool][step].append(gazette_build(project, step == "cold"))
                    elif pagefind:
                        runs[tool][step].append(peers_build(hugo_site, pagefind, step == "cold"))
                save()
                print(f"  {n}: rep {rep + 1}/{reps} {step}: " + ", ".join(
                    f"{tool} {runs[tool][step][-1]['seconds']} s" for tool in runs), file=sys.stderr, flush=True)
    finally:
        article.write_text(original, encoding="utf-8")
        if pagefind:
            twin.write_text(peers.hugo_article(original), encoding="utf-8")


def on_disk(project: Path, hugo_site: Path | None) -> dict:
    engine = {f"static/{name}" for name in ("search-engine.js", "search-tokenize.js", "search.js", "search.css")}
    out = {"gazette": disk(project / "site", {"search": lambda p: p.startswith("search/") or p in engine,
                                              "pages": lambda p: True})}
    if hugo_site:
        out["peers"] = disk(hugo_site / "public", {"search": lambda p: p.startswith("pagefind/"),
                                                   "pages": lambda p: p != first_result.PAGEFIND_PAGE})
    return out


def searches(project: Path, hugo_site: Path | None, queries: list[str], reps: int) -> dict:
    """Each query `reps` times, cold, the engines alternating query by query."""
    site = project / "site"
    rows: dict = {"gazette_file": {q: [] for q in queries}, "gazette_http": {q: [] for q in queries}}
    if hugo_site:
        first_result.write_pagefind_harness(hugo_site / "public")
        rows["pagefind_http"] = {q: [] for q in queries}
    with first_result.chromium() as browser, first_result.served(site) as g_http, \
            first_result.served(hugo_site / "public" if hugo_site else site) as p_http:
        where = {"gazette_file": (site, first_result.file_base(site), "gazette"),
                 "gazette_http": (site, g_http, "gazette")}
        if hugo_site:
            where["pagefind_http"] = (hugo_site / "public", p_http, "pagefind")
        for _ in range(reps):
            for q in queries:
                for label, (root, base, engine) in where.items():
                    rows[label][q].append(first_result.timed_query(browser, root, base, engine, q))
    return rows


def import_throughput(out: Path, megabytes: float, reps: int) -> dict:
    """`gazette import` of synthesized raw issues (bench/layout_synth.py's mixed layouts): MB/s."""
    from layout_synth import MIXES, PAPERS, load_sources, synthesize

    project = out / "import"
    raw = project / "raw"
    shutil.rmtree(project, ignore_errors=True)
    raw.mkdir(parents=True)
    sources, layouts, size, seed = load_sources(), list(MIXES.values()), 0, 0
    slugs = {pub: latin.lower().replace(" ", "-") for pub, _, latin in PAPERS}
    while size < megabytes * 1e6:
        issue = synthesize(layouts[seed % len(layouts)], seed, sources)
        day = dt.date(2020, 1, 1) + dt.timedelta(days=seed)  # one issue a day: the printed date too
        text = issue.text.replace(PRINTED_DATE, f"{day.year}年{day.month}月{day.day}日").replace(
            "星期三", "星期" + "一二三四五六日"[day.weekday()])
        (raw / f"{seed:04d}.txt").write_text(text, encoding="utf-8")
        meta = {"publication": issue.publication, "slug": slugs[issue.publication], "home_region": issue.home_region,
                "date": day.isoformat()}
        (raw / f"{seed:04d}.yaml").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        size += len(text.encode("utf-8"))
        seed += 1
    runs = []
    for _ in range(reps):
        shutil.rmtree(project / "content", ignore_errors=True)
        (project / "content").mkdir()
        # status 1: some issue refused (the rest imported): its text was read and parsed all the same
        runs.append(timed([*GAZETTE, "-C", str(project), "import", "-q", *sorted(map(str, raw.glob("*.txt")))],
                          accept=(0, 1)))
    refused = [line for line in runs[-1].pop("stderr").splitlines() if line.startswith("gazette import:")]
    for run in runs:
        run.pop("stderr", None)
    articles = len(list((project / "content").rglob("*.md")))
    return {"mb": round(size / 1e6, 2), "issues": seed, "refused": refused, "articles": articles, "runs": runs}


def versions(pagefind: Path | None) -> dict:
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO).stdout.strip()
        except OSError:
            return ""

    dirty = " (with uncommitted changes)" if out(["git", "status", "--porcelain", "--", "generator", "themes"]) else ""
    from importlib.metadata import version

    return {
        "gazette": out(["git", "log", "-1", "--format=%h %cs %s"])[:90] + dirty,
        "hugo": out([peers.HUGO, "version"]) if pagefind else "",
        "pagefind": out([str(pagefind), "--version"]) + " (extended, PyPI pagefind[extended])" if pagefind else "",
        "python": platform.python_version(), "chromium": out([first_result.CHROMIUM, "--version"]),
        "playwright": version("playwright"), "lunr.py": version("lunr"),
        "machine": {"cores": os.cpu_count(), "ram_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
                    "cpu": next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                                 if line.startswith("model name")), ""),
                    "kernel": platform.release()},
    }


def run_size(n: int, out: Path, pagefind: Path | None, reps: int, query_reps: int, queries: list[str],
             result: dict, save) -> None:
    """Everything measured at size `n`, into `result`; `save()` after each step."""
    project = out / str(n)
    if not (project / "content").is_dir():
        write_corpus(n, project / "content")
        # a build trusts a file's stat only once it is RACY_NS older than the build (git's "racy"
        # files), so a no-op right after writing the archive would read every file again: wait
        time.sleep(RACY_NS / 1e9 + 1)
    hugo_site = project / "hugo" if pagefind else None
    if hugo_site:
        peers.write_hugo_site(project / "content", hugo_site)
    result.update(n=n, reps=reps, load_before=round(os.getloadavg()[0], 1), builds={})
    builds(n, project, hugo_site, pagefind, reps, result["builds"], save)
    result["disk"] = on_disk(project, hugo_site)
    save()
    result["queries"] = searches(project, hugo_site, queries, query_reps)
    result["load_after"] = round(os.getloadavg()[0], 1)


# --- the tables ------------------------------------------------------------------------------

def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if b else "–"


def build_table(size: dict) -> list[str]:
    b, reps = size["builds"], size["reps"]
    have_peers = "peers" in b
    lines = [f"| {size['n']:,} articles ({reps} paired run{'s' * (reps > 1)}, median) | gazette | "
             "Hugo + Pagefind-extended | ratio |", "|---|---:|---:|---:|"]
    names = {"cold": "full build", "noop": "no-op rebuild", "edit": "one article edited"}
    for step, name in names.items():
        g = _median(b["gazette"][step], "seconds")
        cells = [f"{g:.1f} s (CPU {_median(b['gazette'][step], 'cpu_seconds'):.1f} s)"]
        if have_peers:
            runs = b["peers"][step]
            p = _median(runs, "seconds")
            hugo = statistics.median(r["hugo"]["seconds"] for r in runs)
            pf = statistics.median(r["pagefind"]["seconds"] for r in runs)
            pairs = sorted(x["seconds"] / y["seconds"] for x, y in zip(b["gazette"][step], runs))
            spread = f" ({pairs[0]:.1f}–{pairs[-1]:.1f})" if len(pairs) > 1 else ""
            g_cpu, p_cpu = _median(b["gazette"][step], "cpu_seconds"), _median(runs, "cpu_seconds")
            cells += [f"{p:.1f} s (Hugo {hugo:.1f} + Pagefind {pf:.1f}; CPU {p_cpu:.1f} s)",
                      f"{_ratio(g, p)}{spread}; CPU {_ratio(g_cpu, p_cpu)}"]
        else:
            cells += ["–", "–"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    g = b["gazette"]["cold"]
    cells = [f"{max(r['rss_mb'] for r in g)} MB (tree {max(r['tree_rss_mb'] for r in g)} MB)"]
    if have_peers:
        p = b["peers"]["cold"]
        cells += [f"{max(r['rss_mb'] for r in p)} MB (Hugo {max(r['hugo']['rss_mb'] for r in p)}, "
                  f"Pagefind {max(r['pagefind']['rss_mb'] for r in p)})",
                  _ratio(max(r['rss_mb'] for r in g), max(r['rss_mb'] for r in p))]
    else:
        cells += ["–", "–"]
    lines.append("| peak RSS, full build | " + " | ".join(cells) + " |")
    for part in ("pages", "search"):
        g = size["disk"]["gazette"][part]
        cells = [f"{g['bytes'] / 1e6:.1f} MB, {g['files']:,} files ({g['bytes'] / size['n'] / 1e3:.1f} KB/article)"]
        if have_peers:
            p = size["disk"]["peers"][part]
            cells += [f"{p['bytes'] / 1e6:.1f} MB, {p['files']:,} files ({p['bytes'] / size['n'] / 1e3:.1f} KB/article)",
                      _ratio(g["bytes"], p["bytes"])]
        else:
            cells += ["–", "–"]
        lines.append(f"| {part} on disk | " + " | ".join(cells) + " |")
    return lines


def query_table(size: dict) -> list[str]:
    q = size["queries"]
    have_peers = "pagefind_http" in q
    lines = ["| query | gazette file:// first / 20 results | gazette HTTP first / 20 | "
             "Pagefind HTTP first / 20 | gazette / Pagefind gz bytes | hits gazette / Pagefind |",
             "|---|---:|---:|---:|---:|---:|"]

    def cell(runs):
        return (f"{_median(runs, 'first_ms'):.0f} / {_median(runs, 'page_ms'):.0f} ms · "
                f"{runs[0]['gz_kb']:,} KB gz ({runs[0]['files']} files)")

    for query in q["gazette_file"]:
        g = q["gazette_http"][query]
        cells = [cell(q["gazette_file"][query]), cell(g)]
        if have_peers:
            p = q["pagefind_http"][query]
            cells += [cell(p), _ratio(g[0]["gz_kb"], p[0]["gz_kb"]), f"{g[0]['total']:,} / {p[0]['total']:,}"]
        else:
            cells += ["–", "–", f"{g[0]['total']:,} / –"]
        lines.append(f"| {query} | " + " | ".join(cells) + " |")
    return lines


def import_line(imp: dict) -> str:
    wall, cpu = _median(imp["runs"], "seconds"), _median(imp["runs"], "cpu_seconds")
    refused = f" ({len(imp['refused'])} refused by the importer)" if imp["refused"] else ""
    return (f"`gazette import` of {imp['issues']} synthesized issues{refused}, {imp['mb']} MB of raw text → "
            f"{imp['articles']:,} articles (median of {len(imp['runs'])}): {wall:.1f} s wall, **{imp['mb'] / wall:.2f} MB/s**; "
            f"{cpu:.1f} s CPU, {imp['mb'] / cpu:.2f} MB/s per core; peak RSS "
            f"{max(r['rss_mb'] for r in imp['runs'])} MB.")


def report(results: dict) -> str:
    lines = [f"Versions: {json.dumps(results['versions'], ensure_ascii=False, indent=1)}", ""]
    if results.get("import"):
        lines += [import_line(results["import"]), ""]
    for size in results["sizes"]:
        if all(size.get("builds", {}).get("gazette", {}).values()):
            lines += build_table(size) + [""]
        if "queries" in size:
            lines += query_table(size) + ["", f"(load average {size['load_before']} before, "
                                               f"{size['load_after']} after)", ""]
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/gazette-run"))
    parser.add_argument("--reps", type=int, help="paired build runs per size (default: 3 up to 5,000 articles, else 1)")
    parser.add_argument("--query-reps", type=int, default=3, help="cold page loads per query and engine")
    parser.add_argument("--queries", nargs="*", default=QUERIES)
    parser.add_argument("--import-mb", type=float, default=2.0, help="raw text for the import throughput (0: skip)")
    parser.add_argument("--no-peers", action="store_true", help="gazette only (also when Hugo is not installed)")
    parser.add_argument("--report", type=Path, help="print the tables of an earlier results.json and stop")
    args = parser.parse_args(argv)
    if args.report:
        print(report(json.loads(args.report.read_text(encoding="utf-8"))))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    with_peers = not args.no_peers and Path(peers.HUGO).exists()
    if not with_peers and not args.no_peers:
        print(f"{peers.HUGO} missing (apt-get install hugo): gazette only", file=sys.stderr)
    pagefind = peers.pagefind_binary(args.out / "pagefind-venv") if with_peers else None
    results = {"versions": versions(pagefind), "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
               "sizes": []}
    if args.import_mb:
        results["import"] = import_throughput(args.out, args.import_mb, 3)
    def save():
        (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")

    for n in args.sizes:
        reps = args.reps or (3 if n <= 5000 else 1)
        results["sizes"].append({})
        run_size(n, args.out, pagefind, reps, args.query_reps, args.queries, results["sizes"][-1], save)
        save()
    print(report(results))


if __name__ == "__main__":
    main()
