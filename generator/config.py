"""Site configuration: `gazette.yaml` at the project root, checked like content.

Every setting has a default, so `gazette build` in a fresh clone needs no
flags and no config file. Unknown keys warn; `--strict` makes that fatal.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .problems import GazetteError, Problem, error
from .content.schema import Field, check
from .content.yamlio import YamlSyntaxError, load_yaml

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


@dataclass(frozen=True)
class Config:
    root: Path
    title: str = "新疆地方报刊档案"
    description: str = "巴音郭楞日报、阿勒泰日报、党员之友等新疆地方报刊的全文档案"
    base_url: str = ""  # used only where absolute URLs are required (feeds, sitemap, canonical)
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

    def with_overrides(self, **values) -> "Config":
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def load_config(root: Path | str = ".", **overrides) -> Config:
    """Read `gazette.yaml` under `root` if present; raise GazetteError on errors."""
    root = Path(root).resolve()
    path = root / CONFIG_FILE
    values: dict = {}
    problems: list[Problem] = []
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
    if any(p.is_error for p in problems):
        raise GazetteError(problems)
    config = Config(root=root, **values, warnings=tuple(problems))
    return config.with_overrides(**overrides)
