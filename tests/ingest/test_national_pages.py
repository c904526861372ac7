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

