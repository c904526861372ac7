"""Incremental builds: after any change, site/ is byte for byte what a full build makes, and
only what the change touches is made again; a failed or killed build, or a damaged cache,
never costs the previous site or a correct next build."""
from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import generator.pipeline as pipeline
import generator.search.cache as search_cache
import generator.search.index as search_index
import generator.search.shards as search_shards
from generator import build, buildcache, load_config
from generator.cli import main
from generator.search.packing import unpacked
from killing import kill_once

ARTICLE = "content/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.md"
ISSUE = "content/bayinguoleng-daily/2023-08-11"


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def full_build(project: Path) -> dict[str, bytes]:
    """What a full build without any cache makes of the project as it is now."""
    build(load_config(project, output_dir="full", cache_dir=""), clean=True)
    return files(project / "full")


@pytest.fixture
def project(basic_project, monkeypatch) -> Path:
    """The basic project, built once. Its files were all written a moment ago, younger than the
    window in which a stat is not trusted; the window is closed here so that these builds take
    the same paths as builds of an archive edited at human pace (edits here change sizes)."""
    monkeypatch.setattr(buildcache, "RACY_NS", 0)
    build(load_config(basic_project))
    return basic_project


def edit_article(project: Path) -> None:
    path = project / ARTICLE
    path.write_text(path.read_text("utf-8").replace("示范区", "示范区（编辑过）", 1) + "\n又一段。\n", "utf-8")


def append_paragraph(project: Path) -> None:
    """An edit of the body alone: the title, and so the article's search metadata, stay."""
    path = project / ARTICLE
    path.write_text(path.read_text("utf-8") + "\n骆驼刺丛生。\n", "utf-8")


def add_article(project: Path) -> None:
    source = (project / ARTICLE).read_text("utf-8")
    text = source.replace("order: 1", "order: 4").replace("巴州被命名为", "新增：巴州被命名为")
    (project / ISSUE / "004-xin-zeng.md").write_text(text, "utf-8")


def delete_article(project: Path) -> None:
    (project / ISSUE / "002-shi-si-yun.md").unlink()


def change_template(project: Path) -> None:
    templates = project / "overrides" / "templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text(
        '{% extends "!default/article.html" %}{% block content %}<p>模板改过</p>{{ super() }}{% endblock %}', "utf-8")


def change_config(project: Path) -> None:
    path = project / "gazette.yaml"
    path.write_text(path.read_text("utf-8").replace("title: 测试档案", "title: 另一个档案"), "utf-8")


def edit_issue(project: Path) -> None:
    """An issue.yaml rewritten at the same size (4 pages → 8): only its stat's times and inode tell."""
    path = project / ISSUE / "issue.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("pages: 4", "pages: 8") if "pages: 4" in text else text.replace("pages: 8", "pages: 4"),
                    "utf-8")


def no_change(project: Path) -> None:
    pass


CHANGES = [edit_article, append_paragraph, add_article, delete_article, change_template, change_config, edit_issue,
           no_change]


@pytest.mark.parametrize("change", CHANGES, ids=lambda f: f.__name__)
def test_an_incremental_build_makes_what_a_full_build_makes(project, change):
    change(project)
    build(load_config(project))
    assert files(project / "site") == full_build(project)


def test_a_sequence_of_changes_stays_identical_to_full_builds(project):
    for change in CHANGES:
        change(project)
        build(load_config(project))
        assert files(project / "site") == full_build(project), change.__name__


def test_the_site_recorded_after_publishing_in_place_is_the_site_folder_walked(project):
    """An in-place build records the site folder from its journal (`buildcache.site_state_after`)
    instead of walking it again: the two must agree, or the next no-op would not be one."""
    config = load_config(project)
    for change in CHANGES:
        change(project)
        build(config)
        manifest = buildcache.load_manifest(buildcache.cache_folder(config), config.output_path)
        assert manifest.site == buildcache.site_state(config.output_path), change.__name__
        assert build(config).rendered == 0, change.__name__


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_an_edit_remakes_only_the_pages_that_show_the_article(project):
    site = project / "site"
    before, files_before = inodes(site), files(site)
    edit_article(project)
    result = build(load_config(project))
    after = inodes(site)
    changed = {path for path, data in files(site).items() if files_before.get(path) != data}
    assert {"bayinguoleng-daily/2023-08-11/index.html",  # its issue's contents, its page
            "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"} <= changed
    other = [path for path in after if path.startswith(("altay-daily/", "dangyuan-zhiyou/"))]
    assert other and all(after[path] == before[path] for path in other)  # the old files themselves
    assert all(after[path] != before[path] for path in changed)
    assert 0 < result.rendered < 20 and result.reused > len(other)


def search_data(site: Path, inodes_before: dict[str, int]) -> dict[str, str]:
    """The search text files made again (not the old file linked in), their data (packed) as JSON."""
    remade = {}
    for path, inode in inodes(site).items():
        if path.startswith("search/text-") and inodes_before.get(path) != inode:
            units, size = re.search(r'"([\u4e00-\ucdff]*)",(\d+)\);\n$', (site / path).read_bytes()[2:].decode("utf-16-le")).groups()
            remade[path] = unpacked(units, int(size)).decode("utf-8")
    return remade


@pytest.mark.parametrize("change, kinds", [(append_paragraph, {"text"}), (edit_article, {"text"})],
                         ids=["body", "title"])
def test_an_edit_remakes_only_the_article_s_own_search_data(project, change, kinds, monkeypatch):
    import generator.search.documents as documents
    made, plain = [], []
    real_script, real_plain = documents.script, documents.plain_text
    monkeypatch.setattr(documents, "script", lambda kind, *a, **k: (made.append(kind), real_script(kind, *a, **k))[1])
    monkeypatch.setattr(documents, "plain_text", lambda body: (plain.append(body), real_plain(body))[1])
    site = project / "site"
    before = inodes(site)
    change(project)
    build(load_config(project))
    assert plain and all("骆驼刺丛生" in body or "又一段" in body for body in plain)  # no other body read again
    assert sorted(kind for kind in made if kind == "text") == sorted(kinds)
    remade = search_data(site, before)
    assert len(remade) == 1  # one text file: the article's own, its title and its text
    text = next(iter(remade.values()))
    assert "骆驼刺丛生" in text or "又一段" in text
    if change is edit_article:
        assert "示范区（编辑过）" in text
    assert files(site) == full_build(project)


def shard_files(site: Path) -> list[str]:
    return sorted(p.name for p in (site / "search").glob("index-*.js"))


@pytest.fixture
def small_shards(project, monkeypatch) -> Path:
    """The project built with shards of ≈ 100 terms: its few articles make several."""
    monkeypatch.setattr(search_index, "SHARD_CHARS", 100)
    build(load_config(project), clean=True)
    assert len(shard_files(project / "site")) >= 3
    return project


def test_an_edit_reads_no_untouched_shard_again(small_shards, monkeypatch):
    site = small_shards / "site"
    read, real = [], search_cache.Store.script
    monkeypatch.setattr(search_cache.Store, "script", lambda self, k, digest: (read.append(k), real(self, k, digest))[1])
    before = inodes(site)
    append_paragraph(small_shards)
    build(load_config(small_shards))
    kept = [name for name in shard_files(site) if inodes(site)[f"search/{name}"] == before.get(f"search/{name}")]
    assert read == [] and 0 < len(kept) < len(shard_files(site))  # the old files linked, not read from the cache
    assert files(site) == full_build(small_shards)


def test_an_untouched_shard_whose_file_and_cached_copy_are_lost_is_made_again(small_shards, monkeypatch):
    store = sqlite3.connect(small_shards / ".gazette-cache" / "search" / search_cache.FILE)
    store.execute("UPDATE shard SET script = x'00ff'")
    store.commit()
    store.close()
    for name in shard_files(small_shards / "site"):
        (small_shards / "site" / "search" / name).unlink()
    made_again, real = [], search_shards._postings_anew
    monkeypatch.setattr(search_shards, "_postings_anew", lambda *args: (made_again.append(args[-1]), real(*args))[1])
    append_paragraph(small_shards)
    build(load_config(small_shards))
    assert made_again
    assert files(small_shards / "site") == full_build(small_shards)


def test_a_no_op_build_makes_nothing(project, monkeypatch):
    monkeypatch.setattr(pipeline, "full_build", lambda *a, **k: pytest.fail("a no-op build did work"))
    before = files(project / "site")
    result = build(load_config(project))
    assert result.reused == result.files == len(before)
    assert files(project / "site") == before


def test_a_file_changed_in_the_site_folder_is_made_again(project):
    page = project / "site" / "index.html"
    good = page.read_bytes()
    page.write_bytes(b"tampered")
    build(load_config(project))
    assert page.read_bytes() == good
    (project / "site" / "stray.txt").write_text("not ours")
    build(load_config(project))
    assert not (project / "site" / "stray.txt").exists()


def test_a_failed_build_leaves_the_previous_site_and_the_next_build_is_right(project, monkeypatch):
    before = files(project / "site")
    edit_article(project)

    def broken(*args, **kwargs):
        raise RuntimeError("search failed half-way")
        yield  # pragma: no cover
    monkeypatch.setattr(pipeline, "search_outputs", broken)  # pages are already staged (linked or written)
    with pytest.raises(RuntimeError):
        build(load_config(project))
    assert files(project / "site") == before  # not one shared (hard-linked) file written through
    monkeypatch.undo()
    monkeypatch.setattr(buildcache, "RACY_NS", 0)
    build(load_config(project))
    assert files(project / "site") == full_build(project)


KILLED = r"""
import sys, time
from pathlib import Path
from generator import writer
from generator.cli import main

write = writer.StagedSite.write
def write_then_hang(self, path, data):
    write(self, path, data)
    Path(sys.argv[2]).write_text("staging")
    time.sleep(600)
writer.StagedSite.write = write_then_hang
main(["-C", sys.argv[1], "build", "-q"])
"""


def test_a_killed_incremental_build_leaves_the_previous_site(project):
    before = files(project / "site")
    edit_article(project)
    flag = project.parent / "staging"
    kill_once([sys.executable, "-c", KILLED, str(project), str(flag)], flag.exists, "the build never started writing")
    assert files(project / "site") == before
    build(load_config(project))
    assert files(project / "site") == full_build(project)


@pytest.mark.parametrize("damage", [b"", b"\x80\x04garbage", b"not a pickle at all" * 50])
def test_a_damaged_cache_is_ignored(project, damage, capsys):
    edit_article(project)
    for cached in (project / ".gazette-cache" / "build").iterdir():
        cached.write_bytes(damage)
    assert main(["-C", str(project), "build", "-q"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert files(project / "site") == full_build(project)


def test_clean_forgets_the_cache_and_builds_everything(project, capsys):
    assert main(["-C", str(project), "build", "--clean"]) == 0
    out = capsys.readouterr().out
    assert "unchanged" not in out
    assert files(project / "site") == full_build(project)
    assert main(["-C", str(project), "build"]) == 0
    assert "unchanged" in capsys.readouterr().out


def test_an_edit_reads_only_the_edited_article_again(project, monkeypatch):
    import generator.content.load as load
    read = []
    real = load._load_article
    monkeypatch.setattr(load, "_load_article", lambda reader, pub, folder, date, path, record: (
        read.append(path.name), real(reader, pub, folder, date, path, record))[1])
    edit_article(project)
    build(load_config(project))
    assert read == [Path(ARTICLE).name]
    assert files(project / "site") == full_build(project)


def test_an_edit_digests_only_the_edited_article_s_search_text(project, monkeypatch):
    """A recalled article's search text key is the one kept with its memo entry: not digested again."""
    import generator.search.documents as documents
    digested = []
    real = documents.text_key
    monkeypatch.setattr(documents, "text_key", lambda parts: (digested.append(parts[-1]), real(parts))[1])
    append_paragraph(project)
    build(load_config(project))
    assert len(digested) == 1 and "骆驼刺丛生" in digested[0]  # the edited body alone
    assert files(project / "site") == full_build(project)


def test_the_memo_of_articles_changes_only_by_what_was_read_or_removed(project, monkeypatch):
    written = []
    real = buildcache._write_articles

    def spy(path, key, changed, gone, fresh):  # (`changed` comes as it is encoded: listed once here)
        changed = list(changed)
        written.append(([Path(p).name for p, *_row in changed], [Path(p).name for p, in gone], fresh))
        return real(path, key, changed, gone, fresh)
    monkeypatch.setattr(buildcache, "_write_articles", spy)
    edit_article(project)
    build(load_config(project))
    delete_article(project)
    build(load_config(project))
    assert written == [([Path(ARTICLE).name], [], False), ([], ["002-shi-si-yun.md"], False)]
    read = []
    import generator.content.load as load
    real_load = load._load_article
    monkeypatch.setattr(load, "_load_article", lambda *args: (read.append(args[4].name), real_load(*args))[1])
    (project / ARTICLE).touch()  # a new stat: read again, and the memo it left recalls every other article
    build(load_config(project))
    assert read == [Path(ARTICLE).name]
    assert files(project / "site") == full_build(project)


def test_another_process_takes_every_unchanged_page_as_it_is(project):
    """Fingerprints are the same from one process to the next (no hash-ordered sets, no
    addresses): a build that finds only a touched file renders nothing."""
    (project / ARTICLE).touch()
    done = subprocess.run([sys.executable, "-m", "generator", "-C", str(project), "build"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    total = re.search(r": (\d+) files", done.stdout).group(1)
    assert f"{total} files ({total} unchanged)" in done.stdout


def test_every_page_kind_is_fingerprinted(project):
    """A page whose context cannot be fingerprinted is rendered on every build: none is."""
    (project / ARTICLE).touch()
    result = build(load_config(project))
    assert result.rendered == 0 and result.reused == result.files


def _record(project: Path, level: str) -> None:
    """The import's record of ARTICLE, as `gazette import` writes it, saying `level`."""
    article = project / ARTICLE
    digest = __import__("hashlib").sha256(article.read_text(encoding="utf-8").encode()).hexdigest()
    (article.parent / ".import.yaml").write_text(
        f"files:\n  {article.name}: {digest}\nconfidence:\n  {article.name}:\n    level: {level}\n", encoding="utf-8")


def test_an_edit_to_the_import_record_is_built(project):
    page = project / "site" / "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
    _record(project, "low")
    build(load_config(project))
    assert "导入可信度" in page.read_text(encoding="utf-8") and "<dd>低" in page.read_text(encoding="utf-8")
    _record(project, "high")
    build(load_config(project))
    assert "<dd>高" in page.read_text(encoding="utf-8")
    assert files(project / "site") == full_build(project)


def test_an_edit_to_a_text_alone_remakes_only_the_pages_made_from_it(project):
    """The build's dependency record (article → the pages made from its text) decides: its page and
    its issue's contents (first sentences), nothing else is rendered, not even to be compared."""
    site = project / "site"
    append_paragraph(project)
    result = build(load_config(project))
    assert result.rendered == 2
    assert files(site) == full_build(project)
    edit_article(project)  # a title too: every page showing the article is judged by its fingerprint
    assert build(load_config(project)).rendered > 2
    assert files(site) == full_build(project)


def test_a_template_reading_texts_itself_makes_every_page_showing_them_depend_on_them(project):
    templates = project / "overrides" / "templates"
    templates.mkdir(parents=True)
    (templates / "region.html").write_text(
        '{% extends "!default/region.html" %}{% block content %}{{ super() }}'
        '{% for article in articles %}<p class="size">{{ article.body|length }}</p>{% endfor %}{% endblock %}', "utf-8")
    build(load_config(project))
    append_paragraph(project)
    assert build(load_config(project)).rendered > 2
    assert files(project / "site") == full_build(project)


def test_an_incremental_build_publishes_in_place_and_a_clean_one_swaps_a_new_folder_in(project):
    site = project / "site"
    folder = site.stat().st_ino
    append_paragraph(project)
    build(load_config(project))
    assert site.stat().st_ino == folder and not [p for p in project.iterdir() if p.name.startswith(".site.")]
    build(load_config(project), clean=True)
    assert site.stat().st_ino != folder
    assert files(site) == full_build(project)


def test_an_edit_parses_no_issue_file_again_but_an_edited_one(project, monkeypatch):
    """issue.yaml is recalled while its stat is the one it had (`ArticleMemo`), read again when it is
    rewritten, even at the same size; an edit to an article's text parses none."""
    import generator.content.load as load
    parsed = []
    real = load._issue_fields
    monkeypatch.setattr(load, "_issue_fields", lambda reader, pub, folder, *rest: (
        parsed.append(folder.name), real(reader, pub, folder, *rest))[1])
    append_paragraph(project)
    assert build(load_config(project)).rendered == 2
    assert parsed == []
    size = (project / ISSUE / "issue.yaml").stat().st_size
    edit_issue(project)
    assert (project / ISSUE / "issue.yaml").stat().st_size == size
    build(load_config(project))
    assert parsed == [Path(ISSUE).name]
    assert "今日8版" in (project / "site" / "bayinguoleng-daily" / "2023-08-11" / "index.html").read_text("utf-8")
    assert files(project / "site") == full_build(project)


def test_an_issue_file_of_a_folder_under_another_publication_is_read_again(project):
    """What an issue.yaml gave is recalled only against the same publication: renamed, its
    mismatch is reported."""
    pub = project / "content" / "bayinguoleng-daily" / "publication.yaml"
    pub.write_text(pub.read_text("utf-8").replace("巴音郭楞日报", "另一份报纸"), "utf-8")
    with pytest.raises(Exception) as failed:
        build(load_config(project))
    assert "publication-mismatch" in str(failed.value) or "differs" in str(failed.value)


def test_an_edit_to_a_text_patches_the_export_rather_than_making_it(project, monkeypatch):
    import generator.publish as publish
    made, real = [], publish.export_files
    monkeypatch.setattr(publish, "export_files", lambda site: (made.append(1), real(site))[1])
    append_paragraph(project)
    build(load_config(project))
    assert made == []
    assert files(project / "site") == full_build(project)


def test_the_export_patched_is_the_export_made_or_none(project):
    import dataclasses
    from generator.content.site import load_site
    from generator.publish import export
    site, _problems = load_site(load_config(project))
    old = site.articles[1]
    new = dataclasses.replace(old, body=old.body + "\n\n=又一段，十个字左右。\n")
    records = [export.article_record(new if a is old else a) for a in site.articles]
    patched = export.patched_export(project / "site", [(old, new)])
    assert patched[export.urls.ARTICLES_JSON] == export.render_json(records)
    assert patched[export.urls.ARTICLES_CSV] == export.render_csv(records, export.COLUMNS)
    assert patched[export.urls.ISSUES_JSON] == (project / "site" / export.urls.ISSUES_JSON).read_bytes()
    gone = dataclasses.replace(old, slug="not-in-the-export")
    assert export.patched_export(project / "site", [(gone, dataclasses.replace(gone, body="另一个"))]) is None
    (project / "site" / export.urls.ARTICLES_CSV).unlink()
    assert export.patched_export(project / "site", [(old, new)]) is None


def test_the_manifest_kept_is_the_build_s_after_every_change(project, monkeypatch):
    """The manifest is written as the rows that changed since the one the build loaded: what is
    loaded next is, after every change, the manifest the build had, and an edit writes few rows."""
    saved, written = [], []
    real_save, real_connect = buildcache.save_manifest, buildcache._connect

    class Spy:
        def __init__(self, db):
            self.db = db

        def __getattr__(self, name):
            return getattr(self.db, name)

        def executemany(self, sql, rows):
            rows = list(rows)
            if sql.startswith("INSERT OR REPLACE INTO output"):
                written.append(len(rows))
            return self.db.executemany(sql, rows)
    monkeypatch.setattr(buildcache, "save_manifest", lambda *a, **k: (saved.append(a[2]), real_save(*a, **k))[1])
    monkeypatch.setattr(buildcache, "_connect", lambda path: Spy(real_connect(path)))
    config = load_config(project)
    for change in CHANGES:
        change(project)
        build(config)
        loaded = buildcache.load_manifest(buildcache.cache_folder(config), config.output_path)
        assert loaded == saved[-1], change.__name__
    saved.clear(), written.clear()
    append_paragraph(project)
    build(config)
    assert 0 < written[0] < len(saved[0].outputs) / 4


def test_a_manifest_written_by_another_build_meanwhile_is_written_whole(tmp_path):
    def manifest(outputs):
        return buildcache.Manifest(key="k", snapshot={}, taken_at=1, outputs=outputs, site={}, result=(1, 2, 3, ()),
                                   bodies={"a/b": ["x.html", "y.html"]})
    out = tmp_path / "site"
    buildcache.save_manifest(tmp_path, out, manifest({"a.html": ("f", "d", "p")}))
    loaded = buildcache.load_manifest(tmp_path, out)
    buildcache.save_manifest(tmp_path, out, manifest({"a.html": ("f", "d", "p"), "b.html": ("f", "e", "p")}),
                             previous=loaded)
    buildcache.save_manifest(tmp_path, out, manifest({"c.html": ("f", "g", "")}), previous=loaded)  # loaded is stale
    assert buildcache.load_manifest(tmp_path, out).outputs == {"c.html": ("f", "g", "")}
