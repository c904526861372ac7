"""The index files of a build (the field lengths, then every shard), made again only where they changed.

The shards are a function of every article's terms, numbered by position. The cache
(cache.py) keeps each article's terms by its text and each shard's postings, so:

- **few articles changed in place** (edited, or added or removed at the end: the others keep
  their numbers) and the shard plan is the same: only those articles are tokenized, their
  old and new terms compared, and only the shards holding a term whose postings changed
  are patched and encoded again; every other shard is its cached script, byte for byte;
- **otherwise** (numbering shifted, the plan changed, no usable cache): every shard is
  encoded again from the articles' terms, tokenizing only the articles the cache lacks.

Either way the files are byte for byte those of a build without a cache.

A full encode runs in three passes over forked workers (generator/workers.py), each of independent tasks:
terms per range of articles (tokenized, or read from the cache) with their field lengths and
first-character counts, which give the plan; then per range of articles, its terms split by
shard into a spill file; then per shard, its rows read from every spill file, in article
order, and encoded. Memory stays that of one range or one shard per worker.
"""
from __future__ import annotations

import marshal
from array import array
import sqlite3
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, count
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..workers import Ahead, usable_cores
from .cache import Store, pack, script_digest, unpack
from .documents import SearchDoc, script
from .index import (FIELDS, TEXT_FIELDS, Plan, Split, Terms, article_terms, changes, merge_postings, patch, piece_of, plan_shards,
                    postings_entry, postings_from, shard_of, split_entry, split_postings, start_characters,
                    starts, terms_entry, terms_from, unflat)
from .wire import coarse_payloads, fine_payloads, lengths_payloads, params, shard_payload

SERIAL_BELOW = 500  # articles: fewer are tokenized and encoded in this process (a pool costs more)
CHUNK = 250  # articles per task when reading terms and spilling them


def _in_order(function, tasks: list, jobs: int | None) -> Iterator:
    """`function` over `tasks` on up to `jobs` forked workers (None: every usable core), results
    in task order, so the output is the same whatever the number of workers. A task names what it
    works on (a range of articles, a shard) in `_JOB`, which the workers inherit; a task whose
    worker failed is done here."""
    with Ahead(function, tasks, usable_cores() if jobs is None else jobs) as ahead:
        for task, result in zip(tasks, ahead.results()):
            yield function(task) if result is None else result


def patch_limit(articles: int) -> int:
    """How many changed positions are patched into the cached shards; more (a shift of the
    numbering, a mass edit) touch nearly every shard, and a full encode does that faster."""
    return 16 + articles // 50


@dataclass
class _Job:
    """What forked workers share with the parent (they fork after it is set)."""

    docs: Sequence[SearchDoc]
    keys: list[str]
    store: Path
    held: set[str]
    spill: Path
    plan: Plan | None = None
    spills: list = field(default_factory=list)  # per range: where each shard's section ends (`_spill`)


_JOB: _Job | None = None


# a script: the digest of its bytes, the files it is written in (`present`), how to make it; first
# the field lengths: (None, 0, how to make their scripts)
Shard = tuple[str | None, int, Callable[[], bytes]]


def index_scripts(docs: Sequence[SearchDoc], keys: list[str], store: Store,
                  jobs: int | None) -> tuple[Plan, Iterator[Shard]]:
    """The shard plan, and the scripts: the field lengths (`lengths_scripts`), then shard 0, 1, … as they are made, each named
    by the digest of its bytes, with the pieces it is written in (`present`), and made before the next is taken (a shard of the last build is
    read from the store only then, if asked). The store is updated once the last one has been taken (not at all if the build stops
    before). `keys`: each doc's `cache.text_key`; a doc is asked for only when its terms are not in the store."""
    jobs = 1 if len(docs) < SERIAL_BELOW else jobs
    state = _state(store)
    made = _patched(docs, keys, store, state) if state is not None else None
    return made if made is not None else _encoded(docs, keys, store, jobs)


def _state(store: Store) -> dict | None:
    """The last build's record, checked (its plan is used only if the counts give it again);
    None if there is none or it is damaged."""
    state = store.value("index")
    try:
        order, lengths, counts, masks = state["order"], state["lengths"], state["counts"], state["present"]
        plan = Plan.from_payload(state["plan"])
        if not (isinstance(order, list) and all(type(k) is str for k in order) and len(lengths) == len(order)
                and isinstance(masks, list) and len(masks) == plan.total and all(type(m) is int for m in masks)
                and all(type(row) is list and len(row) == len(TEXT_FIELDS) for row in lengths)
                and all(type(n) is int and n >= 0 for row in lengths for n in row)
                and isinstance(counts, dict) and all(type(n) is int for n in counts.values())):
            return None
    except (TypeError, KeyError, ValueError, AttributeError, IndexError):
        return None
    return {**state, "plan": plan}


def _record(keys: list[str], lengths: list, counts: Counter, plan: Plan, masks: list[int]) -> dict:
    """What the next build patches from; `masks`: each shard's `present`, so a shard it keeps names its
    files without being read."""
    return {"order": keys, "lengths": [list(row) for row in lengths], "counts": dict(sorted(counts.items())),
            "plan": plan.payload(), "present": masks}


def shard_script(k: int, payload: dict, pieces: int = 1) -> bytes:
    """Shard k's file (wire.shard_payload), packed: the postings are most of search/ (bench/search.md).
    In `pieces` > 1 files (Plan.pieces), the scripts of its pieces in one (`piece_scripts` splits
    them), each keyed "k-i", its terms those `index.piece_of` puts in piece i, a piece of no term
    left empty (no file is written for it: `present`): the cache keeps a shard as one script either way."""
    if pieces == 1:
        return script("index", k, payload, packed=True)
    terms, lists = payload["terms"].split(" ") if payload["terms"] else [], payload["postings"].split(";")
    out = []
    for i in range(pieces):
        mine = [j for j, term in enumerate(terms) if piece_of(term, pieces) == i]
        piece = {"terms": " ".join(terms[j] for j in mine), "postings": ";".join(lists[j] for j in mine)}
        data = script("index", f"{k}-{i}", piece, packed=True) if mine else b""
        out.append(len(data).to_bytes(4, "big") + data)
    return b"".join(out)


def piece_scripts(data: bytes) -> list[bytes]:
    """The pieces' scripts of a shard `shard_script` wrote in several, b"" for a piece of no term."""
    out, at = [], 0
    while at < len(data):
        size = int.from_bytes(data[at:at + 4], "big")
        out.append(data[at + 4:at + 4 + size])
        at += 4 + size
    return out


def present(data: bytes, pieces: int) -> int:
    """Which files shard `data` is written in: bit i for piece i when it holds a term (docs.js
    lists them, so the page never asks for a file that is not there); a shard in one file, 1."""
    return 1 if pieces == 1 else sum(1 << i for i, piece in enumerate(piece_scripts(data)) if piece)


def lengths_scripts(lengths: list) -> tuple[dict[str, bytes], dict]:
    """The files of the field lengths by path (wire.py: lengths-K.js, one text field's lengths each,
    which index.CHAR_FIELDS use too; coarse-K.js; fine-NNN.js), and the scoring parameters they
    make (`wire.params`, in docs.js)."""
    rows = list(map(tuple, lengths))
    files = {f"search/lengths-{k}.js": script("lengths", k, payload)
             for k, payload in enumerate(lengths_payloads(rows, len(TEXT_FIELDS)))}
    files |= {f"search/coarse-{k}.js": script("coarse", k, payload)
              for k, payload in enumerate(coarse_payloads(rows)) if payload is not None}
    files |= {f"search/fine-{k:03d}.js": script("fine", k, payload) for k, payload in enumerate(fine_payloads(rows))}
    return files, params(FIELDS, rows)


# -- patching the last build's shards -----------------------------------------------------------

def _patched(docs: Sequence[SearchDoc], keys: list[str], store: Store, state: dict) -> tuple[Plan, Iterator[Shard]] | None:
    """The files by patching the last build's shards, or None when that does not apply."""
    old_keys, plan = state["order"], state["plan"]
    moved = [n for n in range(max(len(old_keys), len(keys)))
             if n >= len(old_keys) or n >= len(keys) or old_keys[n] != keys[n]]
    if len(moved) > patch_limit(len(keys)):
        return None
    old = _terms(store, {old_keys[n] for n in moved if n < len(old_keys)})
    if old is None:
        return None
    new = _terms(store, {keys[n] for n in moved if n < len(keys)}, docs_by_key=_LazyByKey(docs, keys))
    counts = Counter(state["counts"])
    lengths = state["lengths"][:len(keys)] + [None] * max(0, len(keys) - len(old_keys))
    for n in moved:
        if n < len(old_keys):
            counts.subtract(starts(old[old_keys[n]]))
        if n < len(keys):
            counts.update(starts(new[keys[n]]))
            lengths[n] = list(new[keys[n]][0])
    counts = +counts
    if plan_shards(counts) != plan:
        return None
    touched: dict[int, list] = defaultdict(list)
    homes: dict[str, int] = {}
    for n in moved:
        before = old[old_keys[n]] if n < len(old_keys) else None
        after = new[keys[n]] if n < len(keys) else None
        for change in changes(n, before, after, plan):
            home = homes.get(change[0])
            if home is None:
                home = homes[change[0]] = shard_of(change[0], plan)
            touched[home].append(change)
    digests = store.digests()
    if any(k not in digests for k in range(plan.total)):
        return None
    remade: dict[int, tuple[bytes, bytes]] = {}
    for k in sorted(touched):
        cached = store.shard(k)
        try:
            postings = postings_from(unpack(cached[1]), max(len(keys), len(old_keys))) if cached else None
        except ValueError:
            postings = None
        if postings is None:
            return None
        patch(postings, touched[k])
        remade[k] = _encode(k, postings, plan)

    def cached(k: int) -> bytes:
        """An untouched shard's script as the last build wrote it; made again from every article's
        terms if the store's copy is damaged (and kept so)."""
        script = store.script(k, digests[k])
        if script is None:
            remade[k] = _encode(k, _postings_anew(docs, keys, store, plan, k), plan)
            script = remade[k][0]
        return script

    masks = list(state["present"])
    for k, (data, _) in remade.items():
        masks[k] = present(data, plan.pieces_of(k))

    def files() -> Iterator[Shard]:
        yield None, 0, partial(lengths_scripts, lengths)
        for k in range(plan.total):
            yield (script_digest(remade[k][0]), masks[k], partial(bytes, remade[k][0])) if k in remade else \
                (digests[k], masks[k], partial(cached, k))
        keeping = _Keeping(store)
        for k, (data, postings) in sorted(remade.items()):
            keeping.shard(k, data, postings)
        keeping.commit(_record(keys, lengths, counts, plan, masks), plan.total)
    return plan, files()


def _postings_anew(docs: Sequence[SearchDoc], keys: list[str], store: Store, plan: Plan, k: int) -> dict:
    """Shard `k`'s postings from every article's terms (read from the store, else tokenized)."""
    found = _terms(store, set(keys), docs_by_key=_LazyByKey(docs, keys))
    return unflat(split_postings(((n, found[key]) for n, key in enumerate(keys)), plan, {})[k])


class _LazyByKey(dict):
    """docs by key, each made only when asked for (`_terms` asks for those the store lacks)."""

    def __init__(self, docs: Sequence[SearchDoc], keys: list[str]) -> None:
        super().__init__()
        self._at = {key: n for n, key in enumerate(keys)}
        self._docs = docs

    def __missing__(self, key: str) -> SearchDoc:
        return self._docs[self._at[key]]


class _Keeping:
    """The store's transaction of one build's shards, best effort: once a write fails, the
    transaction is dropped and the build goes on without keeping anything."""

    def __init__(self, store: Store) -> None:
        self.store: Store | None = store
        self._do(store.begin)

    def _do(self, write, *args) -> None:
        if self.store is None:
            return
        try:
            write(*args)
        except (sqlite3.Error, OSError):
            self.store.rollback()
            self.store = None

    def shard(self, k: int, data: bytes, postings: bytes) -> None:
        self._do(lambda: self.store.put_shard(k, data, postings))

    def commit(self, record: dict, total: int) -> None:
        self._do(lambda: self.store.commit(record, total))

    def abandon(self) -> None:
        if self.store is not None:
            self.store.rollback()


def _terms(store: Store, wanted: set[str], docs_by_key: dict[str, SearchDoc] | None = None) -> dict[str, Terms] | None:
    """The terms of `wanted` keys, from the store, or (given their documents) tokenized and kept;
    None if one is neither."""
    found: dict[str, Terms] = {}
    for key, data in store.articles(wanted).items():
        try:
            found[key] = terms_from(unpack(data))
        except ValueError:
            pass
    lacking = sorted(wanted - found.keys())
    if lacking and docs_by_key is None:
        return None
    made = {key: article_terms(docs_by_key[key]) for key in lacking}
    if made:
        store.add_articles((key, pack(terms_entry(terms))) for key, terms in made.items())
    return {**found, **made}


def _encode(k: int, postings: dict, plan: Plan) -> tuple[bytes, bytes]:
    """Shard `k` as its script, and its postings as the cache keeps them."""
    return shard_script(k, shard_payload(postings), plan.pieces_of(k)), pack(postings_entry(postings))


# -- encoding every shard ----------------------------------------------------------------------

def _encoded(docs: Sequence[SearchDoc], keys: list[str], store: Store, jobs: int | None) -> tuple[Plan, Iterator[Shard]]:
    global _JOB
    spill = tempfile.TemporaryDirectory(prefix="gazette-search-")
    _JOB = _Job(docs, keys, store.path, store.has(keys), spill=Path(spill.name))
    ranges = [(start, min(start + CHUNK, len(docs))) for start in range(0, len(docs), CHUNK)]
    lengths: list = []
    counts: Counter = Counter()
    for entries, chunk_lengths, chunk_counts in _in_order(_read_terms, ranges, jobs):
        if entries:
            store.add_articles(entries)
        lengths += chunk_lengths
        counts.update(chunk_counts)
    plan = plan_shards(counts)

    def files() -> Iterator[Shard]:
        global _JOB
        keeping = None
        try:
            yield None, 0, partial(lengths_scripts, lengths)
            _JOB.plan = plan
            _JOB.spills = list(_in_order(_spill, ranges, jobs))
            keeping = _Keeping(store)
            masks = []
            for k, (data, postings) in enumerate(_in_order(_shard_files, list(range(plan.total)), jobs)):
                keeping.shard(k, data, postings)
                masks.append(present(data, plan.pieces_of(k)))
                yield script_digest(data), masks[-1], partial(bytes, data)
            keeping.commit(_record(keys, lengths, counts, plan, masks), plan.total)
        except BaseException:
            if keeping is not None:
                keeping.abandon()
            raise
        finally:
            _JOB = None
            spill.cleanup()
    return plan, files()


# Workers pass terms and postings to each other through files in the build's own temporary folder
# (mkdtemp: private to this user), written and read by this build: marshal is safe there, and
# several times faster than JSON. Nothing from the project folder is ever read with it.

def _read_terms(span: tuple[int, int]) -> tuple[list, list, Counter]:
    """Worker: the terms of articles `span` (from the cache, else tokenized), into a spill file;
    the entries the cache lacked, every article's field lengths, the first-character counts."""
    start, end = span
    wanted = {key for key in _JOB.keys[start:end] if key in _JOB.held}
    found = _read_store(wanted) if wanted else {}
    entries, terms = [], []
    for n in range(start, end):
        key = _JOB.keys[n]
        made = found.get(key)
        if made is None:
            made = found[key] = article_terms(_JOB.docs[n])
            entries.append((key, pack(terms_entry(made))))
        terms.append(made)
    (_JOB.spill / f"terms-{start}").write_bytes(marshal.dumps(terms))
    return entries, [t[0] for t in terms], Counter(chain.from_iterable(map(start_characters, terms)))


def _read_store(keys: set[str]) -> dict[str, Terms]:
    """In a worker: the terms of those of `keys` the store holds intact (none if it cannot be read)."""
    try:
        db = sqlite3.connect(_JOB.store, timeout=30)
        try:
            return dict(_decoded(db, keys))
        finally:
            db.close()
    except sqlite3.Error:
        return {}


def _decoded(db: sqlite3.Connection, keys: set[str]) -> Iterator[tuple[str, Terms]]:
    listed = sorted(keys)
    for at in range(0, len(listed), 500):
        batch = listed[at:at + 500]
        marks = ",".join("?" * len(batch))
        for key, data in db.execute(f"SELECT key, data FROM article WHERE key IN ({marks})", batch):
            try:
                yield key, terms_from(unpack(data))
            except ValueError:
                pass


def _spill(span: tuple[int, int]) -> array:
    """Worker: the postings of articles `span` split by shard into one spill file, a section per
    shard (`index.Split`); where each section ends, as machine integers (a tuple of two ints per
    shard and range held ≈ 60 MB at 50,000 articles, these ≈ 5)."""
    start, end = span
    path = _JOB.spill / f"terms-{start}"
    try:
        terms = marshal.loads(path.read_bytes())
    except FileNotFoundError:  # taken by a worker that then failed: this is the task done again
        found = _read_store(set(_JOB.keys[start:end]))
        terms = [found.get(_JOB.keys[n]) or article_terms(_JOB.docs[n]) for n in range(start, end)]
    path.unlink(missing_ok=True)  # the temporary folder holds one copy of the index at a time
    ends, at = array("q"), 0
    with (_JOB.spill / f"postings-{start}").open("wb") as out:
        for shard in split_postings(enumerate(terms, start), _JOB.plan, {}):
            data = marshal.dumps(shard)
            out.write(data)
            at += len(data)
            ends.append(at)
    return ends


def _sections(k: int) -> Iterator[Split]:
    for start, ends in zip(count(0, CHUNK), _JOB.spills):
        offset = ends[k - 1] if k else 0
        size = ends[k] - offset
        with (_JOB.spill / f"postings-{start}").open("rb") as spill:
            spill.seek(offset)
            yield marshal.loads(spill.read(size))


def _shard_files(k: int) -> tuple[bytes, bytes]:
    """Worker: shard `k` (script, cache entry) from its section of every spill file."""
    merged = merge_postings(_sections(k))
    return shard_script(k, shard_payload(unflat(merged)), _JOB.plan.pieces_of(k)), pack(split_entry(merged))
