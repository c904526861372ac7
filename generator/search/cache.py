"""Reuse the previous build's index shards when nothing they are made of changed.

The shards are most of a build's time (≈ 80 s of ≈ 90 s at 10,000 articles),
yet a template edit, a new theme or `gazette serve` rebuilding after a change
to a page leaves them as they were. They depend only on the searchable text
of every article (`SearchDoc`) and the code that cuts and scores terms (the
shard plan follows from those and is cached with them), so a digest of
exactly those names a cached set: same digest,
same bytes. Any change to an article's text, or to gazette's search code or
lunr.py, gives a new digest and a full rebuild (one changed article changes
IDF, and so scores, everywhere).

The cache lives in `<project>/.gazette-cache/search/<digest>/` (only the
latest is kept) and is written atomically; a cache that cannot be read or
written is simply not used: it can never fail a build or change its output.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Iterable

from .documents import SearchDoc

CACHE_VERSION = "2"  # 2: the plan is cached with the shards
_CODE = Path(__file__).resolve().parent


def digest(docs: list[SearchDoc]) -> str:
    """Everything the plan and shards are made of: searchable text, search code, lunr.py, OpenCC."""
    h = hashlib.sha256()
    packages = [version("lunr"), version("opencc-python-reimplemented")]  # scoring; Traditional→Simplified folding
    h.update(json.dumps([CACHE_VERSION, packages]).encode())
    for path in sorted(_CODE.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for doc in docs:
        h.update("\0".join((doc.ref, doc.title, doc.meta, doc.body, "\x1e")).encode("utf-8"))
    return h.hexdigest()[:32]


def load(folder: Path, key: str) -> tuple[dict, list[bytes]] | None:
    """The cached plan (as its payload) and shards for `key`, in order, or None."""
    entry = folder / key
    try:
        count = int((entry / "count").read_text())
        plan = json.loads((entry / "plan.json").read_text(encoding="utf-8"))
        return plan, [(entry / f"{k:05d}.js").read_bytes() for k in range(count)]
    except (OSError, ValueError):
        return None


def store(folder: Path, key: str, plan: dict, shards: Iterable[bytes]) -> None:
    """Keep `plan` and `shards` as the one cached set (best effort: errors leave no cache, not a failed build)."""
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
        count = 0
        for count, data in enumerate(shards, 1):
            (tmp / f"{count - 1:05d}.js").write_bytes(data)
        (tmp / "plan.json").write_text(json.dumps(plan, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        (tmp / "count").write_text(str(count))  # written last: an entry without it is never read
        for old in folder.iterdir():
            if old != tmp:
                shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, folder / key)
    except OSError:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
