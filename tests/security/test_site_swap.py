"""Swapping site/ in: a build killed at any step leaves a whole site/ (old or new), and the
next build removes what the killed one left, but never a concurrent build's live staging folder.
A build made in place (incremental) publishes by a journal: killed before its commit it leaves
the old site; after, the next build finishes it before anything else.

The builds here are real `gazette build` processes killed with SIGKILL. A child Python
wraps the filesystem calls that change names (os.rename/replace/unlink/rmdir and the
writer's `exchange`) and pauses after the k-th one made while swapping; the test kills
it there.
"""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import build, load_config
from generator.cli import main
from generator.writer import JOURNAL, MARKER, remove_leftovers

ARTICLE = "content/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.md"
TITLE = "巴州被命名为2023年自治区民族团结进步示范区"

CHILD = r"""
import errno, os, sys, time
from pathlib import Path
from generator import writer
from generator.cli import main

project, pause_at, flag, swap = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
extra = sys.argv[5:]  # --clean: a whole new tree, swapped in
state = {"swapping": False, "steps": 0}

def pause():
    flag.write_text(str(state["steps"]))
    deadline = time.monotonic() + 60
    while not flag.with_suffix(".go").exists() and time.monotonic() < deadline:
        time.sleep(0.02)

def counted(call):
    def step(*args, **kwargs):
        result = call(*args, **kwargs)
        if state["swapping"]:
            state["steps"] += 1
            if str(state["steps"]) == pause_at:
                pause()
        return result
    return step

for name in ("rename", "replace", "unlink", "rmdir"):
    setattr(os, name, counted(getattr(os, name)))
if swap == "fallback":
    def exchange(a, b):
        raise OSError(errno.EINVAL, "RENAME_EXCHANGE not supported here")
    writer.exchange = exchange
elif hasattr(writer, "exchange"):
    writer.exchange = counted(writer.exchange)

write, leave = writer.StagedSite.write, writer.StagedSite.__exit__
def write_then_pause(self, path, data):
    size = write(self, path, data)
    if pause_at == "staging":
        pause()
    return size
def swapping(self, *exc):
    state["swapping"] = True
    if pause_at == "0":
        pause()
    return leave(self, *exc)
writer.StagedSite.write, writer.StagedSite.__exit__ = write_then_pause, swapping

code = main(["-C", project, "build", "-q", *extra])
print(f"steps={state['steps']}")
sys.exit(code)
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


def retitle(project: Path, title: str) -> None:
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(text.split("\n", 2)[1], f"title: {title}"), encoding="utf-8")


def start_child(project: Path, pause_at: str, flag: Path, swap: str = "exchange",
                clean: bool = True) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(project), pause_at, str(flag), swap]
                            + (["--clean"] if clean else []),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_paused(child: subprocess.Popen, flag: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not flag.exists():
        if child.poll() is not None:
            pytest.fail(f"the build ended (exit {child.returncode}) before its pause point: {child.stderr.read()}")
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail("the build never reached its pause point")
        time.sleep(0.02)


def kill_at(project: Path, pause_at: str, swap: str = "exchange", clean: bool = True) -> None:
    """Run a build in a child process and SIGKILL it when it pauses at `pause_at` (`clean`: a full
    build, swapped in; else an incremental one, published in place)."""
    flag = project.parent / "paused"
    flag.unlink(missing_ok=True)
    child = start_child(project, pause_at, flag, swap, clean)
    try:
        wait_until_paused(child, flag)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=20)
        child.stdout.close()
        child.stderr.close()


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    """The basic project, built (site/ and search cache), once for this module."""
    project = tmp_path_factory.mktemp("built") / "basic"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "sites" / "basic", project)
    build(load_config(project))
    return project


@pytest.fixture
def built_project(built_once, tmp_path) -> Path:
    """A copy of the built project of its own for each test."""
    return Path(shutil.copytree(built_once, tmp_path / "basic", symlinks=True))


def steps(built_once, folder: Path, *extra: str) -> int:
    project = Path(shutil.copytree(built_once, folder / "basic", symlinks=True))
    build(load_config(project))  # the copy's own cache (one is kept per output folder)
    retitle(project, "数一数步骤")
    done = subprocess.run([sys.executable, "-c", CHILD, str(project), "never", str(project.parent / "flag"),
                           "exchange", *extra], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split("steps=")[1])


@pytest.fixture(scope="module")
def swap_steps(built_once, tmp_path_factory) -> int:
    """How many name-changing calls one full build makes while swapping an existing site/ out."""
    return steps(built_once, tmp_path_factory.mktemp("count"), "--clean")


@pytest.fixture(scope="module")
def journal_steps(built_once, tmp_path_factory) -> int:
    """How many name-changing calls one incremental build makes while publishing (the journal's
    commit, its renames and unlinks, the staging folder's removal)."""
    return steps(built_once, tmp_path_factory.mktemp("count-journal"))


KILL_POINTS = {  # name → the step after which the build is killed, given the number of steps
    "before the swap": lambda n: 0,
    "after the first step": lambda n: 1,
    "after the second step": lambda n: 2,
    "after the third step": lambda n: 3,
    "half-way through removing the old site": lambda n: n // 2,
    "before the staging folder itself is removed": lambda n: n - 1,
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_build_killed_at_any_step_of_the_swap_leaves_a_whole_site(built_project, swap_steps, point):
    site = built_project / "site"
    old = snapshot(site)
    retitle(built_project, f"被中断的构建：{point}")
    kill_at(built_project, str(KILL_POINTS[point](swap_steps)))
    assert site.is_dir(), f"killed {point}: no site/ at all"
    during = snapshot(site)
    assert main(["-C", str(built_project), "build", "-q"]) == 0
    new = snapshot(site)
    assert new != old
    assert during in (old, new), f"killed {point}: site/ is neither the old site nor the new one"
    assert leftovers(built_project) == []


@pytest.mark.parametrize("point", KILL_POINTS)
def test_an_incremental_build_killed_at_any_step_of_publishing_leaves_the_old_site_or_a_journal_the_next_finishes(
        built_project, journal_steps, point):
    build(load_config(built_project))  # the copy's own cache (one is kept per output folder)
    site = built_project / "site"
    old = snapshot(site)
    retitle(built_project, f"就地发布时被中断：{point}")
    step = KILL_POINTS[point](journal_steps)
    kill_at(built_project, str(step), clean=False)
    committed = step >= 1  # the first step is the journal's commit (its rename into place)
    assert not committed or step >= journal_steps - 2 or any(
        (built_project / left / JOURNAL).is_file() for left in leftovers(built_project))
    if not committed:
        assert snapshot(site) == old, f"killed {point}: site/ changed before the journal was committed"
    remove_leftovers(site)  # what the next build (or import) does first
    recovered = snapshot(site)
    assert leftovers(built_project) == []
    assert main(["-C", str(built_project), "build", "-q"]) == 0
    new = snapshot(site)
    assert new != old
    assert recovered == (new if committed else old), f"killed {point}: the journal left neither site"


def test_a_build_killed_while_staging_leaves_the_old_site_and_the_next_build_removes_its_folder(built_project):
    old = snapshot(built_project / "site")
    retitle(built_project, "构建中途被杀")
    kill_at(built_project, "staging")
    assert snapshot(built_project / "site") == old
    (left,) = leftovers(built_project)
    assert left.startswith(".site.new-") and (built_project / left / MARKER).is_file()
    assert main(["-C", str(built_project), "build", "-q"]) == 0
    assert leftovers(built_project) == []
    assert "构建中途被杀" in (built_project / "site/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
                             ).read_text(encoding="utf-8")


def test_only_marked_or_empty_staging_folders_are_taken_for_leftovers(built_project):
    foreign = built_project / ".site.new-mine"  # a name that matches, but no marker: not ours
    foreign.mkdir()
    (foreign / "notes.txt").write_text("别删我", encoding="utf-8")
    (built_project / ".site.new-empty").mkdir()  # killed before its marker was written
    outside = built_project / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", encoding="utf-8")
    (built_project / ".site.new-link").symlink_to(outside)
    assert main(["-C", str(built_project), "build", "-q"]) == 0
    assert leftovers(built_project) == [".site.new-link", ".site.new-mine"]
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "别删我"
    assert (outside / "keep.txt").is_file()


def test_a_concurrent_builds_live_staging_folder_is_left_alone_and_both_builds_succeed(built_project):
    flag = built_project.parent / "paused"
    first = start_child(built_project, "staging", flag)
    try:
        wait_until_paused(first, flag)
        (live,) = leftovers(built_project)
        retitle(built_project, "并发构建")
        second = subprocess.run([sys.executable, "-m", "generator", "-C", str(built_project), "build", "-q"],
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr
        assert leftovers(built_project) == [live]  # the first build's folder survived the second's cleanup
        flag.with_suffix(".go").touch()
        assert first.wait(timeout=60) == 0, first.stderr.read()
    finally:
        first.kill()
        first.wait()
        first.stdout.close()
        first.stderr.close()
    assert leftovers(built_project) == []
    site = snapshot(built_project / "site")
    assert main(["-C", str(built_project), "build", "-q"]) == 0  # the first build staged the older title
    assert snapshot(built_project / "site") != site and "index.html" in site and "search/docs.js" in site


def test_two_builds_started_together_both_succeed_and_leave_one_whole_site(built_project):
    retitle(built_project, "同时开始的两次构建")
    command = [sys.executable, "-m", "generator", "-C", str(built_project), "build", "-q"]
    builds = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [b.communicate(timeout=120)[1] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], errors
    assert leftovers(built_project) == []
    together = snapshot(built_project / "site")
    assert main(["-C", str(built_project), "build", "-q"]) == 0
    assert snapshot(built_project / "site") == together  # the same, whole site a build on its own makes


def test_the_two_rename_fallback_is_undone_by_the_next_build_when_killed_between_them(built_project):
    old = snapshot(built_project / "site")
    retitle(built_project, "无原子交换的文件系统")
    kill_at(built_project, "1", swap="fallback")
    assert not (built_project / "site").exists()  # the documented window of the fallback
    remove_leftovers(built_project / "site")  # what the next build does first
    assert snapshot(built_project / "site") == old
    assert leftovers(built_project) == []


def test_a_build_without_renameat2_swaps_by_two_renames(built_project, monkeypatch):
    from generator import writer

    def unsupported(a, b):
        raise OSError(errno.EINVAL, "not supported")
    monkeypatch.setattr(writer, "exchange", unsupported)
    retitle(built_project, "回退方式")
    build(load_config(built_project))
    assert "回退方式" in (built_project / "site/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
                           ).read_text(encoding="utf-8")
    assert leftovers(built_project) == []


def test_the_swap_keeps_site_a_real_folder_with_ordinary_permissions(built_project):
    build(load_config(built_project))
    site = built_project / "site"
    assert site.is_dir() and not site.is_symlink()
    assert oct(site.stat().st_mode & 0o777) == oct(0o777 & ~current_umask())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_where_the_filesystem_has_no_flock_builds_go_on_and_keep_what_they_cannot_tell(built_project, monkeypatch):
    from generator import writer

    left = built_project / ".site.new-killed"  # a killed build's folder, marker and all
    (left / "site").mkdir(parents=True)
    (left / MARKER).write_text("gazette build, pid 1\n", encoding="utf-8")

    def no_flock(fd, operation):  # what NFS answers for a folder, or a FUSE filesystem without locks
        raise OSError(errno.ENOLCK, "No locks available")
    monkeypatch.setattr(writer.fcntl, "flock", no_flock)
    retitle(built_project, "无锁文件系统")
    build(load_config(built_project))
    assert "无锁文件系统" in (built_project / "site/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
                            ).read_text(encoding="utf-8")
    assert leftovers(built_project) == [".site.new-killed"]  # whether its build is alive cannot be told
    monkeypatch.undo()
    build(load_config(built_project))
    assert leftovers(built_project) == []
