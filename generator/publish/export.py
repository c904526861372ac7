"""`data/articles.{json,csv}` and `data/issues.{json,csv}`: the archive's metadata for researchers.

One row per article (or issue) in the site's order (issue date, publication,
issue, reading order), the same columns in the JSON and the CSV, so a build is byte-for-byte
stable and diffs between releases show only real changes. The CSV starts
with a UTF-8 byte-order mark so spreadsheet programs read the Chinese right;
list fields are joined with `;`.

A text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a live
formula to Excel and LibreOffice (CSV injection: `=HYPERLINK(…)` in a title), so
in the CSV, and only there, such a cell, and such an item of a list cell (`;` is
the cell separator of some locales), is prefixed with `'` as OWASP recommends: the
spreadsheet shows the text and hides the `'`. The JSON keeps every value as it is.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from json.encoder import encode_basestring as _quoted  # a JSON string, non-ASCII kept (C)

from .. import urls
from ..content.line_ranges import format_ranges
from ..model import Article, Issue, Site

COLUMNS = (
    "key", "url", "publication", "publication_slug", "date", "issue", "order", "page",
    "title", "title_source", "subtitle", "column", "kind", "authors", "photographers", "dateline",
    "source", "editor", "regions", "places", "continued", "lines", "characters",
)
ISSUE_COLUMNS = (
    "key", "url", "publication", "publication_slug", "date", "edition", "number", "label", "pages",
    "articles", "source", "date_source",
)
LIST_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_files(site: Site) -> dict[str, bytes]:
    articles = [article_record(a) for a in site.articles]
    issues = [issue_record(i) for i in site.issues]
    return {
        urls.ARTICLES_JSON: render_json(articles), urls.ARTICLES_CSV: render_csv(articles, COLUMNS),
        urls.ISSUES_JSON: render_json(issues), urls.ISSUES_CSV: render_csv(issues, ISSUE_COLUMNS),
    }


def article_record(article: Article) -> dict:
    """The article's metadata as plain JSON values, in COLUMNS order."""
    values = {
        "key": article.key, "url": article.url, "date": article.date.isoformat(),
        "characters": len("".join(article.body.split())),
        "lines": format_ranges(article.lines),  # where it is in its raw file: 22-42
    }
    for name in COLUMNS:
        if name not in values:
            value = getattr(article, name)
            values[name] = list(value) if isinstance(value, tuple) else value
    return {name: values[name] for name in COLUMNS}


def issue_record(issue: Issue) -> dict:
    """The issue's metadata, in ISSUE_COLUMNS order; `articles` is how many it holds."""
    values = {"key": issue.key, "url": issue.url, "date": issue.date.isoformat(),
              "edition": issue.edition, "articles": len(issue.articles), "source": issue.raw_file}
    return {name: values[name] if name in values else getattr(issue, name) for name in ISSUE_COLUMNS}


def render_json(records: list[dict]) -> bytes:
    """`json.dumps(records, ensure_ascii=False, indent=1)`, and a newline: spelt out here, as an
    indented dump runs Python's own encoder, value by value (≈ 0.1 ms an article, every build)."""
    rows = []
    for record in records:
        fields = []
        for name, value in record.items():
            kind = type(value)
            if kind is str:
                value = _quoted(value)
            elif kind is int:
                value = int.__repr__(value)
            elif value is None:
                value = "null"
            elif kind is list and all(type(v) is str for v in value):
                value = "[\n   " + ",\n   ".join(map(_quoted, value)) + "\n  ]" if value else "[]"
            else:  # (no such column today)
                return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
            fields.append(f"  {_quoted(name)}: {value}")
        rows.append(" {\n" + ",\n".join(fields) + "\n }" if fields else " {}")
    return (("[\n" + ",\n".join(rows) + "\n]" if rows else "[]") + "\n").encode("utf-8")


def render_csv(records: list[dict], columns) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record[name]) for name in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(inert(v) for v in value)
    return inert(value) if isinstance(value, str) else str(value)


def inert(text: str) -> str:
    """`text` as a spreadsheet shows it but never runs it: `'` before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def patched_export(site_folder: Path, edits: list[tuple[Article, Article]]) -> dict[str, bytes] | None:
    """`export_files` after an edit to articles' texts alone (`buildcache.body_edits`: `edits` are
    (as the last build read it, as now) pairs), made from the files the last build left in
    `site_folder`: only the edited articles' rows change (their `characters`), so each is replaced
    where it stands, the issues' files are kept; at 50,000 articles making them all anew costs
    seconds (bench/build.md). None when a file or a row is not found as written: then make them all."""
    out = {}
    try:
        for path in (urls.ISSUES_JSON, urls.ISSUES_CSV, urls.ARTICLES_JSON, urls.ARTICLES_CSV):
            out[path] = (site_folder / path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for old, new in edits:
        before, after = article_record(old), article_record(new)
        if before == after:
            continue
        for path, row in ((urls.ARTICLES_JSON, _json_row), (urls.ARTICLES_CSV, _csv_row)):
            was, now = row(before), row(after)
            if out[path].count(was) != 1:
                return None
            out[path] = out[path].replace(was, now)
    return {path: text.encode("utf-8") for path, text in out.items()}


def _json_row(record: dict) -> str:
    """A record as `render_json` writes it among others (after the line ending in `[` or `,`)."""
    return "\n" + render_json([record]).decode("utf-8")[2:-3]


def _csv_row(record: dict) -> str:
    """A record's line as `render_csv` writes it among others (the line before it ends with CRLF)."""
    text = render_csv([record], COLUMNS).decode("utf-8")
    return text[text.index("\r\n") + 1:]
