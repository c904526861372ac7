"""作者 pages: everyone named in a byline has a page with their articles newest first, bylines link
to it, and the index lists everyone in pinyin order."""
from __future__ import annotations

import datetime as dt
import re

from generator.model import Article
from generator.render.people import people_of

from render_helpers import read


def article(order: int, date: str, authors=(), photographers=()) -> Article:
    return Article(title=f"文章{order}", publication="巴音郭楞日报", publication_slug="bayinguoleng-daily",
                   date=dt.date.fromisoformat(date), issue=date, order=order, slug=f"a{order}", body="正文。\n",
                   authors=tuple(authors), photographers=tuple(photographers))


def test_people_are_in_pinyin_order_with_their_articles_newest_first():
    older, newer, photo = article(1, "2023-05-30", ["谢晓艳"]), article(2, "2023-08-11", ["谢晓艳", "阿依古丽"]), \
        article(3, "2023-06-14", ["陈彦强"], ["谢晓艳"])
    people = people_of([older, newer, photo])
    assert [p.name for p in people] == ["阿依古丽", "陈彦强", "谢晓艳"]  # a, chen, xie
    xie = people[-1]
    assert [(a.order, roles) for a, roles in xie.articles] == [(2, ("文",)), (3, ("摄",)), (1, ("文",))]
    assert (xie.slug, xie.url, xie.initial) == ("xie-xiao-yan", "authors/xie-xiao-yan/index.html", "X")


def test_names_that_read_alike_get_their_own_pages():
    people = people_of([article(1, "2023-05-30", ["陈彦强", "陈燕强"])])
    assert sorted(p.slug for p in people) == ["chen-yan-qiang", "chen-yan-qiang-2"]
    swapped = people_of([article(1, "2023-05-30", ["陈燕强", "陈彦强"])])
    assert [(p.name, p.slug) for p in swapped] == [(p.name, p.slug) for p in people]  # whatever the byline order


def test_bylines_link_to_the_persons_page(built_basic):
    html = read(built_basic, "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html")
    assert '作者：<a class="byline-name" href="../../authors/chen-yan-qiang/index.html">陈彦强</a>' in html
    photo = read(built_basic, "bayinguoleng-daily/2023-08-11/002-shi-si-yun.html")
    assert '摄影：<a class="byline-name" href="../../authors/yuan-hai-jun/index.html">袁海军</a>' in photo
    issue = read(built_basic, "bayinguoleng-daily/2023-08-11/index.html")
    assert '<a class="byline-name" href="../../authors/yuan-hai-jun/index.html">袁海军</a> 摄' in issue


def test_a_persons_page_lists_what_they_wrote_and_photographed_newest_first(built_basic):
    html = read(built_basic, "authors/xie-xiao-yan/index.html")
    assert "<h1>谢晓艳</h1>" in html and "署名文章2篇（撰稿1篇，摄影1篇）" in html
    items = re.findall(r'<a class="article-item-title" href="([^"]+)">', html)
    assert items == ["../../bayinguoleng-daily/2023-08-12/001-ku-er-le.html",
                     "../../bayinguoleng-daily/2023-08-11/003-hostile.html"]
    assert [r for r in re.findall(r'<span class="article-item-role">(.*?)</span>', html)] == ["摄影", "撰稿"]


def test_the_index_lists_everyone_by_pinyin_under_letters_and_the_navigation_links_it(built_basic):
    html = read(built_basic, "authors/index.html")
    names = re.findall(r'<li><a href="[^"]+/index.html">(.*?)</a>', html)
    assert names == ["陈彦强", "李伶", "盛雪", "温泉县委组织部", "吴泽思", "谢晓艳", "辛组研", "徐新星", "袁海军"]
    assert re.findall(r'<h2>(\w)</h2>', html) == ["C", "L", "S", "W", "X", "Y"]
    assert '<a href="../authors/index.html">作者</a>' in read(built_basic, "regions/index.html")
    assert '<a href="index.html" aria-current="page">作者</a>' in html
