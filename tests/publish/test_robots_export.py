"""robots.txt, .nojekyll and the researchers' export (JSON and CSV with the same rows)."""
from __future__ import annotations

import csv
import io
import json

from generator.publish import publish_site
from generator.publish.export import COLUMNS, export_files
from generator.publish.robots import robots_files
from seeded import SEEDS, under_other_seeds


def test_robots_points_at_the_sitemap_and_nojekyll_is_written(base):
    files = robots_files(base, has_sitemap=True)
    assert files["robots.txt"].decode().splitlines() == ["User-agent: *", "Allow: /", f"Sitemap: {base}sitemap.xml"]
    assert files[".nojekyll"] == b""


def test_build_outputs_include_publishing_files(basic_site, basic_config):
    files, problems = publish_site(basic_site, basic_config, ["index.html"])
    assert problems == []
    assert {"feed.xml", "sitemap.xml", "robots.txt", ".nojekyll", "data/articles.json",
            "data/articles.csv"} <= set(files)


def test_json_export_has_every_article_in_site_order(basic_site):
    records = json.loads(export_files(basic_site)["data/articles.json"])
    assert [r["key"] for r in records] == [a.key for a in basic_site.articles]
    first = next(r for r in records if r["key"].endswith("001-ba-zhou-bei-ming-ming"))
    assert first == {
        "key": "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming",
        "url": "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html",
        "publication": "巴音郭楞日报", "publication_slug": "bayinguoleng-daily",
        "date": "2023-08-11", "issue": "2023-08-11", "order": 1, "page": 1,
        "title": "巴州被命名为2023年自治区民族团结进步示范区", "title_source": None, "subtitle": None, "column": None,
        "kind": "news", "authors": ["陈彦强"], "photographers": [], "dateline": "库尔勒",
        "source": None, "editor": None, "regions": ["巴音郭楞蒙古自治州"], "places": ["博湖县", "尉犁县"],
        "continued": "2版", "lines": "3-9", "characters": first["characters"],
    }
    assert first["characters"] > 50


def test_csv_matches_json_and_opens_in_spreadsheets(basic_site):
    files = export_files(basic_site)
    raw = files["data/articles.csv"]
    assert raw.startswith("\ufeff".encode())  # BOM: Excel reads the Chinese as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    records = json.loads(files["data/articles.json"])
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == len(records) == len(basic_site.articles)
    for row, record in zip(rows, records):
        assert row["key"] == record["key"] and row["title"] == record["title"]
        assert row["authors"] == ";".join(record["authors"])
        assert row["subtitle"] == (record["subtitle"] or "")


EXPORT = """
from generator import load_config
from generator.content.site import load_site
from generator.publish.export import export_files
result = export_files(load_site(load_config(*args, cache_dir=""))[0])
"""


def test_export_is_the_same_bytes_in_every_build(basic_site, basic_config):
    """Researchers diff data/ between releases: a rebuild (a new process, another hash seed)
    must not reorder rows, columns or lists."""
    assert under_other_seeds(EXPORT, (basic_config.root,)) == [export_files(basic_site)] * len(SEEDS)


def test_issue_export_counts_articles_and_keeps_metadata(basic_site):
    files = export_files(basic_site)
    issues = json.loads(files["data/issues.json"])
    assert [i["key"] for i in issues] == [i.key for i in basic_site.issues]
    first = next(i for i in issues if i["key"] == "bayinguoleng-daily/2023-08-11")
    assert first == {
        "key": "bayinguoleng-daily/2023-08-11", "url": "bayinguoleng-daily/2023-08-11/index.html",
        "publication": "巴音郭楞日报", "publication_slug": "bayinguoleng-daily", "date": "2023-08-11",
        "edition": None, "number": None, "label": None, "pages": 4, "articles": 3,
        "source": "raw/000.txt sha256:470ca330061c9bcd8636160964083d0d2f557be7e9f6a7ea860ad026978f4769",
        "date_source": "given",
    }
    rows = list(csv.DictReader(io.StringIO(files["data/issues.csv"].decode("utf-8-sig"), newline="")))
    assert [r["articles"] for r in rows] == [str(i["articles"]) for i in issues]


def test_the_export_says_which_titles_the_archive_supplied(basic_site):
    """A researcher citing from data/articles.* must see a title that was not printed as one."""
    import dataclasses

    from generator.publish.export import article_record
    article = basic_site.articles[0]
    assert article_record(article)["title_source"] is None
    assert article_record(dataclasses.replace(article, title_source="inferred"))["title_source"] == "inferred"


def test_the_json_export_is_what_an_indented_json_dump_writes(basic_site):
    """render_json spells the indented dump out itself (for speed): byte for byte what json.dumps
    writes, for the archive's records and for awkward values (quotes, control characters,
    U+2028, formulas, empty lists, nothing, negative numbers) and any other kind of value."""
    from generator.publish.export import article_record, issue_record, render_json

    records = [article_record(a) for a in basic_site.articles] + [issue_record(i) for i in basic_site.issues]
    odd = [{"title": 'a"b\\c\n\x00\u2028新疆', "authors": [], "places": ["=1+1", "库尔勒"], "page": None,
            "order": -3}, {}]
    for case in (records, odd, [], [{"x": 1.5}], [{"x": True}], [{"x": [1, 2]}], [{"x": {"y": "z"}}]):
        assert render_json(case) == (json.dumps(case, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
