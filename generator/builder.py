"""`gazette build`: content/ → site/, one step per line, in order.

Every article is loaded and validated, and every URL fixed by the model,
before any page is rendered; only the writer touches disk.

Builds are incremental (`buildcache.py`): when nothing the site is made of has
changed and site/ is as the last build left it, there is nothing to do; else
unchanged outputs are kept from the previous site and only the rest is made,
then published in place by a journal (`writer.py`). `clean` forgets the cache
first: a full build, staged whole and swapped in at once.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from . import buildcache
from .config import Config
from .i18n import _
from .model import Site
from .problems import GazetteError, Problem, error
from .progress import SILENT, Progress
from .theme_layers import theme_layers
from .writer import unsafe_output


@dataclass(frozen=True)
class BuildResult:
    files: int
    bytes: int
    articles: int
    seconds: float
    problems: tuple[Problem, ...]  # warnings that did not stop the build
    reused: int = 0  # files taken unchanged from the previous site
    rendered: int | None = None  # pages rendered (None: every page, a build without the cache)


def build(config: Config, progress: Progress = SILENT, site: Site | None = None,
          clean: bool = False, jobs: int | None = None) -> BuildResult:
    """Build the site; `site`, when the caller has loaded content already (`gazette check`, which
    reports the loader's problems itself: such a build is a full one and leaves no cache); `jobs`:
    the processes that render pages (None: one per usable core; `workers.py` says when it forks)."""
    started = time.perf_counter()
    check_output(config)
    if clean:
        buildcache.clear(config)
    folder = buildcache.cache_folder(config) if site is None else None
    layers = theme_layers(config)
    taken_at = buildcache.now()
    key, reading_key, code_key = buildcache.build_key(config, layers)
    content = buildcache.snapshot(config.content_path) if folder else {}
    manifest = buildcache.load_manifest(folder, config.output_path)
    before = buildcache.site_state(config.output_path) if manifest else {}
    if buildcache.unchanged(manifest, key, content, before):
        files, size, articles, problems = manifest.result
        return BuildResult(files=files, bytes=size, articles=articles, seconds=time.perf_counter() - started,
                           problems=problems, reused=files, rendered=0)
    memo = buildcache.ArticleMemo(folder, reading_key, content, taken_at) if folder else None
    from .pipeline import Reuse, full_build, read_outside  # past the no-op check: importing it costs more
    from . import phrasecache
    phrases_taken = phrasecache.load(folder, code_key)
    result, outputs, record = full_build(config, progress, site, layers, memo,
                                         Reuse(manifest, before, config.output_path), key if folder else None, jobs,
                                         content if folder else None)
    if folder:
        read = read_outside(config) + result.raw_files
        buildcache.save_manifest(folder, config.output_path, buildcache.Manifest(
            key=key, snapshot=content, taken_at=taken_at, outputs=outputs,
            site=buildcache.site_state(config.output_path) if result.site is None else result.site,
            result=(result.files, result.bytes, result.articles, result.problems),
            read=read, read_digest=buildcache.files_digest(read),
            bodies=record.bodies, person_urls=record.person_urls), previous=manifest)
        memo.save()
        phrasecache.save(folder, code_key, phrases_taken)
    return BuildResult(files=result.files, bytes=result.bytes, articles=result.articles,
                       seconds=time.perf_counter() - started, problems=result.problems, reused=result.reused,
                       rendered=result.rendered if folder else None)


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
