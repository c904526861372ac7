"""Slugs: pypinyin's readings (with our fixes), whatever order titles come in."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from generator.slug import slugify

REPO = Path(__file__).resolve().parent.parent
TITLE = re.compile(r"^title: ['\"]?(.*?)['\"]?$", re.M)


def _pypinyin_slug(text: str, max_words: int = 8) -> str:
    """The slug pypinyin's own `lazy_pinyin` makes of `text`, without slug.py's converter."""
    words = lazy_pinyin(unicodedata.normalize("NFKC", text), style=Style.NORMAL, errors=lambda s: [s], v_to_u=False)
    joined = unicodedata.normalize("NFKD", "-".join(w.lower() for w in words)).encode("ascii", "ignore").decode()
    return "-".join([p for p in re.split(r"[^a-z0-9]+", joined) if p][:max_words]) or "untitled"


def test_slugs_are_pypinyins_whatever_was_slugged_before():
    titles = [m.group(1) for path in sorted((REPO / "content").rglob("*.md"))
              for m in TITLE.finditer(path.read_text(encoding="utf-8")[:600])]
    titles += ["2025年新疆GDP增长6%", "阿勒泰 库尔勒", "褪色的照片", "🙂", "", "Ürümqi 乌鲁木齐", "𠀀字"]
    assert len(titles) > 20
    first = [slugify(t, max_words=6) for t in titles]
    assert first == [_pypinyin_slug(t, max_words=6) for t in titles]
    assert [slugify(t, max_words=6) for t in reversed(titles)] == first[::-1]  # (words met before: same readings)


def test_our_readings_win():
    assert slugify("库尔勒 阿勒泰") == "ku-er-le-a-le-tai"
    assert slugify("褪色") == "tui-se"
    assert slugify("勒紧") == "lei-jin"  # (pypinyin's phrase table still reads 勒紧 as lēi)
