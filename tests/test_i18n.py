"""The CLI speaks the reader's language: Simplified Chinese in a Chinese locale, English otherwise,
from one catalog (generator/locale/zh_CN/LC_MESSAGES/gazette.po) that cannot fall behind the code."""
from __future__ import annotations

import ast
import importlib.util
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.cli import main
from generator.i18n import catalog_path, language

REPO = Path(__file__).resolve().parent.parent
FIXTURE_RAW = Path(__file__).parent / "fixtures" / "raw"
GAZETTE = Path(sys.executable).with_name("gazette")  # the installed command, as a person runs it
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
PATH_OR_FILE = re.compile(r"\S*/\S*|[a-z0-9-]+\.md\b")  # folders and article file names are ASCII by design


def run(*args: str, lang: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """`gazette ARGS` in a fresh process whose only locale setting is LANG=`lang`."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([str(GAZETTE), *args], cwd=cwd, env={**env, "LANG": lang}, capture_output=True,
                          text=True, encoding="utf-8")


def english_scraps(text: str) -> list[str]:
    """Latin words of three letters or more, once paths and file names are set aside."""
    return ENGLISH_WORD.findall(PATH_OR_FILE.sub(" ", text))


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),  # one Chinese catalog, Simplified
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL before LANG
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C"}, "zh"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "C.UTF-8"}, "zh"),  # LANGUAGE first, as gettext reads it
    ({"LANGUAGE": "fr:zh", "LANG": "en_US.UTF-8"}, "zh"),  # no French catalog: the next preference
    ({"LANGUAGE": "en:zh", "LANG": "zh_CN.UTF-8"}, "en"),  # English is the code's own language
    ({"LANGUAGE": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # set but empty counts as unset
])
def test_the_language_is_read_from_the_environment_as_gettext_reads_it(environ, expected):
    assert language(environ) == expected


def test_help_in_chinese_and_in_english():
    zh = run("import", "--help", lang="zh_CN.UTF-8")
    assert zh.returncode == 0
    assert zh.stdout.startswith("用法：gazette import")
    assert "把原始期次文本（从 PDF 或 OCR 提取）导入 content/" in zh.stdout  # the description
    assert "打印导入概要，不写入任何文件" in zh.stdout and "显示此帮助信息并退出" in zh.stdout  # ours and argparse's
    assert "位置参数" in zh.stdout and "选项" in zh.stdout
    en = run("import", "--help", lang="C.UTF-8")
    assert en.stdout.startswith("usage: gazette import")
    assert "print the outline, write nothing" in en.stdout and "show this help message and exit" in en.stdout
    top = run("--help", lang="zh_CN.UTF-8").stdout
    assert "命令" in top and "由 content/ 生成网站到 site/" in top


def test_usage_errors_in_chinese():
    zh = run("import", lang="zh_CN.UTF-8")
    assert zh.returncode == 2
    assert "gazette import：错误：缺少必需的参数：RAW.txt" in zh.stderr
    bad = run("import", "--date", "2023-13-01", "x.txt", lang="zh_CN.UTF-8")
    assert "参数 --date：不是日期（YYYY-MM-DD）：2023-13-01" in bad.stderr


def test_a_dry_run_in_chinese_and_in_english(tmp_path):
    raw = str(REPO / "raw" / "003_4940473b4207a24f.txt")
    zh = run("-C", str(tmp_path), "import", "--dry-run", raw, lang="zh_CN.UTF-8")
    assert zh.returncode == 0, zh.stderr
    assert "昌吉日报 2023-06-14 · 日期来源：给定（参数或附属文件）" in zh.stdout
    assert "4 篇文章 → " in zh.stdout and "行3  通讯 铸牢中华民族共同体意识 | 杨菊萍" in zh.stdout
    assert "可信度中：主题与副题/引题难以区分" in zh.stdout and "行41  新闻 | 李东泽" in zh.stdout
    assert zh.stdout.endswith("（试运行：未写入任何文件）\n")
    en = run("-C", str(tmp_path), "import", "--dry-run", raw, lang="en_US.UTF-8")
    assert "昌吉日报 2023-06-14 · date source: given (flag or sidecar)" in en.stdout
    assert "4 articles → " in en.stdout and "line 3  feature 铸牢中华民族共同体意识 | 杨菊萍" in en.stdout
    assert "confidence medium: headline and deck or kicker hard to tell apart" in en.stdout
    assert en.stdout.endswith("(dry run: no file was written)\n")
    assert not (tmp_path / "content").exists()


def test_the_dry_run_of_every_sample_issue_has_no_english_scraps_in_chinese(tmp_path, capsys, monkeypatch):
    """The sample archive's raw issues, as the issue that asked for this saw them: 日期来源 given,
    news | 陈彦强 and photo |  摄：… were English scraps in a Chinese outline."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    raws = sorted(str(p) for p in (REPO / "raw").glob("*.txt"))
    assert main(["-C", str(tmp_path), "import", "--dry-run", *raws]) == 0
    out, err = capsys.readouterr()
    assert out.count("日期来源：") == len(raws) and "摄：" in out and " 图片 " in out
    assert re.search(r"将导入 \d+/\d+ 期，\d+ 篇文章，用时 [\d.]+ 秒\n$", out)
    assert english_scraps(out + err) == []


def test_build_check_and_problems_in_chinese(basic_project, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["-C", str(basic_project), "build"]) == 0
    assert re.fullmatch(r"已生成 \d+ 篇文章：\d+ 个文件，[\d.]+ MB，位于 site/，用时 [\d.]+ 秒\n", capsys.readouterr().out)
    assert main(["-C", str(basic_project), "build", "--base-url", ""]) == 0
    assert capsys.readouterr().out.endswith("秒；未设 base_url，故未生成订阅和站点地图（--base-url https://…/）\n")
    assert main(["-C", str(basic_project), "check", "--site", str(basic_project / "site")]) == 0
    err = capsys.readouterr().err
    assert "issue.yaml: 警告：issue.yaml 缺少 source" in err
    assert err.splitlines()[-1].startswith("gazette check：0 个错误，")
    assert main(["-C", str(basic_project), "import", str(FIXTURE_RAW / "undated.txt"), "--publication", "巴音郭楞日报"]) == 1
    err = capsys.readouterr().err
    assert "undated.txt: 文本没有载明出版日期：请用 --date YYYY-MM-DD 或在附属文件中设 date:" in err
    assert err.endswith("gazette import：已停止，1 个错误，0 个警告；未写入任何文件\n")


def test_the_same_commands_in_english(basic_project, capsys):
    assert main(["-C", str(basic_project), "build"]) == 0
    assert re.fullmatch(r"built \d+ articles: \d+ files, [\d.]+ MB in site/ in [\d.]+ s\n", capsys.readouterr().out)
    assert main(["-C", str(basic_project), "import", str(FIXTURE_RAW / "undated.txt"), "--publication", "巴音郭楞日报"]) == 1
    err = capsys.readouterr().err
    assert "undated.txt: the text states no issue date: pass --date YYYY-MM-DD or set date: in a sidecar" in err
    assert err.endswith("gazette import: stopped, 1 error, 0 warnings; nothing was written\n")


def _messages_script():
    spec = importlib.util.spec_from_file_location("messages", REPO / "scripts" / "messages.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_the_catalog_holds_every_message_of_the_code_each_translated(capsys):
    """pybabel extracts the code's messages afresh; gazette.po must have each, none left over,
    every one with its Chinese (fix: `python scripts/messages.py`, then translate what it lists)."""
    assert _messages_script().main(["--check"]) == 0, capsys.readouterr().err


def _fields(text: str) -> set[str]:
    """The placeholders a message is formatted with: {name} or {name:.1f} for str.format, %(name)s or %s for %."""
    named = {f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    return named | set(re.findall(r"%\(\w+\)[sdr]|%[sdr]", text))


def test_every_translation_keeps_the_placeholders_of_its_message():
    """A {placeholder} lost or misspelt in a translation would be a KeyError in a Chinese locale only."""
    with catalog_path("zh").open("rb") as po:
        catalog = read_po(po)
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if any(_fields(s) != _fields(ids[-1]) for s in strings):
            wrong.append(ids[0])
    assert wrong == []
    assert len(catalog) > 250  # the whole CLI, not a sample


SAID = {"print": 0, "error": 3, "warning": 3, "ArgumentTypeError": 0}  # call → the argument a person reads


def _unmarked(node) -> bool:
    """English text written straight into the call: a literal or f-string with a word in it (a
    message marked for the catalog is a call: _(…), ngettext(…))."""
    if isinstance(node, ast.Constant):
        parts = [node.value] if isinstance(node.value, str) else []
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
    else:
        return False
    return any(ENGLISH_WORD.search(part) for part in parts)


def test_no_message_of_the_code_bypasses_the_catalog():
    """What the CLI prints, a problem's message and a flag's help are marked for translation: a
    plain string there is English in a Chinese locale, and extraction cannot see it."""
    found = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            said = [node.args[SAID[name]]] if name in SAID and len(node.args) > SAID[name] else []
            said += [k.value for k in node.keywords if k.arg in ("help", "description", "epilog")]
            found += [f"{path.relative_to(REPO)}:{node.lineno}" for arg in said if _unmarked(arg)]
    assert found == []
