"""`gazette import raw/*.txt`: many issues at once, each on its own (a failure spoils none of the others)."""
from __future__ import annotations

import shutil
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
