"""File slugs: pinyin of the title, ASCII, unique within the issue, stable across re-imports.

Published URLs contain the slug, so a re-import keeps the slug an article had
before (found by order and title, else by a title that occurred once) even
when the slug rules changed since; only new articles get derived slugs.
"""
from __future__ import annotations

from collections import Counter

from ..slug import slugify, unique_slug

MAX_WORDS = 6


def _kept(titles: list[str], previous: list[tuple[int, str, str]]) -> dict[int, str]:
    """Index → slug kept from the previous import: same order and title first, then same title."""
    kept: dict[int, str] = {}
    taken: set[str] = set()
    by_place = {(order, title): slug for order, title, slug in previous}
    for i, title in enumerate(titles):
        slug = by_place.get((i + 1, title))
        if slug and slug not in taken:
            kept[i] = slug
            taken.add(slug)
    once = Counter(title for _, title, _ in previous)
    new_once = Counter(titles)
    by_title = {title: slug for _, title, slug in previous if once[title] == 1}
    for i, title in enumerate(titles):
        slug = by_title.get(title)
        if i not in kept and slug and slug not in taken and new_once[title] == 1:
            kept[i] = slug
            taken.add(slug)
    return kept


def issue_slugs(titles: list[str], previous: list[tuple[int, str, str]] = ()) -> list[str]:
    """One slug per title, in order; repeats get -2, -3… (same input, same slugs).

    `previous` holds (order, title, slug) of the articles the last import wrote.
    """
    kept = _kept(titles, list(previous))
    used = set(kept.values())
    out = []
    for i, title in enumerate(titles):
        if i in kept:
            out.append(kept[i])
            continue
        out.append(unique_slug(slugify(title, max_words=MAX_WORDS), used))
    return out
