"""OpenCC's one-character conversion tables, read from the maintained package.

The importer (recognising Traditional text, ingest/fold.py), search (folding
index and query alike, search/fold.py) and names.py (one publication's
spellings) convert Traditional to
Simplified character by character, so that a converted text lines up with its
original. They take OpenCC's dictionaries from `opencc-python-reimplemented`
rather than a table of our own.
"""
from __future__ import annotations

from importlib import resources

TS_CHARACTERS = "TSCharacters.txt"  # standard Traditional → Simplified


def read_table(name: str) -> dict[str, str]:
    """One OpenCC dictionary as {character: its first candidate}, single characters only."""
    text = resources.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets:
            table[source] = targets.split(" ")[0]
    return table
