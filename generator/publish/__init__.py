"""Everything a build publishes besides pages and search: feeds, sitemap,
robots.txt/.nojekyll and the metadata export. Each module returns
`{site-relative path: bytes}`; `publish_site` merges them. Feeds and sitemap
need an absolute http(s) `base_url` (urls.read_base_url decides, as it does
for the pages' feed links): without one, or with a path such as /archive/, they
are skipped (the build's summary says so)."""
from __future__ import annotations

from typing import Iterable

from ..config import Config
from ..content.yamlio import brief
from ..model import Site
from ..problems import Problem, warning
from ..i18n import _
from ..urls import read_base_url
from ..writer import merge_outputs
from .export import export_files
from .feeds import feed_files
from .robots import robots_files
from .sitemap import sitemap_files


def publish_site(site: Site, config: Config, pages: Iterable[str],
                 exported: dict[str, bytes] | None = None) -> tuple[dict[str, bytes], list[Problem]]:
    """The publishing outputs for a site whose rendered page paths are `pages`; `exported`: the
    metadata export when made already (`export.patched_export`)."""
    absolute = bool(config.absolute_base_url)
    files = merge_outputs(
        feed_files(site, config) if absolute else {},
        sitemap_files(pages, site, config.base_url) if absolute else {},
        robots_files(config.base_url, has_sitemap=absolute),
        export_files(site) if exported is None else exported,
    )
    return files, base_url_problems(config)


def base_url_problems(config: Config) -> list[Problem]:
    """load_config refuses an unusable base_url; a Config made without it is warned about here."""
    problem = read_base_url(config.base_url).problem
    if not problem:
        return []
    return [warning("gazette.yaml", None, "bad-base-url",
                    _("base_url '{value}' cannot be used ({why}): feed.xml and sitemap.xml were not written").format(
                        value=brief(config.base_url), why=_(problem)))]
