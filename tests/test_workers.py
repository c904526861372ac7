"""generator/workers.py: work done ahead on other cores comes back in order, and a worker that dies
costs only its own result (the caller then does that work itself)."""
from __future__ import annotations

import os
import threading

import pytest

from generator import workers
from generator.workers import Ahead, can_fork


@pytest.fixture
def forking(monkeypatch):
    """Fork even if other tests of the run left threads behind (the thread test asks the real check)."""
    monkeypatch.setattr(workers, "safe_to_fork", can_fork)


def _square_or_die(n: int) -> int:
    if n == 3:
        os._exit(1)  # a worker killed mid-task (out of memory, a signal)
    return n * n


def _pid(_: int) -> int:
    return os.getpid()


def test_one_job_does_nothing_ahead():
    assert list(Ahead(_square_or_die, range(5), jobs=1).results()) == [None] * 5


@pytest.mark.skipif(not can_fork(), reason="no fork here")
def test_results_come_in_order_from_other_processes(forking):
    with Ahead(_pid, range(8), jobs=2) as ahead:
        pids = list(ahead.results())
    assert len(pids) == 8 and os.getpid() not in pids


@pytest.mark.skipif(not can_fork(), reason="no fork here")
def test_a_worker_that_dies_gives_none_for_what_it_was_doing_never_a_wrong_result(forking):
    with Ahead(_square_or_die, range(6), jobs=2) as ahead:
        got = list(ahead.results())
    assert len(got) == 6 and got[3] is None
    assert all(value is None or value == n * n for n, value in enumerate(got))


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.mark.skipif(not can_fork(), reason="no fork here")
def test_long_work_is_spread_over_fresh_workers_in_order(forking, monkeypatch):
    """A worker's heap only grows with what it has done: after `RECYCLE` items, new workers take over."""
    monkeypatch.setattr(workers, "RECYCLE", 10)
    threads = threading.active_count()
    with Ahead(_square_and_pid, range(35), jobs=2) as ahead:
        got = list(ahead.results())
    assert [square for square, _ in got] == [n * n for n in range(35)]
    pids = [pid for _, pid in got]
    assert os.getpid() not in pids
    assert not set(pids[:10]) & set(pids[10:20]) and not set(pids[10:20]) & set(pids[20:30])
    assert threading.active_count() == threads  # every set of workers is gone, its threads too


def test_nothing_is_forked_while_another_thread_runs():
    """A thread may hold a lock at the fork that no thread of the child would release (`gazette
    serve` builds on a thread): the work is then done here, in order."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with Ahead(_pid, range(4), jobs=2) as ahead:
            assert list(ahead.results()) == [None] * 4
    finally:
        stop.set()
        thread.join()
