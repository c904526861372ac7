"""Cleaning rules, one test per rule, on the kind of text PDF extraction produces."""
from generator.ingest.clean import (clean_body, clean_heading, collapse_doubled, ends_sentence,
                                    join_lines, to_fullwidth, unspace_runs)
from generator.ingest.furniture import furniture_lines, read_toc
from generator.ingest.read import decode, is_binary


def test_wrapped_chinese_lines_join_without_space_and_latin_with_one():
    assert join_lines(["巴音郭楞蒙古自治", "州政协办公室"]) == "巴音郭楞蒙古自治州政协办公室"
    assert join_lines(["the Silk", "Road"]) == "the Silk Road"


def test_spaces_between_chinese_characters_are_removed_in_body_text():
    assert clean_body("的切入点和着力 点 。 围 绕 提 升 产 业") == "的切入点和着力点。围绕提升产业"
    assert clean_body("本报库尔勒 8 月 10 日讯（记者 陈彦强） 10 日，") == "本报库尔勒8月10日讯（记者陈彦强）10日，"


def test_latin_words_and_the_name_dot_keep_their_form():
    assert clean_body("比赛分男子U12、U14 and Open组") == "比赛分男子U12、U14 and Open组"
    assert clean_body("会长阿不都西库尔·米吉提出席") == "会长阿不都西库尔·米吉提出席"


def test_headlines_keep_the_space_between_phrases_but_lose_letter_spacing():
    assert clean_heading("抓住机遇扬长补短 开创高质量发展新局面") == "抓住机遇扬长补短 开创高质量发展新局面"
    assert unspace_runs("社 区 食 堂 开 张") == "社区食堂开张"
    assert clean_heading("以改革创新精神  推进新疆水利高质量发展") == "以改革创新精神 推进新疆水利高质量发展"


def test_doubled_headline_text_collapses():
    assert collapse_doubled("十四运促巴州十四运促巴州") == "十四运促巴州"
    assert collapse_doubled("巴州巴州好") == "巴州巴州好"
    assert clean_heading("旅游持续升温旅游持续升温") == "旅游持续升温"
    # each character twice, the first half repeated, both, and what only looks like it at its start
    assert collapse_doubled("凌凌格格：：做做") == "凌格：做" and collapse_doubled("引引领领 发发展展") == "引领 发展"
    assert collapse_doubled("巴州巴州") == "巴州" and collapse_doubled("巴巴州州巴巴州州好好") == "巴州巴州好"
    assert collapse_doubled("巴巴州") == "巴巴州" and collapse_doubled("巴州好巴") == "巴州好巴"
    assert collapse_doubled("") == "" and collapse_doubled("好好") == "好好"


def test_half_width_punctuation_becomes_full_width_in_chinese_only():
    assert to_fullwidth("5日,会议(扩大)召开:要求;是否?") == "5日，会议（扩大）召开：要求；是否？"
    assert to_fullwidth("共1,000人，10:30开始") == "共1,000人，10:30开始"
    assert to_fullwidth("Hello, world (test)") == "Hello, world (test)"
    assert to_fullwidth("E-mail: aletaibao@126.com 邮箱") == "E-mail: aletaibao@126.com 邮箱"


def test_sentence_ends():
    assert ends_sentence("示范单位”。") and ends_sentence("（通讯员程勇）") and ends_sentence("好吗？")
    assert not ends_sentence("依据") and not ends_sentence("天山南北奏响高质量发展“变奏曲”")
    assert ends_sentence("好。” ") and ends_sentence("  ") and not ends_sentence("”") and not ends_sentence("好”’")


def test_page_furniture_is_dropped():
    lines = ["我的巴州客户端", "E-mail: a@b.com", "扫描下方二维码客户端", "获取更多新闻资讯", "新闻热线：",
             "0906-2315631", "ISSN 2096-7462", "9 772096 746254", "社 长 田进宝", "定 价 6.00元",
             "癸卯年四月十二", "星期二", "总第10246期", "今日4版", "正文第一段。"]
    assert furniture_lines(lines) == set(range(14))


def test_source_lines_mentioning_an_app_are_not_furniture():
    assert furniture_lines(["(摘自中国航天科普微信公众号)"]) == set()


def test_table_of_contents_gives_pages_and_columns_not_articles():
    lines = ["目录 MULU", "", "工作交流", "", "22 丝路明珠绽放新活力 吴振琳", "", "援疆天地",
             "34 苏新携手润民生 万里同心织锦绣 周泽鑫", "", "正文开始，这里是很长的一段正文。"]
    toc = read_toc(lines)
    assert toc.lines == frozenset(range(0, 8))
    entry = toc.find("苏新携手润民生 万里同心织锦绣")
    assert (entry.page, entry.column) == (34, "援疆天地")
    assert toc.find("丝路明珠绽放新活力").column == "工作交流"


def test_decoding_gb18030_utf8_bom_and_refusing_binary():
    text = "巴音郭楞日报\n"
    assert decode(text.encode("gb18030")) == (text, "gb18030")
    assert decode(b"\xef\xbb\xbf" + text.encode()) == (text, "utf-8-sig")
    assert decode(b"\x89PNG\r\n\x1a\n\x00\x00") is None
    assert is_binary("abc\x01\x02\x03\x04def")


def test_the_cover_caption_and_phone_labels_are_furniture():
    lines = ["2025·3", "", "本期封面", "", "新疆阿克陶县塔尔塔吉克民族乡杏花绽放", "", "党建读物出版社读者服务部电话:", "010-68232364",
             "", "正文第一段。"]
    assert furniture_lines(lines) == {0, 2, 4, 6, 7}


def test_table_of_contents_joins_continued_entries_and_lists_highlights_without_a_column():
    lines = ["目录", "", "要闻要论", "", "06 扎实开展学习教育", "推进作风建设常态化长效化", "", "深入学习贯彻习近平新时代中国特色社会主义思想", "",
             "14 统筹区域力量 推动协调发展", "", "新疆维吾尔自治区党委组织部课题组", "", "本期看点", "", "统筹区域协调发展", "",
             "16 推动交通运输行业稳步向好", "", "(以上看点详见相关栏目)", "", "《党员之友》杂志社", "", "随笔感悟", "",
             "- 63 人才之舞 四季踟蹰 周涛"]
    toc = read_toc(lines)
    assert [(e.page, e.column) for e in toc.entries] == [
        (6, "要闻要论"), (14, "深入学习贯彻习近平新时代中国特色社会主义思想"), (16, None), (63, "随笔感悟")]
    assert toc.entries[0].text == "扎实开展学习教育 推进作风建设常态化长效化"
    assert toc.find("人才之舞 四季踟跚").page == 63  # one character read differently
    assert toc.find("人才之舞 四季") .page == 63 and toc.find("人才之歌 四季踟跚") is None


def test_table_of_contents_with_dot_leaders_and_the_page_last():
    lines = ["目 录", "", "工作交流", "丝路明珠绽放新活力 吴振琳……………22", "访企问需送服务……24", "", "援疆天地", "",
             "苏新携手润民生 万里同心织锦绣.......34", "", "正文开始，这里是很长的一段正文。"]
    toc = read_toc(lines)
    assert [(e.page, e.column, e.text) for e in toc.entries] == [
        (22, "工作交流", "丝路明珠绽放新活力 吴振琳"), (24, "工作交流", "访企问需送服务"), (34, "援疆天地", "苏新携手润民生 万里同心织锦绣")]


def test_a_letter_spaced_headline_joins_digits_and_brackets_and_keeps_its_wider_phrase_break():
    from generator.ingest.clean import unspace_runs
    spaced = "自 治 州 直 属 机 关 2 0 2 5 年 度 党 组 （ 党 委 ） 书 记  以 高 质 量 机 关 党 建 促 进 发 展"
    assert unspace_runs(spaced) == "自治州直属机关2025年度党组（党委）书记 以高质量机关党建促进发展"
    assert unspace_runs("抓住机遇扬长补短 开创高质量发展新局面") == "抓住机遇扬长补短 开创高质量发展新局面"


def test_table_of_contents_without_blank_lines_keeps_a_short_column_name_off_the_entry_above():
    lines = ["目录", "卷首语", "1 丝路明珠绽放新活力 吴振琳", "要闻要论", "04 扎实开展学习教育", "推进作风建设常态化长效化",
             "06 新疆召开干部大会", "工作交流", "22 访企问需送服务 韩伟彬", "正文开始，这里是很长的一段正文。"]
    toc = read_toc(lines)
    assert [(e.page, e.column, e.text) for e in toc.entries] == [
        (1, "卷首语", "丝路明珠绽放新活力 吴振琳"), (4, "要闻要论", "扎实开展学习教育 推进作风建设常态化长效化"),
        (6, "要闻要论", "新疆召开干部大会"), (22, "工作交流", "访企问需送服务 韩伟彬")]
