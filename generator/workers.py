"""Work spread over the machine's cores: how many there are, and pools that keep order.

One owner for both, so that every command's `--jobs` means the same thing. The pools
fork: the children inherit the loaded modules, word lists and data instead of loading
them again. Forking a process with threads can leave a child holding a lock no thread
will release, so no pool is made while another thread runs (`safe_to_fork`: `gazette
serve` answers requests on a thread, so it builds serially). Every worker ignores Ctrl-C
(the parent stops the work) and dies with its parent (`_worker_start`). Where fork is not
available, or the work is too small to repay starting workers, it runs here, in order,
as it would without a pool.

`Ahead` computes items ahead of the one the caller takes, and a worker that dies only
costs its head start. `map_forked` is `list(map(…))` over cores: its workers are told
only which items to work on (a range of indices) and send back each item's small
result, in item order, so a build made by workers is the one made serially.
"""
from __future__ import annotations

import ctypes
import gc
import itertools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 100  # below this, forking and collecting cost more than the work saved
CHUNK = 25  # items per task: small enough to balance the workers, large enough that IPC stays rare
WAVE = 2000  # items per set of workers in `map_in_waves`
RECYCLE = 500  # items per set of workers in `Ahead`
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # (not on Linux)
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def safe_to_fork() -> bool:
    """`can_fork`, from a process with no other thread."""
    return can_fork() and threading.active_count() == 1


class Ahead:
    """fn(item) for each item, computed by `jobs` forked processes at most `2 × jobs` items ahead of
    the one being taken, and taken in order with `results()`. Made (and its processes forked)
    when constructed, and only from a process with no other thread (`safe_to_fork`: `gazette
    serve` builds on a thread, so its search index is made here, in order). A result whose
    process failed, or every result without a pool, is None: the caller does that item's work
    itself, as it would without the pool."""

    def __init__(self, fn: Callable[[T], R], items: Iterable[T], jobs: int) -> None:
        self._items = list(items)
        self._fn = fn
        self._jobs = min(jobs, len(self._items))
        self._forked = False
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[Future | None] = deque()
        if jobs > 1 and len(self._items) > 1 and safe_to_fork():
            gc.freeze()  # as in `map_forked`: the workers' collector leaves the inherited objects, and their pages, alone
            self._forked = True
            self._pool = self._new_pool()
            self._rest = iter(self._items)
            self._submitted = 0
            for item in itertools.islice(self._rest, 2 * jobs):
                self._pending.append(self._submit(item))

    def results(self) -> Iterator[R | None]:
        if not self._forked:
            yield from (None for _ in self._items)
            return
        try:
            while self._pending:
                future = self._pending.popleft()
                following = next(self._rest, _END)
                if following is not _END:
                    self._pending.append(self._submit(following))
                yield _value(future)
        finally:
            self.close()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self._jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_start, initargs=(os.getpid(),))

    def _submit(self, item: T) -> Future | None:
        if self._submitted and self._submitted % RECYCLE == 0:
            self._recycle()
        self._submitted += 1
        try:
            return self._pool.submit(self._fn, item)
        except Exception:  # (the pool broke: a worker was killed; or there is none left)
            return None

    def _recycle(self) -> None:
        """Fresh workers for the items left: a worker's heap only grows with the items it has done
        (bench/build.md). The old ones finish what they were given (their results wait in their
        futures) and have exited before the fork, which then sees no thread of theirs."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        self._pool = self._new_pool() if safe_to_fork() else None

    def close(self) -> None:
        if self._forked:
            for future in self._pending:
                if future is not None:
                    future.cancel()
            if self._pool is not None:
                self._pool.shutdown(wait=True)
            self._pool = None
            self._forked = False
            gc.unfreeze()

    def __enter__(self) -> "Ahead":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_END = object()


def _value(future: Future | None):
    """A worker's result, or None where it has none (the caller then does the work itself)."""
    try:
        return None if future is None else future.result()
    except Exception:  # (a worker killed, or a bug the caller's own run raises and reports)
        return None


def map_forked(function: Callable, items: Sequence, jobs: int, before_fork: Callable[[], None] | None = None) -> list:
    """`[function(item) for item in items]`, in `jobs` forked workers when it pays (`safe_to_fork`,
    `MIN_ITEMS`), else here. `function` and `items` are inherited by the fork, never pickled; each
    result is pickled back, and so is an exception, which is raised here as it would be serially.
    The workers have exited when it returns. `before_fork()`, called here only when workers are
    forked, loads what `function` would load on first use, so that the workers inherit it rather
    than each load (and hold) its own."""
    jobs = min(jobs, len(items) // CHUNK)
    if jobs <= 1 or len(items) < MIN_ITEMS or not safe_to_fork():
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


def map_in_waves(function: Callable[[T], R], items: Iterable[T], jobs: int,
                 before_fork: Callable[[], None] | None = None) -> Iterator[tuple[T, R]]:
    """`(item, function(item))` for each of `items` in order, taken as they come: one at a time here
    when the work stays here, else `WAVE` at a time, each wave by `map_forked` with workers of its
    own. Neither the items nor the workers outlive a wave: the parent never holds more than a
    wave of items, and a worker copies (as it touches them) only the inherited pages one wave's
    items need, however long the stream (a 50,000-article build: bench/build.md)."""
    if jobs <= 1 or not safe_to_fork():
        yield from ((item, function(item)) for item in items)
        return
    items = iter(items)
    while batch := list(itertools.islice(items, WAVE)):
        yield from zip(batch, map_forked(function, batch, jobs, before_fork), strict=True)


_WORK: tuple[Callable, Sequence] | None = None  # in a worker: what it was forked to do


def _adopt(function: Callable, items: Sequence, parent: int) -> None:
    global _WORK
    _WORK = function, items
    _worker_start(parent)


def _worker_start(parent: int) -> None:
    """Every worker's first step: Ctrl-C reaches every process, and the parent stops the work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
