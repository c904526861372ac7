"""Hostile bodies of 1 MB render and build in seconds, not hours.

python-markdown's link parsers scan from every ``[`` to its ``]`` and every ``](`` to
its ``)``, each inline match copies the paragraph, and the block parser took each block
with ``pop(0)``; our own Markdown-to-text regexes backtracked from every ``[``. Each was
quadratic: 20,000 ``[`` took a minute. Each case runs in a child process, killed after
WALL seconds (the machine may be shared), and must use less than CPU seconds of processor.
"""
from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.render.markdown import MarkdownRenderer

MB = 1_000_000
WALL = 60  # seconds before the child is killed: before the fix these took hours
CPU = 15  # seconds of processor time a child may use

RUNS = {
    "brackets": "[",
    "images": "![",
    "stars": "*",
    "underscores": "_",
    "backticks": "`",
    "angles": "<",
    "backslashes": "\\",
    "ampersands": "&",
    "open-links": "[x](",
    "nested-open-links": "[[](",
    "escaped-brackets": "\\[",
    "entities": "&amp;",
    "emphasis": "*a* ",
    "code-spans": "`a` ",
    "links": "[a](b) ",
    "autolinks": "<http://a.b>",
    "blank-lines": "\n",
    "spaces-then-text": " ",
}
SHAPES = {
    "nested-brackets": "[" * (MB // 2) + "]" * (MB // 2),
    "nested-link-opening": "[" * (MB - 2) + "](",
    "unclosed-destination": "[a](" + "(" * (MB - 4),
}

CHILD = """
import sys
from pathlib import Path
from generator.text.plain import excerpt, first_sentence, plain_text
from generator.render.markdown import MarkdownRenderer
body = Path(sys.argv[1]).read_text(encoding="utf-8")
html = MarkdownRenderer()(body)
print(len(html), len(first_sentence(body)), len(excerpt(body, 201)), len(plain_text(body)))
"""


def run_child(args: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    """Run a Python child under the wall-clock limit; its processor seconds (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        done = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=WALL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {WALL} s")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return done, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def body_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "body.md"
    path.write_text("正文" + text + "。\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("text", [unit * (MB // len(unit)) for unit in RUNS.values()] + list(SHAPES.values()),
                         ids=list(RUNS) + list(SHAPES))
def test_a_megabyte_of_markup_renders_and_becomes_text_in_seconds(tmp_path, text):
    done, cpu = run_child(["-c", CHILD, str(body_file(tmp_path, text))])
    assert done.returncode == 0, done.stderr[-2000:]
    assert cpu < CPU, f"{cpu:.1f} s of processor time"


def test_a_megabyte_article_builds_in_seconds(basic_project):
    body = "正文" + "[" * (MB // 2) + "\n\n" + "![" * (MB // 8) + "\n\n" + "[x](" * (MB // 16) + "\n"
    article = basic_project / "content/bayinguoleng-daily/2023-08-11/004-chang-wen.md"
    article.write_text("---\ntitle: 长文\npublication: 巴音郭楞日报\ndate: 2023-08-11\nissue: 2023-08-11\n"
                       "order: 4\npage: 2\nkind: news\n---\n\n" + body, encoding="utf-8")
    done, cpu = run_child(["-m", "generator", "-C", str(basic_project), "build", "-q"])
    assert done.returncode == 0, done.stderr[-2000:]
    assert cpu < 2 * CPU, f"{cpu:.1f} s of processor time"
    page = (basic_project / "site/bayinguoleng-daily/2023-08-11/004-chang-wen.html").read_text(encoding="utf-8")
    assert "[" * 1000 in page  # the text is all there, as text


def test_a_long_paragraph_with_a_link_is_still_markdown():
    """The bound leaves real paragraphs alone: a long one with links and emphasis keeps them."""
    paragraph = "会议指出，" * 900 + "详见[通知](https://example.org/a) 与 **要点**。"
    html = str(MarkdownRenderer()(paragraph))
    assert '<a href="https://example.org/a">通知</a>' in html and "<strong>要点</strong>" in html


def test_a_costly_paragraph_is_shown_as_its_text():
    html = str(MarkdownRenderer()("前文\n\n" + "[" * 5000 + "a\\*b <c> &amp;\n\n后文 **粗**"))
    assert html == ("<p>前文</p>\n<p>" + "[" * 5000 + "a*b &lt;c&gt; &amp;amp;</p>\n<p>后文 <strong>粗</strong></p>")
