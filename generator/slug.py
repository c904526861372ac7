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
    still knows). Slugs are URLs, so readings are fixed here, once, before any slug is made."""
    import pypinyin

    pypinyin.load_single_dict({ord("勒"): "lè,lēi"})
    pypinyin.load_phrases_dict({"褪色": [["tuì"], ["sè"]]})
    return pypinyin

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_words: int = 8) -> str:
    """Lowercase ASCII words joined by hyphens: 巴州 旅游 → ba-zhou-lv-you.

    Deterministic for a given text and pypinyin version; `ü` becomes `v`.
    """
    text = unicodedata.normalize("NFKC", text)
    words = pinyin().lazy_pinyin(text, style=pinyin().Style.NORMAL, errors=lambda s: [s], v_to_u=False)
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
