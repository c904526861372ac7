"""Traditional → Simplified, one character for one, from OpenCC's tables.

Three readers compare texts written in either script: the importer (recognising a
Traditional issue, ingest/fold.py), search (folding index and query alike,
search/fold.py, whose table also ships to the browser) and publication names
(text/names.py). Each maps character by character, so that a converted text lines
up with its original, and each takes OpenCC's dictionaries from
`opencc-python-reimplemented` rather than a table of our own.
"""
from __future__ import annotations

import functools
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


@functools.cache
def simplified_table() -> dict[int, str]:
    """The str.translate table of `simplified`: only characters that change, one for one."""
    return {ord(k): v for k, v in read_table(TS_CHARACTERS).items() if len(v) == 1 and v != k}


def simplified(text: str) -> str:
    """`text` with each standard Traditional character in its Simplified form, as long as `text`."""
    return text.translate(simplified_table())
