"""Character folding shared by the index and the query: width, case, Traditional→Simplified.

Folding is defined per code point, so a folded text lines up with its
original (the browser needs that to place highlights) and the Python and
JavaScript sides agree: NFKC (full-width → half-width), then lower case,
then one Traditional → Simplified character mapping. The mapping is
generated at build time from OpenCC's dictionaries (the maintained
`opencc-python-reimplemented` package) and shipped to the browser as a
generated asset; it is never written by hand. The page loads that asset only for a query with a
character it maps (docs.js lists them: `t2s_keys`); a text file carries the entries its own
text needs (`t2s_entries`), so an article is folded alike either way.
"""
from __future__ import annotations

import json
import unicodedata
from functools import lru_cache

from ..text.fold import TS_CHARACTERS, read_table

# OpenCC's Taiwan/Hong Kong variant → standard Traditional tables, then
# standard Traditional → Simplified; the first candidate of each line wins.
_VARIANT_TABLES = ("TWVariantsRev.txt", "HKVariantsRev.txt")


@lru_cache(maxsize=1)
def t2s_table() -> dict[str, str]:
    """Single-character Traditional → Simplified map (only characters that change)."""
    ts = read_table(TS_CHARACTERS)
    table = {}
    for name in _VARIANT_TABLES:
        for variant, standard in read_table(name).items():
            table[variant] = ts.get(standard, standard)
    table.update(ts)
    return {k: v for k, v in sorted(table.items()) if len(v) == 1 and v != k}


class _FoldCache(dict):
    """Memo of fold_char; archives reuse a few thousand characters millions of times."""

    def __missing__(self, char: str) -> str:
        folded = fold_char(char)
        self[char] = folded
        return folded


_CACHE = _FoldCache()


def fold_char(char: str) -> str:
    table = t2s_table()
    folded = unicodedata.normalize("NFKC", char).lower()
    return "".join(table.get(c, c) for c in folded)


def fold(text: str) -> str:
    """Fold every code point of `text` (see the module docstring)."""
    return "".join(map(_CACHE.__getitem__, text))


def t2s_keys() -> list[int]:
    """The code points the table maps, ascending: what a query must hold for the page to need it."""
    return sorted(map(ord, t2s_table()))


class _ThroughTable(dict):
    """Memo of whether a character's fold goes through the table: an entry, or one NFKC and
    lower case turn into one (⾨ → 門 → 门). Asked per character met rather than worked out for
    every code point at once, which cost a build that remakes one text file ≈ 0.25 s."""

    def __missing__(self, char: str) -> bool:
        table = t2s_table()
        folded = unicodedata.normalize("NFKC", char).lower()
        through = self[char] = char in table or (folded != char and not table.keys().isdisjoint(folded))
        return through


_THROUGH = _ThroughTable()


def t2s_entries(*texts: str) -> str:
    """The table's entries these texts fold through, as pairs of characters (from, to), in order
    of the from character: "" for a text in Simplified only."""
    table, found = t2s_table(), set()
    for c in set("".join(texts)):
        if _THROUGH[c]:
            found.update(d for d in unicodedata.normalize("NFKC", c).lower() if d in table)
    return "".join(d + table[d] for d in sorted(found))


def t2s_script() -> bytes:
    """The browser's copy of the mapping: a classic script assigning a global."""
    table = t2s_table()
    payload = json.dumps({"from": "".join(table), "to": "".join(table.values())}, ensure_ascii=False)
    return f"globalThis.GAZETTE_T2S={payload};\n".encode("utf-8")
