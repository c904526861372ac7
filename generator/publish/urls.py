"""Absolute URLs for the few outputs that need them (feeds, sitemap, robots.txt).

Everything else in the site links relatively, so it works from disk and under
any sub-path; `base_url` (config or `--base-url`) is consulted only here, and only
when config.read_base_url has found it absolute.
"""
from __future__ import annotations

from urllib.parse import quote

from ..config import read_base_url


def absolute_url(base_url: str, path: str) -> str:
    """The public URL of a site-relative path under an absolute base_url (config.read_base_url
    has accepted it); `index.html` folders stay as files (they work from disk too)."""
    return read_base_url(base_url).url + quote(path, safe="/-._~")
