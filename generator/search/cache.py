"""What the last index build made, kept so that the next one redoes only what changed.

The index is made of each article's terms (tokenizing is most of a cold build) and, per
shard, the postings of the terms it holds. Both are kept in one SQLite file,
`<project>/.gazette-cache/search/index.sqlite`:

- `article`: an article's terms and field lengths, keyed by a digest of what its searchable text
  is made of (`text_key`: its fields as written, so an unchanged article's key costs no Markdown),
  so an article that moved (another was added before it) or came back is not tokenized again;
- `shard`: per shard of the last build, its script as written, its postings, and the digest of
  the script (`script_digest`: a shard no edit touched is named by it, and read only if the
  build cannot take the file it wrote last time);
- `state`: the last build's article keys in order, field lengths, first-character counts
  and shard plan, and the digest of the code and data that terms come from (`code_digest`:
  gazette's search code, the modules outside search/ that its plain text and fold read,
  Python-Markdown, the Traditional→Simplified table, lunr.py). A store made under another digest is emptied.

Writes are transactions: the shards and the state change together, at the end of a build,
or not at all. Entries are compressed (zlib's checksum finds a damaged one) and read as JSON
into plain lists, checked before use; the file's schema is checked before anything is read.
A cache that cannot be opened, read or written is not used, and a damaged entry is made
again: the cache can never fail a build or change its output. Articles and shards the last
build no longer uses are deleted with its commit, so the file stays the size of one index.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
import zlib
from contextlib import suppress
from importlib.metadata import version
from pathlib import Path
from typing import Iterable

from . import fold

CACHE_VERSION = "7"  # 4: one SQLite store of article terms and shard postings; 5: hot characters' own lists;
# 6: articles keyed by their fields as written; 7: shard scripts packed (packing.py)
FILE = "index.sqlite"
_CODE = Path(__file__).resolve().parent
# gazette modules outside search/ whose code decides terms: a body's plain text is text/plain.py's,
# the fold reads OpenCC through text/fold.py, the tokenizer asks text/han.py which characters make a Han run.
_SHARED = ("text/plain.py", "text/fold.py", "text/han.py")
_SCHEMA = (
    "CREATE TABLE article (key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE shard (k INTEGER PRIMARY KEY, script BLOB NOT NULL, postings BLOB NOT NULL, digest TEXT NOT NULL)",
    "CREATE TABLE state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)
_BATCH = 500  # keys per SELECT … IN (…): under SQLite's limit of host parameters


def code_files() -> list[Path]:
    """The source files terms come from: search/ itself and the shared modules it folds with."""
    return [*sorted(_CODE.glob("*.py")), *(_CODE.parent / name for name in _SHARED)]


def code_digest() -> str:
    """Everything terms and shards are made of besides the text: the code that makes terms, the
    Traditional→Simplified table the fold applies (OpenCC's data, whatever its version says), lunr.py."""
    h = hashlib.sha256()
    # scoring; Traditional→Simplified folding; the escapes plain text resolves
    packages = [version("lunr"), version("opencc-python-reimplemented"), version("markdown")]
    h.update(json.dumps([CACHE_VERSION, packages]).encode())
    for path in code_files():
        h.update(f"{path.parent.name}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(json.dumps(fold.t2s_table(), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\0")
    return h.hexdigest()[:32]


def text_key(parts: tuple) -> str:
    """What an article's searchable text is made of (documents.searched, or a SearchDoc's fields) as
    a key, not its ref: an article that moves keeps its terms."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def pack(value) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def unpack(data) -> object:
    """A packed value back; ValueError if it is damaged (zlib's checksum, JSON, UTF-8)."""
    if not isinstance(data, bytes):
        raise ValueError("not a packed entry")
    try:
        return json.loads(zlib.decompress(data).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None


class Store:
    """The cache file, open. Every method that reads returns None (or leaves a key out) for
    what is missing or damaged; every error of SQLite itself is `sqlite3.Error`, which the
    caller takes as "no cache"."""

    def __init__(self, path: Path, code: str, temporary: Path | None = None) -> None:
        self.path, self._temporary = path, temporary
        self.db = sqlite3.connect(path, isolation_level=None, timeout=5)
        try:
            self._prepare(code, temporary is not None)
        except BaseException:
            self.db.close()
            raise

    def _prepare(self, code: str, temporary: bool) -> None:
        self.db.execute("PRAGMA trusted_schema = OFF")
        self.db.execute("PRAGMA cell_size_check = ON")
        # A crash keeps the last commit; a power cut may lose it, never corrupt the file. A
        # temporary store needs neither.
        for pragma in (("journal_mode = MEMORY", "synchronous = OFF") if temporary else
                       ("journal_mode = WAL", "synchronous = NORMAL")):
            self.db.execute(f"PRAGMA {pragma}")
        found = sorted(row[0] for row in self.db.execute("SELECT sql FROM sqlite_master"))
        if found != sorted(_SCHEMA):
            if found:
                raise sqlite3.DatabaseError("not gazette's search cache")
            for statement in _SCHEMA:
                self.db.execute(statement)
        if self.value("code") != code:
            self.db.execute("BEGIN IMMEDIATE")
            for table in ("article", "shard", "state"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("INSERT INTO state VALUES ('code', ?)", (code,))
            self.db.execute("COMMIT")

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self.db.close()
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)

    def value(self, name: str):
        row = self.db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(row[0]) if name != "code" else row[0]
        except (ValueError, RecursionError):
            return None

    def articles(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The packed terms of those of `keys` the store holds."""
        keys, found = list(dict.fromkeys(keys)), {}
        for start in range(0, len(keys), _BATCH):
            batch = keys[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            found.update(self.db.execute(f"SELECT key, data FROM article WHERE key IN ({marks})", batch))
        return found

    def has(self, keys: Iterable[str]) -> set[str]:
        keys, found = list(dict.fromkeys(keys)), set()
        for start in range(0, len(keys), _BATCH):
            batch = keys[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            found.update(k for (k,) in self.db.execute(f"SELECT key FROM article WHERE key IN ({marks})", batch))
        return found

    def add_articles(self, entries: Iterable[tuple[str, bytes]]) -> None:
        """Keep these articles' terms now (an entry is named by its text, so it is never wrong to
        keep, whatever becomes of this build)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?)", entries)
            self.db.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise

    def shard(self, k: int) -> tuple[bytes, bytes] | None:
        """(script, packed postings) of shard `k` of the last build."""
        row = self.db.execute("SELECT script, postings FROM shard WHERE k = ?", (k,)).fetchone()
        return (row[0], row[1]) if row and isinstance(row[0], bytes) and isinstance(row[1], bytes) else None

    def digests(self) -> dict[int, str]:
        """Shard number → `script_digest` of its script, for every shard of the last build."""
        return {k: d for k, d in self.db.execute("SELECT k, digest FROM shard") if type(k) is int and type(d) is str}

    def script(self, k: int, digest: str) -> bytes | None:
        """The script of shard `k` if it is the one `digest` names (None if missing or damaged)."""
        row = self.db.execute("SELECT script FROM shard WHERE k = ?", (k,)).fetchone()
        try:
            script = script_of(row[0]) if row else None
        except ValueError:
            return None
        return script if script is not None and script_digest(script) == digest else None

    def begin(self) -> None:
        """Start the transaction that `put_shard` and `commit` finish (or `rollback` undoes)."""
        self.db.execute("BEGIN IMMEDIATE")

    def put_shard(self, k: int, script: bytes, postings: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO shard VALUES (?, ?, ?, ?)",
                        (k, zlib.compress(script, 1), postings, script_digest(script)))

    def commit(self, state: dict, shards: int) -> None:
        """Record the build whose shards were put, and forget what it does not use."""
        self.db.execute("INSERT OR REPLACE INTO state VALUES ('index', ?)",
                        (json.dumps(state, ensure_ascii=False, separators=(",", ":")),))
        self.db.execute("DELETE FROM shard WHERE k >= ?", (shards,))
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY) WITHOUT ROWID")
        self.db.execute("DELETE FROM used")
        self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in state["order"]))
        self.db.execute("DELETE FROM article WHERE key NOT IN (SELECT key FROM used)")
        self.db.execute("COMMIT")
        free, pages = (self.db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
        if free > pages // 2 and free > 256:  # more than half the file is space deleted entries left
            self.db.execute("VACUUM")

    def rollback(self) -> None:
        with suppress(sqlite3.Error):
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")


def open_store(folder: Path | None, code: str) -> Store:
    """The cache in `folder` (None: a temporary one, deleted on close, for a build without a
    cache: the build passes terms between its steps through it). A file that is not a cache of
    ours is replaced; raises sqlite3.Error or OSError when none can be opened."""
    if folder is None:
        tmp = Path(tempfile.mkdtemp(prefix="gazette-search-"))
        return Store(tmp / FILE, code, temporary=tmp)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():  # earlier caches: one folder of shard files per text digest
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
    path = folder / FILE
    try:
        return Store(path, code)
    except sqlite3.Error:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                (folder / (FILE + suffix)).unlink()
        return Store(path, code)


def script_digest(script: bytes) -> str:
    return hashlib.sha256(script).hexdigest()[:32]


def script_of(data: bytes) -> bytes:
    """A shard's script as `Store.shard` returns it, back as written; ValueError if damaged."""
    try:
        return zlib.decompress(data)
    except (zlib.error, TypeError) as exc:
        raise ValueError(str(exc)) from None
