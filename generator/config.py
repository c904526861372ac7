"""Site configuration: `gazette.yaml` at the project root, checked like content.

Every setting has a default, so `gazette build` in a fresh clone needs no
flags and no config file. Unknown keys warn; `--strict` makes that fatal.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from .problems import GazetteError, Problem, error
from .content.schema import Field, check
from .content.yamlio import YamlSyntaxError, brief, load_yaml

CONFIG_FILE = "gazette.yaml"

CONFIG_FIELDS = {
    "title": Field("str"),
    "description": Field("str"),
    "base_url": Field("str"),
    "language": Field("str"),
    "theme": Field("str"),
    "theme_dir": Field("str"),
    "content_dir": Field("str"),
    "output_dir": Field("str"),
    "per_page": Field("int", minimum=1),
    "cache_dir": Field("str"),
}


class BaseUrl(NamedTuple):
    """What a base_url is good for: `url` (normalized, ends in '/') is absolute (feeds,
    sitemap, canonical, og:url, JSON-LD, <base href>) or a path (<base href> only)."""
    url: str
    absolute: bool
    problem: str | None = None


# Characters of an address that needs no escaping anywhere it is written (an attribute,
# JSON, XML, robots.txt): RFC 3986's unreserved and delimiters, without quotes or spaces.
_URL_CHARS = re.compile(r"^[A-Za-z0-9._~:/@!$&()*+,;=%\[\]-]*$")
_PATH_PREFIX = re.compile(r"^(?:/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+)*/?$")
_HOW = ("write the absolute http(s) address the site is published at (https://USER.github.io/REPO/), "
        "or the path it is served under (/archive/)")


@functools.lru_cache(maxsize=16)
def read_base_url(value: str | None) -> BaseUrl:
    """The one decision about a base_url, for every place that writes it.

    "" is no base URL (a site for disk or a preview). An absolute http(s) address is used
    everywhere; a plain path prefix (/archive/) only in the 404 page's <base href>, since
    feeds, sitemaps, canonical and OpenGraph links need a host. Anything else
    (javascript:, ftp://, quotes or spaces) is a problem: it would be written into pages.
    """
    value = (value or "").strip()
    if not value:
        return BaseUrl("", False)
    url = value if value.endswith("/") else value + "/"
    if _PATH_PREFIX.match(url):
        return BaseUrl(url, False)
    if not _URL_CHARS.match(value):
        return BaseUrl("", False, "it holds spaces, quotes or other characters an address cannot hold")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError:
        return BaseUrl("", False, "it is no well-formed address")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return BaseUrl("", False, "it is neither an absolute http(s) address nor a path starting with /")
    if parts.query or parts.fragment or parts.username is not None:
        return BaseUrl("", False, "an address with ?query, #fragment or user@ cannot be a base")
    return BaseUrl(url, True)


@dataclass(frozen=True)
class Config:
    root: Path
    title: str = "新疆地方报刊档案"
    description: str = "巴音郭楞日报、阿勒泰日报、党员之友等新疆地方报刊的全文档案"
    base_url: str = ""  # read_base_url says where it is used (feeds, sitemap, canonical, 404's <base>)
    language: str = "zh-Hans"
    theme: str = "default"
    theme_dir: str = "overrides"  # the site's own override folder, searched first
    content_dir: str = "content"
    output_dir: str = "site"
    per_page: int = 50
    cache_dir: str = ".gazette-cache"  # search shards of the last build, reused when the text is unchanged; "" = off
    strict: bool = False
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def output_path(self) -> Path:
        return self.root / self.output_dir

    @property
    def absolute_base_url(self) -> str:
        """The base_url if it is an absolute http(s) address (feeds, canonical links…), else ""."""
        base = read_base_url(self.base_url)
        return base.url if base.absolute else ""

    def with_overrides(self, **values) -> "Config":
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def load_config(root: Path | str = ".", **overrides) -> Config:
    """Read `gazette.yaml` under `root` if present; raise GazetteError on errors."""
    root = Path(root).resolve()
    path = root / CONFIG_FILE
    values: dict = {}
    problems: list[Problem] = []
    data = None
    if path.is_file():
        try:
            data = load_yaml(path.read_text(encoding="utf-8-sig"))
        except YamlSyntaxError as exc:
            raise GazetteError([error(CONFIG_FILE, exc.line, "yaml", exc.message)]) from None
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[:exc.start].count(b"\n") + 1
            raise GazetteError([error(CONFIG_FILE, line, "encoding",
                                      "not UTF-8 text: save gazette.yaml as UTF-8")]) from None
        if data is not None:
            values, problems = check(data, CONFIG_FIELDS, CONFIG_FILE)
    config = Config(root=root, **values, warnings=tuple(problems)).with_overrides(**overrides)
    base = read_base_url(config.base_url)
    if base.problem:
        problems.append(_base_url_error(config.base_url, base.problem, overrides.get("base_url") is not None,
                                        data.line_of("base_url") if hasattr(data, "line_of") else None))
    if any(p.is_error for p in problems):
        raise GazetteError(problems)
    return replace(config, base_url=base.url)


def _base_url_error(value: str, why: str, from_flag: bool, line: int | None) -> Problem:
    """At the --base-url flag if it was given, else at base_url's line in gazette.yaml."""
    where = ("--base-url", None) if from_flag else (CONFIG_FILE, line)
    return error(*where, "bad-base-url", f"base_url '{brief(value)}' cannot be used: {why}; {_HOW}")
