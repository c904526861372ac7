"""How alike two texts of one issue are, by their words.

A story repeats its own names, places and themes; two stories on one page share
only the paper's common words. So the importer compares texts by their Han
two-character pairs, each weighted by how rare it is among the issue's
paragraphs near them, and takes the cosine of the two weighted sets (a long
text holds many pairs by chance; the cosine does not reward its length).
Two readers ask it: interleave.py (does a column printed after story B read as
story A's rest?) and segment.py (is a headline inside a story a crosshead of it,
or the next story's?).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from ..text.han import han_pairs

Rarity = dict[str, float]


def rarity(paragraphs: Iterable[str], unseen: int = 0) -> Rarity:
    """How rare each Han pair is among `paragraphs`: its inverse document frequency, as if
    `unseen` more paragraphs held none of them (in a short text, one story's own names are in
    most of its paragraphs, and without them would weigh as little as the paper's common words)."""
    texts = list(paragraphs)
    df = Counter(chain.from_iterable(map(_pairs, texts)))
    logs = {c: math.log((len(texts) + unseen + 1) / (c + 0.5)) for c in set(df.values())}  # (few counts, many pairs)
    return {p: logs[c] for p, c in df.items()}


@lru_cache(maxsize=1 << 12)
def _pairs(paragraph: str) -> set[str]:
    """A paragraph's pairs, kept: `rarity` is asked over overlapping windows of one issue (interleave.py
    asks it around each open story), so most paragraphs are counted again. (The set is shared: only read.)"""
    return han_pairs(paragraph)


def share(one: set[str], other: set[str], idf: Rarity) -> float:
    """How alike two pair sets are: the cosine of the sets, each pair weighted by its rarity."""
    both = sum(idf.get(p, 0.0) ** 2 for p in one & other)
    norm = math.sqrt(sum(idf.get(p, 0.0) ** 2 for p in one) * sum(idf.get(p, 0.0) ** 2 for p in other))
    return both / norm if norm else 0.0
