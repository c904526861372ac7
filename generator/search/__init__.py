"""Full-text search: site model → {path: bytes} under search/.

The pipeline, in order: plain text per article (documents), terms
(fold + tokenize), lunr shards (index), then the scripts the page loads.
Everything is a classic script so the search page works from file://.
"""
from __future__ import annotations

from ..config import Config
from ..model import Site
from .assets import lunr_script
from .documents import docs_payload, script, search_docs, text_files
from .fold import t2s_script
from .index import build_shards, plan_shards


def build_search(site: Site, config: Config) -> dict[str, bytes]:
    docs = search_docs(site)
    plan = plan_shards(docs)
    files = {
        "search/lunr.min.js": lunr_script(config),
        "search/t2s.js": t2s_script(),
        "search/docs.js": script("docs", 0, docs_payload(site, plan.payload())),
        **text_files(docs),
    }
    for k, index in enumerate(build_shards(docs, plan)):
        files[f"search/index-{k:03d}.js"] = script("index", k, index)
    return dict(sorted(files.items()))
