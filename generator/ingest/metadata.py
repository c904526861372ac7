"""What the printed text says about itself: issue facts, datelines, bylines, credits.

Each recogniser takes one cleaned line or paragraph and returns a small value
(or None); segmentation decides what to do with it. Patterns are the
conventions of the Chinese press, not of one paper: 本报X月X日讯, 新华社X电,
□X记者/姓名, 记者 姓名 摄, [责任编辑:姓名], （摘自《X》）, （下转2版）.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..issue_label import read_label
from ..text.words import is_common_word, is_plain_word
from .clean import CJK, remove_cjk_spaces, to_fullwidth

_NAME = f"[{CJK}][{CJK}·•]{{1,15}}"
# 8月7日，/ 日前，/ 连日来，: the time a lead or a photo's caption opens with
TIME_LEAD = re.compile(r"^(?:(?:\d{1,2}月)?\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚|晚上)?|近日|日前|连日来|昨天|今天|当天)[，,]?")
# 本报库尔勒8月10日讯 (the place is no role: 本报记者张三通讯员… is a byline, not a place before 讯);
# 新华社北京5月28日电, 据新华社北京5月28日电, 天山网讯 (an outlet's own dateline may give no place or date)
DATELINE = re.compile(
    f"^(?:本报|本刊)(?P<place>(?:(?!记者|通讯)[{CJK}]){{0,8}}?)(?:(?P<month>\\d{{1,2}})月(?P<day>\\d{{1,2}})日)?(?:电(?!子|视|话|报|台)|讯)"
    f"|^据?(?P<outlet>新华社|中新社|人民网|新华网|央视网|天山网|石榴云)(?P<place2>[{CJK}]{{2,8}}?)?"
    f"(?:(?P<month2>\\d{{1,2}})月(?P<day2>\\d{{1,2}})日)?(?:电(?!视|话|报|台)|讯)"
)
_ROLE = r"(?:本报|本刊)?(?:驻[\u4e00-\u9fff]{1,8}?)?(?:全媒体|融媒体|新媒体)?(?:特约|首席|实习|参与|见习|摄影)?(?:记者|通讯员|评论员|实习生)"
_DATELINE_BYLINE = re.compile(r"^[（(](?P<names>[^（）()]{2,60})[）)]")
# 责任编辑 / 本版责编 / 本版编辑 / 编辑: a page's or an article's editors; names may be set letter-spaced
# to one width (刘　伟　王　芳: 刘伟, 王芳), so the names are checked apart (`editor_names`)
_EDITOR_ROLE = r"(?:责任编辑\s*[:：]?|(?:本版)?(?:责编|编辑)\s*[:：])"
EDITOR = re.compile(f"[\\[【〔［(（]\\s*{_EDITOR_ROLE}\\s*(?P<name>[^\\]】〕］)）:：，。；！？]{{1,30}})[\\]】〕］)）]")
SOURCE = re.compile(r"^[（(]\s*(?:均|本文)?(?:摘自|据|来源[:：]|转自|原载)\s*(?P<outlet>[^（）()]{2,40})[）)]$")
CONTINUED = re.compile(r"[（(]\s*(?P<dir>下转|转|上接|接)\s*(?:第)?\s*(?P<page>[0-9一二三四五六七八九十]{1,3})\s*(?P<unit>版|页|面)\s*[）)]")
CREDIT = re.compile(r"(?:^|[\s□])(?P<credit>[^。！？\s□][^。！？□]{0,40}?)\s*[/／]?\s*(?P<verb>摄|供图|图)$")
AUTHOR_NOTE = re.compile(r"^[（(](?:作者单位|作者)(?:[:：]|为|系)")  # （作者单位：…）, （作者为中国人民大学教授）
_SUPPLIED_ENDS = ("供稿）", "供稿)")


def is_supplied_note(text: str) -> bool:
    """（xx供稿）: a note of who supplied the piece. A test of the text's end, not a regex search:
    it is asked of a growing paragraph after every wrapped line."""
    return text.endswith(_SUPPLIED_ENDS)
# （刘小兵）, （贾佳整理）: names only — a role inside (（本报记者 张三）) is a trailing credit (trailing_authors).
AUTHOR_CLOSER = re.compile(f"^[（(](?!\\s*{_ROLE}|\\s*作者)(?P<names>[{CJK}·•、 ]{{2,20}}?)(?P<edit>整理|辑)?[）)]$")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


@dataclass(frozen=True)
class Dateline:
    place: str | None
    outlet: str | None
    month: int | None
    day: int | None
    authors: tuple[str, ...]
    text: str  # the dateline as printed, cleaned


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    source: str | None
    role: str | None  # 评论员, 记者…


def _digits(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 2 and text[0] == "十":
        return 10 + _CN_DIGITS.get(text[1], 0)
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    return None


# Common Han surnames: the evidence for where two names run together once the space between them
# is lost (胡俊秀王宽 → 胡俊秀, 王宽). Only single-character surnames; the rare compound ones
# (欧阳…) are never split off.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
    "季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝"
)
_FUSED_PARTS = re.compile(f"[{CJK}]{{4,9}}")


def looks_like_person(name: str) -> bool:
    """A Han name led by a common surname, or a transliterated one with its dot (麦尔丹·亚森)."""
    return "·" in name or "•" in name or (bool(name) and name[0] in _SURNAMES)


def transliterated(name: str) -> bool:
    """A Uyghur, Kazakh or Mongolian name written without its dot (布仁巴雅尔, 阿依古丽): a run of three
    to eight characters that holds no common two-character word (a phrase, 基层一线, holds words).
    Evidence only where a mark or role already says a name stands there."""
    return bool(_TRANSLITERATED.fullmatch(name)) and not any(is_common_word(name[i:i + 2]) for i in range(len(name) - 1))


_TRANSLITERATED = re.compile(f"[{CJK}]{{3,8}}")


def split_fused(token: str) -> tuple[str, ...]:
    """胡俊秀王宽 → 胡俊秀, 王宽: names of 2–3 characters run together, split only where exactly one
    cut gives parts that each start with a common surname; anything else (麦尔丹亚森, 陈李秀英) is kept."""
    if not _FUSED_PARTS.fullmatch(token):
        return (token,)
    cuts = [parts for parts in _name_cuts(token) if all(part[0] in _SURNAMES for part in parts)]
    return cuts[0] if len(cuts) == 1 and len(cuts[0]) > 1 else (token,)


def _name_cuts(token: str) -> list[tuple[str, ...]]:
    """Every way to cut `token` into parts of two or three characters."""
    if not token:
        return [()]
    return [(token[:n],) + rest for n in (2, 3) if len(token) >= n for rest in _name_cuts(token[n:])]


_GROUP_AUTHOR = re.compile("(课题组|调研组|编辑部|评论员|本刊记者)$")
_PERSON_NAME = re.compile(f"[{CJK}]{{2,3}}|[{CJK}]{{2,8}}[·•][{CJK}]{{2,8}}")
_NAME_BREAKS = re.compile(r"[\s、,，/／]+")


def is_author_line(text: str) -> bool:
    """A magazine author line under a headline: 严 博 丁义杰 徐玲玲, 辛组研, X课题组."""
    text = text.strip()
    if _GROUP_AUTHOR.search(text) and len(text) <= 24:
        return True
    names = split_names(text)
    return 1 <= len(names) <= 4 and all(_PERSON_NAME.fullmatch(n) for n in names)


def split_names(text: str) -> tuple[str, ...]:
    """严 博 丁义杰 徐玲玲 → 严博, 丁义杰, 徐玲玲 (single characters are halves of a spaced name)."""
    tokens = [t for t in _NAME_BREAKS.split(text.strip()) if t]
    names: list[str] = []
    pending = ""
    for token in tokens:
        if len(token) == 1:
            pending += token
            if len(pending) >= 2:
                names.append(pending)
                pending = ""
            continue
        if pending:
            names.append(pending + token if len(token) == 1 else pending)
            pending = ""
        names.append(token)
    if pending:
        names.append(pending)
    return tuple(names)


_TRAILING_CREDIT = re.compile(f"[（(](?P<names>{_ROLE}[^（）()]{{2,120}})[）)]$")
# …。（刘小兵）, …。（王　蕾）: a two-character name is spaced out to three characters' width on a
# national daily's page, and the space stays in its PDF text
_TRAILING_NAME = re.compile(f"(?<=[。！？”])[（(](?P<name>[{CJK}]{{2,4}}|[{CJK}][\u3000 ][{CJK}]|[{CJK}]{{2,8}}·[{CJK}]{{2,8}})[）)]$")


# （作者：何畅，系山东师范大学文学院副教授）: the writer, then what they are (系/为…)
_NOTED_WRITER = re.compile(f"[（(]作者\\s*[:：]\\s*(?P<names>[{CJK}·\u3000 、]{{2,20}}?)\\s*[，,]\\s*(?:系|为|是)[^（）()]*[）)]$")


def trailing_authors(paragraph: str) -> tuple[str, ...]:
    """Reporters credited at an article's end: …（记者张云梅，参与记者张艳芳，通讯员程勇） or …。（刘小兵）,
    or the writer a commentary's closing note names: （作者：何畅，系…副教授）."""
    text = paragraph.strip()
    if text.endswith(("摄）", "摄)")):
        return ()  # （本报记者 朱磊摄）: a photo's credit, not the story's reporters
    match = _NOTED_WRITER.search(text)
    if match:
        return split_names(match["names"])
    match = _TRAILING_CREDIT.search(text)
    if match:
        return names_after_roles(match["names"])
    match = _TRAILING_NAME.search(text)
    if match:
        return (re.sub("[\u3000 ]", "", match["name"]),)
    supplier = supplier_author(text)
    return (supplier,) if supplier else ()


def names_after_roles(text: str) -> tuple[str, ...]:
    """记者 赵富强 特约记者 刘宇博 → 赵富强, 刘宇博; 记者胡俊秀王宽 (spaces lost) → 胡俊秀, 王宽; 石榴云/新疆日报记者
    张三 → 张三 (the outlet before the first role is no name)."""
    parts = re.split(_ROLE, text)
    if len(parts) > 1 and _OUTLET_END.search(parts[0].strip(" /／")):
        parts = parts[1:]
    names: list[str] = []
    for part in parts:
        for name in split_names(part):
            names.extend(n for n in split_fused(name) if len(n) >= 2)
    return tuple(dict.fromkeys(names))


_SUPPLIER = re.compile(
    f"[（(](?P<org>[^（）()]{{2,40}}?(?:部|委|局|处|厅|办|室|中心|站|所|院|会|队|社|公司|集团))\\s*"
    f"(?P<name>[{CJK}]{{2,3}}|[{CJK}]{{2,8}}·[{CJK}]{{2,8}})供稿[）)]$")


def supplier_author(paragraph: str) -> str | None:
    """（新疆精河县委组织部 姜廷廷供稿） → 姜廷廷: a person named after the supplying office (with the
    space lost, the name must start with a surname); （自治区交通运输厅基层党建处供稿） names none."""
    match = _SUPPLIER.search(paragraph.strip())
    if not match or match["name"][-1] in "部委局处厅办室站所院会队社组":
        return None
    return match["name"] if looks_like_person(match["name"]) else None


REPORTED = re.compile(f"^\\s*(?P<names>{_ROLE}[^，。：:（）()]{{2,60}}?)\\s*报道\\s*[:：]")


def reported_by(paragraph: str) -> tuple[str, ...]:
    """记者刘颖红报道：… / 本报记者 张三 通讯员 李四 报道：… → the reporters a lead names with no
    dateline before it (some papers print 本报讯 on a line of its own, or not at all)."""
    match = REPORTED.match(to_fullwidth(paragraph))
    return names_after_roles(match["names"]) if match else ()


def _spaced_end(spaced: str, end: int) -> int:
    """The index in `spaced` just after its first `end` non-space characters."""
    seen = 0
    for index, char in enumerate(spaced):
        if seen == end:
            return index
        seen += not char.isspace()
    return len(spaced)


# 本报北京4月14日电　记者郑薇 alone on its line: roles and names fill the rest of the dateline's line
_LINE_BYLINE = re.compile(f"(?P<names>{_ROLE}\\s*[{CJK}·•、\\s]{{2,30}}?(?:\\s*{_ROLE}\\s*[{CJK}·•、\\s]{{2,30}}?)*)")


def _line_byline(rest: str) -> tuple[str, ...]:
    """The reporters that fill the rest of a dateline's line, each name a person's (记者从国家铁路…
    is the lead's sentence, 从国家铁路 no name)."""
    match = _LINE_BYLINE.fullmatch(rest)
    names = names_after_roles(match.group("names")) if match else ()
    return names if names and all(looks_like_person(name) for name in names) else ()


def parse_dateline(paragraph: str, first_line: str = "") -> Dateline | None:
    """本报库尔勒8月10日讯（记者 陈彦强） → place 库尔勒, authors 陈彦强; 新华社北京5月28日电 → outlet.
    `first_line`, the paragraph's first printed line: a dateline whose reporters fill the rest of
    it with no bracket (本报北京4月14日电　记者郑薇), the text starting on the next line, names them
    there (in the joined paragraph the name runs on into the text: 记者郑薇全国总工会…)."""
    text = remove_cjk_spaces(to_fullwidth(paragraph))
    match = DATELINE.match(text)
    if not match:
        return None
    place = match.group("place") or match.group("place2") or None
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    authors: tuple[str, ...] = ()
    spaced = to_fullwidth(paragraph).strip()
    start = spaced.find("（")
    rest = spaced[start:] if 0 <= start <= len(spaced) - len(text) + match.end() + 4 else ""
    paren = _DATELINE_BYLINE.match(rest)
    if paren and _ROLE_RE.search(paren.group("names")):
        authors = names_after_roles(paren.group("names"))
    elif reported := REPORTED.match(spaced[_spaced_end(spaced, match.end()):]):
        authors = names_after_roles(reported.group("names"))
    elif first_line:
        authors = _line_byline(remove_cjk_spaces(to_fullwidth(first_line))[match.end():].strip())
    return Dateline(place=place, outlet=match.group("outlet"), month=int(month) if month else None,
                    day=int(day) if day else None, authors=authors, text=match.group(0))


_PERSON = f"(?:[{CJK}]{{2,4}}|[{CJK}]{{2,8}}[·•][{CJK}]{{2,8}})"
_PERSON_RE = re.compile(_PERSON)
# 文/图 李明, 文·李明, 文/叶　青　图/吴　健 (names may be letter-spaced: split_names joins them)
_WRITER_ROLE = re.compile("作者|主讲人|讲述人|口述|")  # the word a writer is named by (文/X: 文)
_WRITTEN_BY = re.compile(
    f"(?:(?:文/图|文／图|图/文|图／文)\\s*[/／:：·]?\\s*|(?:文|文字|作者|主讲人|讲述人|口述)\\s*[/／:：·]\\s*|(?:文|作者)\\s+)"
    f"(?P<names>[{CJK}][{CJK}·•\\s]{{1,30}}?)"
    f"(?:(?:\\s+(?:图|摄影|摄)\\s*[/／:：]?|\\s*(?:图|摄影|摄)\\s*[/／:：])\\s*[{CJK}][{CJK}·•\\s]{{1,20}})?"
    f"(?:\\s+作者单位\\s*[:：][^，。；！？]{{2,30}})?")  # 作者：李红霞　作者单位：哈密市某乡党委


_OUTLET_END = re.compile("(?:社|报|台|网|刊|云)$")
# compiled once: parse_byline and parse_credit are asked about every short line of an issue
_SENTENCE_MARK = re.compile("[。！？，,]")
_ROLED = re.compile(f"^(?P<outlet>[{CJK}/／·]*?)(?P<role>{_ROLE})\\s*[/／]?\\s*(?P<names>.*)$")
_NAMES_ONLY = re.compile(f"[{CJK}A-Za-z·•、/／\\s]*")
_OWN_PAPER = re.compile("^(本报|本刊)")
_CREDIT_END = re.compile(r"\s*[/／]?\s*(摄|供图)$")
_OUTLET_START = re.compile(r"^(新华社|本报|本刊)")
_ROLE_RE = re.compile(_ROLE)
_WORK_TAIL = re.compile(r"(?:\s+|\s*[/／]\s*)(?:文\s*[/／]\s*图|图\s*[/／]\s*文)$")  # 本报记者 张三 文/图: what they made


def parse_byline(line: str) -> Byline | None:
    """□工人日报记者/徐新星 吴泽思, □新疆日报评论员, 本报通讯员 杨菊萍."""
    text = line.strip()
    boxed = text.startswith(("□", "■"))
    text = text.lstrip("□■ ").strip()
    if not text or len(text) > 40 or _SENTENCE_MARK.search(text):
        return None
    written = _WRITTEN_BY.fullmatch(text)
    writers = split_names(written["names"]) if written else ()
    if writers and all(_PERSON_RE.fullmatch(name) for name in writers):
        # 文/图 李明, 文/李明 图/王强: the writer is the author, the picture's name a photographer; the
        # role is the word the line calls the writer by (作者：… is how opinion pages sign outside writers)
        return Byline(authors=writers, source=None, role=_WRITER_ROLE.match(text)[0] or "文")
    match = _ROLED.match(text)
    if not match or not (boxed or not match.group("outlet") or _OUTLET_END.search(match.group("outlet"))):
        return None  # an unboxed outlet must read as one (新华社, 工人日报): 记者 alone could start a sentence
    if not _NAMES_ONLY.fullmatch(match.group("names")):
        return None  # 记者 李明）巴州被命名为: a wrapped sentence that starts with a role, not a byline
    outlet = match.group("outlet").strip("/／ ") or None
    if outlet in ("本报", "本刊"):
        outlet = None
    names = _WORK_TAIL.sub("", match.group("names"))
    authors = names_after_roles(names) if names else ()
    own_voice = not authors and match.group("role").endswith("评论员")  # 本报评论员, 新华社评论员: a paper's voice
    if not (boxed or own_voice) and not authors or not all(_PERSON_RE.fullmatch(name) for name in authors):
        return None  # 记者从巴州了解到: a wrapped sentence line, not a name
    if match.end("role") == match.start("names") and len(authors) == 1 and is_plain_word(authors[0]):
        return None  # 记者手记, 评论员观察: a column's name, not a reporter's
    role = _OWN_PAPER.sub("", match.group("role"))
    return Byline(authors=authors, source=outlet, role=role)


# 新华社发, （新华社发）, 资料图片, 图片来源：视觉中国: a photo credited to an agency or an archive, no one named
_UNNAMED_CREDIT = re.compile(r"^[（(]?(?:(?:新华社|中新社|中新网|人民网|新华网)发|资料图片|资料照片)[）)]?$|^图片来源\s*[:：]")
_ALL_PHOTOS = re.compile(r"^(?:本版|本组|以上)?(?:图片|照片)?均为")  # 本版图片均为本报记者 李亚楠摄


_IN_BRACKETS = re.compile(r"^[（(]\s*(?P<inner>[^（）()]+?)\s*[）)]$")


# 李　健摄（影像华夏）, 新华社发（王　鹏摄）: a national daily's credit naming the picture agency that
# supplied the photo after the photographer, or the agency first and the photographer in brackets
_AGENCY_AFTER = re.compile(f"(?<=摄)\\s*[（(]\\s*[{CJK}]{{2,8}}\\s*[）)]$")
_AGENCY_FIRST = re.compile(r"^[（(]?\s*(?:新华社|中新社|人民视觉|视觉中国)发\s*[（(\s]\s*(?P<inner>[^（）()]+?摄)\s*[）)]$")


# （本版图片均由三明市林业局提供）: the page's pictures credited at once to whoever supplied them
_PHOTOS_SUPPLIED = re.compile(r"^(?:本版|本组|以上|文中)(?:图片|照片)均由.{2,24}提供$")


def _without_agency(text: str) -> str:
    """A credit with its picture agency dropped (李　健摄（影像华夏） → 李　健摄; 新华社发（王　鹏摄）
    → 王　鹏摄): the agency is no photographer, and a national daily prints it in brackets
    before or after the name that took the picture."""
    first = _AGENCY_FIRST.match(text)
    if first:
        return first["inner"]
    return _AGENCY_AFTER.sub("", text)


def parse_credit(line: str) -> tuple[str, ...] | None:
    """Photographers from a credit line (本报记者 袁海军 摄, □徐贤昊/摄, （本报记者　徐　阳摄）,
    李　健摄（影像华夏）); None if not a credit."""
    text = _without_agency(line.strip())
    bracketed = _IN_BRACKETS.match(text)
    if bracketed and bracketed["inner"].endswith(("摄", "供图")):
        text = bracketed["inner"]
    if bracketed and _PHOTOS_SUPPLIED.match(bracketed["inner"]):
        return ()
    if len(text) <= 48 and _UNNAMED_CREDIT.match(text):
        return ()
    if len(text) > 48 or not text.endswith(("摄", "供图")):  # stripped: no newline before the end
        return None
    body = _ALL_PHOTOS.sub("", _CREDIT_END.sub("", text).lstrip("□■ "))
    if _SENTENCE_MARK.search(body):
        return None
    if text.endswith("供图"):
        return ()
    body = _OUTLET_START.sub("", body)
    names = names_after_roles(body) if _ROLE_RE.search(body) else split_names(body)
    return tuple(n for n in names if 2 <= len(n) <= 16 and n not in ("资料图",))


_CREDIT_OUTLET = re.compile(r"^[（(]?\s*(?P<outlet>新华社|中新社)(?:记者|发|特约记者|通讯员)")


def credit_outlet(line: str) -> str | None:
    """新华社记者　贝　赫摄 / 新华社发（王　鹏摄） → 新华社: the agency whose photo a credit line
    names, the source of a photo printed alone (a national daily runs agency photos credited so)."""
    credit = re.split("[。！？”]", line.strip())[-1]  # (a caption printed with its credit: the credit's part)
    match = _CREDIT_OUTLET.match(credit.strip())
    return match["outlet"] if match else None


_SENTENCE_CREDIT = re.compile(f"(?<=[。！？”])\\s*(?:本报|新华社)?记者\\s*((?:[{CJK}·]{{2,10}}\\s*){{1,3}}?)\\s*摄$")


# …工人在检测产品质量。（本报记者　朱磊摄）: a national daily's caption closes with its credit in brackets
_BRACKETED_CREDIT = re.compile(f"(?<=[。！？”])\\s*[（(]\\s*(?:本报|新华社)?(?:{_ROLE})?\\s*((?:[{CJK}·]{{1,10}}\\s*){{1,4}}?)\\s*[/／]?\\s*摄\\s*[）)]$")
_BOXED_CREDIT = re.compile(r"[□■]\s*([^□■。]{1,20}?)\s*[/／]?\s*摄$")


_TRAILING_AGENCY = re.compile(f"(?<=[。！？”])\\s*(?:(?:新华社|中新社)发\\s*[（(][^（）()。]{{1,16}}摄|[^（）()。]{{1,16}}摄\\s*[（(][{CJK}]{{2,8}})\\s*[）)]$")


def split_trailing_credit(paragraph: str) -> tuple[str, tuple[str, ...]] | None:
    """满载货物的中欧班列驶出。 □张健霆/摄 → (caption, photographers); so is …就业。本报记者 张三摄."""
    end = paragraph.rstrip("\n")
    agency = _TRAILING_AGENCY.search(end)
    if agency and agency.start():  # …插秧。卢　亮摄（影像华夏） / …参观。新华社发（王　鹏摄）
        names = parse_credit(end[agency.start():])
        if names is not None:
            return end[: agency.start()].rstrip(), names
    if end.endswith(("摄）", "摄)")):
        match = _BRACKETED_CREDIT.search(end)
    elif not end.endswith("摄"):
        return None  # (asked of every line and block: every form ends with 摄 or 摄）, so most stop here)
    else:
        match = _BOXED_CREDIT.search(paragraph) or _SENTENCE_CREDIT.search(paragraph)
    if not match or match.start() == 0:
        return None
    return paragraph[: match.start()].rstrip(), split_names(match.group(1))


def parse_editor(text: str) -> str | None:
    """[责任编辑:杨佩佩] / （本版责编：刘　伟　王　芳） → 杨佩佩 / 刘伟、王芳: the editors a bracketed
    editor line names, as a page credits them."""
    match = EDITOR.search(text)
    return editor_names(match.group("name")) if match else None


# 本版责编：张三 李四 / 责任编辑：王建新 / 本版编辑：李晓燕 版式设计：沈亦伶: a page's editors on a line of
# their own, unbracketed, with the page's other staff credited after them
_STAFF_ROLE = r"(?:版式设计|版式|美术编辑|美编|图片编辑|视觉设计|设计|校对|制图|排版)"
EDITOR_LINE = re.compile(f"^(?:本版)?(?:责任编辑|责编|编辑)\\s*[:：]\\s*(?P<names>[{CJK}·•、\\s]{{2,40}}?)"
                         f"(?:\\s+{_STAFF_ROLE}\\s*[:：]\\s*[{CJK}·•、\\s]{{2,40}}?)*$")


def parse_editor_line(text: str) -> str | None:
    """本版责编：张三 李四 王五 → 张三、李四、王五 (the names as a page credits them)."""
    match = EDITOR_LINE.match(text.strip())
    return editor_names(match["names"]) if match else None


_STAFF_MARK = r"\s*[:：／/]\s*|\s+"  # 编辑：X, 编辑／X, or 编辑　X (a space set for the colon)
_STAFF_NAMES = f"[{CJK}·•、\\s]{{2,20}}?"
_STAFF_LINE = re.compile(f"(?:本版)?(?:责任编辑|责编|编辑)(?:{_STAFF_MARK})(?P<names>{_STAFF_NAMES})"
                         f"(?:\\s+(?:责任)?{_STAFF_ROLE}(?:{_STAFF_MARK}){_STAFF_NAMES})+")
_EDITOR_SPACED = re.compile(f"(?:本版编辑|本版责编|责任编辑)\\s+(?P<names>{_STAFF_NAMES})")


def parse_staff_line(text: str) -> str | None:
    """本版编辑　钱　蔚　美编　高　妍 / 编辑／杨　帆　美编／宋　雅　校对／李　苗 / 本版编辑：章　蕊　责任校对：周
    岚 → the editors' names: a page's staff credited role by role (the editor, then the art editor,
    proof-reader…), each role's name set after a colon, a slash or a space. Two roles and their
    names on one line are nothing but the page's credits, wherever the line stands (top or foot);
    so is the page's editor alone, named by the full role and a space (本版编辑　孟　环　张　虎; a bare
    编辑 and a space could open a sentence)."""
    match = _STAFF_LINE.fullmatch(text) or _EDITOR_SPACED.fullmatch(text)
    return editor_names(match["names"]) if match else None


def editor_names(text: str) -> str | None:
    """The editors' names joined by 、, or None if the text is no list of names: 吴 刚 朱思雄 →
    吴刚、朱思雄 (a two-character name letter-spaced to three's width); 杨 佩佩 → 杨佩佩 (a name
    the extraction broke)."""
    names = split_names(text)
    if names and all(_PERSON_RE.fullmatch(name) for name in names):
        return "、".join(names)
    whole = re.sub(r"\s+", "", text)
    return whole if _PERSON_RE.fullmatch(whole) else None


def parse_source(text: str) -> str | None:
    """（摘自《光明日报》） → 光明日报; （据新华社） → 新华社."""
    match = SOURCE.match(text.strip())
    if not match:
        return None
    outlet = match.group("outlet").strip()
    quoted = re.findall(r"《([^》]+)》", outlet)
    return quoted[0] if len(quoted) == 1 and outlet.startswith("《") else outlet.strip("《》")


_TRAILING_SOURCE = re.compile(r"(?<=[。！？”])\s*(?P<line>[（(]\s*(?:均|本文)?(?:摘自|转自|原载)[^（）()]{2,40}[）)])$")


def trailing_source(paragraph: str) -> str | None:
    """…共同奋斗。（摘自《鄂尔多斯日报》） → 鄂尔多斯日报: a source line the layout ran into the last paragraph."""
    match = _TRAILING_SOURCE.search(paragraph.strip())
    return parse_source(match["line"]) if match else None


def parse_continued(text: str) -> tuple[str, str] | None:
    """(direction, target) from 下转2版 / （下转第二版） / (上接第4页): ('下转', '2版')."""
    match = CONTINUED.search(text)
    if not match:
        return None
    page = _digits(match.group("page"))
    unit = "版" if match.group("unit") in ("版", "面") else "页"
    return match.group("dir"), f"{page}{unit}" if page is not None else match.group("page") + unit


# --- issue facts printed on a masthead or a magazine's imprint ---------------

_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_NUMBER = re.compile(r"总\s*第\s*(\d{1,6})\s*期")
_PAGES = re.compile(r"(?:今日|本期|共)\s*(\d{1,3})\s*(?:版|页)")
_MONTHLY_DAY = re.compile(r"出版日期\s*[:：]?\s*每月\s*(\d{1,2})\s*日")
_MASTHEAD_NAME = re.compile(f"^(?P<name>[{CJK}]{{2,10}}(?:日报|晚报|报|之友|杂志|周刊|月刊))$")


@dataclass(frozen=True)
class IssueFacts:
    """What the text states about its issue, each with the line it was read from."""

    date: tuple[dt.date, int] | None = None
    number: tuple[int, int] | None = None
    pages: tuple[int, int] | None = None
    label: tuple[str, int] | None = None
    monthly_day: tuple[int, int] | None = None
    name: tuple[str, int] | None = None


_SPACED_DIGITS = re.compile(r"\d[ \t]+\d")
_DIGIT_SPACES = re.compile(r"(?<=\d)[ \t]+(?=\d)")


def _unspaced(text: str) -> str:
    """A letter-spaced masthead line read as set solid: 2 0 2 3 年 5 月 → 2023年5月."""
    return remove_cjk_spaces(_DIGIT_SPACES.sub("", text)) if _SPACED_DIGITS.search(text) else text


_RUNNING = re.compile("[，,。；、]")  # a line of running text (2024年12月30日，位于…), no masthead's date


def read_issue_facts(lines: list[str], head: int = 60) -> IssueFacts:
    """Masthead facts from the first `head` lines (imprint facts from anywhere)."""
    found: dict = {}
    for number, line in enumerate(lines, 1):
        text = _unspaced(line.strip())
        if not text:
            continue
        near_top = number <= head
        if near_top and "date" not in found and len(text) <= 24 and not _RUNNING.search(text):
            match = _DATE.search(text)
            if match:
                try:
                    found["date"] = (dt.date(int(match["y"]), int(match["m"]), int(match["d"])), number)
                except ValueError:
                    pass
        for key, rx in (("number", _NUMBER), ("pages", _PAGES), ("monthly_day", _MONTHLY_DAY)):
            match = rx.search(text) if key not in found and len(text) <= 30 else None
            if match and (near_top or key == "monthly_day"):
                found[key] = (int(match.group(1)), number)
        if near_top and "label" not in found:
            label = read_label(text)
            if label and 1 <= label.number <= 53:
                found["label"] = (str(label), number)
        if near_top and "name" not in found:
            match = _MASTHEAD_NAME.match(text)
            if match:
                found["name"] = (match["name"], number)
    return IssueFacts(**found)
