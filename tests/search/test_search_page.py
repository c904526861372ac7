"""The search page as a user meets it: from disk (file://) and under /repo/ over HTTP, in Chromium."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect


def done(page):
    page.wait_for_selector("#search[data-state=done]")


def first_titles(page):
    return page.locator(".search-hit-title").all_inner_texts()


def test_file_url_query_shows_the_article_first_with_highlight(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=博斯腾湖")
    done(page)
    expect(page.locator("#search-status")).to_have_text("找到 2 篇文章")
    assert first_titles(page) == ["博斯腾湖迎来旅游旺季", "夏日观光客流增长"]
    first = page.locator(".search-hit").first
    expect(first.locator(".search-hit-title mark")).to_have_text("博斯腾湖")
    expect(first.locator(".search-hit-meta")).to_contain_text("巴音郭楞日报")
    expect(first.locator(".search-hit-meta")).to_contain_text("2021年6月1日")  # as the pages write dates
    expect(first.locator("time.search-hit-date")).to_have_attribute("datetime", "2021-06-01")
    expect(first.locator(".search-hit-meta")).to_contain_text("巴音郭楞蒙古自治州")
    expect(page.locator(".search-hit").nth(1).locator(".search-hit-snippet mark").first).to_have_text("博斯腾湖")


def test_snippets_in_utf16_text_files_read_right_where_the_server_declares_utf8(built_semantics, page,
                                                                               serve_under_repo):
    """The text files are UTF-16 with a byte-order mark; GitHub Pages says charset=utf-8."""
    assert (built_semantics / "search/text-000.js").read_bytes()[:2] == b"\xff\xfe"
    page.goto(serve_under_repo(built_semantics) + "search.html?q=博斯腾湖")
    done(page)
    snippet = page.locator(".search-hit").nth(1).locator(".search-hit-snippet")
    expect(snippet.locator("mark").first).to_have_text("博斯腾湖")
    expect(snippet).to_contain_text("众多游客来到博湖县")


def test_typing_under_a_sub_path_updates_results_and_url_without_reload(built_semantics, page, serve_under_repo):
    base = serve_under_repo(built_semantics)
    page.goto(base + "search.html")
    page.evaluate("window.__same = true")
    page.locator("#search-q").press_sequentially("歷史文化", delay=20)
    done(page)
    assert first_titles(page)[0] == "挖掘历史文化资源"
    expect(page.locator(".search-hit").first.locator(".search-hit-title mark")).to_have_text("历史文化")
    assert page.evaluate("window.__same") is True  # no reload happened
    url = urlparse(page.url)
    assert url.path == "/repo/search.html" and parse_qs(url.query) == {"q": ["歷史文化"]}
    page.locator(".search-hit-title a").first.click()
    page.wait_for_url(base + "altay-daily/2024-01-05/002-li-shi.html")


def test_filters_narrow_results_count_options_and_go_into_the_url(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=游客")
    done(page)
    assert len(first_titles(page)) == 3
    page.select_option("#search-region", "阿勒泰地区")
    done(page)  # the regions may still be loading (after the first page): the page waits for them
    assert first_titles(page) == ["阿勒泰冰雪旅游持续升温"]
    expect(page.locator("#search-status")).to_have_text("找到 1 篇文章（筛选隐藏了 2 篇）")
    assert parse_qs(urlparse(page.url).query)["region"] == ["阿勒泰地区"]
    page.select_option("#search-region", "")
    page.select_option("#search-year", "2021")
    assert sorted(first_titles(page)) == ["博斯腾湖迎来旅游旺季", "夏日观光客流增长"]
    expect(page.locator("#search-pub option[value=阿勒泰日报]")).to_have_text("阿勒泰日报（0）")
    page.select_option("#search-pub", "阿勒泰日报")
    expect(page.locator("#search-empty")).to_contain_text("取消筛选可以看到 3 篇")


def test_a_region_in_the_url_filters_the_first_results(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=游客&region=阿勒泰地区")
    done(page)
    expect(page.locator("#search-region")).to_have_value("阿勒泰地区")
    assert first_titles(page) == ["阿勒泰冰雪旅游持续升温"]
    expect(page.locator("#search-status")).to_have_text("找到 1 篇文章（筛选隐藏了 2 篇）")
    expect(page.locator(".search-hit-regions")).to_have_text("阿勒泰地区")
    expect(page.locator("#search-region option[value=阿勒泰地区]")).to_have_text("阿勒泰地区（1）")


REGIONS_WATCH = """new MutationObserver(() => {
  const script = document.querySelector("script[src$='search/regions.js']");
  if (script && window.__snippetsAtRegions === undefined) {
    window.__snippetsAtRegions = Array.from(document.querySelectorAll(".search-hit-snippet"), s => s.textContent);
  }
}).observe(document, {childList: true, subtree: true});"""


def test_regions_load_after_the_first_page_and_then_show_with_their_counts(built_semantics, page):
    page.add_init_script(REGIONS_WATCH)
    page.goto((built_semantics / "search.html").as_uri() + "?q=游客")
    done(page)
    hits = page.locator(".search-hit")
    expect(hits.first.locator(".search-hit-regions")).not_to_be_empty()  # filled in once loaded
    expect(page.locator("#search-region option[value=阿勒泰地区]")).to_have_text("阿勒泰地区（1）")
    shown = page.evaluate("window.__snippetsAtRegions")
    assert len(shown) == 3 and "…" not in shown  # asked for only once the first page was whole


def requested(page) -> list[str]:
    """The search/ files a page asks for, by name, as it asks."""
    names: list[str] = []
    page.on("request", lambda r: names.append(r.url.rsplit("/", 1)[-1]) if "/search/" in r.url else None)
    return names


def test_a_query_loads_lunr_only_for_a_prefix_of_several_terms(built_semantics, page):
    names = requested(page)
    page.goto((built_semantics / "search.html").as_uri() + "?q=博斯腾湖")
    done(page)
    assert first_titles(page) == ["博斯腾湖迎来旅游旺季", "夏日观光客流增长"]
    assert "lunr.min.js" not in names and any(n.startswith("lengths-") for n in names)
    page.goto((built_semantics / "search.html").as_uri() + "?q=湖")  # 湖*: 湖县, 湖迎, … in lunr's order
    done(page)
    assert sorted(first_titles(page)) == sorted(["博斯腾湖迎来旅游旺季", "夏日观光客流增长", "挖掘历史文化资源"])
    assert "lunr.min.js" in names


def test_bookmarked_filters_are_restored(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=游客&pub=阿勒泰日报")
    done(page)
    expect(page.locator("#search-pub")).to_have_value("阿勒泰日报")
    assert first_titles(page) == ["阿勒泰冰雪旅游持续升温"]


def test_keyboard_moves_through_results_and_enter_opens(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=旅游")
    done(page)
    page.locator("#search-q").press("ArrowDown")
    expect(page.locator(".search-hit-title a").first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".search-hit-title a").nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#search-q")).to_be_focused()
    page.keyboard.press("ArrowDown")
    href = page.locator(".search-hit-title a").first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + href)


def test_no_results_message_is_honest_and_helpful(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=火星基地")
    done(page)
    expect(page.locator("#search-status")).to_have_text("找到 0 篇文章")
    expect(page.locator("#search-empty")).to_be_visible()
    expect(page.locator("#search-empty")).to_contain_text("没有找到包含“火星基地”的文章")
    expect(page.locator("#search-empty")).to_contain_text("减少词语")


def test_header_search_box_on_an_article_page_leads_to_results(built_basic, page):
    page.goto((built_basic / "bayinguoleng-daily/2023-08-12/001-ku-er-le.html").as_uri())
    page.locator("header input[name=q]").fill("库尔勒")
    page.locator("header input[name=q]").press("Enter")
    done(page)
    assert urlparse(page.url).path.endswith("/search.html")
    assert first_titles(page)[0] == "库尔勒市推进城市更新"


def test_hostile_titles_stay_text(built_basic, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((built_basic / "search.html").as_uri() + "?q=质量强州")
    done(page)
    title = page.locator(".search-hit-title").first
    expect(title).to_contain_text('<script>alert("标题")</script>质量强州')
    assert title.locator("script").count() == 0 and page.locator(".search-hit script").count() == 0
    assert dialogs == []


def test_scattered_matches_are_labelled_and_their_bigrams_marked(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=团结进步")
    done(page)
    hits = page.locator(".search-hit")
    assert first_titles(page) == ["示范单位名单公布", "社区活动丰富多彩"]
    expect(hits.nth(0).locator(".search-hit-scattered")).to_be_hidden()
    expect(hits.nth(1).locator(".search-hit-scattered")).to_be_visible()
    expect(hits.nth(0).locator(".search-hit-snippet mark").first).to_have_text("团结进步")
    expect(hits.nth(1).locator(".search-hit-snippet mark").first).to_have_text("团结")


def test_header_search_box_shows_the_query_and_follows_the_page_box(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=博斯腾湖")
    done(page)
    header = page.locator(".site-search input[name=q]")
    expect(header).to_have_value("博斯腾湖")
    expect(page.locator("#search-q")).to_have_value("博斯腾湖")
    page.locator("#search-q").fill("游客")
    done(page)
    expect(header).to_have_value("游客")
    # typed into the header box on the search page: searches in place, keeps the filters, no reload
    page.select_option("#search-region", "阿勒泰地区")
    page.evaluate("window.__same = true")
    header.fill("旅游")
    header.press("Enter")
    done(page)
    expect(page.locator("#search-q")).to_have_value("旅游")
    assert page.evaluate("window.__same") is True
    assert parse_qs(urlparse(page.url).query) == {"q": ["旅游"], "region": ["阿勒泰地区"]}
    assert first_titles(page) == ["阿勒泰冰雪旅游持续升温"]


@pytest.mark.parametrize("query", ["吐尔逊阿那依提", "吐尔逊•阿那依提"])
def test_a_name_found_without_its_dot_is_highlighted_whole_and_shown_with_it(built_semantics, page, query):
    page.goto((built_semantics / "search.html").as_uri() + "?q=" + query)
    done(page)
    hit = page.locator(".search-hit")
    expect(hit).to_have_count(1)
    expect(hit.locator(".search-hit-title")).to_have_text("吐尔逊·阿那依提：走进乡村民俗博物馆")
    expect(hit.locator(".search-hit-title mark")).to_have_text("吐尔逊·阿那依提")
    expect(hit.locator(".search-hit-snippet")).not_to_contain_text("…")  # snippet loaded
    expect(hit.locator(".search-hit-scattered")).to_be_hidden()


def test_names_in_the_snippet_are_highlighted_across_their_dot(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=买买提吐尔逊")
    done(page)
    hit = page.locator(".search-hit")
    expect(hit.locator(".search-hit-snippet mark")).to_have_text("买买提•吐尔逊")
    expect(hit.locator(".search-hit-scattered")).to_be_hidden()
    page.goto((built_semantics / "search.html").as_uri() + "?q=阿不都西库尔米吉提")
    done(page)
    expect(page.locator(".search-hit-snippet mark")).to_have_text("阿不都西库尔·米吉提")


def test_an_excluded_word_leaves_its_articles_out_and_says_so(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=游客 -湖")
    done(page)
    assert first_titles(page) == ["阿勒泰冰雪旅游持续升温"]
    expect(page.locator("#search-status")).to_have_text("找到 1 篇文章（排除了含“湖”的 2 篇）")
    hit = page.locator(".search-hit").first
    expect(hit.locator(".search-hit-snippet mark").first).to_have_text("游客")
    expect(hit.locator(".search-hit-snippet")).not_to_contain_text("…")  # snippet loaded
    expect(hit.locator(".search-hit-scattered")).to_be_hidden()
    assert hit.locator("mark", has_text="湖").count() == 0


def test_only_excluded_words_explain_instead_of_listing_everything(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=-湖")
    done(page)
    expect(page.locator("#search-status")).to_contain_text("“-湖”表示排除含“湖”的文章")
    expect(page.locator("#search-status")).to_contain_text("要查找的词")
    assert first_titles(page) == []
    expect(page.locator("#search-empty")).to_be_hidden()


def test_no_results_with_an_excluded_word_names_both(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri() + "?q=团结进步 -团结")
    done(page)
    expect(page.locator("#search-empty")).to_contain_text("没有找到包含“团结进步”、不含“团结”的文章")


def test_the_help_text_explains_the_minus(built_semantics, page):
    page.goto((built_semantics / "search.html").as_uri())
    expect(page.locator("#search-help")).to_contain_text("-湖")


def test_a_snippet_across_two_paragraphs_sets_no_space_after_the_chinese_full_stop(built_basic, page):
    page.goto((built_basic / "search.html").as_uri() + "?q=据了解")
    done(page)
    snippet = page.locator(".search-hit-snippet").first
    expect(snippet.locator("mark").first).to_have_text("据了解")
    text = snippet.inner_text()
    assert "示范单位”。" in text and "。 " not in text and "。\u200b据了解" in text
