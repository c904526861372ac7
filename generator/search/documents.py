"""What the browser shows for a hit: result metadata and the plain text snippets come from.

Two kinds of classic-script payloads (file:// forbids fetch, so every data file
calls the global `gazetteSearchLoaded(kind, key, data)`):

- ``search/docs.js``: one row per article, loaded up front: title, URL, date,
  publication and regions (as indexes into small tables), enough to list,
  filter and rank results by title without touching the text; and where the
  title may break (text/phrases.py `breaks`, written by `break_code`), so that
  a result's title keeps its words together as the pages' headlines do;
- ``search/text-NNN.js``: the plain text (meta line + body) of a run of
  consecutive articles, loaded only for the hits being shown or verified.

An article's ref is its position in `Site.articles`, written in base 62
(0-9a-zA-Z) in the index: refs repeat in every posting and field vector, and
base 62 keeps them at 3 characters up to 238,328 articles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import Article, Site
from ..text.phrases import breaks
from ..text.plain import plain_text

TEXT_CHUNK = 16  # articles per text file (bench/search.md); a page of 20 results loads at most 20 of them

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
    """Break offsets as a short string, one character per phrase (docs.js holds one per
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


def search_docs(site: Site) -> list[SearchDoc]:
    return [
        SearchDoc(ref=to_ref(n), title=" ".join(filter(None, (a.title, a.subtitle))),
                  meta=_meta_line(a), body=plain_text(a.body))
        for n, a in enumerate(site.articles)
    ]


def script(kind: str, key, data) -> bytes:
    """A data file as a classic script: works from file:// where fetch does not."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # V8 parses a JSON.parse string literal faster than the same object literal (bench/search.md).
    literal = "'" + payload.translate(_JS_STRING) + "'"
    return f"gazetteSearchLoaded({json.dumps(kind)},{json.dumps(key)},JSON.parse({literal}));\n".encode("utf-8")


def docs_payload(site: Site, shards: dict) -> dict:
    """The table every search needs: ranking by title, filters, result rows; `shards` is
    index.Plan.payload() (how terms map to shards)."""
    publications = {p.slug: n for n, p in enumerate(site.publications)}
    regions = sorted({name for a in site.articles for name in a.regions},
                     key=lambda name: _region_order(site, name))
    region_index = {name: n for n, name in enumerate(regions)}
    rows = [
        [a.shown_title, a.subtitle or "", publications[a.publication_slug], a.date.isoformat(), a.url,
         [region_index[r] for r in a.regions], break_code(breaks(a.shown_title))]
        for a in site.articles
    ]
    return {
        "version": 2, **shards, "textChunk": TEXT_CHUNK,
        "publications": [p.name for p in site.publications], "regions": regions,
        "columns": ["title", "subtitle", "publication", "date", "url", "regions", "breaks"], "docs": rows,
    }


def _region_order(site: Site, name: str) -> tuple[int, str]:
    order = [r.name for r in site.regions]
    return (order.index(name) if name in order else len(order), name)


def text_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """search/text-NNN.js: [meta, body] for articles NNN*TEXT_CHUNK …, in ref order."""
    files = {}
    for start in range(0, len(docs), TEXT_CHUNK):
        chunk = start // TEXT_CHUNK
        rows = [[d.meta, d.body] for d in docs[start:start + TEXT_CHUNK]]
        files[f"search/text-{chunk:03d}.js"] = script("text", chunk, rows)
    return files
