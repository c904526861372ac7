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
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..gazetteer import Gazetteer, Mention, load_gazetteer
from ..model import Region

DATELINE = 10
TITLE = 5
BODY = 0  # marks a body mention: counted, not weighed
SHORT_BODY = 300  # characters: below this, one mention in the body is enough
RELATIVE = 0.2  # body-only regions need this share of the strongest prefecture's score
PSEUDO_MIN = 3  # body mentions 新疆 / 全国 need without title or dateline
PSEUDO = ("新疆", "全国")
_DATELINE_NOISE = re.compile(r"^(本报|新华社|中新社|人民日报|新疆日报|石榴云|天山网|讯|电)+|[\d月日年讯电（(].*$")


@dataclass
class _Score:
    strong: int = 0  # dateline and title weight
    body: int = 0  # body mentions

    @property
    def total(self) -> int:
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
    evidence = [
        *((m, DATELINE) for m in _dateline_mentions(gazetteer, dateline)),
        *((m, TITLE) for m in _events(gazetteer.mentions(title), home, gazetteer)),
        *((m, BODY) for m in _events(gazetteer.mentions(body), home, gazetteer)),
    ]
    regions = _scores(evidence, lambda m: m.region)
    places = _scores(evidence, lambda m: m.place)

    kept_regions = _keep_regions(regions, short=len(body) < SHORT_BODY)
    if not kept_regions and home_name:
        kept_regions = {home_name}
    kept_places = {name for name in places if gazetteer.place(name).region in kept_regions}
    return (_ordered(kept_regions, regions, [r.name for r in gazetteer.regions]),
            _ordered(kept_places, places, [p.name for p in gazetteer.places]))


def _scores(evidence: list[tuple[Mention, int]], key: Callable[[Mention], str | None]) -> dict[str, _Score]:
    scores: dict[str, _Score] = {}
    for mention, weight in evidence:
        name = key(mention)
        if name:
            score = scores.setdefault(name, _Score())
            score.strong += weight
            score.body += weight == BODY
    return scores


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
