"""Compiled templates kept between builds, so an edit's few pages do not recompile the theme.

Jinja's own `FileSystemBytecodeCache`: a template whose source changed is compiled again (the
cache holds its source's digest). What compiling also depends on is digested into the files'
names: Jinja's version, and gazette's code and packages (`buildcache.code_key`): the environment
it sets up, and its filters, which Jinja runs while compiling on constant arguments (`"…"|phrases`
is compiled to its result).
The files are code (marshal), so they are kept in Jinja's private folder for this user (made
0700, its owner checked), never under the project's .gazette-cache/, which anyone who sends a
pull request can fill (`cachejson.py`). A cache that cannot be made or written is done without;
other versions' files are removed once a week old (`prune`).
"""
from __future__ import annotations

import functools
import hashlib
import os
import sys
import time

import jinja2

from ..buildcache import code_key


class _Cache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # best effort: the template was compiled all the same
            pass


@functools.cache
def bytecode_cache() -> jinja2.BytecodeCache | None:
    """The cache for this gazette and Jinja, or None where Jinja finds no private folder."""
    if not hasattr(os, "getuid"):  # (Jinja's folder is then the shared temporary folder)
        return None
    h = hashlib.sha256(f"{jinja2.__version__}\0{sys.version}\0{code_key()}".encode())
    prefix = f"gazette-{h.hexdigest()[:16]}-"
    try:
        cache = _Cache(pattern=f"{prefix}%s.cache")
    except (OSError, RuntimeError):  # no private folder to be had
        return None
    prune(cache.directory, prefix, time.time())
    return cache


STALE_DAYS = 7  # another gazette's compiled templates unused this long are removed


def prune(directory: str, keep: str, now: float) -> None:
    """Remove the compiled templates of other gazette versions (each version writes its own files)
    last written more than STALE_DAYS ago, so upgrades do not pile them up in the folder; a
    version still in use nearby (another checkout) keeps its own. Best effort."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            if name.startswith("gazette-") and name.endswith(".cache") and not name.startswith(keep) \
                    and entry.is_file(follow_symlinks=False) \
                    and now - entry.stat(follow_symlinks=False).st_mtime > STALE_DAYS * 86400:
                os.remove(entry.path)
        except OSError:
            pass
