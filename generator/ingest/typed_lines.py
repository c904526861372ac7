"""The small typed lines around articles, told by their text alone: page headers and folios,
editors, sources, photo credits, bylines, authors and continuations.

Every stage of tokenizing asks it of the lines around the one it judges (is the line under
this one a byline?), so it is one cached question of a stripped line, apart from the rules
that ask it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import metadata as md
from ..text.words import is_plain_word
from .clean import CJK
from .furniture import PAGE_MARKER


_PAGE_HEADER = re.compile(f"第\\s*0?(?P<page>\\d{{1,2}})\\s*版(?:\\s*[:：]?\\s*(?P<name>[{CJK}]{{2,6}})(?![{CJK}]))?")
_HEADER_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_HEADER_PART = re.compile(f"{_HEADER_DATE.pattern}|星期[一二三四五六日天]|责任编辑|责编|社出版")
_HEADER_MAX = 60  # characters of a running page header line


_FOLIO_NUMBER = re.compile(r"0?(?P<page>\d{1,2})")
_FOLIO_NAME = re.compile(f"[{CJK}]{{2,6}}")
_PAPER_NAME = re.compile("(?:日报|晚报|报|刊|社出版)$")


def _page_header(text: str) -> re.Match | dict | None:
    """2023年6月14日 星期三 第2版 时政 责任编辑：齐桂帆: a running header naming the page among
    the date and the page's editor (the page number, and its name when printed after it). A
    national daily's folio prints the number alone (要闻 2019年10月8日 星期二 3): then the date
    must be there, and the number and the page's name are words of their own among it."""
    if len(text) > _HEADER_MAX or not _HEADER_PART.search(text) or re.search("[，。；！？]", text):
        return None
    return _PAGE_HEADER.search(text) or _bare_folio(text)


_SECTION_FOLIO = re.compile(f"(?:(?P<page>\\d{{1,2}})[\\s\u3000]+(?P<name>[{CJK}·]{{2,8}})|(?P<name2>[{CJK}·]{{2,8}})[\\s\u3000]+(?P<page2>\\d{{1,2}}))")


def section_folio(text: str) -> dict | None:
    """政法·法院　5 / 20　大地: a folio printed on a line of its own under (or over) the date line, the
    page's name and its number set apart by a space and nothing else. A headline never ends or
    opens on a bare number set apart, and a body line is no short word and a number."""
    match = _SECTION_FOLIO.fullmatch(text)
    if not match or int(match["page"] or match["page2"]) < 1 or match["name"] and match["name"][0] in _UNITS:
        return None  # (0 日讯, 23 年质量: a date or a count the wrap broke apart, not a page)
    return {"page": match["page"] or match["page2"], "name": match["name"] or match["name2"]}


_UNITS = "年月日时分号期版届次个人名家所项元万亿千百余多"


def _bare_folio(text: str) -> dict | None:
    """The page number and name of a folio line without 第…版: beside a printed date and nothing
    else but the weekday and the paper's name, one number of one or two digits standing alone
    and at most one short word, the page's name."""
    if not _HEADER_DATE.search(text):
        return None
    words = [w for w in _HEADER_DATE.sub(" ", text).split() if not (w.startswith("星期") or _PAPER_NAME.search(w))]
    numbers = [m["page"] for m in map(_FOLIO_NUMBER.fullmatch, words) if m]
    names = [w for w in words if _FOLIO_NAME.fullmatch(w)]
    if len(numbers) != 1 or len(names) > 1 or len(numbers) + len(names) != len(words):
        return None
    return {"page": numbers[0], "name": names[0] if names else None}


def boxed_writer(text: str) -> md.Byline | None:
    """□ 陈　默: the writer's mark (□ or ■) before a name and nothing else is the writer's byline, as
    □ 本报记者　X is a reporter's (a commentary's writer, set under its headline). A word after the mark
    (■ 要闻, □ 综合) is a label, not a name."""
    if not text.startswith(("□", "■")):
        return None
    rest = text.lstrip("□■ \u3000")
    names = md.editor_names(rest) if len(rest.replace("\u3000", "").replace(" ", "")) <= 12 else None
    if not names and md.transliterated(rest.strip()):
        names = rest.strip()  # □布仁巴雅尔: a name written without its dot
    if not names or not all(md.looks_like_person(name) and not is_plain_word(name) or md.transliterated(name)
                            for name in names.split("、")):
        return None
    return md.Byline(authors=tuple(names.split("、")), source=None, role=text[0])  # (no word names the role: the mark)


@lru_cache(maxsize=1 << 16)
def line_type(stripped: str) -> tuple[str, object] | None:
    """(kind, parsed value) of a typed line. Cached by text: the title rules ask again about the
    same lines and blocks (is the line under this one a lead or a byline?), and the values are
    immutable."""
    page = PAGE_MARKER.match(stripped) or _page_header(stripped) or section_folio(stripped)
    if page:  # 第02版：要闻 — a page header of a multi-page issue
        return "page", (int(page["page"]), page["name"])
    if md.parse_editor(stripped) and md.EDITOR.fullmatch(stripped):
        return "editor", md.parse_editor(stripped)
    editors = md.parse_editor_line(stripped) or md.parse_staff_line(stripped)
    if editors:
        return "editor", editors
    source = md.parse_source(stripped)
    if source:
        return "source", source
    credit = md.parse_credit(stripped)
    if credit is not None:
        return "credit", credit
    byline = md.parse_byline(stripped) or boxed_writer(stripped)
    if byline:
        return "byline", byline
    closer = md.AUTHOR_CLOSER.match(stripped)
    if closer and not md.CONTINUED.search(stripped) and not md.is_supplied_note(stripped):
        return "author", md.split_names(closer["names"])
    cont = md.CONTINUED.fullmatch(stripped)
    if cont:
        return "cont", md.parse_continued(stripped)
    return None
