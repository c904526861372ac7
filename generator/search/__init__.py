"""Full-text search: site model → the files of search/ (path, bytes).

The pipeline, in order: plain text per article (documents), terms
(fold + tokenize), lunr shards (index; made by `shards`, from what `cache`
kept of the last build where it still holds), then the scripts the page loads: the data, and the engine
that reads it (assets: shipped here, never a theme's).
Everything is a classic script so the search page works from file://.
"""
from __future__ import annotations

import sqlite3
from typing import Iterator

from ..config import Config
from ..i18n import _
from ..model import Site
from ..progress import SILENT, Progress
from . import cache
from .assets import ENGINE_PATHS, engine_files, lunr_script, theme_engine_copies
from .documents import SearchDoc, docs_payload, meta_files, script, search_docs, text_files
from .fold import t2s_script
from .index import FIELDS, Plan
from .shards import index_scripts
from .wire import params


def search_files(site: Site, config: Config, progress: Progress = SILENT,
                 jobs: int | None = None) -> Iterator[tuple[str, bytes]]:
    """Every file of search/ as (path, bytes), one at a time: the shards are many and large
    (bench/search.md), so the build writes each as it comes instead of holding them all.
    `jobs`: processes that tokenize and encode (None: every usable core)."""
    lunr = lunr_script(config)  # first: a missing node_modules stops the build before any work
    docs = search_docs(site)
    plan, shards = index_shards(docs, config, progress, jobs)
    yield "search/lunr.min.js", lunr
    yield "search/t2s.js", t2s_script()
    yield from engine_files().items()
    yield "search/docs.js", script("docs", 0, docs_payload(site, plan.payload(), params(FIELDS, len(docs))))
    yield from meta_files(site).items()
    yield from text_files(docs).items()
    yield "search/lengths.js", next(shards)
    for k, data in enumerate(shards):
        yield f"search/index-{k:03d}.js", data


def build_search(site: Site, config: Config, progress: Progress = SILENT, jobs: int | None = None) -> dict[str, bytes]:
    """All of search/ at once, sorted by path."""
    return dict(sorted(search_files(site, config, progress, jobs)))


def index_shards(docs: list[SearchDoc], config: Config, progress: Progress = SILENT,
                 jobs: int | None = None) -> tuple[Plan, Iterator[bytes]]:
    """The shard plan, and as scripts the field lengths (lengths.js) then the shards, made (or
    taken from the cache) one at a time as they are taken (shards.py), on up to `jobs` processes
    (None: every usable core). Without a usable cache (`cache_dir: ""`, or one that cannot be
    opened) a temporary one passes terms between the steps and is deleted at the end."""
    folder = config.root / config.cache_dir / "search" if config.cache_dir else None
    code = cache.code_digest()
    try:
        store = cache.open_store(folder, code)
    except (OSError, sqlite3.Error):
        store = cache.open_store(None, code)
    try:
        plan, files = index_scripts(docs, store, jobs)
    except sqlite3.Error:  # the cache failed under us: once more without it
        store.close()
        store = cache.open_store(None, code)
        plan, files = index_scripts(docs, store, jobs)
    except BaseException:
        store.close()
        raise

    def closing() -> Iterator[bytes]:
        try:
            yield from progress.track(files, _("building the search index"), total=plan.total + 1)
        finally:
            store.close()
    return plan, closing()
