"""What an import may replace, and what it says: another raw file for an issue, hand edits seen by a
dry run too, paths that name the real files, and re-imports that change nothing say so."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main

RAW = Path(__file__).parent.parent / "fixtures" / "raw"
ISSUE = Path("bayinguoleng-daily") / "2023-08-12"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    for name in ("small-daily.txt", "small-daily.yaml", "undated.txt"):
        shutil.copy(RAW / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def gazette(capsys, *args) -> tuple[int, str, str]:
    code = main(["import", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page_two(project: Path) -> Path:
    """The second article of small-daily.txt alone, as another raw file of the same issue would be."""
    text = (project / "small-daily.txt").read_text(encoding="utf-8")
    page = project / "page2.txt"
    page.write_text(text[text.index("博湖县举办渔业节"):], encoding="utf-8")
    return page


# --- 1. another raw file for an existing issue ----------------------------------------------------

def test_another_raw_file_for_an_imported_issue_is_refused_naming_both(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    before = snapshot(project / "content")
    page = page_two(project)
    code, out, err = gazette(capsys, "page2.txt", "--meta", "small-daily.yaml", "--date", "2023-08-12")
    assert code == 1
    [message, summary] = err.splitlines()
    assert message.startswith(f"page2.txt: {ISSUE.as_posix().join(['content/', '/'])} was imported from another "
                              "raw file, small-daily.txt; this one would replace its 2 articles.")
    assert "add its text to small-daily.txt in page order" in message and "--force" in message
    assert snapshot(project / "content") == before  # nothing lost, nothing written
    # forced: the issue is replaced, and the old folder kept
    code, out, err = gazette(capsys, str(page), "--meta", "small-daily.yaml", "--date", "2023-08-12", "--force")
    assert code == 0
    [backup] = (project / "content" / ".backup" / "bayinguoleng-daily").iterdir()
    assert {k: v for k, v in snapshot(backup).items()} == {k[len(ISSUE.as_posix()) + 1:]: v for k, v in before.items()
                                                          if k.startswith(ISSUE.as_posix())}
    assert "source: page2.txt sha256:" in (project / "content" / ISSUE / "issue.yaml").read_text(encoding="utf-8")


def test_a_copy_in_another_encoding_is_another_raw_file(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    (project / "copy").mkdir()
    text = (project / "small-daily.txt").read_text(encoding="utf-8")
    (project / "copy" / "small-daily.txt").write_bytes(text.encode("gbk"))
    shutil.copy(project / "small-daily.yaml", project / "copy")
    code, _, err = gazette(capsys, "copy/small-daily.txt")
    assert code == 1 and "was imported from another raw file, small-daily.txt" in err


def test_the_same_raw_file_corrected_or_the_same_bytes_moved_may_be_imported_again(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    raw = project / "small-daily.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("游人如织", "游客如织"), encoding="utf-8")  # OCR fix
    assert gazette(capsys, "small-daily.txt")[0] == 0
    (project / "moved").mkdir()
    shutil.copy(raw, project / "moved" / "small-daily.txt")
    shutil.copy(project / "small-daily.yaml", project / "moved")
    code, out, _ = gazette(capsys, "moved/small-daily.txt")
    assert code == 0


def test_two_files_for_one_issue_in_one_run_the_second_is_refused_dry_run_alike(project, capsys):
    page_two(project)
    args = ["small-daily.txt", "page2.txt", "--publication", "巴音郭楞日报"]
    shutil.copy(project / "small-daily.yaml", project / "page2.yaml")
    (project / "page2.yaml").write_text((project / "page2.yaml").read_text(encoding="utf-8") + "date: 2023-08-12\n",
                                        encoding="utf-8")
    code, dry_out, dry_err = gazette(capsys, *args, "--dry-run")
    assert code == 1 and not (project / "content").exists()
    code, out, err = gazette(capsys, *args)
    assert code == 1
    assert dry_err == err and "page2.txt: content/bayinguoleng-daily/2023-08-12/ was imported from another" in err
    assert len(list((project / "content" / ISSUE).glob("*.md"))) == 2  # the first file's two articles stay


# --- 3. paths that name the real files ------------------------------------------------------------

def _edit_first_article(content: Path) -> Path:
    [edited] = (content / ISSUE).glob("001-*.md")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n校对补记。\n", encoding="utf-8")
    return edited


def test_messages_name_files_in_a_content_dir_given_elsewhere(project, capsys, tmp_path_factory):
    content = tmp_path_factory.mktemp("fresh") / "content"
    assert gazette(capsys, "small-daily.txt", "--content-dir", str(content))[0] == 0
    edited = _edit_first_article(content)
    code, out, err = gazette(capsys, "small-daily.txt", "--content-dir", str(content))
    assert code == 1 and err.startswith(f"{edited}: edited by hand since the last import;")
    assert f"kept under {content / '.backup'}/" in err
    code, out, err = gazette(capsys, "small-daily.txt", "--content-dir", str(content), "--dry-run")
    assert f"→ {content / ISSUE}/" in out


def test_messages_name_files_relative_to_the_current_folder_when_inside_it(project, capsys):
    (project / "archive").mkdir()
    assert gazette(capsys, "small-daily.txt", "--content-dir", "archive/content")[0] == 0
    _edit_first_article(project / "archive" / "content")
    os.chdir(project / "archive")
    code, _, err = gazette(capsys, "../small-daily.txt", "--content-dir", "content")
    assert code == 1 and err.startswith(f"content/{ISSUE.as_posix()}/001-")


# --- 4. a dry run sees what the real run would refuse --------------------------------------------

def test_a_dry_run_reports_what_the_import_would_refuse_after_the_outline(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    _edit_first_article(project / "content")
    before = snapshot(project / "content")
    code, out, err = gazette(capsys, "small-daily.txt")
    assert code == 1
    dry_code, dry_out, dry_err = gazette(capsys, "small-daily.txt", "--dry-run")
    assert (dry_code, dry_err) == (1, err)  # the same message, the same exit
    assert "001 库尔勒香梨喜获丰收" in dry_out
    assert snapshot(project / "content") == before
    page_two(project)
    code, _, err = gazette(capsys, "page2.txt", "--meta", "small-daily.yaml", "--date", "2023-08-12")
    dry_code, _, dry_err = gazette(capsys, "page2.txt", "--meta", "small-daily.yaml", "--date", "2023-08-12", "--dry-run")
    assert code == dry_code == 1 and dry_err == err and "another raw file" in err
    assert gazette(capsys, "small-daily.txt", "--dry-run", "--force")[0] == 0


# --- 5. only what changes is written, and said ----------------------------------------------------

def test_an_identical_reimport_touches_nothing_and_says_unchanged(project, capsys):
    code, out, _ = gazette(capsys, "small-daily.txt")
    assert out.splitlines()[-1] == f"imported 2 articles into content/{ISSUE.as_posix()}"
    assert sum(line.startswith("wrote ") for line in out.splitlines()) == 4  # publication, issue, 2 articles
    stamps = {p: p.stat().st_mtime_ns for p in (project / "content").rglob("*")}
    os.utime(project / "small-daily.txt")  # a newer raw file with the same text
    code, out, _ = gazette(capsys, "small-daily.txt")
    assert (code, out) == (0, f"issue content/{ISSUE.as_posix()}: unchanged (2 articles)\n")
    assert {p: p.stat().st_mtime_ns for p in (project / "content").rglob("*")} == stamps


def test_a_corrected_raw_text_rewrites_only_what_changed(project, capsys):
    gazette(capsys, "small-daily.txt")
    raw = project / "small-daily.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("游人如织", "游客如织"), encoding="utf-8")
    code, out, _ = gazette(capsys, "small-daily.txt")
    [article] = (project / "content" / ISSUE).glob("002-*.md")
    assert out.splitlines() == [f"wrote content/{ISSUE.as_posix()}/issue.yaml",  # its sha256 changed
                                f"wrote content/{ISSUE.as_posix()}/{article.name}",
                                f"imported 2 articles into content/{ISSUE.as_posix()}"]
    raw.write_text(raw.read_text(encoding="utf-8").split("博湖县举办渔业节")[0], encoding="utf-8")
    code, out, _ = gazette(capsys, "small-daily.txt")
    assert f"removed content/{ISSUE.as_posix()}/{article.name} (no longer in the raw text)" in out.splitlines()
    assert out.splitlines()[-1] == f"imported 1 article into content/{ISSUE.as_posix()}"


def test_many_files_print_one_line_per_issue_unless_verbose(project, capsys):
    (project / "undated.yaml").write_text("publication: 巴音郭楞日报\ndate: 2026-02-07\n", encoding="utf-8")
    code, out, _ = gazette(capsys, "small-daily.txt", "undated.txt")
    lines = out.splitlines()
    assert code == 0 and not any(line.startswith("wrote ") for line in lines)
    assert lines[0] == f"imported 2 articles into content/{ISSUE.as_posix()} (4 files written)"
    assert lines[1] == "imported 1 article into content/bayinguoleng-daily/2026-02-07 (2 files written)"
    assert lines[2].startswith("imported 2 of 2 issues, 3 articles, in ")
    code, out, _ = gazette(capsys, "small-daily.txt", "undated.txt", "-v")
    assert out.splitlines()[:2] == [f"issue content/{ISSUE.as_posix()}: unchanged (2 articles)",
                                    "issue content/bayinguoleng-daily/2026-02-07: unchanged (1 article)"]
    assert out.splitlines()[-1].startswith("imported 2 of 2 issues (2 unchanged), 3 articles, in ")
    (project / "undated.txt").write_text((project / "undated.txt").read_text(encoding="utf-8") + "\n补充一段文字。\n",
                                         encoding="utf-8")
    code, out, _ = gazette(capsys, "small-daily.txt", "undated.txt", "-v")
    assert "wrote content/bayinguoleng-daily/2026-02-07/issue.yaml" in out.splitlines()


# --- 2. the publication: flags, sidecar, masthead and content/ agree or the import stops ---------

def test_a_flag_that_contradicts_the_sidecar_is_an_error_naming_both(project, capsys):
    code, _, err = gazette(capsys, "small-daily.txt", "--publication", "党员之友")
    assert code == 1 and not (project / "content").exists()
    assert err.splitlines()[0] == ("small-daily.yaml:1: publication: the sidecar says 巴音郭楞日报, but --publication "
                                   "党员之友 was given: correct the sidecar or leave out --publication")
    code, _, err = gazette(capsys, "small-daily.txt", "--publication", "巴音郭楞日报")  # agreeing is fine
    assert code == 0


def test_a_name_that_contradicts_the_masthead_is_an_error_naming_the_line(project, capsys):
    raw = project / "magazine.txt"
    raw.write_text("党员之友\n\n2025·3\n\n卷首语标题\n\n正文第一段，说了很多话。\n", encoding="utf-8")
    code, _, err = gazette(capsys, "magazine.txt", "--publication", "阿勒泰日报", "--date", "2025-03-28")
    assert code == 1 and not (project / "content").exists()
    assert err.startswith("magazine.txt:1: publication: the masthead says 党员之友, but 阿勒泰日报 was given "
                          "(--publication); if the masthead was misread, correct it in the raw text")
    assert gazette(capsys, "magazine.txt", "--publication", "党员之友（汉文版）", "--date", "2025-03-28")[0] == 0


def test_a_publication_folder_is_never_given_an_issue_of_another_publication(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    pub = project / "content" / "bayinguoleng-daily" / "publication.yaml"
    before = snapshot(project / "content")
    (project / "undated.yaml").write_text("publication: 巴州日报\nslug: bayinguoleng-daily\ndate: 2026-02-07\n",
                                          encoding="utf-8")
    code, out, err = gazette(capsys, "undated.txt")
    assert code == 1 and snapshot(project / "content") == before
    assert err.startswith("content/bayinguoleng-daily/publication.yaml:1: bayinguoleng-daily/ holds 巴音郭楞日报, but "
                          "this issue is of 巴州日报 (the sidecar undated.yaml): if they are one publication, use the "
                          "name 巴音郭楞日报; else give 巴州日报 a slug of its own")
    dry_code, dry_out, dry_err = gazette(capsys, "undated.txt", "--dry-run")
    assert (dry_code, dry_err) == (1, err) and "巴州召开会议" in dry_out
    (project / "undated.yaml").write_text("publication: 巴音郭楞日报\nslug: bazhou\ndate: 2026-02-07\n", encoding="utf-8")
    code, _, err = gazette(capsys, "undated.txt")
    assert code == 1 and snapshot(project / "content") == before
    assert err.startswith("undated.yaml:2: slug: 巴音郭楞日报 is in content/bayinguoleng-daily/ already, but the "
                          "sidecar gives slug bazhou")
    assert pub.read_bytes() == before["bayinguoleng-daily/publication.yaml"]


def test_a_name_in_the_other_script_finds_its_publication_and_is_told_its_spelling(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    (project / "undated.yaml").write_text("date: 2026-02-07\n", encoding="utf-8")
    code, _, err = gazette(capsys, "undated.txt", "--publication", "巴音郭楞日報")
    assert code == 1 and not (project / "content" / "bayinguoleng-daily" / "2026-02-07").exists()
    assert "bayinguoleng-daily/ holds 巴音郭楞日报, but this issue is of 巴音郭楞日報 (--publication)" in err
    assert [p.name for p in (project / "content").iterdir()] == ["bayinguoleng-daily"]


# --- 4. a re-import replaces the folder whole, keeping what does not change ----------------------------

def test_a_reimport_keeps_unchanged_files_as_they_were_and_what_is_not_the_imports(project, capsys):
    """The folder is swapped in whole, but an unchanged article is the very same file (its
    modification time, which `gazette serve` watches, stays), and an archivist's hidden notes or
    sub-folder in the issue folder are kept."""
    gazette(capsys, "small-daily.txt")
    folder = project / "content" / ISSUE
    [first] = folder.glob("001-*.md")
    (folder / ".notes.txt").write_text("扫描件缺第3版\n", encoding="utf-8")
    (folder / "scans").mkdir()
    (folder / "scans" / "p1.txt").write_text("page 1\n", encoding="utf-8")
    before = first.stat()
    raw = project / "small-daily.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("游人如织", "游客如织"), encoding="utf-8")
    code, out, err = gazette(capsys, "small-daily.txt")
    assert code == 0, err
    after = first.stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)
    assert (folder / ".notes.txt").read_text(encoding="utf-8") == "扫描件缺第3版\n"
    assert (folder / "scans" / "p1.txt").read_text(encoding="utf-8") == "page 1\n"
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2023-08-12", "publication.yaml"]


def test_one_publication_spelled_with_half_width_brackets_is_still_one_folder(project, capsys):
    """The importer and the loader ask one owner (text.names.same_name) whether two spellings name one
    paper: 新疆日报(汉文版) is 新疆日报（汉文版）, so a sidecar cannot start a second folder for it."""
    assert gazette(capsys, "undated.txt", "--publication", "新疆日报（汉文版）", "--date", "2026-02-07")[0] == 0
    before = snapshot(project / "content")
    (project / "undated.yaml").write_text("publication: 新疆日报(汉文版)\nslug: xinjiang-daily\ndate: 2026-02-08\n",
                                          encoding="utf-8")
    code, _, err = gazette(capsys, "undated.txt")
    assert code == 1 and snapshot(project / "content") == before
    assert err.startswith("undated.yaml:2: slug: 新疆日报(汉文版) is in content/xin-jiang-ri-bao-han-wen-ban/ "
                          "already, but the sidecar gives slug xinjiang-daily")
