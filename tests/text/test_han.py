"""One definition of a Han character (generator/text/han.py), asked by the importer, the gazetteer
and search, and copied by the browser's tokenizer, which must not drift from it."""
from __future__ import annotations

import re
from pathlib import Path

from generator.gazetteer import join_wrapped
from generator.text.han import HAN_RANGES, is_han
from generator.ingest.clean import remove_cjk_spaces
from generator.ingest.metadata import parse_byline
from generator.search.tokenize import index_tokens

TOKENIZE_JS = Path(__file__).resolve().parents[2] / "generator/search/search-tokenize.js"
RARE = "𬭚"  # U+2CB5A, CJK extension E: a character of personal names outside the BMP


def js_han_ranges() -> tuple[tuple[int, int], ...]:
    """The `var HAN = [[lo, hi], ...]` table of search-tokenize.js, as written."""
    table = re.search(r"var HAN = \[(.*?)\];", TOKENIZE_JS.read_text("utf-8"), re.S)
    assert table, f"no `var HAN = [...]` in {TOKENIZE_JS}"
    pairs = re.findall(r"\[\s*(0x[0-9a-fA-F]+)\s*,\s*(0x[0-9a-fA-F]+)\s*\]", table.group(1))
    return tuple((int(lo, 16), int(hi, 16)) for lo, hi in pairs)


def test_the_browser_tokenizer_has_the_same_han_ranges():
    """The browser splits queries into Han runs with its own table: one range off and a query
    finds nothing the index holds for those characters."""
    assert js_han_ranges() == HAN_RANGES


def test_what_is_han():
    assert all(map(is_han, "新疆〇𠮷" + RARE))
    assert not any(map(is_han, "A1·。、（䷀ㄅ"))  # ䷀: a Yijing hexagram, between extension A and the basic block


def test_the_importer_joins_a_spaced_name_with_a_rare_character_as_search_reads_it():
    """The importer's own range left out the supplementary planes that search counts as Han:
    王 𬭚 kept its PDF space (and was no byline), so a search for 王𬭚 missed it."""
    assert remove_cjk_spaces(f"记者 王 {RARE} 报道") == f"记者王{RARE}报道"
    assert parse_byline(f"本报记者 王{RARE} 摄").authors == (f"王{RARE}",)
    assert f"王{RARE}" in index_tokens(f"王{RARE}")


def test_the_gazetteer_joins_a_place_name_wrapped_at_a_rare_character():
    assert join_wrapped(f"王{RARE}\n村") == f"王{RARE}村"
    assert join_wrapped("䷀ ䷁") == "䷀ ䷁"  # not Han: the space stays
