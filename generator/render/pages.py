"""What a page is before rendering, and pagination of long lists."""
from __future__ import annotations

import math
import posixpath
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    """One output file: its site-relative URL, template, nav section and own context."""

    url: str
    template: str
    section: str
    context: dict = field(default_factory=dict)


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


def page_urls(first_url: str, total: int) -> tuple[str, ...]:
    """regions/x/index.html, regions/x/page-2.html, regions/x/page-3.html…"""
    folder = posixpath.dirname(first_url)
    rest = [posixpath.join(folder, f"page-{n}.html") for n in range(2, total + 1)]
    return (first_url, *rest)


def paginate(items: list, per_page: int, first_url: str) -> list[tuple[str, list, Pager]]:
    """Split `items` into (url, slice, pager) triples; an empty list still gets one page."""
    per_page = max(1, per_page)
    total = max(1, math.ceil(len(items) / per_page))
    urls = page_urls(first_url, total)
    return [(urls[n], items[n * per_page:(n + 1) * per_page], Pager(n + 1, total, urls)) for n in range(total)]
