"""Full-text search: site model → {path: bytes} under search/.

The pipeline, in order: plain text per article (documents), terms
(fold + tokenize), lunr shards (index, reused from `cache` when the text
is unchanged), then the scripts the page loads.
Everything is a classic script so the search page works from file://.
"""
from __future__ import annotations

from ..config import Config
from ..model import Site
from ..progress import SILENT, Progress
from . import cache
from .assets import lunr_script
from .documents import SearchDoc, docs_payload, script, search_docs, text_files
from .fold import t2s_script
from .index import Plan, build_shards, plan_shards


def build_search(site: Site, config: Config, progress: Progress = SILENT) -> dict[str, bytes]:
    docs = search_docs(site)
    plan, shards = index_shards(docs, config, progress)
    files = {
        "search/lunr.min.js": lunr_script(config),
        "search/t2s.js": t2s_script(),
        "search/docs.js": script("docs", 0, docs_payload(site, plan.payload())),
        **text_files(docs),
    }
    for k, data in enumerate(shards):
        files[f"search/index-{k:03d}.js"] = data
    return dict(sorted(files.items()))


def index_shards(docs: list[SearchDoc], config: Config, progress: Progress = SILENT) -> tuple[Plan, list[bytes]]:
    """The shard plan and the shards as scripts: from the cache when the searchable text is unchanged
    (planning reads every article's text too: ≈ 25 s at 50,000 articles)."""
    def make() -> tuple[Plan, list[bytes]]:
        plan = plan_shards(docs)
        shards = progress.track(build_shards(docs, plan), "建立搜索索引", total=plan.total)
        return plan, [script("index", k, index) for k, index in enumerate(shards)]

    if not config.cache_dir:
        return make()
    folder = config.root / config.cache_dir / "search"
    key = cache.digest(docs)
    cached = cache.load(folder, key)
    if cached is not None:
        payload, shards = cached
        return Plan.from_payload(payload), shards
    plan, shards = make()
    cache.store(folder, key, plan.payload(), shards)
    return plan, shards
