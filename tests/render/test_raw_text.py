"""原文 pages and provenance, as a build writes them: the raw text line by line with each article's
lines marked and linked, escaped; the issue and article pages saying where their text came from;
and a raw file that is missing or changed leaving the page out with a warning, never a traceback."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator import build, load_config
from generator.cli import main
from generator.ingest import ImportOptions, import_issue
from generator.model import Article
from generator.render.raw_text import confidence_said

from render_helpers import copy_fixture, read

RAW_PAGE = "bayinguoleng-daily/2023-08-11/raw.html"
ISSUE = "bayinguoleng-daily/2023-08-11/index.html"
FIRST = "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
HOSTILE = "bayinguoleng-daily/2023-08-11/003-hostile.html"
ISSUE_YAML = "content/bayinguoleng-daily/2023-08-11/issue.yaml"
RAW_FIXTURE = Path(__file__).parent.parent / "fixtures" / "raw"


def line_text(html: str, number: int) -> str:
    return re.search(rf'<div class="raw-line" id="L{number}"><a class="ln" href="#L{number}">{number}</a>'
                     rf'<span class="lt">(.*?)</span></div>', html).group(1)


def test_the_raw_page_numbers_every_line_and_escapes_it(built_basic):
    html = read(built_basic, RAW_PAGE)
    raw = (Path(__file__).parent.parent / "fixtures/sites/basic/raw/000.txt").read_text("utf-8").splitlines()
    assert len(re.findall(r'<div class="raw-line" id="L\d+">', html)) == len(raw)
    assert line_text(html, 3) == "巴州被命名为2023年自治区民族团结进步示范区"
    assert line_text(html, 14) == "&lt;script&gt;alert(&#34;标题&#34;)&lt;/script&gt;质量强州"
    assert line_text(html, 15) == "副题 &amp; &lt;b&gt;加粗&lt;/b&gt; &amp;amp; &amp;lt;i&amp;gt;"  # entities stay text too
    assert "<script>alert" not in html and "<b>加粗" not in html


def test_each_articles_lines_are_one_block_headed_by_a_link_to_it(built_basic):
    html = read(built_basic, RAW_PAGE)
    blocks = re.findall(r'<section class="raw-article" aria-label="第(\d+)篇">\s*<p class="raw-article-head">'
                        r'<a href="([^"]+)">.*?</p>(.*?)</section>', html, re.S)
    assert [(order, href) for order, href, _ in blocks] == [
        ("1", "001-ba-zhou-bei-ming-ming.html"), ("2", "002-shi-si-yun.html"), ("3", "003-hostile.html")]
    numbers = [re.findall(r'id="L(\d+)"', body) for _, _, body in blocks]
    assert [(int(n[0]), int(n[-1])) for n in numbers] == [(3, 9), (11, 12), (14, 21)]
    outside = re.findall(r'<div class="raw-outside">(.*?)</div>\n?(?=<section|</div>)', html, re.S)
    assert outside and 'id="L1"' in outside[0]  # the masthead line is in no article


def test_the_article_links_to_its_lines_and_says_what_was_inferred(built_basic):
    html = read(built_basic, FIRST)
    assert '<a class="raw-lines-link" href="raw.html#L3">原文第3–9行</a>' in html
    hostile = read(built_basic, HOSTILE)
    assert 'href="raw.html#L14">原文第14–21行</a>' in hostile


def test_the_issue_page_names_its_raw_file_sha256_and_date_source(built_basic):
    html = read(built_basic, ISSUE)
    sha = re.search(r"sha256:(\w+)", read(built_basic.parent, ISSUE_YAML)).group(1)
    assert "<code>raw/000.txt</code>" in html and f'<code class="sha">{sha}</code>' in html
    assert "<dt>日期来源</dt><dd>由整理者提供</dd>" in html
    assert '<a class="raw-page-link" href="raw.html">查看原文（逐行）</a>' in html


@pytest.mark.parametrize("spoil, said", [
    (lambda project: (project / "raw/000.txt").unlink(), "raw file raw/000.txt not found"),
    (lambda project: (project / "raw/000.txt").write_text("改过的文字\n", "utf-8"), "raw file raw/000.txt has changed"),
    (lambda project: (project / ISSUE_YAML).write_text(
        (project / ISSUE_YAML).read_text("utf-8").replace("raw/000.txt", "../../etc/passwd"), "utf-8"),
     "raw file ../../etc/passwd is outside the project"),
    (lambda project: (project / ISSUE_YAML).write_text(re.sub(  # a NUL in the name, YAML-escaped
        r"^source: raw/000.txt (.*)$", r'source: "raw/0\\0.txt \1"', (project / ISSUE_YAML).read_text("utf-8"), flags=re.M),
        "utf-8"), r"raw file raw/0\x00.txt cannot be opened (embedded null byte)"),
])
def test_without_its_raw_file_an_issue_has_no_raw_page_and_a_warning(tmp_path, capsys, spoil, said):
    project = copy_fixture("basic", tmp_path)
    spoil(project)
    assert main(["-C", str(project), "build"]) == 0
    err = capsys.readouterr().err
    assert f"{ISSUE_YAML}: warning: {said}" in err and "原文" in err and "Traceback" not in err
    site = project / "site"
    assert not (site / RAW_PAGE).exists()
    assert "raw.html" not in read(site, FIRST) and "原文第3–9行" in read(site, FIRST)  # the lines, unlinked
    assert "raw.html" not in read(site, ISSUE) and "<code>" in read(site, ISSUE)
    assert main(["-C", str(project), "build", "--strict"]) == 1


def test_the_import_confidence_is_shown_until_someone_edits_the_article(tmp_path):
    for name in ("small-daily.txt", "small-daily.yaml"):
        shutil.copy(RAW_FIXTURE / name, tmp_path / name)
    import_issue(tmp_path / "small-daily.txt", tmp_path / "content", ImportOptions(), project_root=tmp_path)
    build(load_config(tmp_path))
    folder = "bayinguoleng-daily/2023-08-12"
    pages = sorted((tmp_path / "site" / folder).glob("0*.html"))
    said = [re.search(r"<dt>导入可信度</dt><dd>(.*?)</dd>", p.read_text("utf-8")) for p in pages]
    assert all(said) and said[0].group(1) in ("高", "中（结尾不完整）")
    assert all(f'href="raw.html#L' in p.read_text("utf-8") for p in pages)
    source = sorted((tmp_path / "content" / folder).glob("001-*.md"))[0]
    source.write_text(source.read_text("utf-8").replace("库尔勒香梨", "库尔勒的香梨", 1), "utf-8")
    build(load_config(tmp_path))
    assert "导入可信度" not in (tmp_path / "site" / folder / (source.stem + ".html")).read_text("utf-8")


def test_the_import_confidence_is_said_in_chinese_whatever_language_the_command_speaks(monkeypatch):
    article = Article(title="文章", publication="巴音郭楞日报", publication_slug="bayinguoleng-daily",
                      date=dt.date(2023, 8, 11), issue="2023-08-11", order=3, slug="a3", body="正文。\n",
                      confidence="low", doubts=("title-inferred", "unfinished"))
    for lang in ("en_US.UTF-8", "zh_CN.UTF-8"):
        monkeypatch.setenv("LANGUAGE", lang)
        assert confidence_said(article) == "低（标题为推断；结尾不完整）"
