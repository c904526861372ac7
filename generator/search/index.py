"""The lunr index, split by term into shards.

Every term lives in exactly one shard, chosen by a hash both sides compute
(`shard_of` here, `shardOf` in search-engine.js), so a query loads only the
shards of its own terms, and a term's IDF is computed over every article as
in one big index. Each shard is an ordinary lunr index over all articles.

The build is sharded too: one pass tokenizes every article once and spills
each shard's terms to a temporary file; then the shards are built one at a
time by `lunrjson.build_index`, which writes what lunr.py 0.8.0 writes
(checked against it in the tests) without lunr.py's per-document overhead.

The index is bare: no stemmer, stop words or trimmer (lunr.js's trimmer
deletes Han characters). The search pipeline holds one identity function
under LABEL, which search-engine.js registers under the same label.
"""
from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Iterator

from .documents import SearchDoc
from .lunrjson import build_index
from .tokenize import index_tokens

LABEL = "gazette-terms"
FIELDS = (("t", 10), ("m", 2), ("b", 1))  # title+subtitle, bylines/places, body
SHARD_CHARS = 120_000  # text per shard: ≈ 2.5 MB of index (≈ 20 bytes of index per character)


def shard_count(docs: list[SearchDoc]) -> int:
    """Enough shards for ≈ SHARD_CHARS of text each."""
    chars = sum(len(d.title) + len(d.meta) + len(d.body) for d in docs)
    return max(1, math.ceil(chars / SHARD_CHARS))


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bit) over the term's code points, modulo the shard count."""
    h = 0x811C9DC5
    for char in term:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h % shards


def _fields(doc: SearchDoc) -> tuple[list[str], ...]:
    return index_tokens(doc.title), index_tokens(doc.meta), index_tokens(doc.body)


def _build(rows, documents: int) -> dict:
    index = build_index(rows, FIELDS, [LABEL], documents)
    index["fieldVectors"] = [pair for pair in index["fieldVectors"] if pair[1]]
    return index


def build_shards(docs: list[SearchDoc], shards: int) -> Iterator[dict]:
    """One serialized lunr index per shard, in shard order, one at a time (consume each before the next).

    Field vectors with no terms are left out: lunr.js looks a vector up only
    for a field ref found in a posting, so they change no result.
    """
    if shards == 1:
        yield _build(((d.ref, _fields(d)) for d in docs), len(docs))
        return
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        paths = [Path(tmp) / f"{k}.tsv" for k in range(shards)]
        _spill(docs, paths)
        for path in paths:
            yield _build(_read_spill(path), len(docs))


def _spill(docs: list[SearchDoc], paths: list[Path]) -> None:
    """Write each article's terms of shard k to file k: ref, then one tab-separated column per field.

    Terms never contain white space. Articles with no term in a shard are left out.
    """
    shards = len(paths)
    homes: dict[str, int] = {}  # term → shard, memoized: a few hundred thousand terms recur
    outs = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for doc in docs:
            split: dict[int, list[list[str]]] = {}
            for f, terms in enumerate(_fields(doc)):
                for term in terms:
                    home = homes.get(term)
                    if home is None:
                        home = homes[term] = shard_of(term, shards)
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
