"""The tokenizer's rules for a paragraph's first line, a headline group and a column's width, each
on a small hand-made page in the style of PDF extraction (a national daily's narrow columns,
hard-wrapped, the paragraph indent dropped): what a reader sees (titles, bodies whole)."""
from __future__ import annotations

from generator.ingest import parse_issue


def _articles(text: str):
    _, articles = parse_issue(text, "测试日报")
    return articles


def _wrap(paragraph: str, width: int, indent: int = 2) -> list[str]:
    """A paragraph hard-wrapped at `width` characters, its first line `indent` short (the indent the
    extraction dropped, no U+3000 left)."""
    lines, first = [], width - indent
    lines.append(paragraph[:first])
    rest = paragraph[first:]
    lines += [rest[i:i + width] for i in range(0, len(rest), width)]
    return lines


def _page(*parts: str | list[str]) -> str:
    return "\n".join(line for part in parts for line in ([part] if isinstance(part, str) else part)) + "\n"


_STORY_A = ("入冬以来，多地集中开展燃气安全专项检查，重点排查餐饮场所、老旧小区燃气管线隐患。"
            "截至目前，已督促整改问题一万余处，约谈相关企业负责人三百余人次。")
_STORY_A2 = "各地还组织燃气企业上门入户宣传安全用气知识，发放宣传资料，帮助居民排查家中隐患。"


def test_a_first_line_broken_off_mid_word_into_a_full_body_line_is_no_deck():
    """上海市近日在多个街道试点建 / 设托育…: the line under a headline, two characters short, breaks
    off inside a word (建设) that the full column line under it finishes: a paragraph's first line
    whose indent the extraction dropped, not a deck."""
    lead = ("上海市近日在多个街道试点建设托育养老融合服务点，为社区老人和婴幼儿提供日间照料、"
            "助餐、亲子活动等服务，方便双职工家庭。")
    text = _page("多地开展燃气安全专项检查", _wrap(_STORY_A, 15), _wrap(_STORY_A2, 15),
                 "上海推出托育养老融合服务点", _wrap(lead, 15), _wrap(_STORY_A2, 15))
    assert _wrap(lead, 15)[0].endswith("试点建")
    articles = _articles(text)
    assert [(a.title, a.subtitle) for a in articles] == [
        ("多地开展燃气安全专项检查", None), ("上海推出托育养老融合服务点", None)]
    assert articles[1].body.startswith("上海市近日在多个街道试点建设托育")


def test_a_first_line_two_characters_short_of_its_column_is_a_paragraphs_not_a_headline():
    """我家住在湖北省武汉市一个建成于 / 上世纪…: after a finished sentence, a title-like line exactly
    two characters short of the full column line that goes on under it is a paragraph's first line
    (its indent dropped): the letter is one story, its first line kept."""
    letter = ("我家住在湖北省武汉市一个建成于上世纪九十年代的小区，楼高七层，没有电梯。父母年过七旬，"
              "每次上下楼都要歇好几回。")
    second = "去年，社区动员加装电梯，政府还给补贴，大家一开始都挺高兴，可一到协商出资就卡了壳。"
    text = _page("老旧小区加装电梯难在哪", "本报记者　王　明", _wrap(_STORY_A, 17), _wrap(letter, 17),
                 _wrap(second, 17))
    assert _wrap(letter, 17)[0] == "我家住在湖北省武汉市一个建成于"
    articles = _articles(text)
    assert [a.title for a in articles] == ["老旧小区加装电梯难在哪"]
    assert "。\n\n我家住在湖北省武汉市一个建成于上世纪" in articles[0].body
    assert articles[0].body.rstrip().endswith("就卡了壳。")


def test_a_dateline_ending_at_its_bracket_and_a_line_of_digits_keep_the_story_whole():
    """新华社罗马11月10日电　（记者周宇、陈怡） / 联合国粮农组织10日发布报告说，10月全球: the
    dateline's closing bracket ends no sentence, and the line under it, wider than the column in
    characters, is no wider in print (its digits take half a character each)."""
    body = ("粮食价格指数平均为一百一十八点六点，环比下降，连续第三个月回落。报告显示，当月谷物、"
            "植物油和乳制品价格指数均有所下降，肉类价格指数基本持平，食糖价格指数小幅上涨。")
    second = "粮农组织预计，今年全球谷物产量将达到创纪录水平，全球谷物库存也将有所增加。"
    text = _page("全球粮食价格指数连续三个月回落", "新华社罗马11月10日电\u3000（记者周宇、陈怡）",
                 "联合国粮农组织10日发布报告说，10月全球", _wrap(body, 19, 0), _wrap(second, 19))
    articles = _articles(text)
    assert [a.title for a in articles] == ["全球粮食价格指数连续三个月回落"]
    assert "10日发布报告说，10月全球粮食价格指数" in articles[0].body
    assert articles[0].body.rstrip().endswith("有所增加。")


def test_a_comma_headline_over_a_dash_deck_heads_an_unsigned_story():
    """山海之间，走出一条生态富民新路 over ——…综述: a deck is printed only under a headline, so the
    comma line over it is that headline, with no lead or byline under it."""
    feature = ("九山半水半分田。地处浙西南的丽水，森林覆盖率超过八成，被誉为“浙江绿谷”。"
               "多年来，丽水坚持生态优先、绿色发展，走出了一条具有山区特色的共同富裕之路。")
    text = "\n\n".join(["专版", "山海之间，走出一条生态富民新路", "——浙江丽水探索生态产品价值实现机制综述",
                        "\n".join(_wrap(feature, 16)), "\n".join(_wrap(_STORY_A2, 16))]) + "\n"
    articles = _articles(text)
    assert [(a.title, a.subtitle) for a in articles] == [
        ("山海之间，走出一条生态富民新路", "——浙江丽水探索生态产品价值实现机制综述")]
    assert articles[0].body.startswith("九山半水半分田。")


def test_a_comma_headline_over_an_editors_note_heads_the_story_without_blank_lines():
    """…，如何跨过“协商关” over 编者按：…, as wide as the column: an editor's note is printed under a
    headline, so the line over it heads the story (not the box label over it, not a paragraph)."""
    note = "编者按：老旧小区加装电梯，是一件暖民心的实事，但在一些地方，邻里意见不一，好事迟迟难以落地。"
    letter = "我家住的小区楼高七层，没有电梯。父母年过七旬，每次上下楼都要歇好几回，大家都盼着装上电梯。"
    text = _page(_wrap(_STORY_A, 17), "读者来信", "老旧小区加装电梯，如何跨过“协商关”", _wrap(note, 17),
                 _wrap(letter, 17))
    titles = [a.title for a in _articles(text)]
    assert "老旧小区加装电梯，如何跨过“协商关”" in titles
    story = next(a for a in _articles(text) if a.title == "老旧小区加装电梯，如何跨过“协商关”")
    assert story.body.startswith("编者按：老旧小区") and story.body.rstrip().endswith("装上电梯。")


def test_a_deck_under_its_headline_is_no_wrap_of_it_where_a_word_only_seems_to_run_across():
    """共建“一带一路”·合作故事 / 中匈职业教育合作项目首批学员毕业 / 已有三百余名…证书, set together:
    毕业 | 已有 make 业已 across the break, but 已有 opens the deck whole (no word is cut), so the
    headline is the middle line, the kicker over it and the deck under it, not one wrapped headline."""
    lead = ("本报布达佩斯11月10日电\u3000（记者刘仲华）中国—匈牙利职业教育合作项目首批学员毕业典礼"
            "10日在匈牙利首都布达佩斯举行，学员获得由两国院校联合颁发的职业技能证书。")
    text = "\n\n".join(["共建“一带一路”·合作故事\n中匈职业教育合作项目首批学员毕业\n已有三百余名当地青年获得职业技能证书",
                        "\n".join(_wrap(lead, 19)), "\n".join(_wrap(_STORY_A2, 19))]) + "\n"
    articles = _articles(text)
    assert [a.title for a in articles] == ["中匈职业教育合作项目首批学员毕业"]
    assert articles[0].subtitle == "已有三百余名当地青年获得职业技能证书"


def test_a_wide_leads_paragraph_broken_off_at_its_jump_is_no_headline():
    """A lead set 22 wide on a page of 17-wide columns breaks off before （下转第四版）: its last
    lines, wider than the page's columns and finishing no sentence, stand right over the jump line,
    where only running text breaks off — not a headline group — so they stay the lead's, and the
    next story keeps its headline."""
    lead = _wrap("本报北京11月11日电\u3000（记者孙晓宁）记者从农业农村部获悉：截至今年十月底，全国已有一千三百余个"
                 "县建成返乡入乡创业园区，累计吸纳返乡入乡创业人员约一百八十六万人。", 22, 0)
    last = ["农业农村部有关负责同志介绍，下一步将会同", "有关部门，进一步完善县域创业扶持政策体系，推",
            "动返乡创业园区提质"]
    news = _wrap("新华社北京11月11日电\u3000国务院办公厅日前印发意见，对今后一个时期基层医疗卫生服务体系建设作出部署。"
                 "意见提出，到二〇二七年，乡镇卫生院和社区卫生服务中心服务能力全面达到国家基本标准。", 17, 0)
    more = _wrap("意见要求，各地要加强组织领导，压实工作责任，加大投入保障，确保各项任务落地见效。", 17)
    text = "\n\n".join(["全国已有一千三百余个县建成返乡创业园区", "\n".join(lead), "\n".join(last), "（下转第四版）",
                        "国务院办公厅印发意见部署加强基层\n医疗卫生服务能力建设", "\n".join(news), "\n".join(more)]) + "\n"
    articles = _articles(text)
    assert [a.title for a in articles] == ["全国已有一千三百余个县建成返乡创业园区", "国务院办公厅印发意见部署加强基层医疗卫生服务能力建设"]
    assert articles[0].body.rstrip().endswith("推动返乡创业园区提质")


def test_a_dated_caption_the_storys_last_full_line_ran_on_into_is_the_photos_caption():
    """…用得好。 filling its line, then 11月10日，参加… / …跑步健身。 / （本报记者　徐　阳摄）, no blank line
    and no indent: the caption opens with its date after the story's finished sentence, so the story
    ends at 用得好。 and the photo is an item of its own, not the story's last paragraph."""
    story = _wrap("下楼就能买到新鲜蔬菜，步行几分钟就有修鞋配钥匙的小店，社区食堂里老人花十几元就能吃上热乎饭菜。", 18)
    last = ["把居民的需求摆在首位，多听听居民", "想要什么、缺什么，因地制宜配置业态，", "用好政策工具帮助小店降低经营成本，便",
            "民生活圈才能建得起、留得住、用得好。"]
    caption = ["11月10日，参加“全民健身日”活动", "的群众在北京奥林匹克森林公园跑步健身。", "（本报记者\u3000徐\u3000阳摄）"]
    after = _wrap("在江苏省苏州市吴江区的一家纺织企业，记者看到，车间里的织机全部接入了工业互联网平台。", 18)
    text = _page("让便民生活圈更有温度", "吴\u3000安", story, last, caption, "老工厂焕发新活力", "本报记者\u3000孔\u3000文",
                 after, _wrap(_STORY_A2, 18))
    articles = _articles(text)
    story_item = next(a for a in articles if a.title == "让便民生活圈更有温度")
    assert story_item.body.rstrip().endswith("留得住、用得好。")
    assert any(a.body.strip().startswith("11月10日，参加") and a.body.rstrip().endswith("跑步健身。") for a in articles)
    assert [a.title for a in articles if a.title][-1] == "老工厂焕发新活力"


def test_a_slogan_kicker_with_two_commas_stays_in_its_headline_group():
    """牢记嘱托，感恩奋进，建设美好新疆 over its headline and deck, no blank line between: a kicker may
    string three phrases with commas; only the jump line under a block (`over_jump`) says its wide
    lines are a story's text, not the number of commas."""
    lead = ("本报乌鲁木齐11月10日电\u3000（记者王明）连日来，各地干部群众认真学习贯彻全会精神，结合实际抓好落实，"
            "推动各项任务落地见效。")
    text = "\n\n".join(["牢记嘱托，感恩奋进，建设美好新疆\n各地干部群众热议全会精神\n——推动全会各项部署落地见效",
                        "\n".join(_wrap(lead, 16, 0)), "\n".join(_wrap(_STORY_A2, 16))]) + "\n"
    articles = _articles(text)
    assert [(a.title, a.subtitle) for a in articles] == [("各地干部群众热议全会精神", "——推动全会各项部署落地见效")]
    assert articles[0].body.startswith("本报乌鲁木齐11月10日电")


def test_a_headline_set_over_two_lines_with_no_blank_between_is_one_title():
    """On a page that sets blocks apart with blank lines, two headline lines left together (no kicker
    or deck mark, no byline) are one headline set over two lines, not a title over its subtitle:
    the extraction sets a blank line between type of different sizes."""
    text = "\n\n".join(["推进老旧小区改造提速", "\n".join(["各地加快补齐社区服务短板", "让居民生活更加便利舒心"]),
                        "\n".join(_wrap("本报北京3月5日电　" + _STORY_A, 15)), "\n".join(_wrap(_STORY_A2, 15))]) + "\n"
    titles = [a.title.replace("\u3000", "").replace(" ", "") for a in _articles(text)]
    assert "各地加快补齐社区服务短板让居民生活更加便利舒心" in titles


def test_a_headline_over_its_dash_deck_in_one_block_stays_title_and_deck():
    """A two-line block whose second line opens on a dash is a headline and its deck, not one headline."""
    text = "\n\n".join(["\n".join(["各地加快补齐社区服务短板", "——老旧小区改造一线观察"]),
                        "\n".join(_wrap("本报北京3月5日电　" + _STORY_A, 15)), "\n".join(_wrap(_STORY_A2, 15))]) + "\n"
    titles = [a.title for a in _articles(text)]
    assert "各地加快补齐社区服务短板" in titles


def test_a_page_staff_line_role_by_role_is_an_editor_line():
    """本版编辑　X　美编　Y / 编辑／X　美编／Y　校对／Z / 本版编辑：X　责任校对：Y: a page's staff credited role
    by role, with a space, slash or colon after each role, is the page's editor line, never text."""
    from generator.ingest.typed_lines import line_type
    assert line_type("本版编辑　钱　蔚　美编　高　妍") == ("editor", "钱蔚")
    assert line_type("编辑／杨　帆　美编／宋　雅　校对／李　苗") == ("editor", "杨帆")
    assert line_type("本版编辑：章　蕊　责任校对：周　岚") == ("editor", "章蕊")
    assert line_type("编辑部召开会议 美编 设计") is None
    text = "\n\n".join(["多地开展燃气安全专项检查", "\n".join(_wrap(_STORY_A, 15)), "\n".join(_wrap(_STORY_A2, 15)),
                        "本版编辑　钱　蔚　美编　高　妍"]) + "\n"
    assert all("钱" not in a.body for a in _articles(text))


def test_a_boxed_name_under_a_headline_is_its_writers_byline():
    """□ 陈　默 under a commentary's headline: the writer's mark before a name alone is a byline
    (□ 本报记者　X's form without the role); a word after the mark is no name."""
    from generator.ingest.typed_lines import line_type
    kind, byline = line_type("□ 陈　默")
    assert kind == "byline" and byline.authors == ("陈默",)
    assert line_type("■ 要闻") is None and line_type("□ 综合") is None and line_type("□资料图") is None


def test_a_line_broken_off_inside_a_number_is_no_headline():
    """…毕业生规模预计达1222 / 万人。…: a paragraph's first line after a finished one, title-like and
    (its digits counted as characters) wider than the column, breaks off inside a number the next
    line finishes with its unit: running text, not a headline."""
    from generator.ingest.blocks import number_runs_on
    assert number_runs_on("今年全国高校毕业生规模预计达1222", "万人。教育部有关负责人表示，将持")
    assert not number_runs_on("前3月我国船舶出口额增长38.5%", "据海关总署统计，一季度我国船舶")
    assert not number_runs_on("全国已建成5G基站400", "本报北京3月5日电")
    para = ("今年全国高校毕业生规模预计达1222万人。教育部有关负责人表示，将持续开展校园招聘服务，"
            "加密举办行业性、区域性供需对接活动，组织就业能力培训，对困难群体提供精准帮扶。")
    lead = ("本报北京4月14日电（记者王力）记者从有关部门获悉，全国已有2100余所高校启动2025年专项行动，"
            "高校领导带队走访用人单位超过3.6万家，新开拓就业岗位61万余个。")
    text = _page("多地开展燃气安全专项检查", _wrap(lead, 16), [para[:18]] + [para[18:][i:i + 16] for i in range(0, len(para) - 18, 16)],
                 _wrap(_STORY_A2, 16))
    assert all(not a.title.startswith("今年全国") for a in _articles(text))


def test_a_page_name_and_number_on_a_line_of_their_own_are_the_folio():
    """政法·法院　5 under the date line: a page's name and number set apart by a space, nothing else,
    are its folio (a page line), not a headline or the first story's first words."""
    from generator.ingest.typed_lines import line_type
    assert line_type("政法·法院　5") == ("page", (5, "政法·法院"))
    assert line_type("20　大地") == ("page", (20, "大地"))
    assert line_type("全国已建成5G基站") is None and line_type("2025年 5") is None
    assert line_type("0 日讯") is None and line_type("23 年质量") is None  # (a date the wrap broke apart)
    text = _page("2025年4月15日　星期二", "政法·法院　5", "多地开展燃气安全专项检查",
                 _wrap("本报北京3月5日电　" + _STORY_A, 15), _wrap(_STORY_A2, 15))
    assert all("政法" not in a.body and "政法" not in a.title for a in _articles(text))


def test_an_issuer_over_its_signing_date_is_no_two_line_headline():
    """中国人民银行 / 2025年6月6日 under a notice: the issuer and the date it signs, never one headline."""
    from generator.ingest.headline_group import set_over_two_lines
    assert not set_over_two_lines([(1, "南方市中级人民法院"), (2, "2025年4月10日")])
    assert set_over_two_lines([(1, "各地加快补齐社区服务短板"), (2, "让居民生活更加便利舒心")])



def test_a_short_label_right_over_a_nameless_folio_is_the_pages_name():
    """体育 over 2025年6月10日　星期二　15: the page's name set beside a folio that prints only the date and
    number joins that folio (the page line names its page); it is no headline of the first story."""
    from generator.ingest.tokenizer import tokenize
    text = "\n\n".join(["体育\n2025年6月10日　星期二　15", "多地开展燃气安全专项检查",
                        "\n".join(_wrap("本报北京3月5日电　" + _STORY_A, 15)), "\n".join(_wrap(_STORY_A2, 15))])
    tokens = tokenize(text.split("\n"), set())
    assert [(t.kind, t.value) for t in tokens if t.kind == "page"] == [("page", (15, "体育"))]
    assert all(t.text != "体育" for t in tokens if t.kind == "head")


_RAIL = ("本报北京3月17日电　（记者唐宁）记者从国家铁路集团获悉：1—2月份，全国铁路累计发送货物8.2亿吨，"
         "同比增长4.3%，其中电煤、粮食、化肥等重点物资运输保障有力。")
_TRACK = ("本报北京3月17日电　（记者李明）全国田径锦标赛17日在肇庆落幕，多名年轻选手在比赛中刷新个人最好成绩，"
          "展现出良好竞技状态。")


def test_two_headline_lines_on_a_page_without_blank_lines_are_one_headline():
    """前两个月全国铁路货物发送量 / 同比增长4.3% over a lead, no blank line anywhere: a headline set over
    two lines (the second no wider than the first, the first short of a one-line headline), not a
    headline and its deck: the archive's title is the whole headline."""
    snow = "本报讯　连日来，阿勒泰地区出现大范围降雪，地区各级部门组织力量清雪保通，已调运饲草料3.2万吨。"
    text = _page("多地开展燃气安全专项检查", _wrap(_STORY_A, 15, 0), _wrap(_STORY_A2, 15, 0),
                 "前两个月全国铁路货物发送量", "同比增长4.3%", _wrap(_RAIL, 15, 0),
                 "阿勒泰地区雪后", "积极做好防灾保畜", _wrap(snow, 15, 0))
    articles = _articles(text)
    assert [(a.title, a.subtitle) for a in articles] == [
        ("多地开展燃气安全专项检查", None), ("前两个月全国铁路货物发送量同比增长4.3%", None),
        ("阿勒泰地区雪后积极做好防灾保畜", None)]  # (a character wider is still balanced)


def test_a_deck_wider_than_its_headline_stays_a_deck_and_a_kicker_opens_no_pair():
    """全国田径锦标赛落幕 / 多名年轻选手刷新个人最好成绩: the second line runs longer, as a deck in smaller
    type does: headline and deck. A kicker's framing words (深入学习贯彻全会精神) over a headline set
    over two lines make no half of it: the two lines under it are the headline."""
    text = _page("多地开展燃气安全专项检查", _wrap(_STORY_A, 15, 0), _wrap(_STORY_A2, 15, 0),
                 "全国田径锦标赛落幕", "多名年轻选手刷新个人最好成绩", _wrap(_TRACK, 15, 0),
                 "深入学习贯彻全会精神", "前两个月全国铁路货物发送量", "同比增长4.3%", _wrap(_RAIL, 15, 0))
    articles = _articles(text)
    assert [(a.title, a.subtitle) for a in articles] == [
        ("多地开展燃气安全专项检查", None), ("全国田径锦标赛落幕", "多名年轻选手刷新个人最好成绩"),
        ("前两个月全国铁路货物发送量同比增长4.3%", "深入学习贯彻全会精神")]  # (a kicker is kept as the subtitle
    # where no deck took it)


def test_a_short_line_under_a_closing_credit_heads_the_next_brief_whatever_its_width():
    """…人次。（记者邱　实） closes a brief; 广东职工疗休养基地增至126家 under it, a character short of the
    column of 15 and finishing no sentence, is the next brief's headline (no blank line anywhere),
    not the first line of a paragraph, which would fill its column."""
    text = _page("多地开展燃气安全专项检查", _wrap(_STORY_A, 15, 0), _wrap(_STORY_A2, 15, 0),
                 "重庆首批“零工驿站”投入使用", "重庆市首批48个“零工驿站”近日", "投入使用，为灵活就业人员提供岗",
                 "位信息发布、技能培训、休息饮水", "等服务，日均对接用工需求2000余", "人次。（记者邱　实）",
                 "广东职工疗休养基地增至126家",
                 "记者从广东省总工会获悉，该省今", "年新认定职工疗休养基地17家，总", "数增至126家。（郭　岚）")
    articles = _articles(text)
    assert [a.title for a in articles] == ["多地开展燃气安全专项检查", "重庆首批“零工驿站”投入使用", "广东职工疗休养基地增至126家"]
    assert articles[2].body.startswith("记者从广东省总工会获悉")
