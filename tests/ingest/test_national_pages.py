"""Segmentation and furniture rules read off a national daily's pages (photo pages with headlines
under their captions, features with ■ crossheads and ● data boxes, notices with a number line and a
signing date), each on a short page written for the test: what a reader sees."""
from __future__ import annotations

from generator.ingest import parse_issue


def _read(text: str):
    return parse_issue(text, "测试日报")[1]


def _squeezed(text: str) -> str:
    return "".join(text.split())


# A photo page: its section name and banner at the top, each picture's caption and credit, then its
# headline (one with a comma, two without), and the page's editor line at the foot.
PHOTO_PAGE = """\
8
图片
2024年3月12日　星期二

春到田间

3月10日，河南省周口市的麦田里，农
机手驾驶植保无人机喷洒药剂。当地抢抓
农时，推进小麦春季田间管理。

本报记者　王　东摄

植保飞防，护麦保丰

3月9日，浙江省安吉县茶农在茶园里
采摘明前茶。

新华社记者　陈　明摄

明前茶开采

3月8日，云南省大理市洱海边，游客
在花海中拍照留念。

李华摄

花海迎游客

本版责编：赵　云
"""


def test_on_a_photo_page_each_headline_printed_under_its_credit_titles_the_photo_above_it():
    articles = _read(PHOTO_PAGE)
    photos = [a for a in articles if a.kind == "photo"]
    assert [a.title for a in photos] == ["植保飞防，护麦保丰", "明前茶开采", "花海迎游客"]
    assert [_squeezed(a.body)[:6] for a in photos] == ["3月10日，", "3月9日，浙", "3月8日，云"]
    assert _squeezed(photos[0].body).endswith("推进小麦春季田间管理。")
    assert _squeezed(photos[2].body).endswith("在花海中拍照留念。")


# A feature under a headline and its deck, no byline, its crossheads marked ■; then a data box of
# ● lines under its label; then the next story, with its byline.
FEATURE_PAGE = """\
山乡巨变看安吉

——浙江安吉践行绿色发展理念纪实

安吉县地处浙江西北部，竹林遍布，
溪流纵横。二十年来，当地坚持走生态
优先、绿色发展之路，经济总量和居民
收入持续增长。

■竹林里的新产业

在安吉县的竹产业园，一根毛竹被
加工成竹地板、竹纤维等上百种产品。
园区负责人介绍，全县竹产业年产值已
超过百亿元。

■乡村旅游火起来

民宿、露营、骑行，乡村旅游成为
安吉的新名片。去年全县接待游客超过
三千万人次。

■护好一方山水

当地持续开展河湖治理，全县地表
水水质常年保持优良，绿水青山成了群
众增收的“金饭碗”。

数说安吉

●森林覆盖率超过七成

●竹产业年产值超百亿元

●年接待游客超三千万人次

茶农的新生活

本报记者　王　芳

清晨，安吉县溪龙乡的茶园里，茶农
李大姐已经忙碌起来。她说，如今茶叶
卖得好，家里盖起了新房。
"""


def test_marked_crossheads_stay_in_their_feature_and_a_box_of_bullets_stands_alone():
    articles = _read(FEATURE_PAGE)
    assert [a.title for a in articles] == ["山乡巨变看安吉", "数说安吉", "茶农的新生活"]
    feature, box, story = articles
    assert _squeezed(feature.body).startswith("安吉县地处浙江西北部")
    assert _squeezed(feature.body).endswith("群众增收的“金饭碗”。")
    assert feature.body.count("## ") == 3  # its three crossheads, mark and all
    assert "●森林覆盖率超过七成" in _squeezed(box.body) and _squeezed(box.body).endswith("●年接待游客超三千万人次")
    assert story.authors == ("王芳",) and _squeezed(story.body).startswith("清晨，安吉县")


# A notice: its title, its number line, its text, the office signing it and the signing date; then
# the page's editor line.
NOTICE_PAGE = """\
某某市教育局关于做好今冬中小学校安全工作的通知

（2024年第36号）

各区县教育局、各中小学校：
为切实做好今冬校园安全工作，现将
有关事项通知如下。请各单位高度重视，
认真抓好落实。

特此通知。

某某市教育局

2024年11月20日

本版责编：王　平
"""


def test_a_notices_number_line_is_its_deck_and_its_signature_and_date_close_its_text():
    articles = _read(NOTICE_PAGE)
    assert [a.title for a in articles] == ["某某市教育局关于做好今冬中小学校安全工作的通知"]
    notice = articles[0]
    assert "2024年第36号" in notice.subtitle
    body = _squeezed(notice.body)
    assert body.startswith("各区县教育局、各中小学校：")
    assert body.endswith("特此通知。某某市教育局2024年11月20日")
    assert "#" not in notice.body  # the signature is text, not a crosshead


# A call for entries whose sentence runs through a line holding an e-mail address.
CALL_PAGE = """\
“我的老师”征文启事

本报即日起开展“我的老师”征文活动，
欢迎广大读者踊跃投稿。

投稿方式：来稿请发送
至电子邮箱：laoshi@example
.com.cn，并注明“征文”字样。

本报教育部
"""


def test_an_email_address_inside_a_sentence_is_text_not_furniture():
    articles = _read(CALL_PAGE)
    assert [a.title for a in articles] == ["“我的老师”征文启事"]
    body = _squeezed(articles[0].body)
    assert "至电子邮箱：laoshi@example" in body and body.endswith("本报教育部")


def test_a_lone_date_is_a_signing_date_under_a_signature_and_furniture_in_a_page_header():
    from generator.ingest.furniture import furniture_kinds
    assert furniture_kinds(["特此公告。", "", "某某市人民政府", "", "2024年11月8日"]) == {}
    assert furniture_kinds(["4", "综合", "2024年11月12日", "", "标题在这里"]) == {0: "digits", 1: "folio", 2: "date"}
    assert furniture_kinds(["综合", "2024年11月12日　星期二", "", "标题在这里"]) == {1: "date"}


def test_without_blank_lines_the_lines_under_a_notices_number_open_its_text():
    text = "\n".join(line for line in NOTICE_PAGE.split("\n") if line.strip()) + "\n"
    articles = _read(text)
    assert [a.title for a in articles] == ["某某市教育局关于做好今冬中小学校安全工作的通知"]
    body = _squeezed(articles[0].body)
    assert body.startswith("各区县教育局、各中小学校：为切实做好今冬校园安全工作，现将有关事项通知如下。")
    assert body.endswith("某某市教育局2024年11月20日") and "#" not in articles[0].body


# A page opening with a jumped story's rest, then a story and a letter signed at the page's foot.
JUMPED_PAGE = """\
（上接第一版）

各地还将加大对县域产业的支持力度，
推动更多项目落地见效。

社区食堂开进老小区

本报记者　李　明

近日，某某市首批社区食堂在老旧小区
开门迎客，老人们在家门口吃上了热乎饭。

感谢信

我们社区的志愿者常年义务为老人理发，
在此向他们表示衷心感谢。

幸福里社区全体居民

本版责编：张　三
"""


def test_a_signature_over_the_editor_line_does_not_make_a_jumped_page_print_headlines_after_bodies():
    articles = _read(JUMPED_PAGE)
    story = next(a for a in articles if a.title == "社区食堂开进老小区")
    assert story.authors == ("李明",) and "近日，某某市首批社区食堂" in _squeezed(story.body)
    assert "幸福里社区全体居民" not in [a.title for a in articles]
    assert _squeezed(articles[-1].body).endswith("表示衷心感谢。幸福里社区全体居民")
    assert "## 幸福里" not in articles[-1].body


# Pages 10–22: a picture agency named in a credit; a briefs box signed （王　蕾）.
AGENCY_CREDITS = """\
全国春耕生产有序推进

本报北京3月17日电　（记者李　明）记者从农业农村部获悉，当前
全国春耕生产由南向北有序推进，春播粮食已完成一成以上。

春茶开采

3月16日，浙江省丽水市松阳县的茶农在茶园里采摘春茶。

李　健摄（影像华夏）

金字塔迎客

3月15日，游客在埃及开罗吉萨金字塔景区参观。

新华社发（艾哈迈德·纳比勒摄）

草原牧歌

6月5日，牧民在内蒙古锡林郭勒草原放牧。

新华社记者　贝　赫摄
"""


def test_a_credit_naming_its_picture_agency_closes_its_photo():
    articles = _read(AGENCY_CREDITS)
    assert [a.title for a in articles] == ["全国春耕生产有序推进", "春茶开采", "金字塔迎客", "草原牧歌"]
    assert [a.photographers for a in articles[1:]] == [("李健",), ("艾哈迈德·纳比勒",), ("贝赫",)]
    assert all("摄" not in a.body for a in articles[1:])


def test_an_agency_photo_printed_alone_has_the_agency_as_its_source():
    articles = _read(AGENCY_CREDITS)
    assert [a.source for a in articles[2:]] == ["新华社", "新华社"]
    assert articles[1].source is None  # (影像华夏 supplied the picture; 李健 took it)


BRIEFS_SIGNED_SPACED = """\
经济短波

全国碳市场扩围工作稳步推进

生态环境部近日表示，全国碳排放权交易市场将逐步纳入钢铁、水泥、铝冶炼等行业，相关配额分配方案正在征求意见。（王　蕾）

2月份全国快递业务量同比增长两成

国家邮政局数据显示，2月份全国快递业务量完成130.5亿件，同比增长21.8%。（王　蕾）
"""


def test_a_brief_closed_by_its_writers_spaced_name_ends_there():
    articles = _read(BRIEFS_SIGNED_SPACED)
    assert [a.title for a in articles][-2:] == ["全国碳市场扩围工作稳步推进", "2月份全国快递业务量同比增长两成"]
    assert [a.authors for a in articles][-2:] == [("王蕾",), ("王蕾",)]


FOOT_PHOTO = """\
新疆今年计划新增高效节水灌溉面积300万亩

新华社乌鲁木齐6月9日电　（记者宿　传）记者从新疆维吾尔自治区水利厅获悉，今年新疆计划新增高效节水灌溉面积300万亩。

截至目前，新疆高效节水灌溉面积已超过5800万亩，农业用水效率不断提高。

6月8日，湖南省长沙市湘江新区一座新建的城市书房正式投入使用，市民在书房内阅读。目前，长沙已建成城市书房120余座。本报记者
　申智林摄

本版责编：孟　扬　戴林峰
"""


def test_a_captioned_photo_at_a_pages_foot_after_a_finished_story_stands_alone():
    articles = _read(FOOT_PHOTO)
    assert len(articles) == 2
    assert articles[0].body.rstrip().endswith("农业用水效率不断提高。")
    assert articles[1].body.strip().startswith("6月8日") and articles[1].body.rstrip().endswith("120余座。")
    assert articles[1].photographers == ("申智林",)


NOTICE_AFTER_STORY = """\
我国成功发射试验二十九号卫星

新华社酒泉6月9日电　（记者李国利）6月9日10时12分，我国在酒泉卫星发射中心成功将试验二十九号卫星发射升空。

中国人民银行公告

〔2025〕第8号

中国人民银行定于2025年6月16日发行2025吉祥文化金银纪念币一套。
"""


def test_a_headline_over_a_documents_number_opens_the_notice_not_a_crosshead():
    articles = _read(NOTICE_AFTER_STORY)
    assert [a.title for a in articles] == ["我国成功发射试验二十九号卫星", "中国人民银行公告"]
    assert articles[1].subtitle == "〔2025〕第8号"


FOLIO_OVER_DATE = """\
4　要闻
2025年6月10日　星期二

赵启明主持

十四届全国人大常委会第五十一次委员长会议在京举行

新华社北京6月9日电　十四届全国人大常委会第五十一次委员长会议9日上午在北京人民大会堂举行。

本版责编：杨　旭

要闻　5
2025年6月10日　星期二

我国成功发射试验二十九号卫星

新华社酒泉6月9日电　（记者李国利）6月9日10时12分，我国在酒泉卫星发射中心成功将试验二十九号卫星发射升空。
"""


def test_a_pages_number_and_name_over_its_date_is_its_folio_not_a_headline():
    articles = _read(FOLIO_OVER_DATE)
    assert [a.title for a in articles] == ["十四届全国人大常委会第五十一次委员长会议在京举行", "我国成功发射试验二十九号卫星"]
    assert all("要闻" not in (a.subtitle or "") + a.body for a in articles)


LABEL_OVER_SIGNED_BRIEF = """\
多地推出暑期托管服务

据新华社北京6月9日电　（记者王　鹏）暑期临近，北京、上海、广东等地陆续公布今年暑期托管服务安排，部分地区对困难家庭子女免收费用。

一线传真

江西景德镇：老瓷厂变身文创街区

景德镇市一处建于上世纪50年代的老瓷厂，经过保护性改造，如今入驻陶瓷工作室、书店和咖啡馆100余家。（记者王　浩）
"""


def test_a_label_over_the_next_signed_brief_is_its_column_not_the_story_above():
    articles = _read(LABEL_OVER_SIGNED_BRIEF)
    assert [a.title for a in articles] == ["多地推出暑期托管服务", "江西景德镇：老瓷厂变身文创街区"]
    assert "一线传真" not in articles[0].body
    assert articles[1].column == "一线传真"


SPEAKER_OVER_HEADLINE = """\
世界气象组织：
全球去年平均气温创有记录以来新高

新华社日内瓦3月16日电　（记者陈斌杰）世界气象组织16日发布报告说，全球去年平均气温创有记录以来新高。

环球掠影

3月15日，游客在埃及开罗吉萨金字塔景区参观。近期，埃及旅游业持续回暖。
新华社发（艾哈迈德·纳比勒摄）
"""


def test_a_line_naming_only_who_speaks_is_the_start_of_the_headline_under_it():
    articles = _read(SPEAKER_OVER_HEADLINE)
    assert articles[0].title == "世界气象组织：全球去年平均气温创有记录以来新高"
    assert articles[0].subtitle is None


def test_a_caption_run_into_its_agency_credit_gives_the_photo_its_source():
    articles = _read(SPEAKER_OVER_HEADLINE)
    assert articles[-1].title == "环球掠影" and articles[-1].source == "新华社"


def test_the_mastheads_roman_name_and_issue_number_are_furniture():
    from generator.ingest.furniture import furniture_kinds
    kinds = furniture_kinds(["华夏日报", "", "HUAXIA DAILY", "2025年3月18日　星期二", "", "第27740期　代号1-1", "",
                             "标题在这里"], "华夏日报")
    assert kinds == {0: "masthead", 2: "masthead", 3: "date", 5: "masthead"}


def test_a_note_crediting_the_pages_pictures_to_their_supplier_is_no_text_of_the_last_story():
    page = """\
三明林业碳票交易累计成交额突破3亿元

本报三明6月9日电　（记者王崇礼）记者从福建省三明市林业局获悉，碳票交易惠及林农4万多户。

（本版图片均由三明市林业局提供）

本版责编：黄　超
"""
    [article] = _read(page)
    assert article.body.rstrip().endswith("惠及林农4万多户。")


PHOTO_PAGE_HEADLINES_FIRST = """\
芒种时节农事忙

麦浪翻金收获忙

6月8日，在河南省周口市郸城县，联合收割机在麦田里收割小麦。

本报记者　毕思远摄

稻田插秧绘新景

6月7日，安徽省安庆市望江县的农民在田间插秧。

卢　亮摄（影像华夏）

草原牧歌

6月6日，牧民在内蒙古自治区锡林郭勒盟正蓝旗的草原上放牧。

新华社记者　贝　赫摄

本版责编：蔡华伟
"""


def test_a_line_over_the_first_photos_headline_on_a_page_of_one_line_headlines_is_the_pages_banner():
    articles = _read(PHOTO_PAGE_HEADLINES_FIRST)
    assert [a.title for a in articles] == ["麦浪翻金收获忙", "稻田插秧绘新景", "草原牧歌"]
    assert articles[0].column == "芒种时节农事忙" and articles[0].subtitle is None


def test_a_pages_name_over_its_date_and_number_is_its_folio_but_not_over_a_date_alone():
    from generator.ingest.furniture import furniture_kinds
    assert furniture_kinds(["体育", "2025年6月10日　星期二　15", "", "标题在这里"]) == {0: "folio"}
    assert furniture_kinds(["综合", "2024年11月12日　星期二", "", "标题在这里"]) == {1: "date"}



def test_a_wire_story_under_a_briefs_box_label_is_a_brief():
    page = """\
国际简讯

欧盟将发布新一轮清洁能源投资计划

新华社布鲁塞尔3月16日电　欧盟委员会16日表示，将于近期发布新一轮清洁能源投资计划。
"""
    [article] = _read(page)
    assert article.column == "国际简讯" and article.kind == "brief"


def test_a_region_wide_story_filed_from_the_bureaus_city_is_about_the_region():
    from generator.ingest.regions import tag_regions
    title = "新疆今年计划新增高效节水灌溉面积300万亩"
    body = "新华社乌鲁木齐6月9日电　记者从新疆维吾尔自治区水利厅获悉，今年新疆计划新增高效节水灌溉面积300万亩。"
    assert tag_regions(title, body, "乌鲁木齐", "全国")[0] == ("新疆",)
    city = "乌鲁木齐市今年新增公园20座，乌鲁木齐市民出行更方便。"
    assert tag_regions("乌鲁木齐新增公园", city, "乌鲁木齐", "新疆")[0] == ("乌鲁木齐市",)
