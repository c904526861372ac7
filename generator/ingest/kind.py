"""What kind of piece an article is, from the cues an editor reads it by.

Each cue is a small named score for one kind (`CUES`); the kind with the highest
total wins and news is the default, so a reader can follow why a piece got its
kind (`kind_scores`). Photos (a caption with a credit and no story) and the
paper's own editorials (社论, 本报评论员: commentary whatever else they look like) are told apart
before the scores.

Cues, by kind:
  commentary  a 评论员 byline, a ——论… deck, a column or title tag (评论, 短评,
              时评, 今日谈, 卷首语, 随笔…), a title opening with 论/评, or
              argument: many normative words (必须, 要, 只有…才) in an
              undated piece that does not open with an actor doing something,
              or a closing （作者为…） note;
  interview   专访, 访谈, 答记者问, 问答, 对话 in the headline or column, a ——访… deck, or
              questions and answers (问：/答：, 记者：) as paragraphs;
  profile     a named person heading the title (凌格：…), …的故事, 人物/记… (or a ——记… deck),
              a body that opens in the first person (我是…, as told to), or
              a lead whose subject is a titled, named person (…党支部书记梁文科，);
  feature     通讯 in the headline group or column; a deck naming its genre (——…观察,
              ——…见闻, ——…调查); an undated piece that is
              long or divided by crossheads;
  brief       简讯/快讯; a short piece without a dateline, byline or crossheads, or
              a datelined one under ~300 characters;
  notice      公告, 通知, 启事, 公示, 通告 ending the title;
  news        a dateline (本报讯, …电); a title that reports an event
              (召开, 举行, 强调…); a round-up of reactions (…表示——, 反响,
              综述); a wire source; a date in the lead.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import pgettext

from .clean import CJK
from .metadata import looks_like_person
from .titles import BRIEF_WORDS, NOTICE_TITLE
from .segment import PHOTO_MAX, Draft  # one caption-length limit for a photo item, the segmenter's

KINDS = ("news", "commentary", "feature", "interview", "profile", "brief", "photo", "notice", "other")


def kind_said(kind: str) -> str:
    """The kind as the CLI shows it (新闻, 图片… in Chinese); front matter keeps the English value."""
    names = {  # (only the one asked for is translated: the outline asks for every article)
        "news": lambda: pgettext("kind", "news"), "commentary": lambda: pgettext("kind", "commentary"),
        "feature": lambda: pgettext("kind", "feature"), "interview": lambda: pgettext("kind", "interview"),
        "profile": lambda: pgettext("kind", "profile"), "brief": lambda: pgettext("kind", "brief"),
        "photo": lambda: pgettext("kind", "photo"), "notice": lambda: pgettext("kind", "notice"),
        "other": lambda: pgettext("kind", "other"),
    }
    return names[kind]() if kind in names else kind

BRIEF_MAX = 600  # characters of an undated piece without crossheads read as a short item
DATED_BRIEF_MAX = 300  # characters of a datelined report read as a brief
FEATURE_MIN = 800  # characters of an undated piece read as a feature
ARGUMENT_DENSITY = 11  # normative words per 1000 characters that mark an argued piece

_COMMENTARY_TAGS = re.compile("评论|短评|时评|今日谈|卷首语|随笔|言论|社评|杂谈|漫谈|理论|观点|声音|感言|论坛|新论|札记|观察")
_INTERVIEW_WORDS = re.compile("专访|访谈|答记者问|问答|对话")
_PROFILE_WORDS = re.compile("的故事|人物|^(?:——)?记[^者录]")  # 记…, or a deck ——记贵州省…教师罗秀英
_FEATURE_WORDS = re.compile("通讯|特写|纪实|侧记")
_EVENT_VERBS = re.compile("召开|举行|举办|强调|指出|发表|出版|开幕|闭幕|开班|开赛|开工|考察|会见|座谈会|会议|签约|发布")
_ROUNDUP = re.compile("表示——$|反响|热议|综述")  # …各地各部门表示——: a round-up of reactions is news
_NORMATIVE = re.compile("必须|要|应当|应该|需要|只有|才能|才会|务必|我们|唯有|坚持|不断")
_ACTOR_LEAD = re.compile(f"^(?:近年来，|近日，|今年以来，)?[{CJK}（）()]{{0,30}}?(?:县|市|州|区|地区|厅|局|委|部|村|镇|乡|公司|学校|小学|中学|医院|开发区|党支部|党委|工作队|组)")
_WIRE = ("新华社", "中新社", "人民日报", "人民网", "新华网", "央视网")
_LEAD_DATE = re.compile(r"^[^。，]{0,20}?\d{1,2}月\d{1,2}日")
_QA = re.compile(r"^(?:问|答|记者|[Qq]|[Aa])\s*[:：]")
_TITLED_PERSON = re.compile(
    f"^[^，。]{{0,40}}?(?:书记|主任|站长|局长|所长|负责人|党员|教师|医生|民警|队长|村民|校长|院长|社长|经理|代表|模范|传承人|主席|志愿者|老人|技术员|护士|农民|牧民)"
    f"(?P<name>[{CJK}]{{2,8}}·[{CJK}]{{2,8}}|[{CJK}]{{2,3}})(?P<pause>[，,])?")
_NAMED_TITLE = re.compile(f"^(?P<name>[{CJK}]{{2,8}}·[{CJK}]{{2,8}}|[{CJK}]{{2,3}})[：:]")


@dataclass(frozen=True)
class Piece:
    """What the cues read: the headline group and the text, as the draft holds them."""

    title: str
    subtitle: str
    column: str
    body: str  # paragraphs only, joined
    paragraphs: tuple[str, ...]
    crossheads: int
    dated: bool
    role: str | None
    source: str | None
    page_named: bool = False  # its column is only its page's name (要闻·速递), no label over it

    @classmethod
    def of(cls, draft: Draft, title: str) -> Piece:
        paragraphs = tuple(text for kind, text in draft.blocks if kind in ("para", "note"))
        return cls(title=title, subtitle=draft.subtitle or "", column=draft.column or "",
                   body="".join(paragraphs), paragraphs=paragraphs,
                   crossheads=sum(kind == "sub" for kind, _ in draft.blocks), dated=draft.dateline is not None,
                   role=draft.role, source=draft.source,
                   page_named=draft.column is not None and draft.column == draft.page_name)

    @property
    def heads(self) -> str:
        return " ".join((self.title, self.subtitle, self.column))

    @property
    def lead_sentence(self) -> str:
        first = self.paragraphs[0] if self.paragraphs else ""
        return re.split("[。！？]", first, maxsplit=1)[0]


def _commentary(p: Piece) -> int:
    if p.role == "评论员" or p.subtitle.startswith("——论"):
        return 5
    if _COMMENTARY_TAGS.search(p.column) or re.search("[（(](?:今日谈|短评|时评|评论)[）)]$", p.title) \
            or re.match("^(?:论|评)[^文坛]", p.title):
        return 4
    return 4 if _is_argued(p) or _signed_by_an_expert(p) else 0


# （作者为中国人民大学教授）, （作者：何畅，系…副教授）: not （作者单位：…）, which any piece may carry
_EXPERT_NOTE = re.compile(r"^[（(]作者\s*(?:为|系|[:：][^，,（）()]{1,20}[，,]\s*(?:系|为))")


def _signed_by_an_expert(p: Piece) -> bool:
    """A closing （作者为…） note, or a byline that calls its writer 作者：… where a report names its
    记者: an outside writer's signed analysis, the way papers print theory and opinion pieces (a
    report is signed by the paper's reporters)."""
    return p.role == "作者" or bool(p.paragraphs) and bool(_EXPERT_NOTE.match(p.paragraphs[-1].strip()))


def _is_argued(p: Piece) -> bool:
    """Many normative words and no actor opening the lead: an argument, not a report of work done."""
    if p.dated or len(p.body) < BRIEF_MAX:
        return False
    density = 1000 * len(_NORMATIVE.findall(p.body)) / len(p.body)
    return density >= ARGUMENT_DENSITY and not _ACTOR_LEAD.match(p.lead_sentence)


def _interview(p: Piece) -> int:
    if _INTERVIEW_WORDS.search(p.heads) or p.subtitle.lstrip("—").startswith(("访", "专访")):  # (——访…, or a kicker 访…院长X)
        return 5
    turns = sum(bool(_QA.match(text)) for text in p.paragraphs)
    return 4 if turns >= 3 else 0


def _profile(p: Piece) -> int:
    named = _NAMED_TITLE.match(p.title)
    if named and looks_like_person(named["name"]):
        return 4
    if _PROFILE_WORDS.search(p.title) or _PROFILE_WORDS.search(p.column) or _PROFILE_WORDS.search(p.subtitle):
        return 4
    if p.paragraphs and re.match("^我是", p.paragraphs[0]):
        return 4
    person = _TITLED_PERSON.match(p.lead_sentence) if not p.dated else None
    if not person or not (looks_like_person(person["name"]) or person["pause"]):
        return 0  # 党支部书记梁文科， / 党员布云秀，: a name closing the lead's subject
    return 3 if _is_subject(p, person["name"]) else 0


def _is_subject(p: Piece, name: str) -> bool:
    """The titled person of the lead is what the piece is about: named again, or the piece is a short blurb."""
    return len(p.body) < DATED_BRIEF_MAX or p.body.count(name[:2]) >= 3


# ——东北地区推动冰雪经济高质量发展观察, ——山西平遥推光漆器传承见闻: a deck that names the piece's genre
_FEATURE_DECK = re.compile("^——.{2,40}(?:观察|见闻|调查|纪实|侧记|探访|走笔|寻访|手记)$")


def _feature(p: Piece) -> int:
    if _FEATURE_WORDS.search(p.heads) or _FEATURE_DECK.match(p.subtitle):
        return 5
    if p.dated:
        return 0
    return 2 * (p.crossheads >= 2) + 2 * (len(p.body) >= FEATURE_MIN)


def _brief(p: Piece) -> int:
    if BRIEF_WORDS.search(p.column) and not p.page_named:
        return 12  # 国际简讯, 经济短波: a briefs box's label over it outweighs a wire dateline and an event verb
    if BRIEF_WORDS.search(p.heads):
        return 5  # (a page named so, 要闻·速递, holds short news, and reports and notices too)
    if p.dated:
        return 4 if len(p.body) < DATED_BRIEF_MAX else 0
    return 2 if len(p.body) < BRIEF_MAX and not p.crossheads and not p.role else 0  # (a byline: a report)


def _notice(p: Piece) -> int:
    return 6 if NOTICE_TITLE.search(p.title) else 0


def _news(p: Piece) -> int:
    score = 3 * p.dated + 3 * bool(_EVENT_VERBS.search(p.title)) + 2 * (p.source in _WIRE)
    score += 4 * bool(_ROUNDUP.search(p.subtitle) or _ROUNDUP.search(p.title))
    return score + bool(_LEAD_DATE.match(p.lead_sentence))


CUES: dict[str, Callable[[Piece], int]] = {
    "news": _news, "commentary": _commentary, "interview": _interview, "profile": _profile,
    "feature": _feature, "brief": _brief, "notice": _notice,
}


def kind_scores(piece: Piece) -> dict[str, int]:
    return {kind: cue(piece) for kind, cue in CUES.items()}


def is_photo(draft: Draft) -> bool:
    """A credited caption with no story of its own: no reporter, no dateline, short."""
    return draft.credited and not draft.authors and draft.body_chars() <= PHOTO_MAX and draft.dateline is None


def is_editorial(draft: Draft, title: str) -> bool:
    """The paper's own voice: 社论, or an unattributed 评论员 piece."""
    return bool(re.match("^(社论|本报评论员)", title)) or draft.role == "评论员" and draft.source in (None, "本报")


def classify(draft: Draft, title: str) -> str:
    """The article's kind: photo and the paper's own commentary by their form, else the best-scoring cue (ties and none: news)."""
    if is_photo(draft):
        return "photo"
    if is_editorial(draft, title):
        return "commentary"
    scores = kind_scores(Piece.of(draft, title))
    best = max(scores.values())
    return "news" if best == 0 or scores["news"] == best else max(scores, key=scores.get)
