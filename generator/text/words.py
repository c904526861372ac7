"""Does a break fall inside a Chinese word? (实 | 际 does, 为以 | 中国 does not.)

Two readers ask it. The importer: PDF text of a page with several columns
sometimes continues a sentence in a block that belongs to another article, and
whether a line break splits a word tells which unfinished sentence a block
continues. The theme: a headline may wrap only where no word is cut
(text/phrases.py). Words come from jieba's dictionary, read as a plain list,
without loading its segmenter (whose start-up writes its own cache); the lists derived
from it are kept in gazette's user cache (usercache.py), keyed by the dictionary file.
"""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from .. import usercache
from .han import HAN_CLASS as CJK

_SPAN = 3  # characters taken from each side of the break
_END = re.compile(f"[{CJK}]{{1,{_SPAN}}}$")
_START = re.compile(f"[{CJK}]{{1,{_SPAN}}}")


_COMMON = 100  # jieba's frequency of a word common enough to say a headline's break cuts it
_FREQUENT = 1000  # … and of one frequent enough to join text across a finished paragraph (实际 12010, not 中州 101)
_RECIPE = (2, _COMMON, _FREQUENT)  # how the lists are derived from the file: a cache of another is made again


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Every word of jieba's dict.txt, the words used at least _COMMON times, those used
    _FREQUENT times, and those tagged as a person's name (nr…): derived from the file once (`_derived`) and then read from the user cache,
    in each process on first use."""
    path = _dictionary()
    joined = usercache.cached("jieba-words", path, _RECIPE, lambda: _derived(path.read_text(encoding="utf-8")))
    return tuple(frozenset(words.split()) for words in joined)  # (a word holds no space: the file's fields)


def _derived(text: str) -> tuple[str, str, str, str]:
    """The four lists of a dict.txt (a line per word: word, frequency, part of speech), each as its
    words joined by newlines. The file is found without importing jieba (the start-up of a
    segmenter never used), and split all at once, every third field a word: far faster than a
    Python loop over its lines. A file not in that shape is read line by line (and has no
    frequencies: every word counts as common, and as a name, since none is known to be a plain word)."""
    fields = text.split()
    if len(fields) == 3 * text.count("\n") and text.endswith("\n"):
        words, shortest = fields[::3], len(str(_COMMON))  # (most counts are shorter: not even converted)
        counted = [(w, int(count)) for w, count in zip(words, fields[1::3])
                   if len(count) >= shortest and count.isdigit() and int(count) >= _COMMON]
        names = (w for w, tag in zip(words, fields[2::3]) if tag.startswith("nr"))
        return "\n".join(words), "\n".join(w for w, _ in counted), "\n".join(w for w, n in counted if n >= _FREQUENT), \
            "\n".join(names)
    words = "\n".join(sorted(_first_fields(text)))
    return words, words, words, words


def _words() -> frozenset[str]:
    return _lists()[0]


def _common_words() -> frozenset[str]:
    """Words common enough (联赛 2113, 思路 1627; not 瓦全 5, a word only by the idiom 宁为玉碎不为
    瓦全) that a break between two headline lines cutting one of them joins the lines."""
    return _lists()[1]


def is_plain_word(text: str) -> bool:
    """A dictionary word that is not a person's name (手记 n, 观察 v; not 李强 nrfg): after 记者 with
    nothing between, a column's name (记者手记), not a reporter's."""
    return text in _words() and text not in _lists()[3]


def _dictionary() -> Path:
    """jieba's dict.txt, in the installed package."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba (its dict.txt is the word list) is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _first_fields(text: str) -> frozenset[str]:
    """The word of each line of a word list whose lines are not all three fields."""
    return frozenset(line.split(maxsplit=1)[0] for line in text.splitlines() if line.strip())


def splits_word(before: str, after: str, common: bool = False) -> bool:
    """Is there a dictionary word of two to four characters (a common one, with `common`) across
    the end of `before` and the start of `after` (Chinese characters only)?"""
    return _across(before, after, _common_words() if common else _words())


def _across(before: str, after: str, words: frozenset[str]) -> bool:
    """Is one of `words` (two to four characters) made of the end of `before` and the start of `after`?"""
    ends = _ends(before, after)
    return ends is not None and _joins(*ends, words)


def _ends(before: str, after: str) -> tuple[str, str] | None:
    """The Chinese characters at the end of `before` and at the start of `after`, if both have some."""
    left, right = _END.search(before), _START.match(after)
    return (left.group(0), right.group(0)) if left and right else None


def _joins(a: str, b: str, words: frozenset[str]) -> bool:
    return any(a[-i:] + b[:j] in words for i in range(1, len(a) + 1) for j in range(1, len(b) + 1) if 2 <= i + j <= 4)


def is_common_word(text: str) -> bool:
    return text in _common_words()


def cuts_word(before: str, after: str, frequent: bool = False) -> bool:
    """Does the break cut a common word (实 | 际，从严…; with `frequent`, one used at least _FREQUENT
    times), rather than fall between words that happen to make one across it (…队伍建 | 成功创建…:
    建成 is a word, but 成功 opens the text after the break whole)? The text after a cut word begins
    with that word's tail, not with a word of its own."""
    ends = _ends(before, after)
    if ends is None or not _joins(*ends, _common_words()) or frequent and not _joins(*ends, _lists()[2]):
        return False
    head = ends[1]
    return not any(head[:j] in _common_words() for j in range(2, len(head) + 1))
