"""A page's fingerprint tells its data by value: equal data, however built, gives the same digest,
and any difference, however deep (one character of one article of an issue), another; whatever was
digested before it; and a build that digests page after page does not keep every page's own data alive."""
from __future__ import annotations

import copy
import dataclasses
import gc
import weakref

import pytest

from generator import load_config
from generator.content.site import load_site
from generator.fingerprint import Fingerprints, Unfingerprintable, deferred
from generator.model import FileLine, Publication
from generator.render.pages import Page
from generator.text.plain import plain_text


@pytest.fixture
def issue(basic_project):
    site, _ = load_site(load_config(basic_project), None, 1)
    return next(i for i in site.issues if len(i.articles) > 1)


def context(issue):
    article = issue.articles[-1]
    return {"issue": issue, "article": article, "body": deferred(plain_text, article.body),
            "shared": (frozenset({"a"}), [("甲", "/a.html")] * 3), "long": article.body * 2}


def test_equal_values_built_apart_have_one_fingerprint(issue):
    twin = copy.deepcopy(issue)
    assert twin is not issue and twin.articles[0] is not issue.articles[0]
    assert Fingerprints("k").of(context(issue)) == Fingerprints("k").of(context(twin))
    shared = Fingerprints("k")  # the memo of one build: the same value met again by identity
    assert shared.of(context(issue)) == shared.of(context(twin)) == shared.of(context(issue))


@pytest.mark.parametrize("change", ["first article's body", "last character", "salt", "list for tuple"])
def test_any_difference_changes_the_fingerprint(issue, change):
    first, last = issue.articles[0], issue.articles[-1]
    value, salt = context(issue), "k"
    if change == "first article's body":  # deep inside the issue, not the page's own article
        value["issue"] = dataclasses.replace(issue, articles=(dataclasses.replace(first, body=first.body + "。"),
                                                              *issue.articles[1:]))
    elif change == "last character":  # of a long string, digested apart
        value["long"] = value["long"][:-1] + "X"
    elif change == "salt":
        salt = "other build key"
    else:
        value["shared"] = (frozenset({"a"}), tuple(value["shared"][1]))
    assert Fingerprints(salt).of(value) != Fingerprints("k").of(context(issue))
    assert last is value["article"]


def test_a_value_of_unknown_kind_is_not_fingerprinted(issue):
    with pytest.raises(Unfingerprintable):
        Fingerprints().of({"issue": issue, "thing": object()})


PUB = Publication(slug="altay-daily", name="阿勒泰日报", home_region=None, description="", frequency=None,
                  loaded_from=FileLine("content/altay-daily/publication.yaml", 1))


def page(n: int, shared: list) -> Page:
    return Page(f"p{n}.html", "article.html", "publications", {"n": [n, "新疆"], "pub": PUB, "nav": shared})


def test_a_digest_does_not_depend_on_what_was_digested_before():
    shared = [PUB, {"首页": "index.html"}]
    alone = [Fingerprints("key").of(page(n, shared)) for n in range(4)]
    walked = Fingerprints("key")
    assert [walked.of(page(n, shared)) for n in range(4)] == alone
    assert [walked.of(page(n, shared)) for n in reversed(range(4))] == alone[::-1]
    assert len(set(alone)) == 4
    assert Fingerprints("other").of(page(0, shared)) != alone[0]
    changed = [PUB, {"首页": "home.html"}]
    assert walked.of(page(0, changed)) != alone[0]


def test_a_page_digested_is_let_go_once_the_next_pages_are():
    fingerprints, shared = Fingerprints("key"), Page("nav", "nav.html", "", {"pub": PUB})
    first = page(0, shared)
    gone = weakref.ref(first)
    fingerprints.of(first)
    del first
    for n in range(1, 4):
        fingerprints.of(page(n, shared))
    gc.collect()
    assert gone() is None  # not held by the memo: a 50,000-article build would hold every page
    kept = weakref.ref(shared)
    del shared
    gc.collect()
    assert kept() is not None  # met by every page: digested once, kept while the build runs
