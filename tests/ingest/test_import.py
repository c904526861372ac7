"""`import_issue` and `gazette import`: files written, metadata merged, edits protected."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.content.load import load_content
from generator.ingest import ImportOptions, import_issue
from generator.problems import GazetteError

RAW = Path(__file__).parent.parent / "fixtures" / "raw"


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("small-daily.txt", "small-daily.yaml", "undated.txt"):
        shutil.copy(RAW / name, tmp_path / name)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(project: Path, name="small-daily.txt", **options):
    return import_issue(project / name, project / "content", ImportOptions(**options), project_root=project)


def test_writes_an_issue_folder_the_loader_reads_without_problems(project):
    result = run(project)
    folder = project / "content" / "bayinguoleng-daily" / "2023-08-12"
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == ".import.yaml" and names[-1] == "issue.yaml" and len(names) == 4
    assert names[1].startswith("001-ku-er-") and names[2] == "002-bo-hu-xian-ju-ban-yu.md"
    pubs, issues, articles, problems = load_content(project / "content", project)
    assert problems == []
    [issue] = issues
    assert (issue.date, issue.number, issue.pages, issue.date_source) == (dt.date(2023, 8, 12), 9999, 8, "stated")
    assert issue.raw_file.startswith("small-daily.txt sha256:") and len(issue.raw_file.split(":")[1]) == 64
    first, second = articles
    assert (first.title, first.authors, first.dateline, first.continued) == ("库尔勒香梨喜获丰收", ("李明",), "库尔勒", "2版")
    assert first.body.startswith("本报库尔勒8月11日讯（记者李明）11日，记者从库尔勒市了解到，今年香梨种植面积稳定，产量预计增长。")
    assert (second.authors, second.source) == (("王芳", "张伟"), "新疆日报")
    assert pubs[0].home_region == "巴音郭楞蒙古自治州" and result.meta.slug == "bayinguoleng-daily"


def test_reimport_is_byte_identical(project):
    run(project)
    before = snapshot(project / "content")
    run(project)
    assert snapshot(project / "content") == before


def test_hand_edited_articles_block_a_reimport_unless_forced(project):
    run(project)
    folder = project / "content" / "bayinguoleng-daily" / "2023-08-12"
    [edited] = folder.glob("001-*.md")
    edited.write_text(edited.read_text(encoding="utf-8").replace("库尔勒香梨喜获丰收", "库尔勒香梨丰收"), encoding="utf-8")
    with pytest.raises(GazetteError) as caught:
        run(project)
    assert [p.code for p in caught.value.problems] == ["edited"]
    assert caught.value.problems[0].path.endswith(edited.name)
    assert "库尔勒香梨丰收" in edited.read_text(encoding="utf-8")  # nothing was overwritten
    result = run(project, force=True)
    backup = Path(result.backup)
    assert "库尔勒香梨丰收" in (backup / edited.name).read_text(encoding="utf-8")
    assert "库尔勒香梨喜获丰收" in edited.read_text(encoding="utf-8")
    assert backup.parent.parent.name == ".backup"


def test_dry_run_prints_an_outline_and_writes_nothing(project):
    result = run(project, dry_run=True)
    assert not (project / "content").exists()
    assert "001 库尔勒香梨喜获丰收" in result.outline and "002 博湖县举办渔业节" in result.outline
    assert "本报库尔勒8月11日讯" in result.outline


def test_no_date_is_a_clear_error_and_nothing_is_written(project):
    with pytest.raises(GazetteError) as caught:
        run(project, "undated.txt", publication="巴音郭楞日报")
    assert [p.code for p in caught.value.problems] == ["no-date"]
    assert not (project / "content").exists()
    result = run(project, "undated.txt", publication="巴音郭楞日报", date=dt.date(2026, 2, 7))
    assert result.meta.date_source == "given" and result.articles[0].title == "巴州召开会议"


def test_a_given_date_that_contradicts_the_stated_one_is_a_conflict(project):
    with pytest.raises(GazetteError) as caught:
        run(project, date=dt.date(2023, 8, 13))
    [problem] = caught.value.problems
    assert problem.code == "conflict" and problem.line == 3 and "2023-08-12" in problem.message


def test_monthly_date_is_inferred_from_label_and_publishing_day(tmp_path):
    raw = tmp_path / "m.txt"
    raw.write_text("2025·3\n\n总第344期\n\n卷首语标题\n\n正文第一段，说了很多话。\n\n出版日期 每月28日\n", encoding="utf-8")
    result = import_issue(raw, tmp_path / "content", ImportOptions(publication="党员之友", dry_run=True))
    assert (result.meta.date, result.meta.label, result.meta.number) == (dt.date(2025, 3, 28), "2025·3", 344)
    assert result.meta.date_source == "inferred: label 2025·3 and 出版日期 每月28日"


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("gb18030"),
    lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.replace("\n", "\r").encode("utf-8"),
])
def test_gb18030_bom_and_crlf_input_import_the_same_articles(project, encode):
    expected = run(project, dry_run=True).articles
    text = (project / "small-daily.txt").read_text(encoding="utf-8")
    (project / "small-daily.txt").write_bytes(encode(text))
    assert run(project, dry_run=True).articles == expected


@pytest.mark.parametrize("data,code", [(b"", "empty"), (b"\n \n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x01", "binary")])
def test_empty_or_binary_input_is_refused(project, data, code):
    (project / "bad.txt").write_bytes(data)
    with pytest.raises(GazetteError) as caught:
        run(project, "bad.txt", publication="巴音郭楞日报", date=dt.date(2023, 1, 1))
    assert [p.code for p in caught.value.problems] == [code]


def test_cli_imports_and_reports_problems_without_traceback(project, capsys):
    assert main(["-C", str(project), "import", str(project / "small-daily.txt")]) == 0
    assert "imported 2 articles" in capsys.readouterr().out
    assert main(["-C", str(project), "import", str(project / "undated.txt"), "--publication", "巴音郭楞日报"]) == 1
    err = capsys.readouterr().err
    assert "undated.txt: the text states no issue date" in err and "Traceback" not in err
    assert main(["-C", str(project), "import", str(project / "undated.txt"), "--publication", "巴音郭楞日报",
                 "--date", "2026-02-07", "--dry-run"]) == 0
    assert "(dry run: no file was written)" in capsys.readouterr().out


def test_slugs_are_ascii_unique_within_the_issue_and_stable():
    from generator.ingest.slugs import issue_slugs
    slugs = issue_slugs(["巴州新闻", "巴州新闻", "巴州新闻", "Ba Zhou Xin Wen 2"])
    assert slugs == ["ba-zhou-xin-wen", "ba-zhou-xin-wen-2", "ba-zhou-xin-wen-3", "ba-zhou-xin-wen-2-2"]
    assert issue_slugs(["巴州新闻"]) == slugs[:1]


def test_reimport_of_a_changed_raw_text_removes_articles_it_no_longer_has(project):
    run(project)
    folder = project / "content" / "bayinguoleng-daily" / "2023-08-12"
    raw = project / "small-daily.txt"
    raw.write_text(raw.read_text(encoding="utf-8").split("博湖县举办渔业节")[0], encoding="utf-8")
    result = run(project)
    assert len(result.articles) == 1
    assert sorted(p.name for p in folder.glob("*.md")) == [f"001-{result.slugs[0]}.md"]


def test_deleted_or_added_files_also_count_as_hand_edits(project):
    run(project)
    folder = project / "content" / "bayinguoleng-daily" / "2023-08-12"
    [second] = folder.glob("002-*.md")
    second.unlink()
    (folder / "003-notes.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    with pytest.raises(GazetteError) as caught:
        run(project)
    messages = {Path(p.path).name: p.message.split(" ")[0] for p in caught.value.problems}
    assert messages == {second.name: "deleted", "003-notes.md": "added"}


def test_credits_printed_at_the_end_give_the_authors():
    from generator.ingest import parse_issue
    _, [a] = parse_issue("努力闯出新路子\n\n□石榴云/新疆日报记者\n\n全会举行。\n\n各地表示有信心。（记者张云梅，参与记者张艳芳、"
                         "柏热扎提·阿不都，通讯员程勇）\n")
    assert a.authors == ("张云梅", "张艳芳", "柏热扎提·阿不都", "程勇") and a.source == "石榴云/新疆日报"


@pytest.mark.parametrize("label,ok", [("2025年3期", True), ("第12期", True), ("2025·4", False)])
def test_labels_of_any_shape_are_accepted_and_a_monthly_label_is_checked_against_the_date(project, label, ok):
    options = dict(publication="党员之友", date=dt.date(2025, 3, 28), label=label, dry_run=True)
    if ok:
        assert run(project, "undated.txt", **options).meta.label
    else:
        with pytest.raises(GazetteError) as caught:
            run(project, "undated.txt", **options)
        assert [p.code for p in caught.value.problems] == ["conflict"]


def test_reimport_keeps_published_slugs_when_the_slug_rules_change(project, monkeypatch):
    run(project)
    folder = project / "content" / "bayinguoleng-daily" / "2023-08-12"
    before = sorted(p.name for p in folder.glob("*.md"))
    monkeypatch.setattr("generator.ingest.slugs.slugify", lambda title, max_words: "changed-rule")
    result = run(project)
    assert sorted(p.name for p in folder.glob("*.md")) == before
    assert [f"{a.order:03d}-{s}.md" for a, s in zip(result.articles, result.slugs)] == before


def test_reimport_keeps_the_slug_of_an_article_that_moved(project):
    run(project)
    folder = project / "content" / "bayinguoleng-daily" / "2023-08-12"
    [old] = folder.glob("002-*.md")
    raw = project / "small-daily.txt"
    text = raw.read_text(encoding="utf-8").replace("库尔勒香梨喜获丰收", "和静县新闻\n\n□本报记者 李明\n\n和静县开会。\n\n库尔勒香梨喜获丰收")
    raw.write_text(text, encoding="utf-8")
    run(project)
    assert (folder / ("003-" + old.name[4:])).is_file() and not old.exists()


def test_kept_slugs_match_order_and_title_first_then_a_unique_title():
    from generator.ingest.slugs import issue_slugs
    previous = [(1, "巴州新闻", "old-one"), (2, "巴州新闻", "old-two"), (3, "和静新闻", "he-jing")]
    assert issue_slugs(["巴州新闻", "巴州新闻", "和静新闻"], previous) == ["old-one", "old-two", "he-jing"]
    assert issue_slugs(["和静新闻", "巴州新闻"], previous) == ["he-jing", "old-two"]
    assert issue_slugs(["新闻", "和静新闻", "巴州新闻"], previous) == ["xin-wen", "he-jing", "ba-zhou-xin-wen"]  # not unique
    assert issue_slugs(["库尔勒", "和静新闻"], [(1, "库尔勒", "he-jing"), (2, "和静新闻", "x")]) == ["he-jing", "x"]


def test_the_manifest_accounts_for_every_article_and_every_line_of_furniture(project):
    """.import.yaml records each article's confidence (with the doubts behind it) and every removed
    line of furniture with its line number and kind, so no text of the raw file is unaccounted for."""
    raw = (project / "small-daily.txt").read_text(encoding="utf-8").split("\n")
    result = run(project)
    folder = project / "content" / "bayinguoleng-daily" / "2023-08-12"
    manifest = yaml.safe_load((folder / ".import.yaml").read_text(encoding="utf-8"))
    articles = sorted(name for name in manifest["files"] if name.endswith(".md"))
    assert sorted(manifest["confidence"]) == articles
    assert all(entry["level"] in ("high", "medium", "low") for entry in manifest["confidence"].values())
    assert manifest["furniture"], "the masthead of small-daily.txt is furniture"
    for piece in manifest["furniture"]:
        assert raw[piece["line"] - 1].strip() == piece["text"] and piece["kind"]
    assert result.doubtful == sum(e["level"] == "low" for e in manifest["confidence"].values())


def test_the_summary_says_how_many_articles_are_of_low_confidence(tmp_path, capsys):
    """A text with no headline, lead or byline that breaks off mid-sentence is low confidence (start
    and title inferred): the summary counts it."""
    raw = tmp_path / "doubtful.txt"
    raw.write_text("今年香梨丰收，种植户说收成比去年好，价格\n", encoding="utf-8")
    code = main(["import", str(raw), "--publication", "巴音郭楞日报", "--date", "2023-08-12",
                 "--content-dir", str(tmp_path / "content")])
    out = capsys.readouterr().out
    result_line = out.strip().splitlines()[-1]
    manifest = yaml.safe_load(next((tmp_path / "content").rglob(".import.yaml")).read_text(encoding="utf-8"))
    low = sum(e["level"] == "low" for e in manifest["confidence"].values())
    assert code == 0 and low >= 1
    assert f"; {low} of low confidence" in result_line


SAMPLE = Path(__file__).parent.parent.parent / "raw" / "000_4b068101b9df753c.txt"  # 巴音郭楞日报 2023-08-11


@pytest.fixture
def headless(tmp_path) -> Path:
    """The sample front page whose third story is printed without a headline."""
    for suffix in (".txt", ".yaml"):
        shutil.copy(SAMPLE.with_suffix(suffix), tmp_path / SAMPLE.with_suffix(suffix).name)
    import_issue(tmp_path / SAMPLE.name, tmp_path / "content", ImportOptions(), project_root=tmp_path)
    return tmp_path


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_a_title_the_importer_inferred_is_recorded_as_inferred_and_a_printed_one_is_not(headless):
    folder = headless / "content" / "bayinguoleng-daily" / "2023-08-11"
    sources = {p.name[:3]: _front(p).get("title_source") for p in sorted(folder.glob("*.md"))}
    assert sources == {"001": None, "002": None, "003": "inferred", "004": None}
    _, _, articles, problems = load_content(headless / "content", headless)
    assert problems == []
    assert [a.title_inferred for a in articles] == [False, False, True, False]


def test_a_hand_written_headline_without_title_source_is_printed_and_guarded(headless):
    """An archivist who finds the real headline writes it and removes the key: it is printed from then on,
    and a re-import refuses to undo the edit unless forced (which puts the inferred title back, backed up)."""
    folder = headless / "content" / "bayinguoleng-daily" / "2023-08-11"
    [third] = folder.glob("003-*.md")
    text = third.read_text(encoding="utf-8")
    title = _front(third)["title"]
    third.write_text(text.replace("title_source: inferred\n", "").replace(title, "质量强州工作会议召开"), encoding="utf-8")
    _, _, articles, problems = load_content(headless / "content", headless)
    assert problems == []
    assert (articles[2].title, articles[2].title_source, articles[2].title_supplied) == ("质量强州工作会议召开", None, False)
    with pytest.raises(GazetteError) as caught:
        import_issue(headless / SAMPLE.name, headless / "content", ImportOptions(), project_root=headless)
    assert [(p.code, Path(p.path).name) for p in caught.value.problems] == [("edited", third.name)]
    assert "title_source" not in third.read_text(encoding="utf-8")
    import_issue(headless / SAMPLE.name, headless / "content", ImportOptions(force=True), project_root=headless)
    assert third.read_text(encoding="utf-8") == text
