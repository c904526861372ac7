"""The search build: deterministic output, shards that agree with one index, located errors."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import load_config
from generator.content.site import load_site
from generator.problems import GazetteError
from generator.search import assets, build_search, documents, index, wire
from generator.text.han import is_han
from generator.text.phrases import breaks
from generator.text.plain import plain_text
from generator.search.documents import break_code, script, search_docs, to_ref

from scripts import payload

HERE = Path(__file__).parent
REPO = HERE.parent.parent
SITES = HERE.parent / "fixtures" / "sites"


def load(name: str):
    config = load_config(SITES / name, cache_dir="")  # no cache written into the fixtures
    site, _ = load_site(config)
    return site, config


DIGEST = """
import hashlib, sys
from generator import load_config
from generator.content.site import load_site
from generator.search import build_search, index
index.SHARD_CHARS = 100
site, _ = load_site(load_config(sys.argv[1]))
files = build_search(site, load_config(sys.argv[1], cache_dir=""))
print(len(files), hashlib.sha256(b"".join(k.encode() + v for k, v in sorted(files.items()))).hexdigest())
"""


def test_output_is_byte_identical_across_builds_and_hash_seeds():
    digests = {
        subprocess.run([sys.executable, "-c", DIGEST, str(SITES / "basic")], capture_output=True, text=True,
                       check=True, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1 and int(next(iter(digests)).split()[0]) > 5


def numbers(text: str) -> list[int]:
    """wire.py's numbers back: 5 bits a character, a MORE character when another follows."""
    out, value = [], 0
    for char in text:
        if char in wire.MORE:
            value = value * 32 + wire.MORE.index(char)
        else:
            out.append(value * 32 + wire.LAST.index(char))
            value = 0
    return out


def unplane(text: str, count: int) -> list[int]:
    """wire.planes read back: fixed width, most significant plane first."""
    width = len(text) // count if count else 0
    return [sum(wire.LAST.index(text[d * count + i]) << (5 * (width - 1 - d)) for d in range(width))
            for i in range(count)]


def test_planes_are_fixed_width_and_read_back():
    values = [0, 31, 32, 1023, 5, 600]
    text = wire.planes(values)
    assert len(text) == 2 * len(values) and unplane(text, len(values)) == values
    assert wire.planes([3, 0, 7]) == "307" and wire.planes([]) == ""


def test_files_are_classic_scripts_with_postings_lengths_and_split_metadata():
    site, config = load("search-semantics")
    files = build_search(site, config)
    assert {"search/lunr.min.js", "search/t2s.js", "search/docs.js", "search/index-000.js", "search/lengths-0.js",
            "search/text-000.js", "search/regions.js"} <= set(files)
    kind, _, idx = payload(files["search/index-000.js"])
    terms = idx["terms"].split(" ")
    assert kind == "index" and len(idx["postings"].split(";")) == len(terms) and terms == sorted(terms)
    assert "博斯" in terms and "korla" in terms and "5g" in terms and "gdp" in terms
    assert "季" in terms and "博" not in terms  # a lone character only where a Han run ends (…旺季)
    title, meta, body = idx["postings"].split(";")[terms.index("旺季")].split(",")
    assert numbers(title) == [0] and numbers(meta) == [] and numbers(body) == [0]  # article 0, once in each
    lengths = [payload(files[f"search/lengths-{k}.js"])[2] for k in range(len(index.TEXT_FIELDS))]  # t, m, b
    fields = [index._fields(d) for d in search_docs(site)]
    assert lengths[2]["least"] == min(len(body) for _, _, body in fields) > 0  # written from the shortest
    _, _, docs = payload(files["search/docs.js"])
    true = [list(map(len, c)) for c in zip(*fields)]
    assert docs["scoring"] == {"fields": ["t", "m", "b", "T", "M", "B"], "boosts": [10, 2, 1, 10, 2, 1],
                               "lengths": [0, 1, 2, 0, 1, 2], "k1": 1.2, "b": 0.75,
                               "count": len(site.articles), "block": wire.FINE_BLOCK,
                               "bounds": [[min(c), max(c), sum(c), bits if bits is not None and (max(c) - min(c)) >> bits else -1]
                                          for c, bits in zip(true, wire.FINE_BITS)]}
    # the same lengths cut in two: high bits per field (where wider than the low bits), low bits per block
    blocks = [payload(files[f"search/fine-{b:03d}.js"])[2] for b in range(-(-len(fields) // wire.FINE_BLOCK))]
    for k, (column, bits) in enumerate(zip(true, wire.FINE_BITS)):
        low = [n for b, block in enumerate(blocks)
               for n in unplane(block[k], min(wire.FINE_BLOCK, len(fields) - b * wire.FINE_BLOCK))]
        coarse = files.get(f"search/coarse-{k}.js")
        high = unplane(payload(coarse)[2]["coarse"], len(fields)) if coarse else [0] * len(fields)
        assert (coarse is not None) == (docs["scoring"]["bounds"][k][3] >= 0)
        assert [min(column) + (h << max(bits or 0, 0)) + n for h, n in zip(high, low)] == column
        whole = unplane(lengths[k]["lengths"], len(fields))  # the lengths file: what the coarse ones leave out
        assert [lengths[k]["least"] + (h << max(bits or 0, 0)) + n for h, n in zip(high, whole)] == column
    first = site.articles[0]
    assert docs["publications"][numbers(docs["publication"])[0]] == first.publication
    assert numbers(docs["date"])[0] == 2 * (first.date - dt.date(1970, 1, 1)).days
    assert "region" not in docs and "regions" not in docs  # in regions.js: a query needs them later, if at all
    _, _, placed = payload(files["search/regions.js"])
    count, *regions = numbers(placed["region"])[:1 + len(first.regions)]
    assert count == len(first.regions) and [placed["regions"][r] for r in regions] == list(first.regions)
    _, _, text = payload(files["search/text-000.js"])
    doc = search_docs(site)[0]
    assert text == [[first.shown_title, first.subtitle or "", first.url, break_code(breaks(first.shown_title)),
                     doc.meta, doc.body]]  # what a hit shows, in one file
    texts = [payload(data)[2] for path, data in sorted(files.items()) if "/text-" in path]
    assert len(text) == documents.TEXT_CHUNK and sum(map(len, texts)) == len(site.articles)
    assert "docs" not in docs and not any("/meta-" in path for path in files)  # titles only in text files
    assert all(len(data) < 50_000_000 for data in files.values())


def test_every_term_lives_in_its_hashed_shard(monkeypatch):
    monkeypatch.setattr(index, "SHARD_CHARS", 8)
    site, config = load("search-semantics")
    files = build_search(site, config)
    docs = payload(files["search/docs.js"])[2]
    plan = index.Plan.from_payload(docs)
    assert plan.pieces == index.PIECES > 1  # so many shards are written in pieces
    shards = {str(k): idx for _, k, idx in (payload(data) for path, data in files.items() if "/index-" in path)}
    pieced = plan.total - len(plan.lists)
    masks = unplane(docs["present"], pieced)  # which pieces hold a term: those, and only those, are files
    listed = {f"{k}-{i}" for k in range(pieced) for i in range(plan.pieces) if masks[k] >> i & 1}
    assert {key for key in shards if "-" in key} == listed and all(shards[key]["terms"] for key in listed)
    assert len(shards) == len(listed) + len(plan.lists) < sum(map(plan.pieces_of, range(plan.total)))
    assert plan.total > docs["shards"] > 4
    assert plan.hot["游"][1] == 2
    assert set(plan.lists) == {c for c in plan.hot if is_han(c)} and "游" in plan.lists
    assert "lists" not in docs  # derived from `hot`, by both sides (own_lists, ownLists)
    for key, idx in shards.items():
        k, _, i = key.partition("-")
        for term in filter(None, idx["terms"].split(" ")):
            assert index.shard_of(term, plan) == int(k)
            assert index.piece_of(term, plan.pieces) == int(i) if i else plan.pieces_of(int(k)) == 1
    # a term's shard depends on its first character only, or on its second for a hot one
    assert index.shard_of("新疆", plan) == index.shard_of("新", plan) or "新" in plan.hot
    first, count = plan.hot["游"]
    assert {index.shard_of("游" + c, plan) for c in "客船览人"} == {first, first + 1}


ENGINE = """
const fs = require("fs"), vm = require("vm"), dir = process.argv[1];
globalThis.lunr = require(%r); require(%r); const S = require(%r);
const e = new S.Engine(dir + "/search/", {loadScript: (src) => {
  const b = fs.readFileSync(src);  /* UTF-16 with a byte-order mark, or UTF-8, as browsers read it */
  vm.runInThisContext(b[0] === 0xff && b[1] === 0xfe ? b.toString("utf16le", 2) : b.toString("utf8"));
  return Promise.resolve(); }});
(async () => {
  const out = {};
  for (const q of JSON.parse(process.argv[2])) {
    const hits = (await e.search(q)).hits;
    await e.describe(hits);
    out[q] = hits.map(h => [h.doc.url, h.tier]);
  }
  process.stdout.write(JSON.stringify(out));
})();
""" % (str(REPO / "node_modules/lunr"), str(REPO / "generator/search/search-tokenize.js"), str(REPO / "generator/search/search-engine.js"))

QUERIES = ["博斯腾湖", "湖", "游", "区", "游客 湖", "团结进步", "歷史文化", "korla", "游客 景区", "5g", "不存在",
           "游客 -湖", "团结 -团结进步", "区 -游"]


def run_engine(files: dict[str, bytes], tmp: Path) -> dict:
    for path, data in files.items():
        (tmp / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp / path).write_bytes(data)
    out = subprocess.run(["node", "-e", ENGINE, str(tmp), json.dumps(QUERIES, ensure_ascii=False)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_sharded_index_answers_like_a_single_index(monkeypatch, tmp_path):
    site, config = load("search-semantics")
    single = run_engine(build_search(site, config), tmp_path / "one")
    monkeypatch.setattr(index, "SHARD_CHARS", 8)  # 21 shards, and 游 区 hot: 游 has two shards of its own
    sharded = run_engine(build_search(site, config), tmp_path / "many")
    assert {q: sorted(h) for q, h in sharded.items()} == {q: sorted(h) for q, h in single.items()}
    assert len(single["湖"]) == 3 and len(single["游"]) == 3 and single["不存在"] == []
    assert len(single["游客 -湖"]) == 1 and len(single["团结 -团结进步"]) == 1


def test_missing_lunr_in_a_clone_names_npm_ci(monkeypatch, tmp_path):
    (tmp_path / "package.json").write_text("{}")
    monkeypatch.setattr(assets, "REPO", tmp_path)
    site, config = load("basic")
    with pytest.raises(GazetteError) as caught:
        build_search(site, config.with_overrides(root=tmp_path))
    (problem,) = caught.value.problems
    assert problem.code == "search-assets" and "npm ci" in problem.message and "make setup" in problem.message


def test_missing_lunr_when_installed_names_the_pinned_version_and_the_project(monkeypatch, tmp_path):
    monkeypatch.setattr(assets, "REPO", tmp_path / "site-packages")
    site, config = load("basic")
    with pytest.raises(GazetteError) as caught:
        build_search(site, config.with_overrides(root=tmp_path / "archive"))
    (problem,) = caught.value.problems
    pinned = json.loads((REPO / "package.json").read_text())["dependencies"]["lunr"]
    assert f"npm install lunr@{pinned}` in {tmp_path / 'archive'}" in problem.message


def test_plain_text_drops_markdown_but_keeps_words_and_raw_html_as_text():
    assert plain_text("## 小标题\n\n会议**指出**，[链接](http://x)。\n\n- 一\n- 二") == "小标题\n会议指出，链接。\n一\n二"
    assert plain_text("有 <script>alert(1)</script> 原文") == "有 <script>alert(1)</script> 原文"


def test_plain_text_of_imported_text_is_what_was_printed():
    """Imported bodies escape Markdown syntax (generator/ingest/literal.py); search reads the characters."""
    assert plain_text("\\# 话题\n\n1\\. 价格\\*2 \\[图\\] snake\\_case") == "# 话题\n1. 价格*2 [图] snake_case"


def test_refs_are_base62_both_ways():
    numbers = (0, 9, 10, 35, 36, 61, 62, 3843, 3844, 49_999)
    refs = [to_ref(n) for n in numbers]
    assert refs[:9] == ["0", "9", "a", "z", "A", "Z", "10", "ZZ", "100"] and len(refs[-1]) == 3
    out = subprocess.run(["node", "-e", "const S=require(process.argv[1]);"
                          "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map(S.fromRef)))",
                          str(REPO / "generator/search/search-engine.js"), json.dumps(refs)],
                         capture_output=True, text=True, check=True, timeout=30)
    assert json.loads(out.stdout) == list(numbers)


def test_the_engine_derives_the_same_lists_from_the_plan():
    hot = {"的": (7, 3), "a": (10, 2), "𠀀": (12, 1), "国": (13, 1), "5": (14, 1)}
    plan = index.Plan.from_payload({"shards": 7, "hot": {c: list(v) for c, v in hot.items()}})
    assert plan.lists == {"国": 15, "的": 16, "𠀀": 17}
    out = subprocess.run(["node", "-e", "globalThis.GazetteTokenize=require(process.argv[1]);"
                          "const S=require(process.argv[2]);"
                          "process.stdout.write(JSON.stringify(S.ownLists(JSON.parse(process.argv[3]))))",
                          str(REPO / "generator/search/search-tokenize.js"), str(REPO / "generator/search/search-engine.js"),
                          json.dumps(index.Plan(7, hot).payload(), ensure_ascii=False)],
                         capture_output=True, text=True, check=True, timeout=30)
    assert json.loads(out.stdout) == plan.lists


def test_script_payloads_survive_quotes_backslashes_and_line_separators(tmp_path):
    data = [["it's", "C:\\path \"q\"", "a\u2028b\u2029c\nd", "</script>"]]
    (tmp_path / "t.js").write_bytes(script("text", 3, data))
    out = subprocess.run(["node", "-e", "globalThis.gazetteSearchLoaded=(k,n,d)=>process.stdout.write("
                          "JSON.stringify([k,n,d]));require(process.argv[1])", str(tmp_path / "t.js")],
                         capture_output=True, text=True, check=True, timeout=30)
    assert json.loads(out.stdout) == ["text", 3, data]
    assert payload(script("text", 3, data)) == ("text", 3, data)


def test_packed_files_come_back_whole_in_the_engine(tmp_path):
    """Deflated payloads of every length mod 15 bytes (the last code unit half empty or full),
    with quotes, backslashes, line separators and characters past U+FFFF, read by the engine."""
    rng = random.Random(3)
    alphabet = "新疆日报'\"\\\u2028\u2029\n\U00020000abc0123 "
    payloads = [{"terms": "", "postings": ""}] + [
        {"terms": "".join(rng.choice(alphabet) for _ in range(n)), "postings": os.urandom(n).hex()} for n in range(40)]
    for k, data in enumerate(payloads):
        (tmp_path / f"index-{k:03d}.js").write_bytes(script("index", k, data, packed=True))
    harness = ENGINE.split("(async () => {")[0] + """(async () => {
      const out = [];
      for (let k = 0; k < %d; k++) { await e.file("index-" + String(k).padStart(3, "0") + ".js"); out.push(S.registry.index[k]); }
      process.stdout.write(JSON.stringify(out));
    })();""" % len(payloads)
    out = subprocess.run(["node", "-e", harness.replace('dir + "/search/"', 'dir + "/"'), str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == payloads
    assert all(payload(script("index", k, d, packed=True)) == ("index", k, d) for k, d in enumerate(payloads))


def test_an_archive_without_articles_gets_a_working_empty_index(tmp_path):
    from generator.model import Site

    site, config = load("basic")
    files = build_search(Site(publications=(), issues=(), regions=()), config)
    _, _, idx = payload(files["search/index-000.js"])
    assert idx == {"terms": "", "postings": ""}
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    out = subprocess.run(["node", "-e", ENGINE, str(tmp_path), '["新疆", "疆"]'],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"新疆": [], "疆": []}


def test_a_long_query_loads_at_most_sixteen_shards(monkeypatch, tmp_path):
    monkeypatch.setattr(index, "SHARD_CHARS", 10)
    site, config = load("search-semantics")
    files = build_search(site, config)
    assert sum("/index-" in p for p in files) > 30
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    script = ENGINE.replace("hits.map(h => [h.doc.url, h.tier])",
                            "[hits.map(h => h.doc.url), e.loaded.filter(f => f.startsWith('index-')).length]")
    query = "6月1日，众多游客来到博湖县博斯腾湖景区观光，湖面游船往来穿梭"
    out = subprocess.run(["node", "-e", script, str(tmp_path), json.dumps([query], ensure_ascii=False)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    urls, shards_loaded = json.loads(out.stdout)[query]
    assert urls == ["bayinguoleng-daily/2021-06-01/002-hu-zheng-wen.html"] and shards_loaded <= 16


def test_every_character_and_bigram_finds_exactly_the_articles_containing_it(monkeypatch, tmp_path):
    """Recall and precision 1.0 for one- and two-character queries, hot characters included."""
    from generator.search.tokenize import comparable, index_tokens

    monkeypatch.setattr(index, "SHARD_CHARS", 8)
    site, config = load("search-semantics")
    texts = {a.url: comparable(d.title + "\n" + d.meta + "\n" + d.body) for a, d in zip(site.articles, search_docs(site))}
    terms = sorted({t for text in texts.values() for t in index_tokens(text) if len(t) <= 2 and not t.isascii()})
    queries = sorted(set(terms) | {t[0] for t in terms})
    script = ENGINE.replace("hits.map(h => [h.doc.url, h.tier])", "hits.map(h => h.doc.url).sort()")
    files = build_search(site, config)
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    (tmp_path / "q.json").write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", "-e", script.replace("JSON.parse(process.argv[2])", "JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))"),
                          str(tmp_path), str(tmp_path / "q.json")], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert len(queries) > 300 and "逊阿" in queries and any(q in payload(files["search/docs.js"])[2]["hot"] for q in queries)
    assert found == {q: sorted(url for url, text in texts.items() if q in text) for q in queries}


def test_a_shard_in_pieces_answers_every_query_as_whole_from_only_the_pieces_of_its_terms(monkeypatch, tmp_path):
    """A large archive's shards are written in pieces (index.PIECES), a query loading the piece of
    each of its terms: hits, scores to the last bit, tiers and order are those of the same shards
    written whole, for words of one term, of several, prefix queries, exclusions and the tolerant
    pass; a word of one term loads one piece, not its whole shard."""
    monkeypatch.setattr(index, "SHARD_CHARS", 40)  # many shards of many terms, some hot characters
    site, config = load("search-semantics")
    queries = QUERIES + ["博斯腾湖 游客", "湖 游 区", "游船往来穿梭", "景区观光 -湖", "做遵纪守法爱护", "新疆 民族 团结 发展"]
    harness = ENGINE.replace("hits.map(h => [h.doc.url, h.tier])",
                             "[S.listed(r).map(h => [h.doc.url, h.tier, h.score]), "
                             "e.loaded.filter(f => f.startsWith('index-'))]").replace(
                             "const hits = (await e.search(q)).hits;", "const r = await e.search(q), hits = S.listed(r);")
    answers = {}
    for pieces in (1, 8):
        monkeypatch.setattr(index, "PIECES", pieces)
        monkeypatch.setattr(index, "PIECES_FROM", 1)
        files = build_search(site, config)
        plan = json.loads(json.dumps(payload(files["search/docs.js"])[2]))
        assert plan.get("pieces", 1) == pieces
        folder = tmp_path / str(pieces)
        for path, data in files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(data)
        out = subprocess.run(["node", "-e", harness, str(folder), json.dumps(queries, ensure_ascii=False)],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        answers[pieces] = json.loads(out.stdout)
    assert sum(1 for q in queries if answers[1][q][0]) > 10
    assert {q: a[0] for q, a in answers[8].items()} == {q: a[0] for q, a in answers[1].items()}
    whole, pieced = answers[1]["博斯腾湖"][1], answers[8]["博斯腾湖"][1]
    assert len(pieced) == len(whole) == 3 and all(f.count("-") == 2 for f in pieced)  # 博斯 斯腾 腾湖: a piece each
