"""Where a headline may break: between phrases, never inside a word (走进乡 / 村民俗博物馆 no more).

Phrases come from BudouX (Google's phrase segmenter, Apache-2.0), its Simplified
Chinese model. That model is small and cuts unfamiliar words (乡|村, 升|温, 习近|平,
新|疆), so a BudouX boundary is kept only where no word of jieba's dictionary spans it
(text/words.py `splits_word`, which the importer asks of line breaks), and never inside
a transliterated name (吐尔逊·阿那依提).
Whitespace always ends a phrase (the browser breaks after it anyway).
Pages mark the breaks in HTML (render/phrases.py); search results from the text files'
offsets (search/documents.py).
"""
from __future__ import annotations

import functools
import re

from .han import HAN_CLASS as CJK
from .words import splits_word


@functools.cache
def _budoux():
    import budoux
    return budoux.load_default_simplified_chinese_parser()


def _ends(parts) -> set[int]:
    """The offsets where each part ends (the last one, the text's end, included)."""
    ends, n = set(), 0
    for part in parts:
        n += len(part)
        ends.add(n)
    return ends


# 吐尔逊·阿那依提: a transliterated name, its parts joined by a middle dot, is not cut within
# four characters of its dot (where the name ends is not written: 米吉提出席 runs on).
_DOTTED_NAME = re.compile(f"[{CJK}]{{1,4}}(?:[·•・][{CJK}]{{1,4}})+")


# Phrases cut by an earlier build and those cut since, when a build keeps them (phrasecache.py):
# an edit's pages then need neither BudouX nor jieba's word list (bench/build.md).
_kept: dict[str, tuple[str, ...]] = {}
_keeping = False


def keep(entries: dict[str, tuple[str, ...]]) -> None:
    """Take `entries` (checked: each text's phrases) as cut, and keep every phrase cut from now on."""
    global _keeping
    _keeping = True
    _kept.update(entries)


def kept() -> dict[str, tuple[str, ...]]:
    return _kept


@functools.lru_cache(maxsize=1 << 16)
def phrases(text: str) -> tuple[str, ...]:
    """`text` cut where the line may break: 走进乡村民俗博物馆 → ('走进乡村民俗', '博物馆').
    The parts joined give `text` back exactly."""
    if not text:
        return ()
    found = _kept.get(text)
    if found is None:
        found = _cut(text)
        if _keeping:
            _kept[text] = found
    return found


def _cut(text: str) -> tuple[str, ...]:
    names = [m.span() for m in _DOTTED_NAME.finditer(text)]
    budoux_ends = {c for c in _ends(_budoux().parse(text))
                   if not splits_word(text[:c], text[c:]) and not any(a < c < b for a, b in names)}
    spaces = {i + 1 for i, ch in enumerate(text) if ch.isspace()}
    cuts = (budoux_ends | spaces | {len(text)}) - {0}
    cuts = sorted(c for c in cuts if c == len(text) or not text[c].isspace())  # a space ends its phrase
    out, start = [], 0
    for end in cuts:
        out.append(text[start:end])
        start = end
    return tuple(out)


def breaks(text: str) -> list[int]:
    """Where `text` may break, as offsets in characters (code points) from its start: the
    ends of its phrases but the last (走进乡村民俗博物馆 → [6]); the search page's titles."""
    return sorted(_ends(phrases(text)) - {len(text)})
