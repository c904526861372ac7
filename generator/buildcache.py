"""What the last build was made from and what it made, so the next one redoes only what changed.

A build is a function of its inputs: gazette's own code and data, the Python
packages it renders with, lunr.js, the theme layers, the configuration, and
content/. The **key** digests all but content/ (every file, read whole: they are
small); content/ is recorded as a **snapshot** of each entry's stat (size,
mtimes, inode). The **manifest** of a build holds the key, the snapshot, each
output's fingerprint (`fingerprint.py`: the data a page is made from) and bytes
digest, the stat of every file of the site it left, its result, and the
dependency record (which pages are made from which article's text). So:

- same key, same snapshot, and the site folder exactly as the build left it:
  nothing to do (the no-op rebuild; nothing renderer-related is even imported);
- only articles' texts changed (`body_edits`): the pages the record names are
  made, every other page is kept where it is without being looked at;
- otherwise a page whose fingerprint is the recorded one is kept from the old
  site, any other output whose bytes are the recorded ones likewise, and the
  rest is made and written (`writer.StagedSite` publishes it in place);
- an article file whose stat is the one it had when it was last read reuses
  what reading it gave (`ArticleMemo`), so an edit re-reads one file.

A stat is trusted only if the file is older than the moment it was taken by
`RACY_NS` (a write in the same clock tick can keep size and mtime: git's "racy"
files). One manifest is kept per output folder (`gazette serve` builds into its
own), the few most recent; `.gazette-cache/build/` is private to gazette. A
cache that is missing, damaged, of another version or unwritable is ignored:
the build is then a full one, never a failed one.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, requires, version
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from . import cachejson, layout
from .content.files import is_dropping
from .fingerprint import Fingerprints
from .model import Article
from .problems import Problem
from .writer import replace_file

FORMAT = 3  # bump when what is kept here changes shape
FOLDER = "build"
ARTICLES = "articles.sqlite"
KEPT_MANIFESTS = 4
RACY_NS = 2 * 10**9
_PACKAGE = Path(__file__).resolve().parent

Stat = tuple  # (kind, size, mtime_ns, ctime_ns, inode)


@dataclass
class Manifest:
    key: str
    snapshot: dict[str, Stat]
    taken_at: int  # time.time_ns() just before the snapshot was taken
    outputs: dict[str, tuple] = field(default_factory=dict)  # path → (fingerprint, sha1 of bytes, PAGE or not)
    site: dict[str, Stat] = field(default_factory=dict)  # the site folder as the build left it
    result: tuple = ()  # (files, bytes, articles, problems) of the build that made it
    read: tuple[str, ...] = ()  # files outside the key the build also read (lunr.js, map data, raw issue files)
    read_digest: str = ""
    # The dependency record (`body_edits`): article key → the pages made from its text (`Page.bodies`),
    # and the bylines' links every page is rendered with, as this build had them.
    bodies: dict[str, list[str]] = field(default_factory=dict)
    person_urls: dict[str, str] = field(default_factory=dict)
    generation: str = ""  # names the file's state it was loaded from or saved as (`save_manifest`)


PAGE = "p"  # `Manifest.outputs`' mark of a page or theme file (not search, feeds, data)


def cache_folder(config) -> Path | None:
    """`.gazette-cache/build/`, or None when the cache is off (`cache_dir: ""`, `--no-cache`)."""
    return config.root / config.cache_dir / FOLDER if config.cache_dir else None


def clear(config) -> None:
    """Forget every earlier build (`gazette build --clean`): gazette's own subfolders of the cache only."""
    if config.cache_dir:
        for name in (FOLDER, "search"):
            shutil.rmtree(config.root / config.cache_dir / name, ignore_errors=True)


# -- the inputs -------------------------------------------------------------------------------

def build_key(config, layers: list[Path]) -> tuple[str, str, str]:
    """Everything a build reads besides content/ and `Manifest.read`: code, packages, the
    configuration (with the output folder, the base_url, strictness), theme layers; the
    same without the themes, all that reading content depends on (`ArticleMemo`); and the code
    and packages alone (what cuts headlines into phrases: `phrasecache`, shared by every output
    folder and configuration)."""
    h = _code_hash()
    code = h.hexdigest()[:32]
    h.update(Fingerprints().of(config).encode())
    reading = h.hexdigest()[:32]
    for n, layer in enumerate(layers):
        _hash_tree(h, f"layer{n}:{layer}", layer)
    return h.hexdigest()[:32], reading, code


def _code_hash():
    """The digest of gazette's code and data and of the packages' versions, as a hash to go on with
    (a copy: `build_key` goes on with it, and its code does not change while the process runs)."""
    return _code_digest().copy()


@functools.cache
def _code_digest():
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for name in _dependencies():
        try:
            h.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{name}=?\0".encode())
    _hash_tree(h, "gazette", _PACKAGE)
    return h


def code_key() -> str:
    """`build_key`'s code key."""
    return _code_hash().hexdigest()[:32]


def files_digest(paths) -> str:
    """The digest of files by path and bytes (a missing one counts as missing)."""
    h = hashlib.sha256()
    for path in map(Path, paths):
        h.update(str(path).encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    return h.hexdigest()[:32]


def _dependencies() -> list[str]:
    try:
        listed = requires("gazette") or []
    except PackageNotFoundError:
        return []
    names = (r.split(";")[0] for r in listed if "extra ==" not in r)
    return sorted({n.split("[")[0].split("=")[0].split("<")[0].split(">")[0].strip() for n in names})


def _hash_tree(h, label: str, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        h.update(f"{label}/{path.relative_to(folder).as_posix()}\0".encode() + path.read_bytes() + b"\0")


def _not_read(name: str) -> bool:
    """What loading never reads: editors' droppings (hidden files among them), but not the import's
    record (.import.yaml), which says each article's confidence."""
    return is_dropping(name) and name != layout.IMPORT_RECORD


def snapshot(folder: Path, skip=_not_read) -> dict[str, Stat]:
    """Every entry under `folder` (not following links; by default what loading does not read left
    out) by its path as the loader spells it (`folder / …`), with its stat."""
    found: dict[str, Stat] = {}
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if skip and skip(entry.name):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            kind = _KINDS.get(st.st_mode & _S_IFMT, "o")  # (`_stat`, inline: one call less for each of 200,000 entries)
            found[entry.path] = (kind, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            if kind == "d":
                pending.append(entry.path)
    return found


_S_IFMT = 0o170000
_KINDS = {stat.S_IFREG: "f", stat.S_IFDIR: "d"}


def _stat(st: os.stat_result) -> Stat:
    kind = "f" if stat.S_ISREG(st.st_mode) else "d" if stat.S_ISDIR(st.st_mode) else "o"
    return (kind, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def settled(entry: Stat, taken_at: int) -> bool:
    """Whether a stat taken at `taken_at` tells the file's content: it was last changed well before."""
    return max(entry[2], entry[3]) < taken_at - RACY_NS


def site_state(folder: Path) -> dict[str, Stat]:
    """Every file of a built site by its site-relative path, with its stat."""
    prefix = len(str(folder)) + 1
    return {path[prefix:]: entry for path, entry in snapshot(folder, skip=None).items() if entry[0] != "d"} \
        if folder.is_dir() else {}


def site_state_after(folder: Path, before: dict[str, Stat], made: list[str], gone: list[str]) -> dict[str, Stat]:
    """`site_state` after a journal was applied to a site that was `before`: the files it moved in
    stat-ed, those it removed left out, every other one as it was (walking the whole site again
    cost a one-edit build as much as the walk before it: bench/build.md). A file changed by
    another hand meanwhile is recorded as it was, so the next build finds it changed and remakes it."""
    state = {path: entry for path, entry in before.items()}
    for path in gone:
        state.pop(path, None)
    for path in made:
        try:
            state[path] = _stat(os.stat(folder / path, follow_symlinks=False))
        except OSError:
            state.pop(path, None)
    return state


def unchanged(manifest: Manifest | None, key: str, content: dict[str, Stat], site: dict[str, Stat]) -> bool:
    """Would a build now make exactly the site that is there? (Same inputs, site untouched.)"""
    return (manifest is not None and manifest.key == key and manifest.snapshot == content
            and all(settled(entry, manifest.taken_at) for entry in content.values())
            and manifest.site == site and bool(manifest.result)
            and files_digest(manifest.read) == manifest.read_digest)


def body_edits(manifest: Manifest | None, content: dict[str, Stat], site: dict[str, Stat],
               memo: "ArticleMemo | None") -> list[tuple[Article, Article]] | None:
    """The articles whose text alone changed since the last build, (as it read them, as now), if
    that is the whole change (same articles, every other field equal, every other content file
    untouched and the site folder as the build left it); None for any other change, which the
    fingerprints judge. Call with the site loaded through `memo`, which knows what was read anew."""
    if manifest is None or memo is None or not manifest.result or manifest.site != site \
            or content.keys() != manifest.snapshot.keys():
        return None
    for path, entry in content.items():  # an article file is judged by what reading it gave
        if path not in memo.previous and entry[0] != "d" and (
                entry != manifest.snapshot[path] or not settled(entry, manifest.taken_at)):
            return None
    edited = []
    for path in sorted(memo.current):
        entry = memo.current[path]
        if not isinstance(entry, _Read):
            continue  # recalled: unchanged
        old, new = memo.previous_loaded(path), entry.loaded
        if old is None or new is None or old[1] != new[1] or entry.problems != old[2]:
            return None
        if dataclasses.replace(old[0], body=new[0].body) != new[0]:
            return None
        if old[0].body != new[0].body:
            edited.append((old[0], new[0]))
    return edited


# -- the cache on disk ------------------------------------------------------------------------

def manifest_file(folder: Path, output: Path) -> Path:
    return folder / f"site-{hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]}.sqlite"


# The manifest is kept in SQLite, a table per part and a row per path, so that a build writes the
# rows it changed, not every output's (one JSON document of 36 MB at 50,000 articles, read and
# written whole by every build: bench/build.md). Rows are written against the manifest the build
# loaded (its `generation`); if another build wrote the file meanwhile, it is written whole.
_MANIFEST_SCHEMA = (
    "CREATE TABLE state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE snapshot (path TEXT PRIMARY KEY, kind, size, mtime, ctime, inode) WITHOUT ROWID",
    "CREATE TABLE output (path TEXT PRIMARY KEY, fingerprint, digest, mark) WITHOUT ROWID",
    "CREATE TABLE site (path TEXT PRIMARY KEY, kind, size, mtime, ctime, inode) WITHOUT ROWID",
    "CREATE TABLE body (path TEXT PRIMARY KEY, pages TEXT NOT NULL) WITHOUT ROWID",  # article key → "\0"-joined pages
)
_TABLES = {"snapshot": 6, "output": 4, "site": 6, "body": 2}  # columns of each part


def load_manifest(folder: Path | None, output: Path) -> Manifest | None:
    """The manifest of the last build into `output`, or None if there is none that can be read."""
    path = manifest_file(folder, output) if folder else None
    if path is None or not path.is_file():
        return None
    try:
        db = _connect(path)
        try:
            if sorted(row[0] for row in db.execute("SELECT sql FROM sqlite_master")) != sorted(_MANIFEST_SCHEMA):
                return None
            state = dict(db.execute("SELECT name, value FROM state"))
            if state.get("stamp") != STAMP:
                return None
            parts = {table: _by_path(db.execute(f"SELECT * FROM {table}").fetchall()) for table in _TABLES}
        finally:
            db.close()
        files, size, articles, problems = cachejson.decode(json.loads(state["result"]))
        if not (all(type(n) is int for n in (files, size, articles)) and type(problems) is tuple
                and all(isinstance(p, Problem) for p in problems)):
            return None
        read, person_urls = json.loads(state["read"]), json.loads(state["person_urls"])
        return Manifest(
            key=str(state["key"]), taken_at=int(state["taken_at"]), generation=str(state["generation"]),
            snapshot=parts["snapshot"], outputs=parts["output"], site=parts["site"],
            result=(files, size, articles, problems),
            read=tuple(map(str, read)), read_digest=str(state["read_digest"]),
            bodies={key: pages.split("\0") if pages else [] for key, (pages,) in parts["body"].items()},
            person_urls={str(k): str(v) for k, v in person_urls.items()})
    except (sqlite3.Error, TypeError, KeyError, ValueError, AttributeError, IndexError, RecursionError):
        return None


_first, _rest = itemgetter(0), itemgetter(slice(1, None))


def _by_path(rows: list[tuple]) -> dict[str, tuple]:
    """Rows as path → the row's other columns (C loops, not a Python step per row)."""
    return dict(zip(map(_first, rows), map(_rest, rows)))


def save_manifest(folder: Path | None, output: Path, manifest: Manifest, previous: Manifest | None = None) -> None:
    """Keep `manifest`: the rows that differ from `previous` (the manifest the build loaded), or
    every row when there is none or the file is not the one it was loaded from."""
    if folder is None:
        return
    path = manifest_file(folder, output)
    try:
        try:
            _write_manifest(path, manifest, previous)
        except sqlite3.DatabaseError:  # damaged, or not ours: made anew
            path.unlink(missing_ok=True)
            _write_manifest(path, manifest, None)
        path.with_suffix(".json").unlink(missing_ok=True)  # where versions before kept it
    except (sqlite3.Error, OSError, TypeError, ValueError):  # best effort: a cache that cannot be written is skipped
        return
    try:
        older = sorted(folder.glob("site-*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in older[KEPT_MANIFESTS:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass


def _rows(manifest: Manifest) -> dict[str, dict]:
    """The manifest's parts as `_MANIFEST_SCHEMA`'s tables: path → the row's other columns."""
    return {"snapshot": manifest.snapshot, "output": manifest.outputs, "site": manifest.site,
            "body": {key: ("\0".join(pages),) for key, pages in manifest.bodies.items()}}


def _write_manifest(path: Path, manifest: Manifest, previous: Manifest | None) -> None:
    with _writing(path, _MANIFEST_SCHEMA, "not gazette's build manifest") as db:
        stored = db.execute("SELECT value FROM state WHERE name = 'generation'").fetchone()
        if previous is None or stored is None or stored[0] != previous.generation or not previous.generation:
            before = dict.fromkeys(_TABLES, {})
            for table in _TABLES:
                db.execute(f"DELETE FROM {table}")
        else:
            before = _rows(previous)
        for table, rows in _rows(manifest).items():
            old = before[table]
            db.executemany(f"DELETE FROM {table} WHERE path = ?", ((k,) for k in old.keys() - rows.keys()))
            marks = ", ".join("?" * _TABLES[table])
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})",
                           ((k, *v) for k, v in rows.items() if old.get(k) != v))
        manifest.generation = f"{time.time_ns()}-{os.getpid()}"
        db.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)", [
            ("stamp", STAMP), ("generation", manifest.generation), ("key", manifest.key),
            ("taken_at", str(manifest.taken_at)),
            ("result", json.dumps(cachejson.encode(tuple(manifest.result)), ensure_ascii=False)),
            ("read", json.dumps(list(manifest.read), ensure_ascii=False)), ("read_digest", manifest.read_digest),
            ("person_urls", json.dumps(manifest.person_urls, ensure_ascii=False))])


STAMP = f"gazette build cache {FORMAT}"


def read_json(path: Path, stamp: str = STAMP) -> dict | None:
    """What `write_json` wrote under `stamp` (JSON, never pickle: `cachejson`), or None for
    anything else: missing, truncated, damaged, another stamp (FORMAT)."""
    try:
        with open(path, "rb") as handle:
            data = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) and data.get("stamp") == stamp else None


def write_json(path: Path, value: dict, stamp: str = STAMP) -> None:
    """Write a cache file atomically (`writer.replace_file`), stamped; one that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"stamp": stamp, **value}, ensure_ascii=False, separators=(",", ":"))  # C encoder
        replace_file(path, text.encode("utf-8"))
    except (OSError, ValueError, TypeError):  # best effort, as for the search cache
        pass


# -- articles as last read ---------------------------------------------------------------------

class ArticleMemo:
    """What reading each article file gave (the article, or None, and its problems), reused while
    the file's stat is the one it had and what it is read against (publication, issue) is equal.

    Kept in SQLite (`ARTICLES`), one row per file, so that a build writes only the entries of the
    files it read anew and deletes those of files gone: rewriting every entry would cost a one-edit
    build as much as reading them all. An article's text is a column of its own, not in the JSON
    (`cachejson.encode_apart`). Entries are read whole at the start (a forked loader shares them,
    never a connection) and each decoded only when recalled."""

    def __init__(self, folder: Path | None, key: str, content: dict[str, Stat], taken_at: int) -> None:
        self.folder, self.key, self.content, self.taken_at = folder, key, content, taken_at
        self.previous: dict[str, tuple[str, str]] = _read_articles(folder / ARTICLES, key) if folder else {}
        # path → (entry as JSON, text); `current`: path → its entry, as recalled (that row) or remembered anew (`_Read`)
        self.current: dict = {}
        # id(article) → (article, its search text key): kept with its entry, so that the search step
        # digests the text of only the articles read anew (`search_keys`)
        self.keys: dict[int, tuple[Article, str]] = {}
        self._fingerprints = Fingerprints()  # what an article is read against: one publication, many articles
        self._against: dict = {}

    def _digest(self, against) -> str:
        """The fingerprint of what an article is read against, once per value (an issue's articles share it)."""
        try:
            digest = self._against.get(against)
        except TypeError:  # unhashable: digested every time
            return self._fingerprints.of(against)
        if digest is None:
            digest = self._against[against] = self._fingerprints.of(against)
        return digest

    def recall(self, path: str, against, valid=None):
        """(problems, loaded) as reading `path` against `against` gave them last time, or None.
        An entry that does not decode, or whose `loaded` is not `valid` (by default: what reading an
        article gives), is not used."""
        row = self.previous.get(path)
        seen = self.content.get(path)
        if row is None or seen is None or seen[0] != "f":
            return None
        try:
            entry = json.loads(row[0])
            sig, read_at = tuple(entry["stat"]), int(entry["read_at"])
            if sig != seen or entry["against"] != self._digest(against) or not settled(sig, read_at):
                return None
            problems, loaded = tuple(cachejson.decode(entry["problems"])), cachejson.decode_apart(entry["loaded"], row[1])
            search = entry.get("search")
        except (TypeError, KeyError, ValueError, AttributeError, IndexError, RecursionError):
            return None
        if not (all(isinstance(p, Problem) for p in problems) and (valid or _is_loaded)(loaded)):
            return None
        if type(search) is str and type(loaded) is tuple and isinstance(loaded[0], Article):
            self.keys[id(loaded[0])] = (loaded[0], search)
        self.current[path] = row
        return problems, loaded

    def search_keys(self, articles) -> list[str]:
        """Each article's search text key (`search.documents.text_key_of`): as kept with its entry
        when it was recalled, digested only for the others (and kept with theirs by `save`)."""
        from .search.documents import text_key_of  # (a build that does work imports search anyway)
        keys = []
        for article in articles:
            known = self.keys.get(id(article))
            if known is None or known[0] is not article:
                known = self.keys[id(article)] = (article, text_key_of(article))
            keys.append(known[1])
        return keys

    def remember(self, path: str, against, problems, loaded) -> None:
        """Kept as read (the article is the site's own object), encoded only as `save` writes it:
        an encoded copy of every article read would be held to the end of the build."""
        seen = self.content.get(path)
        if seen is not None and seen[0] == "f":
            self.current[path] = _Read(seen, self.taken_at, self._digest(against), tuple(problems), loaded)

    def previous_loaded(self, path: str) -> tuple | None:
        """(article, its order line, problems) as the last build read `path`; None if unknown."""
        try:
            text, body = self.previous[path]
            entry = json.loads(text)
            loaded, problems = cachejson.decode_apart(entry["loaded"], body), tuple(cachejson.decode(entry["problems"]))
        except (TypeError, KeyError, ValueError, AttributeError, IndexError, RecursionError):
            return None
        return (*loaded, problems) if _is_loaded(loaded) and loaded is not None else None

    def apart(self) -> "ArticleMemo":
        """This memo, recording what is read anew in a `current` of its own (`content.load`'s readers
        `apart`: its entries come back from a worker process to be `absorb`ed here)."""
        part = copy.copy(self)
        part.current = {}
        return part

    def absorb(self, entries: dict) -> None:
        self.current.update(entries)

    def save(self) -> None:
        """Write the entries read anew, forget those of files this build did not recall or read."""
        if self.folder is None:
            return
        changed = ((path, *self._row(entry)) for path, entry in self.current.items()  # (encoded as written)
                   if isinstance(entry, _Read) or self.previous.get(path) != entry)
        gone = [(path,) for path in sorted(self.previous.keys() - self.current.keys())]
        path = self.folder / ARTICLES
        try:
            try:
                _write_articles(path, self.key, changed, gone, fresh=not self.previous)
            except sqlite3.DatabaseError:  # damaged, or not ours: made anew
                path.unlink(missing_ok=True)
                _write_articles(path, self.key, ((p, *self._row(e)) for p, e in self.current.items()), [],
                                fresh=True)
            (self.folder / "articles.json").unlink(missing_ok=True)  # where versions before kept them
        except (sqlite3.Error, OSError):  # best effort: a cache that cannot be written is skipped
            pass


    def _row(self, entry: "_Read | tuple[str, str]") -> tuple[str, str]:
        """A memo entry as the file keeps it, (JSON, text) (one recalled from the file already is that
        row), with the search text key of an article read anew."""
        if not isinstance(entry, _Read):
            return entry
        article = entry.loaded[0] if _is_loaded(entry.loaded) and entry.loaded is not None else None
        return _entry_row(entry, None if article is None else self.search_keys([article])[0])


class _Read(NamedTuple):
    """What reading an article file gave, as `ArticleMemo.remember` keeps it until saved."""

    stat: tuple
    read_at: int
    against: str
    problems: tuple
    loaded: object


def _entry_row(entry: _Read, search: str | None) -> tuple[str, str]:
    """An entry read anew as the file keeps it, (JSON, text); `search`: its article's search text key."""
    loaded, body = cachejson.encode_apart(entry.loaded)
    fields = {"stat": entry.stat, "read_at": entry.read_at, "against": entry.against,
              "problems": cachejson.encode(entry.problems), "loaded": loaded}
    if search is not None:
        fields["search"] = search
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")), body


_ARTICLES_SCHEMA = ("CREATE TABLE article (path TEXT PRIMARY KEY, entry TEXT NOT NULL, body TEXT NOT NULL) WITHOUT ROWID",
                    "CREATE TABLE state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, timeout=5)
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA cell_size_check = ON")
    return db


@contextmanager
def _writing(path: Path, schema: tuple[str, ...], foreign: str) -> Iterator[sqlite3.Connection]:
    """One write transaction on the database at `path`, which holds exactly `schema`'s tables
    (made if the file is new): committed if the block ends, rolled back if it raises, the
    connection closed either way; sqlite3.DatabaseError(`foreign`) if the file holds other tables."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = _connect(path)
    try:
        found = sorted(row[0] for row in db.execute("SELECT sql FROM sqlite_master"))
        if found != sorted(schema):
            if found:
                raise sqlite3.DatabaseError(foreign)
            for statement in schema:
                db.execute(statement)
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    finally:
        db.close()


def _read_articles(path: Path, key: str) -> dict[str, tuple[str, str]]:
    """The entries `ArticleMemo` kept under `key`; none from a missing, damaged or foreign file."""
    if not path.is_file():
        return {}
    try:
        db = _connect(path)
        try:
            if sorted(row[0] for row in db.execute("SELECT sql FROM sqlite_master")) != sorted(_ARTICLES_SCHEMA):
                return {}
            stored = db.execute("SELECT value FROM state WHERE name = 'key'").fetchone()
            if stored is None or stored[0] != f"{STAMP}\0{key}":
                return {}
            rows = db.execute("SELECT path, entry, body FROM article WHERE typeof(path) = 'text' "
                              "AND typeof(entry) = 'text' AND typeof(body) = 'text'").fetchall()
            return _by_path(rows)
        finally:
            db.close()
    except sqlite3.Error:
        return {}


def _write_articles(path: Path, key: str, changed: Iterable[tuple[str, str, str]], gone: list, fresh: bool) -> None:
    """Apply a build's changes to the entries in one transaction (`fresh`: replace them all);
    sqlite3.DatabaseError if the file is not ours or is damaged."""
    with _writing(path, _ARTICLES_SCHEMA, "not gazette's article memo") as db:
        if fresh:
            db.execute("DELETE FROM article")
        db.executemany("DELETE FROM article WHERE path = ?", gone)
        db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?, ?)", changed)
        db.execute("INSERT OR REPLACE INTO state VALUES ('key', ?)", (f"{STAMP}\0{key}",))


def _is_loaded(loaded) -> bool:
    """What `_load_article` returns: None, or (Article, the line of its order or None)."""
    return loaded is None or (isinstance(loaded, tuple) and len(loaded) == 2 and isinstance(loaded[0], Article)
                              and (loaded[1] is None or type(loaded[1]) is int))


def now() -> int:
    return time.time_ns()
