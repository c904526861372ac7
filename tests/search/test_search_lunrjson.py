"""The index builder writes exactly what a plain lunr.py 0.8.0 Builder writes for the same terms."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from lunr.builder import Builder

from generator import load_config
from generator.content.site import load_site
from generator.search.documents import search_docs
from generator.search.index import FIELDS, LABEL, _fields
from generator.search.lunrjson import build_index, identity, search_pipeline

SITES = Path(__file__).parent.parent / "fixtures" / "sites"


search_pipeline(LABEL)  # registers `identity` under our label, as the build does


def lunr_py(rows) -> dict:
    """The reference: a bare lunr.py Builder with our label in its search pipeline."""
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.search_pipeline.add(identity)
    builder.metadata_whitelist = []
    builder.ref("r")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, fields in rows:
        builder.add({"r": ref, **{name: list(terms) for (name, _), terms in zip(FIELDS, fields)}})
    return builder.build().serialize()


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@pytest.mark.parametrize("name", ["basic", "search-semantics"])
def test_fixture_archives(name):
    site, _ = load_site(load_config(SITES / name))
    rows = [(d.ref, _fields(d)) for d in search_docs(site)]
    assert dumps(build_index(rows, FIELDS, LABEL)) == dumps(lunr_py(rows))


def test_random_documents_with_repeats_and_empty_fields():
    rng = random.Random(5)
    vocab = ["新疆", "疆", "日报", "库尔勒", "korla", "2023", "湖", "博斯", "斯腾", "腾湖"]
    rows = [(format(n, "x"), tuple([rng.choice(vocab) for _ in range(rng.choice([0, 1, 3, 40]))] for _ in FIELDS))
            for n in range(300)]
    assert dumps(build_index(rows, FIELDS, LABEL)) == dumps(lunr_py(rows))


def test_left_out_documents_count_like_empty_ones():
    rows = [("0", (["新疆"], [], ["新疆", "湖"])), ("1", ([], [], [])), ("2", ([], [], ["湖"])), ("3", ([], [], []))]
    full, lean = lunr_py(rows), build_index([r for r in rows if any(r[1])], FIELDS, LABEL, documents=4)
    for index in (full, lean):
        index["fieldVectors"] = [pair for pair in index["fieldVectors"] if pair[1]]
    assert dumps(lean) == dumps(full)


LUNR_QUERIES = """
const lunr = require(process.argv[1]);
lunr.Pipeline.registerFunction(t => t, %r);
const [full, lean, queries] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const ask = (data, q) => lunr.Index.load(data).query(b => b.term(q, {usePipeline: false,
  presence: lunr.Query.presence.REQUIRED, wildcard: q.endsWith("*") ? lunr.Query.wildcard.TRAILING : 0}))
  .map(r => [r.ref, r.score]).sort();
process.stdout.write(JSON.stringify(queries.map(q => [ask(full, q), ask(lean, q)])));
""" % LABEL


def test_compacted_index_answers_like_lunr_py_in_lunr_js():
    """compact() renumbers terms and writes scores ×100 as integers: same hits, same order, fewer bytes."""
    import subprocess

    from generator.search.index import compact

    rng = random.Random(9)
    vocab = ["新疆", "疆", "日报", "库尔勒", "korla", "2023", "湖", "博斯", "斯腾", "腾湖", "新闻", "新"]
    rows = [(format(n, "x"), tuple([rng.choice(vocab) for _ in range(rng.choice([0, 1, 3, 40]))] for _ in FIELDS))
            for n in range(300)]
    full = build_index(rows, FIELDS, LABEL)
    lean = compact(build_index(rows, FIELDS, LABEL))
    assert len(dumps(lean)) < 0.95 * len(dumps(full))
    queries = vocab + ["新*", "斯*"]
    out = subprocess.run(["node", "-e", LUNR_QUERIES, str(Path(__file__).parents[2] / "node_modules/lunr")],
                         input=json.dumps([full, lean, queries], ensure_ascii=False),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    for q, (a, b) in zip(queries, json.loads(out.stdout)):
        assert [ref for ref, _ in a] == [ref for ref, _ in b] and a, q
        assert all(abs(100 * x - y) <= 2 * (1 + q.endswith("*") * 3) for (_, x), (_, y) in zip(a, b)), q
