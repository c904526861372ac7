"""Article pages: the text with its masthead data, neighbours, citation and metadata."""
from __future__ import annotations

from typing import Iterator

from .. import urls
from ..config import Config
from ..fingerprint import deferred
from ..text.plain import first_sentence
from .archive import Archive
from .citation import cite, is_magazine
from .markdown import body_html
from .pages import Page
from .raw_text import confidence_said, line_label, raw_page_url
from .structured import article_json_ld, open_graph


def article_pages(archive: Archive, config: Config) -> Iterator[Page]:
    for article in archive.site.articles:
        if not archive.wanted(article.url):
            continue
        issue = archive.issue_of(article)
        publication = archive.publications.get(article.publication_slug)
        magazine = is_magazine(publication)
        previous, following = archive.article_neighbours(article)
        summary = first_sentence(article.body)
        yield Page(article.url, "article.html", "publications", {
            "article": article, "issue": issue, "publication": publication, "magazine": magazine,
            "body": deferred(body_html, article.body), "summary": summary,
            "previous": previous, "next": following,
            "continuation": archive.continuation(article),
            "continued_from": archive.continued_from.get(article.key),
            "regions": [archive.region_by_name[n] for n in article.regions if n in archive.region_by_name],
            "places": [(n, archive.places.get(n)) for n in article.places],
            "citation": cite(article, issue, publication),
            "raw_page": raw_page_url(archive, issue), "raw_lines": line_label(article.lines) if article.lines else None,
            "confidence": confidence_said(article),
            "permalink": urls.absolute_url(article.url, config.base_url),
            "json_ld": deferred(article_json_ld, article, issue, magazine, config.base_url),
            "open_graph": open_graph(article.shown_title, article.url, config.base_url, config.title,
                                     summary, "article", article.date.isoformat()),
        }, bodies=(article.key,))
