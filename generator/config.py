"""Site configuration: `gazette.yaml` at the project root, checked like content.

Every setting has a default, so `gazette build` in a fresh clone needs no
flags and no config file. Unknown keys warn; `--strict` makes that fatal.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .problems import GazetteError, Problem, error
from .i18n import N_, _
from .content.schema import Field, check
from .content.yamlio import YamlSyntaxError, brief, load_yaml
from .urls import read_base_url

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


_HOW = N_("write the absolute http(s) address the site is published at (https://USER.github.io/REPO/), "
        "or the path it is served under (/archive/)")


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
                                      _("not UTF-8 text: save gazette.yaml as UTF-8"))]) from None
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
    return error(*where, "bad-base-url", _("base_url '{value}' cannot be used: {why}; {how}").format(
        value=brief(value), why=_(why), how=_(_HOW)))
