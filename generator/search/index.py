"""The lunr index, built by lunr.py and split by term into shards.

Every term lives in exactly one shard, chosen by a hash both sides compute
(`shard_of` here, `shardOf` in search-engine.js), so a query loads only the
shards of its own terms, and a term's IDF is computed over every article as
in one big index. Each shard is an ordinary lunr index over all articles.

lunr.py needs ≈ 250 MB per 1,000 articles for one bigram index, so the build
is sharded too: one pass tokenizes every article once and spills each
shard's terms to a temporary file; then the shards are built one at a time.

The builder is bare: no stemmer, stop words or trimmer (lunr.js's trimmer
deletes Han characters). The search pipeline holds one identity function
under LABEL, which search-engine.js registers under the same label.
"""
from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from lunr.builder import Builder
from lunr.pipeline import Pipeline

from .documents import SearchDoc
from .tokenize import index_tokens

LABEL = "gazette-terms"
FIELDS = (("t", 10), ("m", 2), ("b", 1))  # title+subtitle, bylines/places, body
SHARD_CHARS = 120_000  # text per shard: ≈ 2.5 MB of index (≈ 20 bytes of index per character)


def _identity(token, i=None, tokens=None):
    return token


Pipeline.register_function(_identity, LABEL)


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


def _new_builder() -> Builder:
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.search_pipeline.add(_identity)
    builder.metadata_whitelist = []
    builder.ref("r")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    return builder


def _build(rows: Iterable[tuple[str, tuple[list[str], ...]]]) -> dict:
    builder = _new_builder()
    for ref, fields in rows:
        builder.add({"r": ref, **{name: terms for (name, _), terms in zip(FIELDS, fields)}})
    return _drop_empty_vectors(builder.build().serialize())


def _drop_empty_vectors(serialized: dict) -> dict:
    """Remove field vectors with no terms: most articles have none in a given field of a shard.

    lunr.js looks a field vector up only for a field ref found in a posting,
    and a field with no terms is in no posting, so this changes no result.
    """
    serialized["fieldVectors"] = [pair for pair in serialized["fieldVectors"] if pair[1]]
    return serialized


def build_shards(docs: list[SearchDoc], shards: int) -> Iterator[dict]:
    """One serialized lunr index per shard, in shard order, one at a time (consume each before the next)."""
    if not docs:  # lunr.py cannot average field lengths over no documents
        yield {"version": "2.3.9", "fields": [name for name, _ in FIELDS], "fieldVectors": [],
               "invertedIndex": [], "pipeline": [LABEL]}
        return
    if shards == 1:
        yield _build((d.ref, _fields(d)) for d in docs)
        return
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        paths = [Path(tmp) / f"{k}.jsonl" for k in range(shards)]
        _spill(docs, paths)
        for path in paths:
            yield _build(_read_spill(path))


def _spill(docs: list[SearchDoc], paths: list[Path]) -> None:
    shards = len(paths)
    homes: dict[str, int] = {}  # term → shard, memoized: a few hundred thousand terms recur
    outs = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for doc in docs:
            split = [[[] for _ in FIELDS] for _ in range(shards)]
            for f, terms in enumerate(_fields(doc)):
                for term in terms:
                    home = homes.get(term)
                    if home is None:
                        home = homes[term] = shard_of(term, shards)
                    split[home][f].append(term)
            for out, fields in zip(outs, split):
                out.write(json.dumps([doc.ref, fields], ensure_ascii=False) + "\n")
    finally:
        for out in outs:
            out.close()


def _read_spill(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            ref, fields = json.loads(line)
            yield ref, tuple(fields)
