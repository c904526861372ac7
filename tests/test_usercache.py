"""The user cache (generator/usercache.py) gives back what was computed, for the same key only,
and never fails or changes a result: a damaged, foreign or unwritable cache means computing."""
from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from generator import usercache
from generator.text import words


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "gazette"


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "dict.txt"
    path.write_text("实际 3 n\n", encoding="utf-8")
    return path


class Counted:
    """A compute function that says how often it ran."""

    def __init__(self, value=("实际\n制约", "", "中国")):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_second_run_reads_what_the_first_computed(home, source):
    compute = Counted()
    assert usercache.cached("t", source, (1,), compute) == compute.value
    assert compute.calls == 1 and len(list(home.glob("t-*.bin"))) == 1
    assert usercache.cached("t", source, (1,), compute) == compute.value
    assert compute.calls == 1  # read back, not computed


def test_the_folder_is_xdg_cache_home_or_the_home_folders_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert usercache.folder() == tmp_path / ".cache" / "gazette"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG rule: only an absolute path counts
    assert usercache.folder() == tmp_path / ".cache" / "gazette"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert usercache.folder() == tmp_path / "x" / "gazette"


def test_tests_never_write_to_the_users_cache():
    assert not usercache.folder().is_relative_to(Path.home() / ".cache")


@pytest.mark.parametrize("change", ["source", "recipe", "version", "format"])
def test_a_changed_key_computes_again(home, source, monkeypatch, change):
    compute = Counted()
    usercache.cached("t", source, (1,), compute)
    recipe = (1,)
    if change == "source":
        source.write_text("实际 3 n\n中国 5 n\n", encoding="utf-8")
    elif change == "recipe":
        recipe = (2,)
    elif change == "version":
        monkeypatch.setattr(usercache, "version", lambda name: "99.0")
    else:
        monkeypatch.setattr(usercache, "FORMAT", usercache.FORMAT + 1)
    assert usercache.cached("t", source, recipe, compute) == compute.value and compute.calls == 2
    assert usercache.cached("t", source, recipe, compute) == compute.value and compute.calls == 2  # (kept anew)


def test_a_source_touched_but_unchanged_in_size_computes_again(home, source):
    compute = Counted()
    usercache.cached("t", source, (), compute)
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    usercache.cached("t", source, (), compute)
    assert compute.calls == 2


def _damaged(data: bytes) -> list[bytes]:
    body = data[len(usercache.MAGIC) + usercache._CRC:]
    middle = len(data) // 2
    flipped = data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:]
    odd = marshal.dumps("not a tuple")
    return [b"", b"garbage", data[:-1], data[: len(data) // 2], flipped, b"x" + data[1:],
            usercache.MAGIC + usercache._crc(odd) + odd,  # a whole file of another shape
            usercache.MAGIC + usercache._crc(body[:-1]) + body[:-1]]  # a checksum of a truncated body


def test_a_damaged_file_is_computed_again_and_replaced(home, source):
    compute = Counted()
    usercache.cached("t", source, (), compute)
    [path] = home.glob("t-*.bin")
    for damaged in _damaged(path.read_bytes()):
        path.write_bytes(damaged)
        calls = compute.calls
        assert usercache.cached("t", source, (), compute) == compute.value and compute.calls == calls + 1
        assert usercache.cached("t", source, (), compute) == compute.value and compute.calls == calls + 1


def test_an_unwritable_folder_only_means_computing(tmp_path, monkeypatch, source):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # (a file where the folder would be: root can't write either)
    compute = Counted()
    assert usercache.cached("t", source, (), compute) == compute.value
    assert usercache.cached("t", source, (), compute) == compute.value and compute.calls == 2
    assert blocker.read_text() == "not a folder"


def test_a_cache_file_that_cannot_be_read_only_means_computing(home, source):
    home.mkdir(parents=True)
    compute = Counted()
    usercache.cached("t", source, (), compute)
    [path] = home.glob("t-*.bin")
    path.unlink()
    path.mkdir()  # (reading a folder fails, for root too; so does replacing it)
    assert usercache.cached("t", source, (), compute) == compute.value and compute.calls == 2


def test_a_missing_source_is_computed_without_the_cache(home, tmp_path):
    compute = Counted()
    assert usercache.cached("t", tmp_path / "absent", (), compute) == compute.value
    assert not home.exists()


def test_nothing_is_left_but_the_cache_file(home, source):
    usercache.cached("t", source, (), Counted())
    assert [p.name for p in home.iterdir()] == [next(home.glob("t-*.bin")).name]
    assert home.stat().st_mode & 0o777 == 0o700


def test_each_source_path_has_its_own_file(home, source, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("中国 5 n\n", encoding="utf-8")
    first, second = Counted(("a",)), Counted(("b",))
    for _ in range(2):
        assert usercache.cached("t", source, (), first) == ("a",)
        assert usercache.cached("t", other, (), second) == ("b",)
    assert first.calls == second.calls == 1


def test_the_word_lists_read_back_are_those_derived_from_jiebas_dictionary(home, monkeypatch):
    derived = words._derived(words._dictionary().read_text(encoding="utf-8"))
    computed = Counted(derived)
    monkeypatch.setattr(words, "_derived", lambda text: computed())
    lists = []
    for _ in range(2):
        words._lists.cache_clear()
        lists.append(words._lists())
    words._lists.cache_clear()
    assert computed.calls == 1  # the second process-like read came from the cache
    assert lists[0] == lists[1] == tuple(frozenset(w.split("\n")) for w in derived)
    assert len(lists[0][0]) > 300_000 and "实际" in lists[0][2] and "中州" not in lists[0][2]


def test_a_source_path_that_is_not_utf8_is_cached_too(home, tmp_path):
    odd = tmp_path / os.fsdecode(b"dict-\xff.txt")  # (a byte no encoding decodes: a surrogate in the str)
    odd.write_text("实际 3 n\n", encoding="utf-8")
    compute = Counted()
    for _ in range(2):
        assert usercache.cached("t", odd, (), compute) == compute.value
    assert compute.calls == 1
