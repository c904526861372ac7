"""Turning folded text into index terms and queries into required terms.

One scheme, implemented twice (here and in `search-tokenize.js` beside
this file, shipped by the build) and pinned by `tests/search/token_vectors.json`:

- Han runs (`generator.text.han`: CJK ideographs and 〇) index every overlapping character
  bigram and the run's last character alone: 新疆日报 → 新疆 疆日 日报 报.
  So every occurrence of a character X starts exactly one term (a bigram
  X? or the lone X ending a run), and a one-character query is the prefix
  query X* in the one shard that holds the terms starting with X (index.py
  shards by first character). Indexing every character alone made the
  index much larger (bench/search.md).
- A dot between two Han characters is not there: Uyghur and Kazakh names
  are written 吐尔逊·阿那依提 (· • ・ ‧ ∙ ･, or "." in OCR), typed without
  it, and must be one run so that 逊阿 is a term. `comparable` is the text
  as search compares it (folded, such dots removed): queries, phrase checks
  and highlights use it, while what is shown keeps its dot.
- Runs of other letters, digits and marks (Latin, Uyghur, numbers) are
  one lower-case word each; everything else separates. A number of two or
  more digits (a run of 0-9) also indexes its tail: ~ and its last two digits
  (0906-2120082 → 0906 ~06 2120082 ~82), one term more per number, so that
  a query starting inside a number can be asked of the index.
- A query word asks for its bigrams (or its single character when the Han
  run is one character long, asked as a prefix X*) and its words, all of
  them required. A number of two or more digits that starts a query word
  of several runs may be the tail of a longer number (82监督投诉 is in
  0906-2120082监督投诉): it asks for its tail term (~82), and the word is
  checked as a substring of the text anyway. A word written with a leading minus (-湖) is excluded
  instead: articles containing it are left out (`parse_query`).
"""
from __future__ import annotations

import re
import unicodedata
from operator import add

from ..text.han import HAN_CLASS, is_han
from .fold import fold


class _KindTable(dict):
    """str.translate table, filled on demand: code point → 'h' (Han), 'w' (word) or ' '."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kind = "h" if is_han(char) else "w" if unicodedata.category(char)[0] in "LNM" else " "
        self[code] = kind
        return kind


_KINDS = _KindTable()
# Middle dots of transliterated names; "．" and "･" are folded to "." and "・" before this.
NAME_DOTS = "\u00b7\u2022\u30fb\u2027\u2219\uff65."
_NAME_DOT = re.compile(f"(?<=[{HAN_CLASS}])[{re.escape(NAME_DOTS)}](?=[{HAN_CLASS}])")
_RUN = re.compile(r"h+|w+")
_NUMBER = re.compile(r"[0-9]{2,}")
TAIL = "~"  # marks a number's tail term; never inside a word run (not a letter, digit or mark)
# Written out so that Python and JavaScript split queries on the same characters.
_SPACE = re.compile("[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")


def join_names(folded: str) -> str:
    """Folded text without the dots between two Han characters (吐尔逊·阿那依提 → 吐尔逊阿那依提)."""
    return _NAME_DOT.sub("", folded)


def comparable(text: str) -> str:
    """`text` as search compares it: folded, and a name's dots gone (see the module docstring)."""
    return join_names(fold(text))


def runs(folded: str) -> list[tuple[str, str]]:
    """Split folded text into (kind, run) pairs; kind is 'han' or 'word'. A dot between two Han
    characters joins their runs."""
    folded = join_names(folded)
    kinds = folded.translate(_KINDS)
    return [("han" if kinds[m.start()] == "h" else "word", folded[m.start():m.end()])
            for m in _RUN.finditer(kinds)]


def number_tail(run: str) -> str | None:
    """The tail term of a word run that is a number of two or more digits (2120082 → ~82), else None."""
    return TAIL + run[-2:] if _NUMBER.fullmatch(run) else None


def index_tokens(text: str) -> list[str]:
    """Every term the index stores for `text`, in order, with repeats (term frequency counts)."""
    tokens: list[str] = []
    for kind, run in runs(fold(text)):
        if kind == "word":
            tokens.append(run)
            tail = number_tail(run)
            if tail:
                tokens.append(tail)
            continue
        tokens += map(add, run, run[1:])  # its bigrams
        tokens.append(run[-1])
    return tokens


def word_terms(word: str) -> list[str]:
    """The terms one query word requires, deduplicated, in order."""
    terms: list[str] = []
    parts = runs(fold(word))
    for at, (kind, run) in enumerate(parts):
        tail = number_tail(run) if at == 0 and len(parts) > 1 else None
        if tail:
            terms.append(tail)
        elif kind == "word" or len(run) == 1:
            terms.append(run)
        else:
            terms.extend(run[i:i + 2] for i in range(len(run) - 1))
    return list(dict.fromkeys(terms))


def parse_query(query: str) -> tuple[list[str], list[str]]:
    """(words, excluded): a query's words made comparable, split on any white space (incl.
    U+3000), those without terms dropped; a word written with leading minus signs (-湖, or
    full-width －湖, folded to -) is excluded, the others are required. Each list is deduplicated."""
    words: list[str] = []
    excluded: list[str] = []
    for word in _SPACE.split(comparable(query)):
        bare = word.lstrip("-")
        if word_terms(bare):
            (excluded if bare != word else words).append(bare)
    return list(dict.fromkeys(words)), list(dict.fromkeys(excluded))


def query_words(query: str) -> list[str]:
    """The words a query requires (see `parse_query`)."""
    return parse_query(query)[0]


def excluded_words(query: str) -> list[str]:
    """The words a query excludes (see `parse_query`)."""
    return parse_query(query)[1]
