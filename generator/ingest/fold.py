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

import bisect
import functools
import itertools
import re
from collections import Counter

from ..text.fold import simplified_table
from .clean import CJK

# Standard Traditional → Simplified only: OpenCC's Taiwan/Hong Kong variant tables also map
# characters of Simplified text (么 → 幺, 抬 → 擡), which recognition must not do.
_RUN = re.compile(f"[{CJK}0-9A-Za-z]+")  # runs of characters that reach articles unchanged by cleaning
_SCANS = 32  # folded characters counted one scan each; more, and the whole text is counted once
_WINDOWS = ((6, 7), (0, 7), (6, 1), (3, 4), (0, 3), (2, 1))  # context (before, from) tried in turn


@functools.cache
def _table() -> dict[int, str]:
    """str.translate table: one character for one, only characters that change: the standard
    Traditional → Simplified table, and full-width letters and digits to ASCII."""
    full_width = ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))  # ０-９ Ａ-Ｚ ａ-ｚ
    return {**simplified_table(), **{c: chr(c - 0xFEE0) for start, end in full_width for c in range(start, end + 1)}}


def fold(text: str) -> str:
    """The normalized copy the recognisers read: as long as `text`, character for character."""
    return text.translate(_table())


def _first_kept(original: str, folded: str, f: str) -> int:
    """Where `f` is first printed as itself."""
    at = folded.find(f)
    while original[at] != f:
        at = folded.find(f, at + 1)
    return at


class Restorer:
    """Maps text made from the folded copy of `original` back to the characters as printed.

    Built from the characters folding changed, counted and found by C-level string methods
    (most issues change a few full-width digits, not every character); contexts are looked up,
    only for a character printed in several forms, in an index of the places that need one, so
    its cost grows with the issue's length, not with its square."""

    def __init__(self, original: str, folded: str):
        self.original, self.folded = original, folded
        table = _table()
        printed = [c for c in set(original).intersection(map(chr, table)) if _RUN.match(table[ord(c)])]
        # (cleaning may change punctuation: only kept characters are put back) A text in Traditional
        # characters folds hundreds of them: one count of the whole text beats a scan for each.
        count = Counter(original).__getitem__ if len(printed) > _SCANS else original.count
        first = {(table[ord(c)], c): original.find(c) for c in printed}  # (folded, printed) → where first printed
        counts = Counter({pair: count(pair[1]) for pair in first})
        changed: Counter = Counter()
        for (f, _), n in counts.items():
            changed[f] += n
        total = Counter(folded).__getitem__ if len(changed) > _SCANS else folded.count
        for f in changed:  # each folded character that was also printed as itself
            kept = total(f) - changed[f]
            if kept:
                first[(f, f)], counts[(f, f)] = _first_kept(original, folded, f), kept
        seen: dict[str, Counter] = {}
        for pair in sorted(first, key=first.get):  # in order of first appearance
            seen.setdefault(pair[0], Counter())[pair[1]] = counts[pair]
        self.only = {f: next(iter(c)) for f, c in seen.items() if len(c) == 1}  # one printed form
        self.most = {f: c.most_common(1)[0][0] for f, c in seen.items() if len(c) > 1}  # several
        self._only_table = str.maketrans(self.only)
        self._changed = frozenset(seen)
        self._several = re.compile("[" + "".join(map(re.escape, self.most)) + "]") if self.most else None
        self._runs: tuple[str, str] | None = None  # the runs of kept characters, folded and printed
        self._places: list[int] | None = None  # where the folded text has one of several printed forms
        self._index: dict[tuple[int, int], dict[str, int]] = {}

    @property
    def key(self) -> str:
        return self._kept_runs()[0]

    @property
    def printed(self) -> str:
        return self._kept_runs()[1]

    def _kept_runs(self) -> tuple[str, str]:
        """Only a character printed in several forms is looked up by its context, in these."""
        if self._runs is None:
            runs = [m.span() for m in _RUN.finditer(self.folded)]
            self._runs = ("".join(self.folded[a:b] for a, b in runs), "".join(self.original[a:b] for a, b in runs))
        return self._runs

    def __call__(self, text: str | None) -> str | None:
        if not text or self._changed.isdisjoint(text):
            return text
        restored = text.translate(self._only_table)  # every one of them is a kept character
        if self._several is None or not self._several.search(text):
            return restored
        return self._by_place(text, restored)

    def _by_place(self, text: str, restored: str) -> str:
        """`restored` with each folded character of several printed forms put back by its place."""
        runs = [m.span() for m in _RUN.finditer(text)]
        key = "".join(text[a:b] for a, b in runs)
        starts, before = [a for a, _ in runs], list(itertools.accumulate((b - a for a, b in runs), initial=0))
        chars = list(restored)
        for found in self._several.finditer(text):
            i, ch = found.start(), found.group()
            run = bisect.bisect_right(starts, i) - 1
            chars[i] = self._at(key, before[run] + i - starts[run]) or self.most[ch]
        return "".join(chars)

    def _at(self, key: str, j: int) -> str | None:
        """The printed character of key[j], found where its context first is in the folded text."""
        for before, after in _WINDOWS:
            start = max(0, j - before)
            window = key[start:j + after]
            found = self._contexts(j - start, len(window) - (j - start)).get(window)
            if found is not None:
                return self.printed[found + j - start]
        return None

    def _contexts(self, before: int, after: int) -> dict[str, int]:
        """Where each context first is in the folded text (what str.find would say): `before`
        characters, one of several printed forms, `after` - 1 more. Any place a context is found
        has that character at that offset, so only those places are read, once for every lookup,
        instead of a scan of the whole issue per character."""
        index = self._index.get((before, after))
        if index is None:
            if self._places is None:
                self._places = [m.start() for m in self._several.finditer(self.key)] if self._several else []
            index = {}
            for place in self._places:
                if place >= before and place + after <= len(self.key):
                    index.setdefault(self.key[place - before:place + after], place - before)
            self._index[(before, after)] = index
        return index
