"""Hostile sidecars, manifests and folders: `gazette import` writes and deletes inside its issue folder
only. A bad slug or edition, a manifest entry that is not an article file of the folder, a link out of
content/: each is a `path:line: message` error, the same in a dry run, and nothing anywhere changes."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main

RAW = Path(__file__).parent.parent / "fixtures" / "raw"
ISSUE = Path("bayinguoleng-daily") / "2023-08-12"
SIDECAR = "publication: 巴音郭楞日报\nslug: bayinguoleng-daily\nhome_region: 巴音郭楞蒙古自治州\n"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder with one raw issue (and its sidecar), and a folder beside it, outside/, that
    holds a file no import may touch."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(RAW / "small-daily.txt", project / "small-daily.txt")
    shutil.copy(RAW / "small-daily.yaml", project / "small-daily.yaml")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "victim.txt").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


def gazette(capsys, *args) -> tuple[int, str, str]:
    code = main(["import", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every file (its bytes) and link (its target) under `folder`, without following links."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            key = path.relative_to(folder).as_posix()
            found[key] = f"-> {os.readlink(path)}" if path.is_symlink() else (
                path.read_bytes() if path.is_file() else "dir")
    return found


def problem_lines(err: str) -> list[str]:
    """The problems printed, without the closing summary line."""
    return [line for line in err.splitlines() if not line.startswith("gazette import:")]


def refused_alike(project: Path, capsys, *args) -> list[str]:
    """Run the import dry and for real: both refuse with the same problems and change nothing under
    the project's parent folder (content/, outside/ and all). Returns the problems."""
    before = tree(project.parent)
    dry = gazette(capsys, *args, "--dry-run")
    real = gazette(capsys, *args)
    assert dry[0] == real[0] == 1
    assert problem_lines(dry[2]) == problem_lines(real[2]) != []
    assert tree(project.parent) == before
    return problem_lines(real[2])


# --- 1. slugs and editions from a sidecar -----------------------------------------------------------

BAD_SLUGS = {
    "relative": "../../outside",
    "relative-inside": "../project",
    "absolute": "ABSOLUTE",
    "slash": "bayin/daily",
    "backslash": "bayin\\\\daily",
    "nul": "bayin\\0daily",
    "drive": "C:\\\\gazette",
    "drive-slash": "C:/gazette",
    "uppercase": "Bayin-Daily",
    "space": "bayin daily",
    "dot": "..",
    "reserved": "search",
    "newline": "bayin\\ndaily",
}


@pytest.mark.parametrize("slug", BAD_SLUGS.values(), ids=BAD_SLUGS.keys())
@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
def test_a_sidecar_slug_that_is_no_folder_name_is_an_error_at_its_line(project, capsys, slug, force):
    slug = slug.replace("ABSOLUTE", str(project.parent / "outside" / "absolute"))
    (project / "small-daily.yaml").write_text(f'publication: 巴音郭楞日报\nslug: "{slug}"\n', encoding="utf-8")
    problems = refused_alike(project, capsys, "small-daily.txt", *(["--force"] if force else []))
    assert len(problems) == 1
    assert problems[0].startswith("small-daily.yaml:2: slug ")
    assert "lowercase ASCII" in problems[0] or "reserved" in problems[0]
    assert not (project / "content").exists()  # refused_alike: nor anything outside


BAD_EDITIONS = {
    "parent": "/../../../outside",
    "relative": "../../outside",
    "dots": "..",
    "slash": "a/b",
    "backslash": "a\\\\b",
    "nul": "evening\\0",
    "drive": "C:\\\\x",
    "uppercase": "Evening",
    "space": "evening edition",
    "chinese": "晚报",
}


@pytest.mark.parametrize("edition", BAD_EDITIONS.values(), ids=BAD_EDITIONS.keys())
def test_a_sidecar_edition_that_is_no_folder_name_is_an_error_at_its_line(project, capsys, edition):
    (project / "small-daily.yaml").write_text(f'{SIDECAR}edition: "{edition}"\n', encoding="utf-8")
    problems = refused_alike(project, capsys, "small-daily.txt")
    assert len(problems) == 1
    assert problems[0].startswith("small-daily.yaml:4: edition ")
    assert "YYYY-MM-DD-edition" in problems[0]


def test_a_forced_import_with_a_hostile_edition_deletes_nothing_outside(project, capsys):
    """The reported attack: the target's files would be removed (after a backup) under --force."""
    assert gazette(capsys, "small-daily.txt")[0] == 0
    (project / "small-daily.yaml").write_text(f"{SIDECAR}edition: /../../../outside\n", encoding="utf-8")
    problems = refused_alike(project, capsys, "small-daily.txt", "--force")
    assert problems[0].startswith("small-daily.yaml:4: edition '/../../../outside'")
    assert (project.parent / "outside" / "victim.txt").read_text(encoding="utf-8") == "keep me\n"


def test_a_valid_edition_is_imported_into_its_own_folder_and_built(project, capsys):
    (project / "small-daily.yaml").write_text(f"{SIDECAR}edition: evening-2\n", encoding="utf-8")
    assert gazette(capsys, "small-daily.txt")[0] == 0
    assert (project / "content" / "bayinguoleng-daily" / "2023-08-12-evening-2" / "issue.yaml").is_file()
    assert main(["check"]) == 0


# --- 2. slugs from a name or a folder of content/ -------------------------------------------------------

def test_a_publication_name_whose_slug_is_reserved_is_refused(project, capsys):
    shutil.copy(RAW / "undated.txt", project / "undated.txt")
    problems = refused_alike(project, capsys, "undated.txt", "--publication", "Search", "--date", "2026-02-07")
    assert len(problems) == 1
    assert problems[0].startswith("undated.txt: slug 'search' ")
    assert "reserved" in problems[0] and "slug:" in problems[0]


def test_a_publication_folder_that_is_no_slug_is_not_written_into(project, capsys):
    folder = project / "content" / "Bayin Daily"
    folder.mkdir(parents=True)
    (folder / "publication.yaml").write_text("name: 巴音郭楞日报\n", encoding="utf-8")
    (project / "small-daily.yaml").write_text("publication: 巴音郭楞日报\n", encoding="utf-8")
    problems = refused_alike(project, capsys, "small-daily.txt")
    assert problems == ["content/Bayin Daily: slug 'Bayin Daily' cannot name a publication folder: lowercase "
                        "ASCII letters and digits joined by hyphens (e.g. bayinguoleng-daily); rename this "
                        "folder (its name is the slug) to import 巴音郭楞日报 into it"]


# --- 3. folders that lead out of content/ ------------------------------------------------------------

@pytest.mark.parametrize("link", ["issue", "publication"])
@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
def test_a_linked_folder_leading_out_of_content_is_refused(project, capsys, link, force):
    outside = project.parent / "outside"
    (outside / "2023-08-12").mkdir()
    (outside / "2023-08-12" / "001-x.md").write_text("mine\n", encoding="utf-8")
    pub = project / "content" / "bayinguoleng-daily"
    if link == "issue":
        pub.mkdir(parents=True)
        (pub / "publication.yaml").write_text(SIDECAR.replace("publication:", "name:") + "frequency: daily\n",
                                              encoding="utf-8")
        (pub / "2023-08-12").symlink_to(outside / "2023-08-12")
    else:
        (project / "content").mkdir()
        pub.symlink_to(outside)
    problems = refused_alike(project, capsys, "small-daily.txt", *(["--force"] if force else []))
    [problem] = problems
    link_path = ISSUE if link == "issue" else ISSUE.parent
    assert problem.startswith(f"content/{link_path.as_posix()}: leads out of content/ (to {outside}")
    assert "replace the link with a folder" in problem
    assert not (outside / "2023-08-12" / "issue.yaml").exists()


def test_a_backup_folder_leading_out_of_content_is_refused_before_a_forced_import(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    [article] = (project / "content" / ISSUE).glob("001-*.md")
    article.write_text(article.read_text(encoding="utf-8") + "手改\n", encoding="utf-8")
    (project / "content" / ".backup").symlink_to(project.parent / "outside")
    [problem] = refused_alike(project, capsys, "small-daily.txt", "--force")
    assert problem.startswith(f"content/.backup: leads out of content/ (to {project.parent / 'outside'})")


def test_a_link_to_another_publication_inside_content_is_refused_too(project, capsys):
    assert gazette(capsys, "small-daily.txt")[0] == 0
    (project / "content" / "alias").symlink_to(project / "content" / "bayinguoleng-daily")
    (project / "small-daily.yaml").write_text(SIDECAR.replace("bayinguoleng-daily", "alias"), encoding="utf-8")
    problems = refused_alike(project, capsys, "small-daily.txt")
    assert problems[-1].startswith("content/alias: leads elsewhere in content/ (to ")


@pytest.mark.parametrize("where", ["issue", "publication"])
def test_a_file_where_the_import_writes_a_folder_is_kept_and_named(project, capsys, where):
    """Swapping the new folder in would replace whatever has its name: a file there is refused."""
    path = project / "content" / (ISSUE if where == "issue" else ISSUE.parent)
    path.parent.mkdir(parents=True)
    if where == "issue":
        (path.parent / "publication.yaml").write_text(SIDECAR.replace("publication:", "name:") + "frequency: daily\n",
                                                      encoding="utf-8")
    path.write_text("mine\n", encoding="utf-8")
    [problem] = refused_alike(project, capsys, "small-daily.txt", "--force")
    assert problem == (f"{path.relative_to(project).as_posix()}: is a file where the import writes a folder: "
                       "move or rename it")


# --- 4. the manifest of the last import -----------------------------------------------------------

def imported(project: Path, capsys) -> Path:
    """The issue imported once, and the raw text then shortened to its first article, so that a
    re-import removes what the last one wrote and no longer produces."""
    assert gazette(capsys, "small-daily.txt")[0] == 0
    raw = project / "small-daily.txt"
    raw.write_text(raw.read_text(encoding="utf-8").split("博湖县举办渔业节")[0], encoding="utf-8")
    return project / "content" / ISSUE


def list_in_manifest(folder: Path, name: str) -> int:
    """Add `name` to the manifest's files (with the sha256 of the file it names, if any, so that
    the hand-edit guard has nothing to say); returns its line."""
    manifest = folder / ".import.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    at = lines.index("files:") + 1
    lines.insert(at, f"  {name}: 0000")
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


@pytest.mark.parametrize("entry", ["'../../../../outside/victim.txt'", "ABSOLUTE", "sub/x.md", "'sub\\x.md'",
                                   ".import.yaml", "'.'", "'..'", "001-x.md/../../../../outside/victim.txt"])
def test_a_manifest_entry_that_is_no_file_of_the_issue_is_an_error_at_its_line(project, capsys, entry):
    folder = imported(project, capsys)
    (folder / "sub").mkdir()
    (folder / "sub" / "x.md").write_text("mine\n", encoding="utf-8")
    entry = entry.replace("ABSOLUTE", str(project.parent / "outside" / "victim.txt"))
    line = list_in_manifest(folder, entry)
    for force in ([], ["--force"]):
        problems = refused_alike(project, capsys, "small-daily.txt", *force)
        assert problems == [f"content/{ISSUE.as_posix()}/.import.yaml:{line}: files: "
                            f"{entry.strip(chr(39))!r} is not a file the import writes (issue.yaml or NNN-slug.md "
                            "in this folder); nothing was removed. Delete this line, or the whole .import.yaml "
                            "and re-import with --force"]
    assert (project.parent / "outside" / "victim.txt").is_file() and (folder / "sub" / "x.md").is_file()


def test_issue_yaml_and_article_files_in_the_manifest_are_what_a_reimport_replaces(project, capsys):
    folder = imported(project, capsys)
    [second] = folder.glob("002-*.md")
    code, out, err = gazette(capsys, "small-daily.txt")
    assert code == 0, err
    assert f"removed content/{ISSUE.as_posix()}/{second.name} (no longer in the raw text)" in out.splitlines()
    assert (folder / "issue.yaml").is_file() and not second.exists()
