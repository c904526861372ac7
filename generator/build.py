"""`gazette build`: content/ → site/, one step per line, in order.

Every article is loaded and validated, and every URL fixed by the model,
before any page is rendered; only the writer touches disk.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from .config import Config
from .content.raw_sources import load_raw_sources
from .i18n import _
from .content.site import load_site
from .model import Site
from .problems import GazetteError, Problem, error, is_fatal, sort_problems
from .progress import SILENT, Progress
from .publish import publish_site
from .render import render_site
from .render.themes import theme_layers
from .search import ENGINE_PATHS, search_files, theme_engine_copies
from .writer import OutputConflict, StagedSite, unsafe_output


@dataclass(frozen=True)
class BuildResult:
    files: int
    bytes: int
    articles: int
    seconds: float
    problems: tuple[Problem, ...]  # warnings that did not stop the build


def build(config: Config, progress: Progress = SILENT, site: Site | None = None) -> BuildResult:
    """Build the site; `site`, when the caller has loaded content already (`gazette check`, which
    reports the loader's problems itself)."""
    started = time.perf_counter()
    check_output(config)
    progress.step(_("reading content"))
    site, problems = (site, []) if site is not None else load_site(config)
    problems = list(problems) + theme_engine_copies(theme_layers(config))  # a theme's copy is not used
    raw_sources, raw_problems = load_raw_sources(site, config.root)  # for the 原文 pages
    problems += raw_problems
    if is_fatal(problems, config.strict):
        raise GazetteError(problems)
    try:
        with StagedSite(config.output_path) as stage:  # each part goes to disk as soon as it is made
            progress.step(_("rendering pages"))
            pages = render_site(site, config, reserved=ENGINE_PATHS,  # the search engine is gazette's
                                raw_sources=raw_sources)
            stage.add(pages)
            page_paths = sorted(pages)
            del pages
            progress.step(_("building the search index"))
            for path, data in search_files(site, config, progress):  # shard by shard (bench/build.md)
                stage.add({path: data})
            progress.step(_("writing feeds, sitemap and data"))
            publish, publish_problems = publish_site(site, config, page_paths)
            stage.add(publish)
            problems += publish_problems
            progress.step(_("writing files"))  # the swap: the new site replaces the old one at once
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        raise GazetteError([error(config.output_dir, None, "write",
                                  _("the build stopped on a disk error: {why}").format(why=exc.strerror or exc)
                                  + where)]) from None
    except OutputConflict as exc:
        raise GazetteError([error(config.output_dir, None, "url-conflict", str(exc))]) from None
    return BuildResult(
        files=len(stage.paths), bytes=stage.bytes, articles=len(site.articles),
        seconds=time.perf_counter() - started, problems=tuple(sort_problems(problems)),
    )


def check_output(config: Config) -> None:
    """Refuse, before any work, an output folder whose replacement would destroy something."""
    protected = {_("the content folder"): config.content_path,
                 _("the theme override folder"): config.root / config.theme_dir,
                 _("the project's themes folder"): config.root / "themes",
                 _("the git repository"): config.root / ".git"}
    if config.cache_dir:
        protected[_("the cache folder")] = config.root / config.cache_dir
    reason = unsafe_output(config.output_path, config.root, protected)
    if reason:
        raise GazetteError([error(config.output_dir, None, "output-folder",
                                  _("refusing to build into {folder}: {reason}; choose another output folder").format(
                                      folder=config.output_path.resolve(), reason=reason))])
