"""Machine-readable descriptions: schema.org JSON-LD and OpenGraph tags.

URLs in them are absolute only when ``base_url`` is an absolute http(s) address
(urls.absolute_url decides); otherwise the fields that
require absolute URLs are left out rather than filled with guesses.
A title the archive supplied is the headline in ［brackets］ (`Article.shown_title`), and
NewsArticle's backstory says what was supplied (标题为编者据正文所加；日期为推断): a date
property holds a date only, so an inferred date is told there.
"""
from __future__ import annotations

import json

from markupsafe import Markup

from .. import urls
from ..model import Article, Issue
from .chinese import supplied_notes


def json_ld(data: dict) -> Markup:
    """A JSON-LD object safe inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _people(names) -> list[dict]:
    return [{"@type": "Person", "name": n} for n in names]


def _with_url(data: dict, target: str, base_url: str) -> dict:
    """`data` with the absolute "url" of `target`, if base_url gives one."""
    url = urls.absolute_url(target, base_url)
    return {**data, "url": url} if url else data


def _periodical(issue: Issue, magazine: bool, base_url: str) -> dict:
    data = {"@type": "Periodical" if magazine else "Newspaper", "name": issue.publication}
    return _with_url(data, urls.publication(issue.publication_slug), base_url)


def issue_data(issue: Issue, magazine: bool, base_url: str) -> dict:
    data = {
        "@context": "https://schema.org", "@type": "PublicationIssue",
        "datePublished": issue.date.isoformat(), "inLanguage": "zh-Hans",
        "isPartOf": _periodical(issue, magazine, base_url),
    }
    if issue.number:
        data["issueNumber"] = str(issue.number)
    elif issue.label:
        data["issueNumber"] = issue.label
    return _with_url(data, issue.url, base_url)


def article_data(article: Article, issue: Issue, magazine: bool, base_url: str) -> dict:
    part_of = issue_data(issue, magazine, base_url)
    del part_of["@context"]
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": article.shown_title, "datePublished": article.date.isoformat(),
        "inLanguage": "zh-Hans", "isPartOf": part_of,
    }
    optional = {
        "alternativeHeadline": article.subtitle, "pageStart": str(article.page) if article.page else None,
        "articleSection": article.column, "author": _people(article.authors),
        "contributor": _people(article.photographers), "editor": _people([article.editor] if article.editor else []),
        "sourceOrganization": {"@type": "Organization", "name": article.source} if article.source else None,
        "contentLocation": [{"@type": "Place", "name": n} for n in (*article.regions, *article.places)],
        "url": urls.absolute_url(article.url, base_url),
        "backstory": "；".join(supplied_notes(article, issue)),  # why the headline is in ［brackets］
    }
    data.update({k: v for k, v in optional.items() if v})
    return data


def open_graph(title: str, url: str, base_url: str, site_title: str, description: str = "",
               kind: str = "website", published: str = "") -> list[tuple[str, str]]:
    """(property, content) pairs for <meta property=…>; og:url only with an absolute base URL."""
    tags = [("og:type", kind), ("og:title", title), ("og:site_name", site_title), ("og:locale", "zh_CN")]
    if description:
        tags.append(("og:description", description))
    if urls.absolute_url(url, base_url):
        tags.append(("og:url", urls.absolute_url(url, base_url)))
    if published:
        tags.append(("article:published_time", published))
    return tags


def article_json_ld(article: Article, issue: Issue, magazine: bool, base_url: str) -> Markup:
    """The article page's JSON-LD, from the models it describes (a page defers it)."""
    return json_ld(article_data(article, issue, magazine, base_url))


def issue_json_ld(issue: Issue, magazine: bool, base_url: str) -> Markup:
    return json_ld(issue_data(issue, magazine, base_url))
