"""When two spellings name one publication: the importer and the loader ask the same question.

A publication's name is typed by hand (--publication, a sidecar, front matter) and read off
mastheads, so one paper arrives as 巴音郭楞日报 and 巴音郭楞日報, 新疆日报（汉文版） and
新疆日报(汉文版). `name_key` folds what does not tell two papers apart: width and case
(NFKC, casefold), Traditional characters (OpenCC's standard table, as the importer reads
text: text/fold.py) and spaces. The exact spelling still matters where the archive shows it:
an import whose name differs from its folder's only in these ways is told the folder's spelling.
"""
from __future__ import annotations

import unicodedata

from .fold import simplified


def name_key(name: str) -> str:
    """The form two spellings of one publication's name share."""
    folded = simplified(unicodedata.normalize("NFKC", name).casefold())
    return "".join(folded.split())


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


def is_edition_of(name: str, masthead: str) -> bool:
    """新疆日报（汉文版） under the masthead 新疆日报: the same paper, or an edition of it."""
    return name_key(name).startswith(name_key(masthead))
