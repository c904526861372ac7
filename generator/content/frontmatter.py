"""Article files: YAML front matter between `---` lines, then Markdown.

`split` keeps the line numbers of the file so front-matter problems point at
the right line; `render` writes the exact form the importer produces, so an
article read and written again is byte-identical.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import _

from .schema import ARTICLE_FIELDS
from .yamlio import dump_yaml


@dataclass(frozen=True)
class RawArticle:
    front: str  # YAML text
    body: str  # Markdown text
    front_first_line: int  # file line of the first YAML line
    body_first_line: int


class FrontMatterError(Exception):
    def __init__(self, message: str, line: int):
        self.message, self.line = message, line
        super().__init__(message)


def is_fence(line: str) -> bool:
    """A front-matter fence: `---` at column 0, trailing spaces allowed.

    An indented `---` is text inside a YAML value (a `|` block), not the end of the
    front matter: taking it for the fence would publish the later fields as body text.
    """
    return line.rstrip(" \t") == "---"


def split(text: str) -> RawArticle:
    lines = text.split("\n")
    if not is_fence(lines[0]):
        raise FrontMatterError(_("no front matter: the file must start with a line '---'"), 1)
    for i in range(1, len(lines)):
        if is_fence(lines[i]):
            front = "\n".join(lines[1:i]) + "\n"
            body = "\n".join(lines[i + 1:])
            return RawArticle(front, body.strip("\n") + "\n", 2, i + 2)
    raise FrontMatterError(_("front matter is not closed by a line '---'"), 1)


def render(fields: dict, body: str) -> str:
    """Front matter in the documented key order (unknown keys last), then the body."""
    ordered = {k: fields[k] for k in ARTICLE_FIELDS if fields.get(k) not in (None, "", [], ())}
    ordered.update({k: v for k, v in fields.items() if k not in ARTICLE_FIELDS and v is not None})
    return f"---\n{dump_yaml(ordered)}---\n\n{body.strip()}\n"
