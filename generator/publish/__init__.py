"""Everything a build publishes besides pages and search: feeds, sitemap,
robots.txt/.nojekyll and the metadata export. Each module returns
`{site-relative path: bytes}`; `publish_site` merges them. Feeds and sitemap
need an absolute `base_url`: without one they are skipped (the build's summary
says so), with an unusable one they are skipped with a warning."""
from __future__ import annotations

from typing import Iterable

from ..config import Config
from ..model import Site
from ..problems import Problem
from ..writer import merge_outputs
from .export import export_files
from .feeds import feed_files
from .robots import robots_files
from .sitemap import sitemap_files
from .urls import base_url_problems


def publish_site(site: Site, config: Config, pages: Iterable[str]) -> tuple[dict[str, bytes], list[Problem]]:
    """The publishing outputs for a site whose rendered page paths are `pages`."""
    problems = base_url_problems(config.base_url)
    absolute = bool(config.base_url) and not problems
    files = merge_outputs(
        feed_files(site, config) if absolute and site.articles else {},
        sitemap_files(pages, site, config.base_url) if absolute else {},
        robots_files(config.base_url, has_sitemap=absolute),
        export_files(site),
    )
    return files, problems
