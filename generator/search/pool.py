"""Work spread over forked processes, results in input order, or done here when that does not pay.

Workers are forked (the 'fork' start method) so that they start with the parent's modules and
data: a task names what it works on (a range of articles, a shard), never carries it. Results
come back in the order of the tasks, so the output is the same whatever the number of workers.
Where fork is not available, or `jobs` is 1, or there are too few tasks, the tasks run here.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def ordered_map(function: Callable[[T], R], tasks: Iterable[T], jobs: int | None) -> Iterator[R]:
    """`function` over `tasks`, results in task order, on up to `jobs` forked workers (None:
    every usable core). `function` must be a module-level function; it runs in a child that
    forked from this process when the first result is asked for."""
    tasks = list(tasks)
    jobs = min(usable_cores() if jobs is None else max(1, jobs), len(tasks))
    if jobs <= 1 or not can_fork():
        yield from map(function, tasks)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(function, tasks)
