"""Confidence per article from the evidence behind its boundaries and headline, and the outline's marks."""
import datetime as dt

from generator.ingest import parse_issue
from generator.ingest.articles import finish
from generator.ingest.confidence import confidence
from generator.ingest.issue import IssueMeta
from generator.ingest.outline import outline
from generator.ingest.segment import Draft, LeftOut

FINISHED = "会议要求，各部门要抓好落实，确保各项任务按期完成。" * 3


def articles(text: str):
    return parse_issue(text)[1]


def test_a_headed_datelined_finished_article_is_certain():
    [a] = articles("巴州辣椒产业座谈会召开\n\n本报库尔勒2月6日讯（记者 盛雪）5日，座谈会召开。" + FINISHED + "\n")
    assert (a.confidence.level, a.confidence.doubts) == ("high", ())


def test_a_piece_with_no_headline_no_dateline_is_low(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the doubts as a Chinese reader sees them
    draft = Draft(line=5, blocks=[("para", "记者从州民政局了解到，今年全州养老服务网络进一步完善。" + FINISHED)])
    c = confidence(draft, "news")
    assert (c.level, c.doubts) == ("low", ("start-inferred", "title-inferred"))
    assert c.said == "开头无标题、电头或署名；标题为推断"


def test_a_text_that_breaks_off_mid_sentence_is_medium():
    [a] = articles("巴州召开民政工作推进会\n\n本报库尔勒2月6日讯（记者 李伶）4日，推进会召开。要积极应对人口老龄化、提升养\n")
    assert (a.confidence.level, a.confidence.doubts) == ("medium", ("unfinished",))


def test_a_photo_needs_no_headline_or_byline():
    draft = Draft(line=9, credited=True, photographers=["袁海军"],
                  blocks=[("caption", "8月7日，游客在博湖县博斯腾湖景区观光旅游。")])
    assert confidence(draft, "photo").level == "high"


def test_a_banner_kept_as_headline_over_the_real_headline_is_doubted():
    draft = Draft(line=3, title="新时代新征程新伟业", subtitle="昌吉州着力构建新时代党的民族工作格局",
                  opened_by="heads", blocks=[("para", "今年以来，昌吉州以党的二十大精神为指引。" + FINISHED)])
    assert confidence(draft, "news").doubts == ("headline-disputed",)
    deck = Draft(line=3, title="自治州党委召开常委会", subtitle="——传达学习贯彻重要讲话精神", opened_by="heads",
                 blocks=[("para", FINISHED)])
    assert confidence(deck, "news").doubts == ()  # a dash deck is marked as such


def test_text_left_out_just_before_an_article_lowers_its_confidence():
    first = Draft(line=1, title="第一篇", opened_by="heads", title_line=1, blocks=[("para", FINISHED)])
    second = Draft(line=12, title="铸牢中华民族共同体意识", opened_by="heads", title_line=11, blocks=[("para", FINISHED)])
    left = [LeftOut(line=5, text="昌吉州着力构建新时代党的民族工作格局", why="a headline with nothing under it")]
    a, b = finish([first, second], None, left)
    assert a.confidence.level == "high"
    assert (b.confidence.level, b.confidence.doubts) == ("medium", ("left-out-before",))


def test_the_outline_marks_low_confidence_articles_and_counts_them(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    found = articles("巴州辣椒产业座谈会召开\n\n本报库尔勒2月6日讯（记者 盛雪）5日，座谈会召开。" + FINISHED + "\n")
    headless = finish([Draft(line=20, blocks=[("para", "记者从州民政局了解到，今年全州养老服务网络进一步完善。")])], None)
    meta = IssueMeta(publication="巴音郭楞日报", slug="bayinguoleng-daily", date=dt.date(2026, 2, 7), date_source="sidecar")
    text = outline(meta, found + headless, ["001-a", "002-b"])
    assert "！1 篇可信度低，请核对" in text
    assert "\n001 巴州辣椒产业座谈会召开" in text  # certain: no mark, no doubts line
    assert "\n！001 记者从州民政局了解到" in text  # both numbered 1: each finish() call counts from 1
    assert "可信度低：开头无标题、电头或署名；标题为推断" in text
