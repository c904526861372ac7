"""Full-text search: site model → the files of search/ (path, bytes).

The pipeline, in order: plain text per article (documents), terms
(fold + tokenize), lunr shards (index, reused from `cache` when the text
is unchanged), then the scripts the page loads: the data, and the engine
that reads it (assets: shipped here, never a theme's).
Everything is a classic script so the search page works from file://.
"""
from __future__ import annotations

from typing import Iterator

from ..config import Config
from ..i18n import _
from ..model import Site
from ..progress import SILENT, Progress
from . import cache
from .assets import ENGINE_PATHS, engine_files, lunr_script, theme_engine_copies
from .documents import SearchDoc, docs_payload, meta_files, script, search_docs, text_files
from .fold import t2s_script
from .index import FIELDS, Plan, build_shards, plan_shards
from .wire import params


def search_files(site: Site, config: Config, progress: Progress = SILENT) -> Iterator[tuple[str, bytes]]:
    """Every file of search/ as (path, bytes), one at a time: the shards are many and large
    (bench/search.md), so the build writes each as it comes instead of holding them all."""
    lunr = lunr_script(config)  # first: a missing node_modules stops the build before any work
    docs = search_docs(site)
    plan, shards = index_shards(docs, config, progress)
    yield "search/lunr.min.js", lunr
    yield "search/t2s.js", t2s_script()
    yield from engine_files().items()
    yield "search/docs.js", script("docs", 0, docs_payload(site, plan.payload(), params(FIELDS, len(docs))))
    yield from meta_files(site).items()
    yield from text_files(docs).items()
    yield "search/lengths.js", next(shards)
    for k, data in enumerate(shards):
        yield f"search/index-{k:03d}.js", data


def build_search(site: Site, config: Config, progress: Progress = SILENT) -> dict[str, bytes]:
    """All of search/ at once, sorted by path."""
    return dict(sorted(search_files(site, config, progress)))


def index_shards(docs: list[SearchDoc], config: Config, progress: Progress = SILENT) -> tuple[Plan, Iterator[bytes]]:
    """The shard plan, and as scripts the field lengths (lengths.js) then the shards, made (or
    read) one at a time as they are taken:
    from the cache when the searchable text is unchanged (planning reads every article's text
    too, so the plan is cached with the shards: bench/build.md), else built and kept in the cache
    as they pass."""
    def made(plan: Plan) -> Iterator[bytes]:
        payloads = progress.track(build_shards(docs, plan), _("building the search index"), total=plan.total + 1)
        lengths = next(payloads)
        yield script("lengths", 0, lengths)
        yield from (script("index", k, index) for k, index in enumerate(payloads))

    if not config.cache_dir:
        plan = plan_shards(docs)
        return plan, made(plan)
    folder = config.root / config.cache_dir / "search"
    key = cache.digest(docs)
    cached = cache.load(folder, key)
    if cached is not None:
        payload, files = cached
        return Plan.from_payload(payload), (f.read_bytes() for f in files)
    plan = plan_shards(docs)
    return plan, cache.stored(folder, key, plan.payload(), made(plan))
