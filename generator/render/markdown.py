"""Article bodies: Markdown → HTML that is safe to mark as such.

Raw HTML in bodies is never trusted (OCR text, hand edits, imports): the
``html_block`` preprocessor and the ``html`` inline pattern are removed, so
``<script>`` comes out as text, and links or images with a scheme other than
http(s)/mailto lose their target.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = {"", "http", "https", "mailto"}
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]{1,3}")
_QUOTE = re.compile(r"^(?:>\s*)+")


class _DropUnsafeLinks(Treeprocessor):
    """Remove href/src values that could run script (javascript:, data:, vbscript:…)."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_link(value):
                    del element.attrib[attribute]


def is_safe_link(value: str) -> bool:
    cleaned = "".join(ch for ch in value if ch.isprintable() and not ch.isspace())
    return urlsplit(cleaned).scheme.lower() in SAFE_SCHEMES


def make_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)
    return md


class MarkdownRenderer:
    """One reusable python-markdown instance (creating one per article is slow)."""

    def __init__(self) -> None:
        self._md = make_markdown()

    def __call__(self, text: str) -> Markup:
        html = self._md.reset().convert(text)
        return Markup(html)


def first_sentence(body: str, limit: int = 90) -> str:
    """The first sentence of the first text paragraph, for tables of contents."""
    for block in body.split("\n\n"):
        block = block.strip()
        if not block or block.startswith("#"):
            continue
        text = " ".join(block.split())
        text = _EMPHASIS.sub("", _LINK.sub(r"\1", _QUOTE.sub("", text)))
        sentence = _SENTENCE_END.split(text, 1)[0].strip()
        return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
    return ""
