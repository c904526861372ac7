"""Kicker (引题), headline and deck (副题) of one headline group, by position and punctuation."""
import pytest

from generator.ingest.headline import split_headline


def parts(lines):
    h = split_headline(lines)
    return h.kicker, h.title, h.subtitle


def test_a_kicker_ending_in_a_dash_sits_above_the_headline():
    assert parts(["贯彻自治区党委十届八次全会精神，我区各地各部门表示——", "努力在高质量发展中闯出新路子"]) == (
        "贯彻自治区党委十届八次全会精神，我区各地各部门表示——", "努力在高质量发展中闯出新路子", None)


def test_a_kicker_ending_in_an_ellipsis_is_not_a_deck():
    assert parts(["增设服务热线、执行首接负责制……", "阿勒泰市医疗保障局破解医保为民服务“难点堵点痛点”"])[:2] == (
        "增设服务热线、执行首接负责制……", "阿勒泰市医疗保障局破解医保为民服务“难点堵点痛点”")


def test_a_page_banner_over_a_headline_and_deck_is_not_the_headline():
    h = split_headline(["新时代新征程新伟业", "昌吉州着力构建新时代党的民族工作格局", "有形有感有效铸牢中华民族共同体意识"])
    assert (h.kicker, h.title, h.subtitle) == ("新时代新征程新伟业", "昌吉州着力构建新时代党的民族工作格局",
                                               "有形有感有效铸牢中华民族共同体意识")
    assert "central" in h.why and "banner" not in h.why


def test_an_event_headline_over_its_deck():
    assert parts(["自治州党委召开常委会扩大会议暨理论学习中心组专题学习会", "传达学习贯彻习近平总书记重要讲话、重要指示精神"]) == (
        None, "自治州党委召开常委会扩大会议暨理论学习中心组专题学习会", "传达学习贯彻习近平总书记重要讲话、重要指示精神")


def test_a_longer_kicker_over_a_short_event_headline():
    assert parts(["传达学习贯彻习近平总书记重要讲话和重要指示精神", "自治区党委常委会召开"]) == (
        "传达学习贯彻习近平总书记重要讲话和重要指示精神", "自治区党委常委会召开", None)


def test_a_dash_deck_follows_its_headline():
    h = split_headline(["抓住机遇扬长补短 开创高质量发展新局面", "——论贯彻落实自治区党委十届八次全会精神"])
    assert (h.kicker, h.title, h.subtitle, h.certain) == (
        None, "抓住机遇扬长补短 开创高质量发展新局面", "——论贯彻落实自治区党委十届八次全会精神", True)


def test_one_line_is_the_headline_and_close_calls_are_marked_uncertain():
    assert split_headline(["巴州辣椒产业合作座谈会召开"]).certain
    h = split_headline(["欢聚一家人", "共享幸福年"])
    assert h.title == "欢聚一家人" and not h.certain


def test_only_a_kicker_and_a_deck_make_the_kicker_the_headline():
    assert parts(["在习近平新时代中国特色社会主义思想指引下——", "——新时代新作为新篇章"]) == (
        None, "在习近平新时代中国特色社会主义思想指引下", "——新时代新作为新篇章")


def test_no_lines_is_a_programming_error():
    with pytest.raises(ValueError):
        split_headline(["", " "])


def test_framing_words_mark_the_kicker_over_a_short_headline():
    assert parts(["深入学习贯彻自治区党委十届八次全会精神", "奏响乡村振兴新乐章"]) == (
        "深入学习贯彻自治区党委十届八次全会精神", "奏响乡村振兴新乐章", None)


def test_a_short_headline_over_a_longer_deck_is_not_a_banner():
    assert parts(["鼠防先锋", "一线调研察实情 真抓实干解难题"]) == (None, "鼠防先锋", "一线调研察实情 真抓实干解难题")


def test_a_title_inferred_from_a_reported_by_lead_skips_the_reporter():
    from generator.ingest.articles import infer_title

    lead = ("本报讯 通讯员刘颖红报道:为深入贯彻落实习近平生态文明思想,坚持和落实“节水优先”方针,"
            "切实增强社区居民节约用水意识,推动形成节水型生活方式,近日,昌吉州水资源管理中心开展了节水宣传活动。")
    assert infer_title(lead) == "为深入贯彻落实习近平生态文明思想"  # half-width commas cut a long sentence too
    assert infer_title("通讯员刘颖红报道：近日，节水宣传活动举行。") == "节水宣传活动举行"


def test_a_deck_that_reports_an_event_is_still_the_deck_under_its_headline():
    assert parts(["巴州被命名为2023年自治区民族团结进步示范区", "三年行动计划全面启动"]) == (
        None, "巴州被命名为2023年自治区民族团结进步示范区", "三年行动计划全面启动")


def test_a_headline_its_lead_retells_is_no_page_banner_over_a_long_deck():
    lines = ["自治区党委党的建设工作领导小组会议召开",
             "扎实开展深入贯彻中央八项规定精神学习教育 推进作风建设常态化长效化 确保党中央决策部署落到实处"]
    assert split_headline(lines, page_top=True).title == lines[1]  # (no lead: read as a banner over its headline)
    lead = "自治区党委党的建设工作领导小组3月13日召开会议，认真学习贯彻习近平总书记重要讲话精神。"
    h = split_headline(lines, page_top=True, lead=lead)
    assert (h.title, h.subtitle) == (lines[0], lines[1])


def test_a_banner_stays_a_banner_when_the_lead_retells_the_headline():
    lines = ["新时代新征程新伟业", "昌吉州着力构建新时代党的民族工作格局"]
    lead = "本报讯 昌吉州着力构建新时代党的民族工作格局，各项工作取得新成效。"
    assert split_headline(lines, page_top=True, lead=lead).title == lines[1]
