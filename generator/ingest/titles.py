"""Does a line read as a headline's? Tests of a line's text alone: title-like (short, no
sentence in it or at its end), a writer's names, a deck or kicker, a column tag, a Markdown
heading, printed doubled; and whether a lead or byline follows it.

They are the words' half of every headline rule (block splitting, the assembler, the passes
after it, segmenting), apart from where the line stands among its neighbours (lines.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import metadata as md
from .clean import CJK, MARK_PAIRS, collapse_doubled, ends_sentence, join_lines, unspace_runs
from .tokens import Token
from .typed_lines import line_type


_MD_MARK = re.compile(r"#{1,6}\s+(?=\S)")


def md_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a Markdown heading line (## 标题 ##), else None. String methods, not one
    regex with a lazy group: that one backtracked over every space of a long line (quadratic)."""
    mark = _MD_MARK.match(line)
    if mark is None:
        return None
    text = line[mark.end():].rstrip()
    return len(mark.group(0).rstrip()), text.rstrip("#").rstrip() or text[0]


def is_markdown(lines: list[str]) -> bool:
    """Does the text already mark its headings with # (an issue prepared by hand)?"""
    return any(md_heading(line.strip()) for line in lines)


HEAD_END_OK = ("——", "……", "：", ":")  # a headline line ending so leads into the next (a kicker)
PHONE = re.compile(r"\d{3,4}-\d{7,8}")  # 0906-2100633 业务咨询: a line of a list of numbers, never a headline


COLUMN_TAG = re.compile(f"[（(]([{CJK}·0-9]{{2,8}})[）)]$")  # …（今日谈）: the column a headline is printed under


def split_column_tag(title: str) -> tuple[str, str | None]:
    """中国航天器…中式浪漫（新论） → (中国航天器…中式浪漫, 新论): a headline and the column tag
    printed after it."""
    tag = COLUMN_TAG.search(title)
    if tag is None or tag.start() < 4:
        return title, None
    return title[: tag.start()].rstrip(), tag.group(1)


_SENTENCE_INSIDE = re.compile("[。！？；!?;]")  # a mark no headline has inside it
COMMA = re.compile("[，,]")


def has_sentence_inside(text: str) -> bool:
    return _SENTENCE_INSIDE.search(text[:-1] if text.endswith("……") else text) is not None


_HEADLINE_MAX = 64  # characters of the longest headline line, as printed once and unspaced


@lru_cache(maxsize=1 << 16)
def is_heading_text(text: str) -> bool:
    """A line that can be a headline: short, no sentence inside, no sentence end (a column tag
    after it, …（今日谈）, is no sentence end). Cached: the title rules ask it again of the lines
    around each candidate."""
    bullet = text.strip().startswith(("◆", "■", "●"))
    if len(text) > _HEADLINE_MAX * 4:
        return False  # (not even letter-spaced and printed twice: a megabyte of spaces is no headline)
    text = split_column_tag(collapse_doubled(unspace_runs(text.strip().lstrip("◆■●"))))[0]  # (as printed once, unspaced)
    if not 2 <= len(text) <= _HEADLINE_MAX or has_sentence_inside(text):
        return False
    if md.DATELINE.match(text.replace(" ", "")) or md.parse_credit(text) is not None:
        return False
    if ends_sentence(text) and not text.endswith(("……", "”", "’", "」")):
        return False
    if COMMA.search(text) and not text.endswith(HEAD_END_OK) and not bullet:
        return False
    if text.startswith(("（", "(")) or re.fullmatch(r"[\d\s\W]+", text) or PHONE.match(text):
        return False
    if re.search(f"[·•][{CJK}]?$", text):  # 努尔兰·阿 | 不都满金: a name the line break cut
        return False
    return True


_COMMA_TITLE_MAX = 40  # characters of a headline with a comma in it (…服务站”，服务群众强“磁场”)


def is_led_title(text: str, following: list[tuple[int, str]] | None) -> bool:
    """A line with a comma in it is a headline when a lead or byline follows it directly and it
    is otherwise title-like (short, no sentence end), judged on the line as printed once (a
    headline whose characters the PDF text doubles, 引引领领…, is no longer for it)."""
    return bool(following) and is_comma_title(text) and leads_follow([t for _, t in following[:2]])


def is_closed_title(text: str, before: str | None) -> bool:
    """A line with a comma in it is a headline, too, right after a story's closing credit
    (…愿景。（记者 刘颖红 通讯员 马伊宁）): that credit ends a story, so the title-like line under it
    opens the next, whether its lead or byline comes first or the story is signed at its end."""
    return before is not None and bool(md.trailing_authors(before)) and is_comma_title(text)


def is_kicked_title(text: str, above: Token) -> bool:
    """A line with a comma in it is a headline, too, right under a kicker (在…指引下—— over
    …党建模式，引领区域协同发展): a kicker leads into the headline, and nothing else."""
    return above.kind == "head" and above.text.endswith(HEAD_END_OK) and is_comma_title(text)


def is_decked_title(text: str, after: str | None) -> bool:
    """A line with a comma in it is a headline, too, right over a dash deck (山海之间，走出…新路 over
    ——浙江丽水…综述) or an editor's note (…，如何跨过“协商关” over 编者按：…): a deck and an editor's
    note are printed under a headline, never under a paragraph, so the title-like line over them
    heads an unsigned story (no lead or byline under it to say so)."""
    return after is not None and (is_deck_line(after.strip()) or bool(EDITORS_NOTE.match(after.strip()))) \
        and is_comma_title(text)


EDITORS_NOTE = re.compile("(?:编者按|编者的话)[：:]")  # an editor's note, printed under a story's headline


def is_comma_title(text: str) -> bool:
    """Title-like but for its comma: short, balanced, no sentence in it or at its end, and one comma
    (a headline's two halves; a line with more is a sentence of running text cut off, 会议指出，…，…)."""
    text = collapse_doubled(text)
    return len(text) <= _COMMA_TITLE_MAX and len(COMMA.findall(text)) == 1 and balanced(text) \
        and is_heading_text(COMMA.sub(" ", text))


def is_wide_title(text: str, width: int) -> bool:
    """On a hard-wrapped page, a line wider than its columns (by more than a character or two) that
    ends no sentence is set across columns: a headline, commas and all (…党建模式，引领区域协同发展).
    No wrapped body line is that wide, and a paragraph's last line is narrower still."""
    return bool(width) and ink(text) > width + 2 and ink(collapse_doubled(text)) > width + 2 \
        and is_heading_text(COMMA.sub(" ", text))  # (the printed width first: most lines stop there)


def ink(line: str) -> float:
    """A line's printed width, without its indent and the spaces PDF text puts between
    letter-spaced characters (化 ，助 力 经 济 is a column's line, not a wide one): `ems`, so a
    body line holding 10日 and 10月 is not read as set wider than its column."""
    return ems(line)


def ems(line: str) -> float:
    """A line's printed width in ems: a Chinese character or full-width mark takes one, a Latin
    letter, digit or ASCII mark half (a line holding 2024 is two ems narrower than its characters
    count); its indent and the spaces PDF text puts between letter-spaced characters take none."""
    line = _SPACES.sub("", line)
    return len(line) - 0.5 * len(_HALF_WIDTH.findall(line))


_SPACES = re.compile(r"\s+")
_HALF_WIDTH = re.compile("[\x00-\u1fff]")  # Latin letters, digits, ASCII marks: half an em


# （2024年第128号）, 〔2024〕12号, 第5号: a notice's or a document's number, printed under its title
DOCUMENT_NUMBER = re.compile(r"^[（(]?\s*(?:[{cjk}]{{0,8}}\s*[〔\[［【(（]?(?:19|20)\d{{2}}[〕\]］】)）]?\s*)?(?:年\s*)?第?\s*\d{{1,4}}\s*号\s*[）)]?$"
                          .format(cjk=CJK))


# 简讯, 经济短波, 科技速递: the label of a box of news in brief
BRIEF_WORDS = re.compile("简讯|快讯|短讯|简报|速递|短波")
# 公告, 启事…: the word a notice's title ends on (…征文启事, 中国人民银行公告)
NOTICE_TITLE = re.compile("(公告|通知|启事|公示|通告)$")


HEAD_TAIL_MAX = 2  # characters of a wrapped headline's last line too short to judge alone
_NAMES_MAX = 12  # characters of a line of writers' names (阿不都西库尔·米吉提; 艾力·吐尔逊 李东泽)


def is_byline_name(text: str) -> bool:
    """程勇 under a headline: the writer's names, each led by a common surname (or a transliterated
    name with its dot), not the last line of a wrapped headline (…实干书写 / 选调情)."""
    return len(text) <= _NAMES_MAX and md.is_author_line(text) \
        and all(md.looks_like_person(name) for name in md.split_names(text))


MID_SENTENCE = ("，", "、", "；", "：", ",", ";", ":")  # marks inside a sentence: no caption or paragraph ends on one
MID_MARKS = MID_SENTENCE[:2]  # of them, those no headline ends on either (…探索毗邻党建模式， / 引领区域协同发展;
# a headline line ending in ： is a kicker)


_PHRASES = re.compile(f"[^\\s，。、；！？,;]{{3,}}(?<=[{CJK}”」》）]) (?=[{CJK}“「《（])[^\\s，。、；！？,;]{{3,}}")


def spaced_phrases(text: str) -> bool:
    """Two phrases with a space between them and no comma (访企问需送服务 助企跑出「加速度」): how a
    headline sets its halves apart; running text has no space between two Chinese words, and a
    line of names is a byline."""
    return bool(_PHRASES.fullmatch(text)) and line_type(text) is None and not is_byline_name(text)


def is_doubled(text: str) -> bool:
    """A line the PDF text printed twice over (爱路护路从我做起爱路护路从我做起): a headline's type,
    never running text, however wide."""
    return collapse_doubled(text) != text


def is_deck_line(text: str) -> bool:
    """——记扎根基层的优秀共产党员: a deck, the dash first and no sentence in it."""
    return text.startswith("——") and is_heading_text(text)


def balanced(text: str) -> bool:
    return all(text.count(left) == text.count(right) for left, right in MARK_PAIRS)


def leads_follow(after: list[str]) -> bool:
    """Does a lead (本报…讯, a dateline) or a byline (本报记者 X, or the writer's name alone) follow
    within two lines? Then a title-like line before it is a headline even when it is as wide as the column."""
    return _leads_follow(tuple(after[:3]))


@lru_cache(maxsize=1 << 16)
def _leads_follow(after: tuple[str, ...]) -> bool:  # cached: asked again of each line's neighbours
    return _leads_from(after[:2]) or _leads_from(after[1:3])


@lru_cache(maxsize=1 << 16)
def _leads_from(lines: tuple[str, ...]) -> bool:  # cached: each pair of lines is the first and the second two
    start = join_lines(lines).replace(" ", "")
    return bool(start) and bool(md.DATELINE.match(start) or (line_type(lines[0].strip()) or ("",))[0] == "byline"
                                or is_byline_name(lines[0].strip()))


_COUPLET = re.compile(f"^[{CJK}“”]{{3,}} [{CJK}“”]{{3,}}$")


def is_couplet(text: str) -> bool:
    """A headline line of two phrases with a space between (深化区域联动 助力城乡融合): a whole
    headline, never one a wrap cut."""
    return bool(_COUPLET.match(text.strip()))
