"""A line among its neighbours: how wide the page's columns are set and whether a line is one
of their running lines, where indents and sentence ends start and end paragraphs, and the
lines that close a story.

They are the layout half of the headline rules (titles.py holds the words' half): a
title-like line is no headline when it is set as wide as the column's wrapped lines around
it, and whatever its width when it stands where no paragraph can go on.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ..text.words import is_common_word
from . import metadata as md
from .clean import CJK, NO_LINE_END, NO_LINE_START, ends_sentence, join_lines
from ..text.words import cuts_word
from .titles import EDITORS_NOTE, MID_MARKS, balanced, ems, is_deck_line, is_doubled, is_heading_text, leads_follow, spaced_phrases
from .typed_lines import line_type


def is_line_per_paragraph(blocks: list[list[tuple[int, str]]]) -> bool:
    """Text with one paragraph per line and no blank lines between them (web copies, some
    e-paper exports): inside blocks, nearly every line but the last ends a sentence."""
    inner = [text for block in blocks if len(block) >= 3 for _, text in block[:-1] if len(text) >= 8]
    return len(inner) >= 4 and sum(ends_sentence(t) for t in inner) >= 0.7 * len(inner)


WRAP_MAX = 40  # characters: no column is hard-wrapped wider


def page_width(lines: list[str]) -> int:
    """The width body lines are hard-wrapped at (PDF text of narrow columns), or 0 when they are
    not wrapped: the most common length of lines with a sentence mark in them, when at least a
    quarter of those lines are within one character of it."""
    body = [len(t) for t in (line.strip() for line in lines) if len(t) >= 8 and _BODY_MARK.search(t)]
    if len(body) < 8:
        return 0
    counts = Counter(body)
    common = max(counts, key=lambda n: (counts[n], n))
    near = sum(1 for n in body if abs(n - common) <= 1)
    return common if near >= len(body) / 4 and common <= WRAP_MAX else 0


def starts_paragraph(raw: str) -> bool:
    """An indented line (U+3000 or spaces before the text), or one opening with a bullet (●6月12日，…
    in a column of news in brief), begins a paragraph, as a blank line would."""
    return raw[:1].isspace() and bool(raw.strip()) or raw.lstrip()[:1] in _BULLETS


_BULLETS = frozenset("●◆■▲★")  # (an empty line's first character is '', in no set)
WIDTH_WINDOW = 4  # lines after a line that show the width of the column it is set in
_COLUMN_MIN = 10  # characters: narrower runs of lines are lists of names or crossheads, not a column
_BODY_MARK = re.compile("[，。、；：]")


def in_wrapped_column(printed: int, near: tuple[list[str], list[str]]) -> bool:
    """Is a line as wide as the body lines around it (half of those within two lines before and
    four after, and two where there are two, within one character; its width as printed, indent
    included; a paragraph's last line, short or not, says nothing of the column)?
    Then it is a line of a hard-wrapped column (a paragraph's first line), not a headline, which is
    set wider or narrower than the column around it."""
    before, after = near
    body = [line for line in before[-2:] + after[:WIDTH_WINDOW] if _is_body_line(line)]
    same = sum(1 for line in body if abs(len(line) - printed) <= 1)
    return printed >= _COLUMN_MIN and same >= min(2, len(body)) > 0 and 2 * same >= len(body)


@lru_cache(maxsize=1 << 16)
def _is_body_line(line: str) -> bool:  # cached: asked of each line by every line near it
    return bool(_BODY_MARK.search(line)) and len(line) >= _COLUMN_MIN and not ends_sentence(line.strip())


def heads_anyway(text: str, near: tuple[list[str], list[str]], width: int) -> bool:
    """Is a line a headline whatever the lines around it: printed doubled (headline type), set
    wider than the column can hold (`overset`), restated by the lead under it, or, after a story's
    closing credit or note, set as two phrases apart (a crosshead inside a story may be set so too:
    no story ended above it)?"""
    before, after = near
    return is_doubled(text) or overset(text, width) or echoed(text, after) \
        or spaced_phrases(text) and _closed_above(before)


def overset(text: str, width: int) -> bool:
    """Is a line wider than a justified column of `width` can set it? Each Chinese character takes
    a full em there; a mark, a digit or a Latin letter may take half (a line of 17 ems holds
    …满意度。”阿勒泰… in 18 characters), so a line that is wider even counted so (深入学习贯彻自治区
    党委十届八次全会精神, 19 ems over a 17-character column) is set across columns: a headline."""
    return bool(width) and sum(1 if _FULL_EM.match(c) else 0.5 for c in text.strip() if not c.isspace()) > width + 0.5


_FULL_EM = re.compile(f"[{CJK}]")


def echoed(text: str, after: list[str]) -> bool:
    """Does the text under a line repeat most of it word for word within two lines (做深做实干部政治
    素质考察研究 over 做深做实干部政治素质考察，是…)? A lead that restates its headline does; running
    text does not say the same eight characters twice in a row. Then the line is that headline,
    however exactly it fills the column."""
    return _echoed(text.replace(" ", ""), join_lines(after[:2]).replace(" ", ""))


_ECHO_MIN = 8  # characters a lead repeats of its headline, and at least two thirds of it (a name alone is less)


@lru_cache(maxsize=1 << 12)
def _echoed(text: str, below: str) -> bool:
    """Do `text` and `below` share a run of at least `_ECHO_MIN` characters and two thirds of `text`?
    (The longest run they share is that long exactly when one of text's runs of that length is in
    `below`: a few substring tests, not a SequenceMatcher.)"""
    if len(text) < _ECHO_MIN:
        return False
    run = max(_ECHO_MIN, (2 * len(text) + 2) // 3)  # (the least whole length ≥ 2/3 of the text)
    return any(text[i:i + run] in below for i in range(len(text) - run + 1))


def set_width(line: str, width: int) -> int:
    """A line's width in its column: as printed, less the marks that may not start a line which
    避头尾 hung past the measure of a paragraph's indented first line (在新疆……小山村——, its dash
    pulled in rather than opening the next line), so it is measured as the column line it is. (A
    headline is set flush: one running past the measure on a closing bracket keeps its width.)"""
    set_in = starts_paragraph(line)
    line = line.rstrip()
    if not width or len(line) <= width or not set_in:
        return len(line)
    hung = len(line) - len(line.rstrip(_HANGING))
    return max(width, len(line) - min(hung, 2))


_HANGING = "".join(sorted(NO_LINE_START))


def runs_on(line: str, width: int) -> bool:
    """Does a line fill its column (the page's wrap width, or the widest line around it) without
    ending a sentence? Then the next line goes on with it unless that one is set wider than the
    column or stands right over a lead or byline."""
    return bool(width) and len(line) >= width - 2 and not ends_sentence(line)  # (a first line is indented by two)


def is_column_line(printed: int, near: tuple[list[str], list[str]], width: int) -> bool:
    """A line set as wide as the page's or its column's wrapped body lines, with no lead, byline,
    deck (——记…) or editor's note (编者按：…) right after it: a line of running text, whatever its words. A justified
    column's line falls one short of the measure only where 避头尾 pushed its last character on
    (`pushed_on`): one short with no such push is set apart (a deck under a headline)."""
    after = near[1]
    if width and printed == width - 1 and not (after and pushed_on(after[0].strip())):
        return False
    return (bool(width) and abs(printed - width) <= 1 or in_wrapped_column(printed, near)) \
        and not leads_follow(after) and not (after and _under_headline(after[0].strip())) \
        and not _headline_after_story(near, width)


def _under_headline(line: str) -> bool:
    """A line printed only under a headline: a dash deck (——记…) or an editor's note (编者按：…)."""
    return is_deck_line(line) or bool(EDITORS_NOTE.match(line))


def _headline_after_story(near: tuple[list[str], list[str]], width: int) -> bool:
    """After a story's closing credit or note, does the line under a full-width line stop well
    short of the measure without finishing a sentence, title-like, with running text under it?
    A paragraph's last line ends a sentence, so the two are the next story's headline and deck
    (…“大文章”（新论） over 全州已建成示范点109个), however exactly the headline filled the
    column. (Inside a story the same two lines are a crosshead wrapped: no story ended above.)"""
    before, after = near
    if not width or len(after) < 2 or not _closed_above(before):
        return False
    line = after[0].strip()
    return len(line) <= width - 3 and not ends_sentence(line) and is_heading_text(line) \
        and line_type(line) is None and len(after[1].strip()) >= width - 2


def _closed_above(before: list[str]) -> bool:
    """Do the lines above end a story (its credit, which may wrap over two lines, or its closing
    note or editor on the last) or its page (a page header: the next page's first story begins)?"""
    return bool(before) and (_closes_story("".join(line.strip() for line in before)) or _closes_story(before[-1].strip())
                             or (line_type(before[-1].strip()) or ("",))[0] == "page")


def pushed_on(line: str) -> bool:
    """Does a line open as 避头尾 leaves the line after one it shortened: with the opening mark
    that may not end a line (“…), or with a character carried over to stand before a mark that
    may not start one (会，…)?"""
    return line[:1] in NO_LINE_END or line[1:2] in NO_LINE_START


_BLANK_AFTER_ENDS = 0.25  # share of sentence-ending lines followed by a blank line in text that uses them


def uses_blank_lines(lines: list[str]) -> bool:
    """Does the text set blank lines between its paragraphs (a blank line after at least a quarter
    of the lines that end a sentence; text without them has a few, between pages)? Then its blocks
    are kept as they are; else headlines are found inside blocks from title-likeness and widths."""
    last = max((k for k, line in enumerate(lines) if line.strip()), default=0)  # blank lines at the end say nothing
    ends = [k for k, line in enumerate(lines[:last]) if line.strip() and ends_sentence(line.strip())]
    if not ends:  # one paragraph at the end (blank lines between its text lines, or none, say it),
        # or no sentence end anywhere: no evidence to split on, the blocks are kept as they are
        return any(not line.strip() for line in lines[:last]) or not ends_sentence(lines[last].strip())
    return sum(1 for k in ends if not lines[k + 1].strip()) >= _BLANK_AFTER_ENDS * len(ends)


_BRACKETED = re.compile(r"^\s*(?:[（(][^（）()]*[）)])?\s*$")


def is_bare_dateline(text: str) -> bool:
    """本报6月13日讯（记者 熊鹰）alone on its line: the lead goes on under it, its closing bracket
    ends no sentence."""
    match = md.DATELINE.match(text.replace(" ", ""))
    return match is not None and _BRACKETED.match(text.replace(" ", "")[match.end():]) is not None


def word_wrapped_on(before: str, text: str) -> bool:
    """Is a two-character line under a headline line as wide as a column one word the wrap
    carried over (…促进区域协调发展的重要 / 路径), rather than a writer's name (a name that is also
    a common word, 高峰, under a headline that long is the rarer reading)?"""
    return len(text) == 2 and is_common_word(text) and len(before) >= _COLUMN_MIN


def opens_paragraph(after: str | None) -> bool:
    """Is the next line as printed a paragraph's indented first line? (Then a line between a
    headline and it, finishing no sentence, is no paragraph's: the headline's deck.)"""
    return after is not None and starts_paragraph(after)


def sets_apart(before: str | None, after: str | None) -> bool:
    """Is a line between a finished sentence (`before`) and a paragraph's indented first line or
    the end (`after`, the next line as printed, or None)? Then, if it finishes no sentence itself,
    it is no paragraph's, whatever its width."""
    return before is not None and ends_sentence(before) and (after is None or starts_paragraph(after))


def under_closing_credit(before: str | None, text: str, width: int) -> bool:
    """Is a line right under a story's closing credit (…人次。（记者邱　实））, or its closing note,
    and short of the column? The story ended there; a paragraph's first line fills its column, a
    headline stands short of it (广东职工疗休养基地增至126家): if it finishes no sentence, it is the
    next story's headline, whatever else its width says."""
    return before is not None and bool(width) and _closes_story(before) and ems(text) < width - 1


def is_closing_note(text: str) -> bool:
    """（作者单位：新疆于田县委）whole on its line: a story's closing note ends its paragraph, however
    nearly it fills the column (a caption set right under it is no part of it)."""
    return bool(md.AUTHOR_NOTE.match(text)) and text.endswith(("）", ")")) and balanced(text)


def _closes_story(text: str) -> bool:
    """Does the text end the way only a story's last line does: its reporters credited
    (…（记者 X 通讯员 Y）), its author's unit or its editor?"""
    return bool(md.trailing_authors(text)) or is_closing_note(text) or closing_editor(text) is not None


def closing_editor(text: str) -> re.Match | None:
    """…（作者单位：…） [责任编辑:夏珑祯]: the editor line that closes a line (and its article)."""
    editor = md.EDITOR.search(text)
    return editor if editor is not None and editor.end() == len(text) else None


def runs_into_column(text: str, after: list[str], indents_dropped: bool = False) -> bool:
    """Is a title-like line the first line of a paragraph whose indent the extraction dropped? The
    line under it is running text set to the full width of its column (a paragraph going on: a
    lead's or deck's first line would be set in or short), the line is narrower than that column,
    and the break cuts a word or falls on a pause (…街道试点建 / 设托育…; …生活得安心、 / 静心、…)
    — a headline never runs on mid-word into a body line — or, on a page whose paragraphs open
    so (`indents_dropped`), the line is two ems short of the column, exactly a paragraph's indent
    (…一个建成于 / 上世纪90年代的小区，…). Widths are printed widths (`ems`): half-width digits
    take half a character."""
    body = [line.strip() for line in after[:2]]
    if not body or not _runs_on_in_column(body):
        return False
    column = max(math.ceil(ems(line)) for line in body if not ends_sentence(line) or line is body[0])
    short = column - ems(text)
    cut = text.endswith(MID_MARKS) or cuts_word(text, body[0])
    return short >= 1 and cut or indents_dropped and _INDENT_SHORT[0] <= short <= _INDENT_SHORT[1]


_INDENT_SHORT = (1.5, 2.5)  # ems a paragraph's first line falls short of its column where the indent was dropped


def drops_indents(lines: list[str], width: int) -> bool:
    """Does a hard-wrapped page open its paragraphs two ems short of the column with no indent left
    (the indent the extraction dropped)? Of the flush lines that follow a paragraph's last line (a
    finished sentence short of the column) and go on into a full line, more are that short than
    full: then a title-like line that short over a full line is as likely a paragraph's opening as a
    headline, and the width decides. (A page that sets its paragraphs' first lines flush and full
    gives a headline two short over its lead no such reading.)"""
    if not width:
        return False
    text = [line for line in lines if line.strip()]
    short = full = 0
    for above, line, below in zip(text, text[1:], text[2:]):
        above, below = above.strip(), below.strip()
        if line[:1].isspace() or not ends_sentence(above) or ems(above) >= width - 1 \
                or ends_sentence(below) or ems(below) < width - 1:
            continue
        gap = width - ems(line)
        short += _INDENT_SHORT[0] <= gap <= _INDENT_SHORT[1]
        full += gap <= 1
    return short > full


def _runs_on_in_column(body: list[str]) -> bool:
    """Do the lines under a line read as a paragraph going on in a column: the first as wide as the
    second or wider (not a last line), running text (a sentence mark in it, or a second full line
    under it), no lead, byline or deck?"""
    first = body[0]
    if len(first) < _COLUMN_MIN or line_type(first) is not None or md.DATELINE.match(first.replace(" ", "")) \
            or first.startswith("——") or leads_follow(body):
        return False
    if len(body) > 1 and not ends_sentence(first) and ems(body[1]) > ems(first) + 1:
        return False  # (the line under it wider still: it is a column's short line, a deck or a headline's)
    return bool(_BODY_MARK.search(first)) or len(body) > 1 and abs(ems(body[1]) - ems(first)) <= 1


def is_onward_jump(text: str) -> bool:
    """Is the line a jump sending a story on to another page (（下转第四版）)? Only running text breaks
    off there: the lines right above it are a story's, never a headline's, however wide they are set
    (a front-page lead set wider than the page's columns: …将会同 / 有关部门，进一步完善…，推 /
    动返乡创业园区提质 / （下转第四版）)."""
    jump = md.CONTINUED.fullmatch(text.strip())
    return jump is not None and jump.group("dir") in _ONWARD


_ONWARD = ("下转", "转")  # a jump line's directions that send the text on (上接 / 接 take it up)


def em_indented(raw: str) -> bool:
    """Is a line set in by ideographic spaces (U+3000)? Chinese type indents a paragraph's first
    line by two ems and centres a headline without them: such a line opens a paragraph, however
    short (a story broken off after its first line: 　　新疆精河县疾病预防控制中)."""
    return raw.startswith("\u3000") and bool(raw.strip())
