"""Recognition on a normalized copy; articles keep the characters as printed.

The recognisers (本报…讯, 记者, 责任编辑, 摄, 总第N期, 2023年5月30日…) are written
for Simplified characters and ASCII digits. An issue printed in Traditional
characters (本報…訊, 記者, 責任編輯, 攝), or with full-width digits (２０２３年),
is read through a folded copy: each Traditional character replaced by its
Simplified form (OpenCC's character table, first candidate, via the
`opencc-python-reimplemented` package) and each full-width letter or digit by
its ASCII form (what NFKC does to them). Every replacement is one character
for one, so the copy lines up with the original, character for character and
line for line: line numbers in messages stay true.

The articles are then put back into the printed characters (`Restorer`): every
character of their text comes from the raw text (cleaning only drops spaces
and line breaks and changes punctuation), so a folded character is mapped
back to the original at the same place. Where one folded character stands for
several printed ones in the issue (发 for 發 and 髮), that place is found by
the characters around it. Derived values (regions, places, 2版) stay folded.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from ..opencc_tables import TS_CHARACTERS, read_table
from .clean import CJK

# Standard Traditional → Simplified only: OpenCC's Taiwan/Hong Kong variant tables also map
# characters of Simplified text (么 → 幺, 抬 → 擡), which recognition must not do.
_KEY = re.compile(f"[{CJK}0-9A-Za-z]")  # characters that reach articles unchanged by cleaning
_WINDOWS = ((6, 7), (0, 7), (6, 1), (3, 4), (0, 3), (2, 1))  # context (before, from) tried in turn


@functools.cache
def _table() -> dict[int, str]:
    """str.translate table: one character for one, only characters that change."""
    table = read_table(TS_CHARACTERS)
    for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):  # ０-９ Ａ-Ｚ ａ-ｚ
        table.update({chr(c): chr(c - 0xFEE0) for c in range(start, end + 1)})
    return {ord(k): v for k, v in table.items() if len(v) == 1 and v != k}


def fold(text: str) -> str:
    """The normalized copy the recognisers read: as long as `text`, character for character."""
    return text.translate(_table())


class Restorer:
    """Maps text made from the folded copy of `original` back to the characters as printed."""

    def __init__(self, original: str, folded: str):
        keep = [i for i, ch in enumerate(folded) if _KEY.match(ch)]
        self.key = "".join(folded[i] for i in keep)
        self.printed = "".join(original[i] for i in keep)
        changed = {f for f, o in zip(self.key, self.printed) if f != o}
        seen: dict[str, Counter] = {}
        for f, o in zip(self.key, self.printed):
            if f in changed:
                seen.setdefault(f, Counter())[o] += 1
        self.only = {f: next(iter(c)) for f, c in seen.items() if len(c) == 1}  # one printed form
        self.most = {f: c.most_common(1)[0][0] for f, c in seen.items() if len(c) > 1}  # several

    def __call__(self, text: str | None) -> str | None:
        if not text or not any(ch in self.only or ch in self.most for ch in text):
            return text
        chars = list(text)
        at = [i for i, ch in enumerate(chars) if _KEY.match(ch)]
        key = "".join(chars[i] for i in at)
        for j, i in enumerate(at):
            ch = chars[i]
            if ch in self.only:
                chars[i] = self.only[ch]
            elif ch in self.most:
                chars[i] = self._at(key, j) or self.most[ch]
        return "".join(chars)

    def _at(self, key: str, j: int) -> str | None:
        """The printed character of key[j], found where its context is in the folded text."""
        for before, after in _WINDOWS:
            start = max(0, j - before)
            window = key[start:j + after]
            found = self.key.find(window)
            if found >= 0:
                return self.printed[found + j - start]
        return None
