"""Recognisers for the small typed lines around articles, and issue facts on a masthead."""
import datetime as dt

import pytest

from generator.ingest import metadata as md


@pytest.mark.parametrize("text,place,outlet,authors", [
    ("本报库尔勒8月10日讯（记\n者 陈彦强） 10 日", "库尔勒", None, ("陈彦强",)),
    ("本报库尔勒 8 月 10 日讯（记者 赵富强 特约记者 刘宇博） 10 日上午", "库尔勒", None, ("赵富强", "刘宇博")),
    ("新华社北京5月28日电 中共中央党史和文献研究院", "北京", "新华社", ()),
    ("本报讯(记者 胡俊秀 王宽)5月29日", None, None, ("胡俊秀", "王宽")),
    ("本报轮台2月6日讯(记者 周海霞 通讯员 麦尔丹·亚森)5日", "轮台", None, ("周海霞", "麦尔丹·亚森")),
    ("本报讯（全媒体记者 张三 通讯员 李四）全州", None, None, ("张三", "李四")),  # a converged newsroom's reporter
    ("本报讯 （石榴云/新疆日报记者 张三）全州", None, None, ("张三",)),  # the outlet before the role is no name
    ("据新华社北京10月7日电 全州", "北京", "新华社", ()), ("天山网讯（记者 张三）全州", None, "天山网", ("张三",)),
    ("新华社电 全州各地", None, "新华社", ()),
])
def test_datelines(text, place, outlet, authors):
    line = md.parse_dateline(text.replace("\n", ""))
    assert (line.place, line.outlet, line.authors) == (place, outlet, authors)


def test_a_sentence_is_not_a_dateline():
    assert md.parse_dateline("记者从巴州民宗局了解到，本报讯的说法") is None


@pytest.mark.parametrize("text", ["本报记者 张三 通讯员 李四 报道 全州", "新华社电视台报道，全州各地"])
def test_a_byline_or_a_word_that_runs_into_讯_or_电_is_no_dateline(text):
    """本报记者张三通讯员…: 讯 of 通讯员 closes no place; 新华社电视台 is no 新华社电."""
    assert md.parse_dateline(text) is None


@pytest.mark.parametrize("text,authors,source", [
    ("□工人日报记者/徐新星 吴泽思", ("徐新星", "吴泽思"), "工人日报"),
    ("□石榴云/新疆日报记者", (), "石榴云/新疆日报"),
    ("□新疆日报评论员", (), "新疆日报"),
    ("本报通讯员 杨菊萍", ("杨菊萍",), None),
    ("本报评论员", (), None), ("新华社评论员", (), "新华社"),  # a paper's own voice: a role and no name
    ("记者李强", ("李强",), None), ("本报记者　王　刚", ("王刚",), None),
])
def test_bylines(text, authors, source):
    byline = md.parse_byline(text)
    assert (byline.authors, byline.source) == (authors, source)


def test_body_sentences_are_not_bylines():
    assert md.parse_byline("记者从巴州民宗局了解到，会议召开。") is None


@pytest.mark.parametrize("text", ["记者手记", "评论员观察", "记者调查"])
def test_a_columns_name_that_opens_with_a_role_is_no_byline(text):
    """记者手记 is a reporter's notebook, not a reporter named 手记: a dictionary word that is no
    person's name, run on from the role, is the column's name."""
    assert md.parse_byline(text) is None


@pytest.mark.parametrize("text,names", [
    ("本报记者 袁海军 摄", ("袁海军",)), ("□徐贤昊/摄", ("徐贤昊",)), ("□新华社记者 燕 雁/摄", ("燕雁",)),
    ("通讯员 巴特尔汉·别尔马汉 摄", ("巴特尔汉·别尔马汉",)), ("新疆交投文化传媒有限责任公司供图", ()),
    ("新华社发", ()), ("（新华社发）", ()), ("资料图片", ()), ("图片来源：视觉中国", ()),  # an agency's or archive's
    ("本版图片均为本报记者 李亚楠摄", ("李亚楠",)), ("新华社发表评论", None),
])
def test_photo_credits(text, names):
    assert md.parse_credit(text) == names


@pytest.mark.parametrize("text", ["[责任编辑:杨佩佩]", "〔责任编辑：杨佩佩〕", "【责任编辑:杨佩佩】", "(责任编辑：杨 佩佩)"])
def test_editor_line_variants(text):
    assert md.parse_editor(text) == "杨佩佩"


@pytest.mark.parametrize("text,names", [
    ("（本版责编：刘　伟　王　芳　张　华）", "刘伟、王芳、张华"),  # two-character names set to three's width
    ("（本版责编：吴 刚 朱思雄 管璇悦）", "吴刚、朱思雄、管璇悦"), ("[责任编辑:朱振陆 李晓燕]", "朱振陆、李晓燕"),
    ("（编辑：李晓燕）", "李晓燕"), ("（编辑部）", None), ("（编辑：这个问题很重要）", None),
])
def test_a_pages_bracketed_editors_are_named_apart(text, names):
    assert md.parse_editor(text) == names


@pytest.mark.parametrize("text,names", [
    ("本版责编：刘　伟　王　芳　张　华", "刘伟、王芳、张华"), ("本版编辑：李晓燕 版式设计：沈亦伶", "李晓燕"),
    ("责任编辑：王建新 美术编辑：朱振陆 校对：杨佩佩", "王建新"), ("编辑：这个问题很重要", None), ("版式设计：沈亦伶", None),
])
def test_a_pages_editor_line_names_its_editors_and_not_its_other_staff(text, names):
    assert md.parse_editor_line(text) == names


@pytest.mark.parametrize("text,outlet", [
    ("(均摘自《人民日报》)", "人民日报"), ("（摘自《光明日报》）", "光明日报"), ("(据新华社)", "新华社"),
    ("(摘自中国航天科普微信公众号)", "中国航天科普微信公众号"),
])
def test_source_lines(text, outlet):
    assert md.parse_source(text) == outlet


@pytest.mark.parametrize("text,value", [
    ("（下转2版）", ("下转", "2版")), ("（下转第二版）", ("下转", "2版")), ("(上接第4页)", ("上接", "4页")),
    ("（下转第十二版）", ("下转", "12版")),
])
def test_continuation_notes(text, value):
    assert md.parse_continued(text) == value


def test_spaced_names_are_rejoined():
    assert md.split_names("严 博 丁义杰 徐玲玲") == ("严博", "丁义杰", "徐玲玲")
    assert md.split_names("杜建芸 刘 昕") == ("杜建芸", "刘昕")


def test_masthead_facts_with_their_lines():
    lines = ["", "2023年5月30日", "癸卯年四月十二", "星期二", "总第10246期", "今日4版", "阿勒泰日报"]
    facts = md.read_issue_facts(lines)
    assert facts.date == (dt.date(2023, 5, 30), 2) and facts.number == (10246, 5) and facts.pages == (4, 6)
    assert facts.name == ("阿勒泰日报", 7)
    magazine = md.read_issue_facts(["2025·3", "总第344期"] + [""] * 100 + ["出版日期 每月28日"])
    assert magazine.label == ("2025·3", 1) and magazine.monthly_day == (28, 103)


def test_dates_inside_article_text_are_not_the_issue_date():
    assert md.read_issue_facts(["本报讯 2023年5月29日，阿勒泰地委召开会议，传达学习了精神。"]).date is None


def test_a_date_at_the_start_of_a_wrapped_body_line_is_not_the_issue_date():
    lines = ["测试日报", "第1版", "新疆喀什地区开展节水宣传", "2024年12月30日，位于克孜", "勒苏柯尔克孜自治州的水利",
             "工程正式通水。", "2023年6月14日 星期三"]
    assert md.read_issue_facts(lines).date == (dt.date(2023, 6, 14), 7)
