"""`gazette check`: green on the fixture archive, red with path:line on the broken ones."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator import load_config
from generator.check import check_project
from generator.cli import main

SITES = Path(__file__).parent.parent / "fixtures" / "sites"
CONTENT = "content/bayinguoleng-daily/2023-08-11"


def test_fixture_archive_has_no_errors_after_a_fresh_build(basic_project):
    problems = check_project(load_config(basic_project))
    assert [str(p) for p in problems if p.is_error] == []
    assert {p.code for p in problems} <= {"missing-metadata"}
    assert not (basic_project / "site").exists()  # checking builds elsewhere; site/ is untouched


def test_cli_exit_codes_on_the_fixture(basic_project, capsys):
    assert main(["-C", str(basic_project), "check"]) == 0
    assert "gazette check: 0 errors" in capsys.readouterr().err
    assert main(["-C", str(basic_project), "check", "--strict"]) == 1  # its issues lack some metadata


def test_broken_content_is_reported_with_paths_and_lines(capsys):
    assert main(["-C", str(SITES / "broken-content"), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{CONTENT}/002-ba-zhou-shi-fan.md:2: the same article as {CONTENT}/001-ba-zhou.md" in err
    assert f"{CONTENT}/003-ba-zhou.md:2: warning: slug 'ba-zhou' is also used by {CONTENT}/001-ba-zhou.md" in err
    assert f"{CONTENT}/004-bo-hu.md:6: order is not a whole number: 'four'" in err
    assert f"{CONTENT}/issue.yaml: warning: issue.yaml has no pages" in err
    assert f"{CONTENT}/issue.yaml: warning: issue.yaml has neither number (总第…期) nor label" in err
    assert err[-1] == "gazette check: 2 errors, 5 warnings"


def test_same_title_with_a_different_body_is_only_a_warning(tmp_path):
    project = shutil.copytree(SITES / "broken-content", tmp_path / "p")
    second = project / CONTENT / "002-ba-zhou-shi-fan.md"
    second.write_text(second.read_text(encoding="utf-8").replace("巴州被命名为示范区。", "另一篇报道。"), encoding="utf-8")
    dupes = [p for p in check_project(load_config(project)) if p.code == "duplicate-title"]
    assert [(p.path, p.line, p.is_error) for p in dupes] == [(f"{CONTENT}/002-ba-zhou-shi-fan.md", 2, False)]


def test_broken_built_site_is_reported_with_paths_and_lines(capsys):
    project = SITES / "broken-links"
    built = project / "built"
    assert main(["-C", str(project), "check", "--site", str(built)]) == 1
    shown = built.as_posix()
    err = capsys.readouterr().err.splitlines()
    expected = [
        f"{shown}/a.html:6: loads https://cdn.example.com/lib.js from the network (the site must work offline)",
        f"{shown}/a.html:10: loads http://img.example.com/photo.jpg from the network (the site must work offline)",
        f"{shown}/index.html:13: b.html does not exist (resolves to b.html)",
        f'{shown}/index.html:14: a.html#missing: no id "missing" in a.html',
        f"{shown}/index.html:15: altay/ names a folder; link to its index.html so it opens from disk",
        f"{shown}/orphan.html: no page links here (not reachable from index.html)",
        f"{shown}/style.css:4: loads https://fonts.example.com/remote.woff2 from the network (the site must work offline)",
        f"{shown}/style.css:6: logo.png does not exist (resolves to logo.png)",
    ]
    assert [line for line in err if line.startswith(shown)] == expected


def test_a_broken_link_written_in_an_article_is_reported_in_its_markdown(basic_project):
    source = "content/altay-daily/2023-05-30/002-lun-ke-ji.md"
    path = basic_project / source
    text = path.read_text(encoding="utf-8") + "\n详见[上期报道](../2023-05-29/001-missing.html)。\n"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("详见[上期报道](../2023-05-29/001-missing.html)。") + 1
    (broken,) = [p for p in check_project(load_config(basic_project)) if p.code == "broken-link"]
    assert (broken.path, broken.line) == (source, line)
    assert broken.message.startswith("../2023-05-29/001-missing.html does not exist")
    assert "(in site/altay-daily/2023-05-30/002-lun-ke-ji.html:" in broken.message


def test_missing_site_folder_is_a_usage_error(basic_project, capsys):
    assert main(["-C", str(basic_project), "check", "--site", str(basic_project / "nowhere")]) == 2
    assert "run `gazette build` first" in capsys.readouterr().err


def test_check_reads_the_content_once_and_reports_each_problem_once(basic_project, monkeypatch):
    """The build inside `gazette check` uses the site check has loaded (an archive of 50,000
    articles is read once, not twice), so the loader's warnings are not reported twice either."""
    import generator.content.site as site_module
    calls = []
    real = site_module.load_content
    monkeypatch.setattr(site_module, "load_content", lambda *a, **k: calls.append(1) or real(*a, **k))
    problems = check_project(load_config(basic_project))
    assert len(calls) == 1
    assert len(problems) == len(set(problems))


def test_a_publication_without_articles_links_no_feed(basic_project):
    """Pages link exactly the feeds the build writes: a publication with no articles yet
    (or a region, or the whole archive) has none, so its page must not link one."""
    empty = basic_project / "content" / "empty-weekly"
    empty.mkdir()
    (empty / "publication.yaml").write_text("name: 空周刊\n", encoding="utf-8")
    problems = check_project(load_config(basic_project))
    assert [str(p) for p in problems if p.is_error] == []
