"""Traditional characters and full-width or letter-spaced digits are recognised (through a folded
copy of the text), while the articles keep the characters as printed."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import opencc
import pytest
import yaml

from generator.ingest import ImportOptions, import_issue, parse_issue
from generator.ingest.fold import Restorer, fold
from generator.ingest.metadata import read_issue_facts
from generator.ingest.read import read_raw

REPO = Path(__file__).resolve().parent.parent.parent
S2T = opencc.OpenCC("s2t")


@pytest.mark.parametrize("seed", ["000_4b068101b9df753c", "004_4081e1e09752621e"])
def test_an_issue_in_traditional_characters_is_segmented_as_in_simplified(seed):
    raw = REPO / "raw" / f"{seed}.txt"
    sidecar = yaml.safe_load(raw.with_suffix(".yaml").read_text(encoding="utf-8"))
    text = read_raw(raw).text
    _, simplified = parse_issue(text, sidecar["publication"], sidecar["home_region"])
    _, traditional = parse_issue(S2T.convert(text), sidecar["publication"], sidecar["home_region"])
    assert len(traditional) == len(simplified) >= 4
    for s, t in zip(simplified, traditional):
        assert t.body == S2T.convert(s.body)  # the text as printed, character for character
        assert t.title == S2T.convert(s.title) and t.authors == tuple(map(S2T.convert, s.authors))
        assert (t.kind, t.regions, t.places) == (s.kind, s.regions, s.places)  # tags as read: Simplified
        assert fold(t.dateline or "") == fold(s.dateline or "")


def test_fold_is_one_character_for_one_and_leaves_simplified_text_alone():
    text = "本報庫爾勒８月１０日訊（記者 陳彥強）責任編輯：王芳 攝 ＡＢＣ，。（）"
    folded = fold(text)
    assert folded == "本报库尔勒8月10日讯（记者 陈彦强）责任编辑：王芳 摄 ABC，。（）"
    assert len(folded) == len(text)
    sample = read_raw(REPO / "raw" / "001_f2234381d2a682df.txt").text
    assert fold(sample) == sample


def test_a_folded_character_with_two_printed_forms_is_restored_by_its_place():
    original = "發展很快。她的頭髮很長，髮型好看。发展"
    restore = Restorer(original, fold(original))
    assert restore("她的头发很长，") == "她的頭髮很長，" and restore("发展很快。") == "發展很快。"
    assert restore("发型好看。") == "髮型好看。"
    _, [article] = parse_issue("頭髮的故事\n\n本報訊（記者 李明）她的頭髮很長。經濟發展很快。\n")
    assert article.title == "頭髮的故事" and article.authors == ("李明",)
    assert article.body == "本報訊（記者李明）她的頭髮很長。經濟發展很快。\n"


@pytest.mark.parametrize("line", ["２０２３年５月３０日", "2 0 2 3 年 5 月 3 0 日", "2 0 2 3年5月3 0日 星期二"])
def test_masthead_dates_in_full_width_or_letter_spaced_digits_are_read(line):
    facts = read_issue_facts(fold(f"{line}\n总 第 1 0 2 4 6 期\n今日４版").split("\n"))
    assert facts.date == (dt.date(2023, 5, 30), 1) and facts.number == (10246, 2) and facts.pages == (4, 3)


def test_full_width_digits_are_recognised_and_kept_as_printed(tmp_path):
    raw = tmp_path / "issue.txt"
    raw.write_text("巴音郭楞日報\n\n２０２３年８月１２日\n\n香梨喜獲豐收\n\n本報庫爾勒８月１１日訊（記者 李明）"
                   "１１日，庫爾勒市的香梨豐收了。\n", encoding="utf-8")
    result = import_issue(raw, tmp_path / "content", ImportOptions(publication="巴音郭楞日报", dry_run=True))
    assert result.meta.date == dt.date(2023, 8, 12) and result.meta.date_source == "stated"
    [article] = result.articles
    assert (article.title, article.authors, article.dateline) == ("香梨喜獲豐收", ("李明",), "庫爾勒")
    assert article.body.startswith("本報庫爾勒８月１１日訊（記者李明）１１日，")
    assert article.regions == ("巴音郭楞蒙古自治州",) and article.places == ("库尔勒市",)


def test_a_folded_character_whose_context_is_not_in_the_issue_takes_the_form_printed_first():
    restore = Restorer("發財。頭髮。", fold("發財。頭髮。"))  # 发: 發, then 髮
    assert restore("某某发") == "某某發"
    restore = Restorer("頭髮。發財。發展。", fold("頭髮。發財。發展。"))
    assert restore("某某发") == "某某髮" and restore("发财") == "發財"


def test_restoring_by_place_skips_the_spaces_and_punctuation_cleaning_may_have_changed():
    original = "經濟發展很快。她的 頭髮 很長, 髮型好看。"
    restore = Restorer(original, fold(original))
    assert restore("她的头发很长，发型好看。经济发展") == "她的頭髮很長，髮型好看。經濟發展"
    assert restore("（发展）") == "（發展）" and restore("simplified only") == "simplified only"


def test_a_long_traditional_issue_is_restored_as_printed_in_every_paragraph():
    text = S2T.convert(read_raw(REPO / "raw" / "002_f298dd8e9d14375d.txt").text)
    restore = Restorer(text, fold(text))
    paragraphs = [p for p in text.split("\n") if len(p) > 40 and "發" in p]
    assert len(paragraphs) > 20
    assert [restore(fold(p)) for p in paragraphs] == paragraphs


def test_a_context_printed_twice_is_read_where_it_is_printed_first():
    original = "甲乙丙她的頭髮好。丁戊己她的頭發好。庚辛壬癸子丑寅卯頭髮"
    restore = Restorer(original, fold(original))
    assert restore("她的头发好。") == "她的頭髮好。"  # its first printing, 髮
    assert restore("丁戊己她的头发好") == "丁戊己她的頭發好"  # a wider context tells them apart
    assert restore("寅卯头发") == "寅卯頭髮"  # at the end of the issue, fewer characters after it
