"""`gazette build`: content/ → site/, one step per line, in order.

Every article is loaded and validated, and every URL fixed by the model,
before any page is rendered; only the writer touches disk.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from .config import Config
from .content.site import load_site
from .problems import GazetteError, Problem, error, is_fatal, sort_problems
from .progress import SILENT, Progress
from .publish import publish_site
from .render import render_site
from .search import build_search
from .writer import merge_outputs, unsafe_output, write_site


@dataclass(frozen=True)
class BuildResult:
    files: int
    bytes: int
    articles: int
    seconds: float
    problems: tuple[Problem, ...]  # warnings that did not stop the build


def build(config: Config, progress: Progress = SILENT) -> BuildResult:
    started = time.perf_counter()
    check_output(config)
    progress.step("读取内容")
    site, problems = load_site(config)
    if is_fatal(problems, config.strict):
        raise GazetteError(problems)
    progress.step("生成页面")
    pages = render_site(site, config)
    progress.step("建立搜索索引")
    search = build_search(site, config, progress)
    progress.step("生成订阅、站点地图与数据")
    publish, publish_problems = publish_site(site, config, pages)
    files = merge_outputs(pages, search, publish)
    problems += publish_problems
    progress.step("写入文件")
    try:
        write_site(files, config.output_path)
    except OSError as exc:
        raise GazetteError([error(config.output_dir, None, "write", f"cannot write the site: {exc.strerror or exc}"
                                  + (f": {exc.filename}" if exc.filename else ""))]) from None
    return BuildResult(
        files=len(files), bytes=sum(map(len, files.values())), articles=len(site.articles),
        seconds=time.perf_counter() - started, problems=tuple(sort_problems(problems)),
    )


def check_output(config: Config) -> None:
    """Refuse, before any work, an output folder whose replacement would destroy something."""
    protected = {"content folder": config.content_path, "theme override folder": config.root / config.theme_dir,
                 "project's themes folder": config.root / "themes", "git repository": config.root / ".git"}
    if config.cache_dir:
        protected["cache folder"] = config.root / config.cache_dir
    reason = unsafe_output(config.output_path, config.root, protected)
    if reason:
        raise GazetteError([error(config.output_dir, None, "output-folder", f"refusing to build into "
                                  f"{config.output_path.resolve()}: {reason}; choose another output folder")])
