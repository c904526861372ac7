"""Query semantics, asked of the real engine in Chromium on the built search-semantics site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import load_config
from generator.content.site import load_site
from generator.search.documents import search_docs
from generator.search.tokenize import comparable

SITES = Path(__file__).parent.parent / "fixtures" / "sites"

SEARCH = """async (q) => {
  const engine = window.__engine || (window.__engine = new GazetteSearch.Engine("search/"));
  const r = await engine.search(q);
  return r.hits.map(h => ({title: h.doc.title, tier: h.tier, url: h.doc.url}));
}"""


@pytest.fixture(scope="module")
def search(semantics_page):
    return lambda q: semantics_page.evaluate(SEARCH, q)


def titles(hits):
    return [h["title"] for h in hits]


def test_title_match_ranks_above_body_only(search):
    assert titles(search("博斯腾湖")) == ["博斯腾湖迎来旅游旺季", "夏日观光客流增长"]


def test_exact_phrase_ranks_above_scattered_bigrams(search):
    hits = search("团结进步")
    assert titles(hits) == ["示范单位名单公布", "社区活动丰富多彩"]
    assert [h["tier"] for h in hits] == [1, 2]  # the second has 团结…结进…进步 apart


def test_space_separated_words_are_all_required(search):
    assert titles(search("博斯腾湖 观光")) == ["夏日观光客流增长"]
    assert search("博斯腾湖 冰雪") == []


def test_single_character_finds_every_article_containing_it(search):
    assert sorted(titles(search("湖"))) == sorted(["博斯腾湖迎来旅游旺季", "夏日观光客流增长", "挖掘历史文化资源"])


@pytest.mark.parametrize("query", ["korla", "KORLA", "Korla", "ｋｏｒｌａ"])
def test_latin_words_ignore_case_and_width(search, query):
    assert sorted(titles(search(query))) == ["夏日观光客流增长", "阿勒泰冰雪旅游持续升温"]


def test_traditional_query_finds_simplified_text(search):
    assert titles(search("歷史文化")) == ["挖掘历史文化资源", "５Ｇ基站覆盖乡村"]


@pytest.mark.parametrize("query", ["5g", "５Ｇ", "gdp", "ＧＤＰ"])
def test_full_and_half_width_fold_together(search, query):
    assert titles(search(query)) == ["５Ｇ基站覆盖乡村"]


def test_no_match_and_no_terms(search):
    assert search("不存在的词") == []
    assert search("，。！") == []


def _substrings(text: str, sizes=(2, 3, 5)) -> set[str]:
    out = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        for size in sizes:
            out.update(run[i:i + size] for i in range(0, max(0, len(run) - size + 1), 3))
    return out


def test_recall_is_total_for_substrings_of_titles_and_bodies(search):
    """Every Han substring of every title and body finds every article that contains it."""
    site, _ = load_site(load_config(SITES / "search-semantics"))
    docs = search_docs(site)
    folded = {a.url: comparable(f"{d.title}\n{d.meta}\n{d.body}") for a, d in zip(site.articles, docs)}
    # substrings of the text as search compares it: across a name's dot (尔逊阿那) too
    queries = sorted(set().union(*(_substrings(comparable(d.title + d.body)) for d in docs)))
    assert len(queries) > 80 and any("逊阿" in q for q in queries)
    for query in queries:
        expected = {url for url, text in folded.items() if comparable(query) in text}
        hits = search(query)
        exact = {h["url"] for h in hits if h["tier"] < 2}
        assert exact == expected, query


def test_a_pasted_sentence_still_finds_its_article(search):
    sentence = "6月1日，众多游客来到博湖县博斯腾湖景区观光，湖面游船往来穿梭"  # far more than 16 terms
    assert titles(search(sentence)) == ["夏日观光客流增长"]


NAME = "吐尔逊·阿那依提：走进乡村民俗博物馆"


@pytest.mark.parametrize("query", ["吐尔逊阿那依提", "吐尔逊·阿那依提", "吐尔逊•阿那依提", "吐尔逊・阿那依提",
                                   "吐尔逊‧阿那依提", "吐尔逊∙阿那依提", "吐尔逊･阿那依提", "吐尔逊.阿那依提",
                                   "吐尔逊．阿那依提", "逊阿", "尔逊阿"])
def test_a_transliterated_name_is_found_exactly_with_or_without_its_dot(search, query):
    """吐尔逊·阿那依提 is one name: typed without the dot, or with any dot, it is a title match."""
    assert [(h["title"], h["tier"]) for h in search(query)] == [(NAME, 0)]


@pytest.mark.parametrize("query", ["阿不都西库尔米吉提", "阿不都西库尔·米吉提", "买买提吐尔逊", "买买提·吐尔逊"])
def test_names_in_bylines_and_bodies_are_exact_matches_too(search, query):
    assert [(h["title"], h["tier"]) for h in search(query)] == [(NAME, 1)]


def test_a_word_with_a_leading_minus_must_not_occur(search):
    assert [(h["title"], h["tier"]) for h in search("游客 -湖")] == [("阿勒泰冰雪旅游持续升温", 1)]
    assert [(h["title"], h["tier"]) for h in search("游客 －湖")] == [("阿勒泰冰雪旅游持续升温", 1)]  # full-width minus
    assert [(h["title"], h["tier"]) for h in search("-湖 游客")] == [("阿勒泰冰雪旅游持续升温", 1)]
    assert titles(search("旅游 -博斯腾湖")) == ["阿勒泰冰雪旅游持续升温"]  # excluded by its title
    assert titles(search("湖 -korla")) == ["博斯腾湖迎来旅游旺季", "挖掘历史文化资源"]
    assert sorted(titles(search("游客 -阿勒泰地区"))) == ["博斯腾湖迎来旅游旺季", "夏日观光客流增长"]  # by region
    assert titles(search("村 -吐尔逊阿那依提")) == ["５Ｇ基站覆盖乡村"]  # a name, typed without its dot
    assert search("湖 -湖") == [] and search("游客 -游客") == []


def test_an_excluded_phrase_is_checked_against_the_text_not_just_its_bigrams(search):
    """社区活动丰富多彩 has 团结, 结进 and 进步 apart but never 团结进步: it is not excluded."""
    assert [(h["title"], h["tier"]) for h in search("团结 -团结进步")] == [("社区活动丰富多彩", 1)]
    assert [(h["title"], h["tier"]) for h in search("团结 -团结一心")] == [("示范单位名单公布", 1)]


def test_only_excluded_words_find_nothing(search):
    assert search("-湖") == [] and search("-团结进步 -korla") == []


HOTLINE = "医保服务热线公布"  # …政策解答0906-2107103，0906-2120082监督投诉。…


@pytest.mark.parametrize("query", ["82监督投诉", "2120082监督投诉", "0082监督", "0906-2120082监督投诉"])
def test_a_word_starting_inside_a_number_finds_it_exactly(search, query):
    """A number of two or more digits starting a word may be the tail of a longer one."""
    assert [(h["title"], h["tier"]) for h in search(query)] == [(HOTLINE, 1)]


def test_a_number_alone_is_still_a_whole_number(search):
    assert search("82") == [] and search("20082") == []
    assert titles(search("2120082")) == [HOTLINE]
    assert search("83监督投诉") == []
    assert [h["tier"] for h in search("103监督投诉")] == [2]  # 2107103 ends in 03, but is not before 监督投诉
