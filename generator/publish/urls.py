"""Absolute URLs for the few outputs that need them (feeds, sitemap, robots.txt).

Everything else in the site links relatively, so it works from disk and under
any sub-path; `base_url` (config or `--base-url`) is consulted only here.
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit

from ..problems import Problem, warning


def normalize_base_url(base_url: str) -> str:
    """`https://host/repo` → `https://host/repo/`; empty stays empty."""
    base_url = (base_url or "").strip()
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    return base_url


def is_absolute_base(base_url: str) -> bool:
    parts = urlsplit(base_url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def absolute_url(base_url: str, path: str) -> str:
    """The public URL of a site-relative path; `index.html` folders stay as files (they work from disk too)."""
    return normalize_base_url(base_url) + quote(path, safe="/-._~")


def base_url_problems(base_url: str) -> list[Problem]:
    """A base_url that cannot be used. None at all is no problem: a site for disk or a
    preview needs none, and the build's summary says feeds and sitemap were skipped."""
    if base_url and not is_absolute_base(base_url):
        return [warning("gazette.yaml", None, "bad-base-url",
                        f"base_url {base_url!r} is not an absolute http(s) URL: "
                        "feed.xml and sitemap.xml were not written")]
    return []
