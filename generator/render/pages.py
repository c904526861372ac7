"""What a page is before rendering, and pagination of long lists."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .. import urls


@dataclass(frozen=True)
class Page:
    """One output file: its site-relative URL, template, nav section and own context; `bodies`: the
    articles (keys) whose text the context is made from (the rest of an article a page shows is
    in its context as the `Article`), the build's record of what an edit to a text remakes."""

    url: str
    template: str
    section: str
    context: dict = field(default_factory=dict)
    bodies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    urls: tuple[str, ...]  # every page's URL, page 1 first

    @property
    def prev_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.total else None


def paginate(items: list, per_page: int, first_url: str) -> list[tuple[str, list, Pager]]:
    """Split `items` into (url, slice, pager) triples; an empty list still gets one page."""
    per_page = max(1, per_page)
    total = max(1, math.ceil(len(items) / per_page))
    pages = tuple(urls.numbered_page(first_url, n) for n in range(1, total + 1))
    return [(pages[n], items[n * per_page:(n + 1) * per_page], Pager(n + 1, total, pages)) for n in range(total)]
