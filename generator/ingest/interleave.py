"""A story's column printed after the next story's: give the column back.

PDF text of a page often reads one column of story A, then story B whole, then
A's next column: A breaks off mid-sentence (…煤田火区治) and B's text ends with
A's rest (理等重点工作，…). Nothing on the page marks where B ends and A's rest
begins, so the evidence is a reader's:

- A's last paragraph finishes no sentence, and no jump (下转) says where it goes on;
- the rest starts one of B's paragraphs after a paragraph of B's that ends a
  sentence, and the rest itself ends one (where it breaks off too, going on
  elsewhere, only its opening with the tail of a word or number A broke off
  inside says where it begins);
- the rest's words are more like A's than like the part of B before it
  (likeness.py);
- and the seam reads as running text: the two characters it joins (治|理) stand
  side by side elsewhere in the issue, or A breaks off inside a common word or a
  number whose tail opens the rest (…传 | 达学习…, …代表队2 | 21名…), or after an
  opening mark (…突破“), where no line of running text may end, or the rest's first
  line is printed flush on a page that sets each of B's paragraphs before it in (a
  paragraph goes on there; none starts). A column that breaks between two words
  (…地位和 | 作用的认识…) shows none of this: there the words alone must lean clearly to A.

A paragraph of B's that closes a quotation or bracket A left open (…突破“ /
天花板”，…), or that opens inside a sentence after one of B's finished ones (…对科技 /
和人才的…: no sentence opens with 和 standing alone), is A's rest outright. Else, where
some place passes, the rest begins where B's paragraphs turn from B's words to A's:
the place after which they lean to A most in sum, of the seams that pass where one
of those chose it, else at or before the place whose words alone chose it. Where none
passes, nothing moves. A photo standing alone between A and B was set beside A's
columns: B is the story after it.

Where B ends with its closing note, A's rest, printed after it, was read as a
piece of its own: headless (no headline, lead or byline over its first paragraph),
titled by one of A's crossheads printed under that paragraph. Its words leaning
more to A than to B take it back into A, the crosshead in its place.
"""
from __future__ import annotations

from typing import Callable, NamedTuple, Protocol

from ..text.han import han_pairs
from ..text.words import cuts_word
from .column_order import cuts_number, opens_inside_sentence
from .clean import BRACKET_SPAN, MARK_PAIRS, NO_LINE_END, continues_across, ends_sentence, seen_joined
from .likeness import Rarity, rarity, share

_NEAR = 8  # pieces each side of a story whose paragraphs say how rare a pair is (about a page)
_REST_MIN = 12  # characters: a shorter rest says too little to be moved on words alone
_WORDS_ALONE = 0.05  # how far a rest with nothing at its seam must lean to a's words (cosine margin)


class Opening(NamedTuple):
    """Where a piece's block was printed: its first raw line, and whether that line was set in."""
    line: int
    set_in: bool


class Piece(Protocol):
    blocks: list[tuple[str, str]]
    lines: set[int]
    continued: str | None
    title: str | None
    title_line: int | None
    dateline: object

    @property
    def is_photo(self) -> bool: ...


def _text(blocks: list[tuple[str, str]]) -> str:
    return "\n".join(text for kind, text in blocks if kind != "caption")


def _rarity(pieces: list[Piece]) -> Rarity:
    """How rare each Han pair is around a story: over the paragraphs of the pieces near it (about a page)."""
    return rarity(text for piece in pieces for _, text in piece.blocks)


def _open(piece: Piece) -> bool:
    """Does the piece break off mid-paragraph with no jump to say where it goes on?"""
    return bool(piece.blocks) and piece.blocks[-1][0] == "para" and not ends_sentence(piece.blocks[-1][1]) \
        and piece.continued is None


def _rest_of(a: Piece, b: Piece, text: str, near: list[Piece], opening: Callable[[Piece, int], Opening]) -> int | None:
    """Where in b's blocks a's rest begins (see the module), or None; `text` is the issue's,
    `near` the pieces around a and b."""
    paras = [k for k, (kind, _) in enumerate(b.blocks) if kind == "para"]
    if len(paras) < 2:
        return None
    finished = ends_sentence(b.blocks[paras[-1]][1])  # (else only a cut word or number says where a's rest is)
    end = a.blocks[-1][1]
    own = han_pairs(_text(a.blocks))
    best: tuple[float, int] | None = None
    idf: dict[str, float] | None = None
    seamed: set[int] = set()  # the places whose seam reads as running text
    places: list[int] = []  # where a's rest may begin: after one of b's finished sentences
    leaning: list[int] = []  # the seamed places whose rest leans to a's words
    for k in paras[1:]:
        before, start = b.blocks[k - 1], b.blocks[k][1]
        if before[0] not in ("para", "sub") or not ends_sentence(before[1]):
            continue
        rest_text = _text(b.blocks[k:])
        if len(rest_text) < _REST_MIN:
            continue
        if not finished:
            if (cuts_word(end, start) or cuts_number(end, start)) and _leans(a, b, k, near):
                return k
            continue
        if continues_across(end, start) or opens_inside_sentence(start) and not _left_open(end, start):
            return k  # (it closes the quotation or bracket a's text left open, or opens inside a
            # sentence where b's finished: no other place can)
        places.append(k)
        if end[-1] in NO_LINE_END or cuts_word(end, start) or cuts_number(end, start) \
                or seen_joined(end, start, text) or _goes_on(b, k, paras, opening):
            seamed.add(k)
        rest = han_pairs(rest_text)
        idf = _rarity(near) if idf is None else idf
        margin = share(rest, own, idf) - share(rest, han_pairs(_text(b.blocks[:k])), idf)
        if k in seamed and margin > 0:
            leaning.append(k)
        if margin > (0 if k in seamed else _WORDS_ALONE) and (best is None or margin > best[0]):
            best = (margin, k)
    if best is None or idf is None:
        return None
    return _turn(a, b, leaning if best[1] in seamed else [k for k in places if k <= best[1]], idf)


def _leans(a: Piece, b: Piece, k: int, near: list[Piece]) -> bool:
    """Do the words of b's blocks from k on lean to a's more than to b's before them?"""
    idf, rest = _rarity(near), han_pairs(_text(b.blocks[k:]))
    return share(rest, han_pairs(_text(a.blocks)), idf) > share(rest, han_pairs(_text(b.blocks[:k])), idf)


def _left_open(before: str, after: str) -> bool:
    """Does `before` break off inside a quotation or bracket (…2026年“集中) that `after` does not
    close? Then `after` is not the text it goes on with, however `after` opens."""
    before = before[-BRACKET_SPAN:]
    return any(before.count(left) > before.count(right) and right not in after for left, right in MARK_PAIRS)


def _turn(a: Piece, b: Piece, places: list[int], idf: Rarity) -> int:
    """Which of `places` a's rest begins at: where b's paragraphs turn from leaning to b's own
    words to leaning to a's. Each paragraph of b's leans by how much more its words share with
    a's text than with b's text before it; the rest begins at the place after which b's
    paragraphs lean to a most in sum (the earlier of equals). A story's words hold through its
    paragraphs: its rest is the run of them that reads as a's, though one may lean to b by
    chance (a short aside), while a paragraph of b's that shares a word with a, or a seam whose
    two characters stand side by side somewhere by chance, is no turn."""
    own = han_pairs(_text(a.blocks))
    lean: dict[int, float] = {}
    for k, (kind, block) in enumerate(b.blocks):
        if kind == "para" and k >= places[0]:
            words = han_pairs(block)
            lean[k] = share(words, own, idf) - share(words, han_pairs(_text(b.blocks[:k])), idf)
    return max(places, key=lambda k: (sum(v for j, v in lean.items() if j >= k), -k))


def _goes_on(b: Piece, k: int, paras: list[int], opening: Callable[[Piece, int], Opening]) -> bool:
    """Is b's block k printed flush where each of b's paragraphs before it was set in? There a
    paragraph goes on that began elsewhere: a page that indents its paragraphs indents every one."""
    return not opening(b, k).set_in and all(opening(b, j).set_in for j in paras if j < k)


def _headless(piece: Piece, opening: Callable[[Piece, int], Opening]) -> bool:
    """A piece that opens with running text, no headline, lead or byline over it, and took its
    title from a line printed under its first paragraph: a crosshead of the text it goes on with."""
    return piece.dateline is None and piece.title_line is not None and bool(piece.blocks) \
        and piece.blocks[0][0] == "para" and opening(piece, 0).line < piece.title_line


def _after(pieces: list[Piece], i: int) -> int | None:
    """The index of the first piece after pieces[i] that is not a photo standing alone."""
    return next((j for j in range(i + 1, len(pieces)) if not pieces[j].is_photo), None)


def _take_headless(a: Piece, b: Piece, rest: Piece, near: list[Piece],
                   opening: Callable[[Piece, int], Opening]) -> bool:
    """Give open `a` the headless piece printed after the whole story `b` when the piece's words
    lean more to a than to b; its title goes back into a as the crosshead it was."""
    idf = _rarity(near)
    words = han_pairs(_text(rest.blocks))
    if share(words, han_pairs(_text(a.blocks)), idf) <= share(words, han_pairs(_text(b.blocks)), idf):
        return False
    under = sum(1 for k in range(len(rest.blocks)) if opening(rest, k).line < (rest.title_line or 0))
    a.blocks[-1] = ("para", a.blocks[-1][1] + rest.blocks[0][1])
    a.blocks.extend(rest.blocks[1:under] + [("sub", rest.title)] + rest.blocks[under:])
    a.lines |= rest.lines
    return True


def rejoin_interleaved(pieces: list[Piece], opening: Callable[[Piece, int], Opening]) -> list[Piece]:
    """Give each open piece the rest printed at the end of the headed piece after it (see the
    module), or printed after that piece as a headless piece of its own. `opening(piece, k)`
    says where block k of a piece was printed."""
    text = ""
    taken: set[int] = set()
    for i, a in enumerate(pieces):
        j = _after(pieces, i)  # (a photo standing between a and b was set beside a's columns)
        if j is None or not _open(a) or pieces[j].title is None or id(a) in taken or id(pieces[j]) in taken:
            continue
        b = pieces[j]
        text = text or "\n".join(block for piece in pieces for _, block in piece.blocks)
        k = _rest_of(a, b, text, pieces[max(0, i - _NEAR):i + _NEAR + 2], opening)
        if k is None:
            r = _after(pieces, j)
            if r is not None and _headless(pieces[r], opening) and id(pieces[r]) not in taken \
                    and _take_headless(a, b, pieces[r], pieces[max(0, i - _NEAR):r + _NEAR], opening):
                taken.add(id(pieces[r]))
            continue
        line = opening(b, k).line
        rest = b.blocks[k:]
        del b.blocks[k:]
        a.blocks[-1] = ("para", a.blocks[-1][1] + rest[0][1])
        a.blocks.extend(rest[1:])
        moved = {n for n in b.lines if n >= line}
        b.lines -= moved
        a.lines |= moved
    return [piece for piece in pieces if id(piece) not in taken]
