"""Which code points are Han characters: the one definition every part of gazette asks.

The importer (spaces and line breaks between Chinese characters, names in
bylines), the gazetteer (place names wrapped across lines) and search (what
makes a Han run, indexed as bigrams) must agree, or a name the importer joins
is one search splits. The browser's copy in search-tokenize.js is checked
against this one by tests/text/test_han.py.

The ideographs of every CJK Unified Ideographs block (basic, extensions A to
G, the supplementary planes included: rare characters occur in personal
names), the compatibility ideographs, and 〇 (U+3007, the ideographic zero of
二〇二三年). Not radicals, strokes or the Yijing hexagram symbols (U+4DC0-4DFF)
that sit between extension A and the basic block.
"""
from __future__ import annotations

import re

HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F), (0x30000, 0x3134F),
)

# The ranges as the inside of a regular-expression character class: f"[{HAN_CLASS}]".
HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)


def is_han(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)


_HAN_RUN = re.compile(f"[{HAN_CLASS}]{{2,}}")


def han_pairs(text: str) -> set[str]:
    """The two-character pairs of the Han runs of `text`: what the importer compares of two texts
    (a headline and its lead, a story and a column printed after another story)."""
    return {run[i:i + 2] for run in _HAN_RUN.findall(text) for i in range(len(run) - 1)}
