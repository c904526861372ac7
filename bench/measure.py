"""What bench/run.py measures of a command and of its output: wall time, peak memory, bytes on disk.

Peak memory is read two ways: `/usr/bin/time -v`'s "Maximum resident set size" (the largest
single process of the tree, as the kernel reports it to wait4), and the largest sum of the
resident sets of every process in the tree, sampled from /proc every 50 ms (what a build that
forks workers holds at once; shared pages count once per process, so it is an upper bound).
"""
from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from pathlib import Path

TIME = "/usr/bin/time"
SAMPLE_SECONDS = 0.05


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc/*/stat (ppid is the 4th field, after the ')' of comm)."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(root: int) -> int:
    """The summed resident set of `root` and all its descendants now."""
    tree, todo, total = _children(), [root], 0
    while todo:
        pid = todo.pop()
        total += _rss_kb(pid)
        todo += tree.get(pid, [])
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.pid))


def timed(cmd: list[str], accept: tuple[int, ...] = (0,)) -> dict:
    """Run `cmd` under `/usr/bin/time -v`; seconds (wall and CPU), peak RSS (largest process, and the tree's sum) in MB,
    and its stderr. A command exiting with a status not in `accept` stops the benchmark with its output."""
    started = time.perf_counter()
    proc = subprocess.Popen([TIME, "-v", *cmd], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    sampler = _Sampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    if proc.returncode not in accept:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out[-2000:]}\n{err[-4000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err))
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "rss_mb": round(int(rss[1]) / 1024) if rss else None, "tree_rss_mb": round(sampler.peak_kb / 1024),
            "stderr": err[:err.rfind("\tCommand being timed")]}


def disk(root: Path, parts: dict[str, callable]) -> dict:
    """Files and bytes (apparent size) under `root`, split by `parts` ({label: predicate on the
    path relative to root, as a POSIX string}); a file goes to the first part that takes it, or is
    not counted."""
    out = {label: {"files": 0, "bytes": 0} for label in parts}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            label = next((label for label, takes in parts.items() if takes(rel)), None)
            if label is None:
                continue
            out[label]["files"] += 1
            out[label]["bytes"] += path.stat().st_size
    return out
