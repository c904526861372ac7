"""Rendering: the loaded `Site` → `Output`s (a site-relative path, a fingerprint, and how to make its bytes).

Each page family lives in its own module and yields `Page` values; this module
only chains them, renders each with the theme, and adds the theme's static
files. Nothing here touches disk except reading the theme.

A page family joins the incremental build by what its pages hold: each `Page`
is fingerprinted from its URL, template and context (`fingerprint.py`), so a
context made of the loaded models and plain values, with costly derived parts
wrapped in `deferred(function, *args)`, is all it takes for an unchanged page to
be reused instead of rendered; a context holding anything else is rendered
every time.
"""
from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
import re
from typing import Callable

from ..config import Config
from ..content.raw_sources import RawSource
from ..fingerprint import Fingerprints, Unfingerprintable
from ..model import Site
from ..problems import GazetteError, error
from ..i18n import _
from .archive import Archive
from .articles import article_pages
from .authors import author_pages
from .dates import date_pages
from .environment import render_page, theme_environment
from .home import home_pages, not_found_pages, search_pages
from .markdown import body_html
from .onthisday import on_this_day_files
from .phrases import phrase_markup
from .issues import issue_pages
from .publications import publication_pages
from .raw_text import raw_text_pages
from .regions import region_pages
from .citation import is_magazine
from .themes import collect_static

PAGE_FAMILIES = (home_pages, publication_pages, issue_pages, raw_text_pages, article_pages, region_pages,
                 author_pages, date_pages, search_pages, not_found_pages)


# The families whose pages are made from articles' texts (`Page.bodies`): all an edit to a text
# alone remakes, with the search and publishing files.
BODY_FAMILIES = (issue_pages, article_pages)


@dataclass(frozen=True)
class Output:
    """One file of the rendered site before it is made: `make()` gives its bytes; `fingerprint`
    digests all they are made of besides the build key (None: unknown, so always made); `bodies`:
    the articles whose text it is made from (`Page.bodies`)."""

    path: str
    fingerprint: str | None
    make: Callable[[], bytes]
    bodies: tuple[str, ...] = ()


def site_outputs(site: Site, config: Config, reserved: Collection[str] = (),
                 fingerprints: Fingerprints | None = None,
                 raw_sources: Mapping[str, RawSource] | None = None,
                 only: Collection[str] | None = None, person_urls: dict[str, str] | None = None) -> Iterator[Output]:
    """Every page of the archive plus the theme's static files but those at `reserved` paths
    (another part of the build writes them), each made only when asked; fingerprinted by
    `fingerprints` (whose salt is the build key) when given; `raw_sources`: the issues' raw texts
    that can be shown (content.raw_sources), each given a 原文 page. `only`: just the pages of
    `BODY_FAMILIES` at these URLs (an edit to texts alone). `person_urls`: the bylines' links,
    given as the last build had them (an edit to texts alone: no name's pinyin is read), or an
    empty dict that gets them."""
    archive = Archive(site, raw_sources, only)
    env = theme_environment(config)
    env.globals["magazine_slugs"] = frozenset(p.slug for p in site.publications if is_magazine(p))  # 第N页, not 版
    if not person_urls:  # the bylines' links
        person_urls = {} if person_urls is None else person_urls
        person_urls.update((name, person.url) for name, person in archive.people.items())
    env.globals["person_urls"] = person_urls
    env.globals["feeds"] = frozenset(site.feeds) if config.absolute_base_url else frozenset()  # what publish writes
    shared = (env.globals["magazine_slugs"], env.globals["feeds"],  # what every page may read besides its context
              tuple(sorted(env.globals["person_urls"].items())))
    static = collect_static(config, reserved) if only is None else {}
    for path, data in static.items():
        yield Output(path, _fingerprint(fingerprints, data), partial(bytes, data))
    taken = set(static)
    for page in chain.from_iterable(family(archive, config) for family in (PAGE_FAMILIES if only is None
                                                                            else BODY_FAMILIES)):
        if page.url in taken:
            raise GazetteError([error("content", None, "url-conflict",
                                      _("two pages for one path: {path}").format(path=page.url))])
        taken.add(page.url)
        yield Output(page.url, _fingerprint(fingerprints, (shared, page)), partial(render_page, env, page), page.bodies)
    if only is None:
        yield from data_outputs(site, fingerprints)


def data_outputs(site: Site, fingerprints: Fingerprints | None = None) -> Iterator[Output]:
    """The files the home page's scripts read (data/ is the build's own: no theme file is there)."""
    for path, data in on_this_day_files(site).items():
        yield Output(path, _fingerprint(fingerprints, data), partial(bytes, data))


_READS_BODY = re.compile(r"""\.\s*body\b|\[\s*["']body["']\s*\]|["']body["']\s*\)|attribute\s*=\s*["']body""")


def templates_read_bodies(layers: list[Path]) -> bool:
    """Whether a template of the theme layers may read an article's text itself (`article.body`,
    `attr('body')`…): then the pages showing an article depend on its text too, not only those
    of `BODY_FAMILIES`. The default theme's templates get texts only as their pages' context."""
    for layer in layers:
        for path in sorted((layer / "templates").rglob("*")) if (layer / "templates").is_dir() else ():
            if path.is_file() and _READS_BODY.search(path.read_text("utf-8", errors="replace")):
                return True
    return False


def load_renderers() -> None:
    """Load now what rendering pages loads on first use: BudouX's model and jieba's word list
    (headline phrases), the Markdown converter. Workers forked after this share them with the
    build rather than each load its own (`workers.map_forked`'s `before_fork`)."""
    phrase_markup("新疆")
    body_html("")


def _fingerprint(fingerprints: Fingerprints | None, value) -> str | None:
    if fingerprints is None:
        return None
    try:
        return fingerprints.of(value)
    except Unfingerprintable:
        return None

