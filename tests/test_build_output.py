"""The output folder: a build replaces it whole, so it must never be something else of value."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from generator.cli import main


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("output,reason", [
    (".", "it is the project folder or holds it"),
    ("..", "it is the project folder or holds it"),
    ("content", "it is the content folder"),
    ("content/bayinguoleng-daily", "it is inside the content folder"),
    ("notes", "not an earlier gazette build"),
    ("gazette.yaml", "it is a file, not a folder"),
])
def test_a_folder_of_value_is_refused_and_left_alone(basic_project, capsys, output, reason):
    (basic_project / "notes").mkdir()
    (basic_project / "notes" / "important.txt").write_text("手写笔记", encoding="utf-8")
    before = snapshot(basic_project)
    assert main(["-C", str(basic_project), "build", "-q", "--output", output]) == 1
    err = capsys.readouterr().err
    assert f"{output}: refusing to build into " in err and reason in err and "Traceback" not in err
    assert snapshot(basic_project) == before


def test_an_earlier_build_or_an_empty_folder_is_replaced(basic_project):
    assert main(["-C", str(basic_project), "build", "-q"]) == 0
    (basic_project / "site" / "stale.html").write_text("old", encoding="utf-8")
    assert main(["-C", str(basic_project), "build", "-q"]) == 0
    assert not (basic_project / "site" / "stale.html").exists()
    (basic_project / "empty").mkdir()
    assert main(["-C", str(basic_project), "build", "-q", "--output", "empty"]) == 0
    assert (basic_project / "empty" / "index.html").is_file()


def test_an_unwritable_output_is_an_error_not_a_traceback(basic_project, capsys):
    assert main(["-C", str(basic_project), "build", "-q", "--output", "gazette.yaml/site"]) == 1
    err = capsys.readouterr().err
    assert "gazette.yaml/site: the build stopped on a disk error" in err and "Traceback" not in err


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError])
def test_a_build_that_fails_after_writing_pages_leaves_the_old_site_and_no_staging(basic_project, monkeypatch,
                                                                                    failure):
    from generator import build, load_config
    config = load_config(basic_project)
    build(config)
    before = snapshot(config.output_path)

    def broken(*args, **kwargs):
        raise failure("search failed half-way")
    pipeline = importlib.import_module("generator.pipeline")  # the stages of a build that has work to do
    monkeypatch.setattr(pipeline, "search_outputs", broken)  # pages are already staged on disk by then
    with pytest.raises(failure):
        build(config)
    assert snapshot(config.output_path) == before
    assert [p.name for p in basic_project.iterdir() if p.name.startswith(".site.")] == []
