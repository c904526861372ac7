"""Region tagging on real sentences from the seed issues (巴音郭楞日报, 阿勒泰日报, 党员之友)."""
from __future__ import annotations

from generator.ingest.regions import tag_regions
from seeded import SEEDS, under_other_seeds

BAZHOU = "巴音郭楞蒙古自治州"

# 巴音郭楞日报 2023-08-11, p.1, as the importer hands it over (wrapped lines kept).
NAMED = """本报库尔勒8月10日讯（记
者 陈彦强） 10 日，记者从巴州民
宗局了解到，巴音郭楞蒙古自治州
及博湖县、尉犁县兴平镇达西村等
单位被自治区民族事务委员会命名
为“2023年自治区民族团结进步示
范区示范单位”。

自治区民族事务委员会决定：命名巴音郭楞
蒙古自治州，乌鲁木齐市米东区等
12个县（市、区），米东区三道坝镇等
53个乡镇（街道、场、管委会），尉犁
县兴平镇达西村、自治区党委党校
（行政学院）、特变电工股份有限公
司等214个单位为“2023年自治区民
族团结进步示范区示范单位”。

巴音郭楞蒙古自治州、博湖县、
库尔勒市丝路街道、焉耆回族自治
县四十里城子镇、和硕县曲惠镇、若
羌县吾塔木乡、巴音郭楞蒙古自治
州政协办公室、和静
县哈尔莫敦镇乌兰尕扎尔村、且末县且末镇加哈巴
格社区、新疆君和信律师事务所被命名为
“2023年自治区民族团结进步示范区示范单位”。"""

XINHUA = ("新华社北京5月28日电 中共中央党史和文献研究院编辑的习近平同志《论科技自立自强》"
          "近日由中央文献出版社出版，在全国发行。")

# 阿勒泰日报 2023-05-30, p.1 (工人日报): a round-up across Xinjiang.
ROUNDUP = """伴随着机器的轰鸣声，工人们在忙着检测装箱……5月17日，在新疆维吾尔自治区伊犁哈萨克自治州霍城县的新疆汇嘉生物科技有限公司内，工人们正在赶制一批甜菊糖苷。

在霍城县三官乡，成片的甜叶菊沐浴着阳光。

近年来，新疆各地因地制宜，围绕传统产业和优势，转变发展理念和方式，奏响高质量发展的“变奏曲”。

“这里有很多国家的免税产品，我们今天特意来大采购！”5月17日，新疆塔城巴克图口岸哈达民互市及丝路文化商品城里人头攒动，来自新疆昌吉州的陈先生购买了哈萨克斯坦生产的商品。巴克图口岸位于塔城市郊，是新疆18个国家一类陆路口岸之一。

作为中国向西开放的沿边省份，拥有17个常年开通的国家一类口岸是新疆扩大开放的底气和优势。今年以来，新疆深入推进口岸硬件设施建设，疏堵点、畅通道。"""

MEETING = """本报库尔勒8月10日讯（记者 谢晓艳） 10日，自治州质量强州工作领导小组第一次全体会议在州市场监督管理局召开。州党委副书记、州长巴图出席会议并讲话。

会议指出，建设质量强州是推动经济社会高质量发展的重要支撑，要切实把思想和行动统一到自治区党委和州党委部署要求上来，紧紧抓住自治区将巴州纳入南疆区域发展整体布局这一重大机遇，为谱写新时代中国特色社会主义新疆的巴州篇章夯实质量基础。"""


def test_dateline_title_and_body_tag_the_home_prefecture_and_its_places():
    regions, places = tag_regions("巴州被命名为2023年自治区民族团结进步示范区", NAMED, "库尔勒", BAZHOU)
    assert regions == (BAZHOU,)  # 乌鲁木齐市米东区 is only a passing mention
    assert places[0] == "库尔勒市"  # the dateline place comes first
    assert set(places) == {"库尔勒市", "尉犁县", "博湖县", "焉耆回族自治县", "和硕县", "若羌县", "且末县", "和静县"}


def test_dateline_alone_is_enough_and_implies_the_region():
    assert tag_regions("会议召开", "会议要求，抓好落实。", "库尔勒", None) == ((BAZHOU,), ("库尔勒市",))
    assert tag_regions("会议召开", "会议要求，抓好落实。", "本报库尔勒8月10日讯", None) == ((BAZHOU,), ("库尔勒市",))


def test_a_photo_caption_counts_one_mention():
    caption = "8月7日，游客在博湖县博斯腾湖景区观光旅游。"
    assert tag_regions("十四运促巴州旅游持续升温", caption, None, BAZHOU) == ((BAZHOU,), ("博湖县",))
    assert tag_regions("游客观光", caption, None, "阿勒泰地区") == ((BAZHOU,), ("博湖县",))


def test_xinhua_beijing_is_national_news():
    assert tag_regions("习近平同志《论科技自立自强》出版发行", XINHUA, "北京", "阿勒泰地区") == (("全国",), ())
    assert tag_regions("标题", XINHUA, "新华社北京5月28日电", "阿勒泰地区") == (("全国",), ())


def test_a_xinjiang_round_up_is_tagged_xinjiang_first_then_its_prefectures():
    regions, places = tag_regions("天山南北奏响高质量发展“变奏曲”", ROUNDUP, None, "阿勒泰地区")
    assert regions[0] == "新疆"
    assert set(regions) == {"新疆", "伊犁哈萨克自治州", "塔城地区"}  # 昌吉州 once: in passing
    assert places == ("霍城县", "塔城市")
    assert "阿勒泰地区" not in regions  # the home region is only a fallback


def test_home_words_speak_for_the_home_region_and_xinjiang_in_passing_is_not_a_tag():
    regions, places = tag_regions("自治州质量强州工作领导小组第一次全体会议召开", MEETING, "库尔勒", BAZHOU)
    assert (regions, places) == ((BAZHOU,), ("库尔勒市",))
    # Without a dateline, 州党委/我州 still point at 巴州 in 巴州's own paper …
    body = "州党委副书记出席会议。我州将加快发展。会议强调，全州上下要抓好落实，支持喀什地区发展。" * 3
    assert tag_regions("会议召开", body, None, BAZHOU)[0] == (BAZHOU, "喀什地区")
    # … but not in a 地区's paper, where 州 words mean someone else.
    assert tag_regions("会议召开", body, None, "阿勒泰地区")[0] == ("喀什地区",)


def test_home_region_is_the_fallback_and_may_be_a_short_form():
    assert tag_regions("春耕忙", "农民在田间劳作，一派繁忙景象。", None, "巴州") == ((BAZHOU,), ())
    assert tag_regions("春耕忙", "农民在田间劳作。", None, None) == ((), ())
    assert tag_regions("春耕忙", "农民在田间劳作。", None, "某某市") == (("某某市",), ())


def test_a_passing_mention_in_a_long_body_does_not_tag_but_two_do():
    filler = "各部门要切实把思想和行动统一到决策部署上来，扎实推进各项工作。" * 12
    once = filler + "会议还听取了喀什地区的经验介绍。" + filler
    assert tag_regions("会议召开", once, None, None) == ((), ())
    twice = once + "喀什地区代表作了发言。"
    assert tag_regions("会议召开", twice, None, None) == (("喀什地区",), ())
    # A region and its place side by side are one mention, not two.
    adjacent = filler + "乌鲁木齐市米东区等12个县（市、区）受到表彰。" + filler
    assert tag_regions("会议召开", adjacent, None, None) == ((), ())


def test_ambiguous_names_tag_the_region_and_full_names_the_place():
    assert tag_regions("阿勒泰举办冰雪节", "冰雪节开幕。", None, None) == (("阿勒泰地区",), ())
    assert tag_regions("阿勒泰市举办冰雪节", "冰雪节开幕。", None, None) == (("阿勒泰地区",), ("阿勒泰市",))
    assert tag_regions("和田县、和田市和墨玉县", "", None, None) == (("和田地区",), ("和田市", "和田县", "墨玉县"))
    assert tag_regions("哈密市伊州区", "", None, None) == (("哈密市",), ("伊州区",))
    assert tag_regions("哈密瓜丰收", "瓜农喜笑颜开。", None, None) == ((), ())


def test_bingtuan_divisions_map_to_their_cities():
    regions, places = tag_regions("兵团第一师主要领导担任组长", "统筹推进协调机制。", None, "新疆")
    assert (regions, places) == (("新疆生产建设兵团",), ("阿拉尔市",))
    assert tag_regions("第八师石河子市召开会议", "", None, None) == (("新疆生产建设兵团",), ("石河子市",))


def test_order_is_by_weight_then_official_order():
    body = "喀什地区、喀什地区、和田地区、和田地区。"
    assert tag_regions("标题", body, None, None)[0] == ("喀什地区", "和田地区")
    assert tag_regions("和田地区", body, None, None)[0] == ("和田地区", "喀什地区")
    assert tag_regions("标题", "和田地区、喀什地区。", None, None)[0] == ("喀什地区", "和田地区")


def test_the_same_text_gets_the_same_tags_in_every_import():
    """Each import is a new process with its own hash seed; re-importing an issue must not
    reorder an article's regions and places (they are its front matter, diffed in git)."""
    args = ("天山南北", ROUNDUP, None, "阿勒泰地区")
    here = tag_regions(*args)
    assert len(here[0]) > 1 and len(here[1]) > 1  # an order to keep
    code = "from generator.ingest.regions import tag_regions\nresult = tag_regions(*args)"
    assert under_other_seeds(code, args) == [here] * len(SEEDS)


def test_xinjiang_before_a_region_only_qualifies_it():
    title = "新疆阜康市党建引领区域联动发展"
    assert tag_regions(title, "阜康市坚持党建引领。", None, "新疆") == (("昌吉回族自治州",), ("阜康市",))


def test_national_from_the_body_must_outweigh_xinjiang():
    body = "全国人大代表、全国政协委员和全国劳模在新疆考察，新疆各族群众、新疆干部和新疆青年一起座谈，新疆发展可期。"
    assert tag_regions("座谈会召开", body, None, None)[0] == ("新疆",)
    national = "全国各地推进改革，全国上下一心，全国人民共同奋斗。"
    assert tag_regions("改革推进", national, None, "新疆")[0] == ("全国",)


def test_a_xinjiang_wide_paper_reads_zizhiqu_as_xinjiang():
    body = "自治区党委常委会召开会议，听取喀什地区工作汇报。会议要求，全区上下、喀什地区要抓好落实，我区将加快发展。" * 2
    assert tag_regions("自治区党委常委会召开会议", body, None, "新疆")[0] == ("新疆", "喀什地区")
    assert tag_regions("自治区党委常委会召开会议", body, None, BAZHOU)[0] == ("喀什地区",)


def test_every_tag_is_a_gazetteer_name_and_every_place_brings_its_region():
    from generator.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = {r.name for r in gaz.regions}
    for home in [None, *sorted(names)]:
        for text in (NAMED, ROUNDUP, MEETING, XINHUA):
            for dateline in (None, "库尔勒", "北京", "兴平镇"):
                regions, places = tag_regions(text[:30], text, dateline, home)
                assert set(regions) <= names and len(set(regions)) == len(regions)
                assert {gaz.place(p).region for p in places} <= set(regions)


# 阿勒泰日报 2023-05-30: a photo caption whose organisations are named after other places.
RAILWAY = ("日前，乌鲁木齐铁路公安局奎屯公安处福海站派出所联合福海县委政法委，深入辖区学校开展法治宣传教育活动。\n\n"
           "活动中，学生们纷纷在宣传条幅上签下自己的名字。")


def test_an_organisation_named_after_a_place_does_not_tag_it():
    for home in (None, "阿勒泰地区"):
        assert tag_regions("爱路护路从我做起", RAILWAY, None, home) == (("阿勒泰地区",), ("福海县",))
    assert tag_regions("奎屯公安处开展宣传", "民警走进校园。", None, None) == ((), ())
    assert tag_regions("奎屯市开展宣传", "民警走进校园。", None, None)[0] == ("伊犁哈萨克自治州",)


def test_a_governments_own_office_still_counts():
    body = "阿勒泰市医疗保障局增设热线。阿勒泰市医疗保障局表示，将持续优化服务。" + "群众反映的问题逐项解决。" * 30
    assert tag_regions("医保热线增至4部", body, None, None)[0] == ("阿勒泰地区",)


def test_xinjiang_in_a_company_name_is_not_xinjiang_news():
    caption = "新疆阿瓦提县绍阿棉纺产业园新疆恒辉纺织有限责任公司的现代化生产车间里，工人在赶制订单。"
    assert tag_regions("赶制订单", caption, None, "新疆")[0] == ("阿克苏地区",)


def test_an_undated_lead_says_where_the_story_is():
    body = ("我是新疆察布查尔锡伯自治县喜利妈妈社会服务中心党支部书记。让关爱成为一种习惯，是我们的追求。\n\n"
            + "多年来，我始终牢记职责使命，带头发挥先锋模范作用，践行助人自助服务理念。" * 8)
    assert tag_regions("谭振莲：于心灵沃野深植奉献之苗", body, None, "新疆")[0] == ("伊犁哈萨克自治州",)
    # 新疆 or 全国 in a lead only qualify: they do not tag on their own.
    lead = "5月29日，地委召开会议，传达王沪宁同志在新疆调研时的讲话精神和全国两会精神。" + "会议要求抓好落实。" * 40
    assert tag_regions("阿勒泰地委召开会议", lead, None, "阿勒泰地区")[0] == ("阿勒泰地区",)


def test_a_headline_led_by_the_centre_or_naming_a_province_is_national():
    assert tag_regions("中共中央总书记、国家主席、中央军委主席习近平在贵州考察", "3月17日至18日，习近平在贵州考察。",
                       None, "新疆")[0] == ("全国",)
    assert tag_regions("《习近平总书记关于党的建设的重要思想概论》出版座谈会在北京召开", "座谈会2月24日在京召开。",
                       None, "新疆")[0] == ("全国",)
    assert tag_regions("内蒙古自治区鄂尔多斯市鄂托克前旗探索毗邻党建模式", "党建联建，与宁夏回族自治区盐池县签订协议。",
                       None, "新疆")[0] == ("全国",)  # 自治区 inside 宁夏回族自治区 is not the home 自治区


def test_a_xinjiang_headline_with_the_centres_words_stays_in_xinjiang():
    body = "自治区党委常委会召开会议，学习贯彻习近平总书记重要讲话精神。会议要求，全区上下抓好落实。"
    assert tag_regions("自治区党委常委会召开会议", body, None, "新疆")[0] == ("新疆",)
    assert tag_regions("新春安康", "各族群众欢度春节。", None, "阿勒泰地区")[0] == ("阿勒泰地区",)  # 安康: a word here


def test_a_story_spread_over_many_prefectures_is_xinjiang_wide():
    body = "全会召开后，各地各部门认真学习。" + "".join(f"{name}代表表示，{name}将抓好落实。"
                                                for name in ("阿克苏地区", "喀什地区", "和田地区", "昌吉州"))
    assert tag_regions("各地各部门表示要闯出新路子", body * 2, None, "阿勒泰地区")[0] == ("新疆",)
    # … unless the headline says where it is.
    assert tag_regions("喀什地区闯出新路子", body * 2, None, None)[0][0] == "喀什地区"
