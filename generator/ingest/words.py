"""Does a line break fall inside a Chinese word? (实 | 际 does, 为以 | 中国 does not.)

PDF text of a page with several columns sometimes continues a sentence in a
block that belongs to another article; whether the break splits a word tells
which unfinished sentence a block continues. Words come from jieba's
dictionary (read as a plain list, without loading its segmenter).
"""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from .clean import CJK

_SPAN = 3  # characters taken from each side of the break
_END = re.compile(f"[{CJK}]{{1,{_SPAN}}}$")
_START = re.compile(f"[{CJK}]{{1,{_SPAN}}}")


@functools.cache
def _words() -> frozenset[str]:
    """jieba's dict.txt (a line per word: word, frequency, part of speech), read once, on first
    use. The file is found without importing jieba (0.3 s of start-up for a segmenter never
    used), and split all at once, every third field a word: four times faster than a Python loop
    over its 349,000 lines. A file not in that shape is read line by line."""
    text = _dictionary().read_text(encoding="utf-8")
    fields = text.split()
    if len(fields) == 3 * text.count("\n") and text.endswith("\n"):
        return frozenset(fields[::3])
    return _first_fields(text)


def _dictionary() -> Path:
    """jieba's dict.txt, in the installed package."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba (its dict.txt is the word list) is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _first_fields(text: str) -> frozenset[str]:
    """The word of each line of a word list whose lines are not all three fields."""
    return frozenset(line.split(maxsplit=1)[0] for line in text.splitlines() if line.strip())


def splits_word(before: str, after: str) -> bool:
    """Is there a dictionary word of two to four characters across the end of `before` and
    the start of `after` (Chinese characters only)?"""
    left = _END.search(before)
    right = _START.match(after)
    if not left or not right:
        return False
    words = _words()
    a, b = left.group(0), right.group(0)
    return any(a[-i:] + b[:j] in words for i in range(1, len(a) + 1) for j in range(1, len(b) + 1) if 2 <= i + j <= 4)
