"""The index on the wire: what lunr.js needs to rebuild a shard, and nothing it can compute.

lunr's own serialization repeats each article's ref in every posting of every term
and a scored field vector per article in every shard (bench/search.md). Every
number in it follows from three things, so only those are written:

- per shard, its terms, and per term and field the article numbers that hold it
  (delta-encoded) with the term's frequency there (`shard_payload`);
- per article, the length of each text field in terms, once for all shards, one file
  per field (`lengths_payloads`: lunr's BM25 needs it, and the average it makes; a query
  loads only the fields its terms have postings in), and the same lengths cut in two: their
  high bits in one file per field (`coarse_payloads`), their low bits in one file per
  FINE_BLOCK articles for every field (`fine_payloads`). A length known to within its low bits
  bounds an article's score, which is all the first page needs of most hits: a query loads the
  low bits only of the articles whose place among the first results the bounds leave open
  (search-engine.js `settle`), and every length only once the first page is shown;
- BM25's k1 and b, the field boosts, the lengths file each field is
  scored with (a character field T has one term per term of t: index.CHAR_FIELDS), the
  article count, and per text field its shortest and longest length, their sum and how many
  low bits the coarse lengths leave out (`params`, in docs.js).

search-engine.js (`rebuild`) turns a shard back into the `lunr.Index` that lunr.py's
Builder would make for the same terms (its IDF, BM25 and 3-decimal rounding);
tests/search/test_search_wire.py checks that every query gets the same refs and
scores as `lunr.Index.load` of lunr.py's own serialization.

No metadata is indexed (lunr's default empty whitelist: no positions), so a posting
is only "this article, this many times".

Numbers are written as text, 5 bits per character, most significant first: a
character of `MORE` says another digit follows, one of `LAST` ends the number. A
posting is `2 × (gap − 1) + (tf > 1)`, then `tf − 2` when tf > 1: in a term held by
nearly every article most postings are the one character "0". A term's
fields are written in order, empty ones at the end left out.
"""
from __future__ import annotations

from typing import Iterable

from lunr.builder import Builder

LAST = "0123456789abcdefghijklmnopqrstuv"
MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-."
TERM_SEPARATOR, TERM_END, FIELD_END = " ", ";", ","  # never in a number, and terms hold no white space

# Low bits of each text field's lengths (t, m, b) in the fine files, None for a field with no coarse
# lengths (its fine files hold them whole), and articles per fine file. The coarse lengths are what
# every query of the field loads, the fine ones only the articles whose place the bounds leave open:
# the title's boost makes its lengths decide most (bench/search.md).
FINE_BITS = (3, None, None)
FINE_BLOCK = 32

_DEFAULTS = Builder()
K1, B = _DEFAULTS._k1, _DEFAULTS._b  # BM25 as lunr.py scores it (1.2, 0.75)




def number(value: int) -> str:
    """`value` ≥ 0 as text: 5 bits a character, the last from LAST, the others from MORE."""
    out = LAST[value & 31]
    value >>= 5
    while value:
        out = MORE[value & 31] + out
        value >>= 5
    return out


def planes(values: list[int]) -> str:
    """`values` ≥ 0, each written in as many LAST digits as the largest needs, most significant
    plane first: every value's top digit, then every value's next… A plane's digits are alike
    (a body's length from its shortest: a few top digits, 32 bottom ones) and gzip codes each
    plane's few symbols in fewer bits than it can the digits of variable-width numbers
    (bench/search.md). The width is the text's length over the count of values."""
    width, top = 1, max(values, default=0)
    while top >> (5 * width):
        width += 1
    return "".join("".join(LAST[(v >> shift) & 31] for v in values) for shift in range(5 * (width - 1), -1, -5))


_SMALL = tuple(number(value) for value in range(1024))  # most numbers of a posting list: looked up, not spelt


def postings(counts: Iterable[tuple[int, int]]) -> str:
    """(article number, term frequency) pairs, numbers ascending, as text."""
    out, previous, small = [], -1, _SMALL
    for article, tf in counts:
        value = 2 * (article - previous - 1) + (tf > 1)
        out.append(small[value] if value < 1024 else number(value))
        if tf > 1:
            out.append(small[tf - 2] if tf < 1026 else number(tf - 2))
        previous = article
    return "".join(out)


def code_unit_order(term: str) -> bytes:
    """lunr.js's TokenSet wants terms in JavaScript's string order (UTF-16 code units), which
    differs from Python's for characters beyond U+FFFF."""
    return term.encode("utf-16-be")


def shard_payload(terms: dict[str, list[dict[int, int]]]) -> dict:
    """term → per field {article number: tf} → the shard as written: terms in lunr.js's order
    (a term's position is its `_index`), and their postings, fields in order."""
    ordered = sorted(terms, key=code_unit_order)
    lists = (FIELD_END.join(postings(sorted(field.items())) for field in terms[term]).rstrip(FIELD_END)
             for term in ordered)
    return {"terms": TERM_SEPARATOR.join(ordered), "postings": TERM_END.join(lists)}


def lengths_payloads(lengths: Iterable[tuple[int, ...]], fields: int) -> list[dict]:
    """Each article's length in terms per field, in article order: per field (lengths-K.js for
    field K), each length less the field's shortest (`least`: bodies of 857–1,493 terms take 2
    digits, not 3), in `planes`; of a field with coarse lengths only the low bits they leave out
    (a query that needs every length has loaded the coarse ones already)."""
    columns = list(zip(*lengths)) or [() for _ in range(fields)]
    out = []
    for column, bits in zip(columns, FINE_BITS):
        least, mask = min(column, default=0), (1 << low) - 1 if (low := _low_bits(column, bits)) >= 0 else -1
        out.append({"least": least, "lengths": planes([(n - least) & mask for n in column])})
    return out


def params(fields: tuple[tuple[str, int], ...], lengths: list[tuple[int, ...]]) -> dict:
    """What lunr's scoring needs beyond postings and lengths (each article's, per text field);
    `lengths`: the lengths file (lengths-K.js, K a text field's position) each field is scored
    with, its own, or for a character field (upper case) its text field's; `bounds`: per text
    field [shortest, longest, sum, low bits]: an article's length before its files are read lies
    between the first two, the sum makes lunr's average exactly, and the coarse lengths leave out
    the low bits (`coarse_payloads`; -1: none)."""
    texts = [name for name, _ in fields if name.islower()]
    columns = list(zip(*lengths)) or [() for _ in texts]
    return {"fields": [name for name, _ in fields], "boosts": [boost for _, boost in fields],
            "lengths": [texts.index(name.lower()) for name, _ in fields], "k1": K1, "b": B, "count": len(lengths),
            "bounds": [[min(c, default=0), max(c, default=0), sum(c), _low_bits(c, bits)] for c, bits in zip(columns, FINE_BITS)],
            "block": FINE_BLOCK}


def _low_bits(column: tuple[int, ...], bits: int | None) -> int:
    """The low bits the coarse lengths of a field leave out, -1 for a field with none."""
    return bits if bits is not None and column and (max(column) - min(column)) >> bits else -1


def coarse_payloads(lengths: list[tuple[int, ...]]) -> list[dict | None]:
    """Per text field, each article's length less the shortest with its FINE_BITS low bits left out,
    in `planes` (coarse-K.js); None for a field whose lengths all differ in their low bits only
    (no file: the bounds in docs.js say as much)."""
    out = []
    for column, bits in zip(list(zip(*lengths)) or [()] * len(FINE_BITS), FINE_BITS):
        bits, least = _low_bits(column, bits), min(column, default=0)
        out.append({"coarse": planes([(n - least) >> bits for n in column])} if bits >= 0 else None)
    return out


def fine_payloads(lengths: list[tuple[int, ...]]) -> list[list[str]]:
    """Per FINE_BLOCK articles (fine-NNN.js), per text field, each one's length less the shortest,
    its FINE_BITS low bits alone where the field has coarse lengths (`coarse_payloads`), in `planes`."""
    columns = list(zip(*lengths))
    kept = [(min(c), (1 << low) - 1 if (low := _low_bits(c, bits)) >= 0 else -1) for c, bits in zip(columns, FINE_BITS)]
    return [[planes([(n - least) & mask for n in column[start:start + FINE_BLOCK]]) for column, (least, mask) in zip(columns, kept)]
            for start in range(0, len(lengths), FINE_BLOCK)]
