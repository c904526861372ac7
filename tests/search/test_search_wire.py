"""The compact shards, rebuilt by search-engine.js, are the index lunr.py's own Builder makes.

Reference: a plain lunr.py 0.8.0 Builder over every article, serialized, loaded by
lunr.js 2.3.9's `lunr.Index.load`. Ours: wire.py's shards and lengths, rebuilt by
search-engine.js `rebuild`. Both answer the same queries in Node.

The reference holds the character fields whole (#X for every term of t, m, b:
index.CHAR_FIELDS); ours writes only the lists of the characters given, one shard each,
which must score as the reference's.
"""
from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from lunr.builder import Builder
from lunr.pipeline import Pipeline

from generator import load_config
from generator.content.site import load_site
from generator.search.documents import search_docs, to_ref
from generator.search.index import CHAR, FIELDS, LABEL, TEXT_FIELDS, _fields, fnv1a
from generator.search.wire import code_unit_order, coarse_payloads, fine_payloads, lengths_payloads, params
from reference_shards import shard_of_rows

REPO = Path(__file__).parents[2]
SITES = REPO / "tests" / "fixtures" / "sites"
NAMES = tuple(name for name, _ in FIELDS)


def every_char(fields) -> tuple[list[str], ...]:
    """The character fields in full: #X for every term of each text field."""
    return tuple([CHAR + term[0] for term in column] for column in fields)

def identity(token, i=None, tokens=None):
    """The one pipeline step: terms are cut by tokenize.py, lunr must leave them alone."""
    return token


def search_pipeline(label: str) -> Pipeline:
    """A search pipeline holding only `identity`, registered under `label`, which
    search-engine.js registers in lunr.js too (lunr.js refuses unknown labels)."""
    if Pipeline.registered_functions.get(label) is not identity:
        Pipeline.register_function(identity, label)
    pipeline = Pipeline()
    pipeline.add(identity)
    return pipeline


search_pipeline(LABEL)  # registers `identity` under our label, as lunr.py needs to serialize


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
    for number, fields in rows:
        columns = tuple(fields) + every_char(fields)
        builder.add({"r": to_ref(number), **{name: list(terms) for name, terms in zip(NAMES, columns)}})
    return builder.build().serialize()


def ours(rows, shards: int, lists=()) -> tuple[dict, dict, list[dict], list, list]:
    """Scoring, lengths and `shards` shard payloads, terms split by their first character, then one
    shard for each character of `lists`, its own list; then the lengths' coarse and fine payloads."""
    split = [[(n, tuple([t for t in terms if fnv1a(t[0]) % shards == k] for terms in fields)) for n, fields in rows]
             for k in range(shards)]
    split += [[(n, ([], [], []) + tuple([t for t in column if t == CHAR + char] for column in every_char(fields)))
               for n, fields in rows] for char in lists]
    counted = [tuple(map(len, fields)) for _, fields in rows]
    lengths = lengths_payloads(counted, len(TEXT_FIELDS))
    return (params(FIELDS, counted), lengths, [shard_of_rows(part) for part in split],
            coarse_payloads(counted), fine_payloads(counted))


NODE = """
const lunr = require(process.argv[1]); globalThis.lunr = lunr;
const S = require(process.argv[2]);
lunr.Pipeline.registerFunction(t => t, %r);
const [reference, scoring, lengths, shards, queries, coarse, fine] = JSON.parse(require("fs").readFileSync(0, "utf8"));
/* the lengths from their whole files (a field's with its coarse lengths), and from the coarse and
   fine files: exact with every fine file, bounds without */
const top = {}, low = {};
coarse.forEach((c, k) => { if (c) top[k] = S.planes(c.coarse, scoring.count); });
const full = lunr.Index.load(reference), L = S.fieldLengths(lengths, scoring, {}, top);
fine.forEach((f, b) => { low[b] = f.map(t => S.planes(t, Math.min(scoring.block, scoring.count - b * scoring.block))); });
const split = S.sized(scoring, S.bounded(scoring, {}, top, low)), rough = S.sized(scoring, S.bounded(scoring, {}, top, {}));
const none = S.sized(scoring, S.bounded(scoring, {}, {}, {}));
const rebuilt = shards.map(s => S.rebuild(s, scoring, L));
/* every field vector as {fieldRef: {term: score}}, whatever the term numbering */
const vectors = (indexes) => {
  const out = {};
  for (const index of indexes) {
    const terms = {};
    for (const term in index.invertedIndex) terms[index.invertedIndex[term]._index] = term;
    for (const ref in index.fieldVectors) {
      const e = index.fieldVectors[ref].elements, v = out[ref] = out[ref] || {};
      for (let i = 0; i < e.length; i += 2) v[terms[e[i]]] = e[i + 1];
    }
  }
  return out;
};
const ask = (index, words) => index.query(q => words.forEach(w => q.term(w.replace("*", ""), {usePipeline: false,
  presence: lunr.Query.presence.REQUIRED, wildcard: w.endsWith("*") ? lunr.Query.wildcard.TRAILING : 0})))
  .map(r => [r.ref, r.score]);
/* the page's answer, computed from the postings (S.match), as [ref, score] sorted by ref */
const matched = (k, words, sized) => [...S.match(shards[k], scoring, sized || L, words.map(w => ({term: w.replace("*", ""),
  prefix: w.endsWith("*")}))).scores].sort();
/* every ref's score between those of its longest and its shortest possible lengths */
const within = (k, words, sized) => {
  const exact = matched(k, words), upper = matched(k, words, sized.upper), lower = matched(k, words, sized.lower);
  return exact.length === upper.length && exact.length === lower.length && exact.every(([ref, s], i) =>
    upper[i][0] === ref && lower[i][0] === ref && lower[i][1] <= s && s <= upper[i][1]);
};
process.stdout.write(JSON.stringify({
  vectors: [vectors([full]), vectors(rebuilt)],
  terms: [Object.keys(full.invertedIndex), [].concat(...rebuilt.map(i => Object.keys(i.invertedIndex)))],
  answers: queries.map(([k, q]) => [ask(full, q), ask(rebuilt[k], q)]),
  matched: queries.map(([k, q]) => [ask(rebuilt[k], q).sort(), matched(k, q)]),
  split: queries.map(([k, q]) => [matched(k, q), matched(k, q, split.upper), matched(k, q, split.lower)]),
  within: queries.map(([k, q]) => within(k, q, rough) && within(k, q, none)),
  loose: queries.filter(([k, q]) => JSON.stringify(matched(k, q, rough.upper)) !== JSON.stringify(matched(k, q))).length,
}));
""" % LABEL


def compare(rows, shards: int, queries=(), lists=()) -> dict:
    """`queries`: term lists asked of shard 0 (with shards=1), or (shard, terms) pairs."""
    scoring, lengths, payloads, coarse, fine = ours(rows, shards, lists)
    queries = [q if isinstance(q, tuple) else (0, q) for q in queries]
    reference = lunr_py(rows)
    # lunr.py writes terms in Python's order, which lunr.Index.load refuses past U+FFFF (its TokenSet
    # wants JavaScript's): the reference is put in that order, as wire.py writes ours
    reference["invertedIndex"].sort(key=lambda pair: code_unit_order(pair[0]))
    data = json.dumps([reference, scoring, lengths, payloads, queries, coarse, fine], ensure_ascii=False)
    out = subprocess.run(["node", "-e", NODE,
                          str(REPO / "node_modules/lunr"), str(REPO / "generator/search/search-engine.js")],
                         input=data, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    reference, rebuilt = result["vectors"]

    def written(term):  # what ours writes of the reference: every text term, the listed characters
        return not term.startswith(CHAR) or term[1:] in lists
    reference = {ref: kept for ref, v in reference.items() if (kept := {t: s for t, s in v.items() if written(t)})}
    # every score of every field vector, exactly: lunr.py's BM25 rounded to 3 decimals
    assert rebuilt == reference and len(reference) > 0
    assert sorted(result["terms"][1]) == sorted(filter(written, result["terms"][0]))
    for (_, words), (want, got) in zip(queries, result["answers"]):
        assert [ref for ref, _ in got] == [ref for ref, _ in want], words
        assert all(abs(a - b) <= 1e-9 * max(1, abs(a)) for (_, a), (_, b) in zip(want, got)), words
    for (_, words), (lunr_js, page) in zip(queries, result["matched"]):
        assert page == lunr_js, words  # the page's answer is lunr.js's, every score to the last bit
    for (_, words), (exact, upper, lower) in zip(queries, result["split"]):
        assert upper == lower == exact, words  # the lengths from their coarse and fine files: the same
    # before: every score between the bounds the coarse lengths (or none) give
    assert all(result["within"])
    return result


def random_rows(seed: int, count: int, vocab: list[str]):
    rng = random.Random(seed)
    return [(n, tuple([rng.choice(vocab) for _ in range(rng.choice([0, 1, 3, 40, 300]))] for _ in TEXT_FIELDS))
            for n in range(count)]


VOCAB = ["新疆", "疆", "日报", "库尔勒", "korla", "2023", "湖", "博斯", "斯腾", "腾湖", "新闻", "新", "\U00020000疆", "\uff10疆"]
QUERIES = [[t] for t in VOCAB] + [["新*"], ["斯*"], ["新疆", "日报"], ["湖", "博斯", "korla"], ["没有"], ["新*", "湖"]]


@pytest.mark.parametrize("name", ["basic", "search-semantics"])
def test_fixture_archives_score_as_lunr_py(name):
    site, _ = load_site(load_config(SITES / name, cache_dir=""))
    rows = [(n, _fields(d)) for n, d in enumerate(search_docs(site))]
    terms = sorted({t for _, fields in rows for column in fields for t in column})
    queries = [[t] for t in terms] + [[t[0] + "*"] for t in terms] + [terms[i:i + 3] for i in range(0, len(terms), 7)]
    # queries of 5 and 6 words, each held by an article (its body's first terms): many postings summed per article
    many = [list(dict.fromkeys(fields[2]))[start:start + size] for _, fields in rows[::2] for size in (5, 6)
            for start in (0, 7)]
    queries += [q for q in many if len(q) >= 5]
    result = compare(rows, 1, queries)
    assert sum(1 for q, (want, _) in zip(queries, result["answers"]) if len(q) >= 5 and want) >= 4
    compare(rows, 5)


def test_random_documents_with_repeats_empty_fields_and_astral_terms():
    rows = random_rows(5, 300, VOCAB)
    assert compare(rows, 1, QUERIES)["loose"] > 5  # the coarse lengths bound scores they do not give
    compare(rows, 3)


def test_rare_terms_far_apart_and_large_frequencies():
    """Gaps and frequencies that need several characters (more than 5 bits)."""
    rows = random_rows(11, 3000, ["新疆"] * 40 + ["日报"] * 5 + ["罕见"])
    rows[2999] = (2999, (["罕见"] * 2000, [], ["罕见", "新疆"]))
    compare(rows, 1, [["罕见"], ["新疆"], ["日报"], ["罕见", "新疆"], ["新*"]])


def test_articles_without_terms_count_in_idf_and_average_length():
    rows = [(0, (["新疆"], [], ["新疆", "湖"])), (1, ([], [], [])), (2, ([], [], ["湖"])), (3, ([], [], []))]
    compare(rows, 1, [["新疆"], ["湖"], ["新*"]])


@pytest.mark.parametrize("name", ["basic", "search-semantics"])
def test_a_hot_characters_own_list_scores_as_lunr_py_and_finds_what_its_prefix_query_finds(name):
    """的 asks #的, one list in one shard, instead of 的* over every shard of 的's bigrams."""
    site, _ = load_site(load_config(SITES / name, cache_dir=""))
    rows = [(n, _fields(d)) for n, d in enumerate(search_docs(site))]
    starts = sorted({t[0] for _, fields in rows for column in fields for t in column if "\u4e00" <= t[0] <= "\u9fff"})
    lists = ["的", "新", *starts[::5]] if name == "basic" else starts[::3]
    lists = list(dict.fromkeys(c for c in lists if c in starts))
    queries = [(1 + k, [CHAR + c]) for k, c in enumerate(lists)] + [(0, [c + "*"]) for c in lists]
    queries += [(1 + k, [CHAR + c, CHAR + c]) for k, c in enumerate(lists[:3])]
    result = compare(rows, 1, queries, lists)
    answers = [[ref for ref, _ in want] for want, _ in result["answers"]]
    for k, char in enumerate(lists):
        own, prefix = answers[k], answers[len(lists) + k]
        assert sorted(own) == sorted(prefix) and own, char
