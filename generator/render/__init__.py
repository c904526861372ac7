"""Rendering: the loaded `Site` → ``{site-relative path: bytes}`` for the writer.

Each page family lives in its own module and yields `Page` values; this module
only chains them, renders each with the theme, and adds the theme's static
files. Nothing here touches disk except reading the theme.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from itertools import chain

from ..config import Config
from ..content.raw_sources import RawSource
from ..model import Site
from ..problems import GazetteError, error
from ..i18n import _
from .archive import Archive
from .articles import article_pages
from .authors import author_pages
from .dates import date_pages
from .environment import render_page, theme_environment
from .home import home_pages, not_found_pages, search_pages
from .onthisday import on_this_day_files
from .issues import issue_pages
from .publications import publication_pages
from .raw_text import raw_text_pages
from .regions import region_pages
from .citation import is_magazine
from .themes import collect_static

PAGE_FAMILIES = (home_pages, publication_pages, issue_pages, raw_text_pages, article_pages, region_pages,
                 author_pages, date_pages, search_pages, not_found_pages)


def render_site(site: Site, config: Config, reserved: Collection[str] = (),
                raw_sources: Mapping[str, RawSource] | None = None) -> dict[str, bytes]:
    """Every page of the archive plus the theme's static files but those at `reserved` paths
    (another part of the build writes them), sorted by path; `raw_sources`: the issues' raw texts
    that can be shown (content.raw_sources), each given a 原文 page."""
    archive = Archive(site, raw_sources)
    env = theme_environment(config)
    env.globals["magazine_slugs"] = frozenset(p.slug for p in site.publications if is_magazine(p))  # 第N页, not 版
    env.globals["person_urls"] = {name: person.url for name, person in archive.people.items()}  # bylines link
    env.globals["feeds"] = frozenset(site.feeds) if config.absolute_base_url else frozenset()  # what publish writes
    files = collect_static(config, reserved)
    for page in chain.from_iterable(family(archive, config) for family in PAGE_FAMILIES):
        if page.url in files:
            raise GazetteError([error("content", None, "url-conflict",
                                      _("two pages for one path: {path}").format(path=page.url))])
        files[page.url] = render_page(env, page)
    files.update(on_this_day_files(site))  # data/ is the build's own: no theme file is there
    return dict(sorted(files.items()))
