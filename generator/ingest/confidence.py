"""How sure the importer is of an article's boundaries and headline, from the evidence behind them.

An article opened by its own headline with a byline or dateline under it,
titled as printed and ending on a finished sentence (or closing lines) is
certain; every piece of missing evidence is a named doubt: a start found
only by the end of the piece before it, a title inferred from the lead, a
text that breaks off mid-sentence, a headline over a second line that the
headline evidence (headline.py) reads the other way round, text just before it
left out of every article, a body too short to stand alone. One doubt is `medium`, two or more
(or a start and a title both inferred) are `low`: the outline marks those for
a reader to check before the import is trusted.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import _, pgettext

from .clean import ends_sentence
from .doubts import DOUBTS, HIGH, LOW, MEDIUM
from .headline import KICKER_END, split_headline
from .segment import Draft

SHORT_TEXT = 60  # characters: an unsigned, undated text this short is likely a crosshead's section or a fragment


@dataclass(frozen=True)
class Confidence:
    level: str  # high, medium, low
    doubts: tuple[str, ...]  # keys of DOUBTS, in that order

    @property
    def said(self) -> str:
        """The doubts as the outline prints them: title inferred; ends unfinished (标题为推断；结尾不完整)."""
        return pgettext("between doubts", "; ").join(_(DOUBTS[d]) for d in self.doubts)


def doubts_of(draft: Draft, kind: str | None, left_out_before: bool = False) -> tuple[str, ...]:
    """Named missing evidence for one draft (see DOUBTS). `left_out_before`: text between the
    previous article's start and this one's was left out of every article (a lost headline or byline)."""
    photo = kind == "photo"
    found = {
        "start-inferred": draft.opened_by == "body" and not draft.dateline and not photo,
        "title-inferred": draft.title is None and not photo,
        "unfinished": not draft.closed and not photo and not _ends_finished(draft),
        "headline-disputed": _headline_disputed(draft),
        "left-out-before": left_out_before,
        "short": not photo and draft.body_chars() < SHORT_TEXT and not (draft.dateline or draft.authors),
    }
    return tuple(name for name in DOUBTS if found[name])


def _headline_disputed(draft: Draft) -> bool:
    """A headline over an unmarked second line (no —— or kicker mark) that the headline evidence
    reads the other way round, or cannot tell apart: 新时代新征程新伟业 over 昌吉州着力构建…."""
    sub = draft.subtitle
    if not (draft.title and sub) or sub.startswith("——") or sub.endswith(KICKER_END):
        return False
    headline = split_headline([draft.title, sub])
    return headline.title != draft.title or not headline.certain


CERTAIN = Confidence(HIGH, ())


def confidence(draft: Draft, kind: str | None, left_out_before: bool = False) -> Confidence:
    """The article's confidence level and the doubts behind it."""
    doubts = doubts_of(draft, kind, left_out_before)
    both_inferred = {"start-inferred", "title-inferred"} <= set(doubts)
    level = HIGH if not doubts else LOW if len(doubts) >= 2 or both_inferred else MEDIUM
    return Confidence(level, doubts)


def _ends_finished(draft: Draft) -> bool:
    """The last text block ends a sentence (or is a closer such as （作者单位：…））."""
    return ends_sentence(next((text for kind, text in reversed(draft.blocks) if kind != "sub"), ""))
