"""Runs of lines → blocks: a run of lines with no blank line between them is cut where a blank
line would have been (`split_block`), from line evidence alone, so the assembler reads every
text as blocks whatever its extraction left.

An indent starts a paragraph; a line that ends a sentence short of its column ends one; a
title-like line after a finished sentence stands apart as a headline unless it is as wide as
the wrapped body lines around it (`is_column_line`) — a lead or byline right under it makes
it a headline whatever its width.
"""
from __future__ import annotations

import re

from ..text.words import cuts_word, is_common_word, splits_word
from . import metadata as md
from .clean import CJK, MARK_PAIRS, continues_across, ends_sentence, join_lines
from .headline_group import (both_doubled, byline_under, group_measure, headline_group,
                             opens_pair, set_as_pair, set_over_two_lines,
                             wraps_on_in_group)
from .lines import (WRAP_MAX, closing_editor, heads_anyway, is_bare_dateline, is_closing_note, is_column_line,
                    opens_paragraph, runs_into_column, runs_on, set_width, sets_apart, starts_paragraph, under_closing_credit,
                    word_wrapped_on)
from .titles import (HEAD_TAIL_MAX, balanced, has_sentence_inside, ink, is_byline_name, is_closed_title, is_couplet, is_decked_title,
                     is_doubled, is_heading_text, is_led_title, is_wide_title, leads_follow, md_heading,
                     split_column_tag)
from .typed_lines import line_type


def in_brackets(before: str, text: str) -> bool:
    """Does a line go on inside a bracket: the line above left one open (…组织保证。（记者), or it
    closes one it never opened ( 张云梅）)? No paragraph starts inside brackets, so an indent there
    is the wrap's stray space, not a paragraph's first line."""
    return any(before.count(left) > before.count(right) or text.count(right) > text.count(left)
               for left, right in _BRACKETS)


_BRACKETS = tuple(pair for pair in MARK_PAIRS if pair[0] in "（(")


def stands_as_title(text: str, before: str | None, title_before: bool, width: int,
                    near: tuple[list[str], list[str]], printed: int, set_apart: bool = False,
                    indents_dropped: bool = False) -> bool:
    """A line inside a block (no blank line around it) that reads as a headline: title-like text
    (short, no sentence in it), after a finished sentence, a typed line (byline, editor…) or another
    headline line, or right over a lead or byline, and not as wide as the page's or its column's
    wrapped body lines (unless `set_apart`: between a finished paragraph and a paragraph's indented
    first line, or the end of the text, a line that finishes no sentence is no paragraph's,
    whatever its width)."""
    after = near[1]
    if has_sentence_inside(text):
        return False  # (what every title test below asks first, asked once: most lines stop here)
    after_end = before is None or title_before or ends_sentence(before) and not is_bare_dateline(before) \
        or line_type(before.strip()) is not None \
        or md.split_trailing_credit(before) is not None
    # set across the columns, wider than every line around it (no line of the paragraph above is)
    wide = is_wide_title(text, width) and all(ink(line) < ink(text) - 2 for line in near[0] + near[1])
    # after a story that breaks off mid-sentence (its text jumps to another page, or the extraction
    # cut it), a lead (本报…讯) or byline right under it makes it a headline, and so does being wide
    if not (after_end or wide or leads_follow(after[:2]) or is_doubled(text)) \
            or is_column_line(printed, near, width) and not (set_apart or heads_anyway(text, near, width)):
        return False  # (asked before the title tests: a line inside a paragraph stops here)
    titled = wide or is_heading_text(text) or is_led_title(text, [(0, line.strip()) for line in after]) \
        or is_closed_title(text, before) or is_decked_title(text, after[0] if after else None)
    if not titled or line_type(text.strip()) is not None or md.DATELINE.match(text.replace(" ", "")):
        return False
    if after and _typed_across(text, after[0]):
        return False  # 本报记者 袁 / 海军 摄: a credit or byline the wrap cut
    if after and number_runs_on(text, after[0]):
        return False  # 今年全国高校毕业生规模预计达1222 / 万人。: a number its unit finishes on the next line
    if not (wide or set_apart) and runs_into_column(text, after, indents_dropped):
        return False  # 上海市近日在20个街道试点建 / 设托育…: a paragraph's first line, its indent dropped
    return balanced(text)  # (会议传达学习了《自治区质: a line the wrap cut inside a title or quotation)


_NUMBER_END = re.compile(r"\d[\d.,]*$")
_UNIT_START = re.compile(r"[\d.%‰万亿千百余多个人元吨件家所项倍年月日号时岁亩户名次台辆座条公米克斤度]")


def number_runs_on(text: str, after: str) -> bool:
    """Does a line end on a number that the next line goes on with, in its digits or its unit
    (…预计达1222 / 万人。…; …共计3 / 6所…)? The wrap broke the number off inside running text: a
    headline is set whole, and the line under it (a lead, a deck, a byline) never opens on a
    number's unit. (Half-width digits make such a line look wider than its column, character by
    character, so its width says nothing here.)"""
    return bool(_NUMBER_END.search(text)) and bool(_UNIT_START.match(after.strip()))


def ends_paragraph(text: str, before: str | None, width: int) -> bool:
    """A line that ends a sentence and is shorter than the column it is set in (the page's wrap
    width, or the line above) ends its paragraph; in text that is not hard-wrapped, every line
    that ends a sentence does."""
    column = max(width, len(before or ""))
    return ends_sentence(text) and (not width or len(text) < column - 1) and not is_bare_dateline(text)


def _continues_headline(before: str, text: str, wrapped: bool, markdown: bool, width: int = 0,
                        first: bool = False) -> bool:
    """Is a headline line the wrapped rest of the one above it? Its two lines are set to one width
    (a third of that width is a deck, not more of it) and, on a hard-wrapped page, fill the
    column; or the break falls inside a word (…俱乐部联 / 赛总决赛…); or (`first`: the line above
    opens its run of headline lines) the two read as one headline set over two lines
    (`set_as_pair`). Headings marked with # are joined only at one width. (Where the synthesizer
    was the only measure, it drew decks at random under headlines, so a deck no wider than its
    headline counted against joining; the hand-written pages, studied and held out, print such
    pairs as one headline far more often than as headline and deck.)"""
    if markdown:
        return len(text) == len(before)
    if split_column_tag(before)[1]:
        return False  # …（今日谈） ends its headline
    if is_byline_name(text):  # 张云梅 under …会召开 is its writer (开张 is no word cut there), but
        return splits_word(before, text, common=True) and is_common_word(text[1:]) \
            or word_wrapped_on(before, text)  # …的思 / 路举措 is 思路 + 举措, …发展的重要 / 路径 a word
    if is_couplet(before) and is_couplet(text):
        return False  # (统筹区域力量 推动协调发展 / 深化区域联动 助力城乡融合: two whole headlines)
    return len(text) == len(before) and not wrapped and (not width or len(before) >= width - 2) \
        or cuts_word(before, text) or first and set_as_pair(before, text)




def _typed_across(before: str, after: str) -> bool:
    """Do two lines read together as a typed line the wrap cut (本报记者 袁 / 海军 摄)?"""
    return line_type(join_lines([before, after]).strip()) is not None


def may_be_cut(before: str, text: str) -> bool:
    """May the break after `before`, inside a sentence, be where a column was cut (its text goes
    on elsewhere: …结合新疆实 / 新疆召开干部大会)? The line is longer than any wrapped column's, or
    shorter than the next (it stopped before its column's end), and no word, quotation, bracket or
    typed line (本报记者 袁 / 海军 摄) runs across the break. Then the lines are two blocks, as if a
    blank line stood between them, and the assembler decides whether a paragraph cut off earlier
    takes up the second (…新疆实 / 际，从严…), it heads a new story, or the first goes on."""
    return (len(before) > WRAP_MAX or len(before) < len(text) - 1) and not ends_sentence(before) \
        and not splits_word(before, text) and not continues_across(before, text) \
        and not _typed_across(before, text)


def split_block(block: list[tuple[int, str]], raw: list[str], width: int, markdown: bool,
                blank_lines: bool, near, titled: set[int] | None = None,
                grouped: set[int] | None = None, indents_dropped: bool = False,
                over_jump: bool = False) -> list[list[tuple[int, str]]]:
    """A block of lines with no blank line between them, split where a blank line would have been:
    before an indented line, and around a headline line (a Markdown heading, or, in text that does
    not use blank lines, a title-like line standing after a finished sentence); the numbers of
    the headline lines go into `titled`. (A block right over a jump line (`over_jump`: （下转第四版）)
    is no headline group: the text that jumps on breaks off there.)"""
    out: list[list[tuple[int, str]]] = [[]]
    title_before = ended = wrapped = short = False
    heads = 0  # headline lines in a row up to the line above (a label or kicker over them opens no run)
    group = headline_group(block, width) if blank_lines and not markdown and not over_jump else frozenset()
    if grouped is not None:
        grouped.update(group)
    measure = group_measure(block) if group else 0
    whole = bool(group) and set_over_two_lines(block)  # (one headline over the group's two lines)
    for k, (number, text) in enumerate(block):
        before = block[k - 1][1] if k else None
        after = raw[block[k + 1][0] - 1] if k + 1 < len(block) else None
        title = md_heading(text) is not None if markdown else \
            number in group or not blank_lines and not has_sentence_inside(text) \
            and stands_as_title(text, before, title_before, width, near(number), set_width(raw[number - 1], width),
                                sets_apart(before, after) or title_before and opens_paragraph(after)
                                or under_closing_credit(before, text, width), indents_dropped)
        # (stands_as_title's first question, asked before its arguments are made: most lines stop there)
        title = title or title_before and not markdown and _headline_tail(before, text)
        indented = starts_paragraph(raw[number - 1]) and not (before is not None and in_brackets(before, text))
        one_headline = title and title_before and not indented \
            and (whole or wraps_on_in_group(before, text, raw[number - 1], width, measure) if group
                 and not both_doubled(before, text) else _continues_headline(before, text, wrapped, markdown, width,
                                                                     heads == 1))
        wrapped = one_headline
        cut = not (width or blank_lines or markdown) and before is not None and may_be_cut(before, text)
        if out[-1] and (title or title_before or indented or ended or cut or short or byline_under(before, text)) \
                and not one_headline:
            out.append([])
        out[-1].append((number, text))
        title_before, heads = title, heads + 1 if title and opens_pair(text) else 0
        if title and titled is not None:
            titled.add(number)
        ended = not blank_lines and not markdown and (ends_paragraph(text, before, width)
                                                      or md.split_trailing_credit(text) is not None
                                                      or line_type(text) is not None  # (a typed line: 第1版, 摄…)
                                                      or closing_editor(text) is not None or is_closing_note(text)
                                                      or _credit_closes(before, text))
        short = not (title or blank_lines or markdown) and stops_short(text, before, width)
    return [b for b in out if b]


def _headline_tail(before: str, text: str) -> bool:
    """Is a line of a character or two, under a headline line, that headline's last word the wrap
    carried over (强化产业党建 激活县域经 / 济)? Too short to read as a headline by itself, it finishes
    a word the line above broke off in: the headline goes on, and no paragraph starts there."""
    return len(text) <= HEAD_TAIL_MAX and bool(re.fullmatch(f"[{CJK}]+", text)) \
        and splits_word(before, text, common=True)


def _credit_closes(before: str | None, text: str) -> bool:
    """Does the line close a story's credit (…风采。（记 / 者 韩沁言 通讯员 托亚））? Papers print the
    reporters once, at the story's end: whatever follows is not its paragraph, however full the line."""
    if not text.endswith(("）", ")")):
        return False
    joined = join_lines([before or "", text])
    opening = max(joined.rfind("（"), joined.rfind("("))
    return opening > 0 and ends_sentence(joined[:opening]) and bool(md.trailing_authors(joined))  # (a lead's
    # 本报…讯（记者 X） opens a story: no sentence ends before its bracket)


def stops_short(text: str, before: str | None, width: int) -> bool:
    """Does a line end its paragraph without finishing a sentence: stop well short of a column
    the line above it filled (…2026年“集 / 中 / 新疆乌苏市畜牧兽医专技人才开…)? A hard-wrapped
    paragraph fills every line but its last; a last line that finishes no sentence is a story
    broken off there (a cut column, a jump), and what follows is not its text: a photo's
    caption, a label, the next story."""
    return before is not None and runs_on(before, width) and len(text) <= width - 3 and not ends_sentence(text)
