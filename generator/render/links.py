"""Links relative to the page being rendered.

generator.urls gives every page a site-relative path that names a file
(``regions/bayingolin/index.html``). Pages link to each other with paths
relative to themselves, never from ``/``, so one build works opened from disk
(``file://``), at a domain root and under a GitHub Pages sub-path ``/<repo>/``.
"""
from __future__ import annotations

import functools
from urllib.parse import urlsplit


def is_external(url: str) -> bool:
    """True for URLs with a scheme (https:, mailto:…) or a host (//example.org)."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def root_prefix(page_url: str) -> str:
    """The relative path from a page to the site root: "", "../", "../../"…"""
    return "../" * page_url.count("/")


def relative_url(target: str, page_url: str) -> str:
    """`target` (site-relative, may carry #fragment or ?query) as seen from `page_url`.

    >>> relative_url("regions/altay/index.html", "altay-daily/2023-05-30/001-x.html")
    '../../regions/altay/index.html'
    >>> relative_url("#top", "index.html")
    '#top'
    """
    if not target or target.startswith(("#", "?")) or is_external(target):
        return target
    path, sep, rest = _split_suffix(target)
    return _relative_path(path, page_url) + sep + rest


@functools.lru_cache(maxsize=65536)
def _relative_path(path: str, page_url: str) -> str:
    """Like posixpath.relpath for normalized site paths, without touching the filesystem (hot path)."""
    here = page_url.split("/")[:-1]
    there = path.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def _split_suffix(target: str) -> tuple[str, str, str]:
    for mark in ("?", "#"):
        if mark in target:
            path, rest = target.split(mark, 1)
            return path, mark, rest
    return target, "", ""
