"""Publication names (generator/text/names.py): the importer and the loader both ask `same_name`,
so a paper typed one way and printed another stays one publication."""
from __future__ import annotations

from generator.text.fold import simplified
from generator.text.names import is_edition_of, same_name


def test_width_script_case_and_spaces_do_not_make_another_paper():
    assert same_name("新疆日报（汉文版）", "新疆日报(汉文版)")
    assert same_name("巴音郭楞日報", "巴音郭楞日报")
    assert same_name("Xinjiang  Daily", "xinjiang daily")
    assert not same_name("阿勒泰日报", "巴音郭楞日报")


def test_an_edition_is_of_its_masthead_and_not_the_other_way():
    assert is_edition_of("新疆日報（漢文版）", "新疆日报")
    assert not is_edition_of("新疆日报", "新疆日报（汉文版）")


def test_simplified_changes_characters_one_for_one():
    """The importer reads a folded copy that must line up with the printed text."""
    printed = "本報庫爾勒訊（記者）"
    assert simplified(printed) == "本报库尔勒讯（记者）" and len(simplified(printed)) == len(printed)
