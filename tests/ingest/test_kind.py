"""An article's kind from the cues an editor reads it by, on small hand-made pieces."""
import pytest

from generator.ingest import parse_issue
from generator.ingest.kind import Piece, kind_scores

ARGUED = ("推动高质量发展，必须坚持问题导向。我们要认清形势，只有扬长补短才能行稳致远。" * 25)
REPORTED = ("该局组建了服务专班，走访企业二十余家，收集问题四十多条，逐项建立台账并限时办结。" * 12)


def kind_of(text: str) -> str:
    [article] = parse_issue(text)[1]
    return article.kind


def test_a_datelined_report_is_news():
    assert kind_of("巴州召开民政工作推进会\n\n本报库尔勒2月6日讯（记者 李伶）4日，巴州召开民政重点工作推进会，"
                   + "会议全面总结了去年全州民政工作成效并系统部署了今年的重点任务。" * 6 + "\n") == "news"


def test_an_undated_piece_whose_title_reports_an_event_is_news():
    assert kind_of("自治区党委常委会召开会议\n\n" + REPORTED + "\n") == "news"


def test_a_commentators_piece_is_commentary():
    assert kind_of("抓住机遇扬长补短\n\n□新疆日报评论员\n\n" + ARGUED + "\n") == "commentary"


def test_a_column_tag_in_the_title_makes_commentary():
    assert kind_of("把实事办到群众心坎上（今日谈）\n\n" + REPORTED + "\n") == "commentary"


def test_normative_argument_without_an_actor_is_commentary():
    assert kind_of("以高质量培训锻造干部队伍\n\n" + ARGUED + "\n") == "commentary"


def test_the_same_length_of_reported_work_is_a_feature_not_commentary():
    assert kind_of("访企问需送服务\n\n新疆乌鲁木齐市水磨沟区委不断优化楼宇党建工作模式。" + REPORTED * 2 + "\n") == "feature"


def test_a_long_undated_piece_with_crossheads_is_a_feature():
    text = ("丝路明珠绽放新活力\n\n新疆吐鲁番市坚持党建引领聚合力。" + REPORTED + "\n\n红色引擎激活发展基因\n\n"
            + REPORTED + "\n\n绿色产业实现新突破\n\n" + REPORTED + "\n")
    assert kind_of(text) == "feature"


def test_tongxun_in_the_kicker_makes_a_feature_even_with_a_dateline():
    assert kind_of("通讯：\n大漠深处的守望\n\n本报讯（记者 张三）" + REPORTED + "\n") == "feature"


def test_questions_and_answers_make_an_interview():
    text = ("让群众看病更方便\n\n日前，记者采访了州卫健委负责人。\n\n问：今年有哪些新举措？\n\n答：我们增设了服务热线。\n\n"
            "问：效果如何？\n\n答：群众满意度明显提升。\n")
    assert kind_of(text) == "interview"


def test_answering_reporters_in_the_deck_makes_an_interview():
    text = "教育引导广大党员建功立业\n\n——中央组织部负责人答记者问\n\n" + REPORTED + "\n"
    assert kind_of(text) == "interview"


def test_a_named_person_heading_the_title_makes_a_profile():
    assert kind_of("凌格：做重症病人的“守护者”\n\n从医36年来，她坚守急诊一线。" + REPORTED + "\n") == "profile"


def test_a_first_person_account_is_a_profile():
    assert kind_of("书写教育情怀 践行使命担当\n\n我是精河县高级中学的一名党员教师。" + REPORTED + "\n") == "profile"


def test_a_lead_about_a_titled_named_person_is_a_profile():
    text = "村里的“主心骨”\n\n新疆乌什县阿克托海镇麦盖提村党支部书记梁文科，把村务当家务，把村民当亲人。\n"
    assert kind_of(text) == "profile"


def test_officials_named_in_a_report_do_not_make_it_a_profile():
    text = ("自治区召开干部大会\n\n3月14日上午，自治区召开干部大会。自治区党委书记马兴瑞主持会议并讲话。" + REPORTED + "\n")
    assert kind_of(text) == "news"


def test_a_short_undated_item_is_a_brief():
    assert kind_of("新疆伽师县激活科技创新引擎\n\n健全机制，建立科技创新项目库，动态管理全县项目。\n") == "brief"


def test_a_very_short_datelined_item_is_a_brief():
    assert kind_of("州图书馆延长开放时间\n\n本报讯（记者 张三）即日起，州图书馆每天开放至晚上九点。\n") == "brief"


def test_a_title_ending_in_tongzhi_is_a_notice():
    assert kind_of("关于开展安全检查的通知\n\n各单位：为做好安全生产工作，现将有关事项通知如下。\n") == "notice"


def test_scores_say_why():
    piece = Piece(title="凌格：做重症病人的“守护者”", subtitle="", column="党员心声", body="我是医生。",
                  paragraphs=("我是医生。",), crossheads=0, dated=False, role=None, source=None)
    scores = kind_scores(piece)
    assert scores["profile"] == max(scores.values()) and scores["news"] == 0


@pytest.mark.parametrize("title", ["文章指出，要坚持", "论语新解"])
def test_a_title_starting_with_lun_alone_is_not_a_column_tag(title):
    piece = Piece(title=title, subtitle="", column="", body="", paragraphs=(), crossheads=0, dated=True,
                  role=None, source=None)
    assert kind_scores(piece)["commentary"] == (4 if title.startswith("论") else 0)


def test_every_kind_given_is_one_of_the_documented_kinds():
    from generator.ingest.kind import KINDS

    texts = ["标题\n\n本报讯（记者 张三）正文。\n", "关于开展检查的通知\n\n各单位：现通知如下。\n", "短讯\n\n一句话。\n",
             "凌格：守护者\n\n我是医生。\n", "\n\n\n", "（）\n\n——\n\n□\n"]
    for text in texts:
        assert all(a.kind in KINDS for a in parse_issue(text)[1])


def test_a_round_up_of_reactions_is_news_even_when_long_and_crossheaded():
    text = ("贯彻全会精神，我区各地各部门表示——\n努力在高质量发展中闯出新路子\n\n□石榴云/新疆日报记者\n\n"
            "全会召开以来，各地各部门认真学习。" + REPORTED + "\n\n强信心 为高质量发展作贡献\n\n" + REPORTED
            + "\n\n抓落实 推动各项举措落地见效\n\n" + REPORTED + "\n")
    [a] = parse_issue(text)[1]
    assert (a.title, a.kind) == ("努力在高质量发展中闯出新路子", "news")


@pytest.mark.parametrize("column", ["人民论坛", "国际论坛", "新论"])
def test_a_forum_column_is_commentary_even_when_short(column):
    text = (f"在“小切口”中做好“大文章”\n\n{column}\n\n王小明\n\n基层治理千头万绪，必须从群众身边的小事做起。"
            "只有把小事办好，才能赢得群众信任。\n\n我们要坚持问题导向，不断提升服务水平。\n")
    [a] = parse_issue(text)[1]
    assert a.kind == "commentary"


def test_the_papers_own_commentator_writes_commentary():
    text = "以钉钉子精神抓好各项任务落实\n\n本报评论员\n\n抓落实，贵在坚持。各地要把各项任务落到实处。\n"
    [a] = parse_issue(text)[1]
    assert a.kind == "commentary"


def test_a_profile_is_told_by_its_deck():
    text = ("三十年守护一方“山中学堂”\n\n——记贵州省黔南州龙坪村小学教师罗秀英\n\n本报记者　苏　畅\n\n"
            "清晨六点，罗秀英已经站在村小的门口。三十年来，她送走了一批又一批学生。\n\n"
            "罗秀英说，只要孩子们还需要她，她就会一直守在这里。\n")
    [a] = parse_issue(text)[1]
    assert a.kind == "profile"


def test_a_short_bylined_report_is_news_not_a_brief():
    text = ("渤海湾跨海铁路隧道盾构段全线贯通\n\n本报记者　韩　冰\n\n11月11日上午，随着盾构机缓缓破土而出，"
            "渤海湾跨海铁路隧道盾构段实现全线贯通。\n\n这标志着这一国内最长的海底铁路隧道建设取得关键进展。\n")
    [a] = parse_issue(text)[1]
    assert a.kind == "news"


def test_a_short_unsigned_item_is_still_a_brief():
    text = ("我国科研人员培育出耐盐碱水稻新品种\n\n湖南省农业科学院科研团队培育的耐盐碱水稻新品种通过审定。"
            "该品种在盐碱地试种亩产超过500公斤。\n")
    [a] = parse_issue(text)[1]
    assert a.kind == "brief"


def test_a_piece_signed_with_an_experts_note_is_commentary():
    body = "推动区域协调发展，是新时代的重要任务。各地积极探索，取得显著成效。" * 12
    text = f"在交往交流交融中铸牢共同体意识\n\n马文静\n\n{body}\n\n（作者为新疆大学马克思主义学院教授）\n"
    [a] = parse_issue(text)[1]
    assert a.kind == "commentary"
    unit = text.replace("（作者为新疆大学马克思主义学院教授）", "（作者单位：新疆大学马克思主义学院）")
    assert parse_issue(unit)[1][0].kind != "commentary"  # a unit line is printed under any kind of piece


@pytest.mark.parametrize("deck,kind", [
    ("——东北地区推动冰雪经济高质量发展观察", "feature"),
    ("——山西平遥推光漆器传承见闻", "feature"),
    ("——访肯尼亚内罗毕大学教授", "interview"),
])
def test_a_deck_that_names_the_pieces_genre_gives_its_kind(deck, kind):
    text = (f"让冰雪“冷资源”释放“热效应”\n\n{deck}\n\n本报记者　梁　晨\n\n初冬时节，黑龙江、吉林等地陆续迎来降雪，"
            "各大滑雪场开门迎客。\n\n冰雪经济正成为东北振兴的新动能。\n")
    [a] = parse_issue(text)[1]
    assert a.kind == kind


@pytest.mark.parametrize("column", ["学习札记", "市场观察"])
def test_a_notebook_or_observer_column_is_commentary(column):
    text = (f"在调查研究中增长本领\n\n{column}\n\n方　晓\n\n调查研究是谋事之基、成事之道。没有调查，就没有发言权。"
            "\n\n我们要把调查研究作为基本功。\n")
    [a] = parse_issue(text)[1]
    assert a.kind == "commentary"
