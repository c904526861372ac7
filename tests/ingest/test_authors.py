"""Authors (and a source) from every credit form the Chinese press prints, and names whose separating space was lost."""
import pytest

from generator.ingest import metadata as md
from generator.ingest import parse_issue


def articles(text: str, **kw):
    return parse_issue(text, **kw)[1]


@pytest.mark.parametrize("lead,authors", [
    ("本报讯 通讯员李东泽报道:近日，培训班开班。", ("李东泽",)),
    ("本报讯 记者 张三 通讯员 李四报道：近日，会议召开。", ("张三", "李四")),
    ("本报昌吉6月13日讯 通讯员 刘颖红 报道：近日，活动举行。", ("刘颖红",)),
    ("本报讯（记者胡俊秀王宽）5月29日，会议召开。", ("胡俊秀", "王宽")),
    ("本报讯（记者 胡俊秀 王宽）5月29日，会议召开。", ("胡俊秀", "王宽")),
])
def test_dateline_bylines_name_their_reporters(lead, authors):
    assert md.parse_dateline(lead).authors == authors


def test_a_dateline_without_a_byline_names_no_one():
    assert md.parse_dateline("本报讯 近日，记者从州民政局了解到，工作报道：顺利").authors == ()


@pytest.mark.parametrize("token,names", [
    ("杨菊萍刘颖红", ("杨菊萍", "刘颖红")),  # 3 + 3, both halves start with a surname
    ("胡俊秀王宽", ("胡俊秀", "王宽")),  # only 3 + 2 works: 秀 starts no surname
    ("张学良杨羊", ("张学良", "杨羊")),
    ("麦尔丹亚森", ("麦尔丹亚森",)),  # no cut gives two surname-led names
    ("陈李秀英", ("陈李秀英",)),  # a four-character name stays whole
    ("王宽", ("王宽",)),
    ("麦尔丹·亚森", ("麦尔丹·亚森",)),
])
def test_fused_names_split_only_on_surname_evidence(token, names):
    assert md.split_fused(token) == names


def test_fused_reporters_in_a_real_import_are_two_authors():
    [a] = articles("阿勒泰地委召开会议\n\n本报讯（记者胡俊秀王宽）5月29日，阿勒泰地委召开会议。\n")
    assert a.authors == ("胡俊秀", "王宽")


def test_reported_by_dateline_gives_the_author_in_a_real_import():
    [a] = articles("昌吉州水资源管理中心开展节水宣传\n\n本报讯 通讯员刘颖红报道:近日，昌吉州水资源管理中心开展活动。\n\n"
                   "活动吸引了居民参与。\n")
    assert a.authors == ("刘颖红",)
    assert a.body.startswith("本报讯")  # the byline stays in the lead as printed


@pytest.mark.parametrize("line,authors", [
    ("文/图 李明", ("李明",)),
    ("文/图：李明", ("李明",)),
    ("文/李明 图/王强", ("李明",)),  # the picture's credit is not an author
    ("□文 张三 李四", ("张三", "李四")),
    ("作者：麦尔丹·亚森", ("麦尔丹·亚森",)),
    ("本报记者 袁海军", ("袁海军",)),
])
def test_written_by_lines_are_bylines(line, authors):
    assert md.parse_byline(line).authors == authors


@pytest.mark.parametrize("line", ["文章指出", "文化是灵魂", "作者认为这很好"])
def test_sentences_starting_like_a_credit_are_not_bylines(line):
    assert md.parse_byline(line) is None


@pytest.mark.parametrize("closer,authors", [
    ("（新疆精河县委组织部 姜廷廷供稿）", ("姜廷廷",)),
    ("（新疆察布查尔锡伯自治县委组织部王文娟供稿）", ("王文娟",)),  # the space lost in a joined paragraph
    ("（自治区交通运输厅基层党建处供稿）", ()),  # an office, no person
    ("（新疆博尔塔拉蒙古自治州党委组织部供稿）", ()),
])
def test_supplied_by_closers_name_the_person(closer, authors):
    assert md.trailing_authors("他以实际行动展现出共产党员的担当。" + closer) == authors


def test_a_supplied_profile_gets_its_author_in_a_real_import():
    text = ("鼠防先锋\n\n新疆精河县疾控中心优秀共产党员陈志刚，三十八年如一日坚守在荒山野岭。\n\n"
            "（新疆精河县委组织部 姜廷廷供稿）\n")
    [a] = articles(text)
    assert a.authors == ("姜廷廷",)


def test_a_source_line_run_into_the_last_paragraph_is_the_source():
    text = ("新疆皮山县联动拓展党员教育成效\n\n党建联建，与毗邻地区共同签订合作框架协议，"
            "为打造区域人才交流高地开创新局面。（摘自《鄂尔多斯日报》）\n")
    [a] = articles(text)
    assert a.source == "鄂尔多斯日报"


@pytest.mark.parametrize("paragraph", ["他说，这是（摘自《某报》）的说法", "（摘自《某报》）开头的一段话。"])
def test_a_source_mid_paragraph_is_not_the_source(paragraph):
    assert md.trailing_source(paragraph) is None


BODY = "会议要求，各部门要抓好落实，确保各项任务按期完成。"


def test_a_reporters_credit_closing_the_article_names_only_the_reporter():
    [a] = articles("标题一则新闻\n\n" + BODY + "\n\n（本报记者 张三）\n")
    assert a.authors == ("张三",)  # not 本报记者 as a name


def test_an_unboxed_outlet_byline_under_the_headline_is_a_byline():
    [a] = articles("标题一则新闻\n\n新华社记者 张三\n\n" + BODY + "\n")
    assert (a.title, a.authors, a.source) == ("标题一则新闻", ("张三",), "新华社")


@pytest.mark.parametrize("line", ["记者从巴州了解到", "记者走访发现问题", "学校记者团 张三"])
def test_a_wrapped_sentence_starting_with_a_role_is_not_a_byline(line):
    assert md.parse_byline(line) is None


@pytest.mark.parametrize("lead,authors", [
    ("记者刘颖红报道：今年以来，昌吉市持续推进乡村振兴。", ("刘颖红",)),
    ("本报记者 刘颖红 报道：今年以来，昌吉市持续推进乡村振兴。", ("刘颖红",)),
    ("全媒体记者 刘颖红 通讯员 李东泽 报道：今年以来，昌吉市持续推进乡村振兴。", ("刘颖红", "李东泽")),
])
def test_a_lead_that_names_its_reporters_without_a_dateline_gives_the_authors(lead, authors):
    [a] = articles(f"乡村振兴结硕果\n\n{lead}\n\n全市新建温室大棚二百座。\n")
    assert a.authors == authors


def test_a_lead_that_reports_on_reporting_names_no_one():
    [a] = articles("乡村振兴结硕果\n\n记者从州农业农村局了解到，今年以来全州持续推进乡村振兴。\n\n全州新建温室大棚二百座。\n")
    assert a.authors == ()


@pytest.mark.parametrize("line,authors", [
    ("文·刘颖红", ("刘颖红",)),
    ("本报记者 刘颖红 文/图", ("刘颖红",)),
    ("记者 李文 王小明", ("李文", "王小明")),  # a name ending in 文 is a name
])
def test_writer_credits_name_the_writer_only(line, authors):
    assert md.parse_byline(line).authors == authors


def test_a_correspondent_abroad_is_a_byline():
    assert md.parse_byline("本报驻内罗毕记者　王　迪").authors == ("王迪",)


def test_letter_spaced_writer_and_photographer_credit_names_the_writer():
    assert md.parse_byline("文/叶　青　图/吴　健").authors == ("叶青",)


@pytest.mark.parametrize("caption,photographers", [
    ("工人在检测产品质量。（本报记者　朱磊摄）", ("朱磊",)),
    ("当地大力发展农产品精深加工，带动周边群众就近就业。（\n王　刚摄）", ("王刚",)),
    ("群众在公园跑步健身。（新华社记者 李四 摄）", ("李四",)),
])
def test_a_bracketed_credit_closing_a_caption_names_the_photographer(caption, photographers):
    text, names = md.split_trailing_credit(caption)
    assert names == photographers and text.endswith("。")
    assert md.trailing_authors(caption) == ()  # the photographer is no reporter of the story


def test_a_bracketed_credit_on_its_own_line_is_a_credit():
    assert md.parse_credit("（本报记者　徐　阳摄）") == ("徐阳",)


def test_a_photo_with_a_bracketed_credit_between_stories_stands_alone():
    text = ("让便民生活圈更有温度\n\n本报记者　张三\n\n把居民的需求摆在首位，多听听居民想要什么、缺什么，便民生活圈才能建得起、"
            "留得住、用得好。\n\n11月10日，参加“全民健身日”活动的群众在北京奥林匹克森林公园跑步健身。\n（本报记者　徐　阳摄）\n\n"
            "冬小麦播种基本结束\n\n本报北京11月10日电　（记者李四）农业农村部日前发布消息，全国冬小麦播种基本结束。\n")
    story, photo, news = articles(text)
    assert story.body.rstrip().endswith("用得好。") and story.authors == ("张三",)
    assert photo.kind == "photo" and photo.photographers == ("徐阳",) and "跑步健身" in photo.body
    assert news.title == "冬小麦播种基本结束"


def test_an_email_line_of_the_papers_desk_is_no_dateline():
    assert md.parse_dateline("本报社会部电子邮箱：jiafeng@hx.cn") is None
    assert md.parse_dateline("本报北京11月10日电（记者张三）").authors == ("张三",)
