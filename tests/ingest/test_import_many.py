"""`gazette import raw/*.txt`: many issues at once, each on its own (a failure spoils none of the others)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

RAW = Path(__file__).parent.parent / "fixtures" / "raw"


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("small-daily.txt", "small-daily.yaml", "undated.txt"):
        shutil.copy(RAW / name, tmp_path / name)
    return tmp_path


def test_each_file_is_imported_with_its_own_sidecar_and_a_failure_is_named(project, capsys):
    undated = project / "undated.txt"
    code = main(["-C", str(project), "import", str(project / "small-daily.txt"), str(undated),
                 "--publication", "巴音郭楞日报"])
    out, err = capsys.readouterr()
    assert code == 1
    assert (project / "content/bayinguoleng-daily/2023-08-12/issue.yaml").is_file()
    assert "undated.txt: the text states no issue date" in err and f"{undated}: not imported" in err
    assert out.splitlines()[-1].startswith("imported 1 of 2 issues, 2 articles, in ")
    assert "Traceback" not in err


def test_once_the_failing_file_has_a_sidecar_all_are_imported(project, capsys):
    (project / "undated.yaml").write_text("publication: 巴音郭楞日报\ndate: 2026-02-07\n", encoding="utf-8")
    code = main(["-C", str(project), "import", "-q", str(project / "small-daily.txt"), str(project / "undated.txt")])
    assert code == 0 and capsys.readouterr().out == ""
    issues = sorted(p.parent.name for p in (project / "content").rglob("issue.yaml"))
    assert issues == ["2023-08-12", "2026-02-07"]


@pytest.mark.parametrize("flag", [["--date", "2026-02-07"], ["--number", "5"], ["--label", "2025·3"],
                                  ["--meta", "x.yaml"]])
def test_flags_of_one_issue_are_refused_for_many_files(project, capsys, flag):
    code = main(["-C", str(project), "import", str(project / "small-daily.txt"), str(project / "undated.txt"), *flag])
    assert code == 2
    assert f"{flag[0]} apply to a single issue" in capsys.readouterr().err
    assert not (project / "content").exists()


def test_dry_run_of_many_files_prints_every_outline_and_writes_nothing(project, capsys):
    (project / "undated.yaml").write_text("publication: 巴音郭楞日报\ndate: 2026-02-07\n", encoding="utf-8")
    assert main(["-C", str(project), "import", "--dry-run", str(project / "small-daily.txt"),
                 str(project / "undated.txt")]) == 0
    out = capsys.readouterr().out
    assert out.count("(dry run: no file was written)") == 2 and "would import 2 of 2 issues" in out
    assert not (project / "content").exists()


def test_a_sidecar_that_contradicts_publication_yaml_is_warned_and_the_file_kept(project, capsys):
    assert main(["-C", str(project), "import", "-q", str(project / "small-daily.txt")]) == 0
    pub = project / "content" / "bayinguoleng-daily" / "publication.yaml"
    before = pub.read_bytes()
    sidecar = project / "small-daily.yaml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("巴音郭楞蒙古自治州", "阿勒泰地区"), encoding="utf-8")
    assert main(["-C", str(project), "import", "-q", str(project / "small-daily.txt")]) == 0
    err = capsys.readouterr().err
    assert "warning: home_region: the sidecar says 阿勒泰地区" in err and "publication.yaml is kept" in err
    assert pub.read_bytes() == before


SAMPLES = Path(__file__).parent.parent.parent / "raw"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_raw_files_parsed_ahead_on_several_cores_import_byte_for_byte_as_one_by_one(tmp_path, capsys, monkeypatch):
    from generator import workers
    monkeypatch.setattr(workers, "safe_to_fork", workers.can_fork)  # (fork though other tests left threads)
    raws = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    assert len(raws) >= 3
    for jobs, out in (("1", tmp_path / "serial"), ("2", tmp_path / "parallel")):
        out.mkdir()
        assert main(["-C", str(out), "import", "-q", "--jobs", jobs, *raws]) == 0
    serial, parallel = _tree(tmp_path / "serial/content"), _tree(tmp_path / "parallel/content")
    assert len(serial) > 10 and serial == parallel


def test_a_raw_file_changed_after_it_was_parsed_ahead_is_imported_as_it_is_now(tmp_path):
    from generator.ingest import ImportOptions, import_issue, parse_ahead

    raw = tmp_path / "issue.txt"
    shutil.copy(RAW / "small-daily.txt", raw)
    shutil.copy(RAW / "small-daily.yaml", tmp_path / "issue.yaml")
    ahead = parse_ahead(raw, ImportOptions(), tmp_path / "content")
    text = raw.read_text(encoding="utf-8")
    first = ahead.parsed.articles[0].title
    raw.write_text(text.replace(first, "沙漠公路通车迎来首批货车"), encoding="utf-8")
    result = import_issue(raw, tmp_path / "content", ImportOptions(), ahead=ahead)
    assert result.articles[0].title == "沙漠公路通车迎来首批货车"


def test_a_folder_rendered_ahead_from_other_inputs_is_rendered_again(tmp_path):
    from generator.ingest import ImportOptions, import_issue, parse_ahead

    (tmp_path / "raw").mkdir()
    raw = tmp_path / "raw/issue.txt"
    shutil.copy(RAW / "small-daily.txt", raw)
    shutil.copy(RAW / "small-daily.yaml", tmp_path / "raw/issue.yaml")
    ahead = parse_ahead(raw, ImportOptions(), tmp_path / "content", project_root=tmp_path / "raw")
    assert "source: issue.txt sha256:" in ahead.rendered.files["issue.yaml"]
    result = import_issue(raw, tmp_path / "content", ImportOptions(), project_root=tmp_path, ahead=ahead)
    assert "source: raw/issue.txt sha256:" in (result.folder / "issue.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_jobs_must_be_a_number_of_processes(project, capsys, jobs):
    with pytest.raises(SystemExit) as stop:
        main(["-C", str(project), "import", "--jobs", jobs, str(project / "small-daily.txt")])
    assert stop.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_the_tables_every_parse_reads_are_loaded_before_the_workers_are_forked():
    """jieba's words, the gazetteer and pypinyin (furniture.py romanizes mastheads): loaded by the
    parent, so the workers forked after it share them instead of each loading them."""
    code = ("from generator.ingest import preload_tables; from generator import slug; "
            "from generator.text import words; preload_tables(); "
            "print(slug.pinyin.cache_info().currsize, slug._remembering.cache_info().currsize, "
            "words._lists.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["1", "1", "1"]
