"""Article bodies: Markdown → HTML that is safe to mark as such (plain text: generator/text/plain.py).

Raw HTML in bodies is never trusted (OCR text, hand edits, imports): the
``html_block`` preprocessor and the ``html`` inline pattern are removed, so
``<script>`` comes out as text; a link or image whose URL, read as a browser
reads it (entities decoded, tabs and newlines dropped), is not http(s), mailto
or relative loses its target; and nh3 (the ammonia sanitizer) makes a last pass
over the HTML, allowing only what python-markdown writes for our extensions.

python-markdown's link parsers scan from every ``[`` to its ``]`` and from every
``](`` to its ``)``, and each inline match copies the paragraph: a paragraph of
unbalanced brackets or of thousands of matches takes quadratic time. A block
that would cost that much is shown as literal text instead (`is_costly`).
"""
from __future__ import annotations

import collections
import functools
import html
import itertools
import re
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.blockparser import BlockParser
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..text.plain import ESCAPE

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# What python-markdown writes with the sane_lists extension, and nothing else.
ALLOWED_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
                          "pre", "code", "em", "strong", "a", "img", "hr", "br"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
MAX_BLOCK_CHARS = 10_000  # longest paragraph parsed as Markdown: far above any printed paragraph
LINK_SCAN_PER_CHAR = 8  # link-parser characters scanned per character of a block, at most

_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_AND_NEWLINES = str.maketrans("", "", "\t\n\r")
_URL_HEAD = re.compile(r"[^/?#]*")  # before the path: where a scheme's colon would be
_LINK_SYNTAX = re.compile(r"\\.|[\[\]()]")
_ESCAPED = re.compile(ESCAPE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def browser_url(value: str) -> str:
    """The URL a browser follows for this attribute value: entities decoded, then, as the
    WHATWG URL parser does, leading/trailing C0 controls and spaces stripped and tabs and
    newlines removed anywhere (so ``java&Tab;script&#58;`` is ``javascript:``)."""
    return html.unescape(value).strip(_C0_AND_SPACE).translate(_TAB_AND_NEWLINES)


def is_safe_link(value: str) -> bool:
    """True for http, https, mailto and relative URLs (no colon before the first / ? #)."""
    head = _URL_HEAD.match(browser_url(value)).group()
    return ":" not in head or head.split(":", 1)[0].lower() in SAFE_SCHEMES


class _DropUnsafeLinks(Treeprocessor):
    """Remove href/src values that could run script (javascript:, data:, vbscript:…);
    `dropped` keeps them, as written, for `gazette check`."""

    def run(self, root: Element) -> None:
        self.dropped = []
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_link(value):
                    self.dropped.append(value)
                    del element.attrib[attribute]


def link_scan_work(text: str) -> int:
    """Characters python-markdown's link parsers scan in `text`: from each ``[`` to its
    ``]`` (or the end) and from each ``](`` to its ``)`` (or the end); escapes are skipped."""
    work, squares, rounds, previous, previous_end = 0, [], [], "", -1
    for match in _LINK_SYNTAX.finditer(text):
        at, token = match.start(), match.group()
        if token == "[":
            squares.append(at)
        elif token == "]" and squares:
            work += at - squares.pop()
        elif token == "(":
            rounds.append(at if previous == "]" and at == previous_end else None)
        elif token == ")" and rounds:
            start = rounds.pop()
            work += at - start if start is not None else 0
        previous, previous_end = token, match.end()
    return work + sum(len(text) - at for at in squares) + sum(len(text) - at for at in rounds if at is not None)


def is_costly(block: str) -> bool:
    """Would parsing this block's inline Markdown take more than linear time?"""
    return len(block) > MAX_BLOCK_CHARS or link_scan_work(block) > LINK_SCAN_PER_CHAR * len(block)


class _LiteralCostlyBlocks(Preprocessor):
    """Blocks (runs of non-blank lines) that `is_costly` are kept as literal text."""

    def run(self, lines: list[str]) -> list[str]:
        out = []
        for filled, group in itertools.groupby(lines, key=lambda line: bool(line.strip())):
            block = list(group)
            if filled and is_costly("\n".join(block)):
                block = [self.md.htmlStash.store(literal_html("\n".join(block)))]
            out += block
        return out


def literal_html(block: str) -> str:
    """A block as the text its author typed: escapes resolved, HTML-escaped, no markup."""
    return html.escape(_ESCAPED.sub(r"\1", _CONTROL.sub("", block)), quote=False)


class _Blocks(collections.deque):
    """python-markdown's list of blocks, whose processors take each with pop(0): O(1) here,
    O(n) on a list, which made a body of many blank lines or paragraphs quadratic."""

    def pop(self, index: int = -1) -> str:
        if index == 0:
            return self.popleft()
        item = self[index]
        del self[index]
        return item


class _LinearBlockParser(BlockParser):
    """python-markdown's block parser, on `_Blocks`."""

    def parseChunk(self, parent: Element, text: str) -> None:
        self.parseBlocks(parent, _Blocks(text.split("\n\n")))


def make_markdown() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.preprocessors.register(_LiteralCostlyBlocks(converter), "literal_costly_blocks", 25)
    converter.inlinePatterns.deregister("html")
    converter.treeprocessors.register(_DropUnsafeLinks(converter), "drop_unsafe_links", 0)
    converter.parser.__class__ = _LinearBlockParser  # in place: the block processors hold this parser
    return converter


def sanitize(html_text: str) -> str:
    """The last pass over a rendered body: only python-markdown's own tags, attributes and safe URLs."""
    return nh3.clean(html_text, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(SAFE_SCHEMES), link_rel=None, strip_comments=True)


class MarkdownRenderer:
    """One reusable python-markdown instance (creating one per article is slow)."""

    def __init__(self) -> None:
        self._converter = make_markdown()

    def __call__(self, text: str) -> Markup:
        return Markup(sanitize(self._converter.reset().convert(text)))

    def unsafe_links(self, text: str) -> list[str]:
        """The link and image targets in `text` that rendering drops, as they are written."""
        self._converter.reset().convert(text)
        return self._converter.treeprocessors["drop_unsafe_links"].dropped


@functools.cache
def _shared_renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def body_html(text: str) -> Markup:
    """An article body as safe HTML: a pure function of the text, so pages can defer it
    (`fingerprint.deferred`) and skip it when the page is unchanged."""
    return _shared_renderer()(text)
