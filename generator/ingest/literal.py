"""Imported text is text: a paragraph of a raw issue as Markdown that shows exactly its characters.

Raw files are OCR or copied print text from sources we do not control; what
they hold must reach the page as the same characters, never as a link,
emphasis, list or heading (``[通知全文](javascript&#58;…)`` printed in an
issue is a sentence, not a link). Only ASCII punctuation is Markdown syntax,
so Chinese text and its punctuation pass through unchanged, and the escapes are
made only where python-markdown would read syntax, to keep content/ readable.
"""
from __future__ import annotations

import re

# Anywhere: code spans, emphasis, link and image brackets, and the escape character itself.
_INLINE = re.compile(r"[\\`*_\[\]]")
# A character reference (&#58; &colon;): written &amp;… it shows as typed, not as the character.
_REFERENCE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z0-9]+;)")
# At a line start: headings (#话题 too), quotes, bullets and rules, numbered items, and a
# line of = under another (a heading); indentation, which would make a code block.
_LINE_START = re.compile(r"^[ \t]*(?:(?P<marker>[#>+-])|(?P<number>[0-9]+)\.(?=[ \t]|$)|(?P<rule>=)(?==*[ \t]*$))?",
                         re.M)
_LINE_END = re.compile(r"[ \t]+$", re.M)  # two spaces before a line break make a <br>
_MAY_START = re.compile(r"^[ \t#>+=0-9-]", re.M)  # a line opening with none of these has nothing _LINE_START changes


def literal_markdown(text: str) -> str:
    """`text` (a paragraph or heading of imported text) escaped so Markdown renders it as written."""
    text = _INLINE.sub(r"\\\g<0>", text)
    text = _LINE_END.sub("", _REFERENCE.sub("&amp;", text).replace("<", "&lt;"))
    return _LINE_START.sub(_escape_marker, text) if _MAY_START.search(text) else text  # (most paragraphs: no call per line)


def _escape_marker(match: re.Match) -> str:
    """Indentation dropped, the marker escaped (``=`` has no backslash escape: a reference)."""
    if match["marker"]:
        return "\\" + match["marker"]
    if match["number"]:
        return match["number"] + "\\."
    return "&#61;" if match["rule"] else ""
