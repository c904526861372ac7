"""The segmenter's named rules, each on a small hand-made text in the style of PDF extraction:
what a reader sees (titles, first and last characters of each body)."""
from __future__ import annotations

import pytest

from generator.ingest import parse_issue, parse_text

from generator.ingest.lines import in_wrapped_column, uses_blank_lines
from generator.ingest.titles import is_wide_title


def _articles(text: str):
    _, articles = parse_issue(text, "测试日报")
    return [(a.title, a.body.strip()[:6], a.body.strip()[-6:]) for a in articles]


# Two stories, paragraphs one per line, no blank line anywhere (e-paper exports).
NO_BLANKS = """\
沙漠公路通车迎来首批货车
本报讯 记者王明报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。
这条公路全长120公里，沿线设有三处服务区，方便司机休息补给。
今后两县之间的车程将缩短一半，当地特产运出更加便捷。
老城街区改造完工
本报讯 通讯员李华报道：历时半年的老城街区改造日前完工，居民陆续回迁。
改造保留了原有的街巷格局，新增停车位两百余个。
"""


def test_without_blank_lines_a_title_like_line_after_a_finished_sentence_opens_an_article():
    assert _articles(NO_BLANKS) == [
        ("沙漠公路通车迎来首批货车", "本报讯记者王", "产运出更加便捷。"[-6:]),
        ("老城街区改造完工", "本报讯通讯员", "新增停车位两百余个。"[-6:]),
    ]


def _wrap(paragraph: str, width: int, indent: str = "\u3000\u3000") -> str:
    """A paragraph hard-wrapped as PDF text of a narrow column is: indent, then lines of `width`."""
    text = indent + paragraph
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


# A page hard-wrapped at 14 characters, paragraphs opened by a U+3000 indent, no blank lines.
INDENTED = "\n".join([
    "果园迎来丰收季",
    _wrap("本报讯 记者王明报道：连日来，县里的苹果园迎来采摘旺季，果农们忙着采摘、分拣、装箱，一派繁忙景象。", 14),
    _wrap("今年全县苹果种植面积达到五万亩，预计产量比去年增长两成。", 14),
    "草原牧民冬储饲草",
    _wrap("本报讯 通讯员李华报道：入冬前，牧民们抓紧收储饲草料，确保牲畜安全过冬。", 14),
]) + "\n"


def test_an_indent_starts_a_paragraph_and_a_narrow_title_line_starts_an_article():
    _, articles = parse_issue(INDENTED, "测试日报")
    assert [a.title for a in articles] == ["果园迎来丰收季", "草原牧民冬储饲草"]
    assert articles[0].body.count("\n\n") == 1  # two paragraphs, split at the indent
    assert articles[0].body.strip().endswith("预计产量比去年增长两成。")
    assert articles[1].body.strip().endswith("确保牲畜安全过冬。")


def test_a_paragraphs_first_line_as_wide_as_its_column_is_body_not_a_headline():
    # the paragraph's first line (全县各族干部群众积极参) has no punctuation, but it is as wide
    # as the wrapped lines under it
    text = "\n".join(["新闻标题一", "本报讯 记者王明报道：事情是这样的。",
                     _wrap("全县各族干部群众积极参与植树造林活动，共栽植各类苗木十余万株，成活率保持在九成以上。", 14)])
    _, [article] = parse_issue(text, "测试日报")
    assert article.title == "新闻标题一"
    assert "全县各族干部群众积极参与植树造林活动" in article.body


def test_a_headline_as_wide_as_the_column_is_still_one_when_a_lead_follows():
    text = "\n".join(["第一条新闻", "本报讯 记者李华报道：第一条新闻的正文结束了。", "全县植树造林活动全面启动",
                     _wrap("本报讯 记者王明报道：全县各族干部群众积极参与植树造林活动，成活率保持在九成以上。", 12, "")])
    _, articles = parse_issue(text, "测试日报")
    assert articles[-1].title == "全县植树造林活动全面启动"
    assert articles[-1].body.startswith("本报讯")


def test_a_wrapped_credit_is_not_taken_for_a_headline():
    text = ("游客观光\n本报讯 记者王明报道：游客在湖边观光。\n本报记者 袁\n海军 摄\n"
            "第二条新闻标题\n本报讯 通讯员李华报道：又一件事发生了。\n")
    _, articles = parse_issue(text, "测试日报")
    assert [a.title for a in articles] == ["游客观光", "第二条新闻标题"]
    assert "袁海军" in articles[0].photographers[0].replace(" ", "")


def test_blank_line_use_is_read_from_where_sentences_end():
    with_blanks = ["标题", "", "第一段。", "", "第二段，", "接着写。", "", "第三段。"]
    assert uses_blank_lines(with_blanks)
    assert not uses_blank_lines([line for line in with_blanks if line])


def test_column_width_evidence_needs_body_lines_not_a_list_of_names():
    assert in_wrapped_column(14, ([], ["造林活动，共栽植各类苗木十余", "万株，成活率保持在九成以上，", "为改善生态环境打下基础。"]))
    assert not in_wrapped_column(4, ([], ["国家主席", "中央军委", "天和问天"]))


# A lead story's headline group as a paper sets it: a slogan over the page, the headline, a deck,
# the byline, then the story's column label over its first words.
HEADLINE_GROUP = """\
奋进新时代建功新征程

伊宁县多措并举推动特色产业提质增效

小庭院激活乡村振兴大能量

本报通讯员 马晓燕

乡村振兴一线

今年以来，伊宁县立足资源禀赋，大力发展庭院经济，带动农户增收。

截至目前，全县发展庭院经济示范户三百余户。

霍城县举办农民丰收节

本报讯 通讯员张丽报道：9月23日，霍城县农民丰收节在清水河镇开幕。
"""


def test_a_three_line_headline_group_is_kicker_title_and_deck_and_the_label_under_the_byline_is_the_column():
    _, articles = parse_issue(HEADLINE_GROUP, "伊犁日报")
    first = articles[0]
    assert first.title == "伊宁县多措并举推动特色产业提质增效"
    assert first.subtitle == "小庭院激活乡村振兴大能量"
    assert first.authors == ("马晓燕",)
    assert first.column == "乡村振兴一线"
    assert first.body.startswith("今年以来") and first.body.strip().endswith("三百余户。")
    assert [a.title for a in articles] == ["伊宁县多措并举推动特色产业提质增效", "霍城县举办农民丰收节"]


def test_the_kicker_over_a_title_and_deck_is_kept_not_dropped():
    from generator.ingest import _parse
    _, _, left_out, _ = _parse(HEADLINE_GROUP, "伊犁日报", None)
    assert left_out == []


def test_photo_labels_printed_after_an_articles_editor_line_end_that_article():
    text = ("航天器的名字\n\n本刊讯 中国航天器的名字各有来历，寄托着美好愿望。\n\n[责任编辑:王芳]\n\n"
            "神舟\n\n天宫\n\n嫦娥\n\n乡村振兴看新疆\n\n近年来，若羌县大力实施人才强县战略。\n\n[责任编辑:李明]\n")
    from generator.ingest import _parse
    _, articles, left_out, _ = _parse(text, "党员之友", None)
    assert left_out == []
    assert articles[0].body.rstrip().endswith("神舟 天宫 嫦娥")
    assert articles[1].title == "乡村振兴看新疆" and articles[1].body.startswith("近年来")


def test_the_furniture_a_parse_removed_is_returned_with_line_and_kind():
    from generator.ingest import parse_text
    text = "测试日报\n\n总第10246期\n\n新闻热线：\n0906-2315631\n\n标题一\n\n正文第一段。\n"
    parsed = parse_text(text, "测试日报", None)
    assert [(f.line, f.text, f.kind) for f in parsed.furniture] == [
        (1, "测试日报", "masthead"), (3, "总第10246期", "masthead"), (5, "新闻热线：", "hotline"), (6, "0906-2315631", "digits")]
    assert [a.title for a in parsed.articles] == ["标题一"]


def test_a_headline_ending_in_a_column_tag_is_a_headline_and_the_tag_its_column():
    text = ("上一篇的标题\n\n本报讯 记者王明报道：上一篇说完了。\n\n"
            "让文明新风吹进千家万户（今日谈）\n\n本报讯 记者李华报道：移风易俗，从点滴做起。\n")
    _, articles = parse_issue(text, "测试日报")
    assert [(a.title, a.column) for a in articles][-1] == ("让文明新风吹进千家万户", "今日谈")
    assert articles[-1].body.startswith("本报讯")


def test_a_headline_with_a_comma_is_a_headline_when_a_lead_follows_it():
    text = ("上一篇的标题\n\n本报讯 记者王明报道：上一篇说完了。\n\n"
            "打造“石榴籽服务站”，服务群众强“磁场”\n\n本报6月13日讯（记者 韩明）服务站建起来了。\n")
    _, articles = parse_issue(text, "测试日报")
    assert articles[-1].title == "打造“石榴籽服务站”，服务群众强“磁场”"
    assert articles[-1].body.startswith("本报6月13日讯")


def test_a_comma_headline_wrapped_onto_several_lines_over_a_lead_opens_its_story():
    # The story above breaks off mid-sentence (its column continues elsewhere): only the lead under
    # the wrapped headline says where the next story starts.
    text = ("上一篇的标题\n\n本报讯 记者王明报道：上一篇说到这里，提升养\n\n"
            "内蒙古自治区鄂尔多斯市鄂\n托克前旗探索毗邻党建模式，\n引领区域协同发展\n\n"
            "本报6月13日讯（记者 艾力·吐尔逊）党建联建，共谋发展。\n")
    _, articles = parse_issue(text, "测试日报")
    assert [a.title for a in articles] == ["上一篇的标题", "内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式，引领区域协同发展"]
    assert articles[0].body.rstrip().endswith("提升养")
    assert articles[1].body.startswith("本报6月13日讯")


def test_a_list_of_phone_numbers_after_its_label_ends_the_article_not_opens_the_next():
    text = ("医保服务再升级\n\n本报讯 记者王芳报道：市医保局开通服务热线。\n\n市医保服务热线电话：\n0906-2100633 业务咨询\n"
            "0906-2120082 监督投诉\n\n下一篇的标题\n\n本报讯 记者李华报道：又一件事。\n")
    _, articles = parse_issue(text, "测试日报")
    assert [a.title for a in articles] == ["医保服务再升级", "下一篇的标题"]
    assert articles[0].body.replace(" ", "").rstrip().endswith("0906-2120082监督投诉")


def test_a_headline_with_every_character_printed_twice_reads_once():
    text = "苏苏新新携携手手润润民民生生 万万里里同同心心织织锦锦绣绣\n\n本报讯 记者王明报道：两地携手，共谋发展。\n"
    _, [article] = parse_issue(text, "测试日报")
    assert article.title == "苏新携手润民生 万里同心织锦绣"


def test_a_running_page_header_is_a_page_boundary_not_a_headline():
    text = ("第一条新闻\n本报讯 记者王明报道：第一件事办完了。\n"
            "2023年6月14日 星期三 第2版 时政 责任编辑：齐桂帆\n"
            "第二条新闻（今日谈）\n本报讯 记者李华报道：第二件事也办完了。\n")
    _, articles = parse_issue(text, "测试日报")
    assert [(a.title, a.page) for a in articles] == [("第一条新闻", None), ("第二条新闻", 2)]
    assert articles[1].column == "今日谈"


def test_a_long_headline_with_a_comma_and_a_column_tag_over_a_deck_and_byline_is_a_headline():
    text = "\n".join([
        "第一条新闻", "本报讯 记者王明报道：第一件事办完了。",
        "内蒙古自治区鄂托克前旗探索毗邻党建模式，引领区域协同发展（今日谈）",
        "——记扎根基层的优秀共产党员", "□本报记者/艾力·吐尔逊",
        _wrap("党建联建，充分发挥党组织的政治优势和组织优势，形成合力。", 17)])
    _, articles = parse_issue(text, "测试日报")
    last = articles[-1]
    assert (last.title, last.subtitle, last.column) == (
        "内蒙古自治区鄂托克前旗探索毗邻党建模式，引领区域协同发展", "——记扎根基层的优秀共产党员", "今日谈")
    assert last.body.startswith("党建联建")


def test_a_line_over_a_headline_with_a_column_tag_is_its_kicker():
    text = "\n".join(["奋力谱写中国式现代化新疆篇章", "鼠防先锋（评论员观察）", "胡俊秀",
                     _wrap("新疆精河县疾病预防控制中心优秀共产党员陈志刚，三十八年如一日，坚守荒山野岭。", 17, "")])
    _, [article] = parse_issue(text, "测试日报")
    assert (article.title, article.subtitle, article.column) == ("鼠防先锋", "奋力谱写中国式现代化新疆篇章", "评论员观察")
    assert article.body.startswith("新疆精河县")


def test_a_short_name_under_a_page_number_is_the_pages_section_not_a_headline():
    text = "\n".join(["第1版", "经济", "为铸牢中华民族共同体意识提供坚强组织保证（天山时评）", "项目建设跑出加速度",
                     "□本报记者/熊鹰", _wrap("新疆喀什地区组织系统牢牢把握工作主线，紧紧围绕“人”这个关键要素，"
                                          "不断强化思想政治建设，做实做好党员干部人才工作。", 17)])
    _, [article] = parse_issue(text, "测试日报")
    assert (article.title, article.subtitle, article.column, article.page) == (
        "为铸牢中华民族共同体意识提供坚强组织保证", "项目建设跑出加速度", "天山时评", 1)


def test_headlines_after_their_bodies_are_read_per_page():
    page_one = ("第01版：要闻\n\n县里召开春耕动员会\n\n本报讯 记者王明报道：县里召开春耕动员会，部署今年的春耕生产工作。\n\n"
                "牧区转场工作有序推进\n\n本报讯 记者李华报道：各乡镇组织牧民有序转场，确保人畜安全。\n\n")
    page_two = ("第02版：图片新闻\n\n8月7日，游客在博湖县博斯腾湖景区观光旅游，湖面上游船往来穿梭，岸边游人如织。\n\n"
                "博斯腾湖游人如织\n\n连日来，各地游客纷纷来到库尔勒市孔雀河畔休闲散步，欣赏城市夜景，享受夏日清凉。\n\n"
                "孔雀河畔夜色美\n")
    _, articles = parse_issue(page_one + page_two, "测试日报")
    assert [(a.title, a.page, a.body[:5]) for a in articles] == [
        ("县里召开春耕动员会", 1, "本报讯记者"), ("牧区转场工作有序推进", 1, "本报讯记者"),
        ("博斯腾湖游人如织", 2, "8月7日，"), ("孔雀河畔夜色美", 2, "连日来，各")]


LONG_FEATURE = """\
巴州召开2026年民政重点工作推进会暨民政系统安全生产工作会

4日，巴州召开民政重点工作推进会，总结去年工作，部署今年任务。

会议要求，各县市要提高养老服务质效，加快推进老年友好型社区建设。

把握新方位——

会议指出，要把握民政工作面临的新形势新任务，推动民政事业高质量发展。

教育引导广大党员在推进中国式现代化中建功立业

日前，中共中央办公厅印发了《全国党员教育培训工作规划》。
"""


def test_a_headline_too_long_for_a_crosshead_opens_an_article_and_a_short_crosshead_stays_a_subheading():
    _, articles = parse_issue(LONG_FEATURE, "测试日报")
    assert [a.title for a in articles] == ["巴州召开2026年民政重点工作推进会暨民政系统安全生产工作会",
                                           "教育引导广大党员在推进中国式现代化中建功立业"]
    assert "## 把握新方位——" in articles[0].body
    assert articles[0].body.strip().endswith("推动民政事业高质量发展。")


def test_a_lead_under_a_headline_and_its_photo_belongs_to_that_story():
    text = ("规划印发答记者问\n\n图为项目施工现场一角。\n\n□李东泽/摄\n\n"
            "本报6月13日讯（记者 杨菊萍）日前，中共中央办公厅印发了规划。\n\n规划分为5个部分。\n")
    _, [article] = parse_issue(text, "测试日报")
    assert article.title == "规划印发答记者问"
    assert "图为项目施工现场一角。" in article.body and article.body.strip().endswith("规划分为5个部分。")
    assert article.photographers == ("李东泽",)


def test_a_framing_kicker_longer_than_its_headline_is_the_kicker():
    """学习贯彻党的二十大精神 over “守艺人”: framing words make the upper line the kicker, though it
    is the longer one; the headline is the line under it (headline.split_headline decides)."""
    text = ("学习贯彻党的二十大精神\n\n“守艺人”\n\n本报6月13日讯（记者 张云梅）乌珠牛录村党员布云秀"
            "免费传授锡伯族刺绣技艺。\n")
    _, [article] = parse_issue(text, "测试日报")
    assert article.title == "“守艺人”"
    assert article.body.startswith("本报6月13日讯")


def test_a_short_headline_wholly_in_quotation_marks_is_the_title_over_its_deck():
    """聚焦高质量发展 / “守艺人” / 各族群众共享发展成果, the kicker printed over two stories of the
    page: a line wholly in quotation marks is a feature's headline, however short (a column's
    label is never quoted), and the line under it its deck."""
    text = ("聚焦高质量发展\n\n小核桃闯出大市场\n\n本报6月13日讯（记者 王宽）阿不都热合曼·克比尔成立了林果业合作社。\n\n"
            "他致力于将合作社打造为林果业实训基地，定期邀请专家到田间地头指导。\n\n"
            "聚焦高质量发展\n\n“守艺人”\n\n各族群众共享发展成果\n\n本报6月13日讯（记者 张云梅）乌珠牛录村"
            "党员布云秀免费传授锡伯族刺绣技艺。\n")
    _, [_, article] = parse_issue(text, "测试日报")
    assert (article.title, article.subtitle) == ("“守艺人”", "各族群众共享发展成果")


def test_three_plain_headline_lines_are_banner_title_and_deck():
    text = ("新时代新征程新伟业\n\n昌吉州着力构建新时代党的民族工作格局\n\n有形有感有效铸牢中华民族共同体意识\n\n"
            "本报通讯员 杨菊萍\n\n今年以来，昌吉州坚持把民族工作作为根本性工作。\n")
    _, [article] = parse_issue(text, "测试日报")
    assert (article.title, article.subtitle) == ("昌吉州着力构建新时代党的民族工作格局", "有形有感有效铸牢中华民族共同体意识")


# Two stories with no byline or lead: each closes with its reporters' credit in brackets, and the
# second story's headline is short enough to be a crosshead.
CREDIT_CLOSED = """\
戈壁滩上建起光伏电站

连日来，园区内的光伏电站建设进入冲刺阶段，工人们加紧安装组件。

项目建成后年发电量可达三亿千瓦时，将有效缓解当地用电压力。（记者 王明 通讯员 李华）

牧民喜迁新居

入冬前，二十户牧民搬进了新建的定居房，屋里通了暖气和自来水。

牧民们说，住上新房子，日子越过越有奔头。（记者 张强）
"""


def test_a_paragraph_closing_with_the_reporters_credit_ends_its_story():
    assert _articles(CREDIT_CLOSED) == [
        ("戈壁滩上建起光伏电站", "连日来，园区", "通讯员李华）"),
        ("牧民喜迁新居", "入冬前，二十", "（记者张强）"),
    ]


# A commentary page: no story carries a byline or a lead, and the second headline is as short as
# a crosshead. The third story has crossheads set in parallel (same spaced halves).
UNSIGNED = """\
让绿色成为发展底色

生态保护和经济发展并不矛盾，关键在于找准结合点。

各地要因地制宜，走出一条生态优先的路子。

实干书写新篇章

好日子是干出来的。面对新任务，更要拿出实干的劲头。

唯有脚踏实地，才能把蓝图变成现实。

乡村振兴离不开产业兴旺发展

产业兴旺是乡村振兴的基础，各地纷纷探索新路。

强基础 筑牢发展根基

首先要把基础设施建好，让产品运得出去。

育人才 激活内生动力

其次要培养本土人才，让年轻人愿意回来。
"""


def test_in_an_unsigned_issue_a_short_headline_opens_a_story_and_parallel_crossheads_do_not():
    _, articles = parse_issue(UNSIGNED, "测试日报")
    assert [a.title for a in articles] == ["让绿色成为发展底色", "实干书写新篇章", "乡村振兴离不开产业兴旺发展"]
    assert articles[1].body.strip().endswith("才能把蓝图变成现实。")
    assert "强基础 筑牢发展根基" in articles[2].body and articles[2].body.strip().endswith("让年轻人愿意回来。")


# A report with long numbered crossheads, then the next story under a long headline and its lead.
NUMBERED_SECTIONS = """\
做深做实干部政治素质考察研究

本报讯（记者 王明）课题组在深入调研的基础上，形成了研究报告。

一、新疆开展干部政治素质考察的实践探索

近年来，各地积极探索，取得了较好成效。

二、当前干部政治素质考察存在的主要问题

与做深做实的要求相比，还存在不小的距离。

巴州召开民政重点工作推进会暨民政系统安全生产工作会

本报讯（记者 李华）4日，巴州召开民政重点工作推进会。
"""


def test_long_crossheads_set_in_parallel_stay_in_their_story():
    _, articles = parse_issue(NUMBERED_SECTIONS, "测试日报")
    assert [a.title for a in articles] == ["做深做实干部政治素质考察研究", "巴州召开民政重点工作推进会暨民政系统安全生产工作会"]
    assert "## 二、当前干部政治素质考察存在的主要问题" in articles[0].body
    assert articles[0].body.strip().endswith("还存在不小的距离。")


# The same column label printed over two stories, each time longer than the headline under it.
RECURRING_LABEL = """\
铸牢中华民族共同体意识

新疆召开干部大会

本报6月13日讯（记者 王明）12日，新疆召开干部大会，传达有关精神。

铸牢中华民族共同体意识

榜样的力量

本报6月13日讯（记者 李华）连日来，各地开展向先进典型学习活动。
"""


def test_a_label_printed_over_several_stories_is_their_column_not_their_headline():
    _, articles = parse_issue(RECURRING_LABEL, "测试日报")
    assert [a.title for a in articles] == ["新疆召开干部大会", "榜样的力量"]
    assert [a.column for a in articles] == ["铸牢中华民族共同体意识"] * 2


# A story's photo printed after its last paragraph, just before the next headline.
PICTURED_AFTER = """\
村里的“主心骨”

本报6月13日讯（记者 王明）驻村工作队深入农户家中宣讲惠民政策。

工作队还组织了法律知识讲座，村民们听得认真。

图为工作人员向群众讲解相关知识。

本报记者 李华 摄

促进区域协调发展 更好建设美丽新疆

本报6月13日讯（记者 张强）近日，自治区召开区域协调发展推进会。
"""


def test_a_pictured_caption_after_a_story_illustrates_it_and_is_no_photo_item():
    _, articles = parse_issue(PICTURED_AFTER, "测试日报")
    assert [a.title for a in articles] == ["村里的“主心骨”", "促进区域协调发展 更好建设美丽新疆"]
    assert "图为工作人员向群众讲解相关知识。" in articles[0].body


# No blank lines; the first story breaks off mid-sentence, inside a quotation (its text jumps to another page).
BROKEN_OFF = """\
沙漠公路通车迎来首批货车
本报讯 记者王明报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。
根据安排，“沿线服务区
老城街区改造完工
本报讯 通讯员李华报道：历时半年的老城街区改造日前完工，居民陆续回迁。
"""


def test_a_title_line_right_over_a_lead_is_a_headline_even_after_a_story_that_breaks_off():
    assert [title for title, _, _ in _articles(BROKEN_OFF)] == ["沙漠公路通车迎来首批货车", "老城街区改造完工"]


# A column 16 characters wide, paragraphs opened by an indent; the first story breaks off
# mid-sentence and the next story's lead wraps across two lines.
NARROW_BROKEN_OFF = "\n".join([
    "调解室里化纠纷",
    _wrap("本报讯 记者王明报道：今年以来，县里的村（社区）党组织把调解室建到了群众家门口，矛盾纠纷化解在基层。", 16),
    _wrap("村里搭建起多个特色调解室，积极参与矛盾纠纷化解，创新模式方法", 16),
    "榜样的力量",
    _wrap("本报6月13日讯（记者 陈新 通讯员 马伊宁）党员们坚定信念、践行宗旨，展现了高尚品质。", 16),
]) + "\n"


def test_in_a_narrow_column_a_title_line_over_a_wrapped_lead_opens_a_story_after_one_that_breaks_off():
    assert [title for title, _, _ in _articles(NARROW_BROKEN_OFF)] == ["调解室里化纠纷", "榜样的力量"]


# The second headline has a comma in it and the PDF text printed each of its characters twice.
DOUBLED_COMMA_TITLE = """\
沙漠公路通车迎来首批货车

本报讯（记者 王明）12日，连接两县的沙漠公路正式通车，首批货车顺利通过。

内内蒙蒙古古自自治治区区鄂鄂尔尔多多斯斯市市鄂鄂托托克克前前旗旗探探索索毗毗邻邻党党建建模模式式，，引引领领区区域域协协同同发发展展

本报6月13日讯（记者 徐新星）党建联建，充分发挥党组织的政治优势和组织优势。
"""


def test_a_comma_headline_printed_with_doubled_characters_opens_its_story():
    assert [title for title, _, _ in _articles(DOUBLED_COMMA_TITLE)] == [
        "沙漠公路通车迎来首批货车", "内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式，引领区域协同发展"]


# A PDF page of a national daily: headlines set across columns (wider than the 15-character
# column, commas and a column tag in them), a deck, a byline or an author line, then the body.
_BODY_A = ("党建联建，充分发挥党组织的政治优势和组织优势，与邻县组织部门共同签订合作框架协议，在干部共育、"
           "人才共享、产业共联等方面达成合作共识。资源联享，以组织联建推动乡村振兴资源联享、产业联兴。")
_BODY_B = ("3月16日出版的第6期杂志将发表重要文章。文章强调，我们党在坚持基本经济制度上的观点是明确的、"
           "一贯的，而且是不断深化的，从来没有动摇。")
_BODY_C = "在帕米尔高原，春天来得晚。村里的杏花开了，游客多了，村民的日子越过越红火。"
PDF_PAGE = [  # the blocks of the page
    "内蒙古鄂托克前旗探索毗邻党建模式，引领区域协同发展（评论员观察）",
    "今年以来累计接待游客超过百万人次",
    "程勇",
    _wrap(_BODY_A, 15),
    "（作者单位：新疆昌吉市委宣\n传部）",
    "坚持和落实“两个毫不动摇”的重要文章发表（今日谈）",
    "三年行动计划全面启动",
    "本报记者 盛雪",
    _wrap(_BODY_B, 15),
    "春回阿克陶",
    "——访自治区人大代表",
    _wrap("本报讯 通讯员韩沁言报道：" + _BODY_C, 15),
]


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["no blank lines", "blank lines"])
def test_on_a_wrapped_page_headlines_wider_than_the_column_open_stories_under_their_own_title(separator):
    articles = parse_issue(separator.join(PDF_PAGE) + "\n", "测试日报")[1]
    assert [(a.title, a.subtitle) for a in articles] == [
        ("内蒙古鄂托克前旗探索毗邻党建模式，引领区域协同发展", "今年以来累计接待游客超过百万人次"),
        ("坚持和落实“两个毫不动摇”的重要文章发表", "三年行动计划全面启动"),
        ("春回阿克陶", "——访自治区人大代表")]
    first = articles[0]
    assert first.authors == ("程勇",) and first.column == "评论员观察"
    assert first.body.rstrip().endswith("（作者单位：新疆昌吉市委宣传部）")  # the note wrapped inside its brackets
    assert articles[1].body.startswith("3月16日出版") and articles[1].authors == ("盛雪",)


# A narrow column (14): a photo caption with its credit between two stories, then a headline
# wrapped inside a word (联 / 赛) over a deck and a wrapped lead, no blank lines anywhere.
CAPTION_THEN_WRAPPED_HEADLINE = "\n".join([
    "居民迎来新食堂",
    _wrap("本报讯 记者王明报道：今年以来，社区把助餐点建到了群众家门口，老人吃饭更方便了。", 14),
    "中国南方航空股份有限公司持续",
    "建设“空中帮扶之路”，开通",
    "“新疆和田乡村振兴号”航班。",
    "本报记者 刘颖红 摄",
    "自治区青少年拳击俱乐部联",
    "赛总决赛在库尔勒开赛",
    "各族群众共享发展成果",
    _wrap("本报库尔勒6月13日讯（记者 盖有军）6日，青少年拳击俱乐部联赛总决赛在库尔勒巴音体育馆开赛。", 14),
]) + "\n"


def test_a_credit_ends_its_caption_and_a_headline_wrapped_inside_a_word_stays_one():
    articles = parse_issue(CAPTION_THEN_WRAPPED_HEADLINE, "测试日报")[1]
    titles = [(a.title, a.subtitle) for a in articles]
    assert ("自治区青少年拳击俱乐部联赛总决赛在库尔勒开赛", "各族群众共享发展成果") in titles
    story = next(a for a in articles if a.title.startswith("自治区青少年"))
    assert story.body.startswith("本报库尔勒6月13日讯") and story.body.rstrip().endswith("开赛。")
    assert not any("自治区青少年" in a.body for a in articles)  # the headline is in no caption or body
    assert any("空中帮扶之路" in a.body for a in articles)  # the caption is kept


# A signed issue: the first story opens with a dateline lead; the second has a short headline with
# no byline under it (taken alone, a crosshead) and closes with its reporters' credit.
TWICE_SIGNED = """\
沙漠公路通车迎来首批货车

本报讯 记者王明报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。

沿线服务区同步开放，司机可以就近加油、休息。

老城街区焕新颜

历时半年的老城街区改造日前完工，居民陆续回迁。

街区保留了老建筑的风貌，新开了十几家小店。（记者 李华 通讯员 赵敏）
"""


def test_one_story_has_one_byline_a_short_headline_over_a_credited_story_opens_it():
    articles = parse_issue(TWICE_SIGNED, "测试日报")[1]
    assert [a.title for a in articles] == ["沙漠公路通车迎来首批货车", "老城街区焕新颜"]
    assert articles[0].authors == ("王明",) and articles[1].authors == ("李华", "赵敏")
    assert articles[1].body.startswith("历时半年")


def test_a_short_headline_with_its_column_tag_opens_a_story_not_a_crosshead():
    text = TWICE_SIGNED.replace("老城街区焕新颜", "老城新颜（今日谈）\n\n改造惠及三千户居民").replace("（记者 李华 通讯员 赵敏）", "")
    articles = parse_issue(text, "测试日报")[1]
    assert [(a.title, a.subtitle, a.column) for a in articles][1] == ("老城新颜", "改造惠及三千户居民", "今日谈")


def test_a_writers_name_alone_under_a_headline_is_a_byline_even_after_a_story_that_breaks_off():
    text = "\n\n".join([
        "沙漠公路通车迎来首批货车",
        _wrap("本报讯 记者王明报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。沿线服务区将", 13),
        "脚步丈量乡村路 实干书写",  # as wide as the column, after a story cut off mid-sentence
        "孙丽娜",
        _wrap("习近平总书记强调：“社会主义是干出来的，新时代也是干出来的。”选调生肩负着时代的重任。", 13),
    ]) + "\n"
    articles = parse_issue(text, "测试日报")[1]
    assert [(a.title, a.authors) for a in articles] == [("沙漠公路通车迎来首批货车", ("王明",)),
                                                       ("脚步丈量乡村路 实干书写", ("孙丽娜",))]


def test_on_a_wrapped_page_a_long_crosshead_wrapped_in_its_column_stays_in_its_story():
    lead = "本报讯 记者王明报道：区域协调发展以政府引导为重要特征，有利于解决自由市场机制的缺陷，促进共同富裕。"
    section = "市场可能出现“失灵”，加速“循环因果”效应，导致区域间差距扩大。政策系统集成是弥补这一缺陷的重要办法。"
    text = "\n".join([
        "以区域协调发展推进中国式现代化建设新篇章",  # set across the columns: one line
        _wrap(lead + "会议强调要抓好落实。", 17),
        "政策系统集成是促进区域协调发展的重",  # a crosshead longer than the column wraps in it
        "要路径",
        _wrap(section + section, 17),
    ]) + "\n"
    [article] = parse_issue(text, "测试日报")[1]
    assert article.title == "以区域协调发展推进中国式现代化建设新篇章"
    assert "## 政策系统集成是促进区域协调发展的重要路径" in article.body and article.body.rstrip().endswith("重要办法。")


def test_a_short_slogan_over_the_first_headline_of_a_page_is_a_banner_not_the_title():
    text = ("第1版\n\n新时代新征程新伟业\n\n以改革创新精神 推进新疆水利高质量发展\n\n"
            "本报6月13日讯（记者 胡俊秀）12日，全区水利工作会议召开，部署今年重点工作。\n\n"
            "会议要求，加快推进重大水利工程建设。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert article.title == "以改革创新精神 推进新疆水利高质量发展"


def test_two_plain_headline_lines_and_a_dash_deck_are_kicker_headline_and_deck():
    text = ("聚焦高质量发展\n\n推动交通运输行业稳步向好 助力区域协调均衡发展\n\n——访自治区人大代表\n\n"
            "本报6月13日讯（记者 程勇）自治区交通运输系统坚持党建引领，行业发展稳中向好。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert (article.title, article.subtitle) == ("推动交通运输行业稳步向好 助力区域协调均衡发展", "——访自治区人大代表")
    assert article.body.startswith("本报6月13日讯")


def test_text_over_a_photo_credit_is_its_caption_without_blank_lines():
    text = "\n".join([
        "沙漠公路通车迎来首批货车",
        _wrap("12日，连接两县的沙漠公路正式通车，首批货车顺利通过。沿线服务区同步开放。（记者 王明 通讯员 赵敏）", 14),
        "中国南方航空股份有限公司持续",
        "开通“新疆和田乡村振兴号”航",
        "班，助力乡村振兴。",
        "本报记者 刘颖红 摄",
        "老城街区改造完工",
        _wrap("本报讯 通讯员李华报道：历时半年的老城街区改造日前完工，居民陆续回迁。", 14),
    ]) + "\n"
    articles = parse_issue(text, "测试日报")[1]
    assert [a.kind == "photo" for a in articles] == [False, True, False]
    assert articles[1].body.startswith("中国南方航空") and articles[1].photographers == ("刘颖红",)
    assert articles[0].body.rstrip().endswith("（记者王明通讯员赵敏）")


def test_a_caption_line_ending_in_its_credit_ends_its_block_and_a_title_may_follow():
    text = ("沙漠公路通车迎来首批货车\n本报讯 记者王明报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。\n"
            "沿线服务区同步开放。\n[责任编辑:夏珑祯]\n"
            "自治区财政厅驻村工作队帮助村里发展花卉产业。 □郭静/摄\n"
            "民心“暖”起来\n紧紧抓住各族群众最关心最现实最直接的利益问题，把惠民生的工作做到群众心坎上。\n")
    articles = parse_issue(text, "测试日报")[1]
    assert not any("民心“暖”起来紧紧" in a.body for a in articles)  # a headline or crosshead, not text
    assert any(a.photographers == ("郭静",) and "花卉产业" in a.body for a in articles)


def test_photos_in_a_row_without_blank_lines_are_one_item_each():
    text = ("「一线传真」\n新疆莎车县打造集工厂化育苗、农业科技培训为一体的农业示范基地。\n□约提克尔·尼加提/摄\n"
            "新疆阿瓦提县绍阿棉纺产业园，工人在赶制订单。\n□包鲁斯别克/摄\n"
            "新疆麦盖提县利泰丝路纺织有限公司党支部激励党员奋战一线，助力生产。 □努尔阿米娜·吾布力/摄\n")
    articles = parse_issue(text, "测试日报")[1]
    assert [a.photographers for a in articles] == [("约提克尔·尼加提",), ("包鲁斯别克",), ("努尔阿米娜·吾布力",)]
    assert all(a.kind == "photo" for a in articles)


def test_four_plain_headline_lines_are_one_group_banner_kicker_headline_deck():
    text = ("第3版\n\n铸牢中华民族共同体意识\n\n深入学习贯彻自治区党委十届八次全会精神\n\n促进区域协调发展 更好建设美丽新疆\n\n"
            "一线调研察实情 真抓实干解难题\n\n本报6月13日讯（记者 王宽）自治区各地认真学习全会精神，推动区域协调发展。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert (article.title, article.subtitle) == ("促进区域协调发展 更好建设美丽新疆", "一线调研察实情 真抓实干解难题")


def test_a_line_under_a_name_titled_headline_is_its_deck():
    text = ("聚焦高质量发展\n\n苟熹：书写教育情怀 践行使命担当\n\n今年以来累计接待游客超过百万人次\n\n本报通讯员 谢晓艳\n\n"
            "我是新疆精河县高级中学的一名党员教师，从教二十年。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert (article.title, article.subtitle) == ("苟熹：书写教育情怀 践行使命担当", "今年以来累计接待游客超过百万人次")
    assert article.body.startswith("我是新疆")


def test_a_photo_over_the_first_headline_of_a_page_illustrates_the_story_under_it():
    text = ("第1版\n\n图为工作人员向群众讲解相关知识。\n\n□程勇/摄\n\n鼠防先锋\n\n"
            "本报6月13日讯（记者 韩沁言）新疆精河县疾病预防控制中心优秀共产党员陈志刚，三十八年如一日。\n\n"
            "他坚守荒山野岭，守护群众健康。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert article.title == "鼠防先锋" and article.photographers == ("程勇",)
    assert article.body.split("\n\n")[1] == "图为工作人员向群众讲解相关知识。"  # after the lead


def test_a_photo_over_a_headline_with_no_text_is_kept():
    text = "第1版\n\n图为工作人员向群众讲解相关知识。\n\n□程勇/摄\n\n鼠防先锋\n"
    articles = parse_issue(text, "测试日报")[1]
    assert any("图为工作人员向群众讲解相关知识。" in a.body for a in articles)


def test_a_long_headline_whose_line_is_printed_twice_is_judged_as_printed_once():
    title = "自治州直属机关2025年度党组书记抓基层党建述职评议考核会议召开 以高质量机关党建促进高质量发展"
    text = (f"{title}{title}\n\n本报库尔勒6月13日讯（记者 徐新星）5日，述职评议考核会议召开。\n\n"
            "会议要求，以高质量机关党建促进高质量发展。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert article.title == title and article.body.startswith("本报库尔勒")


def test_on_a_wrapped_page_a_one_line_headline_as_wide_as_the_column_keeps_its_deck():
    text = "\n".join([
        "第1版",
        "做活全疆“棋眼” 推动南疆发展",  # about the 15-character column's width, a headline on its own
        "让群众办事更便捷",
        "本报记者 王宽",
        _wrap("全疆一盘棋，南疆是“棋眼”。全区各级党组织完整准确全面贯彻新时代党的治疆方略，推动南疆"
              "高质量发展，做强做优特色产业，延伸加工链条，提升品牌价值，带动更多农民增收致富。"
              "各地州市、县市区结合实际，细化工作举措，压实工作责任，确保各项任务落地见效。", 15),
        _wrap("会议期间，与会人员参观了产业园区。", 15),
    ]) + "\n"
    [article] = parse_issue(text, "测试日报")[1]
    assert (article.title, article.subtitle) == ("做活全疆“棋眼” 推动南疆发展", "让群众办事更便捷")


# A page of a national daily as PDF text: its folio (publisher and page), the page's name on a line
# of its own, a headline, a byline, a 电 lead, and the page's editors at its foot, unbracketed.
NATIONAL_PAGE = """人民日报社出版 第4版
要闻
保护生态环境 建设美丽中国
本报记者 刘毅
本报北京6月13日电 生态环境部13日召开新闻发布会，介绍今年以来全国生态环境质量状况。
数据显示，全国空气质量持续改善。
本版责编：张三 李四 王五
版式设计：赵六
"""


def test_a_national_dailys_folio_page_name_and_unbracketed_page_editors_are_furniture():
    [article] = parse_issue(NATIONAL_PAGE, "人民日报")[1]
    assert (article.title, article.authors, article.page, article.column) == ("保护生态环境 建设美丽中国", ("刘毅",), 4, "要闻")
    assert article.editor == "张三、李四、王五" and "责编" not in article.body
    assert article.body.rstrip().endswith("持续改善。")


# A national daily's feature: kicker, headline and deck, a spaced byline, a 核心阅读 box before
# the 电 lead, a numbered crosshead, a photo captioned 图① with its credit run into the caption,
# the reporter credited again at the end; then a commentary under its column's tag.
FEATURE_PAGE = """人民日报社出版 第2版
要闻
习近平总书记的人民情怀
坚持以人民为中心的发展思想
——记新时代基层干部群像
本报记者  王  浩  李  晓
核心阅读
各地坚持以人民为中心，办好民生实事，群众获得感持续增强。
本报北京6月13日电 　近年来，各地各部门坚持以人民为中心的发展思想，
扎实办好民生实事，群众获得感、幸福感、安全感持续增强。
在浙江安吉，村民们依托绿水青山发展乡村旅游，
日子越过越红火。
一、办好民生实事
各地把群众急难愁盼问题作为工作重点，
逐项抓好落实。
图①：村民在家门口就业。本报记者 张三摄
（本报记者 王浩）
加快建设农业强国（今日谈）
李  明
农业强国是社会主义现代化强国的根基。
推进农业现代化，要坚持农业农村优先发展，
加快建设农业强国。
本版责编：张三 李四
"""


def test_a_summary_box_a_crosshead_and_a_credit_repeating_the_byline_stay_in_one_story():
    feature, commentary = parse_issue(FEATURE_PAGE, "人民日报")[1]
    assert (feature.title, feature.subtitle, feature.authors) == (
        "坚持以人民为中心的发展思想", "——记新时代基层干部群像", ("王浩", "李晓"))
    assert "核心阅读" in feature.body and "本报北京6月13日电" in feature.body and "## 一、办好民生实事" in feature.body
    assert feature.photographers == ("张三",) and "图①：村民在家门口就业。" in feature.body
    assert (commentary.title, commentary.column, commentary.authors) == ("加快建设农业强国", "今日谈", ("李明",))


# A column of news in brief: bulleted items, each closing with its own credit, no blank lines.
BRIEFS = """简讯
●6月12日，阿勒泰市举办就业招聘会，50余家企业提供岗位1200余个。（记者 王敏）
●近日，布尔津县开展防汛演练，提升应急处置能力。（通讯员 马丽）
●13日，哈巴河县启动夏季草原防火宣传月活动。（记者 张强）
"""


def test_each_bulleted_brief_is_a_paragraph_and_each_credit_an_author():
    [column] = parse_issue(BRIEFS, "阿勒泰日报")[1]
    assert column.title == "简讯" and len(column.body.strip().split("\n\n")) == 3
    assert column.authors == ("王敏", "马丽", "张强")


def test_headlines_printed_under_their_stories_in_a_wrapped_column_as_wide_as_it():
    first = ("习近平总书记指出，推进以县城为重要载体的城镇化建设，推动城乡融合发展，增强城乡经济联系。"
             "新疆于田县坚持规划先行、城乡统筹、集约高效，推动新型城镇化建设高质量发展。")
    second = ("近年来，新疆若羌县聚焦服务促进产业发展所需，大力实施人才强县战略，制定针对性策略，"
              "突出靶向发力，不断夯实技能人才发展基石。")
    text = "\n".join([
        "\u3000\u3000本报6月13日讯（记者 熊鹰）",  # the dateline alone fills the first line
        "\n".join(_wrap(first, 16, "").split("\n")),
        "深化区域联动 助力城乡融合融合发展",  # 17 characters: as wide as the column, under its story
        _wrap("本报6月13日讯（记者 胡俊秀）" + second, 16),
        "促进区域协调发展 更好建设美丽新疆",
    ]) + "\n"
    articles = parse_issue(text, "测试日报")[1]
    assert [a.title for a in articles] == ["深化区域联动 助力城乡融合融合发展", "促进区域协调发展 更好建设美丽新疆"]
    assert articles[0].body.startswith("本报6月13日讯（记者熊鹰）习近平") and articles[0].authors == ("熊鹰",)


def test_a_headline_over_its_deck_is_not_joined_by_a_rare_word_across_the_break():
    text = ("李向东：为推进物流行业发展添砖加瓦\n全州已建成示范点109个\n本报记者 王宽\n"
            "我是新疆乌苏市物流运输行业协会党支部书记，从事物流行业二十年。\n"
            "协会党支部成立以来，推动区域物流一体化发展。\n展望未来，我将立足本职工作。\n")
    [article] = parse_issue(text, "测试日报")[1]  # 加瓦 / 全州: 瓦全 is a word only in an idiom
    assert (article.title, article.subtitle) == ("李向东：为推进物流行业发展添砖加瓦", "全州已建成示范点109个")


def test_a_tagged_headline_and_a_writers_name_are_never_the_wrapped_rest_of_a_headline():
    body = ("5日，巴州辣椒产业创新绿色发展合作座谈会召开，并举行签约仪式。会议要求推动产业高质量发展，"
            "做强做优辣椒产业链，延伸加工链条，提升品牌价值，带动更多农民增收致富。")
    text = "\n".join([
        "巴州辣椒产业创新绿色发展合作座谈会召开", "张云梅",  # 召开 / 张云梅: 开张 is a word, not cut here
        _wrap(body, 22, "\u3000\u3000"),
        "榜样的力量（今日谈）", "三年行动计划全面启动",  # as long as each other: not one wrapped headline
        _wrap("本栏目通过新疆各地录制的反映先进基层党组织和优秀共产党员的典型事迹，激励广大党员干部。"
              "各地结合实际，把学习榜样同推动工作结合起来。", 22, "\u3000\u3000"),
    ]) + "\n"
    first, second = parse_issue(text, "测试日报")[1]
    assert (first.title, first.authors) == ("巴州辣椒产业创新绿色发展合作座谈会召开", ("张云梅",))
    assert (second.title, second.subtitle, second.column) == ("榜样的力量", "三年行动计划全面启动", "今日谈")


def test_a_story_that_breaks_off_does_not_take_a_paragraph_that_opens_with_a_whole_word():
    """A story cut off mid-sentence by the next headline may go on in a block further down (columns
    printed out of order), but only a block that opens inside the word it cut: 成功创建… opens
    with a word of its own and stays in the story where it is printed."""
    text = ("巴州召开民政工作推进会\n\n本报库尔勒6月13日讯（记者 吴泽思）会议要求，加强人才队伍建\n\n"
            "奏响乡村振兴新乐章\n\n本报6月13日讯（记者 赵富强）村里修路遇到阻力。面对困境，村“两委”\n\n"
            "成功创建自治区乡村振兴示范村。\n")
    _, articles = parse_issue(text, "测试日报")
    assert [a.title for a in articles] == ["巴州召开民政工作推进会", "奏响乡村振兴新乐章"]
    assert articles[0].body.rstrip().endswith("加强人才队伍建")
    assert articles[1].body.rstrip().endswith("成功创建自治区乡村振兴示范村。")


@pytest.mark.parametrize("indent", ["\u3000\u3000", ""], ids=["indents", "neither"])
def test_a_headline_wider_than_the_column_opens_a_story_even_after_one_that_breaks_off(indent):
    """The story above ends mid-sentence (its text was cut), and the next one opens with no
    dateline: the headline set across the columns is still no line of the paragraph above."""
    text = "\n".join([
        "聚力提升协商质效 助力构建和谐劳动关系",
        _wrap("本报讯 通讯员阿依古丽报道：5日，巴州总工会召开会议。" + _BODY_A, 13, indent),
        _wrap("根据安排，2026年“集中", 13, indent),
        "新疆布尔津县打造“石榴籽服务站”，服务群众强“磁场”",
        _wrap("扩大服务空间，整合村级阵地人民纠纷调解室、法律工作室等功能相近的功能室。" + _BODY_C, 13, indent),
    ]) + "\n"
    articles = parse_issue(text, "测试日报")[1]
    assert [a.title for a in articles] == ["聚力提升协商质效 助力构建和谐劳动关系",
                                           "新疆布尔津县打造“石榴籽服务站”，服务群众强“磁场”"]
    assert articles[0].body.rstrip().endswith("2026年“集中")
    assert articles[1].body.startswith("扩大服务空间")


def test_a_letter_spaced_line_of_a_column_is_not_wider_than_the_column():
    assert not is_wide_title("化 ，助 力 经 济 社 会 高 质 量 发", 13)
    assert is_wide_title("自治州党委召开常委会扩大会议", 10)


def test_a_short_headline_over_its_writers_name_opens_a_story_not_a_crosshead():
    text = "\n".join([
        "自治州直属机关召开抓基层党建述职评议考核会议",
        _wrap("本报讯 通讯员王宽报道：会上，6家州直部门单位的党组书记就抓基层党建工作进行现场述职。"
              + _BODY_A, 17),
        "鼠防先锋",
        "赵富强",
        _wrap("新疆精河县疾病预防控制中心优秀共产党员陈志刚，三十八年如一日坚守在荒山野岭。" + _BODY_C, 17),
    ]) + "\n"
    articles = parse_issue(text, "测试日报")[1]
    assert [(a.title, a.authors) for a in articles][1] == ("鼠防先锋", ("赵富强",))
    assert articles[1].body.startswith("新疆精河县")


def test_a_line_as_wide_as_the_column_over_a_dash_deck_is_a_headline():
    text = "\n".join([
        "昌吉州着力构建新时代党的民族工作格局",
        _wrap("本报讯 通讯员王宽报道：全州夯实铸牢中华民族共同体意识的法治基础。" + _BODY_A, 17),
        "“靶向”发力建强人才队伍（新论）",
        "——记扎根基层的优秀共产党员",
        _wrap("近年来，新疆若羌县聚焦服务促进产业发展所需，大力实施人才强县战略。" + _BODY_C, 17),
    ]) + "\n"
    articles = parse_issue(text, "测试日报")[1]
    assert [(a.title, a.subtitle, a.column) for a in articles][1] == (
        "“靶向”发力建强人才队伍", "——记扎根基层的优秀共产党员", "新论")
    assert articles[1].body.startswith("近年来")


def test_a_headline_over_a_dash_deck_and_a_lead_opens_a_story_after_one_that_breaks_off():
    text = "\n".join([
        "托起百姓“稳稳的幸福”",
        _wrap("本报讯 通讯员王宽报道：" + _BODY_A + "支持村党组织搭建库尔班大叔调解室、夕阳红调解室等特色调解室，推动矛盾纠纷就地化解，创新模式",
              17),  # (its last line is nearly as wide as the column, as if it ran on)
        "绘就区域协同共进新画卷（天山时评）",
        "——论贯彻落实全会精神",
        _wrap("本报讯 通讯员阿依古丽·买买提报道：开发区是自治区经济发展的重要增长极。" + _BODY_C, 17),
    ]) + "\n"
    articles = parse_issue(text, "测试日报")[1]
    assert [(a.title, a.subtitle) for a in articles] == [
        ("托起百姓“稳稳的幸福”", None), ("绘就区域协同共进新画卷", "——论贯彻落实全会精神")]
    assert articles[0].body.rstrip().endswith("创新模式")


def test_a_lead_under_a_photo_under_the_headline_still_gives_the_story_its_reporters():
    text = ("榜样的力量\n\n图为活动现场。\n\n艾力·吐尔逊 摄\n\n"
            "本报6月13日讯（记者 马伊宁 通讯员 盛雪）本栏目通过新疆各地录制的节目，展示优秀共产党员的风采。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert (article.title, article.kind, article.authors) == ("榜样的力量", "news", ("马伊宁", "盛雪"))
    assert article.photographers == ("艾力·吐尔逊",)


def test_a_dash_kicker_a_headline_and_a_plain_deck_are_one_headline_group():
    text = ("上一篇\n\n本报讯 记者王明报道：上一篇说完了。\n\n在习近平新时代中国特色社会主义思想指引下——\n\n"
            "村里的“主心骨”\n\n项目建设跑出加速度\n\n本报6月13日讯（记者 李东泽）村党支部书记带头干。\n")
    articles = parse_issue(text, "测试日报")[1]
    assert [(a.title, a.subtitle) for a in articles][1:] == [
        ("村里的“主心骨”", "项目建设跑出加速度")]


def test_a_photo_caption_opening_with_its_date_keeps_both_its_paragraphs():
    text = ("小核桃闯出大市场\n\n本报6月13日讯（记者 周文杰）合作社带动村民共致富。\n\n"
            "他致力于将合作社打造为林果业实训基地。\n\n"
            "8月7日，游客在博湖县博斯腾湖景区观光旅游。\n\n"
            "连日来，自治区第十四届运动会各项比赛在我州火热进行，吸引了州内外众多游客。\n\n"
            "本报记者 孙丽娜 摄\n\n"
            "下一篇的标题\n\n本报讯（记者 王五）正文说完了。\n")
    articles = parse_issue(text, "测试日报")[1]
    assert [a.kind for a in articles][:2] == ["news", "photo"] and len(articles) == 3
    assert articles[0].body.rstrip().endswith("实训基地。")
    photo = articles[1].body
    assert photo.startswith("8月7日，游客在博湖县") and "连日来" in photo


def test_a_headline_with_a_comma_over_a_captioned_photo_heads_that_photo_story():
    text = ("上一篇的标题\n\n本报讯（记者 王五）上一篇说完了。\n\n"
            "新疆麦盖提县利泰丝路纺织有限公司党支部激励党员奋战一线，助力生产\n\n"
            "新疆麦盖提县利泰丝路纺织有限公司党支部激励党员奋战一线，助力生产。\n\n□张云梅/摄\n")
    articles = parse_issue(text, "测试日报")[1]
    assert [(a.title, a.kind) for a in articles][1] == ("新疆麦盖提县利泰丝路纺织有限公司党支部激励党员奋战一线，助力生产", "photo")
    assert articles[0].body.rstrip().endswith("上一篇说完了。")


def test_a_story_cut_inside_a_frequent_word_goes_on_after_the_next_story():
    """Columns printed out of order: the first story breaks off inside a word (贯 | 彻) at the
    next headline, and its rest is printed after that story's end."""
    text = ("自治州党委召开常委会扩大会议\n\n本报库尔勒6月13日讯（记者 谢晓艳）会议指出，讲话精神为我们完整准确贯\n\n"
            "鼠防先锋\n\n本报6月13日讯（记者 董世菊）陈志刚三十八年如一日坚守在荒山野岭。\n\n"
            "他主持完成鼠疫应急预案的设计和演练。\n\n"
            "彻新时代党的治疆方略指明了方向。\n\n会议还研究了其他事项。\n\n"
            "春回阿克陶\n\n本报6月13日讯（记者 韩沁言）杏花开了。\n")
    articles = parse_issue(text, "测试日报")[1]
    assert [a.title for a in articles] == ["自治州党委召开常委会扩大会议", "鼠防先锋", "春回阿克陶"]
    assert "完整准确贯彻新时代党的治疆方略" in articles[0].body
    assert articles[0].body.rstrip().endswith("会议还研究了其他事项。")
    assert articles[1].body.rstrip().endswith("设计和演练。")


def test_a_line_with_two_commas_cut_off_over_the_next_headline_is_no_headline():
    text = ("自治州党委召开常委会扩大会议\n\n本报库尔勒6月13日讯（记者 谢晓艳）10日上午，会议召开。\n\n"
            "会议指出，习近平总书记重要讲话、重要指示精神，为我们完整准确贯\n\n"
            "鼠防先锋\n\n本报6月13日讯（记者 董世菊）陈志刚三十八年如一日坚守在荒山野岭。\n")
    articles = parse_issue(text, "测试日报")[1]
    assert [a.title for a in articles] == ["自治州党委召开常委会扩大会议", "鼠防先锋"]
    assert articles[0].body.rstrip().endswith("完整准确贯")


@pytest.mark.parametrize("headline", [
    ["深化区域联动 助力城乡融", "合"],  # its last character carried over by the wrap
    ["习近平在看望参加政协会议", "的民盟民进教育界委员时强", "调 强化教育对科技和人才", "支撑作用 形成人才辈出人", "尽其才才尽其用生动局面"],
], ids=["one character left", "five lines"])
def test_a_headline_wrapped_in_a_narrow_column_is_one_headline(headline):
    text = ("上一篇的标题\n\n本报讯（记者 王五）上一篇说完了。\n\n" + "\n".join(headline)
            + "\n\n本报6月13日讯（记者 徐新星）新时代新征程，必须深刻把握。\n")
    articles = parse_issue(text, "测试日报")[1]
    assert [a.title for a in articles] == ["上一篇的标题", "".join(headline)]
    assert articles[1].body.startswith("本报6月13日讯")


# One paragraph a line, no blank lines: the first story's column is cut mid-word (…结合新疆实), the
# next story is printed, and the cut column goes on inside it (际，…) after a paragraph of its own
# that is cut too (…为以).
CUT_COLUMN_NO_BLANKS = """\
自治区召开学习教育工作会议
本报讯 记者王明报道：会议要求，要对标党中央明确的集中整治问题，动真碰硬抓好各项整治任务落实，结合新疆实
全疆召开干部大会
切实把思想和行动统一到全国两会精神上 在新起点上谱写新疆篇章
3月14日上午，自治区召开干部大会，传达学习全国两会精神，安排部署当前和今后一个时期的重点工作。
会议指出，这次全国两会是在重要时间节点召开的一次十分重要的会议，动员全党全军全国各族人民，为以
际，从严从实推进集中整治、靶向整治，一体推进当下改和长久立，推动作风建设常态化长效化。
"""


def test_without_blank_lines_a_column_cut_mid_word_is_taken_up_where_it_goes_on():
    articles = parse_issue(CUT_COLUMN_NO_BLANKS, "测试日报")[1]
    assert [a.title for a in articles] == ["自治区召开学习教育工作会议", "全疆召开干部大会"]
    first, second = (a.body.replace("\n", "") for a in articles)
    assert "结合新疆实际，从严从实推进集中整治" in first and first.rstrip().endswith("长效化。")
    assert second.startswith("3月14日上午") and second.rstrip().endswith("为以")


# Narrow columns: headlines wrapped at the column's headline measure (12 characters), one inside a
# word (…促进区域协 / 调发展), one between words with a deck under it.
NARROW_HEADLINES = "\n".join([
    "借助援疆力量 推动区域协",
    "调发展",
    "本报记者 王宽",
    _wrap("近日，援疆干部带着项目和资金来到县里，帮助当地建起了温泉小镇，群众在家门口就业增收。", 14),
    "巴州辣椒产业创新绿色发展",
    "合作座谈会召开",
    "全州辣椒种植面积稳定在六十万亩",
    "本报记者 马伊宁",
    _wrap("5日，巴州辣椒产业创新绿色发展合作座谈会召开，专家工作站同日揭牌，助力辣椒产业高质量发展。", 14),
    "推动交通运输行业稳步向好",
    "本报记者 熊鹰",
    _wrap("自治区交通运输厅深化党建业务融合互促，扎实推进全区公路网建设，持续扩大高水平对外开放。", 14),
]) + "\n"


def test_a_headline_filling_its_pages_headline_measure_goes_on_under_it():
    articles = parse_issue(NARROW_HEADLINES, "测试日报")[1]
    assert [(a.title, a.subtitle) for a in articles] == [
        ("借助援疆力量 推动区域协调发展", None),
        ("巴州辣椒产业创新绿色发展合作座谈会召开", "全州辣椒种植面积稳定在六十万亩"),
        ("推动交通运输行业稳步向好", None)]


# Narrow columns again: a headline one character over its measure leaves that character on a line
# of its own (…促进区域发 / 展), too short to read as a headline; a deck follows.
HEADLINE_STUB = "\n".join([
    "推进温泉康养 促进区域协",
    "调发展",
    "本报记者 王宽",
    _wrap("近日，援疆干部带着项目和资金来到县里，帮助当地建起了温泉小镇，群众在家门口就业增收。", 14),
    "借助援疆力量 促进区域发",
    "展",
    "三年行动计划全面启动",
    "本报记者 马伊宁",
    _wrap("习近平总书记指出，产业是发展的根基。温泉县携手援疆力量，大力做优做强特色优势产业。", 14),
    "巴州辣椒产业创新绿色发展",
    "合作座谈会召开",
    "本报记者 熊鹰",
    _wrap("5日，巴州辣椒产业创新绿色发展合作座谈会召开，专家工作站同日揭牌。", 14),
]) + "\n"


def test_a_headlines_last_character_pushed_onto_a_line_of_its_own_stays_in_the_headline():
    articles = parse_issue(HEADLINE_STUB, "测试日报")[1]
    assert [(a.title, a.subtitle) for a in articles] == [
        ("推进温泉康养 促进区域协调发展", None),
        ("借助援疆力量 促进区域发展", "三年行动计划全面启动"),
        ("巴州辣椒产业创新绿色发展合作座谈会召开", None)]
    assert articles[1].body.replace("\n", "").startswith("习近平总书记指出")


# Narrow columns, no blank lines but at a column break: the story's paragraph breaks off inside a
# word (…我将时刻保 / 持…), its rest runs on into a photo's caption over the credit.
REST_OVER_CAPTION = "\n".join([
    "凌格：做重症病人的守护者",
    "本报记者 王宽",
    _wrap("我是昌吉州人民医院的一名医生，多年来一直在重症医学科工作，守护患者的生命健康。", 14),
    _wrap("在今后工作中，我将时刻保", 14),
    "",
    "持“医”心向党、“医”心为民",
    "的初心，帮助青年党员和医务工",
    "作者精进医学技术，以高度的责",
    "任心和使命感守护患者生命。",
    "新疆喀什华电266万千瓦热电",
    "联产项目。",
    "盖有军 摄",
    "借助援疆力量 促进区域发展",
    "本报记者 孙丽娜",
    _wrap("习近平总书记指出，产业是发展的根基。温泉县携手援疆力量，做优做强特色优势产业。", 14),
]) + "\n"


def test_a_caption_block_that_opens_with_the_rest_of_a_broken_paragraph_gives_it_back():
    articles = parse_issue(REST_OVER_CAPTION, "测试日报")[1]
    bodies = [a.body.replace("\n", "") for a in articles]
    assert [a.kind == "photo" for a in articles] == [False, True, False]
    assert "我将时刻保持“医”心向党" in bodies[0] and bodies[0].rstrip().endswith("守护患者生命。")
    assert bodies[1].strip() == "新疆喀什华电266万千瓦热电联产项目。"
    assert articles[2].title == "借助援疆力量 促进区域发展"


# A short headline over a longer deck, under a photo's credit: the lead retells the short line
# (阿克陶), so it is the headline, not a column label over the deck, nor the photo's title.
SHORT_HEADLINE = "\n".join([
    "援疆项目落地见效",
    "本报记者 王宽",
    _wrap("近日，援疆干部带着项目和资金来到县里，帮助当地建起了温泉小镇，群众在家门口就业增收。", 14),
    "3月17日至18日，中共中央",
    "总书记、国家主席习近平在贵州",
    "考察。",
    "本报记者 杨菊萍 摄",
    "春回阿克陶",
    "项目建设跑出加速度",
    "本报记者 艾力·吐尔逊",
    _wrap("在帕米尔高原，杏花是报春的信号。每年3月底到4月中旬，是阿克陶县杏花盛开的季节。", 14),
]) + "\n"


def test_a_short_headline_its_lead_retells_is_the_title_over_its_deck():
    articles = parse_issue(SHORT_HEADLINE, "测试日报")[1]
    assert [a.kind == "photo" for a in articles] == [False, True, False]
    assert articles[1].title != "春回阿克陶"
    assert (articles[2].title, articles[2].subtitle) == ("春回阿克陶", "项目建设跑出加速度")


# A story whose text breaks off mid-sentence (its rest never printed), then a photo with its
# caption and credit, then the next story's headline: the photo stands between the two.
BROKEN_OFF_PHOTO = """\
托起百姓稳稳的幸福

本报6月13日讯（记者 胡俊秀）和田地区坚持站稳群众立场，做实做细工作，真正把温暖送到群众心里。

紧盯群众诉求勤走访。深入实施百姓说事制度BRACKET每月22日为说事日，收集群众反映的大事小事，全收集、全解决，推动形成有难大家帮、有福大家享的帮扶机制。支持村（社区）党组织搭建特色调解室，推动矛盾纠纷就地化解，创新调解模式

新疆喀什华电266万千瓦热电联产项目。

□李东泽/摄

人才之舞 四季踟跚

本报6月13日讯（记者 艾力·吐尔逊）引才之春，播种希望。我们满怀希望，为人才发展注入源源不断的动力。
"""


@pytest.mark.parametrize("bracket", ["", "("])
def test_a_photo_after_a_story_broken_off_mid_sentence_stands_between_it_and_the_next(bracket):
    # ("(": a bracket the broken text opened long before and never closed shelters no credit line)
    articles = parse_issue(BROKEN_OFF_PHOTO.replace("BRACKET", bracket), "测试日报")[1]
    assert [(a.kind == "photo", a.body.replace("\n", "")[-6:]) for a in articles] == [
        (False, "创新调解模式"), (True, "电联产项目。"), (False, "不断的动力。")]
    assert list(articles[1].photographers) == ["李东泽"]


# Narrow columns, indents, no blank lines: a news photo's two-paragraph caption, its first opening
# with the date (日前，…), set flush under the story's last line, which ends a sentence at the margin.
DATED_CAPTION = "\n".join([
    "坚持和落实两个毫不动摇",
    "本报记者 王宽",
    _wrap("文章指出，我国是中国共产党领导的社会主义国家，公有制经济是长期以来在国家发展历程中形成的，为国家"
          "建设、国防安全、人民生活改善作出了突出贡献，是全体人民的宝贵财富。", 14),
    _wrap("公有制经济和非公有制经济都是社会主义市场经济重要组成部分，都是我国经济社会发展的重要基础。我们国家这么大、人口这么多，又"
          "处于并将长期处于社会主义初级阶段，要把经济社会发展搞上去，就要各方面齐心协力来干，众人拾柴火焰高。公有制经济、非公有制经"
          "济应该相辅相成、相得益彰，不是相互排斥、相互抵消。要坚持市场经济改革方向，坚持两个毫不动摇。", 14),  # (longer than a caption; its last line as wide as the column)
    "日前，铁路公安处福海站派出所",
    "联合县委政法委，深入辖区学校",
    "开展法治宣传教育活动。",
    "活动中，学生们纷纷在宣传条幅",
    "上签下自己的名字，争做爱护铁",
    "路的好学生。",
    "本报记者 袁海军 摄",
    "春回阿克陶",
    "本报记者 艾力·吐尔逊",
    _wrap("在帕米尔高原，杏花是报春的信号。每年3月底到4月中旬，是阿克陶县杏花盛开的季节。", 14),
]) + "\n"


def test_a_dated_caption_run_on_from_a_storys_last_line_is_the_photos():
    articles = parse_issue(DATED_CAPTION, "测试日报")[1]
    bodies = [a.body.replace("\n", "").replace(" ", "") for a in articles]
    assert [a.kind == "photo" for a in articles] == [False, True, False]
    assert bodies[0].endswith("坚持两个毫不动摇。")
    assert bodies[1].startswith("日前，铁路公安处") and bodies[1].endswith("争做爱护铁路的好学生。")


# Columns interleaved: story A breaks off mid-sentence, story B follows whole and closes with its
# writer's unit, then A's rest: headless, one of A's crossheads under its first paragraph.
REST_AFTER_NOTE = """\
苏新携手润民生 万里同心织锦绣

民生为本，枝叶关情。江苏省无锡援疆工作组锚定霍城县所需，将优质资源精准浇灌于民生沃土。

援疆工作，成于人才。援疆工作组坚持输血造血并重，帮助霍城县引进农业专家，攻克了薰衣草精油提取纯度低、损耗高等难题，

绘就区域协同共进新画卷

本报6月13日讯（记者 王宽）新疆库尔勒经济技术开发区打破行政壁垒，构建区域合作大格局，推动区域协调发展向更高水平迈进。

促进要素流动，实现资源优化配置，推动公共服务共享，给人民群众带来看得见、摸得着的实惠。

（作者单位：新疆伊吾县委组织部）

累计攻克技术难题14项，援疆专家在霍城县开设专班，定向培养民生领域专业人才，惠民水平持续上涨。

成效辐射全域 绘就富民愿景

援疆之果，重在普惠。援疆工作组在霍城县实施美丽乡村提质行动，为乡村振兴、百姓富裕增色添彩。（记者 程勇 通讯员 董世菊）
"""


def test_a_broken_off_storys_headless_rest_after_the_next_storys_close_rejoins_it():
    articles = parse_issue(REST_AFTER_NOTE, "测试日报")[1]
    assert [a.title for a in articles] == ["苏新携手润民生 万里同心织锦绣", "绘就区域协同共进新画卷"]
    first, second = (a.body for a in articles)
    assert "损耗高等难题，累计攻克技术难题14项" in first.replace("\n", "")
    assert "\n## 成效辐射全域 绘就富民愿景\n" in first  # (its crosshead, back in place)
    assert first.rstrip().endswith("（记者程勇通讯员董世菊）")
    assert second.rstrip().endswith("（作者单位：新疆伊吾县委组织部）")


# A photo story whose headline is its caption's first sentence, too long for a headline by its
# width alone, printed after a story's last paragraph.
PHOTO_HEADLINE_RETOLD = """\
发挥组织部门职能优势助推区域协调发展

本报6月13日讯（记者 刘颖红）疏勒县委组织部深刻认识到组织工作在区域协调发展中的重要作用。

完善考评机制，激发区域协调发展动力，充分调动广大干部推动区域协调发展的积极性和创造性。

新疆阿瓦提县绍阿棉纺产业园新疆恒辉纺织有限责任公司的现代化生产车间里，工人在赶制订单

新疆阿瓦提县绍阿棉纺产业园新疆恒辉纺织有限责任公司的现代化生产车间里，工人在赶制订单。

袁海军 摄
"""


def test_a_line_its_photos_caption_retells_whole_is_that_photo_storys_headline():
    story, photo = parse_issue(PHOTO_HEADLINE_RETOLD, "测试日报")[1]
    assert story.body.rstrip().endswith("积极性和创造性。")
    assert photo.kind == "photo" and photo.title.endswith("工人在赶制订单")


# A headed photo (headline, caption, credit), then a column label over the next story's headline,
# deck, writer's name and photo: the label opens that story, it is no subheading of the photo.
LABEL_AFTER_PHOTO = """\
新疆温泉县察看智能化生产线运行情况

新疆温泉县组织相关单位察看智能化生产线运行情况。

本报记者 韩沁言 摄

新春走基层

凌格：做重症病人的“守护者”

——记扎根基层的优秀共产党员

阿依古丽·买买提

图为项目施工现场一角。

□刘宇博/摄

从医三十六年来，我坚守急诊、重症一线，认真学习掌握前沿技术，守护患者生命。
"""


def test_a_label_over_a_headline_with_its_writers_name_opens_the_next_story():
    articles = parse_issue(LABEL_AFTER_PHOTO, "测试日报")[1]
    assert [a.title for a in articles] == ["新疆温泉县察看智能化生产线运行情况", "凌格：做重症病人的“守护者”"]
    assert "新春走基层" not in articles[0].body
    assert articles[1].column == "新春走基层" and articles[1].authors == ("阿依古丽·买买提",)


# A page wrapped at 16 characters, paragraphs opened by indents, where a headline printed twice over
# (8 characters doubled) over a photo story is exactly as wide as the column.
DOUBLED_AT_COLUMN_WIDTH = "\n".join([
    "草原牧民冬储饲草",
    _wrap("本报讯 通讯员李华报道：入冬前，牧民们抓紧收储饲草料，确保牲畜安全过冬，各乡镇已储备饲草三万吨。", 16),
    _wrap("今年全县新建标准化棚圈两百座，牧民转场更加从容，冬春季节的损失明显减少，群众十分满意。", 16),
    "爱路护路从我做起爱路护路从我做起",
    _wrap("日前，铁路公安处福海站派出所联合福海县委政法委，深入辖区学校开展法治宣传教育活动。", 16, ""),
    _wrap("活动中，学生们纷纷在宣传条幅上签下自己的名字，郑重承诺遵守法律法规，维护铁路安全。", 16, ""),
    "□徐新星/摄",
]) + "\n"


def test_a_doubled_headline_as_wide_as_the_column_is_still_a_headline():
    titles = [a.title for a in parse_issue(DOUBLED_AT_COLUMN_WIDTH, "测试日报")[1]]
    assert titles == ["草原牧民冬储饲草", "爱路护路从我做起"]


# A page wrapped at 14 characters with no blank lines: a story's closing note nearly as wide as the
# column, then a photo's caption and credit.
NOTE_THEN_PHOTO = "\n".join([
    "草原牧民冬储饲草",
    _wrap("本报讯 通讯员李华报道：入冬前，牧民们抓紧收储饲草料，确保牲畜安全过冬，各乡镇已储备饲草三万吨。", 14),
    _wrap("今年全县新建标准化棚圈两百座，牧民转场更加从容，冬春季节的损失明显减少。", 14),
    _wrap("县里还组织农技人员进村入户，指导牧民科学配比饲料，推广青贮技术，提高饲草利用率，受到牧民欢迎。", 14),
    "\u3000\u3000（作者单位：新疆于田县委）",
    "新疆喀什华电266万千瓦热电",
    "联产项目。",
    "本报记者 盖有军 摄",
]) + "\n"


def test_a_closing_note_as_wide_as_the_column_ends_its_story_before_a_photo():
    articles = parse_issue(NOTE_THEN_PHOTO, "测试日报")[1]
    story, photo = articles
    assert story.body.rstrip().endswith("（作者单位：新疆于田县委）") and "新疆喀什华电" not in story.body
    assert photo.kind == "photo" and "作者单位" not in photo.body


# Narrow columns, three headlines wrapped at one measure (12 characters), each between two words:
# no word cut shows the measure, three headlines sharing it do.
MEASURE_SHARED = "\n".join([
    "巴州辣椒产业创新绿色发展",
    "合作座谈会召开",
    "本报记者 马伊宁",
    _wrap("5日，巴州辣椒产业创新绿色发展合作座谈会召开，专家工作站同日揭牌，助力辣椒产业高质量发展。", 14),
    "推动交通运输行业稳步向好",
    "助力区域协调均衡发展",
    "本报记者 熊鹰",
    _wrap("自治区交通运输厅深化党建业务融合互促，扎实推进全区公路网建设，持续扩大高水平对外开放。", 14),
    "新疆皮山县点线面联动拓展",
    "党员教育成效",
    "本报记者 王宽",
    _wrap("皮山县以县委党校为阵地，分层分类开展党员培训，把课堂搬到田间地头，群众评价很高。", 14),
]) + "\n"


def test_headlines_sharing_one_measure_go_on_under_it_even_when_cut_between_words():
    articles = parse_issue(MEASURE_SHARED, "测试日报")[1]
    assert [a.title for a in articles] == [
        "巴州辣椒产业创新绿色发展合作座谈会召开", "推动交通运输行业稳步向好助力区域协调均衡发展",
        "新疆皮山县点线面联动拓展党员教育成效"]


# A story's column printed after the next story's (PDF text of side-by-side columns): the water
# story breaks off mid-sentence (…立足), the culture story follows whole, then the water story's rest.
INTERLEAVED = """\
以改革创新精神推进新疆水利高质量发展

本报讯（记者 张云梅）自治区坚持把水资源高效利用和保护作为根本性工作，立足新疆水资源的历史、现实和未来，加强全区水资源集中统一管理，水资源政策规划体系不断完善。

统筹地表水充分利用、地下水严格管控、水库水优化配置，水资源利用效率大幅提升。优化供水模式。立足

昌吉州着力构建新时代党的民族工作格局

本报讯（记者 陈新）昌吉州将学习贯彻党的二十大精神同完善民族工作格局结合起来，推动各族群众交往交流交融。

文化认同是最深层次的认同。昌吉州以文化润疆为抓手，各族群众共同参与文化活动，民族团结之花处处盛开。

新疆独立水系特征和来水偏丰实际，对丰水期的洪水资源进行弹性利用，水资源利用空间不断扩展，春灌用水紧张问题得到有效解决。
"""


def test_a_storys_column_printed_after_the_next_story_rejoins_it():
    water, culture = parse_issue(INTERLEAVED, "测试日报")[1]
    assert water.title == "以改革创新精神推进新疆水利高质量发展"
    assert "优化供水模式。立足新疆独立水系特征" in water.body.replace("\n", "")
    assert water.body.rstrip().endswith("得到有效解决。")
    assert culture.body.rstrip().endswith("处处盛开。")
    assert water.lines == ((1, 5), (13, 13)) and culture.lines == ((7, 11),)  # its 原文: lines 1–5 and 13


def test_a_story_breaking_off_keeps_the_next_storys_text_when_its_words_are_that_storys():
    text = INTERLEAVED.replace(
        "新疆独立水系特征和来水偏丰实际，对丰水期的洪水资源进行弹性利用，水资源利用空间不断扩展，春灌用水紧张问题得到有效解决。",
        "新疆昌吉州各族群众共同参与文化活动，民族团结之花处处盛开，民族工作格局不断完善。")
    water, culture = parse_issue(text, "测试日报")[1]
    assert water.body.rstrip().endswith("立足")
    assert culture.body.rstrip().endswith("格局不断完善。")


def test_a_storys_rest_with_no_seam_to_show_goes_back_on_its_words_alone():
    """The water story breaks off between two words (…优化供水模式。结合 | 丰水期…): nothing at
    the seam says the text goes on, but the rest's words (水资源, 利用, 水库) are clearly the water
    story's and not the culture story's: it is taken back."""
    text = INTERLEAVED.replace("优化供水模式。立足", "优化供水模式。结合").replace(
        "新疆独立水系特征和来水偏丰实际，对丰水期的洪水资源进行弹性利用，水资源利用空间不断扩展，春灌用水紧张问题得到有效解决。",
        "丰水期的洪水资源进行弹性利用，水资源利用空间不断扩展，地下水严格管控，水库水优化配置，水资源利用效率大幅提升。")
    water, culture = parse_issue(text, "测试日报")[1]
    assert "优化供水模式。结合丰水期的洪水资源" in water.body.replace("\n", "")
    assert water.body.rstrip().endswith("水资源利用效率大幅提升。")
    assert culture.body.rstrip().endswith("处处盛开。")


# An issue with no bylines or leads: three short stories, the last two headlines one character
# apart in length, as crossheads set in parallel would be. The text under each is about something
# else (博尔塔拉's ports, a doctor's own words), so each is the next story's headline.
UNSIGNED_SAME_LENGTH = """\
\
退休不褪色 警魂永传承

新疆乌鲁木齐市公安局米东分局离退休干部第一党支部书记郭志乾，退休后依旧发挥余热，带领老党员服务群众。

甘当支部火车头。2020年8月，郭志乾刚退休，恰逢分局离退休干部党支部换届，他被推选为支部书记。

郭志乾经常说，党建工作不仅要“有形”，更要“有魂”。他组织老党员开展学习，讲述从警故事。

写好区域协调发展“大文章”

新疆博尔塔拉蒙古自治州立足资源禀赋、区位优势和产业基础，坚持统筹优化全州重大生产力布局，引导资源要素向优势区域集聚。

深化“口岸强州”战略，充分发挥各县市和园区资源优势，精河国际陆港中欧班列开行数量稳步增长。

凌格：做重症病人的“守护者”

我是新疆昌吉回族自治州人民医院重症医学科主任凌格。从医36年来，我坚守急诊、重症一线，认真学习掌握前沿技术。

在今后工作中，我将时刻保持医者仁心，用责任心和使命感守护患者生命。
"""


def test_same_length_headlines_over_other_stories_words_open_stories():
    articles = parse_issue(UNSIGNED_SAME_LENGTH, "测试日报")[1]
    assert [a.title for a in articles] == ["退休不褪色 警魂永传承", "写好区域协调发展“大文章”", "凌格：做重症病人的“守护者”"]
    assert not any("## " in a.body for a in articles)


# The same length, and the text under each goes on with the story's own names (郭志乾, 米东分局):
# crossheads of one feature.
FEATURE_CROSSHEADS = """\
\
退休不褪色 警魂永传承

新疆乌鲁木齐市公安局米东分局离退休干部第一党支部书记郭志乾，退休后依旧发挥余热，带领米东分局老党员服务群众。

郭志乾经常说，党建工作不仅要“有形”，更要“有魂”。他组织米东分局老党员开展学习，讲述从警故事。

甘当支部火车头

2020年8月，郭志乾刚退休，恰逢米东分局离退休干部党支部换届，他被推选为支部书记，带领老党员走进社区。

为民担当守初心

在小区居民眼中，郭志乾是个闲不住的人。米东分局的老党员跟着他走访独居老人，宣讲防诈骗知识。
"""


def test_same_length_crossheads_over_the_storys_own_words_stay_crossheads():
    (article,) = parse_issue(FEATURE_CROSSHEADS, "测试日报")[1]
    assert "\n## 甘当支部火车头\n" in article.body and "\n## 为民担当守初心\n" in article.body


# Narrow columns (body wrapped at 14), no blank lines: a headline of 9 characters and its deck
# of 12. A deck, in smaller type, runs longer than its headline; two lines of which the second is
# no wider are one headline set over two lines (tests/ingest/test_tokenizer_rules.py).
NARROW_HEADLINE_AND_DECK = """\
\
上一篇的标题
　　本报讯（记者 王五）今年以来，
我州持续推进乡村建设，各项工
作取得明显成效，群众的获得感
不断增强。
奏响乡村振兴新乐章
全县重点项目建设跑出加速度
　　本报讯 通讯员刘颖红报道：
在新疆巴尔鲁克山脚下，有一个
美丽的小山村——裕民县江格斯
乡江格斯南村。这里草木扶疏，
花香四溢，白墙红顶，韵味十足；
街边凉棚下，老年人闲话家常，
顽童追逐嬉闹，一派祥和景象。
"""


def test_a_short_headline_over_a_wider_deck_in_narrow_columns_is_headline_and_deck():
    articles = parse_issue(NARROW_HEADLINE_AND_DECK, "测试日报")[1]
    assert [(a.title, a.subtitle) for a in articles][1] == ("奏响乡村振兴新乐章", "全县重点项目建设跑出加速度")


# A magazine page: a photo set into the column mid-sentence, its credit alone between the two
# halves of a paragraph (…精心绘制高质量 / □X/摄 / 发展新图景。…). The half above the credit is no
# caption: it breaks off, and the text after the photo goes on with it.
PHOTO_INSIDE_A_SENTENCE = """\
丝路明珠绽放新活力

□本刊记者 王五

新疆吐鲁番市坚持党建引领聚合力，深挖葡萄、文旅、新能源等特色产业潜力，推动高质量发展。

紧跟产业发展需求，坚持发展智慧农业、加强品牌建设、打造产销平台“三策并举”，精心绘制高质量

□阿地力·阿力米提/摄

发展新图景。创新种植模式。大力推广智能育苗、无人机植保技术，葡萄产业量价齐增、效益凸显。
"""


def test_a_paragraph_broken_by_a_photo_credit_goes_on_after_it():
    (article,) = parse_issue(PHOTO_INSIDE_A_SENTENCE, "党员之友")[1]
    assert "精心绘制高质量发展新图景。创新种植模式。" in article.body
    assert article.photographers == ("阿地力·阿力米提",)


# A paragraph's two columns printed in the wrong order (PDF text of sample 004): the lead ends a
# sentence, then 老服务质效… (which opens inside a word) ending …队伍建, then 会议明确… ending …提升养.
COLUMNS_SWAPPED = """\
巴州召开2026年民政重点工作推进会

本报库尔勒2月6日讯（记者 李伶）4日，巴州召开2026年民政重点工作推进会，为巴州高质量发展筑牢民生根基。

老服务质效，加快推进老年友好型社区和基层老年协会建设，推进居家养老服务提质增效。要履行全面从严治党政治责任，加强民政干部队伍建

会议明确，2026年民政工作肩负着服务发展大局的重要使命。要织密扎牢民生保障安全网，确保“应保尽保、应救尽救”。要积极应对人口老龄化、提升养
"""


@pytest.mark.parametrize("variant", ["as given", "no blank lines"])
def test_a_paragraphs_columns_printed_out_of_order_are_put_back(variant):
    text = COLUMNS_SWAPPED if variant == "as given" else COLUMNS_SWAPPED.replace("\n\n", "\n")
    (article,) = parse_issue(text, "巴音郭楞日报")[1]
    body = article.body.replace("\n", "")
    assert "筑牢民生根基。会议明确，" in body
    assert "提升养老服务质效，加快推进" in body
    assert body.endswith("加强民政干部队伍建")


def _column(paragraph: str, width: int) -> str:
    return "\n".join(paragraph[i:i + width] for i in range(0, len(paragraph), width))


# PDF text with neither blank lines nor indents, columns 17 wide: a deck one character short of
# the measure under a wide headline, with no 避头尾 push to explain it, is no line of the column.
DECK_ONE_SHORT = "\n".join([
    "自治区召开学习教育工作会议暨干部大会，全面部署下一阶段任务",
    "本报记者 王宽",
    _column("3月14日上午，自治区召开学习教育工作会议，研究部署下一阶段重点任务，要求各地各部门结合实际，"
            "把学习教育同推动高质量发展结合起来，同解决群众急难愁盼问题结合起来，确保取得实效。", 17),
    "新疆伊宁市聚焦产业发展抓实干部专业化培训（天山时评）",
    "今年以来累计接待游客超过百万人次",
    _column("提升培训精准性，坚持需求导向，精心定制招商引资、乡村振兴、电商直播等培训专题十三个，采取多批次、"
            "小班制、精准化培训模式，对相关部门领域干部开展精准滴灌，突出培训鲜活性，与名校专家合作授课。", 17),
]) + "\n"


def test_a_deck_one_short_of_the_column_with_nothing_pushed_on_is_no_body_line():
    second = parse_issue(DECK_ONE_SHORT, "测试日报")[1][1]
    assert second.title == "新疆伊宁市聚焦产业发展抓实干部专业化培训"
    assert second.body.startswith("提升培训精准性")


# Headlines wrapped at a 12-character measure in a column 14 wide: one with a closing quote hanging
# past the measure, one a character short where 避头尾 pushed an opening quote down, one over three lines.
MEASURE_MARKS = "\n".join([
    "写好区域协调发展“大文章”",
    "本报记者 王宽",
    _wrap("近日，自治区召开区域协调发展推进会，研究部署下一阶段重点任务，要求各地抓好落实。", 14),
    "巴州辣椒产业创新绿色发展",
    "合作座谈会召开",
    "本报记者 马伊宁",
    _wrap("5日，巴州辣椒产业创新绿色发展合作座谈会召开，专家工作站同日揭牌，助力辣椒产业高质量发展。", 14),
    "自治州党委召开常委会扩大",
    "会议暨理论学习中心组专题",
    "学习会议",
    "本报记者 李东泽",
    _wrap("近日，昌吉州新闻发布舆论引导专题培训班在福建省正式开班，共有三十四名学员参加培训。", 14),
    "社区“小食堂”撬动居民",
    "“大民生”",
    "本报记者 艾力",
    _wrap("独山子区坚持党建引领多元主体参与，推动构建家门口助餐体系，托起社区为民服务的幸福餐盘。", 14),
]) + "\n"


def test_headlines_fill_their_measure_past_a_hanging_mark_and_short_of_a_pushed_one():
    articles = parse_issue(MEASURE_MARKS, "测试日报")[1]
    assert [a.title for a in articles] == [
        "写好区域协调发展“大文章”", "巴州辣椒产业创新绿色发展合作座谈会召开", "自治州党委召开常委会扩大会议暨理论学习中心组专题学习会议",
        "社区“小食堂”撬动居民“大民生”"]


# U+3000 indents, no blank lines, a column 14 wide: a deck under a headline as wide as the column,
# the story's byline only at its end; the photo printed between the two stories stands alone.
DECK_OVER_INDENT = "\n".join([
    "我从天山来昌吉州新闻发布培训班开班",
    "本报记者 李东泽",
    _wrap("近日，昌吉州新闻发布舆论引导专题培训班在福建省正式开班，来自州直部门的新闻发言人共三十四人参加培训。", 14),
    "G3012线喀什疏勒高速公路。",
    "本报记者 吴泽思 摄",
    "社区小食堂撬动居民大民生",
    "一线调研察实情 真抓实干解难题",
    _wrap("独山子区坚持党建引领多元主体参与，推动构建家门口助餐体系，托起社区为民服务的幸福餐盘。", 14),
    _wrap("民呼我应，系统谋划布局，构建覆盖城区、布局合理、共建共享的助餐服务网络体系。（记者 艾力 通讯员 李东泽）", 14),
]) + "\n"


def test_a_line_between_a_headline_and_an_indented_paragraph_is_the_headlines_deck():
    training, photo, canteen = parse_issue(DECK_OVER_INDENT, "测试日报")[1]
    assert (canteen.title, canteen.subtitle) == ("社区小食堂撬动居民大民生", "一线调研察实情 真抓实干解难题")
    assert canteen.body.startswith("独山子区")
    assert photo.kind == "photo" and photo.body.strip() == "G3012线喀什疏勒高速公路。"
    assert training.body.rstrip().endswith("参加培训。")


# A page opens with a slogan banner, a column label, a kicker, the headline printed doubled (its
# heavy type, as PDF text extracts it) and a deck: the doubled line is the headline.
HEAVY_HEADLINE = "\n".join([
    "新时代新征程新伟业",
    "一线传真",
    "奋力谱写中国式现代化新疆篇章",
    "筑牢人民群众共同富裕的工作基础筑牢人民群众共同富裕的工作基础",
    "各族群众共享发展成果",
    "□本报记者/赵富强 刘颖红",
    _wrap("全体人民共同富裕是中国式现代化的本质特征，区域协调发展是实现共同富裕的必然要求。", 16),
    _wrap("塔城市阿不都拉乡党委坚持以人民为中心的发展思想，紧抓基层骨干队伍建设和产业发展。", 16),
]) + "\n"


def test_the_line_printed_in_headline_type_is_the_headline_of_its_group():
    parsed = parse_text(HEAVY_HEADLINE, "测试日报", None)
    (article,) = parsed.articles
    assert article.title == "筑牢人民群众共同富裕的工作基础"
    assert article.authors == ("赵富强", "刘颖红")
    assert article.body.startswith("全体人民")  # the kicker is no part of the text
    assert any(f.kind == "kicker" and "奋力谱写中国式现代化新疆篇章" in f.text for f in parsed.furniture)


# Stories signed only at their end, blank lines between paragraphs: a headline with a comma in it
# right after a story's closing credit opens the next story though no lead or byline follows it.
COMMA_AFTER_CREDIT = """\
奏响乡村振兴新乐章

在新疆巴尔鲁克山脚下，有一个美丽的小山村，草木扶疏，花香四溢。

如今的江格斯南村实现人与自然和谐共生的美好愿景。（记者 刘颖红 通讯员 马伊宁）

新疆布尔津县打造“石榴籽服务站”，服务群众强“磁场”

扩大服务空间，整合村级阵地人民纠纷调解室、法律工作室等功能相近的功能室，扩大党群服务活动面积。

提升服务水平，推动政务服务下沉，让群众办事不出村。（记者 董世菊 通讯员 陈新）
"""


def test_a_comma_headline_after_a_storys_closing_credit_opens_the_next_story():
    first, second = parse_issue(COMMA_AFTER_CREDIT, "测试日报")[1]
    assert first.body.rstrip().endswith("（记者刘颖红通讯员马伊宁）")
    assert second.title == "新疆布尔津县打造“石榴籽服务站”，服务群众强“磁场”"
    assert second.authors == ("董世菊", "陈新")


# Every story signed under its headline (a dateline lead): a long crosshead inside one, with no lead
# or byline under it and nothing parallel to it, is a crosshead of that story.
LONG_CROSSHEAD = """\
写好区域协调发展“大文章”

本报6月13日讯（记者 孙丽娜）博州立足区位优势，推动区域经济一体化发展，取得明显成效。

实施“博阿精”区域 经济一体化发展战略

深化“口岸强州”战略，加快博州、阿拉山口市、精河县协同发展，一列列中欧班列从精河国际陆港驶出。

巴州召开民政重点工作推进会

本报库尔勒6月13日讯（记者 董世菊）4日，巴州召开民政重点工作推进会，安排部署今年重点工作。
"""


def test_a_long_crosshead_inside_a_signed_story_in_a_signed_issue_stays_a_crosshead():
    first, second = parse_issue(LONG_CROSSHEAD, "测试日报")[1]
    assert first.title == "写好区域协调发展“大文章”"
    assert "## 实施“博阿精”区域 经济一体化发展战略" in first.body
    assert first.body.rstrip().endswith("驶出。") and second.title == "巴州召开民政重点工作推进会"


# A story in a 16-character column breaks off mid-sentence (its column goes on elsewhere) right
# over a headed photo whose headline the PDF text printed doubled (headline type).
DOUBLED_AFTER_CUT = """\
新疆皮山县联动拓展党员教育成效
本报讯 记者王明报道：“点”上精准发
力，以县委组织部、党校等站点为中心
，配备党员教育站点信息化设备，辐射
乡镇、村，实现党员教育阵地建设全覆
盖；推进“家门口”教学点建设，优质
党员教育宣
热电联产项目建成投产热电联产项目建成投产
新疆喀什华电266万千瓦热电联产
项目。
本报记者 胡俊秀 摄
"""


def test_a_line_printed_in_headline_type_breaks_off_the_column_above_it():
    story, photo = parse_issue(DOUBLED_AFTER_CUT, "测试日报")[1]
    assert story.body.rstrip().endswith("党员教育宣")
    assert photo.title == "热电联产项目建成投产" and photo.kind == "photo"


# Page 1 ends with a closed story; page 2 opens with a banner, a column label and a kicker over
# the heavy headline of its first story: lines at a page's top are that page's, never a caption
# of the story the page before ended with.
PAGE_TOP_BANNER = """\
第1版
塔城市打造适应区域协调发展的干部队伍
本报讯 记者杨菊萍报道：塔城市紧扣区域协调发展需要，着力打造干部队伍。
这一做法得到了群众的普遍认可。
第2版
新时代新征程新伟业
一线传真
奋力谱写中国式现代化新疆篇章
筑牢人民群众共同富裕的工作基础筑牢人民群众共同富裕的工作基础
各族群众共享发展成果
□本报记者/赵富强 刘颖红
全体人民共同富裕是中国式现代化的本质特征，区域协调发展是实现共同富裕的必由之路。
"""


def test_headline_lines_at_a_pages_top_are_not_a_caption_of_the_page_befores_last_story():
    first, second = parse_issue(PAGE_TOP_BANNER, "测试日报")[1]
    assert first.body.rstrip().endswith("普遍认可。")
    assert second.title == "筑牢人民群众共同富裕的工作基础"
    assert second.authors == ("赵富强", "刘颖红")


# A headline wrapped at a word boundary over its deck: the lead retells the headline across its
# break (…绿色发展合作座谈会召开), so the two lines are one headline, not a kicker and a title.
SEAMED_HEADLINE = """\
巴州辣椒产业创新绿色发展
合作座谈会召开
今年以来累计接待游客超过百万人次
本报记者 王宽
　　5日，巴州辣椒产业创新绿色发展合作座谈会召开，并举行揭牌仪式。
　　巴州辣椒不仅是重要的经济作物，更是带动农民增收的“红色引擎”。
"""


def test_two_headline_lines_whose_break_the_lead_prints_unbroken_are_one_headline():
    (story,) = parse_issue(SEAMED_HEADLINE, "测试日报")[1]
    assert story.title == "巴州辣椒产业创新绿色发展合作座谈会召开"
    assert story.subtitle == "今年以来累计接待游客超过百万人次"
    assert story.authors == ("王宽",)


def test_a_headline_line_set_in_from_the_margin_is_not_joined_to_the_line_above():
    text = SEAMED_HEADLINE.replace("\n合作座谈会召开", "\n 合作座谈会召开")
    (story,) = parse_issue(text, "测试日报")[1]
    assert story.title != "巴州辣椒产业创新绿色发展合作座谈会召开"


# A photo between two stories in 14-character columns; under its credit the next story's headline
# is wrapped at 12, its first two lines as wide as the column's (they read like running text).
HEADLINE_UNDER_PHOTO = """\
巴州辣椒产业座谈会召开
本报记者 王宽
　　5日，巴州辣椒产业创新绿
色发展合作座谈会召开，并举行
揭牌仪式。
　　全州工业辣椒种植面积稳定
在60万亩左右，是带动农民增
收的重要产业。
6月13日，准东开发区中煤建
安集团新疆分公司开展“安全有
我，保驾护航”三员集中上岗活
动，组织党员对生产环境进行严
格巡检，对生产隐患进行全面排
查，确保检查不留死角，为安全
生产提供坚强保障。
□周文杰/摄
内蒙古自治区鄂尔多斯市鄂
托克前旗探索毗邻党建模式，
引领区域协同发展
让群众办事更便捷
王宽
　　党建联建，充分发挥党组织
的政治优势和组织优势，与陕西
省定边县签订合作框架协议。
"""


def test_lines_under_a_photo_credit_that_break_off_into_a_headline_are_that_headlines():
    story, photo, next_story = parse_issue(HEADLINE_UNDER_PHOTO, "测试日报")[1]
    assert story.body.rstrip().endswith("重要产业。") and photo.kind == "photo"
    assert photo.body.rstrip().endswith("坚强保障。")
    assert next_story.body.lstrip().startswith("党建联建") and "探索毗邻党建模式" in next_story.title


# A page's first story under a slogan banner, a theme line and a kicker, its headline printed
# doubled (headline type), a deck, and its text with no byline between.
HEAVY_UNDER_BANNERS = """\
新时代新征程新伟业
铸牢中华民族共同体意识
奋力谱写中国式现代化新疆篇章
大美新疆·奥依塔克冰川公园景区大美新疆·奥依塔克冰川公园景区
全州已建成示范点109个
　　奥依塔克冰川公园位于新疆克孜勒苏柯尔克孜自治州阿克陶县奥依塔克镇西部丛山之中。
　　景区集雪山、冰川、瀑布、森林、草原为一体，景色自然纯净。
"""


def test_of_several_headline_lines_over_a_storys_text_the_one_in_headline_type_is_its_title():
    (story,) = parse_issue(HEAVY_UNDER_BANNERS, "测试日报")[1]
    assert story.title == "大美新疆·奥依塔克冰川公园景区"
    assert story.body.lstrip().startswith("奥依塔克冰川公园位于")


def test_a_headline_over_one_paragraph_with_no_blank_line_is_one_story():
    text = "沙漠公路通车迎来首批货车\n本报讯 记者王明报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。\n"
    [story] = parse_issue(text, "测试日报")[1]
    assert story.title == "沙漠公路通车迎来首批货车" and story.body.lstrip().startswith("本报讯")


# The water story breaks off after an opening quotation mark (no line of running text ends there):
# its rest, printed after the culture story, closes the quotation; the seam's two characters stand
# together nowhere else in the issue, and the culture story's words fill the rest's first half.
QUOTE_CUT = INTERLEAVED.replace(
    "优化供水模式。立足", "优化供水模式。只有“扬长”才会不断突破“").replace(
    "新疆独立水系特征和来水偏丰实际，", "天花板”，昌吉州文化活动处处盛开，民族团结之花也不断完善；只有“补短”才能对丰水期的洪水资源进行弹性利用，")


def test_a_story_broken_off_inside_a_quotation_takes_back_the_paragraph_that_closes_it():
    water, culture = parse_issue(QUOTE_CUT, "测试日报")[1]
    assert "不断突破“天花板”，" in water.body.replace("\n", "")
    assert water.body.rstrip().endswith("得到有效解决。") and culture.body.rstrip().endswith("处处盛开。")


# A page's first story: a slogan banner, a theme line, the headline over its dash deck, a photo
# (caption and credit), then the lead; blank lines between every line.
DECKED_UNDER_BANNERS = """\
新时代新征程新伟业

学习贯彻党的二十大精神

大美新疆·奥依塔克冰川公园景区

——论贯彻落实全会精神

图为活动现场。

本报记者 张云梅 摄

本报6月13日讯（记者 周文杰）奥依塔克冰川公园位于新疆克孜勒苏柯尔克孜自治州阿克陶县奥依塔克镇西部丛山之中。
"""


def test_of_several_headline_lines_over_a_storys_text_the_one_over_a_dash_deck_is_its_title():
    (story,) = parse_issue(DECKED_UNDER_BANNERS, "测试日报")[1]
    assert (story.title, story.subtitle) == ("大美新疆·奥依塔克冰川公园景区", "——论贯彻落实全会精神")


# A magazine with no blank lines: a column's heading over an article's title, both two phrases set
# apart by a space and as wide as each other, then the writer and the text.
COUPLETS = """\
小核桃闯出大市场
蔡伟奇
返乡创业办工厂。阿不都热合曼·克比尔生在库车，长在库车，家里数十亩核桃树承载着一家人的期盼。
[责任编辑：齐桂帆]
守护重症病人
贾佳
我是新疆昌吉回族自治州人民医院的一名医生，从医二十年，始终守护患者生命。
[责任编辑：王建新]
退休不褪色 银龄再生辉
李明
退休不褪色，银龄再生辉。郭志乾矢志不渝，初心不改，时刻牢记自己的第一身份是共产党员。
（作者单位：新疆乌鲁木齐市公安局米东分局） [责任编辑：夏珑祯]
统筹区域力量 推动协调发展
深化区域联动 助力城乡融合
董燕军
习近平总书记指出，推进以县城为重要载体的城镇化建设，推动城乡融合发展，增强城乡经济联系。
坚持规划先行。锚定高质量发展这个首要任务，找准存在问题，确立发展定位。
"""


def test_two_equal_headline_lines_each_of_two_phrases_are_not_one_wrapped_headline():
    article = parse_issue(COUPLETS, "党员之友")[1][-1]
    assert article.title == "深化区域联动 助力城乡融合" and article.authors == ("董燕军",)


# A story's last paragraph broken by a column break (…时刻保 / 持…), a photo set right under its
# rest; under the photo's credit, the next story's headline (wrapped inside a word: 发 / 展), its deck
# and byline. (Printed in 14-character columns by bench/layout_synth.py, mix "narrow columns".)
PHOTO_IN_BROKEN_PARAGRAPH = """\
凌格：做重症病人的“守护
者”
让群众办事更便捷
本报通讯员 袁海军
　　我是新疆昌吉回族自治州
（以下简称“昌吉州”）人民医
院重症医学科主任，也是昌吉州
第九届道德模范（敬业奉献模范），
救死扶伤、守护生命是我的神圣
职责和使命。
　　从医36年来，我坚守急诊、
重症一线，认真学习掌握前沿诊
疗思路和技术，积极发挥党员先
锋模范作用，带领科室团队在全
州率先开展各类重症疾病前沿诊
疗技术研究，全力守护各族人民
群众的生命健康。作为“凌格重
症医学高层次人才工作室”领衔
人，我致力于凝聚团队力量，制
定完善州重症医学质量控制标准，
指导各县市开展危重症救治工作，
规范诊疗流程，共享救治经验，
不断提升昌吉州急危重症患者救
治能力。
　　在今后工作中，我将时刻保

持“医”心向党、“医”心为民
的初心，帮助青年党员和医务工
作者精进医学技术，以高度的责
任心和使命感守护患者生命。
新疆喀什华电266万千瓦热电
联产项目。
盖有军 摄
借助援疆力量 促进区域发
展
——论贯彻落实全会精神
□本报记者/孙丽娜
　　习近平总书记指出，“产业
是发展的根基”。新疆温泉县携
手湖北援疆力量，以完善对口援
建利益联结机制为纽带，充分发
挥主体作用，大力做优做强特色
优势产业，不断提升区域协调发
展综合效益。
"""


def test_a_headline_under_a_photo_set_into_an_open_paragraph_opens_the_next_story():
    articles = parse_issue(PHOTO_IN_BROKEN_PARAGRAPH, "测试日报")[1]
    last = articles[-1]
    assert (last.title, last.subtitle, last.authors) == ("借助援疆力量 促进区域发展", "——论贯彻落实全会精神", ("孙丽娜",))
    assert last.body.lstrip().startswith("习近平总书记指出")
    assert articles[0].title == "凌格：做重症病人的“守护者”" and "我将时刻保" in articles[0].body


# A story jumps from page 1 to page 2; its continued text ends with the writer's unit, then page 2
# goes on with a new story.
JUMP_WITH_NOTE = """\
第1版
区域协调发展要打好组合拳
本报讯 记者王明报道：区域协调发展是实现共同富裕的必然要求，各地各部门正在推进
（下转第2版）
沙漠公路通车迎来首批货车
本报讯 记者李华报道：12日，连接两县的沙漠公路正式通车，首批货车顺利通过。
第2版
（上接第1版）
落实一批重点项目，为区域协调发展提供坚强保证。
（作者单位：新疆塔城市委党校）
老城街区改造完工
本报讯 通讯员张云报道：历时半年的老城街区改造日前完工，居民陆续回迁。
"""


def test_a_jumped_storys_closing_note_stays_with_its_continued_text():
    titles = [a.title for a in parse_issue(JUMP_WITH_NOTE, "测试日报")[1]]
    assert titles == ["区域协调发展要打好组合拳", "沙漠公路通车迎来首批货车", "老城街区改造完工"]
    jumped = parse_issue(JUMP_WITH_NOTE, "测试日报")[1][0]
    assert jumped.body.rstrip().endswith("（作者单位：新疆塔城市委党校）")


# The same jump, its continued text with a photo (caption and credit) and a crosshead under it, then
# its next section; a new story, headline and byline, follows.
JUMP_WITH_CROSSHEAD = JUMP_WITH_NOTE.split("（上接第1版）")[0] + """（上接第1版）
落实一批重点项目，为区域协调发展提供坚强保证。
图为参会人员认真听取报告。
本报记者 赵富强 摄
强化组织保障
锻造骨干队伍，凝聚区域协调发展合力，选优配强各级领导班子。
老城街区改造完工
本报记者 张云
历时半年的老城街区改造日前完工，居民陆续回迁。
"""


def test_a_crosshead_inside_a_jumped_storys_continued_text_is_that_storys():
    articles = parse_issue(JUMP_WITH_CROSSHEAD, "测试日报")[1]
    assert [a.title for a in articles] == ["区域协调发展要打好组合拳", "沙漠公路通车迎来首批货车", "老城街区改造完工"]
    jumped = articles[0]
    assert "## 强化组织保障" in jumped.body and jumped.body.rstrip().endswith("选优配强各级领导班子。")
    assert "赵富强" in jumped.photographers


# Paragraphs set in by an indent, no blank lines, columns 16 wide: story A breaks off mid-word
# (…学深悟), story B follows whole, then A's rest printed flush, as no paragraph of the page starts.
FLUSH_REST = "\n".join([
    "阿勒泰地委召开全体会议",
    "本报记者 刘宇博",
    _wrap("5月29日，阿勒泰地委召开全体（扩大）会议，传达学习自治区党委全会精神，地委书记主持会议。", 16),
    _wrap("会议指出，地区各级各部门要切实提高政治站位，扎实开展集中学习，学深悟", 16),
    "抓住机遇扬长补短 开创发展新局面",
    "本报记者 熊鹰",
    _wrap("自治区党委全会指出，要认清形势、抓住机遇，因地制宜、扬长补短，为我们指明了方法和路径。", 16),
    _wrap("看到优势心中有底，就能鼓足干劲。看到短板正视差距，就能急起直追，不断开创新局。", 16),
    _wrap("透全会精神，聚焦影响阿勒泰地区发展的关键问题，把全会部署转化为地区各级各部门的务实举措。", 16, ""),
    _wrap("会议强调，阿勒泰地区各级各部门要严格落实全会部署要求。", 16),
]) + "\n"


def test_a_flush_paragraph_among_set_in_ones_goes_on_the_story_that_broke_off():
    meeting, comment = parse_issue(FLUSH_REST, "测试日报")[1]
    assert "扎实开展集中学习，学深悟透全会精神" in meeting.body.replace("\n", "")
    assert meeting.body.rstrip().endswith("严格落实全会部署要求。")
    assert comment.body.rstrip().endswith("不断开创新局。")


# A story breaks off; a photo with its own headline stands between it and the next story, whose
# end carries the first story's rest.
PHOTO_BETWEEN_COLUMNS = """\
伊犁河谷冬小麦长势良好

本报讯（记者 马伊宁）入冬以来，伊犁河谷各县市加强冬小麦田间管理，冬小麦苗情总体好于去年。

农业技术人员深入田间地头，指导种植户适时冬灌、镇压保墒，推广冬小麦越

习近平在贵州考察

3月17日至18日，习近平在贵州考察。这是17日下午，习近平在黎平县肇兴侗寨同村民们亲切交流。

新华社记者 鞠鹏 摄

昌吉州举办职业技能大赛

本报讯（记者 陈新）13日，昌吉州第三届职业技能大赛开幕，来自各县市的三百余名选手同场竞技。

大赛设焊工、电工、育婴员等十二个项目，获奖选手将获得相应等级的职业技能证书。

冬管理技术，确保伊犁河谷冬小麦安全越冬，为明年夏粮丰收打下基础。
"""


def test_a_photo_between_a_broken_off_story_and_the_next_does_not_keep_its_rest_from_it():
    wheat, photo, contest = parse_issue(PHOTO_BETWEEN_COLUMNS, "测试日报")[1]
    assert photo.kind == "photo"
    assert "推广冬小麦越冬管理技术" in wheat.body.replace("\n", "")
    assert contest.body.rstrip().endswith("职业技能证书。")


# Paragraphs one to a line between blank lines: story A's last paragraph, cut short by the column's
# end, reads like a kicker (no sentence end) over story B's headline, but it speaks of A, not B.
CUT_OVER_HEADLINE = """\
习近平同志《论科技自立自强》出版发行

本报讯（记者 刘颖红）中共中央党史和文献研究院编辑的习近平同志《论科技自立自强》一书近日由中央文献出版社出版，在全国发行。

这部专题文集，收入习近平同志关于科技自立自强的重要文

筑牢人民群众共同富裕的工作基础

本报讯（记者 吴泽思）全体人民共同富裕是中国式现代化的本质特征，区域协调发展是实现共同富裕的必然要求。

建强骨干队伍。加强乡村党组织建设，夯实引领发展的战斗堡垒基础，提高公共服务供给质量，增进民生福祉。

稿多篇，其中部分文稿是首次公开发表。科技自立自强是国家强盛之基，这部专题文集对于推进科技自立自强具有十分重要的指导意义。
"""


def test_a_cut_paragraph_over_the_next_headline_speaking_of_the_story_above_is_that_storys():
    book, wealth = parse_issue(CUT_OVER_HEADLINE, "测试日报")[1]
    assert wealth.title == "筑牢人民群众共同富裕的工作基础"
    assert "关于科技自立自强的重要文稿多篇，其中部分文稿" in book.body.replace("\n", "")
    assert wealth.body.rstrip().endswith("增进民生福祉。")


# A short story breaks off; a long one follows whole, then the short one's rest. The long story
# shares many of the rest's everyday words by its length alone; the rest's own words are the
# short story's: how alike two texts are must not grow with the length of one.
SHORT_STORY_REST = """\
博州鼠防先锋守护草原

本报讯（记者 熊鹰）新疆精河县疾病预防控制中心的鼠防队员常年奔走在草原深处，监测鼠疫疫情，开展知识宣讲，普及鼠防知识

推进区域协调发展 建设美好家园

本报讯（记者 王宽）近年来，各地坚持新发展理念，推动区域协调发展，各族群众生活水平不断提高，社会大局持续稳定。

各地加强基础设施建设，推进城乡融合发展，完善公共服务体系，让发展成果更多更公平惠及各族群众。

各地坚持以人民为中心的发展思想，扎实推进乡村振兴，发展特色产业，拓宽群众增收渠道，群众获得感不断增强。

各地深化改革开放，优化营商环境，引进重点项目，培育新的经济增长点，推动经济社会高质量发展。

各地加强干部队伍建设，转变工作作风，提高服务群众的能力和水平，为区域协调发展提供坚强保证。

宣传，鼠防队员走进牧民毡房讲解鼠疫防控知识，推动公共服务不断完善，让各族群众生活水平不断提高，精河县草原上连续多年未发生鼠疫疫情。
"""


def test_a_short_storys_rest_after_a_long_story_rejoins_it():
    rodents, region = parse_issue(SHORT_STORY_REST, "测试日报")[1]
    assert "普及鼠防知识宣传，鼠防队员" in rodents.body.replace("\n", "")
    assert region.body.rstrip().endswith("提供坚强保证。")


# A headline wrapped after a comma (…探索毗邻党建模式， / 引领区域协同发展) over a deck: no headline
# ends on a comma, so the line below it is the headline's rest, not the deck's start; printed
# PDF-narrow with no blank lines, or one line to a paragraph between blank lines.
COMMA_WRAPPED_HEADLINE = {
    "narrow columns": """\
　　本报讯（记者 马伊宁）入冬以来，伊
犁河谷各县市加强冬小麦田间管理，冬
小麦苗情总体好于去年。
□周文杰/摄
内蒙古自治区鄂尔多斯市鄂
托克前旗探索毗邻党建模式，
引领区域协同发展
让群众办事更便捷
王宽
　　党建联建，充分发挥党组织
的政治优势和组织优势，与陕西
省定边县、宁夏回族自治区盐池
县组织部门共同签订组织工作区
域合作框架协议，在党建共建、
干部共育、人才共享等方面达成
合作共识。
""",
    "blank lines": """\
伊犁河谷冬小麦长势良好

本报讯（记者 马伊宁）入冬以来，伊犁河谷各县市加强冬小麦田间管理，冬小麦苗情总体好于去年。

内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式，

引领区域协同发展

让群众办事更便捷

王宽

党建联建，充分发挥党组织的政治优势和组织优势，与陕西省定边县、宁夏回族自治区盐池县组织部门共同签订组织工作区域合作框架协议，在党建共建、干部共育、人才共享等方面达成合作共识。
""",
}


@pytest.mark.parametrize("layout", COMMA_WRAPPED_HEADLINE)
def test_a_headline_line_ending_on_a_comma_goes_on_below(layout):
    wheat, bloc = parse_issue(COMMA_WRAPPED_HEADLINE[layout], "测试日报")[1]
    assert bloc.title == "内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式，引领区域协同发展"
    assert bloc.subtitle == "让群众办事更便捷"
    assert bloc.authors == ("王宽",)
    assert wheat.body.rstrip().endswith("冬小麦苗情总体好于去年。")


def _pdf_column(paragraphs: list[str], width: int) -> str:
    """Paragraphs wrapped at `width` with neither blank lines nor indents between them."""
    return "\n".join(_wrap(p, width, indent="") for p in paragraphs)


# Two stories in PDF text of 17-character columns, paragraphs neither indented nor spaced; the
# second story's headline, column tag and all, happens to fill the column exactly, and a
# crosshead inside it wraps the same way.
HEADLINE_AS_WIDE_AS_THE_COLUMN = "\n".join([
    "巴州召开2026年民政重点工作推进会暨民政系统安全生产工作会",
    _pdf_column([
        "4日，巴州召开2026年民政重点工作推进会暨民政系统安全生产工作会，全面总结2025年全州民政工作成效，"
        "系统部署2026年重点任务。",
        "会议要求，要织密扎牢民生保障安全网，常态化做好动态监测，及时有效解决群众生活困难，"
        "确保“应保尽保、应救尽救”。（记者 孙丽娜 通讯员 阿依古丽·买买提）",
    ], 17),
    "写好区域协调发展“大文章”（新论）",
    "全州已建成示范点109个",
    _pdf_column([
        "新疆博尔塔拉蒙古自治州立足资源禀赋、区位优势和产业基础，全面推进区域经济一体化协同发展，"
        "推动形成优势互补、高质量发展的区域经济布局。",
    ], 17),
    "中国式现代化对区域协调发展提出更高",
    "要求",
    _pdf_column([
        "实现中国式现代化，区域协调发展必须着力增强国内大循环的内生动力和可靠性，"
        "推动各县市跨行政区域产业联动、协同发展。",
    ], 17),
])


def test_a_headline_filling_the_column_after_a_closing_credit_opens_the_next_story():
    (title, start, end), (title2, start2, end2) = _articles(HEADLINE_AS_WIDE_AS_THE_COLUMN)
    assert title == "巴州召开2026年民政重点工作推进会暨民政系统安全生产工作会"
    assert "阿依古丽" in end or end.endswith("）")
    assert title2 == "写好区域协调发展“大文章”"
    assert start2 == "新疆博尔塔拉"
    assert end2 == "联动、协同发展。"[-6:]  # the wrapped crosshead stays inside the story
    regional = parse_issue(HEADLINE_AS_WIDE_AS_THE_COLUMN, "测试日报")[1][1]
    assert regional.subtitle == "全州已建成示范点109个"
    assert regional.column == "新论"


# A page of 16-character columns, paragraphs opened by a U+3000 indent, no blank lines; the second
# story's first line runs two characters past the measure: 避头尾 pulled its closing dash in
# rather than open the next line with it.
DASH_PULLED_INTO_A_FIRST_LINE = "\n".join([
    "果园迎来丰收季",
    "本报记者 王明",
    _wrap("连日来，县里的苹果园迎来采摘旺季，果农们忙着采摘、分拣、装箱，一派繁忙景象。"
          "今年全县苹果种植面积达到五万亩，预计产量比去年增长两成，果品远销内地多个省区。", 16),
    _wrap("果农们说，今年雨水适中，病虫害少，果子个大味甜，收购价格也比往年高。", 16),
    "奏响乡村振兴新乐章",
    "本报通讯员 盖有军",
    "\u3000\u3000在巴尔鲁克山下，有个美丽小村——",
    _wrap("裕民县江格斯乡江格斯南村。这里草木扶疏，花香四溢，白墙红顶，韵味十足；街边凉棚下，"
          "老年人闲话家常，一派祥和景象。近年来，村党支部团结带领全村党员干部和各族群众，"
          "推进乡村全面振兴，扎实推动共同富裕。", 16, indent=""),
    _wrap("打造增收致富的“聚宝盆”。村里通过高标准农田建设，配齐各种农家乐、乡村民宿，"
          "不断拓宽农民增收致富渠道。", 16),
]) + "\n"


def test_an_indented_first_line_past_the_measure_on_a_pulled_in_dash_is_body_not_a_kicker():
    apples, village = parse_issue(DASH_PULLED_INTO_A_FIRST_LINE, "测试日报")[1]
    assert apples.body.strip().endswith("收购价格也比往年高。")
    assert village.title == "奏响乡村振兴新乐章"
    assert village.authors == ("盖有军",)
    assert village.body.strip().startswith("在巴尔鲁克山下，有个美丽小村——裕民县江格斯乡")


# PDF text of 13-character columns, paragraphs neither indented nor spaced; the second story's
# headline runs one character past the measure, and its lead restates it.
ECHOED_HEADLINE = "\n".join([
    "春回阿克陶",
    _pdf_column([
        "本报讯 通讯员袁海军报道：四月的阿克陶，杏花盛开，塔吉克族风情浓郁，"
        "是国内外众多游客和摄影家、画家赏花写生的胜地。",
    ], 13),
    "做深做实干部政治素质考察研究",
    _pdf_column([
        "做深做实干部政治素质考察，是建设忠诚干净担当的高素质干部队伍的重要举措。"
        "近年来，新疆库车市委组织部深入基层，向群众了解考察对象“八小时外”情况，"
        "阿不都热合曼·克比尔说，阿不都热合曼·克比尔的乡亲们都认可。（记者 谢晓艳）",
    ], 13),
])


def test_a_line_its_lead_restates_is_a_headline_however_it_fills_the_column():
    spring, study = parse_issue(ECHOED_HEADLINE, "测试日报")[1]
    assert spring.title == "春回阿克陶"
    assert spring.body.strip().endswith("画家赏花写生的胜地。")
    assert study.title == "做深做实干部政治素质考察研究"
    assert study.body.strip().startswith("做深做实干部政治素质考察，是建设")
    assert "阿不都热合曼·克比尔的乡亲们" in study.body  # a name said twice is no headline


# PDF text of 17-character columns, paragraphs neither indented nor spaced: after the first
# story's closing note, a headline of two phrases set apart fills the column exactly; inside the
# second story a crosshead is set the same way.
SPACED_HEADLINE_AFTER_A_NOTE = "\n".join([
    "小核桃闯出大市场",
    _pdf_column([
        "新疆库车市阿克吾斯塘乡博斯坦核桃专业合作社负责人阿不都热合曼带领乡亲们发展核桃产业，"
        "赢得乡亲们点赞与信赖，成为乡村振兴道路上的领头人。",
    ], 17),
    "（作者单位：新疆昌吉市委宣传部）",
    "访企问需送服务 助企跑出「加速度」",
    _pdf_column([
        "近年来，新疆乌鲁木齐市水磨沟区委“两新”工委不断优化楼宇党建工作模式，"
        "在“两新组织”入驻密集、经营活跃的商务楼宇建立党群服务站。",
    ], 17),
    "深化楼宇服务机制 建强党群服务阵地",
    _pdf_column([
        "工委聚焦企业所需，建立走访问需清单，推动政策直达、服务上门，"
        "帮助企业解决融资、用工等难题。（记者 赵富强 通讯员 陈彦强）",
    ], 17),
])


def test_two_phrases_set_apart_after_a_closing_note_are_the_next_headline():
    walnut, service = parse_issue(SPACED_HEADLINE_AFTER_A_NOTE, "测试日报")[1]
    assert walnut.body.strip().endswith("（作者单位：新疆昌吉市委宣传部）")
    assert service.title == "访企问需送服务 助企跑出「加速度」"
    assert service.body.strip().startswith("近年来，新疆乌鲁木齐市水磨沟区")
    assert "工委聚焦企业所需" in service.body  # the crosshead set the same way stays inside its story


# A column's introduction (本栏目…) stands as an item of its own, its pieces follow; the note
# printed under it (作者单位) is its, in PDF text with indents and no blank lines.
NOTE_UNDER_AN_INTRODUCTION = "\n".join([
    "榜样的力量",
    "王宽",
    _wrap("本栏目通过新疆各地录制的反映先进基层党组织和优秀共产党员的典型事迹，生动展现共产党员坚定信念、"
          "践行宗旨、拼搏奉献的高尚品质，以榜样的力量激励广大党员干部投身新疆高质量发展各项工作。", 17),
    "\u3000\u3000（作者单位：新疆伊吾县委组织部）",
    "自治州直属机关党组书记抓基层党建述职评议考核会议召开",
    "本报记者 托亚",
    _wrap("4日，自治州直属机关2025年度党组（党委）书记、机关党委书记抓基层党建述职评议考核会议召开，"
          "会议要求以高质量机关党建促进高质量发展。", 17),
]) + "\n"


def test_a_closing_note_under_a_columns_introduction_stays_with_it():
    intro, meeting = parse_issue(NOTE_UNDER_AN_INTRODUCTION, "测试日报")[1]
    assert intro.title == "榜样的力量"
    assert intro.body.strip().endswith("（作者单位：新疆伊吾县委组织部）")
    assert meeting.title == "自治州直属机关党组书记抓基层党建述职评议考核会议召开"


# PDF text of 13-character columns, paragraphs opened by U+3000 indents; a closing credit wraps
# over three lines, its last two opening on the space the wrap fell on.
CREDIT_WRAPPED_ON_SPACES = "\n".join([
    "促进区域协调发展 更好建设美丽新疆",
    "\u3000\u3000推动区域协调发展，是解",
    "决发展不平衡不充分问题的重",
    "要举措。本期，新疆疏勒县委",
    "组织部围绕区域协调发展展开",
    "论述，为区域协调发展提供坚",
    "强的组织保证。（记者",
    " 阿依古丽·买买提 通讯员",
    " 张云梅）",
    "阿勒泰市医疗保障局破解医保为民服务“难点堵点痛点”",
    "周文杰",
    "\u3000\u3000“这几天，阿勒泰市医保",
    "服务热线很难拨通，我想咨询",
    "医保报销方面的问题。”近日，",
    "不少群众致电政务服务便民热",
    "线反映：热线电话很难打通。",
]) + "\n"


def test_a_line_inside_an_open_bracket_goes_on_whatever_its_indent():
    region, hotline = parse_issue(CREDIT_WRAPPED_ON_SPACES, "测试日报")[1]
    assert region.body.strip().endswith("（记者阿依古丽·买买提通讯员张云梅）")
    assert region.authors == ("阿依古丽·买买提", "张云梅")
    assert hotline.title == "阿勒泰市医疗保障局破解医保为民服务“难点堵点痛点”"


# Two pages of PDF text, 22-character columns, paragraphs opened by U+3000 indents: the second
# page's first headline, two phrases set apart and its column tag, runs one past the measure.
SPACED_HEADLINE_AT_A_PAGE_TOP = "\n".join([
    "2023年6月14日 星期三 第1版 要闻 责任编辑：杨佩佩",
    "把考察结果运用到干部管理监督中",
    "本报记者 王宽",
    _wrap("建立考察结果反馈和整改机制，采取谈话提醒、函询、诫勉、组织处理等方式，抓早抓小，"
          "及时纠正政治偏差、消除政治风险。", 22),
    "2023年6月14日 星期三 第2版 经济 责任编辑：杨佩佩",
    "以改革创新精神 推进新疆水利高质量发展（新论）",
    "让群众办事更便捷",
    _wrap("自治区水利厅深入践行习近平总书记“节水优先、空间均衡、系统治理、两手发力”治水思路，"
          "以水资源集中统一管理和高效利用为出发点，解放思想观念，强化科学统筹，深化改革创新。", 22),
]) + "\n"


def test_two_phrases_set_apart_at_a_page_top_are_its_headline():
    review, water = parse_issue(SPACED_HEADLINE_AT_A_PAGE_TOP, "测试日报")[1]
    assert review.body.strip().endswith("消除政治风险。")
    assert water.title == "以改革创新精神 推进新疆水利高质量发展"
    assert water.column == "新论"
    assert water.subtitle == "让群众办事更便捷"


# Blank lines between everything: a column label printed over two stories; under it, the second
# time, a short headline over a deck, then the writer's name.
LABEL_OVER_A_SHORT_HEADLINE = """\
学习贯彻党的二十大精神

昌吉州着力构建新时代党的民族工作格局

今年以来，昌吉州以党的二十大精神为指引，着力构建新时代党的民族工作格局，推动民族工作高质量发展。

学习贯彻党的二十大精神

向沙而行

三年行动计划全面启动

董世菊

新疆策勒沙漠研究站站长曾凡江，扎根策勒县近30年，带领科研团队开展恢复生态的试验研究。
"""


def test_under_its_column_label_a_short_line_is_the_headline_and_the_line_under_it_its_deck():
    ethnic, desert = parse_issue(LABEL_OVER_A_SHORT_HEADLINE, "测试日报")[1]
    assert ethnic.body.strip().endswith("推动民族工作高质量发展。")
    assert desert.title == "向沙而行"
    assert desert.subtitle == "三年行动计划全面启动"
    assert desert.column == "学习贯彻党的二十大精神"
    assert desert.authors == ("董世菊",)


# A page's banner, a kicker leading into a headline with a comma in it, a deck, a photo.
BANNER_KICKER_AND_A_COMMA_HEADLINE = """\
第3版
综合

铸牢中华民族共同体意识

在习近平新时代中国特色社会主义思想指引下——

内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式，引领区域协同发展

让群众办事更便捷

图为工作人员向群众讲解相关知识。

本报记者 韩沁言 摄

党建联建，充分发挥党组织的政治优势和组织优势，与毗邻地区组织部门共同签订组织工作区域合作框架协议。（记者 谢晓艳 通讯员 孙丽娜）
"""


def test_a_comma_headline_under_a_kicker_is_the_headline_and_the_banner_over_them_its_column():
    (article,) = parse_issue(BANNER_KICKER_AND_A_COMMA_HEADLINE, "测试日报")[1]
    assert article.title == "内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式，引领区域协同发展"
    assert article.column == "铸牢中华民族共同体意识"
    assert article.body.strip().startswith("党建联建，充分发挥")  # (the banner is not a crosshead over it)


# PDF text of 17-character columns, no blank lines, no indents: a kicker over a headline with its
# column tag, the kicker two characters wider than the column (and a line of the story above,
# 18 characters with its marks, as wide as a column line can be).
OVERSET_KICKER = "\n".join([
    "阿勒泰市医疗保障局破解医保为民服务难题",
    "据了解，阿勒泰市医疗保障局将不断改进",
    "工作方法，认真听取群众反馈的意见，将",
    "医保政策落到实处。“确保群众需求有人",
    "听、有人办，不断提升群众的获得感，提",
    "高群众对医保的满意度。”阿勒泰市医疗",
    "保障局党组书记、局长马丽说。",
    "深入学习贯彻自治区党委十届八次全会精神",
    "新疆伊宁市聚焦产业发展抓实干部专业化培训（天山时评）",
    "提升培训精准性，坚持需求导向，精心定",
    "制招商引资、乡村振兴、电商直播等培训",
    "专题13个，采取小班制培训模式，对相",
    "关部门干部开展培训，切实提升干部培训",
    "质效。（记者 盖有军 通讯员 谢晓艳）",
])


def test_a_line_wider_than_its_column_can_set_is_a_headline_line():
    insurance, training = parse_issue(OVERSET_KICKER, "测试日报")[1]
    assert insurance.body.strip().endswith("局长马丽说。")
    assert training.title == "新疆伊宁市聚焦产业发展抓实干部专业化培训"
    assert training.subtitle == "深入学习贯彻自治区党委十届八次全会精神"
    assert training.column == "天山时评"


# The same page, the story above signed under its headline, with a crosshead, and ending with no
# credit; the kicker over the tagged headline is as short as that crosshead, so set in parallel.
SHORT_KICKER_OVER_A_TAGGED_HEADLINE = "\n".join([
    "努力在高质量发展中闯出新路子",
    "本报记者 王宽",
    _pdf_column([
        "在深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育中，全县上下立足资源禀赋，"
        "推动产业提质增效。",
    ], 17),
    "建强基层党组织",
    _pdf_column([
        "全县持续深化抓党建促乡村振兴，选优配强村级班子，为推进乡村全面振兴奠定坚实基础。",
    ], 17),
    "聚焦高质量发展",
    "新疆伊宁市聚焦产业发展抓实干部专业化培训（天山时评）",
    _pdf_column([
        "提升培训精准性，坚持需求导向，精心定制招商引资、乡村振兴、电商直播等培训专题13个，"
        "切实提升干部培训质效。（记者 盖有军 通讯员 谢晓艳）",
    ], 17),
])


def test_a_line_right_over_a_headline_with_its_column_tag_is_its_kicker_not_a_crosshead():
    county, training = parse_issue(SHORT_KICKER_OVER_A_TAGGED_HEADLINE, "测试日报")[1]
    assert county.body.strip().endswith("奠定坚实基础。")
    assert training.title == "新疆伊宁市聚焦产业发展抓实干部专业化培训"
    assert training.subtitle == "聚焦高质量发展"


# PDF text of 14-character columns, paragraphs opened by U+3000 indents, no blank lines: a photo
# between two stories, its caption flush, so its lines run on from the story's last paragraph,
# whose last line ends a sentence at the full measure.
CAPTION_RUN_ON = "\n".join([
    "筑牢人民群众共同富裕的工作基础",
    "本报记者 王宽",
    _wrap("区域协调发展是实现共同富裕的必然要求。新疆塔城市坚持就业优先，组建田间管理、物资运输、"
          "无人机操作等专业劳务服务合作社，帮助村民实现就近就地就业，持续增加群众收入。", 14),
    _wrap("各级党组织把增进民生福祉作为发展的根本目的，推动公共服务向基层延伸、向农村覆盖、向困难群众倾斜，"
          "让各族群众的获得感、幸福感、安全感更加充实、更有保障、更可持续。全体人民共同富裕是中国式现代化的"
          "本质特征。积极推进老年食堂、助餐服务点等模式，创办多个老年食堂和助餐点，让辖区老年人在家门口吃上"
          "“暖心饭”，不断提升基层民生服务的供给质量。", 14),
    "新疆喀什华电266万千瓦热电",
    "联产项目。",
    "本报记者 艾力·吐尔逊 摄",
    "项目建设跑出加速度",
    "袁海军",
    _wrap("在深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育之际，全区上下深入贯彻落实党的二十大精神。", 14),
]) + "\n"


def test_a_caption_run_on_from_the_story_above_its_credit_is_the_photos():
    stories = parse_issue(CAPTION_RUN_ON, "测试日报")[1]
    assert stories[0].body.strip().endswith("不断提升基层民生服务的供给质量。")
    assert not any("热电联产" in s.body for s in stories if s.title == "筑牢人民群众共同富裕的工作基础")
    assert any("新疆喀什华电266万千瓦热电联产项目。" in (s.body + (s.title or "")) for s in stories)
    assert stories[-1].title == "项目建设跑出加速度"


# PDF text of 17-character columns, no blank lines, no indents: a crosshead inside a feature,
# wrapped so that its last word, 路径, stands alone on a line (路 is a surname too).
CROSSHEAD_WRAPPED_ON_A_WORD = "\n".join([
    "以区域协调发展推进中国式现代化",
    "本报记者 王宽",
    _pdf_column([
        "习近平总书记在党的二十大报告中擘画了以中国式现代化全面推进中华民族伟大复兴的宏伟蓝图。"
        "坚持以人民为中心的价值取向，必须不断增强区域发展的平衡性协调性，最终实现共同富裕。",
    ], 17),
    "政策系统集成是促进区域协调发展的重要",
    "路径",
    _pdf_column([
        "区域协调发展以政府引导为重要特征，有利于解决自由市场机制的缺陷，进一步提升资源的空间配置效率。",
    ], 17),
])


def test_a_crossheads_last_word_alone_on_its_line_is_no_writers_name():
    (feature,) = parse_issue(CROSSHEAD_WRAPPED_ON_A_WORD, "测试日报")[1]
    assert feature.authors == ("王宽",)
    assert "政策系统集成是促进区域协调发展的重要路径" in feature.body
    assert feature.body.strip().endswith("提升资源的空间配置效率。")


def test_a_short_line_set_in_by_ideographic_spaces_opens_a_paragraph_not_a_headline():
    """A story broken off after its first line (its rest printed elsewhere) leaves that line short
    and title-like over the next story's headline; set in by two ideographic spaces, it is the
    paragraph's opening, and stays in its story."""
    page = "\n".join([
        "鼠防先锋鼠防先锋",
        "本报通讯员 王宽",
        "\u3000\u3000新疆精河县疾病预防控制中",
        "法治在线",
        "自治区党委常委会召开会议自治区党委常委会召开会议",
        _wrap("自治区党委常委会3月27日上午召开会议，学习贯彻习近平总书记在云南考察时的重要讲话精神，研究推进党员教育培训工作。", 16),
        _wrap("会议强调，要认真学习贯彻习近平总书记重要讲话精神，聚焦推进中国式现代化新疆实践，深入抓好改革发展稳定各项工作。", 16),
    ]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    story = next(a for a in articles if a.title == "鼠防先锋")
    assert "新疆精河县疾病预防控制中" in story.body


def test_a_paragraph_whose_later_column_came_first_is_put_back_in_order():
    """PDF text can give a paragraph's later column first: one paragraph that opens inside a
    sentence and ends one, then the paragraph's opening, which breaks off inside a word that the
    other's first characters finish (提升养 | 老服务). Read back in order, it is one paragraph."""
    page = "\n\n".join([
        "巴州召开民政工作推进会",
        "本报讯 记者王明报道：5日，巴州召开民政工作推进会，总结去年工作，部署今年任务。",
        "老服务质效，持续织密兜底保障网，筑牢民生根基。",
        "会议明确，站在新的起点上，全州民政系统要积极应对人口老龄化、提升养",
        "草原牧民冬储饲草",
        "本报讯 通讯员李华报道：入冬前，牧民们抓紧收储饲草料，确保牲畜安全过冬。",
    ]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert [a.title for a in articles] == ["巴州召开民政工作推进会", "草原牧民冬储饲草"]
    assert articles[0].body.strip().endswith(
        "会议明确，站在新的起点上，全州民政系统要积极应对人口老龄化、提升养老服务质效，持续织密兜底保障网，筑牢民生根基。")


def test_a_paragraph_whose_later_column_closes_its_quotation_is_put_back_in_order():
    """The same with no word cut at the seam: the paragraph's opening leaves a quotation open
    (建立“楼栋技能共享) that the column printed before it closes (库”，…)."""
    page = "\n\n".join([
        "社区“小食堂”撬动居民“大民生”",
        "本报讯 记者王明报道：近年来，新疆克拉玛依市独山子区深入践行“人民城市”理念，办好社区食堂。",
        "库”，居民可发布、认领微心愿，实现食堂场地共享，把社区食堂办成居民“可感可及”的民生实事。",
        "公益助力，提升服务质效。发挥社区食堂“一站多用”作用，设立志愿服务站、建立“楼栋技能共享",
        "草原牧民冬储饲草",
        "本报讯 通讯员李华报道：入冬前，牧民们抓紧收储饲草料，确保牲畜安全过冬。",
    ]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert [a.title for a in articles] == ["社区“小食堂”撬动居民“大民生”", "草原牧民冬储饲草"]
    assert articles[0].body.strip().endswith("建立“楼栋技能共享库”，居民可发布、认领微心愿，实现食堂场地共享，"
                                              "把社区食堂办成居民“可感可及”的民生实事。")


def test_a_name_no_surname_list_knows_under_a_two_phrase_headline_is_its_writer():
    """托亚 under 推动交通运输行业稳步向好 助力区域协调均衡发展: a headline of two phrases set apart is
    whole, and a short line under it that is no word and finishes none is its writer's name, not
    the wrap's rest (…经济一体化发展 / 战略 would be)."""
    page = "\n".join([
        "推动交通运输行业稳步向好 助力区域协调均衡发展",
        "托亚",
        _wrap("自治区交通运输厅党委围绕新疆自贸试验区、“十大产业集群”和基础设施“十张网”建设，深化党建业务融合互促，扎实推进全区公路网建设。", 22),
    ]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert [(a.title, a.authors) for a in articles] == [("推动交通运输行业稳步向好 助力区域协调均衡发展", ("托亚",))]


def test_a_caption_set_into_a_word_leaves_the_paragraph_whole():
    """Sample 002: a photo's caption printed where a paragraph breaks off inside a word (…重点实 /
    吐鲁番市高昌区葡萄标准化示范园。 / 验室吐鲁番工作站，…): the paragraph reads whole, the
    caption stands apart, not glued into the word."""
    page = "\n\n".join([
        "丝路明珠绽放新活力",
        "本报讯 记者王明报道：新疆吐鲁番市坚持党建引领，推动组织优势转化为发展优势。",
        "引育用好人才，柔性引进413名高层次人才，打造省部共建重点实",
        "吐鲁番市高昌区葡萄标准化示范园。",
        "验室吐鲁番工作站，推动组织优势转化为企业发展优势和竞争优势。",
    ]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    body = articles[0].body
    assert "打造省部共建重点实验室吐鲁番工作站，推动组织优势转化为企业发展优势和竞争优势。" in body
    assert "\n吐鲁番市高昌区葡萄标准化示范园。\n" in "\n" + body


def test_a_pages_closing_editor_line_is_no_part_of_its_last_story():
    """（本版责编：…） closes a broadsheet's page, its names letter-spaced to one width: it ends the last
    story and credits its editors, never reads as that story's last paragraph."""
    text = ("“小核桃”闯出致富路\n"
            "　　新华社乌鲁木齐10月7日电（记者赵强）在新疆库车市，一家核桃专业合作社带动周边农户年均增收5000余元。\n"
            "（本版责编：刘　伟　王　芳　张　华）\n")
    _, [article] = parse_issue(text, "测试日报")
    assert article.body.rstrip().endswith("增收5000余元。")
    assert article.editor == "刘伟、王芳、张华"


GROUPED_HEADS = """第1版

学习贯彻党的二十大精神
棉花丰收季 机采正当时
——南北疆棉田里一派繁忙景象
本报记者　李　强

金秋时节，新疆南北疆棉田里一派繁忙景象，一台台采棉机来回穿梭，雪白的棉花被源源不断地收入机舱。

据了解，今年新疆棉花机采率进一步提高，棉农们省时省力，收入也有了保障。

凌格：做重症病人的“守护
者”
本报记者 赵强

我是新疆昌吉回族自治州人民医院重症医学科主任，救死扶伤、守护生命是我的神圣职责和使命。
"""


def test_a_headline_group_set_as_one_block_is_read_line_by_line():
    """On a page that sets paragraphs apart by blank lines, the kicker, headline, deck and byline may
    still come as one block: each line is its own part (not one headline of four lines), while a
    headline wrapped inside a quotation stays one."""
    first, second = parse_issue(GROUPED_HEADS, "测试日报")[1]
    assert (first.title, first.subtitle, first.authors) == ("棉花丰收季 机采正当时", "——南北疆棉田里一派繁忙景象", ("李强",))
    assert first.body.startswith("金秋时节")
    assert second.title == "凌格：做重症病人的“守护者”"


def test_a_byline_set_right_under_its_headline_is_no_part_of_it():
    text = ("棉花丰收季 机采正当时\n本报记者 李强\n\n"
            "金秋时节，新疆南北疆棉田里一派繁忙景象，一台台采棉机来回穿梭，雪白的棉花被源源不断地收入机舱。\n")
    [article] = parse_issue(text, "测试日报")[1]
    assert (article.title, article.authors) == ("棉花丰收季 机采正当时", ("李强",))


@pytest.mark.parametrize("folio", ["要闻 2019年10月8日 星期二 3", "2019年10月8日 星期二 要闻 3",
                                   "人民日报 2019年10月8日 星期二 03 要闻"])
def test_a_folio_that_prints_its_page_number_alone_names_the_page(folio):
    """A national daily's running header gives the page's number with no 第…版 around it, beside the
    date: the page and its name, never a kicker or deck of the first story."""
    [article] = parse_issue(folio + "\n" + NATIONAL_PAGE.split("\n", 2)[2], "人民日报")[1]
    assert (article.title, article.subtitle, article.page, article.column) == ("保护生态环境 建设美丽中国", None, 3, "要闻")


def test_a_date_line_with_words_and_a_number_is_no_folio():
    text = "据统计 2019年10月8日 共有 3 人\n" + NATIONAL_PAGE.split("\n", 2)[2]
    assert parse_issue(text, "人民日报")[1][0].page is None


COMMENTARY_PAGE = """评论 2019年10月8日 星期二 5

以奋斗姿态迎接新时代的新挑战，在新征程上书写新的更大荣光

李　斌

新中国成立70年来，我们取得了举世瞩目的伟大成就。站在新的历史起点上，我们必须以奋斗姿态迎接新挑战。

（作者为中国人民大学教授）

人民论坛

让初心在实干中闪光

王　涛

初心不是挂在嘴上的口号，而是落在行动上的担当。广大党员干部要在实干中践行初心使命。
"""


def test_a_writers_note_closes_the_piece_and_the_label_after_it_heads_the_next():
    """（作者为中国人民大学教授） is a note about the writer, not a writer named so; it ends the piece,
    and 人民论坛 printed alone under it is the next piece's label, not the end of this one."""
    first, second = parse_issue(COMMENTARY_PAGE, "人民日报")[1]
    assert first.authors == ("李斌",) and first.body.rstrip().endswith("（作者为中国人民大学教授）")
    assert (second.title, second.authors) == ("让初心在实干中闪光", ("王涛",))
    assert "人民论坛" in (second.subtitle, second.column)


def test_a_kicker_headline_and_deck_over_unsigned_text_open_a_story_not_crossheads():
    """In a signed issue, three headline lines standing together over text are the next story's head
    even with no byline under them: a crosshead stands alone (photo labels of a word or two over a
    story, 神舟 / 天宫, are not such a group)."""
    text = ("天山南北喜迎国庆\n\n本报记者 张三\n\n"
            "本报乌鲁木齐10月7日讯 金秋十月，天山南北处处洋溢着喜庆的节日气氛。各族群众以各种形式庆祝新中国成立70周年。\n\n"
            "深入学习贯彻自治区党委全会精神\n\n榜样的力量\n\n一线调研察实情 真抓实干解难题\n\n"
            "本栏目通过新疆各地录制的反映先进基层党组织和优秀共产党员的典型事迹，生动展现共产党员的高尚品质。\n")
    first, second = parse_issue(text, "测试日报")[1]
    assert first.body.rstrip().endswith("庆祝新中国成立70周年。")
    assert second.title == "榜样的力量" and second.body.startswith("本栏目")


def test_a_headline_with_a_comma_in_a_group_of_three_lines_is_the_groups_headline():
    """聚焦高质量发展 / …探索毗邻党建模式，引领区域协同发展 / 让群众办事更便捷 set as one block: the comma is
    the headline's (a kicker, a headline, a deck), not a paragraph's between two headline lines."""
    text = ("天山南北喜迎国庆\n\n本报记者 张三\n\n"
            "本报乌鲁木齐10月7日讯 金秋十月，天山南北处处洋溢着喜庆的节日气氛。各族群众以各种形式庆祝新中国成立70周年。\n\n"
            "聚焦高质量发展\n鄂托克前旗探索毗邻党建模式，引领区域协同发展\n让群众办事更便捷\n\n"
            "党建联建，充分发挥党组织的政治优势和组织优势，与周边地区共同签订组织工作区域合作框架协议。\n")
    first, second = parse_issue(text, "测试日报")[1]
    assert second.title == "鄂托克前旗探索毗邻党建模式，引领区域协同发展" and second.body.startswith("党建联建")


# A story that breaks off inside a paragraph whose later column was printed first (the columns
# swapped, the story stopped at the later column's end): neither part finishes a sentence, so
# only the seams say the order. Nothing after the two goes on with them: a headline follows.
NEXT_STORY = ["草原牧民冬储饲草", "本报讯 通讯员李华报道：入冬前，牧民们抓紧收储饲草料，确保牲畜安全过冬。"]


def _stopped_story(*parts: str) -> str:
    return "\n\n".join(["以改革创新精神推进新疆水利高质量发展",
                        "本报讯 记者王明报道：自治区水利厅深入践行“节水优先、空间均衡、系统治理、两手发力”治水思路，统筹做好"
                        "“节水、蓄水、调水、增水”四篇文章，推动新疆水利高质量发展再上新台阶。",
                        *parts, *NEXT_STORY]) + "\n"


def _stopped_body_16(lead: str, later: list[str], opening: list[str]) -> str:
    """The first story's body, joined, of a page 16 columns wide: headline, lead, the later column's
    lines, the opening's, then the next story; both stories found under their headlines."""
    page = "\n".join(["以改革创新精神推进新疆水利高质量发展", "", _wrap("本报讯 记者王明报道：" + lead, 16, ""), "",
                      *later, "", *opening, "", NEXT_STORY[0], "", _wrap(NEXT_STORY[1], 16, "")]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert [a.title for a in articles] == ["以改革创新精神推进新疆水利高质量发展", "草原牧民冬储饲草"]
    return articles[0].body.replace("\n", "")


def test_a_first_column_read_as_a_headline_above_the_next_one_goes_before_the_column_it_opens():
    """The paragraph's opening, short and alone above the next headline, reads as a headline line;
    its end (…长远性工) and the column printed before it (作，立足…) make a common word (工作), while
    that column's end and the opening make none: one paragraph, opening first, the story's last."""
    _, articles = parse_issue(_stopped_story(
        "作，立足新疆水资源的历史、现实和未来，加强全区水资源集中统一管理。强化顶层设计。成立自治区党委水资源管理委员会、专家委",
        "始终把水资源高效利用和保护作为事关长治久安的根本性、基础性、长远性工"), "测试日报")
    assert [a.title for a in articles] == ["以改革创新精神推进新疆水利高质量发展", "草原牧民冬储饲草"]
    assert articles[0].body.strip().endswith("始终把水资源高效利用和保护作为事关长治久安的根本性、基础性、长远性工作，"
                                              "立足新疆水资源的历史、现实和未来，加强全区水资源集中统一管理。强化顶层设计。"
                                              "成立自治区党委水资源管理委员会、专家委")


def test_a_later_column_read_as_a_headline_goes_after_the_opening_it_finishes():
    """The later column short enough to read as a crosshead (邻村党组织片区协作、干部相互交流学习),
    then the paragraph's opening breaking off inside the word the column finishes (坚持相 | 邻)."""
    _, articles = parse_issue(_stopped_story(
        "邻村党组织片区协作、干部相互交流学习", "建强骨干队伍。加强乡村党组织建设，坚持相"), "测试日报")
    assert [a.title for a in articles] == ["以改革创新精神推进新疆水利高质量发展", "草原牧民冬储饲草"]
    assert articles[0].body.strip().endswith("建强骨干队伍。加强乡村党组织建设，坚持相邻村党组织片区协作、干部相互交流学习")


def test_a_stopped_paragraph_whose_opening_leaves_a_quotation_open_is_put_back_in_order():
    """Columns 16 wide: the paragraph read as one (neither part finishes a sentence), later column
    first (交河”等文旅IP…); its opening leaves a quotation open (打造“夜游) that the later column
    closes: the opening comes first, and the story stops where the later column does."""
    body = _stopped_body_16(
        "吐鲁番市统筹实施产业攻坚，有效激活区域经济发展新动能。",
        ["交河”等文旅IP，建设“AI游吐", "鲁番”旅游数字化服务平台，开放美", "术馆暨非物质文化遗产馆，2024",
         "年接待游客突破3200万人次，旅"],
        ["坚持“一把手”强力推动、“一盘棋”", "统筹实施，深挖“葡萄+文化+旅游”", "潜力，串联交河故城、坎儿井民俗园",
         "等景点，开发精品线路，打造“夜游"])
    assert "打造“夜游交河”等文旅IP" in body and body.endswith("突破3200万人次，旅")


def test_a_stopped_paragraph_is_put_back_at_a_break_between_words_that_happen_to_make_a_rare_one():
    """…因材施教，精准 | 会议强调… : 准会 is in the dictionary, so the break is no seam by the strict
    reading; it cuts no common word and closes nothing, and it is the one column break: the
    opening (…做好新时代党) goes on into the later column (员教育…), so it comes first."""
    body = _stopped_body_16(
        "自治区党委常委会召开会议，研究推进党员教育培训工作。",
        ["员教育培训工作的重大意义，紧扣中", "央要求，结合新疆实际，创造性地抓", "好教育培训各项任务落实。要突出主",
         "题主线，坚持不懈用新时代党的创新", "理论凝心铸魂，聚焦党员干部理论素", "养和专业能力短板，因材施教，精准"],
        ["会议强调，要深刻认识做好新时代党"])
    assert "会议强调，要深刻认识做好新时代党员教育培训工作的重大意义" in body and body.endswith("因材施教，精准")


def test_a_stopped_paragraph_is_put_back_in_order_on_a_word_split_where_no_common_one_is_cut():
    """Columns 16 wide, later column first (制造业…功能有), then the opening (提升…壮大先进), the story
    stopping there: no common word is cut either way, but the opening's end and the later column
    split a word (先进 | 制造: 进制) where the printed order splits none (功能有 | 提升): opening first."""
    later = "制造业、高端服务业并前瞻布局战略性新兴产业，同时引导大城市功能有"
    body = _stopped_body_16("自治区水利厅统筹做好四篇文章，推动新疆水利高质量发展再上新台阶。",
                            _wrap(later, 16, "").split("\n"), ["提升中心城市的核心能级，壮大先进"])
    assert body.endswith("提升中心城市的核心能级，壮大先进" + later)


def test_a_kicker_over_the_next_headline_is_not_taken_for_a_stopped_paragraphs_opening():
    """A story breaking off (…队伍建) above the next story's kicker (向沙而行), headline and lead: the
    kicker's end and the paragraph's opening make a rare word by chance (行会), but a line read as
    a headline joins a paragraph only on a common word cut or a mark closed (column_order.py
    `_swapped_where_story_stops` takes no weaker sign)."""
    page = "\n\n".join(["巴州召开民政工作推进会",
                        "本报讯 记者王明报道：5日，巴州召开民政工作推进会，总结去年工作，部署今年任务，为巴州高质量发展筑牢民生根基。",
                        "会议明确，2026年民政工作肩负着服务发展大局的重要使命，要履行全面从严治党政治责任，加强民政干部队伍建",
                        "向沙而行", "新疆策勒沙漠研究站站长曾凡江扎根沙漠三十年",
                        "本报讯 通讯员李华报道：新疆策勒沙漠研究站站长曾凡江扎根策勒县近30年，带领科研团队奔走在塔克拉玛干沙漠。"]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert articles[0].body.strip().endswith("加强民政干部队伍建") and "向沙而行" not in articles[0].body



def test_a_headline_run_on_into_a_stopped_paragraph_is_not_taken_for_its_opening():
    """Columns 13 wide (pdf: width 13, seed 0): a story breaks off (…加强民政干部队伍建), and the next
    story's headline, set across the columns, was read on into it (later rules take it back).
    Its end and the paragraph's opening split a word by chance (发展 | 会议: 展会), but a part wider
    than the column printed before it is no column of that paragraph: it stays where it was."""
    from generator.ingest.column_order import put_columns_in_order
    from generator.ingest.tokens import Token
    column = _wrap("会议明确，2026年民政工作肩负着服务发展大局的重要使命，落实好民生实事，加强民政干部队伍建", 13, "").split("\n")
    headline = "内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式，引领区域协同发展"
    lead = Token("para", 1, ["本报讯 5日，巴州召开民政工作推进会。"], numbers=[1])
    story = Token("para", 3, column + [headline], numbers=[*range(3, 3 + len(column)), 4 + len(column)])
    put_columns_in_order([lead, story, Token("head", 6 + len(column), ["艾力·吐尔逊"])], True, lambda: "")
    assert story.lines[-1] == headline
    narrow = _wrap("引领区域协同发展", 13, "").split("\n")  # (a part as narrow as the column: put first)
    story = Token("para", 3, column + narrow, numbers=[*range(3, 3 + len(column)), 4 + len(column)])
    put_columns_in_order([lead, story, Token("head", 6 + len(column), ["艾力·吐尔逊"])], True, lambda: "")
    assert story.lines[0] == narrow[0]


def test_a_caption_set_into_a_word_after_an_opening_read_as_a_headline_leaves_the_paragraph_whole():
    """A photo's caption with no credit, printed where a paragraph breaks off inside a word, the
    part before it short enough to read as a headline (…“一盘棋”统筹实 / 图为活动现场。 / 施、…):
    the text after the caption finishes the word (实施), so the part is the paragraph's opening,
    not a crosshead, and the caption stands after the paragraph, which reads whole."""
    page = "\n\n".join([
        "丝路明珠绽放新活力",
        "本报讯 记者王明报道：新疆吐鲁番市坚持党建引领，推动组织优势转化为发展优势。",
        "坚持“一把手”强力推动、“一盘棋”统筹实",
        "图为活动现场。",
        "施、“一股劲”全力攻坚，打好“有链强链、缺链补链、上下延链”组合拳，构建多元协同的产业生态体系。",
    ]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert [a.title for a in articles] == ["丝路明珠绽放新活力"]
    paragraphs = articles[0].body.strip().split("\n\n")
    assert paragraphs[-2:] == ["坚持“一把手”强力推动、“一盘棋”统筹实施、“一股劲”全力攻坚，打好“有链强链、缺链补链、"
                               "上下延链”组合拳，构建多元协同的产业生态体系。", "图为活动现场。"]


def test_an_opening_read_on_into_the_next_paragraph_goes_before_its_later_column():
    """The later column (估运行效果，…持续受益。) printed before the paragraph's opening, which breaks
    off mid-sentence (…保护，定期评) and so was read on into the paragraph after it (援疆工作，…):
    the opening's end finishes its word in the later column (评估), not in the next paragraph, so
    the opening and the later column are one paragraph and the next one stands on its own."""
    page = "\n\n".join([
        "苏新携手润民生 万里同心织锦绣",
        "本报讯 记者王明报道：江苏省无锡援疆工作组锚定新疆霍城县所需，将优质资源精准浇灌于民生沃土。",
        "估运行效果，结合评估情况优化项目运营管理，保障长效运营、持续受益。",
        "援疆之要，首在立制。坚持资金精准投放，明确具体部门单位负责项目的后续管理和保护，定期评",
        "援疆工作，成于人才。坚持“输血造血并重、引智育人并行”，培育“带不走”的人才队伍。",
        *NEXT_STORY]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert [a.title for a in articles] == ["苏新携手润民生 万里同心织锦绣", "草原牧民冬储饲草"]
    assert articles[0].body.strip().split("\n\n")[-2:] == [
        "援疆之要，首在立制。坚持资金精准投放，明确具体部门单位负责项目的后续管理和保护，定期评估运行效果，"
        "结合评估情况优化项目运营管理，保障长效运营、持续受益。",
        "援疆工作，成于人才。坚持“输血造血并重、引智育人并行”，培育“带不走”的人才队伍。"]


def test_a_paragraph_split_by_a_column_break_inside_a_word_is_not_taken_for_a_swapped_opening():
    """A whole paragraph (马兴瑞强调，…氛围。), then one a column break cuts inside a word (…领导小 |
    组成员…): its first column's end makes a common word with the paragraph above by chance
    (小 | 马), but a break that splits a word (小组) is the paragraph's own column going on."""
    page = "\n\n".join([
        "自治区党委党的建设工作领导小组会议召开",
        "本报讯 记者王明报道：自治区党委党的建设工作领导小组会议召开，推动作风建设常态化长效化。",
        "马兴瑞强调，各地各部门要在自治区党委领导下，层层压实责任，为学习教育有序开展营造良好氛围。",
        "田湘利、陈伟俊、王建新、王琳，自治区党委党的建设工作领导小",
        "组成员及成员单位负责同志，自治区有关部门负责同志在主会场参加会议。",
        *NEXT_STORY]) + "\n"
    _, articles = parse_issue(page, "测试日报")
    assert articles[0].body.strip().split("\n\n")[-2:] == [
        "马兴瑞强调，各地各部门要在自治区党委领导下，层层压实责任，为学习教育有序开展营造良好氛围。",
        "田湘利、陈伟俊、王建新、王琳，自治区党委党的建设工作领导小组成员及成员单位负责同志，自治区有关部门负责同志在主会场参加会议。"]
def _column(text: str, width: int) -> list[str]:
    """A paragraph wrapped at `width` with its two-em indent, each line as printed (the last as short as it falls)."""
    text = "\u3000\u3000" + text
    return [text[i:i + width] for i in range(0, len(text), width)]


# A whole story set in a column of 16 (enough lines to show the page's measure), before the story a test is about.
_STORY_AT_16 = [
    "区域协调发展要打好组合拳",
    "本报记者 王明",
    *_column("区域协调发展是实现共同富裕的必然要求，是缩小区域发展差距的重要路径，各地各部门正在推进落实。", 16),
    *_column("要充分发挥教育培训的主渠道作用，将区域协调发展战略作为党员干部教育培训的重要内容，通过专题培训、"
             "集中研讨、实地调研等多种形式，引导党员干部深入学习领会区域协调发展的重大意义、目标任务和战略举措。", 16),
]


def _photo_between_stories(lines: list[str]):
    """The articles of a page of `lines`, read as a story, a photo standing alone, and a story."""
    articles = parse_issue("\n".join(lines) + "\n", "测试日报")[1]
    assert [a.kind == "photo" for a in articles] == [False, True, False]
    return articles


def test_a_line_stopping_short_without_finishing_a_sentence_ends_its_paragraph():
    """A story broken off mid-sentence at a short line (…2026年“集 / 中), then a photo standing
    between stories: a hard-wrapped paragraph fills each line but its last, so the caption under
    the short line is not the paragraph's text going on."""
    articles = _photo_between_stories([
        "巴州总工会部署集体协商",
        "本报记者 王明",
        *_column("会议部署全年重点任务，强调要以“广覆盖、提质效、强履约”为核心，推动集体协商工作制度化、规范化开展，"
                 "为全州高质量发展营造和谐稳定的劳动关系环境。", 14),
        *_column("行动将重点覆盖平台企业、新业态企业及制造、建筑等重点行业，围绕劳动报酬、休息休假、技能激励等开展协商。", 14),
        *_column("根据安排，2026年“集", 14),
        "中",
        "新疆乌苏市畜牧兽医专技人才开",
        "展畜群春季疫病防治工作。",
        "本报记者 盛雪 摄",
        "草原牧民冬储饲草",
        "本报记者 李华",
        *_column("入冬前，牧民们抓紧收储饲草料，确保牲畜安全过冬。", 14),
    ])
    assert articles[0].body.rstrip().endswith("2026年“集中")
    assert articles[1].body.strip() == "新疆乌苏市畜牧兽医专技人才开展畜群春季疫病防治工作。"


def test_a_paragraph_set_in_and_broken_off_after_its_second_line_is_no_headline():
    """A story broken off after two lines whose words read as title-like text line by line (no
    comma, …的一名 / 党员教师、自治区高中物理名), under its byline, labels and the next headline after
    it: the block is set in by ideographic spaces, a paragraph's opening, and stays the story's text."""
    page = "\n".join([
        *_STORY_AT_16,
        "苟熹：书写教育情怀 践行使命担当",
        "□本报记者/刘颖红",
        "\u3000\u3000我是新疆精河县高级中学的一名",
        "党员教师、自治区高中物理名",
        "铸牢中华民族共同体意识",
        "深入学习贯彻自治区党委十届八次全会精神",
        "内蒙古鄂托克前旗探索毗邻党建模式内蒙古鄂托克前旗探索毗邻党建模式",
        "本报记者 李华",
        *_column("鄂托克前旗与毗邻地区党组织共建共享，推动区域协同发展取得新成效。", 16),
    ]) + "\n"
    articles = parse_issue(page, "测试日报")[1]
    assert articles[1].title == "苟熹：书写教育情怀 践行使命担当"
    assert articles[1].body.replace("\n", "").startswith("我是新疆精河县高级中学的一名党员教师")


def test_a_line_set_in_under_a_photos_credit_opens_a_paragraph_not_a_headline():
    """Under a photo's credit, a story's last paragraph broken off after its first line (　　根据安排，
    2026年“集中), then the next story's labels and headline: set in by ideographic spaces, the line
    opens a paragraph (the story's), however title-like its words."""
    page = "\n".join([
        "巴州总工会部署集体协商",
        "本报记者 王明",
        *_column("会议部署全年重点任务，推动集体协商工作制度化、规范化开展，提升协商效能。", 17),
        "图为项目施工现场一角。",
        "本报记者 刘宇博 摄",
        "\u3000\u3000根据安排，2026年“集中",
        "榜样的力量",
        "项目建设跑出加速度",
        "\u3000\u3000本报6月13日讯（记者 杨菊萍）本栏目通过新疆各地录制的典型事迹，展现共产党员的高尚品质。",
    ]) + "\n"
    articles = parse_issue(page, "测试日报")[1]
    assert any("根据安排，2026年“集中" in a.body for a in articles)


def test_a_story_broken_off_at_its_jump_after_a_short_second_line_keeps_its_text():
    """A story's first paragraph broken off by its jump after a short second line (…优 / 秀共产党员 /
    （下转第2版）): the short line ends the paragraph where the jump line stands, and the two lines
    stay the story's text, not a headline over nothing."""
    page = "\n".join([
        *_STORY_AT_16,
        "鼠防先锋",
        "□本报记者/陈新",
        "\u3000\u3000新疆精河县疾病预防控制中心优",
        "秀共产党员",
        "（下转第2版）",
        "脚步丈量乡村路 实干书写选调情",
        "韩沁言",
        *_column("习近平总书记强调：“社会主义是干出来的，新时代也是干出来的。”基层选调生肩负着时代赋予的重任。", 16),
    ]) + "\n"
    articles = parse_issue(page, "测试日报")[1]
    assert [a.title for a in articles] == ["区域协调发展要打好组合拳", "鼠防先锋", "脚步丈量乡村路 实干书写选调情"]
    assert articles[1].body.strip() == "新疆精河县疾病预防控制中心优秀共产党员"


def test_a_storys_closing_credit_ends_its_paragraph_however_full_its_line():
    """（记 / 者 韩沁言 通讯员 托亚） filling its line, then a photo standing between stories: the
    reporters' credit ends the story, so the caption under it is not its paragraph's text (here
    the paragraph's block opens after a column break, unindented)."""
    articles = _photo_between_stories([
        "鼠防先锋",
        "项目建设跑出加速度",
        "\u3000\u3000新疆精河县疾病预防控制中",
        "心优秀共产党员陈志刚，三十八",
        "",
        "年如一日，长年累月坚守在人迹",
        "罕至的荒山野岭地带，甘当鼠疫",
        "防控事业的“守门员”“宣传员”",
        "“服务员”。他积极参与国家级",
        "重点研发计划课题，主持完成博",
        "州鼠疫突发应急预案的设计、组",
        "织和演练，以实际行动展现出一",
        "名共产党员的担当和风采。（记",
        "者 韩沁言 通讯员 托亚）",
        "G3012线喀什疏勒高速公路。",
        "本报记者 阿依古丽·买买提 摄",
        "自治区党委党的建设工作领",
        "导小组会议召开",
        "本报通讯员 熊鹰",
        "\u3000\u3000自治区党委党的建设工作领",
        "导小组3月13日召开会议，认",
        "真学习贯彻习近平总书记关于开",
        "展深入贯彻中央八项规定精神学",
        "习教育的重要讲话和重要指示精",
        "神，研究审议自治区学习教育实",
        "施方案等文件。",
    ])
    assert articles[0].body.rstrip().endswith("通讯员托亚）")


def test_a_broken_off_storys_rest_with_a_photo_in_it_goes_back_to_the_story():
    """Story A breaks off (…鼓励基层党组织围绕), story B follows whole to its source line, then A's
    rest, flush, with a photo set into it (a 图为 caption leans on the story around it) and a
    crosshead under the photo: the rest is A's text with its photo, not a photo standing alone,
    and goes back to A with its crosshead."""
    page = "\n".join([
        "发挥组织部门职能优势助推区域协调发展",
        "本报通讯员 韩沁言",
        *_column("区域协调发展是实现共同富裕的必然要求，是缩小区域发展差距的重要路径，新疆疏勒县委组织部"
                 "立足自身职能，充分发挥组织优势，为区域协调发展提供坚强的组织保证。", 16),
        *_column("加强组织建设，筑牢区域协调发展堡垒，持续推进标准化规范化党支部建设，扩大党的组织和工作覆盖，"
                 "增强凝聚力、战斗力。鼓励基层党组织围绕", 16),
        "退休不褪色 警魂永传承",
        "本报记者 盛雪",
        *_column("新疆乌鲁木齐市公安局米东分局离退休干部第一党支部书记郭志乾用心用力带好离退休干部党员队伍，"
                 "心系分局建设，诠释了一位退休干部党员的炽热情怀、忠诚担当。", 16),
        *_column("退休不褪色，银龄再生辉。无论藏蓝在身与否，郭志乾矢志不渝，初心不改，时刻牢记自己的第一身份是共产党员。", 16),
        "（摘自《光明日报》）",
        _wrap("区域协调发展开展特色党建活动，探索开展区域产业党建联建新模式，促进不同领域党组织之间的交流合作，"
              "实现资源共享、优势互补、协同发展。", 16, indent=""),
        "图为参会人员认真听取报告。",
        "本报记者 马伊宁 摄",
        "强化组织保障",
        *_column("锻造骨干队伍，凝聚区域协调发展合力。要围绕区域协调发展的需要，选优配强各级领导班子，树立人才是"
                 "区域协调发展的第一资源理念，为区域协调发展提供坚实的人才保障。", 16),
    ]) + "\n"
    articles = parse_issue(page, "测试日报")[1]
    assert [a.title for a in articles] == ["发挥组织部门职能优势助推区域协调发展", "退休不褪色 警魂永传承"]
    assert "鼓励基层党组织围绕区域协调发展开展特色党建活动" in articles[0].body.replace("\n", "")
    assert "## 强化组织保障" in articles[0].body and articles[0].body.rstrip().endswith("坚实的人才保障。")


def test_a_headlines_last_character_carried_over_by_the_wrap_stays_in_the_headline():
    """强化产业党建 激活县域经 / 济 in a column of 14, under a photo: the one character finishes the
    headline's last word (经济); the deck and the lead under it stay apart, not run into a paragraph
    that starts 济…"""
    page = "\n".join([
        "自治州质量强州工作领导小组召开会议",
        "本报记者 王明",
        *_column("加快构建“结构科学、特色鲜明、核心竞争力强”的产业体系，推动油气生产和化工产业强链、"
                 "棉纺和化纺产业延链、绿色矿业产业补链、新能源产业拓链。", 14),
        "游客在博湖县博斯腾湖景区观光",
        "旅游。",
        "本报记者 阿依古丽·买买提 摄",
        "强化产业党建 激活县域经",
        "济",
        "全州已建成示范点109个",
        *_column("习近平总书记强调，“要根据各地区的条件，走合理分工、优化发展的路子”。新疆伊吾县坚持以党建为引领，"
                 "以推动产业高质量发展为目标，建立健全现代产业体系工作机制。", 14),
    ]) + "\n"
    article = parse_issue(page, "测试日报")[1][-1]
    assert (article.title, article.subtitle) == ("强化产业党建 激活县域经济", "全州已建成示范点109个")
    assert article.body.startswith("习近平总书记强调")


def test_a_crosshead_over_text_and_a_captioned_photo_stays_in_its_feature():
    """A crosshead whose section holds paragraphs and then a photo with its caption and credit is
    the feature's crosshead: a photo story's text is its caption, not paragraphs before it."""
    text = ("一条产业链，带活一座城\n\n本报记者　吴　莎\n\n走进江西省赣州市的一家永磁材料企业，智能化生产线上，"
            "机械臂精准抓取、码放。\n\n近年来，赣州立足资源优势，延链补链强链。\n\n从卖原料到卖材料\n\n"
            "在赣州的产业地图上，稀土产业链条不断向下游延伸。\n\n赣州市工信局负责人介绍，当地实行“链长制”。\n\n"
            "赣州一家永磁材料企业的工人在检测产品质量。（本报记者　朱磊摄）\n\n从单打独斗到抱团发展\n\n"
            "中小企业多、规模小，曾是当地稀土产业的短板。\n")
    [a] = parse_issue(text)[1]
    assert a.title == "一条产业链，带活一座城"
    assert "## 从卖原料到卖材料" in a.body and "## 从单打独斗到抱团发展" in a.body
    assert a.photographers == ("朱磊",)


# A commentary page: the paper's 本报评论员 piece, then a headline over text closed by another
# writer's note （作者：X，系…）, then a theory piece signed 作者：X under its headline.
OPINION_PAGE = """\
以更优生态激发青年创新活力

本报评论员

青年是科技创新的生力军。为青年科技人才搭建更广阔的舞台，是一项长期任务。

各地各单位要把政策落到实处，让更多青年才俊脱颖而出。

别让“打卡式”阅读变了味

最近，一些读书类应用推出“每日打卡”功能，用户连续打卡即可获得积分。

阅读的意义在于思考和积累，而非数字的累加。

（作者：何畅，系山东师范大学文学院副教授）

深刻把握新质生产力的实践要求

作者：梁永泉

发展新质生产力，要从实际出发，先立后破、因地制宜、分类指导。

（作者单位：省委党校）
"""


def test_a_writers_closing_note_under_a_headline_opens_another_writers_piece():
    """The piece signed 本报评论员 under its headline is not signed again at its end: the headline over
    text that （作者：何畅，系…） closes is 何畅's piece, and the note names its writer. A byline that
    calls its writer 作者：, like the closing note, marks an outside writer's opinion: commentary."""
    articles = parse_issue(OPINION_PAGE, "测试日报")[1]
    assert [a.title for a in articles] == ["以更优生态激发青年创新活力", "别让“打卡式”阅读变了味", "深刻把握新质生产力的实践要求"]
    assert articles[1].authors == ("何畅",) and articles[2].authors == ("梁永泉",)
    assert [a.kind for a in articles] == ["commentary"] * 3


# A page of short news (3 要闻·速递): a datelined story whose reporter fills the dateline's line
# with no bracket, a wire brief, then a call for submissions signed by the paper.
SHORT_NEWS_PAGE = """\
3　要闻·速递
2025年4月15日　星期二

全国职工职业技能大赛启动

本报北京4月14日电　记者郑薇
全国总工会14日宣布，2025年全国
职工职业技能大赛正式启动。

人社部：一季度城镇新增就业308万人

据新华社北京4月14日电　人力资
源和社会保障部14日发布数据，一
季度全国城镇新增就业308万人。

“劳动者之歌”征文启事

为讴歌新时代劳动者风采，本报即
日起开展主题征文活动。

工友日报社
2025年4月15日
"""


def test_a_notices_headline_after_a_brief_opens_the_notice_and_a_dateline_line_names_its_reporter():
    """…征文启事 is a notice's title, never a section of the brief above it; 本报北京…电　记者郑薇 alone
    on its line names the reporter (the text under it is not part of the name); a page named
    …速递 does not make every story on it a brief the way a briefs box's label does."""
    articles = parse_issue(SHORT_NEWS_PAGE, "工友日报")[1]
    assert [a.title for a in articles] == ["全国职工职业技能大赛启动", "人社部：一季度城镇新增就业308万人", "“劳动者之歌”征文启事"]
    assert articles[0].authors == ("郑薇",) and articles[2].kind == "notice"


def test_an_editor_line_without_a_colon_closes_the_page_and_the_photo_over_it_stands_alone():
    """本版编辑　孟　环　张　虎 (no colon, names letter-spaced) is the page's editor line, not a headline;
    a captioned photo with no headline right over it, after a finished story, is the make-up
    editor's photo at the page's foot: an item of its own, not the story's."""
    text = ("多地出台措施稳定和扩大汽车消费\n\n本报北京4月14日讯（记者杨开新）记者梳理发现，近期多地出台措施稳定和扩大汽车消费。\n\n"
            "4月13日，工人在山东省青岛市一家轮胎企业的生产线\n上作业。今年以来，该企业海外订单持续增长。\n"
            "中经日报记者　王金虎摄\n\n本版编辑　孟　环　张　虎\n")
    articles = parse_issue(text, "中经日报")[1]
    assert [(a.title, a.kind) for a in articles][0] == ("多地出台措施稳定和扩大汽车消费", "news")
    assert articles[0].body.rstrip().endswith("稳定和扩大汽车消费。")
    assert len(articles) == 2 and articles[1].kind == "photo" and "孟" not in articles[1].body


# Two pages of a party-members' monthly: each piece under its column label, signed in the
# magazine's ways (文　X under the text; 主讲人：X, □X with a name written without its dot under
# the headline; 作者：X　作者单位：Y under the text).
MONTHLY_PAGES = """\
卷首语
把初心写在基层一线

　　初心不是挂在嘴上的口号，而是落在脚下的行动。群众的急难愁盼在哪里，党员的身影就应该出现在哪里。

文　刘志远

微党课
当好群众身边的“三员”
主讲人：阿不都热依木·吐尔逊

　　同志们，今天我们讲一讲，基层党员怎样在群众中发挥作用。一名党员就是一面旗帜，群众看的是我们怎么做。

（作者单位：伊犁州某县委党校）

党员故事
守边三十年的“活地图”
□布仁巴雅尔

　　在塔城地区裕民县的边境线上，护边员巴特尔一走就是三十年，战友们都叫他“活地图”。

学思践悟
在“小事”上见党性

　　有人说，基层工作都是些鸡毛蒜皮的小事。把每一件小事办好、办实，群众自然会把信任交给我们。

作者：李红霞　作者单位：哈密市某乡党委
"""


def test_a_monthlys_pieces_are_signed_under_their_text_or_under_their_headline():
    """文　刘志远 under the text, the next piece's label below it, signs the piece above (it opens
    nothing); 主讲人：X and □布仁巴雅尔 under a headline are its writers; a label of three characters
    over a headline is its column, not half of it."""
    articles = parse_issue(MONTHLY_PAGES, "红柳先锋")[1]
    assert [(a.title, a.authors) for a in articles] == [
        ("把初心写在基层一线", ("刘志远",)), ("当好群众身边的“三员”", ("阿不都热依木·吐尔逊",)),
        ("守边三十年的“活地图”", ("布仁巴雅尔",)), ("在“小事”上见党性", ("李红霞",))]
    assert "刘志远" not in articles[1].body


def test_a_dailys_running_head_of_date_and_name_is_furniture_not_the_first_storys_text():
    """2025年4月3日　星期四　中国农经报 under the folio, no blank line anywhere: the page's running
    head (its date and the paper's name), not text the first headline was printed after."""
    text = ("2　要闻\n2025年4月3日　星期四　中国农经报\n黑龙江：大马力机具提前入田\n本报记者　单宏宇\n"
            "清明前后，黑龙江省南部地区土壤陆续化\n冻，各地抢抓农时开展整地作业。\n"
            "湖北：“飞手”成了抢手人\n本报记者　王　磊\n“今年一开春，预约的订单就排到了五\n月。”飞手刘俊一边调试无人机一边说。\n")
    articles = parse_issue(text, "中国农经报")[1]
    assert [(a.title, a.body[:4]) for a in articles] == [("黑龙江：大马力机具提前入田", "清明前后"),
                                                         ("湖北：“飞手”成了抢手人", "“今年一")]


# A science page: a chart's title and source between stories, an interview under a kicker that
# names whom it asks (no ——), a 新华社 story, then a briefs box (科技速递) of two headed briefs and a
# QR prompt with a comma in it.
SCIENCE_PAGE = """\
钠离子电池低温性能获突破

本报讯（记者　林　澈）某高校科研团队研制出一种钠离子电池正极材料。目前，团队正与企业合作开展中试，计划明年建成百吨级材料生产线。

2020—2024年我国研究与试验发展经费支出
资料来源：国家统计局
制图：方　圆

访某新材料研究院院长潘立新
让实验室成果跑出转化“加速度”
本报记者　沈亦乔　实习生　高　远

问：很多科研成果“躺”在实验室里，转化难的症结在哪里？

答：一是供需脱节，二是中试环节薄弱。

我国深海无人潜水器完成长航程试验

新华社三亚9月9日电（记者　黄　澜）记者9日从有关科研单位获悉，我国自主研制的一型深海无人潜水器近日完成长航程试验。

科技速递

首个全国性科研仪器共享平台上线

近日，一个覆盖全国高校和科研院所的大型科研仪器共享平台上线运行。

国产手术机器人完成远程手术示范

日前，一台国产手术机器人在相距1800公里的两家医院之间完成远程手术示范。

扫描二维码，阅读更多科技新闻
"""


def test_a_science_pages_chart_interview_and_briefs_box():
    """The chart's title and source are furniture, not a headline; 访…院长潘立新 over the headline is
    the interview's kicker; 实习生 is a role, not a writer's name; under 科技速递 each headline is a
    brief's (neither a section of the 新华社 story above the box nor of the brief before it), and
    the QR prompt ends none of them."""
    articles = parse_issue(SCIENCE_PAGE, "新知科技日报")[1]
    titles = [a.title for a in articles]
    assert titles[1:] == ["让实验室成果跑出转化“加速度”", "我国深海无人潜水器完成长航程试验",
                          "首个全国性科研仪器共享平台上线", "国产手术机器人完成远程手术示范"]
    assert articles[1].authors == ("沈亦乔", "高远") and articles[1].kind == "interview"
    assert "科技速递" not in articles[2].body and articles[4].body.rstrip().endswith("远程手术示范。")
    assert not any("国家统计局" in a.body or "国家统计局" in a.title for a in articles)
