"""A lean builder of lunr's serialized index, byte-for-byte what lunr.py 0.8.0 writes.

lunr.py spends ≈ 0.1–0.2 ms of bookkeeping per document per index (tokens,
deep-copied metadata, field refs); with term shards every article is in every
shard, so at 50,000 articles × 550 shards that alone would take well over an
hour. This builder keeps only what the serialized index holds: postings,
term frequencies and field lengths, scored with lunr's BM25 exactly as
`lunr.builder.Builder` does (same k1, b, IDF, rounding and orders).
`tests/search/test_search_lunrjson.py` checks it against lunr.py itself.
"""
from __future__ import annotations

import math
from typing import Iterable

K1, B = 1.2, 0.75  # lunr.builder.Builder defaults


def build_index(rows: Iterable[tuple[str, tuple[list[str], ...]]], fields: tuple[tuple[str, int], ...],
                pipeline: list[str], documents: int | None = None) -> dict:
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
    vectors = []
    for field_ref, tf in frequencies.items():
        name = field_ref.split("/", 1)[0]
        pairs = []
        if tf:
            norm = K1 * (1 - B + B * (lengths[field_ref] / (totals[name] / count)))
        for term, freq in tf.items():
            posting = inverted[term]
            idf = idf_cache.get(term)
            if idf is None:
                idf = idf_cache[term] = _idf(posting, count)
            score = idf * ((K1 + 1) * freq) / (norm + freq)
            score *= boosts[name]
            score *= 1  # lunr's document boost
            pairs.append((posting["_index"], round(round(score, 3), 3)))
        pairs.sort()
        vectors.append([field_ref, [x for pair in pairs for x in pair]])
    return {
        "version": "2.3.9", "fields": names, "fieldVectors": vectors,
        "invertedIndex": [[term, inverted[term]] for term in sorted(inverted)], "pipeline": pipeline,
    }


def _idf(posting: dict, count: int) -> float:
    with_term = sum(len(docs) for key, docs in posting.items() if key != "_index")
    x = (count - with_term + 0.5) / (with_term + 0.5)
    return math.log(1 + abs(x))
