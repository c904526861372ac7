"""A paragraph whose columns PDF text gave out of order: put them back.

A story set in several columns can come out of the PDF with a paragraph's
columns swapped: …筑牢民生根基。 / 老服务质效，…加强民政干部队伍建 / 会议明确，…要积极
应对人口老龄化、提升养. Read in file order, the paragraph after the finished one
opens inside a word (老服务) and ends inside one (提升养); its end and its
opening make a common word (养老), while the seam where its second column was
joined on (建 | 会议) makes none. Then the columns after that seam come first:
会议明确，…提升养老服务质效，…队伍建 (the paragraph still ends where the text does).

Where the later column finishes the paragraph, the two columns are read as two
paragraphs in the wrong order: one that opens inside a sentence and ends one
(老服务质效，…筑牢民生根基。), then one that opens the paragraph and breaks off
inside a word (会议明确，…提升养) with nothing after it going on. Where the second's
end and the first's opening make a common word (or the first closes a quotation
the second left open), the second comes first, and the two are one paragraph.
"""
from __future__ import annotations

from typing import Protocol

from ..text.words import cuts_word, splits_word
from .clean import continues_across, ends_sentence


class Paragraph(Protocol):
    kind: str
    lines: list[str]
    numbers: list[int]

    @property
    def text(self) -> str: ...

    def rotate(self, k: int) -> None: ...

    def take(self, other: Paragraph) -> None: ...


def _seams(token: Paragraph, wrapped: bool) -> list[int]:
    """Where a block of lines was joined onto the paragraph without the line before finishing its
    sentence or splitting a word with the next: after a blank or other line, or, on a page whose
    lines are not hard-wrapped (each a paragraph or a column's block), after any line."""
    lines, numbers = token.lines, token.numbers
    return [k for k in range(1, len(lines)) if (numbers[k] > numbers[k - 1] + 1 or not wrapped)
            and not ends_sentence(lines[k - 1]) and not splits_word(lines[k - 1], lines[k])]


def put_columns_in_order(tokens: list[Paragraph], wrapped: bool) -> None:
    """Rotate each paragraph whose columns were printed out of order (see the module); `wrapped`:
    the page's lines are hard-wrapped."""
    for before, token in zip(tokens, tokens[1:]):
        if token.kind != "para" or before.kind != "para" or not ends_sentence(before.text) \
                or len(token.numbers) != len(token.lines) or ends_sentence(token.lines[-1]) \
                or not cuts_word(token.lines[-1], token.lines[0]):
            continue
        seams = _seams(token, wrapped)
        if len(seams) == 1:
            token.rotate(seams[0])


def put_swapped_paragraphs_in_order(tokens: list[Paragraph]) -> list[Paragraph]:
    """The tokens with each paragraph whose later column was printed before its first column as
    a paragraph of its own put back in order and made one (see the module)."""
    out: list[Paragraph] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if k + 1 < len(tokens) and _swapped(out[-1] if out else None, token, tokens[k + 1],
                                            tokens[k + 2] if k + 2 < len(tokens) else None):
            first = tokens[k + 1]
            first.take(token)
            out.append(first)
            k += 2
            continue
        out.append(token)
        k += 1
    return out


def _swapped(before: Paragraph | None, later: Paragraph, first: Paragraph, after: Paragraph | None) -> bool:
    """Is `later` the end of the paragraph `first` opens, printed before it? `later` goes on from no
    paragraph before it (that one finished its sentence and cuts no word with it) and finishes its
    own; `first` breaks off where nothing after it goes on, and its end and `later`'s opening
    make a common word, or `later` closes a quotation or bracket `first` left open."""
    if before is None or not all(t.kind == "para" for t in (before, later, first)):
        return False
    if not ends_sentence(before.text) or cuts_word(before.text, later.text) or not ends_sentence(later.text) \
            or ends_sentence(first.text):
        return False
    if not (cuts_word(first.text, later.text) or continues_across(first.text, later.text)):
        return False
    return after is None or after.kind != "para" or not splits_word(first.text, after.text)
