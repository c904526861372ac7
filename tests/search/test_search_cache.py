"""The search shards are reused when no article's text changed, and only then."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import generator.search as search
import generator.search.cache as cache
import generator.search.fold as fold
import generator.text.fold as text_fold
from generator import build, load_config
from generator.cli import main
from generator.search.documents import SearchDoc

ARTICLE = "content/altay-daily/2023-05-30/001-tian-shan-nan-bei.md"


def site_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def no_index_build(monkeypatch):
    """Building or even planning the index again fails the test: both must come from the cache."""
    def fail(*args, **kwargs):
        raise AssertionError("the index was rebuilt")
        yield  # pragma: no cover

    def replan(docs):
        raise AssertionError("the shards were planned again")
    monkeypatch.setattr(search, "build_shards", fail)
    monkeypatch.setattr(search, "plan_shards", replan)


def test_unchanged_text_reuses_the_shards_byte_for_byte(basic_project, monkeypatch):
    config = load_config(basic_project)
    build(config)
    first = site_bytes(config.output_path)
    assert (basic_project / ".gazette-cache" / "search").is_dir()
    no_index_build(monkeypatch)
    build(config)
    assert site_bytes(config.output_path) == first


def test_a_template_change_reuses_the_shards(basic_project, monkeypatch):
    config = load_config(basic_project)
    build(config)
    templates = basic_project / "overrides" / "templates"
    templates.mkdir(parents=True)
    (templates / "regions.html").write_text('{% extends "!default/regions.html" %}', "utf-8")
    no_index_build(monkeypatch)
    build(config)


def test_changed_text_rebuilds_the_index(basic_project):
    config = load_config(basic_project)
    build(config)
    article = basic_project / ARTICLE
    article.write_text(article.read_text("utf-8") + "\n骆驼刺丛生。\n", "utf-8")
    build(config)
    shards = b"".join(p.read_bytes() for p in (config.output_path / "search").glob("index-*.js"))
    assert "骆驼".encode() in shards and "刺丛".encode() in shards
    assert len(list((basic_project / ".gazette-cache" / "search").iterdir())) == 1  # only the latest is kept


def test_a_damaged_cache_is_rebuilt_not_trusted(basic_project):
    config = load_config(basic_project)
    build(config)
    first = site_bytes(config.output_path)
    (entry,) = (basic_project / ".gazette-cache" / "search").iterdir()
    for shard in entry.glob("*.js"):
        shard.unlink()
    build(config)
    assert site_bytes(config.output_path) == first


def test_no_cache_flag_neither_reads_nor_writes_it(basic_project):
    assert main(["--project", str(basic_project), "build", "-q", "--no-cache"]) == 0
    assert not (basic_project / ".gazette-cache").exists()
    assert (basic_project / "site" / "search" / "index-000.js").is_file()


def test_a_plan_with_hot_characters_comes_back_from_its_payload():
    from generator.search.index import Plan
    plan = Plan(7, {"的": (7, 3), "国": (10, 1)})
    assert Plan.from_payload(json.loads(json.dumps(plan.payload()))) == plan


def test_a_build_stopped_while_indexing_leaves_no_cache_entry(basic_project, monkeypatch):
    real = search.build_shards

    def first_then_fail(docs, plan):
        shards = real(docs, plan)
        yield next(shards)
        raise RuntimeError("stopped while indexing")
    monkeypatch.setattr(search, "build_shards", first_then_fail)
    config = load_config(basic_project)
    with pytest.raises(RuntimeError):
        build(config)
    cached = basic_project / ".gazette-cache" / "search"
    assert not cached.exists() or list(cached.iterdir()) == []


DOCS = [SearchDoc("0", "乾隆", "", "舊城改造")]


def test_the_key_covers_the_module_that_reads_the_opencc_tables(tmp_path, monkeypatch):
    """text/fold.py decides which OpenCC candidate the fold keeps: an edit to it must not
    leave shards folded the old way in the cache."""
    shipped = Path(text_fold.__file__).resolve()
    before = cache.digest(DOCS)
    edited = tmp_path / "generator" / "text" / "fold.py"
    edited.parent.mkdir(parents=True)
    edited.write_text(shipped.read_text("utf-8").replace('split(" ")[0]', 'split(" ")[-1]'), "utf-8")
    monkeypatch.setattr(cache, "code_files",
                        lambda real=cache.code_files: [edited if p == shipped else p for p in real()])
    assert cache.digest(DOCS) != before


def test_the_key_follows_the_traditional_to_simplified_table(monkeypatch):
    """New OpenCC data (even under the same package version) folds text differently."""
    before = cache.digest(DOCS)
    changed = {k: v for k, v in fold.t2s_table().items() if k != "乾"}  # 乾隆 stays 乾, no longer 干
    monkeypatch.setattr(fold, "t2s_table", lambda: changed)
    assert cache.digest(DOCS) != before


def test_the_key_covers_every_module_outside_search_that_terms_come_from():
    """A module the fold, the tokenizer or the index imports from outside search/ decides terms
    too; one left out of the key is a cache that outlives a change to it."""
    used = set()
    for name in ("fold", "tokenize", "index", "wire"):
        tree = ast.parse((Path(search.__file__).parent / f"{name}.py").read_text("utf-8"))
        used |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 2}
    package = Path(search.__file__).resolve().parent.parent
    assert {package / f"{module.replace('.', '/')}.py" for module in used} <= set(cache.code_files())
