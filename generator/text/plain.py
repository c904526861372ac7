"""Markdown → the plain text a reader sees: one owner for every place that shows a body as text.

Three readers see an article without its page: a search snippet (every line,
headings included: `plain_text`), a feed summary (the first paragraphs:
`excerpt`) and the meta description and table-of-contents line (the first
sentence: `first_sentence`). They must read a body alike: the same markup
dropped, the same headings left out of a summary, the same cut. A body is read
block by block (blocks end at a blank line, as Markdown's do) and, inside a
block, in runs of heading lines and of text lines: python-markdown makes a
``#`` line a heading wherever it stands in a block.

Everything here takes linear time: bodies may be hostile (see render/markdown.py).
"""
from __future__ import annotations

import re
from typing import Iterator

import markdown

from .han import HAN_CLASS

# A backslash escape as python-markdown resolves it: \* shows *, but \< shows \<.
ESCAPE = r"\\([" + re.escape("".join(markdown.Markdown().ESCAPED_CHARS)) + "])"
_BLOCK_MARKER = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+)?", re.M)
# Linear: link text and URL stop at the next bracket, so no start rescans another's text.
_INLINE = re.compile(ESCAPE + r"|!?\[([^\[\]\\]*)\]\([^()]*\)|\*\*|__|\*|`")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_WIDE = re.compile(f"[{HAN_CLASS}\u3000-\u303f\uff00-\uffef“”‘’…—·]")  # set without spaces around it


def markdown_text(text: str) -> str:
    """What a reader sees of Markdown, line by line: block markers (headings, quotes, list
    items), link and image syntax (their text stays), emphasis and code marks dropped,
    backslash escapes resolved."""
    return _INLINE.sub(_inline_text, _BLOCK_MARKER.sub("", text))


def _inline_text(match: re.Match) -> str:
    escaped, link_text = match.group(1, 2)
    if escaped is not None:
        return escaped
    return _INLINE.sub(_inline_text, link_text) if link_text is not None else ""


def _runs(body: str) -> Iterator[tuple[bool, str]]:
    """(is a heading, its text as plain text) for each run of heading or text lines, in order."""
    for block in _BLANK_LINE.split(body):
        heading, run = False, []
        for line in block.split("\n"):
            if line.lstrip().startswith("#") != heading and run:
                yield heading, markdown_text("\n".join(run))
                run = []
            heading = line.lstrip().startswith("#")
            run.append(line)
        if run:
            yield heading, markdown_text("\n".join(run))


def plain_text(body: str) -> str:
    """Every line of text, headings included, one line each (search: its snippets show lines)."""
    lines = (line.strip() for _, run in _runs(body) for line in run.splitlines())
    return "\n".join(line for line in lines if line)


def paragraphs(body: str) -> list[str]:
    """The text paragraphs (lists and quotes too; not headings), each on one line, white space
    folded to single spaces; a paragraph with no text (an image without alt text, a rule) is none."""
    return list(_paragraphs(body))


def _paragraphs(body: str) -> Iterator[str]:
    """`paragraphs` one at a time: a reader of the first reads no further."""
    texts = (" ".join(run.split()) for heading, run in _runs(body) if not heading)
    return (text for text in texts if text)


def clip(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, the ellipsis included when it is cut (as Jinja's
    truncate counts it)."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def first_sentence(body: str, limit: int = 90) -> str:
    """The first sentence of the first text paragraph (meta description, tables of contents)."""
    first = next(_paragraphs(body), "")
    return clip(_SENTENCE_END.split(first, 1)[0].strip(), limit)


def excerpt(body: str, limit: int) -> str:
    """The text paragraphs, one after another, cut at `limit` characters (feed summaries)."""
    return clip(run_on(paragraphs(body)), limit)


def run_on(parts: list[str]) -> str:
    """Paragraphs run on as one text: a space between Latin words, none where Chinese meets
    Chinese (…示范单位”。据了解，…: Chinese sets no space after its full stop)."""
    pieces: list[str] = []
    for before, part in zip([None, *parts], parts):
        if before is not None and not (_WIDE.match(before[-1]) or _WIDE.match(part[0])):
            pieces.append(" ")
        pieces.append(part)
    return "".join(pieces)
