"""The lunr index, split into shards by the first character of each term.

Every term lives in exactly one shard, chosen by a rule both sides compute
(`shard_of` here, `shardOf` in search-engine.js), so a query loads only the
shards of its own terms, and a term's IDF is computed over every article as
in one big index. Each shard is an ordinary lunr index over all articles.

Sharding by first character (not by the whole term) keeps every term that
starts with a character X in one place, so a one-character query is lunr's
prefix query X* in one shard (tokenize.py indexes bigrams and only the last
character of each Han run). A character so common that its terms would
overfill a shard (的, 国, 新 in a large archive) is "hot": its terms get
shards of their own, split by the term's second character, and a
one-character query for it loads those few. `Plan` records the split;
docs.js carries it to the browser.

The build is sharded too: one pass tokenizes every article once and spills
each shard's terms to a temporary file; then the shards are built one at a
time by `lunrjson.build_index`: lunr.py's scoring, vectors and serialization
(checked against lunr.py's own Builder in the tests) without its per-document
overhead.

The index is bare: no stemmer, stop words or trimmer (lunr.js's trimmer
deletes Han characters). The search pipeline holds one identity function
under LABEL, which search-engine.js registers under the same label.
"""
from __future__ import annotations

import math
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .documents import SearchDoc
from .fold import fold
from .lunrjson import build_index
from .tokenize import index_tokens, number_tail, runs

LABEL = "gazette-terms"
FIELDS = (("t", 10), ("m", 2), ("b", 1))  # title+subtitle, bylines/places, body
SHARD_CHARS = 120_000  # terms (≈ characters of text) per shard at least; file sizes: bench/search.md
MAX_SHARDS = 256  # beyond, shards grow instead: every article repeats a field-vector header in each


@dataclass(frozen=True)
class Plan:
    """Where terms go: `shards` shards by hash of the first character, then the hot characters'
    own shards, `hot[char] = (first shard, count)`, split by hash of the second character."""

    shards: int
    hot: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.shards + sum(n for _, n in self.hot.values())

    def payload(self) -> dict:
        return {"shards": self.shards, "hot": {c: list(v) for c, v in sorted(self.hot.items())}}

    @classmethod
    def from_payload(cls, payload: dict) -> "Plan":
        return cls(payload["shards"], {c: (v[0], v[1]) for c, v in payload["hot"].items()})


def fnv1a(text: str) -> int:
    """FNV-1a (32 bit) over the code points of `text`."""
    h = 0x811C9DC5
    for char in text:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_of(term: str, plan: Plan) -> int:
    """The shard holding `term`: by its first character, or for a hot one by its second."""
    hot = plan.hot.get(term[0])
    if hot is None:
        return fnv1a(term[0]) % plan.shards
    first, count = hot
    return first + (fnv1a(term[1]) % count if len(term) > 1 else 0)


def starts(docs: list[SearchDoc]) -> Counter:
    """How many index terms start with each character (with repeats): every Han character
    starts exactly one term, every other word its first character, a number's tail ~."""
    counts: Counter = Counter()
    for doc in docs:
        for kind, run in runs(fold(doc.title + "\n" + doc.meta + "\n" + doc.body)):
            if kind == "han":
                counts.update(run)
            else:
                counts[run[0]] += 1
                tail = number_tail(run)
                if tail:
                    counts[tail[0]] += 1
    return counts


def plan_shards(docs: list[SearchDoc]) -> Plan:
    """≈ SHARD_CHARS terms per shard, or more for ≈ MAX_SHARDS shards in a large archive
    (each article costs a field-vector header in every shard, so the shard count must not grow
    with the archive); a character starting more than half a shard's worth of terms is hot."""
    counts = starts(docs)
    size = max(SHARD_CHARS, sum(counts.values()) / MAX_SHARDS)
    hot_chars = sorted(c for c, n in counts.items() if n > size / 2)
    rest = sum(counts.values()) - sum(counts[c] for c in hot_chars)
    shards = max(1, math.ceil(rest / size))
    hot, first = {}, shards
    for char in hot_chars:
        count = math.ceil(counts[char] / size)
        hot[char] = (first, count)
        first += count
    return Plan(shards, hot)


def _fields(doc: SearchDoc) -> tuple[list[str], ...]:
    return index_tokens(doc.title), index_tokens(doc.meta), index_tokens(doc.body)


def _build(rows, documents: int) -> dict:
    return compact(build_index(rows, FIELDS, LABEL, documents))


def compact(index: dict) -> dict:
    """Shrink a serialized lunr index without changing what lunr.js can read from it.

    - terms are renumbered by how many postings they have, most first, so the
      numbers repeated in every field vector are short where they recur;
    - scores are written ×100 as whole numbers (lunr.py writes 3 decimals):
      "14" instead of "0.139"; lunr's score is linear in them, so every score
      scales alike and the order is kept up to 0.01. Elements that round to 0
      (terms in nearly every article, whose IDF is ≈ 0) are left out: a missing
      element counts as 0 in lunr's dot product;
    - field vectors left empty are dropped (lunr.js looks a vector up only for a
      field ref found in a posting, and every posting keeps its vector).
    Smaller by what bench/search.md measures; ranking within a tier may only change
    between scores less than 0.01 apart.
    """
    fields = index["fields"]
    postings = [(term, posting) for term, posting in index["invertedIndex"]]
    by_count = sorted(range(len(postings)), key=lambda i: (-sum(len(postings[i][1][f]) for f in fields), i))
    new = {postings[old][1]["_index"]: rank for rank, old in enumerate(by_count)}
    inverted = [[term, {**posting, "_index": new[posting["_index"]]}] for term, posting in postings]
    vectors = []
    for ref, flat in index["fieldVectors"]:
        pairs = sorted((new[flat[i]], round(flat[i + 1] * 100)) for i in range(0, len(flat), 2))
        vectors.append([ref, [x for pair in pairs if pair[1] for x in pair]])
    keep = {f"{f}/{doc}" for _, posting in inverted for f in fields for doc in posting[f]}
    return {**index, "invertedIndex": inverted, "fieldVectors": [v for v in vectors if v[1] or v[0] in keep]}


def build_shards(docs: list[SearchDoc], plan: Plan) -> Iterator[dict]:
    """One serialized lunr index per shard (see `compact`), in shard order, one at a time
    (consume each before the next)."""
    if plan.total == 1:
        yield _build(((d.ref, _fields(d)) for d in docs), len(docs))
        return
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        paths = [Path(tmp) / f"{k}.tsv" for k in range(plan.total)]
        _spill(docs, paths, plan)
        for path in paths:
            yield _build(_read_spill(path), len(docs))


def _spill(docs: list[SearchDoc], paths: list[Path], plan: Plan) -> None:
    """Write each article's terms of shard k to file k: ref, then one tab-separated column per field.

    Terms never contain white space. Articles with no term in a shard are left out.
    """
    homes: dict[str, int] = {}  # term → shard, memoized: a few hundred thousand terms recur
    outs = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for doc in docs:
            split: dict[int, list[list[str]]] = {}
            for f, terms in enumerate(_fields(doc)):
                for term in terms:
                    home = homes.get(term)
                    if home is None:
                        home = homes[term] = shard_of(term, plan)
                    if home not in split:
                        split[home] = [[] for _ in FIELDS]
                    split[home][f].append(term)
            for home, fields in split.items():
                outs[home].write(doc.ref + "\t" + "\t".join(" ".join(terms) for terms in fields) + "\n")
    finally:
        for out in outs:
            out.close()


def _read_spill(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            ref, *fields = line.rstrip("\n").split("\t")
            yield ref, tuple(column.split(" ") if column else [] for column in fields)
