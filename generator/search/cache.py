"""Reuse the previous build's index shards when nothing they are made of changed.

The shards are most of a cold build's time (bench/build.md), yet a template
edit, a new theme or `gazette serve` rebuilding after a change to a page
leaves them as they were. They depend only on the searchable text
of every article (`SearchDoc`) and the code and data that cut and score terms
(the shard plan follows from those and is cached with them), so a digest of
exactly those names a cached set: same digest, same bytes. Any change to an
article's text, to gazette's search code or the modules outside search/ that
its fold reads (`code_files`), to the Traditional→Simplified table, or to
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
from typing import Iterable, Iterator

from . import fold
from .documents import SearchDoc

CACHE_VERSION = "4"  # 2: the plan is cached with the shards; 3: wire.py format, lengths first; 4: hot lists
_CODE = Path(__file__).resolve().parent
# gazette modules outside search/ whose code decides terms: the fold reads OpenCC through
# text/fold.py, the tokenizer asks text/han.py which characters make a Han run.
_SHARED = ("text/fold.py", "text/han.py")


def code_files() -> list[Path]:
    """The source files terms come from: search/ itself and the shared modules it folds with."""
    return [*sorted(_CODE.glob("*.py")), *(_CODE.parent / name for name in _SHARED)]


def digest(docs: list[SearchDoc]) -> str:
    """Everything the plan and shards are made of: searchable text, the code that makes terms,
    the Traditional→Simplified table the fold applies (OpenCC's data, whatever its version says),
    lunr.py."""
    h = hashlib.sha256()
    packages = [version("lunr"), version("opencc-python-reimplemented")]  # scoring; Traditional→Simplified folding
    h.update(json.dumps([CACHE_VERSION, packages]).encode())
    for path in code_files():
        h.update(f"{path.parent.name}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(json.dumps(fold.t2s_table(), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\0")
    for doc in docs:
        h.update("\0".join((doc.ref, doc.title, doc.meta, doc.body, "\x1e")).encode("utf-8"))
    return h.hexdigest()[:32]


def load(folder: Path, key: str) -> tuple[dict, list[Path]] | None:
    """The cached plan (as its payload) and the files of its shards, in order, or None.
    Every file is there before any is read: a damaged entry is rebuilt, never half used."""
    entry = folder / key
    try:
        count = int((entry / "count").read_text())
        plan = json.loads((entry / "plan.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = [entry / f"{k:05d}.js" for k in range(count)]
    return (plan, files) if all(f.is_file() for f in files) else None


def stored(folder: Path, key: str, plan: dict, shards: Iterable[bytes]) -> Iterator[bytes]:
    """Yield `shards` as they come, keeping a copy; once all have passed, that copy becomes the
    one cached set. Best effort: a cache that cannot be written is dropped, the shards still flow;
    a build stopped half-way leaves no entry."""
    tmp: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
    except OSError:
        tmp = None
    count, complete = 0, False
    try:
        for data in shards:
            if tmp is not None:
                try:
                    (tmp / f"{count:05d}.js").write_bytes(data)
                except OSError:
                    shutil.rmtree(tmp, ignore_errors=True)
                    tmp = None
            count += 1
            yield data
        complete = True
    finally:
        if tmp is not None:
            if complete:
                _commit(folder, tmp, key, plan, count)
            else:
                shutil.rmtree(tmp, ignore_errors=True)


def _commit(folder: Path, tmp: Path, key: str, plan: dict, count: int) -> None:
    try:
        (tmp / "plan.json").write_text(json.dumps(plan, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        (tmp / "count").write_text(str(count))  # written last: an entry without it is never read
        for old in folder.iterdir():
            if old != tmp:
                shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, folder / key)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
