"""File slugs: pinyin of the title, ASCII, unique within the issue, stable across re-imports."""
from __future__ import annotations

from ..slug import slugify

MAX_WORDS = 6


def issue_slugs(titles: list[str]) -> list[str]:
    """One slug per title, in order; repeats get -2, -3… (same input, same slugs)."""
    seen: dict[str, int] = {}
    out = []
    for title in titles:
        base = slugify(title, max_words=MAX_WORDS)
        count = seen.get(base, 0) + 1
        seen[base] = count
        out.append(base if count == 1 else f"{base}-{count}")
    return out
