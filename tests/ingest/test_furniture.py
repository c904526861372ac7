"""Page furniture is the box, never a sentence that mentions its words."""
from __future__ import annotations

import pytest

from generator.ingest import parse_issue
from generator.ingest.furniture import furniture_kinds, furniture_lines


def _body(text: str) -> str:
    _, articles = parse_issue(text, "巴音郭楞日报")
    return "".join(a.body for a in articles)


def test_a_sentence_about_a_writers_fee_is_text():
    text = "稿费新规出台\n\n本报讯 新规明确，作者的稿酬应在发表后一个月内付清。\n"
    assert "作者的稿酬应在发表后一个月内付清。" in _body(text)


def test_a_sentence_quoting_all_rights_reserved_is_text():
    text = "版权保护进校园\n\n老师讲解“版权所有”四个字的含义，学生们听得很认真。\n"
    assert "老师讲解“版权所有”四个字的含义，学生们听得很认真。" in _body(text)


def test_a_sentence_about_reprinting_without_permission_is_text():
    text = "依法维权\n\n该公司未经作者许可擅自转载文章，被判赔偿损失。\n"
    assert "该公司未经作者许可擅自转载文章，被判赔偿损失。" in _body(text)


def test_the_fee_notice_in_the_staff_box_is_furniture():
    lines = ["本刊部分转载文章的稿酬已按法律规定交由中国文字著作权协会转付，敬请作者与该协会联系。",
             "地址：北京市西城区珠市口西大街120号", "邮编：100037", "", "正文第一段。"]
    assert furniture_kinds(lines) == {0: "notice", 1: "staff", 2: "contact"}


def test_a_short_rights_line_standing_alone_is_furniture():
    assert furniture_kinds(["版权所有 翻印必究", "", "正文第一段，写得很长很长。"]) == {0: "notice"}


def test_a_wrapped_line_starting_with_qr_code_carries_on_the_sentence_above():
    text = "便民服务上线\n\n居民可以用手机微信扫描社区公告栏上的\n二维码：进入小程序后\n预约家政服务。\n"
    assert _body(text) == "居民可以用手机微信扫描社区公告栏上的二维码：进入小程序后预约家政服务。\n"


def test_a_qr_prompt_under_a_masthead_name_is_still_furniture():
    lines = ["《党员之友》", "学习强国号", "", "扫描二维码看视频", "感受基层党员心声", "", "正文第一段。"]
    assert furniture_lines(lines) == {0, 1, 3, 4}


def test_furniture_kinds_name_what_was_removed():
    lines = ["新闻热线：", "0906-2315631", "E-mail: a@b.com", "总第10246期", "社 长 田进宝", "9 772096 746254"]
    assert furniture_kinds(lines) == {0: "hotline", 1: "digits", 2: "contact", 3: "masthead", 4: "staff", 5: "digits"}


def test_a_phone_label_over_a_list_with_words_is_the_articles_text():
    text = ("医保服务再升级\n\n本报讯 记者王芳报道：市医保局开通服务热线，方便群众咨询。\n\n"
            "市医保服务热线电话：\n0906-2100633 业务咨询\n0906-2120082 监督投诉\n")
    assert _body(text).replace(" ", "").endswith("市医保服务热线电话：0906-2100633业务咨询0906-2120082监督投诉\n")


def test_a_hotline_label_over_a_bare_number_is_furniture():
    assert furniture_kinds(["新闻热线：", "0906-2315631", "", "正文第一段，写得很长很长。"]) == {0: "hotline", 1: "digits"}


def test_a_column_line_ending_on_the_word_phone_is_text_and_a_label_over_its_number_is_not():
    column = ["不少群众致电阿勒泰地区12", "345政务服务便民热线反映：", "阿勒泰市医疗保障局热线电话", "很难打通。"]
    assert furniture_kinds(column) == {}
    assert furniture_kinds(["阿勒泰市医疗保障局热线电话", "0906-2100633", "", "正文第一段，写得很长很长。"]) \
        == {0: "hotline", 1: "digits"}


def test_a_pages_editor_line_in_its_header_is_furniture_and_an_articles_bracketed_one_is_not():
    assert furniture_kinds(["第1版", "责任编辑：朱振陆", "[责任编辑:夏珑祯]", "正文第一段，写得很长很长。"]) == {1: "editor"}


def test_a_hotline_under_a_short_masthead_line_is_still_furniture():
    lines = ["中共阿勒泰地委机关报", "新闻热线：", "0906-2315631", "标题", "正文第一段，写得很长很长。"]
    assert furniture_kinds(lines) == {1: "hotline", 2: "digits"}


def test_a_masthead_romanized_name_and_lunar_date_are_furniture_not_headlines():
    """Mastheads print the name in pinyin (CHANGJI RIBAO) and the lunar date under the day
    (农历癸卯年四月廿七): neither heads an article."""
    text = ("昌吉日报\nCHANGJI RIBAO\n2023年6月14日\n星期三\n农历癸卯年四月廿七\n总第11333期\n\n春回阿克陶\n\n"
            "本报6月13日讯（记者 周明）杏花开满山坡，游人络绎不绝。\n")
    _, articles = parse_issue(text, "昌吉日报")
    assert [a.title for a in articles] == ["春回阿克陶"]
    assert "农历" not in articles[0].body and "RIBAO" not in articles[0].body


def test_a_short_line_under_a_qr_prompt_and_over_text_is_a_headline_not_more_of_the_prompt():
    lines = ["扫码观看视频 学习身边榜样", "鼠防先锋", "新疆精河县疾病预防控制中心优秀共产党员陈志刚，三十八年如一日。"]
    assert furniture_lines(lines) == {0}


def test_a_headline_between_two_qr_prompts_is_not_part_of_either():
    lines = ["扫码观看视频 学习身边榜样", "向沙而行", "扫码观看视频 学习身边榜样",
             "新疆策勒沙漠研究站站长曾凡江，扎根策勒县近30年。"]
    assert furniture_lines(lines) == {0, 2}


def test_a_wrapped_line_that_starts_with_the_word_contents_is_text_not_a_table_of_contents():
    from generator.ingest.furniture import read_toc
    lines = ["形成紧缺人才", "目录，通过“产业+人才”“项目", "+人才”等引才模式，针对性引进人才。"]
    assert read_toc(lines).lines == frozenset()
    assert read_toc(["目录 MULU", "卷首语", "1 促进区域协调发展 更好建设美丽新疆"]).entries


def test_a_page_number_under_a_qr_prompt_is_the_pages_not_the_prompts_second_line():
    text = ("扫码关注昌吉日报微信公众号\n第2版\n沙漠公路通车迎来首批货车\n"
            "本报讯 记者王明报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。\n")
    [article] = parse_issue(text, "昌吉日报")[1]
    assert (article.title, article.page) == ("沙漠公路通车迎来首批货车", 2)


def test_the_numbers_set_on_a_pages_photos_are_furniture():
    assert furniture_kinds(["①", "②", "①②", "图①：村民在采摘红枣。"]) == {0: "digits", 1: "digits", 2: "digits"}


@pytest.mark.parametrize("line", ["·12·", "— 12 —", "第12页", "12 党员之友", "党员之友 2025·3", "《党员之友》 2025年第3期 12",
                                  "2025年第3期"])
def test_a_magazines_running_heads_and_folios_are_furniture(line):
    assert furniture_kinds([line, "正文第一段，写得很长很长很长很长很长。"], "党员之友") != {}


@pytest.mark.parametrize("line", ["党员之友 杂志 12", "—— 12 个 ——", "2024年"])
def test_a_line_with_other_words_beside_the_name_or_number_is_not_a_running_head(line):
    assert furniture_kinds([line, "正文第一段，写得很长很长很长很长很长。"], "党员之友") == {}


def test_a_story_across_a_magazines_page_turn_stays_one_story():
    """The page's number (— 12 —, ·13·) and the running head (党员之友 2025·3, 12 党员之友) between
    its paragraphs are furniture: no new article, no crosshead, nothing glued to a paragraph."""
    text = ("丝路明珠绽放新活力\n吴振琳\n\n新疆吐鲁番市作为世界文化遗产交汇地，坚持党建引领聚合力，深挖特色产业潜力。\n\n"
            "— 12 —\n\n党员之友 2025·3\n\n增强党组织的政治功能和组织功能，推动党建工作与产业深度融合发展。\n\n·13·\n\n"
            "紧跟产业发展需求，坚持发展智慧农业，精心绘制高质量发展新图景。\n\n12 党员之友\n\n（作者单位：新疆吐鲁番市委组织部）\n")
    [article] = parse_issue(text, "党员之友")[1]
    assert article.body.split("\n\n") == ["新疆吐鲁番市作为世界文化遗产交汇地，坚持党建引领聚合力，深挖特色产业潜力。",
                                          "增强党组织的政治功能和组织功能，推动党建工作与产业深度融合发展。",
                                          "紧跟产业发展需求，坚持发展智慧农业，精心绘制高质量发展新图景。",
                                          "（作者单位：新疆吐鲁番市委组织部）\n"]
