"""Tables derived from installed data files, kept in the user's cache folder between runs.

Every `gazette import` derives the same word lists from jieba's dictionary; reading them back
is several times cheaper than deriving them again. One file per table and source path, in
`$XDG_CACHE_HOME/gazette` (default `~/.cache/gazette`), holding the table as strings (one
joined string per list: a few large strings load far faster than many small ones) and the key
it was made under: the source file's path, size and modification time, gazette's version, this
file format's version and the caller's own version of how it derives the table. A file made
under another key is made again.

The cache can never fail a run or change its output: a file that is missing, damaged (a
checksum covers it), of another key or of an unexpected shape is ignored, and one that cannot be
written is not written; the table is then computed as if there were no cache. Files are written
to a temporary name and renamed, so a reader sees a whole file or none. marshal reads them: the
folder is the user's own (created private), and the checksum is verified before marshal sees a
byte.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import zlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable

from .writer import replace_file

FORMAT = 1  # the layout of a cache file (MAGIC, checksum, marshalled key and strings)
MAGIC = b"gazette-usercache\n"
_CRC = 4  # bytes of the checksum after MAGIC

Strings = tuple[str, ...]


def folder() -> Path:
    """`$XDG_CACHE_HOME/gazette`, or `~/.cache/gazette` (the XDG rule: a relative value is ignored)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "gazette"


def cached(name: str, source: Path, recipe: tuple, compute: Callable[[], Strings]) -> Strings:
    """`compute()` (strings derived from the file `source`), or what it returned when last run for
    the same source file (path, size, modification time), gazette version and `recipe` (the
    caller's version of the derivation, e.g. its thresholds)."""
    try:
        key = _key(source, recipe)
        path = folder() / f"{name}-{hashlib.sha256(os.fsencode(source)).hexdigest()[:16]}.bin"
    except (OSError, RuntimeError, PackageNotFoundError):  # no source to key it by, no home, no version
        return compute()
    found = _read(path, key)
    if found is not None:
        return found
    value = compute()
    _write(path, key, value)
    return value


def _key(source: Path, recipe: tuple) -> tuple:
    stat = os.stat(source)
    return (FORMAT, version("gazette"), str(source), stat.st_size, stat.st_mtime_ns, repr(recipe))


def _read(path: Path, key: tuple) -> Strings | None:
    """The strings stored under `key` in `path`, or None (no such file, another key, damaged)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = data[len(MAGIC) + _CRC:]
    if not data.startswith(MAGIC) or data[len(MAGIC):len(MAGIC) + _CRC] != _crc(body):
        return None
    try:
        stored = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key and isinstance(stored[1], tuple)
            and all(type(s) is str for s in stored[1])):
        return None
    return stored[1]


def _write(path: Path, key: tuple, value: Strings) -> None:
    """Store `value` under `key` in `path`, whole or not at all; silently nothing if it cannot."""
    body = marshal.dumps((key, tuple(value)))
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        replace_file(path, MAGIC + _crc(body) + body)
    except OSError:
        pass


def _crc(body: bytes) -> bytes:
    return zlib.crc32(body).to_bytes(_CRC, "big")
