"""Hostile links in article bodies: no href or src a browser would run survives a build.

The payloads are the ones a hostile-input pass found live in Chromium (entity-encoded
schemes, tabs and spaces the URL parser drops, reference-style links, images) and their
relatives. Each is judged here as the browser reads the HTML (lxml decodes the entities,
then the WHATWG URL parser's stripping), then for real: Chromium clicks every link of a
built page and no script may run. Imported raw text must stay text, and `gazette check`
must name the Markdown line that holds such a link.
"""
from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import build, load_config
from generator.check import check_project
from generator.content.load import load_content
from generator.ingest import ImportOptions, import_issue
from generator.ingest.literal import literal_markdown
from generator.render.markdown import MarkdownRenderer, make_markdown, sanitize

RAW = Path(__file__).parent.parent / "fixtures" / "raw"
ISSUE = "content/bayinguoleng-daily/2023-08-11"

PAYLOADS = {
    "decimal-colon": "[x](javascript&#58;alert(1))",
    "hex-j-and-colon": "[x](&#x6A;avascript&#x3A;alert(1))",
    "named-colon": "[x](javascript&colon;alert(1))",
    "named-tab": "[x](java&Tab;script:alert(1))",
    "named-newline": "[x](java&NewLine;script:alert(1))",
    "leading-space-entity": "[x](&#x20;javascript:alert(1))",
    "leading-control-entity": "[x](&#1;javascript:alert(1))",
    "newline-entity": "[x](java&#10;script:alert(1))",
    "mixed-case": "[x](JaVaScRiPt:alert(1))",
    "zero-padded": "[x](&#0000106;avascript:alert(1))",
    "decimal-no-semicolon": "[x](&#106avascript&#58alert(1))",
    "hex-no-semicolon": "[x](javascrip&#x74:alert(1))",
    "data-html": "[x](data:text/html,<script>alert(1)</script>)",
    "data-base64": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript": "[x](vbscript:msgbox(1))",
    "backslash-colon": "[x](javascript\\:alert(1))",
    "angle-destination": "[x](<javascript:alert(1)>)",
    "leading-space": "[x]( javascript:alert(1))",
    "with-title": '[x](javascript:alert(1) "标题")',
    "autolink": "<javascript:alert(1)>",
    "autolink-slashes": "<javascript://%0aalert(1)>",
    "reference-entity": "[r1]\n\n[r1]: &#106;avascript:alert(1)",
    "reference-full": "[文][r2]\n\n[r2]: java&Tab;script:alert(1)",
    "image": "![i](javascript:alert(1))",
    "image-entity": "![i](&#x6A;avascript:alert(1))",
    "image-reference": "![i][r3]\n\n[r3]: &#x6A;avascript&#x3A;alert(1)",
    "in-emphasis": "**[x](javascript&#58;alert(1))**",
    "in-list": "- [x](javascript&#58;alert(1))",
    "in-quote": "> [x](&#x6A;avascript:alert(1))",
    "in-heading": "## [x](javascript&colon;alert(1))",
    "long": "[x](javascript:" + "a" * 5000 + ")",
    "raw-html-link": '<a href="javascript:alert(1)">x</a>',
    "raw-html-image": '<img src=x onerror="alert(1)">',
}
SAFE = {
    "https": ("[好](https://example.org/a?b=1&c=2)", "https://example.org/a?b=1&c=2"),
    "mailto": ("[信](mailto:editor@example.org)", "mailto:editor@example.org"),
    "relative": ("[本站](../index.html#top)", "../index.html#top"),
    "image": ("![图](images/a.png)", "images/a.png"),
    "autolink": ("<https://example.org/>", "https://example.org/"),
    "entity-once": ("[x](javascript&amp;#58;alert(1))", "javascript&#58;alert(1)"),  # a path, as in the browser
}

C0_AND_SPACE = "".join(map(chr, range(0x21)))
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def targets(html: str) -> list[str]:
    """Every href and src of an HTML fragment, decoded as the browser's HTML parser decodes them."""
    root = lxml.html.fragment_fromstring(str(html), create_parent="div")
    return [value for element in root.iter() for key, value in element.attrib.items() if key in ("href", "src")]


def runs_script(url: str) -> bool:
    """As the WHATWG URL parser reads `url`: a scheme other than http(s)/mailto (it could run)."""
    url = url.strip(C0_AND_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")
    match = SCHEME.match(url)
    return bool(match) and match.group(1).lower() not in ("http", "https", "mailto")


def dom(html: str) -> bytes:
    return lxml.html.tostring(lxml.html.fragment_fromstring(str(html), create_parent="div"), encoding="utf-8")


def attributes(html: str) -> set[str]:
    root = lxml.html.fragment_fromstring(str(html), create_parent="div")
    return {key for element in root.iter() for key in element.attrib}


@pytest.mark.parametrize("body", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_no_link_a_browser_would_run_survives_rendering(body):
    html = MarkdownRenderer()(f"正文：{body}")
    assert [url for url in targets(html) if runs_script(url)] == []
    assert attributes(html) <= {"href", "src", "alt", "title"}  # no onerror, no style
    assert "<script" not in html


PIECES = ["java", "JaVa", "script", "&#106;", "&#x6A;", "&#0000106", "a", "v", ":", "&#58;", "&#x3a", "&colon;",
          "&Tab;", "&NewLine;", "&#10;", "&#x20;", "&#1;", "\t", " ", "\\", "&amp;", "data", "vbscript", "/", "alert(1)"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_no_spelling_of_a_scheme_gets_through(target):
    for body in (f"[x]({target})", f"[x](<{target}>)", f"![i]({target})", f"[x][r]\n\n[r]: {target}"):
        assert [url for url in targets(MarkdownRenderer()(body)) if runs_script(url)] == [], body


@pytest.mark.parametrize("body, url", SAFE.values(), ids=SAFE.keys())
def test_safe_links_keep_their_target(body, url):
    assert targets(MarkdownRenderer()(body)) == [url]


EVERY_CONSTRUCT = """# 一

## 二 *斜* **粗** `码`

### 三

#### 四

##### 五

###### 六

> 引文  
> 换行

3. 三
4. 四

- 甲
- 乙

段落

    代码 <块>

[链接](https://example.org/ "标题") ![图](a.png "说明") <mailto:editor@example.org>

---
"""


def test_the_sanitizer_keeps_everything_python_markdown_writes():
    raw = make_markdown().convert(EVERY_CONSTRUCT)
    assert {e.tag for e in lxml.html.fragment_fromstring(raw, create_parent="div").iter()} == {
        "div", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "blockquote", "p", "br", "ol", "ul",
        "li", "pre", "a", "img", "hr"}
    assert attributes(raw) == {"href", "title", "src", "alt", "start"}
    assert dom(sanitize(raw)) == dom(raw)  # the same document (nh3 writes characters, not entities)


def test_the_sanitizer_is_the_last_word_on_tags_attributes_and_schemes():
    html = sanitize('<p onclick="x()" style="color:red">文<script>alert(1)</script><iframe src="a.html"></iframe>'
                    '<a href="java&#x09;script:alert(1)" target="_blank">链</a><img src="data:image/png;base64,AA">'
                    '<a href="vbscript:x">v</a><a href="../a.html">本站</a></p>')
    assert html == '<p>文<a>链</a><img><a>v</a><a href="../a.html">本站</a></p>'


def hostile_project(project: Path) -> Path:
    """The basic fixture plus one article holding every payload, one per paragraph, with a
    marker in each script so a run is seen as a flag and a dialog."""
    bodies = [p.replace("alert(1)", "window.__pwned=1,alert(1)").replace("msgbox(1)", "window.__pwned=1")
              for p in PAYLOADS.values()]
    text = ("---\ntitle: 链接测试\npublication: 巴音郭楞日报\ndate: 2023-08-11\nissue: 2023-08-11\n"
            "order: 4\npage: 2\nkind: news\n---\n\n" + "\n\n".join(f"第{n}段 {b}" for n, b in enumerate(bodies)) + "\n")
    (project / ISSUE / "004-lian-jie.md").write_text(text, encoding="utf-8")
    return project


def test_chromium_runs_no_script_when_every_link_is_clicked(basic_project, page):
    config = load_config(hostile_project(basic_project))
    build(config)
    article = config.output_path / "bayinguoleng-daily/2023-08-11/004-lian-jie.html"
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(article.as_uri())
    count = page.locator(".article-body a").count()
    assert count >= 20  # the links are there, as text without a target
    for n in range(count):
        page.goto(article.as_uri())
        link = page.locator(".article-body a").nth(n)
        shown = link.evaluate("a => a.parentElement.outerHTML")
        link.click(no_wait_after=True, timeout=2000)
        page.wait_for_timeout(50)
        assert page.evaluate("window.__pwned === undefined"), shown
    assert dialogs == []


def test_gazette_check_names_the_markdown_line_of_each_unsafe_link(basic_project):
    project = hostile_project(basic_project)
    found = [p for p in check_project(load_config(project)) if p.code == "unsafe-link"]
    lines = (project / ISSUE / "004-lian-jie.md").read_text(encoding="utf-8").splitlines()
    assert {p.path for p in found} == {f"{ISSUE}/004-lian-jie.md"} and all(p.is_error for p in found)

    def paragraph(line: int) -> str:  # the payload a line belongs to: the last 第N段 at or above it
        number = next(text for text in reversed(lines[:line]) if text.startswith("第")).split("段")[0][1:]
        return list(PAYLOADS)[int(number)]

    not_links = {"autolink", "raw-html-link", "raw-html-image"}  # plain text already: nothing to drop
    assert sorted(paragraph(p.line) for p in found) == sorted(set(PAYLOADS) - not_links)
    for problem in found:
        written = lines[problem.line - 1]
        url = re.match(r"link to '([^'…]*)", problem.message).group(1)
        assert url in repr(written)  # the URL as written (shown by repr), on the line that holds it
        assert len(problem.message) < 160  # a hostile URL is not printed whole
        if paragraph(problem.line).startswith(("reference", "image-reference")):
            assert written.startswith("[r")  # a reference: its definition


def test_a_link_printed_in_an_imported_issue_stays_text(tmp_path):
    raw = (RAW / "small-daily.txt").read_text(encoding="utf-8").replace(
        "博斯腾湖畔游人如织。",
        "博斯腾湖畔游人如织。详见[通知全文](javascript&#58;alert(1))。\n\n"
        "网址http://example.org/，另见[附件](&#x6A;avascript:alert(1))、*强调*与`代码`。")
    (tmp_path / "small-daily.txt").write_text(raw, encoding="utf-8")
    shutil.copy(RAW / "small-daily.yaml", tmp_path)
    import_issue(tmp_path / "small-daily.txt", tmp_path / "content", ImportOptions(), project_root=tmp_path)
    _, _, articles, problems = load_content(tmp_path / "content", tmp_path)
    html = MarkdownRenderer()(articles[-1].body)
    root = lxml.html.fragment_fromstring(str(html), create_parent="div")
    assert root.xpath("//a | //img | //em | //code") == []
    text = root.text_content()
    assert "[通知全文](javascript&#58" in text  # its ; may turn full-width: still as printed, no link
    assert "[附件](&#x6A;avascript:alert(1))、*强调*与`代码`" in text  # a paragraph with http:// is kept as is


PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " \t\n中文，。、“”（）【】《》：；！？"


def is_paragraph(text: str) -> bool:
    """Imported paragraphs have text and no blank line (render_body joins them with one)."""
    return bool(text.strip()) and not re.search(r"\n[ \t]*\n", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=PRINTABLE, min_size=1, max_size=40).filter(is_paragraph))
def test_imported_text_renders_as_exactly_its_characters(text):
    html = MarkdownRenderer()(literal_markdown(text))
    root = lxml.html.fragment_fromstring(str(html), create_parent="div")
    assert [element.tag for element in root.iter()] in (["div"], ["div", "p"])
    assert " ".join(root.text_content().split()) == " ".join(text.split())
