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

Where the story breaks off at the later column's end, neither part finishes a
sentence, and either order reads as a paragraph broken off: then the seams alone
decide (the opening's end goes on into the later column, not the other way), and
either part, short, may have been read as a headline line (the opening, alone
above the next story's headline: …长远性工 over 苟熹：…, its later column 作，立足…).
And where the later column finishes the paragraph but the opening, breaking off,
was read on into the paragraph after it, the opening is cut off from that one
at their seam first.

Wherever the seam falls between two words it shows nothing; then the later column may still
say what it is by its first characters: printed after a finished paragraph, it opens inside a
sentence (等更加…, 的工作要求…: no sentence opens with 等 or 的 standing alone), so it opens no
paragraph, and the part that may open one comes first.
"""
from __future__ import annotations

from typing import Callable, Protocol

from ..text.words import cuts_word, is_common_word, splits_word
from .clean import NO_LINE_START, continues_across, ends_sentence, seen_joined

# Characters no sentence opens with, standing alone (not the head of a word: 的确, 过去, 等待, 和谐):
# the structural particles 的 地 得 之, the aspect particles 了 着 过, the listing 等, the plural
# and agent suffixes 们 者, the sentence-final 吗 呢 吧, and the joining conjunctions 和 及.
_NEVER_OPENS = frozenset("的地得之了着过等们者吗呢吧和及")


class Paragraph(Protocol):
    kind: str
    line: int
    lines: list[str]
    numbers: list[int]
    dateline: bool
    heavy: bool

    @property
    def text(self) -> str: ...

    def rotate(self, k: int) -> None: ...

    def take(self, other: Paragraph) -> None: ...

    def split_off(self, k: int) -> Paragraph: ...


def opens_inside_sentence(text: str) -> bool:
    """Does the text open inside a sentence: with a mark no line starts with (，。）…), or with a
    character no sentence opens with standing alone (…科技 | 和人才的…, …差距 | 等更加…)? A
    block that opens so after a finished sentence was not set there as a paragraph: it goes on
    from a sentence broken off elsewhere."""
    text = text.lstrip("\u3000 ")
    return bool(text) and (text[0] in NO_LINE_START or text[0] in _NEVER_OPENS
                           and not any(is_common_word(text[:n]) for n in (2, 3, 4)))


def _seams(token: Paragraph, wrapped: bool) -> list[int]:
    """Where a block of lines was joined onto the paragraph without the line before finishing its
    sentence or splitting a word with the next: after a blank or other line, or, on a page whose
    lines are not hard-wrapped (each a paragraph or a column's block), after any line."""
    lines, numbers = token.lines, token.numbers
    return [k for k in range(1, len(lines)) if (numbers[k] > numbers[k - 1] + 1 or not wrapped)
            and not ends_sentence(lines[k - 1]) and not splits_word(lines[k - 1], lines[k])]


def _column_seams(token: Paragraph, wrapped: bool) -> list[int]:
    """Where a column may have been joined onto the paragraph: the seams `_seams` finds; where it
    finds none, each column break (a blank or other line between) after a line that finishes no
    sentence, where the two sides cut no common word and close no quotation or bracket (a break
    between two words that happen to make a rare one across it: …精准 | 会议…)."""
    seams = _seams(token, wrapped)
    if seams:
        return seams
    lines, numbers = token.lines, token.numbers
    return [k for k in range(1, len(lines)) if numbers[k] > numbers[k - 1] + 1 and not ends_sentence(lines[k - 1])
            and not _reads_on("".join(lines[:k]), "".join(lines[k:]))]


def _reads_on(before: str, after: str) -> bool:
    """Does `after` go on with the sentence `before` breaks off in: it finishes the common word
    or the number `before` breaks off inside, or closes a quotation or bracket `before` left open?"""
    return cuts_word(before, after) or continues_across(before, after) or cuts_number(before, after)


def cuts_number(before: str, after: str) -> bool:
    """Does the break fall inside a number (…代表队2 | 21名…, …至2 | 014年…)? A line of running text
    may end inside one, but no sentence ends with a digit and none opens with the rest of one."""
    before, after = before.rstrip(), after.lstrip("\u3000 ")
    return bool(before) and bool(after) and before[-1].isdigit() and after[0].isdigit()


def _later_by_its_opening(later: str, opening: str) -> bool:
    """Does `later`, printed after a finished paragraph, say by its own first characters that it
    is no paragraph's opening (it opens inside a sentence: …差距 | 等更加…), while `opening` may
    open one? Then `opening` comes first, wherever the seam between them falls (between two
    words, it shows nothing)."""
    return opens_inside_sentence(later) and not opens_inside_sentence(opening)


def put_columns_in_order(tokens: list[Paragraph], wrapped: bool, text: Callable[[], str] = str) -> None:
    """Rotate each paragraph whose columns were printed out of order (see the module); `wrapped`:
    the page's lines are hard-wrapped; `text`: the issue's text."""
    for k, (before, token) in enumerate(zip(tokens, tokens[1:]), 1):
        if token.kind != "para" or before.kind != "para" or not ends_sentence(before.text) \
                or len(token.numbers) != len(token.lines) or ends_sentence(token.lines[-1]):
            continue
        seams = _column_seams(token, wrapped)
        stops = k + 1 == len(tokens) or tokens[k + 1].kind != "para"
        if len(seams) == 1 and _opening_printed_last(token, seams[0], stops, text):
            token.rotate(seams[0])


def _opening_printed_last(token: Paragraph, seam: int, stops: bool, text: Callable[[], str]) -> bool:
    """Is the part of the paragraph after its one seam its opening? Its end goes on into the part
    before (a common word cut, a quotation or bracket closed). Where the story stops with the
    paragraph (`stops`: no paragraph follows), either order leaves it broken off, so weaker signs
    say it too: the part's end and the other's opening split a dictionary word or stand side by
    side elsewhere in the issue, the seam as printed shows neither, and the part is no wider than
    the column printed before it (a headline line run on into the paragraph is: it stays last)."""
    lines = token.lines
    later, opening = "".join(lines[:seam]), "".join(lines[seam:])
    if _reads_on(opening, later) or _later_by_its_opening(later, opening):
        return True
    return stops and _may_read_on(opening, later, text) and not _may_read_on(later, opening, text) \
        and max(map(len, lines[seam:])) <= max(map(len, lines[:seam]))


def put_swapped_paragraphs_in_order(tokens: list[Paragraph]) -> list[Paragraph]:
    """The tokens with each paragraph whose later column was printed before its first column as
    a paragraph of its own put back in order and made one (see the module)."""
    out: list[Paragraph] = []
    tokens = list(tokens)
    k = 0
    while k < len(tokens):
        token = tokens[k]
        before, after = out[-1] if out else None, tokens[k + 2] if k + 2 < len(tokens) else None
        seam = _opening_run_on(before, token, tokens[k + 1]) if k + 1 < len(tokens) else None
        if seam is not None:
            first = tokens[k + 1]
            tokens[k + 1] = first.split_off(seam)
            first.take(token)
            out.append(first)
            k += 1
            continue
        if k + 1 < len(tokens) and (_swapped(before, token, tokens[k + 1], after)
                                    or _swapped_where_story_stops(before, token, tokens[k + 1], after)):
            first = tokens[k + 1]
            _read_as_text(token)
            _read_as_text(first)
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
    make a common word, or `later` closes a quotation or bracket `first` left open (or `later` opens
    inside a sentence). `first`, a single line alone above the next headline, may have been read as
    a line of that headline: there only its seam with `later` says it is text, and only a number
    cut or a quotation closed, no word (a headline makes one with the text above it by chance)."""
    if before is None or not all(t.kind == "para" for t in (before, later)) \
            or first.kind != "para" and not (_lone_head_line(first) and after is not None and after.kind == "head"):
        return False
    if not ends_sentence(before.text) or cuts_word(before.text, later.text) or not ends_sentence(later.text) \
            or ends_sentence(first.text):
        return False
    if first.kind != "para":  # (a line read as a headline's: only a seam no headline makes by chance says it
        # is text: a number or a quotation goes on, where a word a headline's end makes with the text above it
        # (党的十五大 | 成事要实…: 大成) may be chance)
        return cuts_number(first.text, later.text) or continues_across(first.text, later.text)
    if not _reads_on(first.text, later.text) and not _later_by_its_opening(later.text, first.text):
        return False
    return after is None or after.kind != "para" or not splits_word(first.text, after.text)


def _swapped_where_story_stops(before: Paragraph | None, later: Paragraph, first: Paragraph,
                               after: Paragraph | None) -> bool:
    """Is `later` the end of the paragraph `first` opens, printed before it, where the story breaks
    off after both (no paragraph follows: a headline, or nothing)? Neither finishes a sentence, so
    either order reads as a paragraph broken off; only the seams tell: `first`'s end goes on into `later`'s
    opening (a common word cut, or a quotation or bracket closed), while `later`'s end does not go
    on into `first`'s. A short column alone above the next headline is often read as a headline
    line itself: one of the two may be such a line (a single line, not in headline type), not both.
    (The weaker signs `_opening_printed_last` takes are not enough here: a kicker or label over the
    next headline often makes a rare word with the text above it by chance: 向沙而行 | 会议明确….)"""
    if after is not None and after.kind == "para" or before is None or before.kind != "para" \
            or "para" not in (later.kind, first.kind) \
            or not all(t.kind == "para" and not t.dateline or _lone_head_line(t) for t in (later, first)):
        return False  # (the cheap questions first: asked of every pair of tokens)
    if not ends_sentence(before.text) or ends_sentence(later.text) or ends_sentence(first.text) \
            or cuts_word(before.text, later.text):
        return False
    return (_reads_on(first.text, later.text) or _later_by_its_opening(later.text, first.text)) \
        and not _reads_on(later.text, first.text)


def _may_read_on(before: str, after: str, text: Callable[[], str]) -> bool:
    """Weaker signs that `after` goes on with `before`: the break splits a dictionary word, or its
    two characters stand side by side elsewhere in the issue."""
    return splits_word(before, after) or seen_joined(before, after, text())


def _lone_head_line(token: Paragraph) -> bool:
    """A headline token of one line as printed once (no doubled type): text may have been read so."""
    return token.kind == "head" and len(token.lines) == 1 and not token.heavy


def _read_as_text(token: Paragraph) -> None:
    """A one-line headline token found to be a column of running text becomes a paragraph of it."""
    if token.kind == "head":
        token.kind = "para"
        token.numbers = [token.line]


def _opening_run_on(before: Paragraph | None, later: Paragraph, first: Paragraph) -> int | None:
    """Where `first`, a paragraph's opening printed after its later column `later`, was read on into
    the paragraph after it (the opening breaks off mid-sentence, so the next block went on with
    it): the line where that block starts, when `later` goes on from no paragraph before it and
    finishes its own sentence, the opening's end goes on into `later` (a common word cut, a
    quotation or bracket closed), and not into the block read on to it. The block read on must
    split no dictionary word with the opening either (…领导小 | 组成员…: its own column going on),
    unless `later` closes a quotation the opening left open (“…坚定理想 | 信念，…。” goes on there,
    though …理想 | 学校… makes 想学 by chance)."""
    if before is None or before.kind != "para" or later.kind != "para" or first.kind != "para" \
            or first.dateline or len(first.numbers) != len(first.lines):
        return None  # (the cheap questions first: asked of every pair of tokens)
    lines, numbers = first.lines, first.numbers
    seam = next((j for j in range(1, len(lines)) if numbers[j] > numbers[j - 1] + 1
                 and not ends_sentence(lines[j - 1])), None)
    if seam is None or not ends_sentence(before.text) or not ends_sentence(later.text) \
            or cuts_word(before.text, later.text):
        return None
    opening = "".join(lines[:seam])
    if _reads_on(opening, "".join(lines[seam:])):
        return None
    if continues_across(opening, later.text):
        return seam  # (a quotation or bracket closed outweighs a word merely made across the other seam)
    if splits_word(lines[seam - 1], lines[seam]):
        return None  # (splitting a word: a column break inside one paragraph, …领导小 | 组成员…)
    return seam if _reads_on(opening, later.text) or _later_by_its_opening(later.text, opening) else None
