"""Work spread over forked worker processes, when it pays: `map_forked` is `list(map(…))` over cores.

Workers are forked, not spawned: they start with the parent's modules and loaded data
(the site, the Jinja environment, BudouX's model) and are told only which items to
work on (a range of indices), so what crosses between processes is a few numbers one
way and each item's small result the other. Results come back in item order, so a
build made by workers is the one made serially.

A build forks only where that is safe and cheap: on a platform that has `fork`, from a
process with no other thread (a thread holding a lock at the fork would leave it held
for ever in the child: `gazette serve` answers requests on a thread, so it renders
serially), and for enough items to repay starting the workers. Everything else runs
serially, in this process, through the same code.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

MIN_ITEMS = 100  # below this, forking and collecting cost more than the work saved
CHUNK = 25  # items per task: small enough to balance the workers, large enough that IPC stays rare
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def usable_cores() -> int:
    """The cores this process may run on (its affinity, e.g. under `taskset` or a container's cpuset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def map_forked(function: Callable, items: Sequence, jobs: int, before_fork: Callable[[], None] | None = None) -> list:
    """`[function(item) for item in items]`, in `jobs` forked workers when it pays (`can_fork`,
    `MIN_ITEMS`), else here. `function` and `items` are inherited by the fork, never pickled; each
    result is pickled back, and so is an exception, which is raised here as it would be serially.
    The workers have exited when it returns. `before_fork()`, called here only when workers are
    forked, loads what `function` would load on first use, so that the workers inherit it rather
    than each load (and hold) its own."""
    jobs = min(jobs, len(items) // CHUNK)
    if jobs <= 1 or len(items) < MIN_ITEMS or not can_fork():
        return [function(item) for item in items]
    if before_fork:
        before_fork()
    gc.freeze()  # the workers' collector then leaves the inherited objects alone, so their pages stay shared
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_adopt, initargs=(function, items, os.getpid()))
    try:
        return [result for results in pool.map(_run, range(0, len(items), CHUNK)) for result in results]
    finally:  # on an error or Ctrl-C, workers finish their chunk and the rest is dropped
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


_WORK: tuple[Callable, Sequence] | None = None  # in a worker: what it was forked to do


def _adopt(function: Callable, items: Sequence, parent: int) -> None:
    global _WORK
    _WORK = function, items
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process: the parent stops the build
    _end_with(parent)


def _end_with(parent: int) -> None:
    """Die with the build: a worker outliving a killed build would wait for work for ever (it holds
    the pipe it waits on open itself) and keep the build's staging folder locked, so never removed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # Linux: the kernel kills us when the parent dies
    except (OSError, AttributeError):  # elsewhere workers are left to the executor's own shutdown
        return
    if os.getppid() != parent:  # it died before we asked
        os._exit(1)


def _run(start: int) -> list:
    function, items = _WORK
    return [function(item) for item in items[start:start + CHUNK]]
