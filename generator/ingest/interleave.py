"""A story's column printed after the next story's: give the column back.

PDF text of a page often reads one column of story A, then story B whole, then
A's next column: A breaks off mid-sentence (…煤田火区治) and B's text ends with
A's rest (理等重点工作，…). Nothing on the page marks where B ends and A's rest
begins, so the evidence is a reader's:

- A's last paragraph finishes no sentence, and no jump (下转) says where it goes on;
- the rest starts one of B's paragraphs after a paragraph of B's that ends a
  sentence, and the rest itself ends one;
- the seam reads as running text: the two characters it joins (治|理) stand side
  by side elsewhere in the issue, or A breaks off after an opening mark (…突破“),
  where no line of running text may end;
- the rest's words are more A's than B's: weighted by rarity, more of its
  two-character pairs occur in A than in the part of B before it (a story
  repeats its own names, places and themes).

A paragraph of B's that closes a quotation or bracket A left open (…突破“ /
天花板”，…) is A's rest outright. Else, of the places that pass, the one whose
words lean most to A takes the rest into A's open paragraph; where none passes,
nothing moves.

Where B ends with its closing note, A's rest, printed after it, was read as a
piece of its own: headless (no headline, lead or byline over its first paragraph),
titled by one of A's crossheads printed under that paragraph. Its words leaning
more to A than to B take it back into A, the crosshead in its place.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Protocol

from ..text.han import han_pairs
from .clean import NO_LINE_END, ends_sentence
from .tokens import continues_across

_NEAR = 8  # pieces each side of a story whose paragraphs say how rare a pair is (about a page)
_REST_MIN = 12  # characters: a shorter rest says too little to be moved on words alone


class Piece(Protocol):
    blocks: list[tuple[str, str]]
    lines: set[int]
    continued: str | None
    title: str | None
    title_line: int | None
    dateline: object


def _text(blocks: list[tuple[str, str]]) -> str:
    return "\n".join(text for kind, text in blocks if kind != "caption")


def _rarity(pieces: list[Piece]) -> dict[str, float]:
    """How rare each Han pair is around a story: inverse document frequency over the paragraphs
    of the pieces near it (about a page)."""
    texts = [text for piece in pieces for _, text in piece.blocks]
    df = Counter(pair for text in texts for pair in han_pairs(text))
    return {p: math.log((len(texts) + 1) / (c + 0.5)) for p, c in df.items()}


def _share(rest: set[str], other: set[str], idf: dict[str, float]) -> float:
    """How much of `rest`, weighted by rarity, `other` holds too."""
    total = sum(idf.get(p, 0.0) for p in rest)
    return sum(idf.get(p, 0.0) for p in rest & other) / total if total else 0.0


def _open(piece: Piece) -> bool:
    """Does the piece break off mid-paragraph with no jump to say where it goes on?"""
    return bool(piece.blocks) and piece.blocks[-1][0] == "para" and not ends_sentence(piece.blocks[-1][1]) \
        and piece.continued is None


def _rest_of(a: Piece, b: Piece, text: str, near: list[Piece]) -> int | None:
    """Where in b's blocks a's rest begins (see the module), or None; `text` is the issue's,
    `near` the pieces around a and b."""
    paras = [k for k, (kind, _) in enumerate(b.blocks) if kind == "para"]
    if len(paras) < 2 or not ends_sentence(b.blocks[paras[-1]][1]):
        return None
    end = a.blocks[-1][1]
    own = han_pairs(_text(a.blocks))
    best: tuple[float, int] | None = None
    idf: dict[str, float] | None = None
    for k in paras[1:]:
        before, start = b.blocks[k - 1], b.blocks[k][1]
        if before[0] not in ("para", "sub") or not ends_sentence(before[1]) \
                or end[-1] not in NO_LINE_END and end[-1] + start[0] not in text:
            continue
        rest_text = _text(b.blocks[k:])
        if len(rest_text) < _REST_MIN:
            continue
        if continues_across(end, start):
            return k  # (it closes the quotation or bracket a's text left open: no other place can)
        rest = han_pairs(rest_text)
        idf = _rarity(near) if idf is None else idf
        margin = _share(rest, own, idf) - _share(rest, han_pairs(_text(b.blocks[:k])), idf)
        if margin > 0 and (best is None or margin > best[0]):
            best = (margin, k)
    return best[1] if best is not None else None


def _is_photo(piece: Piece) -> bool:
    return bool(piece.blocks) and all(kind == "caption" for kind, _ in piece.blocks)


def _headless(piece: Piece, start_line: Callable[[Piece, int], int]) -> bool:
    """A piece that opens with running text, no headline, lead or byline over it, and took its
    title from a line printed under its first paragraph: a crosshead of the text it goes on with."""
    return piece.dateline is None and piece.title_line is not None and bool(piece.blocks) \
        and piece.blocks[0][0] == "para" and start_line(piece, 0) < piece.title_line


def _after(pieces: list[Piece], i: int) -> int | None:
    """The index of the first piece after pieces[i] that is not a photo standing alone."""
    return next((j for j in range(i + 1, len(pieces)) if not _is_photo(pieces[j])), None)


def _take_headless(a: Piece, b: Piece, rest: Piece, near: list[Piece],
                   start_line: Callable[[Piece, int], int]) -> bool:
    """Give open `a` the headless piece printed after the whole story `b` when the piece's words
    lean more to a than to b; its title goes back into a as the crosshead it was."""
    idf = _rarity(near)
    words = han_pairs(_text(rest.blocks))
    if _share(words, han_pairs(_text(a.blocks)), idf) <= _share(words, han_pairs(_text(b.blocks)), idf):
        return False
    under = sum(1 for k in range(len(rest.blocks)) if start_line(rest, k) < (rest.title_line or 0))
    a.blocks[-1] = ("para", a.blocks[-1][1] + rest.blocks[0][1])
    a.blocks.extend(rest.blocks[1:under] + [("sub", rest.title)] + rest.blocks[under:])
    a.lines |= rest.lines
    return True


def rejoin_interleaved(pieces: list[Piece], start_line: Callable[[Piece, int], int]) -> list[Piece]:
    """Give each open piece the rest printed at the end of the headed piece after it (see the
    module), or printed after that piece as a headless piece of its own. `start_line(piece, k)`
    is the raw line where block k of a piece begins."""
    text = ""
    taken: set[int] = set()
    for i, (a, b) in enumerate(zip(pieces, pieces[1:])):
        if not _open(a) or b.title is None or id(a) in taken or id(b) in taken:
            continue
        text = text or "\n".join(block for piece in pieces for _, block in piece.blocks)
        k = _rest_of(a, b, text, pieces[max(0, i - _NEAR):i + _NEAR + 2])
        if k is None:
            j = _after(pieces, i)
            r = _after(pieces, j) if j is not None else None
            if r is not None and _headless(pieces[r], start_line) and id(pieces[r]) not in taken \
                    and _take_headless(a, pieces[j], pieces[r], pieces[max(0, i - _NEAR):r + _NEAR], start_line):
                taken.add(id(pieces[r]))
            continue
        line = start_line(b, k)
        rest = b.blocks[k:]
        del b.blocks[k:]
        a.blocks[-1] = ("para", a.blocks[-1][1] + rest[0][1])
        a.blocks.extend(rest[1:])
        moved = {n for n in b.lines if n >= line}
        b.lines -= moved
        a.lines |= moved
    return [piece for piece in pieces if id(piece) not in taken]
