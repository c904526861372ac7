"""ASCII slugs from Chinese text via pinyin (pypinyin), shared by import and build."""
from __future__ import annotations

import functools
import re
import unicodedata


@functools.cache
def pinyin():
    """pypinyin, loaded on first use (a build that makes no slug never pays its tables).

    Its first reading is sometimes not the one our texts need: 勒 is lè in place names
    (库尔勒, 阿勒泰) and most words; lēi only as "tie tight" (勒紧, which its phrase table
    still knows). Slugs are URLs, so readings are fixed here, once, before any slug is made.
    (The tables load_single_dict and load_phrases_dict update, updated directly: each of those
    retrains the phrase segmenter on all 400,000 phrases, where only a new phrase's prefixes
    are new.)"""
    import pypinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.seg.mmseg import seg

    PINYIN_DICT[ord("勒")] = "lè,lēi"
    PHRASES_DICT["褪色"] = [["tuì"], ["sè"]]
    seg.train(["褪色"])
    return pypinyin


_NON_SLUG = re.compile(r"[^a-z0-9]+")
_REMEMBERED = 100_000  # words whose readings are kept (a few MB); past that, it starts over


@functools.cache
def _remembering():
    """`lazy_pinyin` with a converter (its default options) that converts each word once: titles
    and names share their words, and converting one (phrase table, tone marks stripped) is most
    of a slug's time. pypinyin's converter hook; the readings are those it gives."""
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    pinyin()

    class Remembering(UltimateConverter):
        def __init__(self) -> None:
            super().__init__(v_to_u=False, neutral_tone_with_five=False, tone_sandhi=False)
            self._done: dict = {}

        def convert(self, words, style, heteronym, errors, strict, **kwargs):
            key = (words, style, heteronym, errors, strict)
            done = self._done.get(key)
            if done is None:
                if len(self._done) >= _REMEMBERED:
                    self._done.clear()
                done = self._done[key] = super().convert(words, style, heteronym, errors, strict, **kwargs)
            return [list(readings) for readings in done]  # (copies: the caller's lists are its own)

    return Pinyin(Remembering())


def _as_is(text: str) -> list[str]:
    """What a character without pinyin (Latin, digits, marks) becomes: itself."""
    return [text]


def slugify(text: str, max_words: int = 8) -> str:
    """Lowercase ASCII words joined by hyphens: 巴州 旅游 → ba-zhou-lv-you.

    Deterministic for a given text and pypinyin version; `ü` becomes `v`.
    """
    text = unicodedata.normalize("NFKC", text)
    words = _remembering().lazy_pinyin(text, style=pinyin().Style.NORMAL, errors=_as_is)
    joined = "-".join(w.lower() for w in words)
    joined = unicodedata.normalize("NFKD", joined).encode("ascii", "ignore").decode()
    parts = [p for p in _NON_SLUG.split(joined) if p]
    return "-".join(parts[:max_words]) or "untitled"


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… the first not in `taken`, which it joins."""
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug
