"""Atom feeds: the whole archive, each publication, each region.

Built with feedgen. Output is deterministic: every `updated`/`published`
time comes from an issue date (midnight, Beijing time, the papers' own
clock), never from the clock of the machine that builds.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from feedgen.feed import FeedGenerator

from .. import urls
from ..config import Config
from ..model import Article, Site
from ..text.plain import excerpt

FEED_SIZE = 50  # newest articles per feed
EXCERPT_CHARS = 201  # at most, the ellipsis included: 200 characters of text and …
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))


def feed_files(site: Site, config: Config) -> dict[str, bytes]:
    """`feed.xml`, `<pub>/feed.xml` and `regions/<slug>/feed.xml`: the feeds `site.feeds` lists."""
    about = {urls.FEED: (urls.HOME, config.title, config.description)}
    for pub in site.publications:
        about[urls.feed_of(pub.url)] = (pub.url, f"{pub.name} · {config.title}", pub.description or pub.name)
    for region in site.regions:
        about[urls.feed_of(region.url)] = (region.url, f"{region.name} · {config.title}",
                                                f"{config.title}中有关{region.name}的报道")
    return {path: render_feed(articles, config, path, *about[path]) for path, articles in site.feeds.items()}


def newest(articles: Iterable[Article], limit: int = FEED_SIZE) -> list[Article]:
    """Newest issues first; within an issue, reading order."""
    ordered = sorted(articles, key=lambda a: (a.publication_slug, a.issue, a.order))
    ordered.sort(key=lambda a: a.date, reverse=True)
    return ordered[:limit]


def issue_time(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), CHINA_TIME)


def render_feed(articles, config: Config, feed_path: str, page_path: str,
                title: str, subtitle: str) -> bytes:
    chosen = newest(articles)
    base = config.base_url
    fg = FeedGenerator()
    fg.id(urls.absolute_url(page_path, base))
    fg.title(title)
    fg.subtitle(subtitle or title)
    fg.link(href=urls.absolute_url(page_path, base), rel="alternate", type="text/html")
    fg.link(href=urls.absolute_url(feed_path, base), rel="self", type="application/atom+xml")
    fg.language(config.language)
    fg.generator("gazette")
    fg.updated(issue_time(max(a.date for a in chosen)))
    for article in chosen:
        add_entry(fg, article, base)
    return fg.atom_str(pretty=True)


def add_entry(fg: FeedGenerator, article: Article, base: str) -> None:
    entry = fg.add_entry(order="append")
    url = urls.absolute_url(article.url, base)
    entry.id(url)
    entry.title(article.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.published(issue_time(article.date))
    entry.updated(issue_time(article.date))
    for name in article.authors:
        entry.author({"name": name})
    summary = excerpt(article.body, EXCERPT_CHARS)
    if summary:
        entry.summary(summary)
    if article.kind:
        entry.category(term=article.kind)
    for region in article.regions:
        entry.category(term=region)
    entry.source(title=article.publication, url=urls.absolute_url(urls.publication(article.publication_slug), base))
