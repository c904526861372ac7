"""Tag an article with the regions and places it is about, from weighted evidence.

Evidence, strongest first: the dateline (本报库尔勒… → 库尔勒市 → 巴州; 新华社北京
… → 全国), names in the title, names counted in the body. A place implies its
region. Names side by side count once, as the most specific (乌鲁木齐市米东区 is
one mention of 米东区; 新疆 before a region only qualifies it).

Body mentions alone tag a region when it comes up at least twice (once in a
short text such as a caption) and reaches a fifth of the strongest
prefecture's score, so a passing mention in a long article does not tag it.
新疆 and 全国 from the body alone need three mentions and must outweigh every
other region. Places are kept when their region is. Words a paper uses for
its own region (我州, 州党委 in 巴音郭楞日报) count for the home region, which is
also the fallback when nothing else is found.

What a story is about is told from where things happen, not from what
organisations are called: a short name run into an organisation's name
(乌鲁木齐铁路公安局, 奎屯公安处, 新疆某某有限公司) counts half a body mention and
never as title evidence. An undated story's lead sentence says where it
happens, so its names weigh as much as a title's (我是新疆精河县…的一名教师). A
headline led by the national centre (习近平…, 中共中央…, 《求是》…) or naming a
place outside Xinjiang, with no Xinjiang name in the headline or lead, is
national news. A story spread over four or more prefectures with none in its
headline, dateline or lead is about Xinjiang as a whole.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..gazetteer import Gazetteer, Mention, join_wrapped, load_gazetteer
from ..model import Region

DATELINE = 10
TITLE = 5
LEAD = 5  # an undated story's lead sentence names where it happens
BODY = 1.0  # a body mention
ORGANISATION = 0.5  # a name inside an organisation's name (乌鲁木齐铁路公安局): counts less
SPREAD = 4  # body-only prefectures that make a story Xinjiang-wide
SHORT_BODY = 300  # characters: below this, one mention in the body is enough
RELATIVE = 0.2  # body-only regions need this share of the strongest prefecture's score
PSEUDO_MIN = 3  # body mentions 新疆 / 全国 need without title or dateline
PSEUDO = ("新疆", "全国")
_DATELINE_NOISE = re.compile(r"^(本报|新华社|中新社|人民日报|新疆日报|石榴云|天山网|讯|电)+|[\d月日年讯电（(].*$")


# What follows a short name inside an organisation's name: 乌鲁木齐|铁路公安局, 奎屯|公安处, 新疆|恒辉纺织有限责任公司.
_ORGANISATION = re.compile(
    r"^[^\W\d_]{0,12}?(?:铁路|公安局|公安处|分局|局|处|有限责任公司|有限公司|股份公司|公司|集团|银行|分行|大学|学院"
    r"|医院|派出所|站|研究院|研究所|协会|商会|报社|日报|电视台|厂)")
_ADMINISTRATIVE_END = ("市", "县", "区", "州", "盟", "旗", "镇", "乡", "村")
# Places outside Xinjiang a headline may name bare; other bare names are too often plain words (安康, 来宾, 中山路).
_PROVINCES = frozenset("北京 上海 天津 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
                       "海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 香港 澳门".split())
_FULL_NAME_END = ("省", "市", "自治区", "特别行政区", "自治州", "盟")
_NATIONAL_LEAD = re.compile(r"^(?:习近平|中共中央|党中央|国务院|全国|中央|《求是》|中国(?!式))")


@dataclass
class _Score:
    strong: float = 0  # dateline, title and lead weight
    body: float = 0  # body mentions, an organisation's name counting less

    @property
    def total(self) -> float:
        return self.strong + self.body


def tag_regions(title: str, body: str, dateline: str | None,
                home_region: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(regions, places) an article is about: full official names, strongest first.

    Regions are prefecture-level names (巴音郭楞蒙古自治州) or 新疆 / 全国; places
    are county-level names (库尔勒市). Ties keep the gazetteer's official order.
    `home_region` (full name or short form) is the publication's own region.
    """
    gazetteer = load_gazetteer()
    home = gazetteer.find(home_region) if home_region else None
    home_name = home.name if home else home_region  # a name outside the gazetteer stays as given
    dated = _dateline_mentions(gazetteer, dateline)
    evidence = _evidence(gazetteer, title, body, dated, home)
    regions = _scores(evidence, lambda m: m.region)
    places = _scores(evidence, lambda m: m.place)

    kept_regions = _keep_regions(regions, short=len(body) < SHORT_BODY)
    kept_regions = _xinjiang_wide(kept_regions, regions)
    kept_regions = _without_bureau(kept_regions, regions, dated)
    if not kept_regions and home_name:
        kept_regions = {home_name}
    kept_places = {name for name in places if gazetteer.place(name).region in kept_regions}
    return (_ordered(kept_regions, regions, [r.name for r in gazetteer.regions]),
            _ordered(kept_places, places, [p.name for p in gazetteer.places]))


def _evidence(gazetteer: Gazetteer, title: str, body: str, dated: list[Mention],
              home: Region | None) -> list[tuple[Mention, float, float]]:
    """(mention, strong weight, body weight) for every name: the dateline's (`dated`), headline, an
    undated lead, body."""
    titled = _weighed(gazetteer, title, home, TITLE)
    lead = [] if dated else _weighed(gazetteer, _lead_sentence(body), home, LEAD)
    evidence = [
        *((m, DATELINE, 0.0) for m in dated),
        *((m, w, 0.0) if w else (m, 0.0, ORGANISATION) for m, w in titled),
        *((m, w, 0.0) for m, w in lead if w and m.region not in PSEUDO),  # 新疆/全国 in a lead only qualify
        *((m, 0.0, BODY if w else ORGANISATION) for m, w in _weighed(gazetteer, body, home, 1)),
    ]
    located = any(w and m.region not in PSEUDO for m, w in titled + lead)
    if not dated and not located and _is_national_headline(gazetteer, title):
        evidence.append((Mention(0, title, region="全国"), TITLE, 0.0))
    return evidence


def _scores(evidence: list[tuple[Mention, float, float]], key: Callable[[Mention], str | None]) -> dict[str, _Score]:
    scores: dict[str, _Score] = {}
    for mention, strong, body in evidence:
        name = key(mention)
        if name:
            score = scores.setdefault(name, _Score())
            score.strong += strong
            score.body += body
    return scores


def _weighed(gazetteer: Gazetteer, text: str, home: Region | None, weight: float) -> list[tuple[Mention, float]]:
    """Event mentions of `text`, each with `weight`, or 0 when it is part of an organisation's name."""
    joined = join_wrapped(text)
    outside = [range(m.start(), m.end()) for m in gazetteer.national_pattern.finditer(joined)]
    mentions = tuple(m for m in gazetteer.mentions(text) if not any(m.start in span for span in outside))
    return [(m, 0.0 if _in_organisation(gazetteer, joined, m) else weight) for m in _events(mentions, home, gazetteer)]


def _in_organisation(gazetteer: Gazetteer, text: str, mention: Mention) -> bool:
    """乌鲁木齐铁路公安局, 奎屯公安处: a short name (no 市/县/州… of its own) that an organisation's name goes on from.
    A government's own body (阿勒泰市医疗保障局, 福海县委) keeps the full name and still counts; so do home words."""
    word = mention.word
    if word.endswith(_ADMINISTRATIVE_END) or word.endswith("地区") or not (gazetteer.find(word) or gazetteer.place(word)):
        return False
    return bool(_ORGANISATION.match(text[mention.start + len(word):]))


def _lead_sentence(body: str) -> str:
    """The first sentence of the first paragraph that is not a subheading."""
    first = next((p for p in body.split("\n\n") if p.strip() and not p.startswith("#")), "")
    return re.split("[。！？]", first, maxsplit=1)[0]


def _is_national_headline(gazetteer: Gazetteer, title: str) -> bool:
    """习近平在贵州考察, 《求是》杂志发表…, …座谈会在北京召开: the centre or a place outside Xinjiang heads it."""
    if _NATIONAL_LEAD.match(title.strip()):
        return True
    return any(word in _PROVINCES or word.endswith(_FULL_NAME_END)
               for word in gazetteer.national_pattern.findall(join_wrapped(title)))


def _xinjiang_wide(kept: set[str], scores: dict[str, _Score]) -> set[str]:
    """A story over SPREAD or more prefectures, none of them in its dateline, title or lead: 新疆."""
    body_only = {n for n in kept if n not in PSEUDO and not scores[n].strong}
    if len(body_only) < SPREAD or any(scores[n].strong for n in kept if n not in PSEUDO):
        return kept
    return (kept - body_only) | {"新疆"}


def _without_bureau(kept: set[str], scores: dict[str, _Score], dated: list[Mention]) -> set[str]:
    """A story whose headline or lead names 新疆 as a whole, datelined where the paper's bureau files
    from (新华社乌鲁木齐…电) and naming that city nowhere else (its one body mention is that dateline,
    printed at the lead's start), is about 新疆, not the bureau's city."""
    wide = scores.get("新疆")
    if not dated or wide is None or not wide.strong or "新疆" not in kept:
        return kept
    seat = dated[0].region
    score = scores.get(seat) if seat else None
    if seat in kept and seat not in PSEUDO and score is not None and score.strong <= DATELINE and score.body <= BODY:
        return kept - {seat}
    return kept


def _dateline_mentions(gazetteer: Gazetteer, dateline: str | None) -> list[Mention]:
    """Names in the dateline; a place outside Xinjiang (北京) stands for 全国."""
    if not dateline:
        return []
    found = [m for m in gazetteer.mentions(dateline) if m.region]
    if found:
        return found[:1]
    place = _DATELINE_NOISE.sub("", dateline.strip())
    if gazetteer.is_national(place) or place in ("全国", "中国"):
        return [Mention(0, place, region="全国")]
    return []


def _events(mentions: tuple[Mention, ...], home: Region | None, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions as events: a run of adjacent names of one region counts once, as its most specific name.

    Home words count only when they fit the home region's type (州党委 in a 州's paper).
    """
    events: list[Mention] = []
    end = -1
    for mention in mentions:
        if mention.home:
            if home is None or mention.home != gazetteer.region_types.get(home.name):
                continue
            mention = Mention(mention.start, mention.word, region=home.name)
        previous = events[-1] if events and mention.start == end else None
        if previous and _is_within(mention, previous):
            events[-1] = mention  # 新疆伊犁哈萨克自治州霍城县: one mention, of 霍城县
        elif not (previous and previous.region == mention.region):
            events.append(mention)
        end = mention.start + len(mention.word)
    return events


def _is_within(inner: Mention, outer: Mention) -> bool:
    """True when `outer` only qualifies `inner`: 新疆 before a region, a region before its place."""
    if outer.region == "新疆":
        return inner.region not in PSEUDO
    return outer.region == inner.region and bool(inner.place) and not outer.place


def _keep_regions(scores: dict[str, _Score], short: bool) -> set[str]:
    top_prefecture = max((s.total for n, s in scores.items() if n not in PSEUDO), default=0)
    need = 1 if short else max(2, top_prefecture * RELATIVE)
    kept = set()
    for name, score in scores.items():
        if score.strong:
            kept.add(name)
        elif name in PSEUDO:
            rivals = max((s.total for n, s in scores.items() if n != name), default=0)
            if score.body >= PSEUDO_MIN and score.body > rivals:
                kept.add(name)
        elif score.body >= need:
            kept.add(name)
    return kept


def _ordered(names: set[str], scores: dict[str, _Score], official: list[str]) -> tuple[str, ...]:
    rank = {name: i for i, name in enumerate(official)}
    return tuple(sorted(names, key=lambda n: (-scores[n].total if n in scores else 0, rank.get(n, len(rank)), n)))
