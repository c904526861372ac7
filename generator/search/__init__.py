"""Full-text search: site model → the files of search/ (path, bytes).

The pipeline, in order: plain text per article (documents), terms
(fold + tokenize), lunr shards (index; made by `shards`, from what `cache`
kept of the last build where it still holds), then the scripts the page loads: the data, and the engine
that reads it (assets: shipped here, never a theme's).
Everything is a classic script so the search page works from file://.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from functools import cache as made_once, partial

from ..config import Config
from ..i18n import _
from ..model import Site
from ..progress import SILENT, Progress
from . import cache
from .assets import ENGINE_PATHS, engine_files, lunr_script, theme_engine_copies
from .cache import text_key
from .documents import DataFile, LazyDocs, SearchDoc, data_file, docs_payload, regions_payload, script, text_files, text_key_of
from .fold import t2s_script
from .index import Plan
from .shards import Shard, index_scripts, piece_scripts


def search_outputs(site: Site, config: Config, progress: Progress = SILENT,
                   jobs: int | None = None, keys: list[str] | None = None) -> Iterator[DataFile]:
    """Every file of search/, one at a time, each made when asked: the shards are many and large
    (bench/search.md), so the build writes each as it comes instead of holding them all, and
    takes a text file whose `source` is unchanged from the last build, or a shard no
    edit touched, without making it. `jobs`: processes that tokenize and encode (None: every usable core);
    `keys`: each article's `documents.text_key_of`, when known (None: digested here)."""
    lunr = lunr_script(config)  # first: a missing node_modules stops the build before any work
    docs = LazyDocs(site.articles)
    keys = keys if keys is not None else [text_key_of(a) for a in site.articles]
    plan, shards = index_files(docs, config, progress, jobs, keys)
    yield data_file("search/lunr.min.js", lunr)
    yield data_file("search/t2s.js", t2s_script())
    yield from (data_file(path, data) for path, data in engine_files().items())
    yield data_file("search/regions.js", script("regions", 0, regions_payload(site)))
    yield from text_files(site, docs, keys)
    _, _, lengths = next(shards)
    files, scoring = lengths()
    yield from (data_file(path, data) for path, data in files.items())
    masks = []
    for k, (digest, mask, make) in enumerate(shards):
        masks.append(mask)
        if plan.pieces_of(k) == 1:
            yield DataFile(f"search/index-{k:03d}.js", None if digest is None else ("shard", digest), make)
            continue
        pieces = made_once(partial(_pieces, make))  # (made once for all of the shard's pieces)
        for i in range(plan.pieces_of(k)):
            if mask >> i & 1:  # a piece of no term is no file: docs.js says which there are
                yield DataFile(f"search/index-{k:03d}-{i}.js", None if digest is None else ("shard", digest, i),
                               partial(_piece, pieces, i))
    # last: it lists the pieces the shards were written in
    yield data_file("search/docs.js", script("docs", 0, docs_payload(site, plan.payload(masks), scoring)))


def _pieces(make) -> list[bytes]:
    """A shard's pieces (shards.piece_scripts)."""
    return piece_scripts(make())


def _piece(pieces, i: int) -> bytes:
    return pieces()[i]


def search_files(site: Site, config: Config, progress: Progress = SILENT,
                 jobs: int | None = None) -> Iterator[tuple[str, bytes]]:
    """Every file of search/ as (path, bytes), one at a time."""
    return ((file.path, file.make()) for file in search_outputs(site, config, progress, jobs))


def build_search(site: Site, config: Config, progress: Progress = SILENT, jobs: int | None = None) -> dict[str, bytes]:
    """All of search/ at once, sorted by path."""
    return dict(sorted(search_files(site, config, progress, jobs)))


def index_shards(docs: Sequence[SearchDoc], config: Config, progress: Progress = SILENT,
                 jobs: int | None = None, keys: list[str] | None = None) -> tuple[Plan, Iterator[bytes]]:
    """The shard plan, and as scripts the field lengths (`shards.lengths_scripts`: by path, and the scoring) then the shards
    (`index_files`, made)."""
    plan, files = index_files(docs, config, progress, jobs, keys)
    return plan, (make() for _digest, _present, make in files)


def index_files(docs: Sequence[SearchDoc], config: Config, progress: Progress = SILENT,
                jobs: int | None = None, keys: list[str] | None = None) -> tuple[Plan, Iterator[Shard]]:
    """The shard plan, and the field lengths then the shards, each as (the digest of its bytes, None
    for the lengths; how to make it, before taking the next: the lengths' scripts at once), made (or taken from the
    cache) one at a time as they are taken (shards.py), on up to `jobs` processes
    (None: every usable core); `keys`: each doc's `cache.text_key` (None: of its fields). Without a usable cache (`cache_dir: ""`, or one that cannot be
    opened) a temporary one passes terms between the steps and is deleted at the end."""
    folder = config.root / config.cache_dir / "search" if config.cache_dir else None
    keys = keys if keys is not None else [text_key((d.title, d.meta, d.body)) for d in docs]
    code = cache.code_digest()
    try:
        store = cache.open_store(folder, code)
    except (OSError, sqlite3.Error):
        store = cache.open_store(None, code)
    try:
        plan, files = index_scripts(docs, keys, store, jobs)
    except sqlite3.Error:  # the cache failed under us: once more without it
        store.close()
        store = cache.open_store(None, code)
        plan, files = index_scripts(docs, keys, store, jobs)
    except BaseException:
        store.close()
        raise

    def closing() -> Iterator[Shard]:
        try:
            yield from progress.track(files, _("building the search index"), total=plan.total + 1)
        finally:
            store.close()
    return plan, closing()
