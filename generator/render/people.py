"""The people named in bylines (front matter `authors` and `photographers`), each with a page.

A reporter who writes one story and photographs another is one person with one page, so
names are gathered from both fields. People are ordered by the pinyin of their names (the
order of a Chinese name index, 按姓名拼音排序), and each gets an ASCII slug from that pinyin,
made unique in the same order, so the same archive always gives the same URLs.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .. import urls
from ..model import Article
from ..slug import pinyin, slugify, unique_slug


@dataclass(frozen=True)
class Person:
    name: str
    slug: str
    written: tuple[Article, ...]  # articles they wrote (authors), newest first
    photographed: tuple[Article, ...]  # articles with their photos (photographers), newest first

    @property
    def url(self) -> str:
        return urls.person(self.slug)

    @property
    def articles(self) -> list[tuple[Article, tuple[str, ...]]]:
        """Every article they are credited in, newest first, with their roles in it (文, 摄)."""
        roles: dict[str, tuple[Article, list[str]]] = {}
        for role, articles in (("文", self.written), ("摄", self.photographed)):
            for article in articles:
                roles.setdefault(article.key, (article, []))[1].append(role)
        return [(article, tuple(found)) for article, found in sorted(roles.values(), key=lambda pair: _newest(pair[0]))]

    @property
    def initial(self) -> str:
        """The letter the index files them under (the pinyin's first), # for a name with none."""
        first = self.slug[:1].upper()
        return first if first.isalpha() else "#"


def _newest(article: Article) -> tuple:
    return (-article.date.toordinal(), article.publication_slug, article.issue, article.order)


def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key of a name: its pinyin with tone numbers (同音字 by tone), then the name itself."""
    return (" ".join(pinyin().lazy_pinyin(name, style=pinyin().Style.TONE3, errors=lambda s: [s.lower()])), name)


def people_of(articles: Iterable[Article]) -> tuple[Person, ...]:
    """Everyone credited in `articles`, in pinyin order."""
    written: dict[str, list[Article]] = defaultdict(list)
    photographed: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for name in dict.fromkeys(article.authors):
            written[name].append(article)
        for name in dict.fromkeys(article.photographers):
            photographed[name].append(article)
    taken: set[str] = set()
    people = []
    for name in sorted(written.keys() | photographed.keys(), key=pinyin_key):
        people.append(Person(name, unique_slug(slugify(name), taken),
                             tuple(sorted(written[name], key=_newest)),
                             tuple(sorted(photographed[name], key=_newest))))
    return tuple(people)
