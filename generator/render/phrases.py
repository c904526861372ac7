"""Headlines that break between phrases, never inside a word (走进乡 / 村民俗博物馆 no more).

Browsers may break Chinese text between any two characters. The `phrases` filter
gives a headline's break opportunities explicitly: the title, escaped phrase by
phrase, with `<wbr>` between phrases, in a `<span class="phrases">` that the theme
styles `word-break: keep-all` (no other breaks between Chinese characters) and
`overflow-wrap: anywhere` (a phrase wider than the line still breaks). `<wbr>` adds
no character: textContent, copy-paste and screen readers get the title unchanged.

Phrases come from BudouX (Google's phrase segmenter, Apache-2.0), its Simplified
Chinese model. That model is small and cuts unfamiliar words (乡|村, 升|温, 习近|平,
新|疆), so a BudouX boundary is kept only where no word of jieba's dictionary spans it
(text/words.py `splits_word`, which the importer asks of line breaks), and never inside
a transliterated name (吐尔逊·阿那依提).
Whitespace always ends a phrase (the browser breaks after it anyway).
"""
from __future__ import annotations

import functools
import re

from markupsafe import Markup, escape

from ..text.han import HAN_CLASS as CJK
from ..text.words import splits_word


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


@functools.lru_cache(maxsize=1 << 16)
def phrases(text: str) -> tuple[str, ...]:
    """`text` cut where the line may break: 走进乡村民俗博物馆 → ('走进乡村民俗', '博物馆').
    The parts joined give `text` back exactly."""
    if not text:
        return ()
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


# Characters after which a browser breaks whatever word-break says (Unicode line breaking
# classes B2, BA, HY: dashes, hyphens, the solidus after a letter): 规划（2024— / 2028年）.
_BREAKS_AFTER = re.compile("[\u2010-\u2015\u002d\u002f\u2e3a\u2e3b]")


def _phrase(part: str) -> Markup:
    """One phrase, escaped; one with a dash inside is also kept whole (`.phrase`: an inline
    block, as no property stops the break after a dash, yet one wider than the line wraps)."""
    if _BREAKS_AFTER.search(part[:-1]):
        return Markup('<span class="phrase">%s</span>') % part
    return escape(part)


def phrase_markup(text) -> Markup:
    """The filter: each phrase escaped, `<wbr>` between them, in `<span class="phrases">`."""
    if text is None:
        return Markup("")
    parts = phrases(str(text))
    return Markup('<span class="phrases">') + Markup("<wbr>").join(_phrase(p) for p in parts) + Markup("</span>")
