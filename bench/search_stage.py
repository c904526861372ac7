"""The search stage of a build alone: cold (serial and on every core), then one edited article.

    .venv/bin/python bench/search_stage.py 1000 5000 [--out /tmp/gazette-bench] [--jobs 2]

For each size, the synthetic archive of bench/search_bench.py (written there if missing) is
loaded and `build_search` run in a fresh child process per step, so that time and memory
are the step's own (loading the archive is not counted):

- cold-serial: no cache, one process;
- cold: no cache, `--jobs` processes (default: every usable core);
- cached: an empty cache, filled by this build (what a first `gazette build` does);
- edit: one article's text edited (a sentence appended), the cache of the step before.

With `--write PROJECT OUT`, one cold run (no cache) of the archive at PROJECT (a folder holding
content/) instead, its files written under OUT (OUT/search/…, OUT/static/…): how search/ of a
large archive is made again for bench/first_result.py without a whole build.

`cpu_s` is user + system time of the child and of its workers; `rss_mb` the child's peak,
`worker_rss_mb` the largest worker's (forked: much of it is pages shared with the child).
`digest` is of every file of search/: a step that must make the same files as another shows
the same one. Prints one JSON line per size; bench/search.md records the results.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = ".bench-search-cache"


def child(project: Path, cache: bool, jobs: int | None, out: Path | None = None) -> dict:
    from generator import load_config
    from generator.content.site import load_site
    from generator.search import build_search, search_files

    config = load_config(project, cache_dir=CACHE if cache else "")
    site, _ = load_site(config)
    wall, cpu = time.perf_counter(), time.process_time()
    if out is None:
        files = build_search(site, config, jobs=jobs)
    else:
        files = {}
        for path, data in search_files(site, config, jobs=jobs):
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_bytes(data)
            files[path] = hashlib.sha256(data).digest()
    wall = time.perf_counter() - wall
    me, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    digest = hashlib.sha256(b"".join(path.encode() + b"\0" + data for path, data in sorted(files.items())))
    return {"wall_s": round(wall, 2),
            "cpu_s": round(time.process_time() - cpu + workers.ru_utime + workers.ru_stime, 2),
            "rss_mb": me.ru_maxrss // 1024, "worker_rss_mb": workers.ru_maxrss // 1024,
            "files": len(files), "digest": digest.hexdigest()[:12]}


def run(project: Path, cache: bool, jobs: int | None) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(project), *(["--cache"] if cache else []),
                           *(["--jobs", str(jobs)] if jobs else [])], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.splitlines()[-1])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/gazette-bench"))
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--write", nargs=2, type=Path, metavar=("PROJECT", "OUT"))
    args = parser.parse_args(argv)
    if args.child or args.write:
        print(json.dumps(child(args.child or args.write[0], args.cache, args.jobs, args.write and args.write[1])))
        return
    import shutil

    from search_bench import write_corpus

    for n in args.sizes:
        project = args.out / str(n)
        if not (project / "content").is_dir():
            write_corpus(n, project / "content")
        shutil.rmtree(project / CACHE, ignore_errors=True)
        result = {"n": n, "cold-serial": run(project, False, 1), "cold": run(project, False, args.jobs),
                  "cached": run(project, True, args.jobs)}
        article = min((project / "content").rglob("*.md"))
        with open(article, "a", encoding="utf-8") as handle:
            handle.write(f"\n编辑于{time.time_ns()}：骆驼刺丛生。\n")
        result["edit"] = run(project, True, args.jobs)
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.path[:0] = [str(REPO), str(REPO / "bench")]
    main()
