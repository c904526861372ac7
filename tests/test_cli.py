"""The `gazette` command as a person meets it: help, version, wrong folders, a disk that says no."""
from __future__ import annotations

import pytest

from generator import cli
from generator.cli import main


def test_bare_gazette_shows_the_commands(capsys):
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "usage: gazette" in err and all(name in err for name in cli.COMMANDS)


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("gazette 0.")


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_every_command_has_complete_help(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert out.startswith(f"usage: gazette {command}") and "\n\n" in out  # a description, not only flags


def test_a_missing_project_folder_is_named(tmp_path, capsys):
    assert main(["-C", str(tmp_path / "nope"), "build"]) == 2
    assert f"project folder not found: {tmp_path / 'nope'}" in capsys.readouterr().err


def test_a_disk_error_is_one_line_not_a_traceback(basic_project, capsys, monkeypatch):
    def refuse(args):
        raise PermissionError(13, "Permission denied", str(basic_project / "site"))
    monkeypatch.setattr("generator.commands.build.run", refuse)
    assert main(["-C", str(basic_project), "build"]) == 1
    assert capsys.readouterr().err == f"gazette build: {basic_project / 'site'}: Permission denied\n"


def test_check_and_bundle_refuse_a_folder_that_is_not_a_built_site(basic_project, capsys):
    (basic_project / "empty").mkdir()
    assert main(["-C", str(basic_project), "check", "--site", str(basic_project / "empty")]) == 2
    assert "not a built site, it has no index.html" in capsys.readouterr().err
    assert main(["-C", str(basic_project), "bundle", "--site", str(basic_project / "content")]) == 2
    assert "not a built site" in capsys.readouterr().err


def test_bundle_refuses_to_write_its_zip_over_a_folder(basic_project, capsys):
    assert main(["-C", str(basic_project), "bundle", "-o", "content"]) == 2
    assert "is a folder; give the zip file to write" in capsys.readouterr().err
    assert (basic_project / "content").is_dir() and not (basic_project / "content.part").exists()


def test_a_gazette_yaml_that_is_not_utf8_is_named(tmp_path, capsys):
    (tmp_path / "gazette.yaml").write_bytes("title: 测试\nlanguage: zh-Hans\n".encode("utf-8") + "site: 档案\n".encode("gbk"))
    assert main(["-C", str(tmp_path), "build"]) == 1
    assert "gazette.yaml:3: not UTF-8 text" in capsys.readouterr().err
