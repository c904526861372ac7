"""Page fingerprints: a digest of the data a page is made from, whatever was digested before it,
and a build that digests page after page does not keep every page's own data alive."""
from __future__ import annotations

import gc
import weakref

from generator.fingerprint import Fingerprints
from generator.model import FileLine, Publication
from generator.render.pages import Page

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
