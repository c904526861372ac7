"""Work spread over the machine's cores: how many there are, and a pool that keeps order.

One owner for both, so that every command's `--jobs` means the same thing. The
pool forks (the children inherit the loaded modules and word lists instead of
loading them again) and is made before any thread of ours runs: forking a
process with threads can leave a child holding a lock no thread will release.
Where fork is not available, or there is one core or one item, the work runs
here, in order, as it would without a pool.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # (not on Linux)
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Ahead:
    """fn(item) for each item, computed by `jobs` forked processes at most `2 × jobs` items ahead of
    the one being taken, and taken in order with `results()`. Made (and its processes forked)
    when constructed: make it before starting threads. A result whose process failed is None:
    the caller does that item's work itself, as it would without the pool."""

    def __init__(self, fn: Callable[[T], R], items: Iterable[T], jobs: int) -> None:
        self._items = list(items)
        self._fn = fn
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[Future | None] = deque()
        if jobs > 1 and len(self._items) > 1 and can_fork():
            self._pool = ProcessPoolExecutor(min(jobs, len(self._items)), mp_context=multiprocessing.get_context("fork"))
            self._rest = iter(self._items)
            for item in itertools.islice(self._rest, 2 * jobs):
                self._pending.append(self._submit(item))

    def results(self) -> Iterator[R | None]:
        if self._pool is None:
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

    def _submit(self, item: T) -> Future | None:
        try:
            return self._pool.submit(self._fn, item)
        except Exception:  # (the pool broke: a worker was killed)
            return None

    def close(self) -> None:
        if self._pool is not None:
            for future in self._pending:
                if future is not None:
                    future.cancel()
            self._pool.shutdown(wait=True)
            self._pool = None

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
