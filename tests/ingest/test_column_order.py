"""Columns printed out of order (interleave.py, column_order.py): small hand-made pages in the
style of PDF text, and what a reader sees in them (titles, where each story's text ends)."""
from __future__ import annotations

from generator.ingest import parse_issue
from generator.ingest.column_order import opens_inside_sentence


def _bodies(text: str) -> list[tuple[str, str]]:
    return [(a.title, a.body.replace("\n", "").replace(" ", "")) for a in parse_issue(text, "测试日报")[1]]


def test_a_text_opens_inside_a_sentence_with_a_mark_or_a_particle_standing_alone():
    assert opens_inside_sentence("和人才的支撑作用，必须坚持正确方向。")
    assert opens_inside_sentence("等更加紧密地结合起来。")
    assert opens_inside_sentence("\u3000\u3000的重要论述精神。")
    assert opens_inside_sentence("，推动各项工作落实。")
    # the head of a word opens a sentence as any word does
    assert not opens_inside_sentence("过去一年，全州各级党组织扎实工作。")
    assert not opens_inside_sentence("和谐劳动关系是社会稳定的基础。")
    assert not opens_inside_sentence("的确，这是一项长期任务。")
    assert not opens_inside_sentence("会议指出，要抓好落实。")
    assert not opens_inside_sentence("")


# Story A breaks off mid-sentence (…对科技), story B follows whole, then A's rest: its first
# paragraph opens with 和, which no sentence opens with, though its words are B's (教育, 人才).
REST_OPENS_WITH_A_PARTICLE = """\
州委召开教育工作会议

本报讯（记者 王宽）12日，州委召开全州教育工作会议，总结去年工作，安排今年任务。

会议要求，各地要把牢正确办学方向，推进学校思政课建设，强化教育对科技

人才培养要坚持德育为先

本报讯（记者 李华）全州中小学持续深化育人方式改革，人才培养质量稳步提升。

各校开齐开足课程，落实课后服务，让每个学生都能成长成才。

和人才的支撑作用，办好人民满意的教育。州委书记出席会议并讲话。
"""


def test_a_paragraph_that_opens_inside_a_sentence_after_a_finished_one_is_the_broken_off_storys_rest():
    (first, a), (second, b) = _bodies(REST_OPENS_WITH_A_PARTICLE)
    assert (first, second) == ("州委召开教育工作会议", "人才培养要坚持德育为先")
    assert "强化教育对科技和人才的支撑作用，办好人民满意的教育。" in a and a.endswith("出席会议并讲话。")
    assert b.endswith("让每个学生都能成长成才。")


# A breaks off inside a common word (…会议精神，传 / 达学习…); B's paragraph that opens with the
# word's tail goes on from A, though nothing else on the page joins the two characters.
REST_FINISHES_A_CUT_WORD = """\
县委召开防汛工作会议

本报讯（记者 王宽）12日，县委召开防汛工作会议。县委书记主持会议，要求各乡镇压实防汛责任，

会上，县委书记首先带领与会人员传

特色林果喜获丰收

本报讯（记者 李华）眼下正是杏子成熟的季节，果农们忙着采摘、分拣、装箱，果园里一派丰收景象。

合作社统一收购，电商平台助力销售，特色林果走出了大山。

达学习上级防汛会议精神，部署各乡镇防汛值守、河道巡查和险情处置工作。
"""


def test_a_paragraph_that_finishes_the_word_a_broken_off_story_cut_is_its_rest():
    (first, a), (second, b) = _bodies(REST_FINISHES_A_CUT_WORD)
    assert (first, second) == ("县委召开防汛工作会议", "特色林果喜获丰收")
    assert "带领与会人员传达学习上级防汛会议精神" in a and a.endswith("险情处置工作。")
    assert b.endswith("特色林果走出了大山。")


# A's rest, with nothing at its seam (…水资源 | 节约集约…), is three paragraphs at B's end: the
# first and last full of A's words (水, 灌溉), the middle one a short aside with a word of B's (游客).
# The rest begins where B's paragraphs turn to A's words, not after the last aside.
REST_WITH_AN_ASIDE = """\
全县推进高效节水灌溉

本报讯（记者 王宽）今年以来，全县大力推进高效节水灌溉，新建滴灌面积五万亩，灌溉水利用率明显提高。

县水利局组织技术人员深入田间地头，指导农户科学灌溉、合理用水，保护好水资源

古城景区迎来旅游旺季

本报讯（记者 李华）进入六月，古城景区游客络绎不绝，民宿、餐饮生意红火。

景区推出夜游项目，游客可以品尝特色美食，欣赏民族歌舞表演，旅游消费持续升温。

景区负责人介绍，暑期景区还将推出民宿夜游套餐，游客可提前预约。

节约集约利用水资源，全县灌区渠道防渗改造完成八成，高效节水灌溉覆盖主要灌区。

沿途的游客纷纷拍照留念。

县水利局表示，将继续推进高效节水灌溉。
"""


def test_a_broken_off_storys_rest_begins_where_the_next_storys_paragraphs_turn_to_its_words():
    (first, a), (second, b) = _bodies(REST_WITH_AN_ASIDE)
    assert (first, second) == ("全县推进高效节水灌溉", "古城景区迎来旅游旺季")
    assert "保护好水资源节约集约利用水资源" in a and a.endswith("将继续推进高效节水灌溉。")
    assert b.endswith("游客可提前预约。")


# A paragraph set in two columns, its later column printed first: 等更加… opens inside a sentence
# right after a finished paragraph, so it opens no paragraph; the column after it, which breaks
# off between two words (…乡村振兴 | 等更加…: nothing at that seam), is the paragraph's opening.
SWAPPED_WHOLE = """\
县委召开农村工作会议

本报讯（记者 王宽）12日，县委召开农村工作会议，总结去年工作，部署今年任务。

等更加紧密地结合起来，推动各项工作落地见效。

会议要求，要把巩固拓展脱贫攻坚成果同全面推进乡村振兴

此外，会议还研究了其他事项。

古城景区迎来旅游旺季

本报讯（记者 李华）进入六月，古城景区游客络绎不绝，民宿、餐饮生意红火。
"""


def test_a_paragraphs_later_column_that_opens_inside_a_sentence_goes_after_its_opening():
    (first, a), (second, _) = _bodies(SWAPPED_WHOLE)
    assert (first, second) == ("县委召开农村工作会议", "古城景区迎来旅游旺季")
    assert "会议要求，要把巩固拓展脱贫攻坚成果同全面推进乡村振兴等更加紧密地结合起来，推动各项工作落地见效。" in a
    assert a.endswith("会议还研究了其他事项。")


# The same where the story breaks off at the later column's end (as PDF text of a page whose
# story goes on elsewhere gives it): both parts break off; the one opening inside a sentence is
# the later.
SWAPPED_BROKEN_OFF = """\
县委召开农村工作会议

本报讯（记者 王宽）12日，县委召开农村工作会议，总结去年工作，部署今年任务。

等更加紧密地结合起来，通过

会议要求，要把巩固拓展脱贫攻坚成果同全面推进乡村振兴

古城景区迎来旅游旺季

本报讯（记者 李华）进入六月，古城景区游客络绎不绝，民宿、餐饮生意红火。
"""


def test_where_the_story_breaks_off_the_column_that_opens_inside_a_sentence_is_the_later():
    (first, a), (second, _) = _bodies(SWAPPED_BROKEN_OFF)
    assert (first, second) == ("县委召开农村工作会议", "古城景区迎来旅游旺季")
    assert a.endswith("会议要求，要把巩固拓展脱贫攻坚成果同全面推进乡村振兴等更加紧密地结合起来，通过")


# A paragraph's later column printed first, its opening read on into the next paragraph (it
# breaks off: …坚定理想 / 学校党支部…). The later column closes the quotation the opening left open,
# which outweighs the dictionary word 想学 the opening's end makes with the paragraph read on to it.
OPENING_RUN_ON = """\
牢记嘱托 培育新人

本报讯（记者 王宽）近年来，县第一小学牢记总书记嘱托，扎实开展爱国主义教育。

信念，好好学习，长大做一个对国家有用的人。”五年级学生阿依夏说。

感恩教育铸心魂。“我会牢记总书记的教导，坚定理想

学校党支部始终把总书记的嘱托作为开展爱国主义教育的生动教材。

古城景区迎来旅游旺季

本报讯（记者 李华）进入六月，古城景区游客络绎不绝，民宿、餐饮生意红火。
"""


def test_an_opening_read_on_into_the_next_paragraph_goes_before_the_later_column_that_closes_its_quotation():
    (first, a), (second, _) = _bodies(OPENING_RUN_ON)
    assert (first, second) == ("牢记嘱托 培育新人", "古城景区迎来旅游旺季")
    assert "扎实开展爱国主义教育。感恩教育铸心魂。“我会牢记总书记的教导，坚定理想信念，好好学习" in a
    assert a.endswith("作为开展爱国主义教育的生动教材。")


# The later column printed first, the story stopping at its end: both parts break off and their
# seam falls between two words, except that the opening breaks off inside a number (…代表队2 /
# 21名…): no sentence opens with the rest of a number.
NUMBER_CUT = """\
青少年拳击联赛总决赛开赛

本报讯（记者 王宽）6日，全区青少年拳击俱乐部联赛总决赛在体育馆开赛。

21名青少年拳击运动员参加。比赛

此次赛事吸引了全疆32支代表队2

古城景区迎来旅游旺季

本报讯（记者 李华）进入六月，古城景区游客络绎不绝，民宿、餐饮生意红火。
"""


def test_a_column_that_opens_with_the_rest_of_a_number_goes_after_the_one_that_breaks_off_inside_it():
    (first, a), (second, _) = _bodies(NUMBER_CUT)
    assert (first, second) == ("青少年拳击联赛总决赛开赛", "古城景区迎来旅游旺季")
    assert a.endswith("此次赛事吸引了全疆32支代表队221名青少年拳击运动员参加。比赛")


# The later column printed first and finishing the paragraph; the opening, one line, alone above
# the next story's headline (as a headline's line may stand): its end goes on into the later
# column inside a number (…代表队2 / 21名…), so it is the paragraph's opening, not a headline's line.
OPENING_ALONE_ABOVE_A_HEADLINE = """\
青少年拳击联赛总决赛开赛

本报讯（记者 王宽）6日，全区青少年拳击俱乐部联赛总决赛在体育馆开赛。

21名青少年拳击运动员参加。比赛将持续至2月9日。

此次赛事吸引了全疆32支代表队2

古城景区迎来旅游旺季

本报讯（记者 李华）进入六月，古城景区游客络绎不绝，民宿、餐饮生意红火。
"""


def test_an_opening_alone_above_a_headline_whose_end_goes_on_into_the_later_column_is_text():
    (first, a), (second, b) = _bodies(OPENING_ALONE_ABOVE_A_HEADLINE)
    assert (first, second) == ("青少年拳击联赛总决赛开赛", "古城景区迎来旅游旺季")
    assert a.endswith("此次赛事吸引了全疆32支代表队221名青少年拳击运动员参加。比赛将持续至2月9日。")
    assert b.startswith("本报讯")


# As REST_FINISHES_A_CUT_WORD, but A's rest itself breaks off at the page's end (it goes on
# elsewhere): the cut word still says where the rest begins.
REST_BREAKS_OFF_TOO = """\
县委召开防汛工作会议

本报讯（记者 王宽）12日，县委召开防汛工作会议。县委书记主持会议，要求各乡镇压实防汛责任，

会上，县委书记首先带领与会人员传

特色林果喜获丰收

本报讯（记者 李华）眼下正是杏子成熟的季节，果农们忙着采摘、分拣、装箱，果园里一派丰收景象。

合作社统一收购，电商平台助力销售，特色林果走出了大山。

达学习上级防汛会议精神，部署各乡镇防汛值守、河道巡查和险情处置工作，要求各乡镇
"""


def test_a_rest_that_breaks_off_itself_still_goes_back_where_it_finishes_a_cut_word():
    (first, a), (second, b) = _bodies(REST_BREAKS_OFF_TOO)
    assert (first, second) == ("县委召开防汛工作会议", "特色林果喜获丰收")
    assert "带领与会人员传达学习上级防汛会议精神" in a and a.endswith("要求各乡镇")
    assert b.endswith("特色林果走出了大山。")
