"""One headline group → kicker (引题), headline and deck (副题), by position and punctuation.

A pure function for the segmenter: it is handed the lines of one headline
group, top to bottom, once it has decided they belong to one article (column
banners such as 「一线传真」 and author lines already taken out).

Marks decide first: a line that ends in ——, …… or a colon with a line below it
introduces what follows (a kicker); a line that opens with —— is a deck. Of the
unmarked lines the headline is the one with most evidence: printed straight
under a kicker or straight over a dash deck, the central line of three or
more, the longer line, else the first; a short slogan on top of three or more
lines is a page banner (新时代新征程新伟业) unless the lead retells it, and framing words (学习贯彻…精神,
聚焦…, 在…指引下) mark a kicker or deck, not the headline. Lines above the
headline make the kicker, lines below it the deck. (A line reporting an event,
…召开 or …启动, is no evidence: decks report events as often as headlines do,
and weighing it made a deck, 三年行动计划全面启动, the headline over its title.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.han import han_pairs
from .titles import COLUMN_TAG, balanced

KICKER_END = ("——", "……", "…", "：", ":")
# The framing words of a kicker (or a deck): what a story is done under or in the spirit of, not the story.
FRAMING = re.compile("^(?:学习|贯彻|深入|聚焦|奋力|喜迎|庆祝|奋进|踔厉|新春走基层|在.{2,30}(?:指引|引领|带动)下)|(?:精神|指引下|之际|进行时)$"
                     # 访某研究院院长潘立新: an interview's kicker naming whom it asks (a ——访… deck unmarked)
                     "|^(?:专)?访.{2,30}(?:书记|主任|局长|院长|厅长|部长|校长|负责人|代表|委员|教授|专家|主席|董事长|总经理|县长|市长|州长|所长|站长)[\u4e00-\u9fff·]{2,8}$")
_BANNER_SHARE = 0.6  # a top line at most this share of the next one's length reads as a banner


@dataclass(frozen=True)
class Headline:
    kicker: str | None
    title: str
    subtitle: str | None
    why: str  # the evidence that picked the headline, for the outline and confidence
    certain: bool  # True when marks or a single line decided, False when scores had to choose


def split_headline(lines: list[str], page_top: bool = False, heavy: frozenset[str] = frozenset(),
                   lead: str = "") -> Headline:
    """(kicker, title, subtitle) of one headline group, with the evidence for the choice;
    `page_top`: the group is the first thing on its page, where a page banner is printed;
    `heavy`: lines set in headline type (printed doubled by the PDF text); `lead`: the story's
    first paragraph."""
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        raise ValueError("a headline group needs at least one line")
    if len(lines) == 1:
        return Headline(None, lines[0], None, "one line", True)
    candidates = [i for i, line in enumerate(lines) if not _is_marked(lines, i)]
    if not candidates:  # only a kicker and decks: the kicker is all the headline there is
        return _around(lines, 0, "marks only", certain=False, title=lines[0].rstrip("——…：: "))
    if len(candidates) == 1:
        return _around(lines, candidates[0], "marks", certain=True)
    told = _told(lines, candidates, lead)
    scores = {i: _score(lines, i, page_top, heavy, told) for i in candidates}
    best = max(candidates, key=lambda i: (sum(scores[i].values()), -i))
    ranked = sorted(sum(s.values()) for s in scores.values())
    why = ", ".join(name for name, value in scores[best].items() if value > 0) or "first line"
    return _around(lines, best, why, certain=ranked[-1] - ranked[-2] >= 2)


def _is_marked(lines: list[str], i: int) -> bool:
    line = lines[i]
    return line.startswith("——") or (line.endswith(KICKER_END) and i < len(lines) - 1)


_LEAD_SPAN = 60  # characters of a lead's opening that retell its headline
_TOLD_MIN = 0.6  # share of a line's two-character pairs the lead's opening must print
_TOLD_MARGIN = 0.3  # ahead of every other candidate line's share


def told_share(line: str, lead: str) -> float:
    """The share of a headline line's two-character pairs that its lead's opening prints."""
    pairs, opening = han_pairs(line), lead[:_LEAD_SPAN]
    return sum(p in opening for p in pairs) / len(pairs) if pairs else 0.0


def _told(lines: list[str], candidates: list[int], lead: str) -> int | None:
    """The candidate line the lead's opening retells, well ahead of the others (自治区党委党的建设
    工作领导小组会议召开 over 自治区党委党的建设工作领导小组3月13日召开会议), or None. A slogan banner is
    never retold; a kicker may be, as much as the headline, so this is no evidence between them."""
    if not lead:
        return None
    shares = {i: told_share(lines[i], lead) for i in candidates}
    best = max(candidates, key=lambda i: shares[i])
    runner_up = max((shares[i] for i in candidates if i != best), default=0.0)
    return best if shares[best] >= _TOLD_MIN and shares[best] - runner_up >= _TOLD_MARGIN else None


def _score(lines: list[str], i: int, page_top: bool = False, heavy: frozenset[str] = frozenset(),
           told: int | None = None) -> dict[str, int]:
    """Named evidence that line `i` is the headline."""
    line, above, below = lines[i], lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None
    longest = max(len(x) for x in lines if not x.startswith("——"))
    return {
        "under a kicker": 3 * bool(above and above.endswith(KICKER_END)),
        "over a deck": 2 * bool(below and below.startswith("——")),
        "central": 2 * (0 < i < len(lines) - 1),
        "longest": 1 * (len(line) == longest and len(lines) > 2),
        "column tag": 3 * bool(COLUMN_TAG.search(line)),
        "headline type": 3 * (line in heavy and len(heavy) == 1),  # the one line set in the heaviest type
        "cut off": -3 * (not balanced(line)),  # 根据安排，“沿线服务区: a sentence the break cut, not a headline
        "banner": -2 * (_is_banner(lines, i, page_top) and i != told),  # (a lead never retells a banner)
        "framing words": -2 * bool(FRAMING.search(line)),
    }


def _is_banner(lines: list[str], i: int, page_top: bool) -> bool:
    """A short slogan on top of a group of three or more, or of two at the top of a page (elsewhere,
    over two lines, it is as likely a short headline over its deck)."""
    return i == 0 and (len(lines) >= 3 or page_top) and len(lines[0]) <= _BANNER_SHARE * len(lines[1]) \
        and not re.search("[，。、]", lines[0])


def _around(lines: list[str], index: int, why: str, certain: bool, title: str | None = None) -> Headline:
    kicker = " ".join(lines[:index]) or None
    subtitle = " ".join(lines[index + 1:]) or None
    return Headline(kicker, title or lines[index], subtitle, why, certain)
