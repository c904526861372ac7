"""The word list that tells whether a line break splits a word is jieba's dictionary, every word
of it, read without importing jieba's segmenter."""
from __future__ import annotations

import subprocess
import sys

from generator.text.words import _dictionary, _first_fields, _words, cuts_word, splits_word


def test_the_word_list_is_every_word_of_jiebas_dictionary():
    text = _dictionary().read_text(encoding="utf-8")
    assert _words() == _first_fields(text)  # the fast read agrees with a line-by-line read
    assert len(_words()) > 300_000 and {"实际", "制约", "中国"} <= _words()


def test_a_word_list_not_in_three_fields_is_read_line_by_line():
    assert _first_fields("实际 3 n\n制约\n\n中国 5\n") == {"实际", "制约", "中国"}


def test_reading_the_word_list_does_not_load_jiebas_segmenter():
    code = ("import sys; from generator.text.words import splits_word; "
            "assert splits_word('结合新疆实', '际，从严'); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_break_inside_a_dictionary_word_splits_it():
    assert splits_word("销路难是制", "约合作社发展") and not splits_word("为以", "中国式现代化")


def test_a_break_cuts_a_word_only_when_the_text_after_it_opens_with_that_words_tail():
    assert cuts_word("结合新疆实", "际，从严从实推进")  # 实际: 际 opens no word of its own
    assert not cuts_word("加强人才队伍建", "成功创建示范村")  # 建成 is a word, but 成功 opens the text whole
    assert not cuts_word("面对困境，村“两委”", "成功创建示范村")  # no Chinese character before the break


def test_only_a_frequent_word_cut_by_the_break_joins_text_across_a_finished_paragraph():
    assert cuts_word("完整准确贯", "彻新时代", frequent=True)  # 贯彻: used thousands of times
    assert cuts_word("2026年“集中", "州党委书记") and not cuts_word("2026年“集中", "州党委书记", frequent=True)  # 中州
