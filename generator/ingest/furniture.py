"""Page furniture: what is printed on the page but is not an article.

Mastheads, app and QR-code prompts, hotlines, e-mail, ISSN and barcode digits,
staff boxes and imprint lines are dropped before segmentation (their useful
values, such as the issue number, are read by `metadata.read_issue_facts`
first). A magazine's table of contents is kept apart as `Toc`: it confirms
titles and gives columns and pages, but is never an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..slug import slugify
from .clean import CJK, ends_sentence
from .metadata import parse_editor_line

# A page's number, with its name where printed beside it (第02版：要闻, A3版, 第1版): not dropped
# here, since it starts a page (the tokenizer's page header), but never a prompt's second line.
PAGE_MARKER = re.compile(r"^(?:第\s*)?(?:[A-D])?0?(?P<page>\d{1,2})\s*版(?:\s*[:：·]?\s*(?P<name>[^\s，。\d]{2,8}))?$")

# Each kind of page furniture, and the pattern it is known by (a line that is one of these and
# stands alone: see `_in_running_text`).
_KINDS = (
    ("qr", re.compile(r"客户端|扫码|扫描.{0,6}二维码|二维码|学习强国号|微信公众号|电子期刊|抖音号|视频号")),
    ("hotline", re.compile(r"新闻热线|电话\s*[:：]?\s*$")),
    ("contact", re.compile(r"E-?mail|电子邮箱|投稿邮箱|邮编\s*[:：]?\s*\d{6}")),
    ("issn", re.compile(r"^ISSN|ISSN\s*\d|CN\s*\d{2}-\d{4}")),
    ("masthead", re.compile(r"^星期[一二三四五六日天]$|^(?:农历\s*)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年.{1,8}$"
                            r"|^总\s*第\s*\d+\s*期|^今日\s*\d+\s*版|^本期\s*\d+\s*版"
                            # 第27740期　代号1-1: a daily's running issue number and its postal code
                            r"|^第\s*\d{3,6}\s*期(?:\s*(?:邮发)?代号\s*\d{1,2}\s*[-－]\s*\d{1,4})?$")),
    ("contents", re.compile(r"^封面[:：]|^目\s*录|^\(以上看点|^（以上看点")),
)
# 责任编辑：朱振陆 in a page's header (an article's own editor line is bracketed: [责任编辑:…]; a
# page's 本版责编 line closes its last story: the tokenizer's editor line)
_HEADER_EDITOR = re.compile(r"^(?:责任编辑|责编|本版编辑)\s*[:：]")
_ALWAYS_MAX = 40  # characters: a prompt or label line is short; a longer line holding the word is text
_COVER = re.compile(r"^(?:本期)?封\s*面(?:图片|说明|摄影|人物|故事)?\s*[:：]?$")
_CAPTION_MAX = 60  # characters of a cover caption printed under its 本期封面 label
_NOTICE = re.compile(r"稿酬|著作权协会|版权所有|未经.{0,6}许可.{0,6}转载")
_NOTICE_MAX = 160  # characters of a copyright notice printed in the staff box
_NOTICE_ALONE = 24  # characters of a notice standing alone with no sentence in it (版权所有 翻印必究)
_STAFF = re.compile(
    r"^(?:社\s*长|副\s*社\s*长|总\s*编(?:辑)?|副\s*总\s*编(?:辑)?|主\s*编|副\s*主\s*编|编辑部主任|值班编辑|美术统筹"
    r"|版式设计|美\s*编|校\s*对|图片编辑|制\s*图|地\s*址|电\s*话|邮\s*编|定\s*价|出版日期|印刷装订|印\s*刷|发\s*行|国内统一连续出版物号"
    r"|国际标准连续出版物号|广告经营许可证|邮发代号)(?:\s|[:：:]|$)"
)
_LABEL_ONLY = re.compile(r"^(?:主\s*管|主\s*办|出\s*版|承\s*办|编辑出版)$")
_DIGITS_ONLY = re.compile(r"^[\d\s\-–()（）~～]{2,}$|^\d{1,3}$|^[①-⑳\s]+$"  # (①②: a photo's numbers set on it)
                          r"|^[·•—－\-–\s]+\d{1,3}[·•—－\-–\s]+$|^第\s*\d{1,3}\s*页$")  # a magazine's folio: ·12·, — 12 —
_LONE_DATE = re.compile(r"^\d{1,2}\s*月\s*\d{1,2}\s*日$|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*星期.)?$")
_LABEL = re.compile(r"^(?:19|20)\d{2}\s*(?:[·.．]\s*\d{1,2}|年\s*第\s*\d{1,2}\s*期)$")  # 2025·3, 2025年第3期
_FUZZY_MIN = 6  # characters of a title before one differing character is taken for an OCR slip
# 22 丝路明珠绽放新活力 吴振琳 (page first), or 丝路明珠绽放新活力……22 (dot leaders, page last)
_TOC_ENTRY = re.compile(r"^[-–—·•]?\s*(?P<page>\d{1,3})\s+(?P<text>\S.*)$"
                        r"|^(?P<text2>\S.*?)\s*(?:[.…·．。]{2,}|-{3,})\s*(?P<page2>\d{1,3})$")
_WRAP_MIN = 12  # Chinese characters of a line whose unfinished sentence the next line may carry on (a mast line is shorter)


@dataclass(frozen=True)
class Furniture:
    """A line of page furniture the importer removed: where, what, and which kind (masthead,
    qr, hotline, contact, issn, contents, staff, notice, digits, date, cover, folio), so that the
    import can record it instead of losing it."""

    line: int  # 1-based
    text: str
    kind: str


def furniture_lines(lines: list[str], publication: str | None = None,
                    masthead_names: tuple[str, ...] = ()) -> set[int]:
    """0-based indexes of lines that are page furniture."""
    return set(furniture_kinds(lines, publication, masthead_names))


def furniture_kinds(lines: list[str], publication: str | None = None,
                    masthead_names: tuple[str, ...] = ()) -> dict[int, str]:
    """0-based index → kind of every line that is page furniture."""
    drop: dict[int, str] = {}
    names = {n for n in (publication, *masthead_names) if n}
    names |= {_romanized(n) for n in names}
    for i, raw in enumerate(lines):
        text = raw.strip()
        if not text or i in drop:
            continue
        prev = lines[i - 1].strip() if i and i - 1 not in drop else ""
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        running = (_in_running_text(text, prev) or _bridges(prev, text, nxt, names)) and not _prompt_alone(text, prev)
        kind = None if running else _line_kind(text, names)
        if kind == "date" and _signs_text(lines, i, drop):
            continue
        if kind is None and _is_notice_box(lines, i, names):
            kind = "notice"
        if kind is None or (kind == "hotline" and (_labels_text(lines, i) or _unlabelled_number(lines, i))):
            continue
        drop[i] = kind
        if kind in ("qr", "hotline") and nxt and len(nxt) <= 16 and not _in_running_text(nxt, text) \
                and not PAGE_MARKER.match(nxt) \
                and not (kind == "qr" and _text_follows(lines, i + 2, names)):  # (a short line over text is its headline)
            drop[i + 1] = _line_kind(nxt, names) or kind  # 新闻热线： / 0906-2315631; 扫描二维码看视频 / 感受基层党员心声
        if kind == "qr" and re.search("学习强国号|公众号|电子期刊|客户端", text) and re.fullmatch(f"《[{CJK}]+》", prev):
            drop[i - 1] = kind
        if kind in ("cover", "staff-label"):  # 本期封面 / 新疆阿克陶县…杏花绽放; 主办 / 新疆…委员会
            j = _next_text(lines, i)
            if j is not None and len(lines[j].strip()) <= (_CAPTION_MAX if kind == "cover" else 24):
                drop[j] = kind
    for i in _folio_lines(lines, drop):
        drop[i] = "folio"
    for i in _chart_lines(lines):
        drop[i] = "chart"
    return {i: ("staff" if k == "staff-label" else k) for i, k in drop.items()}


# 数据来源：国家统计局, 资料来源：…: the source printed under a chart (or a table)
_CHART_SOURCE = re.compile(r"^(?:数据|资料)\s*来源\s*[:：]\s*\S[^。！？]{0,40}$")
_CHART_TITLE_MAX = 40  # characters of a chart's title


def _chart_lines(lines: list[str]) -> list[int]:
    """A chart's source line and the title right over it (2020—2024年我国研究与试验发展经费支出 /
    资料来源：国家统计局): what the page prints with a chart, whose figures the text cannot hold.
    The title finishes no sentence and stands apart (a blank line or a finished sentence over it)."""
    found = []
    for i, raw in enumerate(lines):
        if not _CHART_SOURCE.match(raw.strip()):
            continue
        found.append(i)
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        above = lines[j].strip() if j >= 0 else ""
        before = lines[j - 1].strip() if j > 0 else ""
        if above and len(above) <= _CHART_TITLE_MAX and not ends_sentence(above) and not re.search("[，。；：]", above) \
                and (not before or ends_sentence(before)):  # (set apart: no line of a paragraph)
            found.append(j)
    return found


# 4　要闻, 要闻　3, 要闻: a page's number and name, printed over or under its date
_FOLIO_LINE = re.compile(f"^(?:\\d{{1,2}}[\\s\u3000]+)?[{CJK}]{{2,4}}(?:[\\s\u3000]+\\d{{1,2}})?$")
_DAY = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:[\s\u3000]*星期.)?"
_NUMBERED_DATE = re.compile(f"^\\d{{1,2}}[\\s\u3000]+{_DAY}$|^{_DAY}[\\s\u3000]+\\d{{1,2}}$")  # 2025年6月10日　星期二　15
_FOLIO_REACH = 2  # lines between a folio's name and the date (or number) printed with it


def _folio_lines(lines: list[str], drop: dict[int, str]) -> list[int]:
    """A page's name with its number (4　要闻, 要闻　3; or alone between a lone number and the date:
    2 / 要闻 / 2025年3月18日　星期二; or right over the date printed with the number, 体育 /
    2025年6月10日　星期二　15) next to the page's date line: the folio a national daily
    prints at each page's top, split over lines by the PDF text. It names the page, and opens
    no story (a headline stands over text, not over the page's date)."""
    found = []
    for i, raw in enumerate(lines):
        text = raw.strip()
        if i in drop or not _FOLIO_LINE.match(text):
            continue
        near = [j for j in range(i - _FOLIO_REACH, i + _FOLIO_REACH + 1) if j != i and 0 <= j < len(lines)]
        dated = any(drop.get(j) == "date" and _LONE_DATE.match(lines[j].strip()) and "年" in lines[j] for j in near)
        numbered = re.search(r"\d", text) or any(drop.get(j) == "digits" for j in near)
        if any(_NUMBERED_DATE.match(lines[j].strip()) for j in near if abs(j - i) == 1):
            dated = numbered = True  # 体育 / 2025年6月10日　星期二　15: the number printed with the date
        if dated and numbered:
            found.append(i)
    return found


def _text_follows(lines: list[str], start: int, names: set[str]) -> bool:
    """Is the first line from `start` that is no QR prompt a paragraph's (longer than a label, with
    a sentence mark in it)?"""
    for j in range(start, len(lines)):
        line = lines[j].strip()
        if _line_kind(line, names) != "qr":
            return len(line) > 16 and re.search("[，。,]", line) is not None
    return False


def _romanized(name: str) -> str:
    """The letters of a name's pinyin, for the masthead's romanized line: 昌吉日报 and
    CHANGJI RIBAO are both CHANGJIRIBAO."""
    return slugify(name, max_words=40).replace("-", "").upper()


_ROMAN_NAME = re.compile(r"^[A-Z]{2,12}(?: [A-Z]{2,12}){1,3}$")
_NAME_END_ROMAN = {"日报": "DAILY", "晚报": "EVENING", "周刊": "WEEKLY"}


def _roman_masthead(text: str, names: set[str]) -> bool:
    """HUAXIA DAILY under 华夏日报: the paper's name in capitals, its place or name in pinyin and
    its kind of paper in English (a national daily's masthead prints it so; CHANGJI RIBAO, all
    pinyin, is `_romanized`'s)."""
    if not _ROMAN_NAME.match(text):
        return False
    for name in names:
        for end, word in _NAME_END_ROMAN.items():
            if name.endswith(end) and text.endswith(" " + word) \
                    and _romanized(name[: -len(end)]) == text[: -len(word)].replace(" ", ""):
                return True
    return False


def _running_head(text: str, names: set[str]) -> bool:
    """A magazine's running head or foot: its name beside the issue's label or the page's number
    and nothing else (党员之友 2025·3, 12 党员之友, 《党员之友》 2025年第3期 12); a daily's, beside the
    date (2025年4月3日　星期四　中国农经报)."""
    words = text.split()
    if len(words) < 2 or not any(w.strip("《》") in names for w in words):
        return False
    return all(w.strip("《》") in names or _LABEL.match(w) or re.fullmatch(r"\d{1,3}", w) or _LONE_DATE.match(w)
               or re.fullmatch("星期[一二三四五六日天]", w) for w in words)


def _line_kind(text: str, names: set[str]) -> str | None:
    """The kind of furniture a line standing alone is, else None."""
    if not text.startswith(("(", "（")) and len(text) <= _ALWAYS_MAX:
        if _HEADER_EDITOR.match(text) and parse_editor_line(text):
            return "editor"
        kind = next((k for k, pattern in _KINDS if pattern.search(text)), None)
        if kind:
            return kind
    if text.strip("《》") in names or (text.isascii() and _romanized(text) in names) or _running_head(text, names) \
            or _roman_masthead(text, names):
        return "masthead"
    if _STAFF.match(text):
        return "staff"
    if _DIGITS_ONLY.match(text):
        return "digits"
    if _LONE_DATE.match(text) or _LABEL.match(text):
        return "date"
    if _COVER.match(text):
        return "cover"
    if _LABEL_ONLY.match(text):
        return "staff-label"
    return None


def _labels_text(lines: list[str], i: int) -> bool:
    """Is a phone label (阿勒泰市医保热线电话：) the heading of a list with words in it (0906-2100633
    业务咨询 …), printed as the end of an article, rather than a hotline box's label over a
    bare number?"""
    j = _next_text(lines, i)
    return j is not None and lines[i].strip().endswith((":", "：")) and not _DIGITS_ONLY.match(lines[j].strip()) \
        and bool(re.search(f"[{CJK}]", lines[j]))


def _unlabelled_number(lines: list[str], i: int) -> bool:
    """Does a line end on 电话 with no colon and no number under it (…保障局热线电话 / 很难打通。)?
    A hotline box prints its number after the label; a column line that merely ends on the word
    is text, however short the line above it."""
    text = lines[i].strip()
    if "新闻热线" in text or text.endswith((":", "：")):
        return False
    j = _next_text(lines, i)
    return j is None or not _PHONE_DIGITS.search(lines[j])


_PHONE_DIGITS = re.compile(r"\d{3,}")


def _is_notice_box(lines: list[str], i: int, names: set[str]) -> bool:
    """A copyright or fee notice (稿酬…, 版权所有, 未经…许可…转载) as the staff box prints it: next
    to other furniture, or standing alone as a short line with no sentence in it. A sentence of an
    article that mentions these words is text."""
    text = lines[i].strip()
    if not _NOTICE.search(text) or len(text) > _NOTICE_MAX:
        return False
    if len(text) <= _NOTICE_ALONE and not _SENTENCE_MARKS.search(text):
        return True
    near = [lines[j].strip() for j in range(max(0, i - 2), min(len(lines), i + 3)) if j != i]
    return any(line and not _in_running_text(line, "") and _line_kind(line, names) for line in near)


_SENTENCE_MARKS = re.compile("[，。；！？]")
_PAIRS = (("（", "）"), ("“", "”"), ("《", "》"))


_PROMPT = re.compile(r"^(?:扫码|扫描(?:上方|下方|右侧|左侧|右下|左下)?\s*二维码)[，,]")
_PROMPT_MAX = 24  # characters of a QR prompt standing alone


def _prompt_alone(text: str, prev: str) -> bool:
    """扫描二维码，阅读更多科技新闻 on its own line, under a finished paragraph (or a blank line):
    a QR prompt, though its comma reads like a sentence's."""
    return bool(_PROMPT.match(text)) and len(text) <= _PROMPT_MAX and not ends_sentence(text) \
        and (not prev or ends_sentence(prev))


def _in_running_text(text: str, prev: str) -> bool:
    """Is the line part of a paragraph: a sentence runs through it (Chinese sentence punctuation
    inside), or it carries on a sentence the line directly above broke off? Furniture stands
    alone, but a hard-wrapped body line can be short and hold the very words furniture is known
    by (…居民通过扫码进入小程序，就 / 该县开通了新闻热线，方便群众…): such a line is text."""
    return _has_sentence(text) or (_has_sentence(prev) and not ends_sentence(prev)) or _carries_on(prev)


def _carries_on(prev: str) -> bool:
    """Does the line above break off a sentence the next line goes on with: a body line of some
    length, no furniture itself, ending mid-sentence (…居民可以通过微信扫描 / 二维码：进入…)?"""
    return len(_HAN.findall(prev)) >= _WRAP_MIN and not ends_sentence(prev) \
        and not any(pattern.search(prev) for _, pattern in _KINDS) and not _STAFF.match(prev) \
        and not _BOOK_TITLE.fullmatch(prev)


def _bridges(prev: str, text: str, nxt: str, names: set[str]) -> bool:
    """Is the line a sentence's middle: the line directly above breaks the sentence off (…稿件请
    发送至), this one finishes none, and the line directly under it goes on with it (rb.com.cn，并
    注明…)? An e-mail address or a hotline inside an article's sentence is text, however short
    the line above it: furniture stands apart from the text around it."""
    return bool(prev and nxt) and not ends_sentence(text) and _broken_off(prev) \
        and _has_sentence(nxt) and _line_kind(nxt, names) is None and not PAGE_MARKER.match(nxt)


_BROKEN_MIN = 6  # Chinese characters of a line that breaks a sentence off (a label or a name is shorter)


def _broken_off(line: str) -> bool:
    """A text line ending mid-sentence: long enough to be running text, no furniture itself."""
    return len(_HAN.findall(line)) >= _BROKEN_MIN and not ends_sentence(line) \
        and not any(pattern.search(line) for _, pattern in _KINDS) and not _STAFF.match(line) \
        and not _BOOK_TITLE.fullmatch(line)


_SIGNER_MAX = 24  # characters of a signature line (an office's or a person's name)


def _signs_text(lines: list[str], i: int, dropped: dict[int, str]) -> bool:
    """Is a lone date the signing date of a notice or letter: printed with no weekday, under a
    short line with no sentence in it (the body or person signing), itself under text that
    finishes a sentence (特此公告。)? A page's date stands among its masthead and folio lines."""
    text = lines[i].strip()
    if "星期" in text:
        return False
    above = _prev_text(lines, i)
    signed = _prev_text(lines, above) if above is not None else None
    if above is None or signed is None or above in dropped or signed in dropped:
        return False
    signer, before = lines[above].strip(), lines[signed].strip()
    return len(signer) <= _SIGNER_MAX and not _has_sentence(signer) and not ends_sentence(signer) \
        and _line_kind(signer, set()) is None and ends_sentence(before) \
        and (_has_sentence(before) or len(_HAN.findall(before)) >= _BROKEN_MIN)


def _prev_text(lines: list[str], i: int) -> int | None:
    """Index of the previous non-blank line before line i."""
    return next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)


_HAN = re.compile(f"[{CJK}]")
_BOOK_TITLE = re.compile(f"《[{CJK}]+》")


@lru_cache(maxsize=1 << 12)
def _has_sentence(text: str) -> bool:
    """Sentence punctuation, or a bracket or quote opened or closed on another line (本报…讯（记).
    (Cached: each line is asked as itself and again as the line above the next.)"""
    return bool(_SENTENCE_MARKS.search(text)) or any(text.count(a) != text.count(b) for a, b in _PAIRS)


def _next_text(lines: list[str], i: int) -> int | None:
    """Index of the next non-blank line after line i."""
    return next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)


@dataclass(frozen=True)
class TocEntry:
    page: int
    text: str  # title, possibly followed by author names
    column: str | None


@dataclass(frozen=True)
class Toc:
    entries: tuple[TocEntry, ...] = ()
    lines: frozenset[int] = field(default_factory=frozenset)  # 0-based indexes

    def find(self, title: str) -> TocEntry | None:
        """The entry whose text starts with this title (spaces and punctuation ignored; in a title of
        six or more characters, one may differ)."""
        key = toc_key(title)
        if len(key) < 3:
            return None
        for entry in self.entries:
            if toc_key(entry.text).startswith(key):
                return entry
        if len(key) < _FUZZY_MIN:
            return None
        for entry in self.entries:  # one character read differently (踟跚 / 踟蹰): OCR of one of the two
            start = toc_key(entry.text)[: len(key)]
            if len(start) == len(key) and sum(a != b for a, b in zip(start, key)) == 1:
                return entry
        return None


def toc_key(text: str) -> str:
    """Letters and digits only: how titles are compared with the table of contents."""
    return _NOT_KEY.sub("", text)


_NOT_KEY = re.compile(f"[^{CJK}0-9A-Za-z]")


_ENTRY_LINE_MAX = 40  # characters of a line that continues a contents entry
_HIGHLIGHTS = re.compile("看点")  # 本期看点: a second listing of some articles, not a column
_HIGHLIGHTS_END = re.compile("以上看点|详见")


def _is_column_header(text: str) -> bool:
    return 2 <= len(text) <= 24 and bool(re.fullmatch(f"[{CJK}·“”]+", text))


_TOC_HEAD = re.compile(r"^\s*(?:本期)?目\s*录(?:\s+[A-Za-z]+)?\s*$")  # 目录 / 目 录 / 目录 CONTENTS: a line of its own


def read_toc(lines: list[str], gap: int = 40) -> Toc:
    """The table of contents after a 目录 line: page-numbered entries (with the lines that continue
    them) and the column each stands under. A column's name is a line of its own directly above
    an entry; entries listed again under 本期看点 keep no column (their pages place them)."""
    start = next((i for i, line in enumerate(lines) if _TOC_HEAD.match(line)), None)
    if start is None:
        return Toc()
    entries: list[TocEntry] = []
    last = start
    column = None
    highlights = False
    i = start + 1
    while i < len(lines) and i - last <= gap:
        text = lines[i].strip()
        if _is_running_text(text):
            break  # the contents end where sentences begin (3 月 1 6 日 出 版 的… is no entry for page 3)
        match = _TOC_ENTRY.match(text)
        entry_text = match and (match["text"] or match["text2"]).strip()
        if match and re.search(f"[{CJK}]", entry_text):
            page = int(match["page"] or match["page2"])
            entries.append(TocEntry(page, entry_text, None if highlights else column))
            last = i
        elif text and last == i - 1 and entries and _continues_entry(text) and not _heads_next_entry(lines, i):
            entries[-1] = TocEntry(entries[-1].page, f"{entries[-1].text} {text}", entries[-1].column)
            last = i
        elif _HIGHLIGHTS.search(text):
            highlights, column = not _HIGHLIGHTS_END.search(text), None
        elif _is_column_header(text) and not highlights and _TOC_ENTRY.match(_next_line(lines, i)):
            column = text
        i += 1
    return Toc(tuple(entries), frozenset(range(start, last + 1)))


_LABEL_MAX = 8  # characters of a column's name set right under an entry with no blank line


def _heads_next_entry(lines: list[str], i: int) -> bool:
    """Is a short name right under an entry and right over the next one (要闻要论, 工作交流) that
    entry's column, not more of the title above (title or author lines; a title goes on with a
    longer line)? Text with no blank lines sets them so."""
    text = lines[i].strip()
    return len(text) <= _LABEL_MAX and _is_column_header(text) and bool(_TOC_ENTRY.match(_next_line(lines, i)))


def _is_running_text(text: str) -> bool:
    """A line of body text: longer than a contents entry, with a sentence ending inside."""
    return len(text) > _ENTRY_LINE_MAX and bool(re.search("[。！？]", text))


def _continues_entry(text: str) -> bool:
    """A line under a contents entry that goes on with its title or names its authors: headline
    sized, no sentence in it. Text after the contents with no blank line between (no-blank
    exports) is not swallowed into the contents, which are dropped as furniture."""
    return len(text) <= _ENTRY_LINE_MAX and not re.search("[。！？；]", text)


def _next_line(lines: list[str], i: int) -> str:
    j = _next_text(lines, i)
    return lines[j].strip() if j is not None else ""
