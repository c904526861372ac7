"""The index is made again only where the text changed, and is then byte for byte what a
build without a cache makes; a damaged or foreign cache is never trusted."""
from __future__ import annotations

import ast
import json
import random
import sqlite3
from pathlib import Path

import pytest

import generator.search as search
import generator.search.cache as cache
import generator.search.fold as fold
import generator.search.shards as shards
import generator.text.fold as text_fold
from generator import build, load_config, workers
from generator.cli import main
from generator.search import index
from generator.search.documents import SearchDoc
from reference_shards import char_columns, shard_of_rows
from scripts import payload

ARTICLE = "content/altay-daily/2023-05-30/001-tian-shan-nan-bei.md"
SITES = Path(__file__).parent.parent / "fixtures" / "sites"
# Chinese text to recombine: the fixture archive's own sentences, so that terms repeat as in an archive.
WORDS = sorted({line[i:i + 4] for p in (SITES / "basic" / "content").rglob("*.md")
                for line in p.read_text("utf-8").splitlines() if not line.startswith(("-", " ")) and len(line) > 8
                for i in range(0, len(line) - 4, 3)})


def site_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def corpus(count: int, seed: int) -> list[SearchDoc]:
    rng = random.Random(seed)
    return [SearchDoc(str(n), "".join(rng.sample(WORDS, 2)), " ".join(rng.sample(WORDS, 1)) + " 0906-2120082",
                      "".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))))
            for n in range(count)]


class Counted:
    """How many articles are tokenized and how many shards encoded, by the build in this process."""

    def __init__(self, monkeypatch):
        self.tokenized, self.encoded = 0, 0
        real_terms, real_encode = shards.article_terms, shards.shard_payload

        def terms(doc):
            self.tokenized += 1
            return real_terms(doc)

        def encode(postings):
            self.encoded += 1
            return real_encode(postings)
        monkeypatch.setattr(shards, "article_terms", terms)
        monkeypatch.setattr(shards, "shard_payload", encode)


def index_files(docs: list[SearchDoc], project: Path, cache_dir: str = ".cache", jobs: int | None = 1):
    config = load_config(SITES / "basic", cache_dir=cache_dir).with_overrides(root=project)
    plan, files = search.index_shards(docs, config, jobs=jobs)
    return plan, list(files)


@pytest.fixture
def small_shards(monkeypatch):
    """Shards of ≈ 400 terms: a small corpus has many, and hot characters of its own."""
    monkeypatch.setattr(index, "SHARD_CHARS", 400)


def check(docs: list[SearchDoc], project: Path):
    """The incremental files equal those of a build without a cache."""
    plan, files = index_files(docs, project)
    assert (plan, files) == index_files(docs, project, cache_dir="")
    return plan, files


def test_an_edit_tokenizes_one_article_and_encodes_only_the_shards_it_changes(tmp_path, small_shards, monkeypatch):
    docs = corpus(60, 1)
    plan, before = check(docs, tmp_path)
    assert plan.total > 10 and plan.hot
    counted = Counted(monkeypatch)
    docs[17] = SearchDoc("17", docs[17].title, docs[17].meta, docs[17].body + "骆驼刺丛生。")
    after = index_files(docs, tmp_path)[1]
    assert counted.tokenized == 1 and 0 < counted.encoded < plan.total / 2
    changed = [k for k, (old, new) in enumerate(zip(before, after)) if old != new]
    assert 0 in changed and 1 < len(changed) <= counted.encoded + 1  # the lengths, and the shards of 骆驼刺丛生
    assert after == index_files(docs, tmp_path, cache_dir="")[1]


def test_a_patched_build_names_the_pieces_a_full_build_writes(tmp_path, monkeypatch):
    """A shard in pieces is written only in those holding a term (shards.present): an edit that puts
    a term in a piece of none makes the patched shard name it, and a kept shard names its pieces
    from the last build's record, as a build without a cache would."""
    monkeypatch.setattr(index, "PIECES_FROM", 1)
    monkeypatch.setattr(index, "SHARD_CHARS", 60)  # shards of few terms: some pieces hold none

    def named(cache_dir: str = ".cache"):
        config = load_config(SITES / "basic", cache_dir=cache_dir).with_overrides(root=tmp_path)
        plan, files = search.index_files(docs, config, jobs=1)
        assert plan.pieces == index.PIECES
        return [(mask, make()) for _digest, mask, make in files]

    docs = corpus(60, 1)
    before = named()
    docs[17] = SearchDoc("17", docs[17].title, docs[17].meta, docs[17].body + "骆驼刺丛生。")
    counted = Counted(monkeypatch)
    after = named()
    assert counted.tokenized == 1  # patched
    assert after == named(cache_dir="")
    masks = [mask for mask, _ in after[1:]]
    assert any(old != new for (old, _), new in zip(before[1:], masks))  # a piece gained its first term
    assert any(0 < mask < (1 << index.PIECES) - 1 for mask in masks)
    assert all(mask == shards.present(data, index.PIECES) or mask == 1 for mask, data in after[1:])


@pytest.mark.parametrize("change", ["add at the end", "delete the last", "delete in the middle",
                                    "add in the middle", "swap two", "edit several"])
def test_after_any_change_the_files_are_those_of_a_full_build(tmp_path, small_shards, monkeypatch, change):
    docs = corpus(50, 2)
    check(docs, tmp_path)
    extra = corpus(3, 99)
    counted = Counted(monkeypatch)
    if change == "add at the end":
        docs += extra
    elif change == "delete the last":
        del docs[-2:]
    elif change == "delete in the middle":
        del docs[20]
    elif change == "add in the middle":
        docs[10:10] = extra  # every later article is renumbered: encoded again from the cached terms
    elif change == "swap two":
        docs[3], docs[40] = docs[40], docs[3]
    else:
        for n in (1, 7, 30):
            docs[n] = SearchDoc(docs[n].ref, docs[n].title + "改", docs[n].meta, docs[n].body[:-9])
    index_files(docs, tmp_path)
    assert counted.tokenized == {"add at the end": 3, "add in the middle": 3, "edit several": 3}.get(change, 0)
    check(docs, tmp_path)


def test_a_change_of_the_plan_encodes_every_shard_from_the_cached_terms(tmp_path, small_shards, monkeypatch):
    docs = corpus(40, 3)
    plan, _ = check(docs, tmp_path)
    counted = Counted(monkeypatch)
    docs[5] = SearchDoc("5", docs[5].title, docs[5].meta, docs[5].body + "".join(WORDS) * 2)  # many more terms
    new_plan, _ = index_files(docs, tmp_path)
    assert new_plan != plan and counted.tokenized == 1 and counted.encoded == new_plan.total
    check(docs, tmp_path)


def test_forked_workers_make_the_files_one_process_makes(tmp_path, small_shards, monkeypatch):
    monkeypatch.setattr(workers, "safe_to_fork", workers.can_fork)  # (fork though other tests left threads)
    monkeypatch.setattr(shards, "SERIAL_BELOW", 0)
    monkeypatch.setattr(shards, "CHUNK", 7)  # several ranges of articles, handed out to two workers
    docs = corpus(45, 4)
    serial = index_files(docs, tmp_path / "one", cache_dir="", jobs=1)
    assert index_files(docs, tmp_path / "two", jobs=2) == serial
    docs[4:4] = corpus(2, 5)  # a renumbering: the workers read the terms back from the cache
    assert index_files(docs, tmp_path / "two", jobs=2) == index_files(docs, tmp_path / "one", cache_dir="", jobs=1)


def store_file(project: Path) -> Path:
    return project / ".cache" / "search" / cache.FILE


@pytest.mark.parametrize("damage", ["article", "shard", "state", "state values", "garbage", "foreign"])
def test_a_damaged_or_foreign_cache_is_not_trusted(tmp_path, small_shards, damage):
    docs = corpus(30, 6)
    check(docs, tmp_path)
    db = sqlite3.connect(store_file(tmp_path))
    if damage == "article":
        db.execute("UPDATE article SET data = x'789c0300'")  # valid zlib, not JSON
    elif damage == "shard":
        db.execute("UPDATE shard SET script = x'00ff', postings = x'00ff'")
    elif damage == "state":
        db.execute("UPDATE state SET value = '{\"order\": 5}' WHERE name = 'index'")
    elif damage == "state values":  # the right shape, values of the wrong kind
        (value,) = db.execute("SELECT value FROM state WHERE name = 'index'").fetchone()
        state = json.loads(value)
        state["lengths"][0] = ["1", None, 2]
        state["plan"] = {"shards": "7", "hot": {"的": ["x", 1]}}
        db.execute("UPDATE state SET value = ? WHERE name = 'index'", (json.dumps(state),))
    elif damage == "foreign":
        db.execute("CREATE TABLE other (x)")
        db.execute("CREATE TRIGGER t AFTER INSERT ON shard BEGIN DELETE FROM article; END")
    db.commit()
    db.close()
    if damage == "garbage":
        store_file(tmp_path).write_bytes(b"not a database" * 100)
    docs[2] = SearchDoc("2", "新的标题", docs[2].meta, docs[2].body)
    check(docs, tmp_path)
    check(docs, tmp_path)  # and the cache it left is good


def test_a_build_stopped_while_encoding_keeps_the_last_complete_cache(tmp_path, small_shards):
    docs = corpus(30, 7)
    check(docs, tmp_path)
    docs += corpus(30, 8)
    config = load_config(SITES / "basic", cache_dir=".cache").with_overrides(root=tmp_path)
    _, files = search.index_shards(docs, config, jobs=1)
    next(files), next(files)
    files.close()  # the build stopped (an error elsewhere) while the shards were being made
    check(docs, tmp_path)


def test_the_cache_keeps_only_what_the_last_build_uses(tmp_path, small_shards):
    docs = corpus(30, 9)
    check(docs, tmp_path)
    check(docs[:10], tmp_path)
    db = sqlite3.connect(store_file(tmp_path))
    assert db.execute("SELECT count(*) FROM article").fetchone()[0] == 10
    db.close()


def test_unchanged_text_reuses_the_index_in_a_whole_build(basic_project, monkeypatch):
    config = load_config(basic_project)
    build(config)
    first = site_bytes(config.output_path)
    assert (basic_project / ".gazette-cache" / "search" / cache.FILE).is_file()
    counted = Counted(monkeypatch)
    templates = basic_project / "overrides" / "templates"
    templates.mkdir(parents=True)
    (templates / "regions.html").write_text('{% extends "!default/regions.html" %}', "utf-8")
    build(config)
    assert counted.tokenized == counted.encoded == 0
    assert {p: b for p, b in site_bytes(config.output_path).items() if p.startswith("search/")} == \
        {p: b for p, b in first.items() if p.startswith("search/")}


def test_an_edited_article_is_indexed(basic_project):
    config = load_config(basic_project)
    build(config)
    article = basic_project / ARTICLE
    article.write_text(article.read_text("utf-8") + "\n骆驼刺丛生。\n", "utf-8")
    build(config)
    terms = " ".join(payload(p.read_bytes())[2]["terms"] for p in (config.output_path / "search").glob("index-*.js"))
    assert "骆驼" in terms.split() and "刺丛" in terms.split()
    build(load_config(basic_project, output_dir="full", cache_dir=""))
    assert site_bytes(config.output_path / "search") == site_bytes(basic_project / "full" / "search")


def test_no_cache_flag_neither_reads_nor_writes_it(basic_project):
    assert main(["--project", str(basic_project), "build", "-q", "--no-cache"]) == 0
    assert not (basic_project / ".gazette-cache").exists()
    assert (basic_project / "site" / "search" / "index-000.js").is_file()


def test_a_plan_with_hot_characters_comes_back_from_its_payload():
    hot = {"的": (7, 3), "国": (10, 1)}
    plan = index.Plan(7, hot, index.own_lists(7, hot))  # as plan_shards makes it
    assert plan.lists == {"国": 11, "的": 12}
    assert index.Plan.from_payload(json.loads(json.dumps(plan.payload()))) == plan


def test_the_key_covers_the_module_that_reads_the_opencc_tables(tmp_path, monkeypatch):
    """text/fold.py decides which OpenCC candidate the fold keeps: an edit to it must not
    leave terms folded the old way in the cache."""
    shipped = Path(text_fold.__file__).resolve()
    before = cache.code_digest()
    edited = tmp_path / "generator" / "text" / "fold.py"
    edited.parent.mkdir(parents=True)
    edited.write_text(shipped.read_text("utf-8").replace('split(" ")[0]', 'split(" ")[-1]'), "utf-8")
    monkeypatch.setattr(cache, "code_files",
                        lambda real=cache.code_files: [edited if p == shipped else p for p in real()])
    assert cache.code_digest() != before


def test_the_key_follows_the_traditional_to_simplified_table(monkeypatch):
    """New OpenCC data (even under the same package version) folds text differently."""
    before = cache.code_digest()
    changed = {k: v for k, v in fold.t2s_table().items() if k != "乾"}  # 乾隆 stays 乾, no longer 干
    monkeypatch.setattr(fold, "t2s_table", lambda: changed)
    assert cache.code_digest() != before


def test_a_store_of_other_code_is_emptied(tmp_path, small_shards, monkeypatch):
    docs = corpus(20, 10)
    check(docs, tmp_path)
    monkeypatch.setattr(cache, "code_digest", lambda: "another version of gazette")
    counted = Counted(monkeypatch)
    index_files(docs, tmp_path)
    assert counted.tokenized == 20


def test_the_key_covers_every_module_outside_search_that_terms_come_from():
    """A module the fold, the tokenizer or the index imports from outside search/ decides terms
    too; one left out of the key is a cache that outlives a change to it."""
    used = set()
    for name in ("fold", "tokenize", "index", "wire"):
        tree = ast.parse((Path(search.__file__).parent / f"{name}.py").read_text("utf-8"))
        used |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 2}
    package = Path(search.__file__).resolve().parent.parent
    assert {package / f"{module.replace('.', '/')}.py" for module in used} <= set(cache.code_files())


def test_a_hot_characters_own_list_is_patched_as_a_full_build_makes_it(tmp_path, monkeypatch):
    monkeypatch.setattr(index, "SHARD_CHARS", 60)  # common characters of this small corpus get lists of their own
    docs = corpus(50, 5)
    plan, _ = check(docs, tmp_path)
    assert plan.lists
    char = sorted(plan.lists)[0]
    # the list's shard, made the way the wire test checks against lunr.py: #X once per term starting with X
    rows = [(n, ([], [], []) + tuple([t for t in column if t == index.CHAR + char]
                                     for column in char_columns(index._fields(doc), plan)))
            for n, doc in enumerate(docs)]
    files = index_files(docs, tmp_path, cache_dir="")[1]
    assert files[1 + plan.lists[char]] == shards.shard_script(plan.lists[char], shard_of_rows(rows))
    docs[8] = SearchDoc("8", docs[8].title, docs[8].meta, docs[8].body + char * 3 + "骆驼刺")
    del docs[30]
    check(docs, tmp_path)
