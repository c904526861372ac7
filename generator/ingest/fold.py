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

from ..text.fold import simplified_table
from .clean import CJK

# Standard Traditional → Simplified only: OpenCC's Taiwan/Hong Kong variant tables also map
# characters of Simplified text (么 → 幺, 抬 → 擡), which recognition must not do.
_RUN = re.compile(f"[{CJK}0-9A-Za-z]+")  # runs of characters that reach articles unchanged by cleaning
_NOT_RUN = re.compile(f"[^{CJK}0-9A-Za-z]+")
_SCANS = 32  # folded characters counted one scan each; more, and the whole text is counted once
_WINDOWS = ((6, 7), (0, 7), (6, 1), (3, 4), (0, 3), (2, 1))  # context (before, from) tried in turn


@functools.cache
def _table() -> dict[int, str]:
    """str.translate table: one character for one, only characters that change: the standard
    Traditional → Simplified table, and full-width letters and digits to ASCII."""
    full_width = ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))  # ０-９ Ａ-Ｚ ａ-ｚ
    return {**simplified_table(), **{c: chr(c - 0xFEE0) for start, end in full_width for c in range(start, end + 1)}}


@functools.cache
def _folding() -> frozenset[str]:
    return frozenset(map(chr, _table()))


def fold(text: str) -> str:
    """The normalized copy the recognisers read: as long as `text`, character for character.
    (Most issues hold few characters that fold, or none: those are replaced one by one, which
    is faster than translating every character through the table's thousands.)"""
    present = _folding().intersection(text)
    if len(present) > _SCANS:
        return text.translate(_table())
    for char in present:
        text = text.replace(char, _table()[ord(char)])
    return text


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
        self._key: str | None = None  # the folded text's kept characters, run together
        self._printed: dict[int, str] = {}  # place in _key of a character of several forms → as printed there
        self._index: dict[tuple[int, int], dict[str, int]] = {}
        self._rare: dict[tuple[int, int], frozenset[str]] = {}  # contexts of the places printed in a rarer form

    @property
    def key(self) -> str:
        """Only a character printed in several forms is looked up by its context, in this: the
        runs of kept characters of the folded text, joined (whatever cleaning drops, it drops)."""
        if self._key is None:
            self._key = _NOT_RUN.sub("", self.folded)
            # (such a character is a kept one: its n-th place in the text is its n-th in the key)
            printed = (self.original[m.start()] for m in self._several.finditer(self.folded))
            self._printed = {m.start(): c for m, c in zip(self._several.finditer(self._key), printed)}
        return self._key

    def __call__(self, text: str | None) -> str | None:
        if not text or self._changed.isdisjoint(text):
            return text
        restored = text.translate(self._only_table) if self.only else text  # every one of them is a kept character
        if self._several is None or not self._several.search(text):
            return restored
        return self._by_place(text, restored)

    def _by_place(self, text: str, restored: str) -> str:
        """`restored` with each folded character of several printed forms put back by its place."""
        key = _NOT_RUN.sub("", text)
        chars = list(restored)
        for found, in_key in zip(self._several.finditer(text), self._several.finditer(key)):
            chars[found.start()] = self._at(key, in_key.start()) or self.most[found.group()]
        return "".join(chars)

    def _at(self, key: str, j: int) -> str | None:
        """The printed character of key[j], found where its context first is in the folded text."""
        if not self._near_rare(key, j):
            return None  # wherever its context is first found, it is printed in its most common form
        for before, after in _WINDOWS:
            start = max(0, j - before)
            window = key[start:j + after]
            found = self._contexts(j - start, len(window) - (j - start)).get(window)
            if found is not None:
                return self._printed[found + j - start]
        return None

    def _near_rare(self, key: str, j: int) -> bool:
        """Is a context of key[j] that `_at` tries also the context of a place printed in a form
        other than the most common one? (Most characters of several forms are printed in one of
        them nearly everywhere: 干 for 干 and 乾. Then the few such places are all that is read.)"""
        for before, after in _WINDOWS:
            start = max(0, j - before)
            window = key[start:j + after]
            shape = (j - start, len(window) - (j - start))
            rare = self._rare.get(shape)
            if rare is None:
                issue = self.key
                rare = self._rare[shape] = frozenset(
                    issue[p - shape[0]:p + shape[1]] for p, printed in self._printed.items()
                    if printed != self.most[issue[p]] and p >= shape[0] and p + shape[1] <= len(issue))
            if window in rare:
                return True
        return False

    def _contexts(self, before: int, after: int) -> dict[str, int]:
        """Where each context first is in the folded text (what str.find would say): `before`
        characters, one of several printed forms, `after` - 1 more. Any place a context is found
        has that character at that offset, so only those places are read, once for every lookup,
        instead of a scan of the whole issue per character."""
        index = self._index.get((before, after))
        if index is None:
            index, key = {}, self.key
            for place in self._printed:  # (in order: the first place of a context is kept)
                if place >= before and place + after <= len(key):
                    index.setdefault(key[place - before:place + after], place - before)
            self._index[(before, after)] = index
        return index
