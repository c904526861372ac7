"""Segmentation and article metadata on small snippets of the layouts seen in print."""
from generator.ingest import parse_issue


def articles(text: str, **kw):
    return parse_issue(text, **kw)[1]


def test_blank_line_mid_sentence_is_not_a_paragraph_break():
    [a] = articles("本报库尔勒8月10日讯（记者 陈彦强） 10日，依据\n\n《自治区办法》，经批准\n\n决定命名。\n\n据了解，这是第二段。\n")
    assert a.body == "本报库尔勒8月10日讯（记者陈彦强）10日，依据《自治区办法》，经批准决定命名。\n\n据了解，这是第二段。\n"


def test_headlines_printed_after_their_bodies_attach_to_them():
    text = ("本报库尔勒8月10日讯（记\n者 陈彦强） 10 日，巴州被命名为示范区。\n\n巴州被命名为示范区\n\n"
            "本报库尔勒8月10日讯（记者 谢晓艳） 10日，会议召开。\n本报库尔勒 8 月 10 日讯\n（记者 赵富强） 10 日上午，常委会召开。\n\n"
            "自治州党委召开常委会\n\n传达学习贯彻重要讲话精神\n")
    a, b, c = articles(text)
    assert (a.title, a.authors, a.dateline, a.kind) == ("巴州被命名为示范区", ("陈彦强",), "库尔勒", "news")
    assert b.title == "会议召开" and b.title_inferred  # printed without a headline
    assert (c.title, c.subtitle, c.authors) == ("自治州党委召开常委会", "传达学习贯彻重要讲话精神", ("赵富强",))


def test_photo_with_credit_is_its_own_photo_article_and_doubled_headline_collapses():
    # the front-page layout of seed 000: every headline printed after its body
    text = ("本报讯（记者 张三）巴州今年香梨种植面积稳定，产量预计增长。\n\n头条新闻标题\n\n8月7日，游客\n在博斯腾湖观光。\n\n连日来，游客\n很多。\n\n本报记者 袁\n海军 摄\n\n"
            "十四运促巴州十四运促巴州\n旅游持续升温旅游持续升温\n\n本报讯（记者 李四）正文。\n\n另一篇新闻标题\n")
    a, b, c = articles(text)
    assert (b.title, b.kind, b.photographers) == ("十四运促巴州旅游持续升温", "photo", ("袁海军",))
    assert b.body.startswith("8月7日，游客在博斯腾湖观光。") and "摄" not in b.body


def test_bylines_give_authors_and_outlet_and_do_not_stay_in_the_body():
    text = "天山南北奏响变奏曲\n\n□工人日报记者/徐新星 吴泽思\n\n伴随着机器的轰鸣声，工人们在忙。\n"
    [a] = articles(text)
    assert (a.authors, a.source) == (("徐新星", "吴泽思"), "工人日报")
    assert a.body == "伴随着机器的轰鸣声，工人们在忙。\n"


def test_commentary_byline_and_dash_subtitle():
    text = "抓住机遇扬长补短 开创新局面\n\n——论贯彻落实全会精神\n\n□新疆日报评论员\n\n全会指出，要认清形势。\n"
    [a] = articles(text)
    assert (a.title, a.subtitle, a.source, a.kind) == ("抓住机遇扬长补短 开创新局面", "——论贯彻落实全会精神",
                                                       "新疆日报", "commentary")


def test_a_headline_left_over_between_articles_closes_the_byline_article_before_it():
    text = ("第一篇标题\n\n新华社北京5月28日电 正文。\n\n□石榴云/新疆日报记者\n\n在深入开展学习之际，全会举行。\n\n"
            "强信心 为高质量发展作贡献\n\n各地表示有信心。\n\n贯彻全会精神，各部门表示——\n努力闯出新路子\n\n"
            "抓住机遇 开创新局面\n\n□新疆日报评论员\n\n全会指出。\n")
    a, b, c = articles(text)
    assert (a.source, a.dateline) == ("新华社", "北京")
    assert (b.title, b.subtitle, b.source) == ("努力闯出新路子", "贯彻全会精神，各部门表示——", "石榴云/新疆日报")
    assert "## 强信心 为高质量发展作贡献" in b.body
    assert c.title == "抓住机遇 开创新局面"


def test_kicker_column_label_and_continuation():
    text = ("增设服务热线、执行首接负责制……\n\n阿勒泰市医保局破解难点\n\n民生连线\n\n本报讯(记者 董世菊)近日，群众反映热线难打。\n\n"
            "问题已经解决。（下转第二版）\n\n下一篇的标题\n\n本报讯(记者 王五)正文。\n")
    a, b = articles(text)
    assert (a.title, a.subtitle, a.column, a.continued) == ("阿勒泰市医保局破解难点", "增设服务热线、执行首接负责制……",
                                                            "民生连线", "2版")
    assert a.authors == ("董世菊",) and "下转" not in a.body


def test_magazine_article_closed_by_editor_with_author_line_and_note():
    text = ("统筹区域力量 推动协调发展\n\n深化区域联动 助力城乡融合\n\n董燕军\n\n习近平总书记指出，要推进。\n\n"
            "(作者单位:新疆于田县委)\n\n[责任编辑:朱振陆]\n\n借助援疆力量\n\n严 博 丁义杰\n\n援疆工作成效显著。\n\n"
            "(摘自《光明日报》)\n\n〔责任编辑：陆海涛〕\n\n托起百姓的幸福\n\n杜建芸\n\n社区服务暖人心。\n\n[责任编辑:朱振陆]\n")
    a, b, _ = articles(text)  # a magazine: every article closes with its editor line
    assert (a.title, a.column, a.authors, a.editor) == ("深化区域联动 助力城乡融合", "统筹区域力量 推动协调发展",
                                                        ("董燕军",), "朱振陆")
    assert a.body.endswith("（作者单位：新疆于田县委）\n")
    assert (b.authors, b.source, b.editor) == (("严博", "丁义杰"), "光明日报", "陆海涛")


def test_caption_inside_an_article_does_not_break_its_sentence():
    text = ("## 欢聚一家人 共享幸福年\n\n本报轮台2月6日讯(记者 周海霞)5日,活动开展。\n\n工作人员详细了解他\n\n\n\n活动现场。\n\n"
            "通讯员 麦尔丹·亚森 摄\n\n们在生产生活中的实际困难。\n")
    [a] = articles(text)
    assert "详细了解他们在生产生活中的实际困难。" in a.body
    assert "活动现场。" in a.body and a.photographers == ("麦尔丹·亚森",) and a.kind == "news"


def test_markdown_headings_are_titles_and_half_width_punctuation_is_fixed():
    text = "# 第一篇\n\n本报库尔勒2月6日讯(记者 陈新)5日,会议召开。\n\n## 第二篇\n\n本报库尔勒2月6日讯(记者 盛雪)5日,座谈。\n"
    a, b = articles(text)
    assert (a.title, b.title) == ("第一篇", "第二篇")
    assert a.body == "本报库尔勒2月6日讯（记者陈新）5日，会议召开。\n"


def test_subheadings_inside_an_article_become_markdown_level_two():
    text = ("天山南北奏响变奏曲\n\n□工人日报记者/徐新星\n\n第一段正文很长很长很长。\n\n老口岸上向西开放新起点\n\n"
            "第二段正文。\n")
    [a] = articles(text)
    assert a.body == "第一段正文很长很长很长。\n\n## 老口岸上向西开放新起点\n\n第二段正文。\n"


def test_regions_are_tagged_from_title_body_and_dateline():
    [a] = articles("博湖县举办渔业节\n\n本报博湖8月1日讯（记者 王芳）博湖县举办渔业节。\n",
                   home_region="巴音郭楞蒙古自治州")
    assert "巴音郭楞蒙古自治州" in a.regions and "博湖县" in a.places


def test_page_headers_give_page_and_section_to_the_articles_below():
    text = ("第01版：要闻\n\n头版标题\n\n本报讯（记者 张三）头版正文。\n\n第02版：综合\n\n二版标题\n\n"
            "本报讯（记者 李四）二版正文。\n\n二版另一篇\n\n本报讯（记者 王五）正文。\n")
    a, b, c = articles(text)
    assert [(x.title, x.page, x.column) for x in (a, b, c)] == [
        ("头版标题", 1, "要闻"), ("二版标题", 2, "综合"), ("二版另一篇", 2, "综合")]


def test_a_short_line_ending_a_sentence_ends_its_paragraph_inside_a_block():
    [a] = articles("本报讯（记者 张三）会议在州里召\n开。副州长主持会议。\n会议传达学习了文件精神，部署了工\n作。\n")
    assert a.body == "本报讯（记者张三）会议在州里召开。副州长主持会议。\n\n会议传达学习了文件精神，部署了工作。\n"


def test_text_continued_from_an_earlier_page_rejoins_its_article():
    text = ("第一篇标题\n\n正文开始，教育要发挥先导性、基础性支撑(下转第9页)\n\n第二篇标题\n\n第二篇正文。\n\n"
            "(上接第4页)作用。要实施好基础学科突破计划。\n\n(均摘自《人民日报》)\n\n[责任编辑:朱振陆]\n")
    a, b = articles(text)
    assert a.body == "正文开始，教育要发挥先导性、基础性支撑\n\n作用。要实施好基础学科突破计划。\n"
    assert (a.continued, a.source, a.editor) == ("9页", "人民日报", "朱振陆")
    assert b.body == "第二篇正文。\n" and (b.source, b.editor) == ("人民日报", "朱振陆")


def test_one_paragraph_per_line_without_blank_lines_keeps_its_paragraphs():
    text = ("乌鲁木齐迎来降雪\n\n本报记者 张三\n\n2月29日，乌鲁木齐市迎来一场降雪，市民出行受到影响。\n"
            "环卫工人连夜清雪，保障道路畅通。\n据气象部门预测，未来三天仍有降雪，请市民注意安全。\n"
            "交警部门提醒，雪天路滑，请减速慢行。\n全市中小学正常上课。\n")
    [a] = articles(text)
    assert a.body.count("\n\n") == 4 and a.body.startswith("2月29日，乌鲁木齐市迎来一场降雪，市民出行受到影响。\n\n环卫")


def test_editorials_are_commentary_and_notices_are_told_apart_from_news():
    text = ("社论：奋力谱写新篇章\n\n本报评论员文章全文如下，内容很长很长。\n\n[责任编辑:甲]\n\n"
            "关于开展防汛检查的通知\n\n各县市：现将有关事项通知如下。\n")
    a, b = articles(text)
    assert (a.kind, b.kind) == ("commentary", "notice")


def test_a_column_introduction_stands_alone_and_its_pieces_follow():
    text = ("榜样的力量\n\n本栏目通过视频展示各地榜样。\n\n“守艺人”\n\n新疆察布查尔锡伯自治县爱新舍里镇的传承人。\n\n"
            "(新疆察布查尔县委组织部 王文娟供稿)\n\n鼠防先锋\n\n新疆精河县疾控中心的故事。\n")
    intro, first, second = articles(text)
    assert (intro.title, first.title, second.title) == ("榜样的力量", "“守艺人”", "鼠防先锋")
    assert first.body.endswith("（新疆察布查尔县委组织部王文娟供稿）\n")


def test_the_table_of_contents_is_not_an_article_but_gives_page_column_and_author():
    text = ("目录 MULU\n\n天山先锋\n\n- 47 奏响乡村振兴新乐章 蒲巧英\n\n49 退休不褪色 警魂永传承 罗成成\n\n"
            "在新疆巴尔鲁克山脚下，有一个美丽的小山村。\n\n奏响\n乡村振兴新\n乐章蒲\n巧\n英\n\n村党支部积极作为。\n\n"
            "(作者单位:新疆裕民县委组织部)\n\n[责任编辑:陆海涛]\n")
    [a] = articles(text)
    assert (a.title, a.authors, a.page, a.column) == ("奏响乡村振兴新乐章", ("蒲巧英",), 47, "天山先锋")
    assert a.body.startswith("在新疆巴尔鲁克山脚下") and a.editor == "陆海涛"


MAGAZINE_END = "\n\n(作者单位:新疆某县委)\n\n[责任编辑:朱振陆]\n\n"


def test_a_photo_printed_between_two_articles_stands_alone_as_a_photo_item():
    text = ("◆新疆伽师县综合施策激活县域科技创新引擎\n\n健全机制，建立伽师县科技创新项目库，"
            + "动态管理全县科技创新项目，" * 25 + "助力县域科技创新高速发展。(李铮真)\n\n"
            "新疆乌苏市畜牧兽医专技人才开展畜群春季疫病防治工作。\n\n□李孝俊/摄\n\n"
            "◆新疆皮山县“点线面”联动拓展党员教育成效\n\n“点”上精准发力，配备学习设备。(李忠峰)\n")
    first, photo, second = articles(text)
    assert first.body.endswith("高速发展。（李铮真）\n") and first.kind != "photo"
    assert photo.title == "新疆乌苏市畜牧兽医专技人才开展畜群春季疫病防治工作"
    assert (photo.kind, photo.photographers, photo.title_inferred) == ("photo", ("李孝俊",), True)
    assert photo.body == "新疆乌苏市畜牧兽医专技人才开展畜群春季疫病防治工作。\n"
    assert second.title == "新疆皮山县“点线面”联动拓展党员教育成效"


def test_a_photo_inside_an_articles_running_text_stays_in_it():
    text = ("写好区域协调发展大文章\n\n新疆博州立足资源禀赋，全面推进一体化。\n\n构建跨区合作新机制\n\n坚持统筹优化全州重大生产力布局，引导资源要素向优势产\n\n"
            "满载货物的中欧班列从精河国际陆港驶出。 □张健霆/摄\n\n业集中，推动联动发展。" + MAGAZINE_END)
    [a] = articles(text)
    assert "向优势产业集中" in a.body and "中欧班列" in a.body and a.photographers == ("张健霆",)


def test_photos_in_a_row_under_a_column_banner_are_items_of_that_column():
    text = ("第一篇文章\n\n正文说完了。" + MAGAZINE_END + "「一线传真」\n\n新疆莎车县打造农业示范基地。\n\n□约提克尔·尼加提/摄\n\n"
            "新疆阿瓦提县的现代化生产车间里，工人在赶制订单。\n\n□包良廷/摄\n\n做活全疆“棋眼” 推动南疆发展\n\n全疆一盘棋，南疆是“棋眼”。"
            + MAGAZINE_END + "第三篇文章\n\n正文。" + MAGAZINE_END)
    _, one, two, feature, last = articles(text)
    assert [one.kind, two.kind] == ["photo", "photo"] and [one.column, two.column] == ["一线传真", "一线传真"]
    assert one.photographers == ("约提克尔·尼加提",) and two.body.startswith("新疆阿瓦提县")
    assert (feature.title, feature.column) == ("做活全疆“棋眼” 推动南疆发展", "一线传真")
    assert last.column == "一线传真"  # no table of contents: the magazine's last column header goes on


def test_a_caption_set_into_a_column_mid_sentence_does_not_split_the_article():
    text = ("苏新携手润民生 万里同心织锦绣\n\n周泽鑫\n\n建立“线上监测+实地核查”动态跟踪机制，" + "严控项目，" * 20 + "通过“月\n\n"
            "江苏省无锡(江阴)援疆工作组与霍城县共同实施城市基础服务设施\n\n调季评”严控资金流向与效能。\n\n务设施购置项目。\n\n□热合曼·哈木赛/摄"
            + MAGAZINE_END)
    [a] = articles(text)
    assert "通过“月调季评”严控资金流向与效能。" in a.body
    assert "\n\n江苏省无锡（江阴）援疆工作组与霍城县共同实施城市基础服务设施务设施购置项目。\n" in a.body  # one caption again
    assert a.photographers == ("热合曼·哈木赛",)


def test_back_matter_after_the_last_edited_article_of_a_magazine_is_kept_as_an_item_of_kind_other():
    text = "".join(f"第{n}篇文章\n\n正文{n}说完了。" + MAGAZINE_END for n in "一二三")
    text += "党建读物出版社读者服务部电话:\n010-68232364\n\n大美新疆·奥依塔克冰川公园景区\n\n景区集雪山、冰川、瀑布为一体。\n\n毛吾拉江·艾山江 摄\n"
    got = articles(text)
    assert [a.title for a in got] == ["第一篇文章", "第二篇文章", "第三篇文章", "大美新疆·奥依塔克冰川公园景区"]
    assert [a.kind for a in got][-1] == "other" and got[-1].body == "景区集雪山、冰川、瀑布为一体。\n"
    newspaper = "第一篇文章\n\n正文说完了。\n\n大美新疆·奥依塔克冰川公园景区\n\n景区集雪山、冰川、瀑布为一体。\n\n毛吾拉江·艾山江 摄\n"
    assert [a.kind == "photo" for a in articles(newspaper)] == [False, True]  # no editor lines: nothing is back matter


def test_every_article_of_a_magazine_gets_its_column_from_the_table_of_contents():
    text = ("目录\n\n工作交流\n\n28 “靶向”发力建强人才队伍 崔春雷\n\n援疆天地\n\n34 苏新携手润民生 周泽鑫\n\n一线传真\n\n36 做活全疆“棋眼”\n\n"
            "“靶向”发力建强人才队伍\n\n崔春雷\n\n近年来，若羌县大力实施人才强县战略。" + MAGAZINE_END
            + "◆新疆阜康市党建引领区域联动发展\n\n跨“村”联手，成立共富公司。(吕建超)\n\n[责任编辑:齐桂帆]\n\n"
            "新疆喀什华电266万千瓦热电联产项目。\n\n□热农丁·苏来曼/摄\n\n苏新携手润民生\n\n周泽鑫\n\n民生为本，枝叶关情。" + MAGAZINE_END
            + "「一线传真」\n\n新疆莎车县农业示范基地。\n\n□约提克尔·尼加提/摄\n\n做活全疆“棋眼”\n\n全疆一盘棋。" + MAGAZINE_END)
    got = [(a.title[:6], a.page, a.column) for a in articles(text)]
    assert got == [("“靶向”发力", 28, "工作交流"), ("新疆阜康市党", None, "工作交流"), ("新疆喀什华电", None, "工作交流"),
                   ("苏新携手润民", 34, "援疆天地"), ("新疆莎车县农", None, "一线传真"), ("做活全疆“棋", 36, "一线传真")]


def test_a_section_printed_after_its_articles_closing_lines_rejoins_it():
    text = ("第一篇文章\n\n正文说完了。" + MAGAZINE_END + "托起百姓“稳稳的幸福”\n\n杜建芸\n\n新疆和田地区坚持站稳群众立场。\n\n钱包“鼓”起来\n\n"
            "优化村级集体经济增长方式。" + MAGAZINE_END + "自治区财政厅驻村工作队帮助村里发展花卉产业。 □郭静/摄\n\n民心“暖”起来\n\n"
            "紧紧抓住各族人民群众最关心最现实最直接的利益问题，把惠民生、暖民心、顺民意的工作做到群众心坎上，创新模式\n\n“靶向”发力建强人才队伍\n\n崔春雷\n\n近年来，若羌县实施人才强县战略。" + MAGAZINE_END)
    first, second, photo, third = articles(text)
    assert second.body.endswith("## 民心“暖”起来\n\n紧紧抓住各族人民群众最关心最现实最直接的利益问题，"
                                "把惠民生、暖民心、顺民意的工作做到群众心坎上，创新模式\n\n（作者单位：新疆某县委）\n")
    assert (photo.kind, third.title) == ("photo", "“靶向”发力建强人才队伍")
    alone = "托起百姓的幸福\n\n杜建芸\n\n正文。" + MAGAZINE_END + "民心暖起来\n\n紧紧抓住利益问题，创新模式\n"
    assert [a.title for a in articles(alone)] == ["托起百姓的幸福", "民心暖起来"]  # one editor line: not a magazine's habit


def test_columns_printed_in_the_wrong_order_around_a_headline_make_one_article():
    text = ("第一篇文章\n\n正文说完了。" + MAGAZINE_END + "新疆库车市某合作社负责人阿不都热合曼·克比尔，荣获全国乡村振兴青年先锋称号。\n\n"
            "业合作社。凭着敏锐的市场嗅觉，他坚持走规模化之路。" + MAGAZINE_END.replace("某县委", "库车市委组织部")
            + "小核桃闯出大市场\n\n蔡伟奇\n\n返乡创业办工厂。他生在库车。\n\n千方百计拓销路。销路难是制\n\n"
            "牢记总书记嘱托 培育新时代新人\n\n李 森 崔斯琪\n\n新疆疏附县托克拉克镇中心小学牢记嘱托。" + MAGAZINE_END)
    first, walnut, last = articles(text)
    assert (walnut.title, walnut.authors, walnut.editor) == ("小核桃闯出大市场", ("蔡伟奇",), "朱振陆")
    assert walnut.body.startswith("新疆库车市某合作社负责人") and "\n\n返乡创业办工厂。" in walnut.body
    assert walnut.body.endswith("（作者单位：新疆库车市委组织部）\n") and last.authors == ("李森", "崔斯琪")


def test_a_title_inferred_from_a_caption_drops_its_leading_date():
    from generator.ingest.articles import infer_title
    assert infer_title("3月17日至18日,中共中央总书记在贵州考察。这是17日下午。") == "中共中央总书记在贵州考察"
    assert infer_title("新疆喀什华电266万千瓦热电联产项目。") == "新疆喀什华电266万千瓦热电联产项目"
    assert infer_title("中国南方航空股份有限公司持续建设“空中帮扶之路”，开通“新疆和田乡村振兴号”航班，"
                       "用心用情用力助力乡村振兴。") == "中国南方航空股份有限公司持续建设“空中帮扶之路”"


def test_a_long_last_article_without_an_editor_line_is_not_back_matter():
    text = "".join(f"第{n}篇文章\n\n正文{n}说完了。" + MAGAZINE_END for n in "一二三")
    text += "最后一篇文章\n\n" + "这是一篇很长的文章，没有责任编辑。" * 60 + "\n"
    assert [a.title for a in articles(text)][-1] == "最后一篇文章"


def test_without_a_table_of_contents_a_magazines_running_column_heads_the_articles_below():
    text = ("工作交流\n\n丝路明珠绽放新活力\n\n吴振琳\n\n正文一。" + MAGAZINE_END + "访企问需送服务\n\n韩伟彬\n\n正文二。" + MAGAZINE_END
            + "援疆天地\n\n苏新携手润民生\n\n周泽鑫\n\n正文三。" + MAGAZINE_END + "向沙而行\n\n张三\n\n正文四。" + MAGAZINE_END)
    assert [a.column for a in articles(text)] == ["工作交流", "工作交流", "援疆天地", "援疆天地"]
    newspaper = "民生连线\n\n丝路明珠绽放新活力\n\n□本报记者 吴振琳\n\n正文一。\n\n访企问需送服务\n\n□本报记者 韩伟彬\n\n正文二。\n"
    assert [a.column for a in articles(newspaper)] == ["民生连线", None]


def test_text_of_one_article_printed_inside_the_next_goes_back_where_a_word_was_split():
    text = ("自治区党委党的建设工作领导小组会议召开\n\n自治区党委党的建设工作领导小组3月13日召开会议，部署推进学习教育。\n\n"
            "要动真碰硬集中整治，对标党中央明确的集中整治问题，结合新疆实\n\n新疆召开干部大会\n\n"
            "切实把思想和行动统一到全国两会精神 特别是习近平总书记重要讲话精神上\n\n"
            "3月14日上午，自治区召开干部大会，自治区党委书记马兴瑞主持会议并讲话，强调要在新起点上奋力谱写新疆篇章。\n\n"
            "马兴瑞指出，会议取得一系列丰硕成果，对于进一步动员全党全军全国各族人民，为以\n\n"
            "际，从严从实推进集中整治、靶向整治，推动作风建设常态化长效化。\n\n马兴瑞强调，要力戒形式主义。\n\n"
            "3月14日，自治区召开干部大会。 □崔志坚/摄\n\n中国式现代化全面推进强国建设、民族复兴伟业而团结奋斗。\n\n会议强调，要扎实推进。\n")
    first, second = articles(text)
    assert first.body.endswith("结合新疆实际，从严从实推进集中整治、靶向整治，推动作风建设常态化长效化。\n\n马兴瑞强调，要力戒形式主义。\n")
    assert "为以中国式现代化全面推进强国建设" in second.body and second.photographers == ("崔志坚",)
    assert "马兴瑞强调，要力戒形式主义" not in second.body and second.body.endswith("会议强调，要扎实推进。\n")


def test_a_word_split_by_a_line_break_is_found_in_the_dictionary():
    from generator.text.words import splits_word
    assert splits_word("结合新疆实", "际，从严") and splits_word("销路难是制", "约合作社发展")
    assert not splits_word("为以", "际，从严") and not splits_word("为以", "中国式现代化") and not splits_word("abc", "def")


def test_a_line_ending_in_half_a_transliterated_name_is_not_a_headline():
    text = ("新疆召开干部大会\n\n3月14日上午，自治区召开干部大会。\n\n艾尔肯·吐尼亚孜、祖木热提·吾布力、努尔兰·阿\n\n"
            "不都满金出席会议并分别传达有关精神。\n")
    [a] = articles(text)
    assert "努尔兰·阿不都满金出席会议" in a.body and "##" not in a.body
