"""File slugs: pinyin of the title, ASCII, unique within the issue, stable across re-imports."""
from __future__ import annotations

from ..slug import slugify

MAX_WORDS = 6


def issue_slugs(titles: list[str]) -> list[str]:
    """One slug per title, in order; repeats get -2, -3… (same input, same slugs)."""
    bases = [slugify(title, max_words=MAX_WORDS) for title in titles]
    used: set[str] = set()
    out = []
    for base in bases:
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        out.append(slug)
    return out
