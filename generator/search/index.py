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
(#的, in the character fields T, M, B: `with_characters`), so that a
one-character query for it loads that list, not every shard of its bigrams.
`Plan` records the split; docs.js carries it to the browser, all but the lists' shards, which
both sides derive from the hot characters (`own_lists`).

This module holds the pieces, as pure functions: an article's terms (tokenized
once: the plan counts first characters from them), a shard's postings made from
them or patched when an article changes, and both as plain lists for the cache.
shards.py puts them together.

The index is bare: no stemmer, stop words or trimmer (lunr.js's trimmer
deletes Han characters). search-engine.js gives the rebuilt indexes a search
pipeline of one identity step registered under LABEL (lunr.js refuses unknown labels).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, repeat
from operator import itemgetter
from typing import Iterable, Iterator

from .documents import SearchDoc
from ..text.han import is_han
from .tokenize import index_tokens
from .wire import planes

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
PIECES = 16  # files a shard is written in, in an archive of PIECES_FROM shards or more (bench/search.md)
PIECES_FROM = 64


@dataclass(frozen=True)
class Plan:
    """Where terms go: `shards` shards by hash of the first character, then the hot characters'
    own shards, `hot[char] = (first shard, count)`, split by hash of the second character, then
    one shard for each hot Han character's own posting list, `lists[char] = shard` (#char).

    `pieces`: the files each shard but an own list is written in, a term in piece
    `piece_of(term)`. A shard is what a query's terms are scored together in (search-engine.js
    `match` divides by the length of the query vector of the terms asked of one shard), so the
    shards stay as they are; the pieces only let a query load the part of a shard its terms are
    in, not every term of the shard (most of its bytes: bench/search.md)."""

    shards: int
    hot: dict[str, tuple[int, int]] = field(default_factory=dict)
    lists: dict[str, int] = field(default_factory=dict)
    pieces: int = 1

    @cached_property
    def total(self) -> int:
        """Shards in all (asked once per shard while the build lists its files: summed once)."""
        return self.shards + sum(n for _, n in self.hot.values()) + len(self.lists)

    def payload(self, present: list[int] | None = None) -> dict:
        """The plan as docs.js carries it: `lists` follow from the rest (`own_lists`); `pieces`
        only when a shard has more than one, and then, given each shard's `shards.present`, those
        of the shards in pieces in `wire.planes` (a piece of no term has no file)."""
        pieces = {"pieces": self.pieces} if self.pieces > 1 else {}
        if pieces and present is not None:
            pieces["present"] = planes(present[:self.total - len(self.lists)])
        return {"shards": self.shards, "hot": {c: list(v) for c, v in sorted(self.hot.items())}, **pieces}

    @classmethod
    def from_payload(cls, payload: dict) -> "Plan":
        hot = {c: (v[0], v[1]) for c, v in payload["hot"].items()}
        return cls(payload["shards"], hot, own_lists(payload["shards"], hot), payload.get("pieces", 1))

    def pieces_of(self, k: int) -> int:
        """How many files shard k is written in: an own list's one term, one."""
        return 1 if k >= self.total - len(self.lists) else self.pieces


def piece_of(term: str, pieces: int) -> int:
    """The piece of its shard a term is written in (search-engine.js `pieceOf`)."""
    return fnv1a(term) % pieces


def own_lists(shards: int, hot: dict[str, tuple[int, int]]) -> dict[str, int]:
    """Each hot Han character's own list (#的): one shard each after every hot character's shards,
    in code point order (search-engine.js `ownLists` computes the same from docs.js)."""
    first = shards + sum(n for _, n in hot.values())
    return {char: first + k for k, char in enumerate(c for c in sorted(hot) if is_han(c))}


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


def plan_shards(counts: Counter) -> Plan:
    """≈ SHARD_CHARS terms per shard, however large the archive (a shard costs only its
    postings: bench/search.md); a character starting more than half a shard's worth of terms is hot,
    and a hot Han character gets a list of its own; from PIECES_FROM shards on, each in PIECES files. `counts`: how many index terms start with each
    character, with repeats (`starts`)."""
    hot_chars = sorted(c for c, n in counts.items() if n > SHARD_CHARS / 2)
    rest = sum(counts.values()) - sum(counts[c] for c in hot_chars)
    shards = max(1, math.ceil(rest / SHARD_CHARS))
    hot, first = {}, shards
    for char in hot_chars:
        count = math.ceil(counts[char] / SHARD_CHARS)
        hot[char] = (first, count)
        first += count
    # A small archive's few shards are loaded whole: pieces would only add files.
    return Plan(shards, hot, own_lists(shards, hot), PIECES if first >= PIECES_FROM else 1)



Terms = tuple[tuple[int, ...], tuple[dict[str, int], ...]]  # one article: per text field its length and term → tf
Postings = dict[str, tuple[dict[int, int], ...]]  # one shard: term → per field, article number → tf


def _fields(doc: SearchDoc) -> tuple[list[str], ...]:
    return index_tokens(doc.title), index_tokens(doc.meta), index_tokens(doc.body)


def article_terms(doc: SearchDoc) -> Terms:
    """What the index keeps of one article: its length in terms per field, and per field each
    term's frequency (terms in order of first appearance)."""
    fields = _fields(doc)
    return tuple(map(len, fields)), tuple(dict(Counter(field)) for field in fields)  # plain: marshal takes it


def start_characters(terms: Terms) -> Iterator[str]:
    """The first character of each of an article's index terms, with repeats (every Han character
    starts exactly one term, every other word its first character, a number's tail ~); count
    them with `Counter` (which counts in C)."""
    return chain.from_iterable(chain.from_iterable(map(repeat, map(itemgetter(0), field), field.values())
                                                   for field in terms[1]))


def starts(terms: Terms) -> Counter:
    """How many of an article's index terms start with each character (`plan_shards` wants the sum)."""
    return Counter(start_characters(terms))


def terms_entry(terms: Terms) -> list:
    """`terms` as plain lists (cache.pack): lengths, then per field its terms and their frequencies."""
    lengths, fields = terms
    return [list(lengths), *([list(field), list(field.values())] for field in fields)]


def terms_from(entry) -> Terms:
    """`terms_entry` back; ValueError if `entry` is not one (a damaged or foreign cache)."""
    try:
        lengths, *fields = entry
        out = []
        for terms, tfs in fields:
            if len(terms) != len(tfs) or (terms and not _strings(terms)) or (tfs and not _counts(tfs, 1)):
                raise ValueError
            out.append(dict(zip(terms, tfs)))
        if len(out) != len(TEXT_FIELDS) or len(lengths) != len(TEXT_FIELDS) or not _counts(lengths, 0):
            raise ValueError
    except (TypeError, ValueError):
        raise ValueError("not an article's terms") from None
    return tuple(lengths), tuple(out)


def _strings(values: list) -> bool:
    return set(map(type, values)) == {str} and min(map(len, values)) > 0


def _counts(values: list, least: int) -> bool:
    return set(map(type, values)) <= {int} and (not values or min(values) >= least)


Flat = list[int]  # article number, tf, article number, tf, … in article order
Split = tuple[dict[str, Flat], ...]  # per field, term → its postings there


def with_characters(terms: Terms, plan: Plan) -> tuple[dict[str, int], ...]:
    """An article's term frequencies in every field of the index: its text fields, then the
    character fields the plan's lists make of them (#的: how many of the field's terms start with 的);
    the text fields alone when the plan has no lists."""
    fields = terms[1]
    if not plan.lists:
        return fields
    chars = []
    for column in fields:
        counts: dict[str, int] = {}
        for term, tf in column.items():
            if term[0] in plan.lists:
                counts[CHAR + term[0]] = counts.get(CHAR + term[0], 0) + tf
        chars.append(counts)
    return tuple(fields) + tuple(chars)


def split_postings(numbered: Iterable[tuple[int, Terms]], plan: Plan, homes: dict[str, int]) -> list[Split]:
    """The postings of some articles, in order, split by shard. `homes` memoizes `shard_of`."""
    shards: list[Split] = [tuple({} for _ in FIELDS) for _ in range(plan.total)]
    tables = [[shard[f] for shard in shards] for f in range(len(FIELDS))]  # per field, per shard
    home_of = homes.get
    for number, terms in numbered:
        for table, column in zip(tables, with_characters(terms, plan)):
            for term, home, tf in zip(column, map(home_of, column), column.values()):
                if home is None:
                    home = homes[term] = shard_of(term, plan)
                into = table[home]
                flat = into.get(term)
                if flat is None:
                    into[term] = [number, tf]
                else:
                    flat += number, tf
    return shards


def merge_postings(parts: Iterable[Split]) -> Split:
    """One shard's postings from those of consecutive ranges of articles (`split_postings`), in order."""
    merged: Split = tuple({} for _ in FIELDS)
    for part in parts:
        for into, column in zip(merged, part):
            for term, flat in column.items():
                got = into.get(term)
                if got is None:
                    into[term] = flat
                else:
                    got += flat
    return merged


def split_entry(merged: Split) -> list:
    """`Split` postings as `postings_entry` writes them."""
    return [[term, *(field.get(term, []) for field in merged)] for term in dict.fromkeys(chain.from_iterable(merged))]


def unflat(merged: Split) -> Postings:
    """`Split` postings as `Postings`."""
    terms = dict.fromkeys(chain.from_iterable(merged))
    return {term: tuple(dict(zip(flat[0::2], flat[1::2])) if (flat := field.get(term)) else {} for field in merged)
            for term in terms}


def postings_entry(postings: Postings) -> list:
    """`postings` as plain lists (cache.pack): per term, the term, then per field its article
    numbers and frequencies, interleaved (`Flat`)."""
    return [[term, *(list(chain.from_iterable(field.items())) for field in fields)] for term, fields in postings.items()]


def postings_from(entry, articles: int) -> Postings:
    """`postings_entry` back; ValueError if `entry` is not one of an index of `articles` articles."""
    postings: Postings = {}
    try:
        for term, *fields in entry:
            if type(term) is not str or not term or len(fields) != len(FIELDS):
                raise ValueError
            out = []
            for flat in fields:
                if flat and (not _counts(flat, 0) or max(flat[0::2]) >= articles or min(flat[1::2]) < 1):
                    raise ValueError
                out.append(dict(zip(flat[0::2], flat[1::2])))
            postings[term] = tuple(out)
    except (TypeError, ValueError):
        raise ValueError("not a shard's postings") from None
    return postings


def patch(postings: Postings, changes: Iterable[tuple[str, int, int, int]]) -> None:
    """Apply (term, field, article number, new tf or 0 for none) to a shard's postings; a term
    left with no posting in any field is gone, as a full build would not have it."""
    for term, f, number, tf in changes:
        entry = postings.get(term)
        if entry is None:
            if not tf:
                continue
            entry = postings[term] = tuple({} for _ in FIELDS)
        if tf:
            entry[f][number] = tf
        else:
            entry[f].pop(number, None)
            if not any(entry):
                del postings[term]


def changes(number: int, old: Terms | None, new: Terms | None, plan: Plan) -> Iterator[tuple[str, int, int, int]]:
    """What becomes of the postings of article `number` when its terms go from `old` to `new`
    (None: no article): (term, field, number, new tf or 0), for the terms whose tf changes, in the
    text fields and the character fields alike."""
    empty: tuple[dict[str, int], ...] = tuple({} for _ in FIELDS)
    before_fields = with_characters(old, plan) if old is not None else empty
    after_fields = with_characters(new, plan) if new is not None else empty
    for f, (before, after) in enumerate(zip(before_fields, after_fields)):
        for term, tf in before.items():
            if after.get(term) != tf:
                yield term, f, number, after.get(term, 0)
        for term, tf in after.items():
            if term not in before:
                yield term, f, number, tf
