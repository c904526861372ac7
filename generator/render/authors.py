"""作者 pages: one per person named in a byline (authors and photographers), their articles newest
first, and the index of everyone, in pinyin order under the letters of a name index."""
from __future__ import annotations

from typing import Iterator

from .. import urls
from ..config import Config
from .archive import Archive
from .pages import Page, paginate


def author_pages(archive: Archive, config: Config) -> Iterator[Page]:
    people = list(archive.people.values())
    letters: dict[str, list] = {}
    for person in people:
        letters.setdefault(person.initial, []).append(person)
    yield Page(urls.AUTHORS, "authors.html", "authors", {"letters": list(letters.items()), "total": len(people)})
    for person in people:
        articles = person.articles
        for url, chunk, pager in paginate(articles, config.per_page, person.url):
            yield Page(url, "person.html", "authors", {
                "person": person, "articles": chunk, "total": len(articles), "pager": pager,
            })
