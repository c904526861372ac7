"""The import confidence's words: its levels and the named doubts behind them.

Owned here, apart from the evidence that finds them (confidence.py), so that the site can say an
article's confidence without loading the importer.
"""
from __future__ import annotations

from ..i18n import N_

HIGH, MEDIUM, LOW = "high", "medium", "low"
LEVELS = (HIGH, MEDIUM, LOW)

DOUBTS = {  # name → what the outline and the site say (translated where it is shown)
    "start-inferred": N_("no headline, dateline or byline at the start"),
    "title-inferred": N_("title inferred"),
    "unfinished": N_("ends unfinished"),
    "headline-disputed": N_("headline and deck or kicker hard to tell apart"),
    "left-out-before": N_("the text just before it is in no article"),
    "short": N_("text too short (a crosshead or a fragment?)"),
}
