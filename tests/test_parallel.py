"""Builds on every core: pages made by forked workers are byte for byte those of a serial build,
an error in a worker reads as it does serially, and --jobs is parsed like any option."""
from __future__ import annotations

import os
import shutil
import threading
import sys
import time
from pathlib import Path

import pytest

import generator.content.load as load
import generator.render as render
from generator import build, buildcache, load_config, workers
from generator.cli import main
from killing import kill_once

REPO = Path(__file__).resolve().parent.parent
REAL_SAFE_TO_FORK = workers.safe_to_fork


@pytest.fixture(autouse=True)
def forking(monkeypatch):
    """Other tests of the run leave threads behind (a session's HTTP server), with which a build
    never forks (`workers.safe_to_fork`); the tests here are about what workers do, so they fork
    regardless, except the one about threads, which asks the real `safe_to_fork`."""
    monkeypatch.setattr(workers, "safe_to_fork", workers.can_fork)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def sample(tmp_path) -> Path:
    """A writable copy of the repository's sample archive (content/, raw/, gazette.yaml)."""
    project = tmp_path / "sample"
    for name in ("content", "raw"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "gazette.yaml", project / "gazette.yaml")
    return project


@pytest.fixture
def renderers(monkeypatch, tmp_path) -> Path:
    """A file each process that renders a page appends its pid to (inherited by forked workers)."""
    log = tmp_path / "renderers.log"
    real = render.render_page

    def logged(env, page):
        with open(log, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(env, page)
    monkeypatch.setattr(render, "render_page", logged)
    return log


def pids(log: Path) -> set[str]:
    found = set(log.read_text().split()) if log.exists() else set()
    log.unlink(missing_ok=True)
    return found


def full(project: Path, jobs: int, output: str) -> dict[str, bytes]:
    build(load_config(project, output_dir=output, cache_dir=""), jobs=jobs)
    return files(project / output)


def test_a_parallel_build_of_the_sample_is_the_serial_one_byte_for_byte(sample, renderers):
    serial = full(sample, 1, "serial")
    assert pids(renderers) == {str(os.getpid())}
    parallel = full(sample, 2, "parallel")
    assert pids(renderers) - {str(os.getpid())}  # pages were rendered by workers
    assert parallel == serial
    assert len(serial) > 300


def test_pages_made_in_waves_of_fresh_workers_are_the_serial_pages(sample, renderers, monkeypatch):
    """A large archive renders in waves (`workers.map_in_waves`), each by workers forked for it, so
    that no worker copies more of the build than one wave needs: the pages are the same."""
    serial = full(sample, 1, "serial")
    pids(renderers)
    monkeypatch.setattr(workers, "WAVE", 120)
    parallel = full(sample, 2, "parallel")
    assert len(pids(renderers) - {str(os.getpid())}) > 2  # more than one set of workers
    assert parallel == serial


def test_waves_take_the_items_as_they_come_and_keep_their_order(monkeypatch):
    monkeypatch.setattr(workers, "WAVE", 200)
    drawn = []

    def items():
        for n in range(500):
            drawn.append(n)
            yield n
    for n, (item, (square, pid)) in enumerate(workers.map_in_waves(lambda k: (k * k, os.getpid()), items(), 2)):
        assert (item, square) == (n, n * n)
        assert len(drawn) <= (n // 200 + 1) * 200  # never more than the wave being made is held
    assert len(drawn) == 500
    assert list(workers.map_in_waves(lambda k: k + 1, iter(range(5)), 1)) == [(k, k + 1) for k in range(5)]


def test_an_edited_archive_built_in_parallel_is_what_a_serial_full_build_makes(sample, renderers, monkeypatch):
    monkeypatch.setattr(buildcache, "RACY_NS", 0)  # (files written a moment ago: see test_incremental)
    monkeypatch.setattr(workers, "MIN_ITEMS", 2)  # an edit re-renders a few pages: fork for them too
    monkeypatch.setattr(workers, "CHUNK", 2)
    build(load_config(sample), jobs=2)
    articles = sorted((sample / "content").rglob("*.md"))
    for article in articles[::10]:  # ten articles edited, one added, one removed
        article.write_text(article.read_text("utf-8") + "\n编辑后加的一段。\n", "utf-8")
    added = articles[1].with_name("099-xin-zeng.md")
    added.write_text(articles[1].read_text("utf-8").replace("order: 2", "order: 99", 1), "utf-8")
    articles[2].unlink()
    pids(renderers)
    result = build(load_config(sample), jobs=2)
    assert 0 < result.rendered < result.files and result.reused > 0  # incremental, not a full build
    assert pids(renderers) - {str(os.getpid())}
    assert files(sample / "site") == full(sample, 1, "serial")


def test_a_template_error_met_in_a_worker_names_its_file_and_line(sample, capsys):
    templates = sample / "overrides" / "templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text('{% extends "!default/article.html" %}\n\n{% block content %}'
                                            '{{ page_url | nosuchfilter }}{% endblock %}', "utf-8")
    assert main(["-C", str(sample), "build", "--jobs", "2", "-q"]) == 1
    err = capsys.readouterr().err
    assert "article.html:3: " in err and "nosuchfilter" in err
    assert "Traceback" not in err
    assert not (sample / "site").exists()


@pytest.fixture
def readers(monkeypatch, tmp_path) -> Path:
    """Like `renderers`, for the processes that read issue folders; forking for a handful of them."""
    log = tmp_path / "readers.log"
    real = load._load_issue

    def logged(*args):
        with open(log, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args)
    monkeypatch.setattr(load, "_load_issue", logged)
    monkeypatch.setattr(workers, "MIN_ITEMS", 2)
    monkeypatch.setattr(workers, "CHUNK", 1)
    return log


def test_content_read_in_parallel_is_the_content_read_serially(readers, tmp_path):
    """Models, and problems in the same order, also for a tree full of mistakes."""
    broken = tmp_path / "broken"
    shutil.copytree(REPO / "tests" / "fixtures" / "sites" / "broken-content", broken)
    issue = next((broken / "content").glob("*/2*"))
    shutil.copytree(issue, issue.with_name("2023-09-01"))  # a second issue folder, and more mistakes
    for project in (REPO, broken):
        serial = load.load_content(project / "content", project, jobs=1)
        assert pids(readers) == {str(os.getpid())}
        parallel = load.load_content(project / "content", project, jobs=2)
        assert pids(readers) - {str(os.getpid())}
        assert parallel == serial
    assert len(serial[3]) >= 6  # the broken tree's problems, compared in order


def test_a_bad_article_in_a_parallel_build_is_reported_at_its_file_and_line(sample, readers, capsys):
    """From the command line, as a user meets it: the problem, no traceback, and the old site intact."""
    assert main(["-C", str(sample), "build", "--jobs", "2", "-q"]) == 0
    before = files(sample / "site")
    article = sorted((sample / "content").rglob("*.md"))[5]
    lines = article.read_text("utf-8").split("\n")
    lines.insert(2, "title: [不成对")  # third line of the file, inside the front matter
    article.write_text("\n".join(lines), "utf-8")
    pids(readers)
    capsys.readouterr()
    assert main(["-C", str(sample), "build", "--jobs", "2", "--clean"]) == 1  # every file read again, in workers
    assert pids(readers) - {str(os.getpid())}
    err = capsys.readouterr().err
    shown = article.relative_to(sample).as_posix()
    assert f"{shown}:3: " in err
    assert "Traceback" not in err
    assert files(sample / "site") == before


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5", ""])
def test_jobs_must_be_a_whole_number_of_at_least_one(sample, capsys, value):
    with pytest.raises(SystemExit) as exit_:
        main(["-C", str(sample), "build", "--jobs", value])
    assert exit_.value.code == 2
    assert f"argument -j/--jobs: not a number of processes (1 or more): {value}" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "check", "bundle"])
def test_every_command_that_builds_takes_jobs(sample, command, monkeypatch):
    asked = []
    real = workers.map_in_waves

    def spy(function, items, jobs, **options):
        asked.append(jobs)
        return real(function, items, jobs, **options)
    monkeypatch.setattr("generator.pipeline.map_in_waves", spy)
    main(["-C", str(sample), command, "-j", "1"])
    main(["-C", str(sample), command, "--jobs=3", "--clean"] if command == "build" else
         ["-C", str(sample), command, "--jobs=3"])
    assert asked == [1, 3]


def test_by_default_a_build_uses_every_usable_core(sample, monkeypatch):
    assert workers.usable_cores() == len(os.sched_getaffinity(0))
    asked = []
    monkeypatch.setattr("generator.pipeline.map_in_waves", lambda function, items, jobs, **options:
                        asked.append(jobs) or ((item, function(item)) for item in items))
    build(load_config(sample))
    assert asked == [workers.usable_cores()]


def test_a_process_with_another_thread_renders_serially(monkeypatch):
    """`gazette serve` answers requests on a thread while it builds: forking then could leave a lock
    held for ever in a worker, so the build stays in its own process."""
    monkeypatch.setattr(workers, "safe_to_fork", REAL_SAFE_TO_FORK)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not REAL_SAFE_TO_FORK()
        made = list(workers.map_forked(lambda item: (item, os.getpid()), list(range(500)), 2))
    finally:
        stop.set()
        thread.join()
    assert made == [(i, os.getpid()) for i in range(500)]


KILLED = r"""
import os, sys, time
from pathlib import Path
from generator import workers, writer
from generator.cli import main

workers.MIN_ITEMS, workers.CHUNK = 2, 1
BUILD = os.getpid()
write = writer.StagedSite.write
def write_then_hang(self, path, data):
    size = write(self, path, data)
    if path.endswith(".html") and os.getpid() != BUILD:  # a page, in a worker
        with open(sys.argv[2], "a") as flag:
            flag.write(f"{os.getpid()}\n")
        time.sleep(600)
    return size
writer.StagedSite.write = write_then_hang
main(["-C", sys.argv[1], "build", "-q", "--jobs", "2"])
"""


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_parallel_build_leaves_the_previous_site_and_no_worker_behind(sample):
    build(load_config(sample), jobs=1)
    before = files(sample / "site")
    for article in sorted((sample / "content").rglob("*.md"))[::10]:
        article.write_text(article.read_text("utf-8") + "\n又一段。\n", "utf-8")
    flag = sample.parent / "workers"
    kill_once([sys.executable, "-c", KILLED, str(sample), str(flag)],
              lambda: flag.exists() and len(flag.read_text().split()) == 2, "the workers never started writing",
              cwd=REPO, start_new_session=True)
    hung = [int(pid) for pid in flag.read_text().split()]
    deadline = time.monotonic() + 20
    while any(map(is_running, hung)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(is_running, hung)), "a worker outlived its build"
    assert files(sample / "site") == before
    build(load_config(sample), jobs=2)
    assert files(sample / "site") == full(sample, 1, "serial")
    assert not [p.name for p in sample.iterdir() if p.name.startswith(".site.")]  # the dead build's staging is gone


LOADED = []  # what `before_fork` loads: a model, a word list


def test_what_is_loaded_before_the_fork_is_shared_by_every_worker():
    def load():
        LOADED.append(os.getpid())

    def work(item):
        return item, os.getpid(), tuple(LOADED)
    made = list(workers.map_forked(work, list(range(500)), 2, before_fork=load))
    assert {loaded for _, _, loaded in made} == {(os.getpid(),)}  # loaded once, here, and seen by all
    assert {pid for _, pid, _ in made} - {os.getpid()}
    LOADED.clear()
    assert list(workers.map_forked(work, [1, 2], 2, before_fork=load)) == [(1, os.getpid(), ()), (2, os.getpid(), ())]
    assert LOADED == []  # too few to fork: nothing loaded ahead, the work loads what it needs
