"""lunr.py's index, without lunr.py's per-document bookkeeping.

lunr.py's `Builder.add` does bookkeeping per document per index (tokens,
deep-copied metadata, field refs); with term shards every article is in every
shard, so its cost grows with articles × shards (bench/search.md: a 50,000-article
build did not finish).
So only the accumulation loop is ours: postings, term frequencies and field
lengths. Everything that defines the index is lunr.py's own: the IDF
(`lunr.idf.idf`), BM25 with `Builder`'s k1 and b, `lunr.vector.Vector`,
the pipeline registry and `lunr.index.Index.serialize` for the JSON lunr.js
loads. `tests/search/test_search_lunrjson.py` checks the result against a
plain lunr.py `Builder` byte for byte.
"""
from __future__ import annotations

from typing import Iterable

from lunr.builder import Builder
from lunr.idf import idf
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.vector import Vector

_DEFAULTS = Builder()
K1, B = _DEFAULTS._k1, _DEFAULTS._b  # BM25 as lunr.py scores it (1.2, 0.75)


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


def build_index(rows: Iterable[tuple[str, tuple[list[str], ...]]], fields: tuple[tuple[str, int], ...],
                label: str, documents: int | None = None) -> dict:
    """rows: (ref, terms per field) → lunr's serialized index (version 2.3.9).

    `documents` counts articles left out of `rows` because they have no terms
    here: they weigh in IDF and average field length (as zero-length fields)
    exactly as if added, and their empty field vectors are simply not written.
    """
    names = [name for name, _ in fields]
    inverted: dict[str, dict] = {}
    frequencies: dict[str, dict[str, int]] = {}
    lengths: dict[str, int] = {}
    seen = 0
    for ref, per_field in rows:
        seen += 1
        for name, terms in zip(names, per_field):
            field_ref = f"{name}/{ref}"
            tf: dict[str, int] = {}
            for term in terms:
                tf[term] = tf.get(term, 0) + 1
                posting = inverted.get(term)
                if posting is None:
                    posting = inverted[term] = {n: {} for n in names}
                    posting["_index"] = len(inverted) - 1
                posting[name][ref] = {}
            frequencies[field_ref] = tf
            lengths[field_ref] = len(terms)
    count = max(seen, documents or 0)
    totals = dict.fromkeys(names, 0)
    for field_ref, length in lengths.items():
        totals[field_ref.split("/", 1)[0]] += length
    boosts = dict(fields)
    idf_cache: dict[str, float] = {}
    vectors = {}
    for field_ref, tf in frequencies.items():
        name = field_ref.split("/", 1)[0]
        pairs = []
        if tf:
            norm = K1 * (1 - B + B * (lengths[field_ref] / (totals[name] / count)))
        for term, freq in tf.items():
            posting = inverted[term]
            term_idf = idf_cache.get(term)
            if term_idf is None:
                term_idf = idf_cache[term] = idf(posting, count)
            score = term_idf * ((K1 + 1) * freq) / (norm + freq)
            score *= boosts[name]
            score *= 1  # lunr's document boost
            pairs.append((posting["_index"], round(score, 3)))
        pairs.sort()
        vectors[field_ref] = Vector([x for pair in pairs for x in pair])
    return Index(inverted, vectors, None, names, search_pipeline(label)).serialize()
