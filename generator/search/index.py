"""The lunr index, split into shards by the first character of each term.

Every term lives in exactly one shard, chosen by a rule both sides compute
(`shard_of` here, `shardOf` in search-engine.js), so a query loads only the
shards of its own terms. A shard holds postings only (wire.py); the field lengths
that scoring needs are one file for all shards, so a term's IDF and BM25 score are
those of one big lunr index over every article.

Sharding by first character (not by the whole term) keeps every term that
starts with a character X in one place, so a one-character query is lunr's
prefix query X* in one shard (tokenize.py indexes bigrams and only the last
character of each Han run). A character so common that its terms would
overfill a shard (的, 国, 新 in a large archive) is "hot": its terms get
shards of their own, split by the term's second character. A hot Han
character also gets a posting list of its own, one shard holding one term
(#的, in the character fields T, M, B: `char_columns`), so that a
one-character query for it loads that list, not every shard of its bigrams.
`Plan` records the split; docs.js carries it to the browser.

The build is sharded too: one pass tokenizes every article once, counts its
field lengths and spills each shard's terms to a temporary file; then the shards
are counted and encoded one at a time.

The index is bare: no stemmer, stop words or trimmer (lunr.js's trimmer
deletes Han characters). search-engine.js gives the rebuilt indexes a search
pipeline of one identity step registered under LABEL (lunr.js refuses unknown labels).
"""
from __future__ import annotations

import math
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .documents import SearchDoc
from ..text.han import is_han
from .fold import fold
from .tokenize import index_tokens, number_tail, runs
from .wire import lengths_payload, shard_payload

LABEL = "gazette-terms"
TEXT_FIELDS = (("t", 10), ("m", 2), ("b", 1))  # title+subtitle, bylines/places, body
# The character fields: one term per term of t, m, b, its first character marked with CHAR, so a
# character field is exactly as long as its text field (its lengths are those of t, m, b: wire.params)
# and #的 is held by exactly the articles the prefix query 的* finds. Only hot characters' terms
# are written (one shard each); the others' would never be asked.
CHAR_FIELDS = tuple((name.upper(), boost) for name, boost in TEXT_FIELDS)
FIELDS = TEXT_FIELDS + CHAR_FIELDS
CHAR = "#"  # never in a term of the text fields (tokenize.py: no punctuation in a term)
SHARD_CHARS = 30_000  # terms (≈ characters of text) per shard; file sizes: bench/search.md


@dataclass(frozen=True)
class Plan:
    """Where terms go: `shards` shards by hash of the first character, then the hot characters'
    own shards, `hot[char] = (first shard, count)`, split by hash of the second character, then
    one shard for each hot Han character's own posting list, `lists[char] = shard` (#char)."""

    shards: int
    hot: dict[str, tuple[int, int]] = field(default_factory=dict)
    lists: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.shards + sum(n for _, n in self.hot.values()) + len(self.lists)

    def payload(self) -> dict:
        return {"shards": self.shards, "hot": {c: list(v) for c, v in sorted(self.hot.items())},
                "lists": dict(sorted(self.lists.items()))}

    @classmethod
    def from_payload(cls, payload: dict) -> "Plan":
        return cls(payload["shards"], {c: (v[0], v[1]) for c, v in payload["hot"].items()}, dict(payload["lists"]))


def fnv1a(text: str) -> int:
    """FNV-1a (32 bit) over the code points of `text`."""
    h = 0x811C9DC5
    for char in text:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_of(term: str, plan: Plan) -> int:
    """The shard holding `term`: by its first character, or for a hot one by its second; a hot
    character's own list (#的) in its shard."""
    if term[0] == CHAR:
        return plan.lists[term[1:]]
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
    """≈ SHARD_CHARS terms per shard, however large the archive (a shard costs only its
    postings: bench/search.md); a character starting more than half a shard's worth of terms is hot,
    and a hot Han character gets a list of its own."""
    counts = starts(docs)
    hot_chars = sorted(c for c, n in counts.items() if n > SHARD_CHARS / 2)
    rest = sum(counts.values()) - sum(counts[c] for c in hot_chars)
    shards = max(1, math.ceil(rest / SHARD_CHARS))
    hot, first = {}, shards
    for char in hot_chars:
        count = math.ceil(counts[char] / SHARD_CHARS)
        hot[char] = (first, count)
        first += count
    lists = {char: first + k for k, char in enumerate(c for c in hot_chars if is_han(c))}
    return Plan(shards, hot, lists)


def char_columns(fields: tuple[list[str], ...], plan: Plan) -> tuple[list[str], ...]:
    """The character fields of an article whose text fields hold `fields`: #X for each term
    starting with a character X that has a list of its own (see CHAR_FIELDS)."""
    return tuple([CHAR + term[0] for term in column if term[0] in plan.lists] for column in fields)


def _fields(doc: SearchDoc) -> tuple[list[str], ...]:
    return index_tokens(doc.title), index_tokens(doc.meta), index_tokens(doc.body)


def _shard(rows) -> dict:
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


def build_shards(docs: list[SearchDoc], plan: Plan) -> Iterator[dict]:
    """The field lengths of every article (one payload for all shards), then one payload per
    shard, in shard order, one at a time (consume each before the next)."""
    names = tuple(name for name, _ in TEXT_FIELDS)
    if plan.total == 1:
        rows = [(n, _fields(d)) for n, d in enumerate(docs)]
        yield lengths_payload((tuple(map(len, fields)) for _, fields in rows), names)
        yield _shard(rows)
        return
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        paths = [Path(tmp) / f"{k}.tsv" for k in range(plan.total)]
        lengths = _spill(docs, paths, plan)
        yield lengths_payload(lengths, names)
        for path in paths:
            yield _shard(_read_spill(path))


def _spill(docs: list[SearchDoc], paths: list[Path], plan: Plan) -> list[tuple[int, ...]]:
    """Write each article's terms of shard k to file k: its number, then one tab-separated column
    per field; return every article's field lengths.

    Terms never contain white space. Articles with no term in a shard are left out.
    """
    homes: dict[str, int] = {}  # term → shard, memoized: a few hundred thousand terms recur
    lengths = []
    outs = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for number, doc in enumerate(docs):
            split: dict[int, list[list[str]]] = {}
            fields = _fields(doc)
            lengths.append(tuple(map(len, fields)))
            for f, terms in enumerate(fields + char_columns(fields, plan)):
                for term in terms:
                    home = homes.get(term)
                    if home is None:
                        home = homes[term] = shard_of(term, plan)
                    if home not in split:
                        split[home] = [[] for _ in FIELDS]
                    split[home][f].append(term)
            for home, columns in split.items():
                outs[home].write(f"{number}\t" + "\t".join(" ".join(terms) for terms in columns) + "\n")
    finally:
        for out in outs:
            out.close()
    return lengths


def _read_spill(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            number, *fields = line.rstrip("\n").split("\t")
            yield int(number), tuple(column.split(" ") if column else [] for column in fields)
