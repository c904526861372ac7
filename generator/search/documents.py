"""What the browser shows for a hit: result metadata and the plain text snippets come from.

Three kinds of classic-script payloads (file:// forbids fetch, so every data file
calls the global `gazetteSearchLoaded(kind, key, data)`):

- ``search/docs.js``, loaded up front: the shard plan, scoring parameters and,
  per article, only what orders every hit: publication and date, as numbers
  (wire.py's text encoding);
- ``search/regions.js``: per article its regions, as numbers: only a region filter and
  the facet counts need them, so the page loads them after the first page of results
  is shown (or first, when the URL asks for a region);
- ``search/text-NNN.js``: one article as a hit shows it: its title (as shown: a supplied
  one ［bracketed］), subtitle, URL, where the title may break (text/phrases.py `breaks`,
  written by `break_code`, so that a result's title keeps its words together as the
  pages' headlines do), its plain text (meta line + body) and, when any, the entries of the
  Traditional→Simplified table its text folds through (fold.py `t2s_entries`), loaded for the hits on
  the page being shown (their titles and snippets: one file a hit), the hits verified
  and a title match the index suggests confirmed.

An article's ref in the lunr index the browser rebuilds is its position in
`Site.articles` written in base 62 (0-9a-zA-Z): 3 characters up to 238,328 articles
(the files themselves carry article numbers, wire.py).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from ..model import Article, Site
from ..text.phrases import breaks
from ..text.plain import plain_text
from .cache import text_key
from .fold import t2s_entries, t2s_keys
from .packing import deflated, units
from .wire import number

TEXT_CHUNK = 1  # articles per text file: a hit verified or shown costs its whole file (bench/search.md)
EPOCH = dt.date(1970, 1, 1)
BOM_UTF16 = b"\xff\xfe"  # little-endian

_JS_STRING = str.maketrans({"\\": "\\\\", "'": "\\'", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True)
class SearchDoc:
    """One article as search sees it: plain text per field."""

    ref: str
    title: str  # title and subtitle
    meta: str  # bylines, places, regions, column, source: searchable, shown when the hit is there
    body: str


REF_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def to_ref(number: int) -> str:
    out = ""
    while True:
        number, rest = divmod(number, len(REF_DIGITS))
        out = REF_DIGITS[rest] + out
        if not number:
            return out


_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def break_code(offsets: list[int]) -> str:
    """Break offsets as a short string, one character per phrase (a text file holds one per
    article): each phrase's length but the last's in base 36, 1–z (35); "0" stands for 35
    characters with no break after them (a phrase of 40 is "05"). [9, 15] → "96"."""
    out, last = [], 0
    for offset in offsets:
        length, last = offset - last, offset
        out.append("0" * ((length - 1) // 35) + _BASE36[(length - 1) % 35 + 1])
    return "".join(out)


def _meta_line(article: Article) -> str:
    parts = [article.column, article.dateline, article.source, *article.authors, *article.photographers,
             article.editor, *article.places, *article.regions]
    return " ".join(dict.fromkeys(p for p in parts if p))


def search_doc(number: int, article: Article) -> SearchDoc:
    """Article `number` as search sees it: made of `searched(article)` alone."""
    return SearchDoc(ref=to_ref(number), title=" ".join(filter(None, (article.title, article.subtitle))),
                     meta=_meta_line(article), body=plain_text(article.body))


def searched(article: Article) -> tuple:
    """Every field of an article its `SearchDoc` is made of, as written (cache.text_key digests it)."""
    return (article.title, article.subtitle, article.column, article.dateline, article.source, article.authors,
            article.photographers, article.editor, article.places, article.regions, article.body)


def text_key_of(article: Article) -> str:
    """The article's key in the search cache and its text file's name (`cache.text_key` of `searched`)."""
    return text_key(searched(article))


def search_docs(site: Site) -> list[SearchDoc]:
    return [search_doc(n, a) for n, a in enumerate(site.articles)]


class LazyDocs(Sequence):
    """Every article's `SearchDoc`, made each time it is asked for and not kept: a build that finds
    most articles' terms and files unchanged (by `searched`) turns only the others' Markdown into
    plain text, and no build holds every article's plain text at once."""

    def __init__(self, articles: tuple[Article, ...]) -> None:
        self.articles = articles

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, number):
        if not isinstance(number, int):
            raise TypeError("LazyDocs are read one article at a time")
        return search_doc(number, self.articles[number])


def script(kind: str, key, data, wide: bool = False, packed: bool = False) -> bytes:
    """A data file as a classic script: works from file:// where fetch does not.

    `wide`: UTF-16 with a byte-order mark, which browsers obey over any charset a server
    declares (the Encoding Standard's decode): 2 bytes a Chinese character instead of
    UTF-8's 3, for files that are mostly Chinese text (bench/search.md).
    `packed`: the JSON deflated, in UTF-16 code units (packing.py), with its compressed size:
    the script passes that string and size, and the engine unpacks them."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    head = f"gazetteSearchLoaded({json.dumps(kind)},{json.dumps(key)},"
    if packed:
        compressed = deflated(payload.encode("utf-8"))
        return (BOM_UTF16 + (head + '"').encode("utf-16-le") + units(compressed)
                + f'",{len(compressed)});\n'.encode("utf-16-le"))
    # V8 parses a JSON.parse string literal faster than the same object literal (bench/search.md).
    literal = "'" + payload.translate(_JS_STRING) + "'"
    text = f"{head}JSON.parse({literal}));\n"
    return BOM_UTF16 + text.encode("utf-16-le") if wide else text.encode("utf-8")


def docs_payload(site: Site, shards: dict, scoring: dict) -> dict:
    """The table every search needs: `shards` is index.Plan.payload() (how terms map to shards),
    `scoring` wire.params; the characters the Traditional→Simplified table maps (`t2s`, as the gaps
    between their code points), so that only a query holding one loads t2s.js; per article its
    publication and date (days since 1970, as the change from the article before, zigzag-signed),
    as numbers."""
    publications = {p.slug: n for n, p in enumerate(site.publications)}
    days = [(a.date - EPOCH).days for a in site.articles]
    changes = (day - before for day, before in zip(days, [0, *days]))
    keys = t2s_keys()
    return {
        "t2s": "".join(number(code - before - 1) for code, before in zip(keys, [-1, *keys])),
        "version": 5, **shards, "scoring": scoring, "textChunk": TEXT_CHUNK,
        "publications": [p.name for p in site.publications],
        "publication": "".join(number(publications[a.publication_slug]) for a in site.articles),
        "date": "".join(number(2 * c if c >= 0 else -2 * c - 1) for c in changes),
    }


def regions_payload(site: Site) -> dict:
    """search/regions.js: the region names (in the gazetteer's order), and per article its regions
    (how many, then which), as numbers. Apart from docs.js because a query needs them only to
    filter by region or count the facets, which can wait for the first page (bench/search.md)."""
    regions = sorted({name for a in site.articles for name in a.regions},
                     key=lambda name: _region_order(site, name))
    region_index = {name: n for n, name in enumerate(regions)}
    return {"regions": regions,
            "region": "".join(number(len(a.regions)) + "".join(number(region_index[r]) for r in a.regions)
                              for a in site.articles)}


def _region_order(site: Site, name: str) -> tuple[int, str]:
    order = [r.name for r in site.regions]
    return (order.index(name) if name in order else len(order), name)


@dataclass(frozen=True)
class DataFile:
    """A file of search/ before it is made: `make()` gives its bytes; `source`, all they are made of
    besides gazette's code (None: not known, so the file is made on every build)."""

    path: str
    source: tuple | None
    make: Callable[[], bytes]


def data_file(path: str, data: bytes) -> DataFile:
    """A file made already: its bytes say whether it changed."""
    return DataFile(path, None, partial(bytes, data))


def _chunks(kind: str, count: int, size: int, source: Callable[[int], object], row: Callable[[int], list],
            packed: bool = False) -> Iterator[DataFile]:
    """Files of `size` rows (`row(n)` for article n, made from `source(n)`) each, in ref order."""
    def make(start: int) -> bytes:
        return script(kind, start // size, [row(n) for n in range(start, min(start + size, count))], packed=packed)
    for start in range(0, count, size):
        yield DataFile(f"search/{kind}-{start // size:03d}.js", tuple(map(source, range(start, min(start + size, count)))),
                       partial(make, start))


def text_files(site: Site, docs: Sequence[SearchDoc], keys: list[str]) -> Iterator[DataFile]:
    """search/text-NNN.js: [shown title, subtitle, url, title breaks, meta, body] for articles
    NNN*TEXT_CHUNK …, in ref order, packed (packing.py: 0.90 of their size in UTF-16, which pays
    for the shards' pieces, index.PIECES; 1.13 of it gzipped: bench/search.md); each made only
    when asked, named by what it is made of: its articles' `keys` (cache.text_key) and what the
    pages show of their titles."""
    articles = site.articles
    return _chunks("text", len(docs), TEXT_CHUNK, lambda n: (keys[n], *_shown(articles[n])),
                   lambda n: _text_row(articles[n], docs[n]), packed=True)


def _text_row(article: Article, doc: SearchDoc) -> list[str]:
    row = [*_shown(article), break_code(breaks(article.shown_title)), doc.meta, doc.body]
    entries = t2s_entries(article.shown_title, article.subtitle or "", doc.meta, doc.body)
    return row + [entries] if entries else row


def _shown(article: Article) -> list[str]:
    return [article.shown_title, article.subtitle or "", article.url]
