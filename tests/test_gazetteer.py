"""The gazetteer: complete and correct division data, aliases and name scanning."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.gazetteer import gazetteer_from_data, join_wrapped, load_gazetteer
from generator.model import Place

ROOT = Path(__file__).resolve().parent.parent

PREFECTURES = [  # official order (by code) and the slugs already in URLs
    ("乌鲁木齐市", "urumqi", 8), ("克拉玛依市", "karamay", 4), ("吐鲁番市", "turpan", 3),
    ("哈密市", "hami", 3), ("昌吉回族自治州", "changji", 7), ("博尔塔拉蒙古自治州", "bortala", 4),
    ("巴音郭楞蒙古自治州", "bayingolin", 9), ("阿克苏地区", "aksu", 9),
    ("克孜勒苏柯尔克孜自治州", "kizilsu", 4), ("喀什地区", "kashgar", 12), ("和田地区", "hotan", 10),
    ("伊犁哈萨克自治州", "ili", 11), ("塔城地区", "tacheng", 7), ("阿勒泰地区", "altay", 7),
]


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_regions_are_the_14_prefectures_in_official_order_then_bingtuan_xinjiang_china(gaz):
    got = [(r.name, r.slug, len(r.places)) for r in gaz.regions]
    assert got[:14] == PREFECTURES
    assert [(r.name, r.slug, r.kind) for r in gaz.regions[14:]] == [
        ("新疆生产建设兵团", "bingtuan", "bingtuan"), ("新疆", "xinjiang", "xinjiang"), ("全国", "china", "national")]
    assert len(gaz.places) == 98 + 12


def test_recent_divisions_are_present(gaz):
    hotan = gaz.find("和田地区")
    assert hotan.places[-2:] == ("和康县", "和安县")  # 2024, codes 653228/653229
    assert gaz.place("库车市").region == "阿克苏地区"  # 库车县 became a city in 2019
    assert gaz.place("沙湾市").region == "塔城地区"  # 2021
    assert gaz.find("兵团").places == (
        "石河子市", "阿拉尔市", "图木舒克市", "五家渠市", "北屯市", "铁门关市", "双河市",
        "可克达拉市", "昆玉市", "胡杨河市", "新星市", "白杨市")


def test_county_level_cities_sit_under_the_prefecture_that_administers_them(gaz):
    assert gaz.place("奎屯市") == Place("奎屯市", "伊犁哈萨克自治州")
    assert gaz.place("阿勒泰市") == Place("阿勒泰市", "阿勒泰地区")
    assert gaz.place("伊州区") == Place("伊州区", "哈密市")
    assert gaz.place("石河子市") == Place("石河子市", "新疆生产建设兵团")


@pytest.mark.parametrize("alias, region", [
    ("巴州", "巴音郭楞蒙古自治州"), ("伊犁州", "伊犁哈萨克自治州"), ("昌吉州", "昌吉回族自治州"),
    ("博州", "博尔塔拉蒙古自治州"), ("克州", "克孜勒苏柯尔克孜自治州"), ("阿勒泰", "阿勒泰地区"),
    ("阿克苏", "阿克苏地区"), ("和田", "和田地区"), ("哈密", "哈密市"), ("兵团", "新疆生产建设兵团"),
    ("新疆维吾尔自治区", "新疆"), ("第十二师", "新疆生产建设兵团"),
])
def test_short_forms_and_aliases_find_their_region(gaz, alias, region):
    assert gaz.find(alias).name == region


@pytest.mark.parametrize("alias, place", [
    ("库尔勒", "库尔勒市"), ("焉耆", "焉耆回族自治县"), ("焉耆县", "焉耆回族自治县"), ("和静", "和静县"),
    ("博湖", "博湖县"), ("塔县", "塔什库尔干塔吉克自治县"), ("第八师", "石河子市"),
    ("第一师阿拉尔市", "阿拉尔市"), ("库车县", "库车市"),
])
def test_place_aliases_resolve_to_the_official_name(gaz, alias, place):
    assert gaz.place(alias).name == place


def test_ambiguous_bare_names_mean_the_region_not_a_place(gaz):
    for word in ("阿克苏", "和田", "阿勒泰", "塔城", "喀什", "昌吉"):
        assert gaz.place(word) is None, word
        assert gaz.find(word) is not None, word


def test_region_of_place_and_aliases_of(gaz):
    assert gaz.region_of_place("焉耆").name == "巴音郭楞蒙古自治州"
    assert gaz.region_of_place("北京") is None
    assert gaz.aliases_of("巴音郭楞蒙古自治州") == ("巴州", "巴音郭楞", "巴音郭楞州")
    assert gaz.aliases_of("焉耆回族自治县") == ("焉耆", "焉耆县")


def test_unknown_names_get_an_ad_hoc_region(gaz):
    assert gaz.find("北京市") is None
    region = gaz.region_for("北京市")
    assert (region.slug, region.kind) == ("bei-jing-shi", "other")


def test_every_name_is_unique_and_every_slug_ascii(gaz):
    slugs = [r.slug for r in gaz.regions]
    assert len(set(slugs)) == len(slugs) and all(re.fullmatch(r"[a-z]+", s) for s in slugs)
    full = [r.name for r in gaz.regions] + [p.name for p in gaz.places]
    assert len(set(full)) == len(full)
    assert not set(gaz.aliases) & set(full)


def test_datelines_outside_xinjiang_are_national(gaz):
    assert gaz.is_national("北京") and gaz.is_national("上海市") and gaz.is_national("广东省")
    assert not gaz.is_national("库尔勒") and not gaz.is_national("乌鲁木齐")


def words(text):
    return [(m.word, m.region, m.place) for m in load_gazetteer().mentions(text)]


def test_mentions_take_the_longest_name():
    assert words("伊宁县和伊宁市，记者马伊宁") == [
        ("伊宁县", "伊犁哈萨克自治州", "伊宁县"), ("伊宁市", "伊犁哈萨克自治州", "伊宁市")]
    assert words("昌吉回族自治州昌吉市") == [
        ("昌吉回族自治州", "昌吉回族自治州", None), ("昌吉市", "昌吉回族自治州", "昌吉市")]


def _alternation(words):
    """The plain pattern the scanner must match as: every word, longest first."""
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(load_gazetteer().national) + sorted(load_gazetteer()._targets)
                                + ["县", "市", "自治", "新", "和", "，", " "]), max_size=30))
def test_the_name_patterns_match_as_one_longest_first_alternation(pieces):
    gaz, text = load_gazetteer(), "".join(pieces)
    for fast, words in ((gaz.national_pattern, gaz.national), (gaz._pattern, gaz._targets)):
        assert [(m.span(), m.group()) for m in fast.finditer(text)] == \
            [(m.span(), m.group()) for m in _alternation(words).finditer(text)]


def test_mentions_skip_words_that_only_contain_a_name():
    assert words("和田玉、哈密瓜、平和静谧、新疆第一师范学院、记者徐新星、创新和发展") == [
        ("新疆", "新疆", None)]


def test_a_bare_county_name_before_a_township_word_is_the_township():
    assert words("库尔勒市阿瓦提乡人民政府") == [("库尔勒市", "巴音郭楞蒙古自治州", "库尔勒市")]
    assert words("阿克托海镇麦盖提村") == []
    assert words("库车乡村振兴，阿瓦提县") == [
        ("库车", "阿克苏地区", "库车市"), ("阿瓦提县", "阿克苏地区", "阿瓦提县")]


def test_a_city_name_before_market_is_read_without_its_city():
    assert words("阿勒泰市场监督管理局") == [("阿勒泰", "阿勒泰地区", None)]
    assert words("每500克市场价") == []


def test_mentions_see_through_wrapped_lines_and_spaced_type():
    assert words("焉耆回族自治\n县四十里城子镇") == [("焉耆回族自治县", "巴音郭楞蒙古自治州", "焉耆回族自治县")]
    assert words("本报库尔勒 8 月 10 日讯") == [("库尔勒", "巴音郭楞蒙古自治州", "库尔勒市")]
    assert join_wrapped("巴音郭楞\n蒙古 自治州 2023 年") == "巴音郭楞蒙古自治州 2023 年"


def test_home_words_are_marked_with_the_region_type_they_speak_for(gaz):
    [mention] = gaz.mentions("州党委副书记")
    assert (mention.home, mention.region) == ("自治州", None)
    assert "州党委" in gaz.home_words_of("巴音郭楞蒙古自治州")
    assert gaz.home_words_of("阿勒泰地区") == ("我地区", "全地区", "地委", "行署")


def test_a_gazetteer_from_minimal_data_works():
    gaz = gazetteer_from_data({"regions": [
        {"name": "甲州", "slug": "jia", "aliases": ["甲"], "places": [{"name": "乙县", "aliases": ["乙"]}]}]})
    assert gaz.region_of_place("乙").name == "甲州"
    assert [m.word for m in gaz.mentions("甲乙县")] == ["甲", "乙县"]


def test_the_data_file_is_what_the_script_generates():
    spec = importlib.util.spec_from_file_location("make_gazetteer", ROOT / "scripts" / "make_gazetteer.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--check"]) == 0, "rerun scripts/make_gazetteer.py"
