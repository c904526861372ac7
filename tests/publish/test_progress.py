"""Progress: silent when nobody watches, one summary line, step timings with --verbose."""
from __future__ import annotations

import io

from generator.cli import main
from generator.progress import SILENT, LineProgress, RichProgress, make_progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_non_tty_and_quiet_are_silent(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert make_progress(stream=io.StringIO()) is SILENT
    assert make_progress(quiet=True, stream=FakeTerminal()) is SILENT


def test_a_terminal_gets_a_spinner_but_ci_does_not(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = FakeTerminal()
    progress = make_progress(stream=terminal)
    assert isinstance(progress, RichProgress)
    progress.step("生成页面")
    progress.close()
    monkeypatch.setenv("CI", "true")
    assert make_progress(stream=FakeTerminal()) is SILENT


def test_verbose_prints_each_step_with_its_time():
    out = io.StringIO()
    with LineProgress(out) as progress:
        progress.step("读取内容")
        progress.step("写入文件")
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == ["读取内容", "写入文件"]
    assert all(line.endswith(" s") for line in lines)


def test_build_prints_one_summary_line_and_quiet_prints_nothing(basic_project, capsys):
    assert main(["-C", str(basic_project), "build"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("built 8 articles: ") and out.count("\n") == 1
    assert err == ""
    assert main(["-C", str(basic_project), "build", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_build_verbose_lists_the_steps(basic_project, capsys):
    assert main(["-C", str(basic_project), "build", "--verbose"]) == 0
    steps = [line.strip().rsplit(" ", 2)[0] for line in capsys.readouterr().err.splitlines()]  # "  step 0.12 s"
    assert steps == ["reading content", "rendering pages", "building the search index",
                     "writing feeds, sitemap and data", "writing files"]


def test_missing_base_url_is_said_in_the_summary_not_warned(basic_project, capsys):
    (basic_project / "gazette.yaml").write_text("title: 测试档案\n", encoding="utf-8")
    assert main(["-C", str(basic_project), "build", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "warning" not in out
    assert out.rstrip().endswith("no base_url, so no feeds or sitemap (--base-url https://…/)")
    assert not (basic_project / "site" / "feed.xml").exists()
    assert (basic_project / "site" / "data" / "articles.json").exists()


def test_a_terminal_bar_counts_the_items_of_a_tracked_stage(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = FakeTerminal()
    with make_progress(stream=terminal) as progress:
        assert list(progress.track(["a.txt", "b.txt", "c.txt"], "导入")) == ["a.txt", "b.txt", "c.txt"]
        progress.bar.refresh()
    assert "导入" in terminal.getvalue() and "3/3" in terminal.getvalue()


def test_verbose_times_a_tracked_stage_once():
    out = io.StringIO()
    with LineProgress(out) as progress:
        progress.step("建立搜索索引")
        assert list(progress.track(range(3), "建立搜索索引", total=3)) == [0, 1, 2]
    assert [line.split()[0] for line in out.getvalue().splitlines()] == ["建立搜索索引"]
