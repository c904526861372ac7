"""Whole builds at scale: cold, no-op and one-edit rebuilds; time per stage, CPU, peak memory, size.

    .venv/bin/python bench/build_bench.py 1000 5000 [--out /tmp/gazette-bench] [--modes cold,noop,edit,template,check]
    .venv/bin/python bench/build_bench.py 5000 --out /tmp/gazette-bench --paired /tmp/base-src [--reps 5]

For each size, the synthetic archive of bench/search_bench.py (3 publications,
10 articles per issue, 1,000–1,500 characters each) is built in a fresh child
process per step, so that peak memory is the step's own and the time includes
what a user waits for (`process_s`: interpreter start, imports and the build):

- cold: `gazette build --clean` (everything loaded, rendered, indexed, written);
- noop: the same build again, nothing changed (the incremental build's no-op);
- edit: one article's text edited (a sentence appended), then a build: the article
  is re-read, its page and the pages that show it re-rendered, its search text file
  and the shards holding its terms made again (every other search file is linked from
  the last site);
- template: a template of the theme changed (an override that extends the default),
  then a build: every page re-rendered, the search shards from their cache;
- check: `gazette check` (content checks, a fresh build, every link and anchor).

`--paired SRC` compares this code with another source tree (`git archive <commit>` unpacked
at SRC) on one-edit and no-op rebuilds: each has its own copy of the archive (built cold once by
its own code, so neither's cache is emptied by the other's), then, `--reps` times, alternating
the two, one article is edited, left to settle (buildcache.RACY_NS), built (edit) and built
again (noop). Medians and minima of CPU and wall time per code and step.

`cpu_s` is user + system time: on a machine shared by other jobs it drifts less than wall time.
Prints one JSON line per size; bench/build.md records the results.
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STARTED = time.perf_counter()
MODES = ("cold", "noop", "edit", "template")
PSS_EVERY = 20  # samples of the resident set per sample of the proportional set (one a second)


def child(project: Path, mode: str, jobs: int | None = None) -> dict:
    """In a child process: one build or check; seconds per stage and peak memory."""
    from generator import build, load_config
    from generator.progress import Progress

    class Stages(Progress):
        def __init__(self):
            self.times, self.current = {}, None

        def step(self, name):
            self.close()
            self.current = (name, time.perf_counter())

        def close(self):
            if self.current:
                name, started = self.current
                self.times[name] = round(time.perf_counter() - started, 2)
                self.current = None

    config = load_config(project)
    started = time.perf_counter()
    out: dict = {}
    if mode == "check":
        from generator.check import check_project
        problems = check_project(config)
        out["problems"] = len(problems)
    else:
        stages = Stages()
        extra = {"jobs": jobs} if jobs else {}  # (a build before --jobs takes none)
        result = build(config, stages, clean=mode == "cold", **extra)
        stages.close()
        out.update(stages=stages.times, files=result.files, reused=result.reused, mb=round(result.bytes / 1e6, 1))
    now = time.perf_counter()
    usage, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out.update(build_s=round(now - started, 2), process_s=round(now - STARTED, 2),
               cpu_s=round(usage.ru_utime + usage.ru_stime + workers.ru_utime + workers.ru_stime, 2),
               peak_rss_mb=usage.ru_maxrss // 1024)
    return out


def prepare(project: Path, mode: str, n: int) -> None:
    """The change a mode measures, made before its build. An edit writes a new file and renames it
    over the article, as editors do, so an archive copied with hard links (`cp -al`) is safe."""
    if mode == "edit":
        article = min((project / "content").rglob("*.md"))
        edited = article.with_name(".edit.tmp")
        edited.write_text(article.read_text("utf-8") + f"\n编辑第{n}次：骆驼刺丛生。\n", "utf-8")
        edited.replace(article)
    elif mode == "template":
        templates = project / "overrides" / "templates"
        templates.mkdir(parents=True, exist_ok=True)
        page = templates / "regions.html"
        count = page.read_text("utf-8").count("x") + 1 if page.exists() else 1
        page.write_text('{% extends "!default/regions.html" %}' + f"{{# {'x' * count} #}}", "utf-8")


def tree_pss_kb(root: int) -> int:
    """The summed proportional set size of `root` and its descendants: a page shared by k processes
    counts 1/k in each, so forked workers' inherited pages count once (what the tree really holds)."""
    from measure import _children

    tree, todo, total = _children(), [root], 0
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith(b"Pss:")), 0)
        except OSError:
            pass  # ended while we looked
        todo += tree.get(pid, [])
    return total


def run(project: Path, mode: str, jobs: int | None = None, source: Path = REPO) -> dict:
    """One step in a child process; `tree_rss_mb`: the largest sum of the resident sets of the
    child and its workers (measure.py: shared pages count once per process, an upper bound);
    `tree_pss_mb`: the largest sum of their proportional sets (shared pages counted once)."""
    from measure import _Sampler, tree_rss_kb

    class Both(_Sampler):
        pss_kb = 0

        def run(self) -> None:
            for tick in itertools.count():
                if self.done.wait(0.05):
                    return
                self.peak_kb = max(self.peak_kb, tree_rss_kb(self.pid))
                if tick % PSS_EVERY == 0:  # reading smaps walks page tables under the mmap lock: it slows the build
                    self.pss_kb = max(self.pss_kb, tree_pss_kb(self.pid))

    started = time.perf_counter()
    cmd = [sys.executable, str(source / "bench" / "build_bench.py"), "--child", str(project), "--mode", mode] + (
        ["--jobs", str(jobs)] if jobs else [])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Both(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    sampler.done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(err)
    return {**json.loads(out.splitlines()[-1]), "wall_s": round(time.perf_counter() - started, 2),
            "tree_rss_mb": round(sampler.peak_kb / 1024), "tree_pss_mb": round(sampler.pss_kb / 1024)}


def paired(project: Path, base: Path, reps: int, jobs: int | None = None) -> dict:
    """One-edit and no-op rebuilds of this code and of the source tree `base`, alternating, each on
    its own copy of the archive; the medians and minima per code and step."""
    import shutil
    import statistics

    copies = {"this": (REPO, project), "base": (base, project.with_name(project.name + "-base"))}
    for source, folder in copies.values():
        if not (folder / "content").is_dir():
            shutil.copytree(project / "content", folder / "content")
            time.sleep(2.2)
        if not (folder / "site").is_dir():
            run(folder, "cold", jobs, source)
    rows: dict[str, list] = {}
    for k in range(reps):
        for name, (source, folder) in copies.items():
            prepare(folder, "edit", k)
            time.sleep(2.2)  # the edit settles (buildcache.RACY_NS), as one at human pace
            for mode in ("edit", "noop"):
                rows.setdefault(f"{name} {mode}", []).append(run(folder, mode, jobs, source))
    return {"n": project.name, "reps": reps, **{key: {
        "wall_s": [statistics.median(r["wall_s"] for r in rs), min(r["wall_s"] for r in rs)],
        "cpu_s": [statistics.median(r["cpu_s"] for r in rs), min(r["cpu_s"] for r in rs)],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in rs), "reused": rs[-1]["reused"]} for key, rs in rows.items()}}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/gazette-bench"))
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated, in order: cold,noop,edit,template,check")
    parser.add_argument("--jobs", type=int, help="worker processes for each build (default: the build's own)")
    parser.add_argument("--paired", type=Path, help="another source tree to compare edit and no-op builds with")
    parser.add_argument("--reps", type=int, default=5, help="rounds of a --paired comparison")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="cold", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.mode, args.jobs), ensure_ascii=False))
        return
    from search_bench import write_corpus

    for n in args.sizes:
        project = args.out / str(n)
        if not (project / "content").is_dir():
            write_corpus(n, project / "content")
            time.sleep(2)  # a file younger than that is read again, its stat not trusted (buildcache.RACY_NS)
        if args.paired:
            print(json.dumps(paired(project, args.paired.resolve(), args.reps, args.jobs), ensure_ascii=False), flush=True)
            continue
        result = {"n": n}
        for k, mode in enumerate(args.modes.split(",")):
            prepare(project, mode, k)
            result[mode] = run(project, mode, args.jobs)
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.path[:0] = [str(REPO), str(REPO / "bench")]
    main()
