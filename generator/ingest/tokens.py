"""The token: one paragraph, headline, caption or small typed line read from the raw text,
with the raw line numbers of its lines, as the tokenizer (tokenizer.py) hands them to the
segmenter (segment.py); and the two readings of a token list both ask (a page's tokens, the
lead under a headline).

Its text is read again after every line it takes: `text`, `head` and `tail` keep what was
joined, so a paragraph of many lines costs linear time.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .clean import join_lines, join_more


@dataclass
class Token:
    kind: str  # para, head, caption, credit, byline, editor, source, author, note, cont, page
    line: int  # 1-based line in the raw file
    lines: list[str] = field(default_factory=list)
    level: int = 0  # Markdown heading level, 0 when inferred
    dateline: bool = False
    value: object = None  # parsed payload: names, Byline, editor name, (dir, target)…
    follows: Token | None = None  # the paragraph whose article this one continues (columns interleaved)
    in_column: bool = False  # a headline wrapped at the page's column width: set inside a column
    heavy: bool = False  # a headline line the PDF text printed doubled: set in headline type
    set_in: bool = False  # a paragraph whose first line was printed indented (U+3000 or spaces)
    numbers: list[int] = field(default_factory=list, repr=False, compare=False)  # raw line of each of `lines`, read one at a time

    _joined: tuple[int, str, str] = field(default=(0, "", ""), repr=False, compare=False)
    _tail: tuple[int, str] = field(default=(0, ""), repr=False, compare=False)
    _head: tuple[int, str] = field(default=(0, ""), repr=False, compare=False)

    @property
    def text(self) -> str:
        """The lines joined; lines appended since the last call are joined onto the cached text
        (a paragraph grows a line at a time, and its text is read after each)."""
        count, text, last = self._joined
        if count > len(self.lines):
            count, text, last = 0, "", ""
        for line in self.lines[count:]:
            text, last = join_more(text, last, line)
        self._joined = (len(self.lines), text, last)
        return text

    def cut(self, k: int) -> None:
        """Drop the lines from line k on (they belong to something else), and what was read of them."""
        del self.lines[k:], self.numbers[k:]
        self._forget()

    def rotate(self, k: int) -> None:
        """Put the lines from line k on first (columns printed out of order: column_order.py)."""
        self.lines[:] = self.lines[k:] + self.lines[:k]
        self.numbers[:] = self.numbers[k:] + self.numbers[:k]
        self.line = self.numbers[0]
        self._forget()

    def split_off(self, k: int) -> Token:
        """Cut the lines from line k on into a paragraph of their own, returned (a block read on into
        this paragraph that opens one of its own: column_order.py)."""
        rest = Token(self.kind, self.numbers[k], self.lines[k:], numbers=self.numbers[k:])
        self.cut(k)
        return rest

    def take(self, other: Token) -> None:
        """Append another paragraph's lines (the rest of this one, printed before it: column_order.py)."""
        self.lines.extend(other.lines)
        self.numbers.extend(other.numbers)
        self._forget()

    def _forget(self) -> None:
        """Drop what was read of the lines (joined text, tail, head): they changed."""
        self._joined, self._tail, self._head = (0, "", ""), (0, ""), (0, "")

    def drop_first(self, line: int) -> None:
        """Drop the first line (it belongs to the token above): the token starts on raw `line`."""
        del self.lines[0], self.numbers[:1]
        self.line = line
        self._forget()

    @property
    def head(self) -> str:
        """The first lines joined: how the paragraph opens (（作者单位：…), read without the rest
        (joined again only while the paragraph has fewer lines than that: it is asked after each)."""
        count, head = self._head
        if count != min(len(self.lines), _HEAD_LINES):
            head = join_lines(self.lines[:_HEAD_LINES])
            self._head = (min(len(self.lines), _HEAD_LINES), head)
        return head

    @property
    def tail(self) -> str:
        """The paragraph's last lines, at least _TAIL characters when it is that long: what is asked
        after every wrapped line (a bracket still open, the sentence end) is read there, so a
        paragraph of many lines costs linear time, not its whole text per line. (Joined without
        the space join_lines puts between two Latin words: no question asked of it counts spaces.)"""
        count, tail = self._tail
        if count != len(self.lines):
            if count > len(self.lines):
                count, tail = 0, ""
            tail = (tail + "".join(line.strip() for line in self.lines[count:]))[-2 * _TAIL:]
            self._tail = (len(self.lines), tail)
        return tail


_HEAD_LINES = 3  # lines that hold how a paragraph opens
_TAIL = 256  # characters of a paragraph's end read after each line (more than BRACKET_SPAN)


def page_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of each page's tokens: the text's start and every page header begin one."""
    starts = [0] + [k for k, t in enumerate(tokens) if t.kind == "page"]
    return list(zip(starts, starts[1:] + [len(tokens)]))


def lead_under(tokens: list[Token], start: int) -> str:
    """The text of the paragraph under the headline group that goes on at tokens[start] (past
    its deck and byline), or '': what a lead retells of its headline."""
    for token in tokens[start:]:
        if token.kind == "para":
            return token.text
        if token.kind not in ("head", "byline"):
            break
    return ""


