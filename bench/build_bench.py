"""Whole builds at scale: time per stage, peak memory, output size; a warm rebuild; check.

    .venv/bin/python bench/build_bench.py 1000 10000 50000 [--out /tmp/gazette-bench]

For each size, the synthetic archive of bench/search_bench.py (3 publications,
10 articles per issue, 1,000–1,500 characters each) is built three ways, each
in a fresh child process so peak memory is the build's own:

- cold: `gazette build` with an empty cache (everything rendered and indexed);
- warm: the same build again: the search shards come from .gazette-cache/
  (what a template edit or a `gazette serve` reload costs);
- check: `gazette check` (content checks, a fresh build, every link and anchor).

Prints one JSON line per size; bench/build.md records the results.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def child(project: Path, mode: str) -> dict:
    """In a child process: one build or check; seconds per stage and peak memory."""
    from generator import build, load_config
    from generator.check import check_project
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
                self.times[name] = round(time.perf_counter() - started, 1)
                self.current = None

    config = load_config(project)
    started = time.perf_counter()
    out: dict = {}
    if mode == "check":
        problems = check_project(config)
        out["problems"] = len(problems)
    else:
        stages = Stages()
        result = build(config, stages)
        stages.close()
        out.update(stages=stages.times, files=result.files, mb=round(result.bytes / 1e6, 1))
    out["seconds"] = round(time.perf_counter() - started, 1)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return out


def run(project: Path, mode: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(project), "--mode", mode],
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.splitlines()[-1])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/gazette-bench"))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="cold", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.mode), ensure_ascii=False))
        return
    from search_bench import write_corpus

    for n in args.sizes:
        project = args.out / str(n)
        if not (project / "content").is_dir():
            write_corpus(n, project / "content")
        shutil.rmtree(project / ".gazette-cache", ignore_errors=True)
        result = {"n": n}
        for mode in ("cold", "warm", "check"):
            result[mode] = run(project, mode)
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.path[:0] = [str(REPO), str(REPO / "bench")]
    main()
