"""Headlines' phrases kept between builds (phrasecache.py): an edit cuts none again, never a stale one."""
from __future__ import annotations

import json

import pytest

from generator import build, buildcache, load_config, phrasecache
from generator.text import phrases

from test_incremental import append_paragraph, edit_article, files, full_build


def new_process() -> None:
    """Forget what this process cut, as the next build's process has not cut it."""
    phrases.phrases.cache_clear()
    phrases.kept().clear()


@pytest.fixture
def cut(basic_project, monkeypatch) -> list[str]:
    """The texts cut into phrases anew (BudouX and the word list asked)."""
    monkeypatch.setattr(buildcache, "RACY_NS", 0)
    new_process()
    texts: list[str] = []
    real = phrases._cut
    monkeypatch.setattr(phrases, "_cut", lambda text: (texts.append(text), real(text))[1])
    yield texts
    new_process()


def test_an_edit_to_a_text_cuts_no_headline_again(basic_project, cut):
    build(load_config(basic_project))
    assert cut
    cut.clear()
    new_process()
    append_paragraph(basic_project)
    assert build(load_config(basic_project)).rendered == 2
    assert cut == []
    assert files(basic_project / "site") == full_build(basic_project)


def test_a_new_title_is_cut_and_kept(basic_project, cut):
    build(load_config(basic_project))
    new_process()
    edit_article(basic_project)  # (the edit changes the title)
    cut.clear()
    build(load_config(basic_project))
    assert len(cut) == 1 and "编辑过" in cut[0]
    assert files(basic_project / "site") == full_build(basic_project)
    new_process()
    cut.clear()
    (basic_project / "content" / "bayinguoleng-daily" / "2023-08-11" / "002-shi-si-yun.md").touch()
    build(load_config(basic_project))
    assert cut == []


def test_phrases_kept_under_another_key_are_not_taken(basic_project, cut):
    """Another gazette, BudouX, jieba or configuration cuts anew."""
    build(load_config(basic_project))
    folder = buildcache.cache_folder(load_config(basic_project))
    key = json.loads((folder / phrasecache.FILE).read_text("utf-8"))["key"]
    new_process()
    assert phrasecache.load(folder, key) > 0
    new_process()
    assert phrasecache.load(folder, "a key of another version") == 0


def test_an_entry_whose_phrases_are_not_its_text_is_not_taken(basic_project, cut):
    build(load_config(basic_project))
    folder = buildcache.cache_folder(load_config(basic_project))
    data = json.loads((folder / phrasecache.FILE).read_text("utf-8"))
    title = next(iter(data["phrases"]))
    data["phrases"][title] = ["<script>", "alert(1)</script>"]
    (folder / phrasecache.FILE).write_text(json.dumps(data), "utf-8")
    new_process()
    taken = phrasecache.load(folder, data["key"])
    assert taken == len(data["phrases"]) - 1 and title not in phrases.kept()
    (folder / phrasecache.FILE).write_text("{not json", "utf-8")
    new_process()
    assert phrasecache.load(folder, data["key"]) == 0


def test_phrases_are_shared_by_output_folders_and_configurations(basic_project, cut):
    """`gazette serve` builds into a folder of its own, with another configuration key: the
    phrases depend on neither."""
    build(load_config(basic_project))
    new_process()
    cut.clear()
    build(load_config(basic_project, output_dir="preview", base_url="https://example.org/archive/"))
    assert cut == []
