"""issue.yaml's `source:` record of the raw file: written and read back by one owner."""
from __future__ import annotations

from pathlib import Path

from generator.ingest.raw_file import RawFile


def test_a_record_reads_back_as_written():
    record = RawFile("raw/巴音郭楞日报 2023.txt", "ab" * 32)
    assert str(record) == f"raw/巴音郭楞日报 2023.txt sha256:{'ab' * 32}"
    assert RawFile.parse(str(record)) == record


def test_a_record_without_a_digest_is_the_path_alone():
    assert RawFile.parse("raw/x.txt") == RawFile("raw/x.txt", None)


def test_a_file_in_the_project_is_named_from_its_root_and_one_outside_by_its_name(tmp_path):
    (tmp_path / "raw").mkdir()
    assert RawFile.of(tmp_path / "raw" / "x.txt", tmp_path, "d").path == "raw/x.txt"
    assert RawFile.of(Path("/elsewhere/y.txt"), tmp_path, "d").path == "y.txt"


def test_the_same_file_or_the_same_bytes_is_not_another_raw_file():
    first = RawFile("raw/x.txt", "1")
    assert not first.is_other_than(RawFile("raw/x.txt", "2"))  # corrected
    assert not first.is_other_than(RawFile("moved/x.txt", "1"))  # moved
    assert first.is_other_than(RawFile("raw/y.txt", "2"))
