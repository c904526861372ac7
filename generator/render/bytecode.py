"""Compiled templates kept between builds, so an edit's few pages do not recompile the theme.

Jinja's own `FileSystemBytecodeCache`: a template whose source changed is compiled again (the
cache holds its source's digest). What compiling also depends on, Jinja's version and the
environment gazette sets up (`themes.py`, `environment.py`), is digested into the files' names.
The files are code (marshal), so they are kept in Jinja's private folder for this user (made
0700, its owner checked), never under the project's .gazette-cache/, which anyone who sends a
pull request can fill (`cachejson.py`). A cache that cannot be made or written is done without.
"""
from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

import jinja2

_COMPILED_BY = ("themes.py", "environment.py", "bytecode.py")  # the environment's options and filters


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
    h = hashlib.sha256(f"{jinja2.__version__}\0{sys.version}\0".encode())
    here = Path(__file__).parent
    for name in _COMPILED_BY:
        h.update((here / name).read_bytes() + b"\0")
    try:
        return _Cache(pattern=f"gazette-{h.hexdigest()[:16]}-%s.cache")
    except (OSError, RuntimeError):  # no private folder to be had
        return None
