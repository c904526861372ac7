"""A page's fingerprint tells its data by value: equal data, however built, gives the same digest,
and any difference, however deep (one character of one article of an issue), another."""
from __future__ import annotations

import copy
import dataclasses

import pytest

from generator import load_config
from generator.content.site import load_site
from generator.fingerprint import Fingerprints, Unfingerprintable, deferred
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
