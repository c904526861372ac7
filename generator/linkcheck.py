"""Check a built site as a visitor's browser would see it, offline.

Works on `{site-relative path: bytes}` (a build's outputs or a folder read
from disk) so it runs the same before and after writing. Finds internal links
and `#anchors` that do not resolve, links to folders (which do not open from
`file://`), HTML pages not reachable from `index.html`, and resources fetched
from the network (scripts, stylesheets, icons, images, fonts), which would
break the offline bundle and leak readers' visits.
"""
from __future__ import annotations

import functools
import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit

from lxml import etree

from . import urls
from .problems import Problem, error
from .i18n import _

LINK_ATTRS = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
              "iframe": "src", "source": "src", "video": "src", "audio": "src", "form": "action"}
NAVIGATION_TAGS = frozenset({"a", "area", "form", "iframe"})  # links a reader follows, not resources
LOADED_RELS = frozenset({"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest",
                         "preload", "modulepreload", "prefetch"})
NOT_CHECKED = ("mailto:", "tel:", "javascript:", "data:", "blob:")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)|@import\s+['\"]([^'\"]+)['\"]")
ORPHANS_ALLOWED = frozenset({urls.NOT_FOUND})


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    tag: str
    rel: str = ""

    @property
    def is_loaded(self) -> bool:
        """Fetched by the browser on its own (unlike a link a reader follows, or a canonical URL)."""
        if self.tag == "link":
            return bool(set(self.rel.split()) & LOADED_RELS)
        return self.tag not in NAVIGATION_TAGS


@dataclass
class PageScan:
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


def scan_html(html: str | bytes) -> PageScan:
    """Links (with their lines) and anchor ids of one page; lxml, as html.parser is far slower."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    root = etree.fromstring(data, etree.HTMLParser(encoding="utf-8")) if data.strip() else None
    scan = PageScan()
    for element in root.iter() if root is not None else ():
        if isinstance(element.tag, str):
            scan_element(scan, element.tag.lower(), element.attrib, element.sourceline or 1, element.text)
    return scan


def scan_element(scan: PageScan, tag: str, values, line: int, text: str | None) -> None:
    for key in ("id",) + (("name",) if tag == "a" else ()):
        if values.get(key):
            scan.anchors.add(values[key])
    if tag in LINK_ATTRS and values.get(LINK_ATTRS[tag], "").strip():
        scan.links.append(Link(values[LINK_ATTRS[tag]].strip(), line, tag, values.get("rel", "").lower()))
    if tag == "img" and values.get("srcset"):
        scan.links += [Link(c.split()[0], line, "img") for c in values["srcset"].split(",") if c.strip()]
    if values.get("style"):
        scan.links += css_links(values["style"], line)
    if tag == "style" and text:
        scan.links += css_links(text, line)


def css_links(text: str, first_line: int = 1) -> list[Link]:
    links = []
    for match in CSS_URL.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        links.append(Link((match.group(1) or match.group(2)).strip(), line, "css"))
    return links


def is_remote(url: str) -> bool:
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https", "ftp", "ws", "wss")


def is_internal(url: str) -> bool:
    return not is_remote(url) and not url.lower().startswith(NOT_CHECKED) and not urlsplit(url).scheme


def resolve(page: str, url: str) -> tuple[str, str]:
    """(site-relative target path, fragment) of `url` as written on `page`; '' path means the page itself."""
    parts = urlsplit(url)
    if not parts.path:
        return page, unquote(parts.fragment)
    if parts.path.startswith("/"):
        target = parts.path.lstrip("/")  # root-relative: breaks under a Pages sub-path, reported below
    else:
        target = _join(posixpath.dirname(page), parts.path)
    if parts.path.endswith("/"):
        target += "/"
    return target, unquote(parts.fragment)


@functools.lru_cache(maxsize=1 << 16)
def _join(folder: str, path: str) -> str:
    """Cached: pages in one folder repeat the same navigation links."""
    return posixpath.normpath(posixpath.join(folder, unquote(path)))


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, keyed by site-relative path (contents for HTML and CSS only)."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        files[rel] = path.read_bytes() if rel.endswith((".html", ".css")) else b""
    return files


def check_site(files: Mapping[str, bytes], shown: str = "site",
               content_files: Mapping[str, tuple[str, str]] | None = None) -> list[Problem]:
    """Every problem in a built site; paths are shown as `<shown>/<path>:<line>`.

    `content_files` maps a page to the content file it was made from (path, text): a bad
    link found there is reported at that file, on the line that holds the link,
    since the Markdown is what the user must fix, not the built HTML.
    """
    scans = {p: scan_html(data) for p, data in files.items() if p.endswith(".html")}
    problems: list[Problem] = []
    for page, scan in sorted(scans.items()):
        content_file = (content_files or {}).get(page)
        for link, code, message in bad_links(page, scan.links, files, scans):
            line = content_file and next((n for n, text in enumerate(content_file[1].splitlines(), 1) if link.url in text), None)
            if line:
                problems.append(error(content_file[0], line, code, _("{message} (in {page}:{line})").format(
                    message=message, page=f"{shown}/{page}", line=link.line)))
            else:
                problems.append(error(f"{shown}/{page}", link.line, code, message))
    for sheet in sorted(p for p in files if p.endswith(".css")):
        problems += [error(f"{shown}/{sheet}", link.line, code, message) for link, code, message
                     in bad_links(sheet, css_links(files[sheet].decode("utf-8", "replace")), files, scans)]
    problems += find_orphans(scans, shown)
    return problems


def bad_links(page, links, files, scans) -> list[tuple[Link, str, str]]:
    """(link, code, message) for each link of `page` that loads the network or does not resolve."""
    found = []
    for link in links:
        if is_remote(link.url):
            if link.is_loaded:
                found.append((link, "remote-resource",
                              _("loads {url} from the network (the site must work offline)").format(url=link.url)))
            continue
        if not is_internal(link.url):
            continue
        problem = check_target(page, link, files, scans)
        if problem:
            found.append((link, *problem))
    return found


def check_target(page: str, link: Link, files, scans) -> tuple[str, str] | None:
    """(code, message) if `link` on `page` does not resolve."""
    if link.url.startswith("/"):
        return "root-relative", _("{url} starts with / and breaks under a sub-path and from disk").format(url=link.url)
    target, fragment = resolve(page, link.url)
    if target.endswith("/") or target == ".":
        return "folder-link", _folder_link(link)
    if target.startswith("../") or target not in files:
        if target.rstrip("/") + "/index.html" in files or any(f.startswith(target + "/") for f in files):
            return "folder-link", _folder_link(link)
        return "broken-link", _("{url} does not exist (resolves to {target})").format(url=link.url, target=target)
    if fragment and target in scans and fragment not in scans[target].anchors:
        return "broken-anchor", _('{url}: no id "{fragment}" in {target}').format(url=link.url, fragment=fragment,
                                                                                   target=target)
    return None


def _folder_link(link: Link) -> str:
    return _("{url} names a folder; link to its index.html so it opens from disk").format(url=link.url)


def find_orphans(scans: Mapping[str, PageScan], shown: str) -> list[Problem]:
    """HTML pages a reader cannot reach by following links from index.html."""
    if urls.HOME not in scans:
        return [error(f"{shown}/{urls.HOME}", None, "no-index", _("the site has no {home}").format(home=urls.HOME))] if scans else []
    seen, queue = {urls.HOME}, deque([urls.HOME])
    while queue:
        page = queue.popleft()
        for link in scans[page].links:
            if is_internal(link.url) and not link.url.startswith("/"):
                target, _fragment = resolve(page, link.url)
                if target in scans and target not in seen:
                    seen.add(target)
                    queue.append(target)
    return [error(f"{shown}/{page}", None, "orphan", _("no page links here (not reachable from index.html)"))
            for page in sorted(scans) if page not in seen and page not in ORPHANS_ALLOWED]
