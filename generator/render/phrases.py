"""Headlines that break between phrases, never inside a word (走进乡 / 村民俗博物馆 no more).

Browsers may break Chinese text between any two characters. The `phrases` filter
gives a headline's break opportunities explicitly: the title, escaped phrase by
phrase, with `<wbr>` between phrases, in a `<span class="phrases">` that the theme
styles `word-break: keep-all` (no other breaks between Chinese characters) and
`overflow-wrap: anywhere` (a phrase wider than the line still breaks). `<wbr>` adds
no character: textContent, copy-paste and screen readers get the title unchanged.

The phrases are text/phrases.py's (BudouX, kept from cutting a dictionary word).
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..text.phrases import phrases


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
