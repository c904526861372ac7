"""Shards made the plain way, from each article's list of terms per field: the reference the
wire and cache tests hold the build's own path (index.split_postings) and lunr.py against."""
from __future__ import annotations

from generator.search.index import CHAR, FIELDS, Plan
from generator.search.wire import shard_payload


def shard_of_rows(rows) -> dict:
    """rows: (article number, terms per field) → the shard as wire.shard_payload writes it."""
    terms: dict[str, list[dict[int, int]]] = {}
    for number, per_field in rows:
        for f, column in enumerate(per_field):
            for term in column:
                counts = terms.get(term)
                if counts is None:
                    counts = terms[term] = [{} for _ in FIELDS]
                counts[f][number] = counts[f].get(number, 0) + 1
    return shard_payload(terms)


def char_columns(fields: tuple[list[str], ...], plan: Plan) -> tuple[list[str], ...]:
    """The character fields of an article whose text fields hold `fields`: #X for each term
    starting with a character X that has a list of its own (index.CHAR_FIELDS)."""
    return tuple([CHAR + term[0] for term in column if term[0] in plan.lists] for column in fields)
