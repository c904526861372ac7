"""Headline groups set with no blank line between their lines (label, kicker, headline, deck,
byline) on a page that sets its paragraphs apart with blank lines: which lines of a block are
such a group's, and where one headline line wraps on into the next.

`split_block` asks it before its line-by-line title rules: a group's lines are
headline lines whatever their neighbours' widths.
"""
from __future__ import annotations

import re

from ..text.words import cuts_word, is_plain_word
from . import metadata as md
from .clean import collapse_doubled
from .headline import FRAMING
from .titles import COMMA, DOCUMENT_NUMBER, balanced, ems, is_couplet, is_heading_text, is_wide_title, split_column_tag
from .typed_lines import line_type


_PAUSES = ("、", "，", ",", "；", ";", "：", ":")
_GROUP_MAX = 6  # lines of a headline group: label, kicker, a headline wrapped once, deck, byline
PAIR_LINE_MAX = 15  # ems: a longer line is a headline of one line, not half of two
PAIR_LINE_MIN = 5  # ems: a shorter line is a label, a name or a title (国家主席), not half a headline


def headline_group(block: list[tuple[int, str]], width: int) -> frozenset[int]:
    """The headline lines (by number) of a block that is a headline group set with no blank line
    between its lines, on a page that sets its paragraphs apart with blank lines (label, kicker,
    headline, deck and byline), else none. Each line finishes no sentence (or is the writer's
    line; a headline set across columns may hold commas, and so may any line of a group closed
    by a byline or of three lines: …党建模式，引领…), none is broken off on a pause (a list of names
    wrapped in its column: 博湖县、 / 库尔勒市丝路街道…), and not two of them fill the column."""
    if not 2 <= len(block) <= _GROUP_MAX or any(text.endswith(_PAUSES) for _, text in block):
        return frozenset()
    if width and sum(_fills_column(text, width) for _, text in block) >= 2:
        return frozenset()
    commas = len(block) >= 3 or _is_byline(block[-1][1])
    heads = frozenset(number for number, text in block
                      if is_heading_text(COMMA.sub(" ", text) if commas else text) or is_wide_title(text, width))
    return heads if all(number in heads or _is_byline(text) for number, text in block) else frozenset()


def _is_byline(text: str) -> bool:
    return (line_type(text) or ("",))[0] == "byline"


def _fills_column(text: str, width: int) -> bool:
    """Is the line as wide as its column, no wider (a wrapped line; a headline set across columns is wider)?"""
    return width - 1 <= len(text) <= width + 1


def group_measure(block: list[tuple[int, str]]) -> int:
    """The width a headline group's headline is wrapped to: the length of its longest lines when
    three or more share it (lines set to one measure; two may be a kicker and a headline of one
    length), else 0."""
    lengths = [len(text) for _, text in block]
    return max(lengths) if lengths.count(max(lengths)) >= 3 else 0


def wraps_on_in_group(before: str, text: str, raw: str, width: int, measure: int) -> bool:
    """In a headline group, is the line the wrap's rest of the one above? That one fills the
    column or the headline's measure (…提出更高 / 要求; 自治州直属机关2025年 / 度党组…), leaves a
    quotation or bracket open (…“守护 / 者”) or breaks off inside a word (…自治 / 州扎实…); or the
    line opens on the space between the headline's two phrases (…稳步向好 / ␣助力…), or is too
    short to stand as a headline of its own. (Two lines of one length are as often a kicker
    and its headline: not evidence here.)"""
    if _is_byline(text) or split_column_tag(before)[1]:
        return False  # (…（评论员观察） ends its headline)
    return bool(width and _fills_column(before, width) or measure and len(before) == measure) \
        or not balanced(before) or _too_short_alone(text) or raw[:1] in (" ", "\u3000") and raw[1:2] not in (" ", "\u3000") \
        or cuts_word(before, text)


def set_as_pair(before: str, text: str) -> bool:
    """Two unmarked headline lines that read as one headline set over two lines (前两个月全国铁路货物
    发送量 / 同比增长4.3%; 县域商业“补短板” / 乡村消费“上台阶”): the two are balanced, the second at
    most a character wider than the first, and the first is short of a one-line headline. A deck, set in smaller type under its headline,
    runs longer than it (全国田径锦标赛落幕 / 多名年轻选手刷新个人最好成绩); a long headline set on one
    line, or one of two phrases, is whole (浙江宣判一起利用AI换脸实施诈骗案 / 主犯被判处有期徒刑十一年);
    a document's number under its title (〔2025〕第8号) is no half of it."""
    return opens_pair(before) and PAIR_LINE_MIN <= ems(text) <= ems(before) + 1 and ems(before) <= PAIR_LINE_MAX \
        and not is_couplet(before) and not FRAMING.search(text) and not DOCUMENT_NUMBER.match(text)


def opens_pair(text: str) -> bool:
    """May a headline line be the first of a headline set over two lines? Not a label (人民论坛, a
    column's 推动高质量发展·一线调研) nor a kicker's framing words (学习贯彻…精神): lines over a
    headline, which may itself be set over the two lines under them. A place's name leads its
    story's headline (和田地区 / 戈壁滩上种出“致富果”) however short."""
    return (ems(text) >= PAIR_LINE_MIN or bool(_PLACE.fullmatch(text))) and "·" not in text and not FRAMING.search(text)


_PLACE = re.compile("[\u4e00-\u9fff]{1,6}(?:地区|自治州|州|县|市|省|自治区|区|盟|旗)")


def set_over_two_lines(block: list[tuple[int, str]]) -> bool:
    """Is a headline group of just two lines one headline set over two lines (加大青年科技人才培养使用
    力度 / 让更多青年才俊挑大梁当主角; 县域商业“补短板” / 乡村消费“上台阶”)? A kicker, a deck and a
    subtitle are set in type of another size, and the text extraction sets a blank line between
    blocks of one type: two lines it leaves together, neither marked as a kicker or deck (…—— / ——…)
    nor a typed line (a byline, a folio) or a column label (…（今日谈）; 卷首语 over the headline),
    are the lines of one headline."""
    if len(block) != 2:
        return False
    first, second = block[0][1], block[1][1]
    return opens_pair(first) and not (first.endswith(("——", "……", "…")) or second.startswith("——") or split_column_tag(first)[1]
                or line_type(first) is not None or line_type(second) is not None or both_doubled(first, second)
                or any(_DATE_ALONE.fullmatch(text) for text in (first, second)))


# 2025年6月6日 alone on its line: the date a notice is signed under its issuer (中国人民银行 /
# 2025年6月6日), never a headline's line
_DATE_ALONE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _too_short_alone(text: str) -> bool:
    """Two characters or fewer: a wrap's rest (要求, 者”), unless a writer's name under the deck
    (程勇: a name, and no dictionary word)."""
    return len(text) <= 2 and not (md.is_author_line(text) and not is_plain_word(text))


def both_doubled(before: str, text: str) -> bool:
    """Two lines both extracted twice over (十四运促巴州十四运促巴州 / 旅游持续升温旅游持续升温): headline type,
    read as the ungrouped headline lines are (one width is one headline)."""
    return collapse_doubled(before) != before and collapse_doubled(text) != text


def byline_under(before: str | None, text: str) -> bool:
    """本报记者　李　强 set right under its headline, no blank line between: the writer's line stands
    apart from the headline over it (a byline is a line of its own, whatever the page's spacing)."""
    return before is not None and not before.endswith(("，", "、", ",")) and _is_byline(text)
