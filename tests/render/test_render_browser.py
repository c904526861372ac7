"""A real browser opens the built site from disk and reads an article (desktop and phone width)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect
from text_lines import CHARACTER_LINES_JS, line_breaks


@pytest.mark.parametrize("width", [1200, 375])
def test_click_from_home_to_issue_to_article_from_disk(built_basic, page, tmp_path, width):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((built_basic / "index.html").as_uri())
    assert page.title() == "测试档案"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"  # CSS loaded

    page.click("text=2023年8月11日 星期五")
    assert page.url.endswith("/bayinguoleng-daily/2023-08-11/index.html")
    assert page.inner_text("h1.masthead-name") == "巴音郭楞日报"
    page.screenshot(path=str(tmp_path / f"issue-{width}.png"), full_page=True)

    page.click("a.toc-title >> text=巴州被命名为2023年自治区民族团结进步示范区")
    assert page.url.endswith("/001-ba-zhou-bei-ming-ming.html")
    assert page.inner_text("h1.article-title") == "巴州被命名为2023年自治区民族团结进步示范区"
    body = page.locator(".article-body")
    assert "serif" in body.evaluate("e => getComputedStyle(e).fontFamily").lower()
    box = body.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # no sideways scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"article-{width}.png"), full_page=True)

    page.click("text=下转2版")
    assert page.url.endswith("/003-hostile.html")
    assert page.inner_text("h1.article-title") == '<script>alert("标题")</script>质量强州'
    assert errors == []


# ---- the theme as readers rely on it: phones, dark mode, print, keyboard ----------------

PHONE = {"width": 390, "height": 844}

# Contrast of two CSS colours (rgb()/rgba() or color(srgb …), as getComputedStyle gives them).
CONTRAST_JS = """([fg, bg]) => {
  function parse(c) {
    let m = c.match(/^rgba?\\(([^)]+)\\)/);
    if (m) { const v = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return [v[0] / 255, v[1] / 255, v[2] / 255]; }
    m = c.match(/^color\\(srgb ([^)]+)\\)/);
    if (m) { return m[1].split(/[ /]+/).filter(Boolean).slice(0, 3).map(Number); }
    throw new Error("colour " + c);
  }
  function lum(c) {
    const [r, g, b] = parse(c).map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const a = lum(fg), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def sample_pages(site):
    """One page of every family in the sample archive, found on disk (names may change)."""
    issues = sorted(site.glob("*/[0-9][0-9][0-9][0-9]-*/index.html"))
    magazine = next(p for p in issues if p.parts[-3] == "dangyuan-zhiyou")
    newspaper = next(p for p in issues if p.parts[-3] != "dangyuan-zhiyou")
    articles = sorted(p for p in site.glob("*/[0-9][0-9][0-9][0-9]-*/*.html") if p.name != "index.html")
    longest = max(articles, key=lambda p: p.stat().st_size)
    continued = next(p for p in articles if "下转" in p.read_text("utf-8"))
    region = sorted(site.glob("regions/*/index.html"), key=lambda p: p.stat().st_size)[-1]
    place = next(iter(sorted(site.glob("regions/*/*/index.html"))))
    year = sorted(site.glob("dates/[0-9]*/index.html"))[0]
    pages = {
        "home": site / "index.html", "publications": site / "publications.html",
        "publication": newspaper.parent.parent / "index.html", "issue": newspaper, "magazine": magazine,
        "article": longest, "continued": continued, "regions": site / "regions/index.html",
        "region": region, "place": place, "dates": site / "dates/index.html", "year": year,
        "search": site / "search.html", "404": site / "404.html",
        "raw": max(site.glob("*/[0-9][0-9][0-9][0-9]-*/raw.html"), key=lambda p: p.stat().st_size),
        "authors": site / "authors/index.html",
        "person": max(site.glob("authors/*/index.html"), key=lambda p: p.stat().st_size),
    }
    return {name: path.as_uri() + ("?q=新疆" if name == "search" else "") for name, path in pages.items()}


FAMILIES = ["home", "publications", "publication", "issue", "magazine", "article", "continued",
            "regions", "region", "place", "dates", "year", "search", "404", "raw", "authors", "person"]


@pytest.mark.parametrize("family", FAMILIES)
def test_no_sideways_scrolling_on_a_phone(built_sample, page, family):
    page.set_viewport_size(PHONE)
    page.goto(sample_pages(built_sample)[family])
    if family == "search":
        page.wait_for_selector("#search[data-state=done]")
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('main *, header *')]
        .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    assert width <= PHONE["width"] and wide == [], f"{family}: scrollWidth {width}, too wide: {wide}"


@pytest.mark.parametrize("family", ["home", "issue", "article", "publication", "search", "raw", "person"])
def test_dark_mode_is_dark_and_readable(built_sample, browser, family):
    url = sample_pages(built_sample)[family]
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url)
        if family == "search":
            page.wait_for_selector("#search[data-state=done]")
        colours[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if scheme == "dark":
            bg = colours["dark"]
            assert page.evaluate(CONTRAST_JS, ["rgb(0, 0, 0)", bg]) < 1.6, f"dark background {bg}"
            checks = {"body text": "body", "muted text": ".muted, .lede, .toc-summary, .article-meta, .search-help",
                      "links": "main a[href]", "header": ".site-nav a", "calendar day": ".calendar td.has-issue a",
                      "search box": ".site-search input"}
            for what, selector in checks.items():
                if not page.locator(selector).count():
                    continue
                fg, own = page.locator(selector).first.evaluate(
                    "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
                ground = own if not own.endswith(", 0)") and own != "transparent" else bg
                ratio = page.evaluate(CONTRAST_JS, [fg, ground])
                assert ratio >= 4.5, f"{family} dark: {what} {fg} on {ground} = {ratio:.2f}:1"
        context.close()
    assert colours["light"] != colours["dark"]


def test_print_shows_the_article_not_the_chrome(built_basic, page):
    page.goto((built_basic / "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html").as_uri())
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-search input", ".site-nav", ".site-footer", ".prev-next", ".breadcrumb"):
        assert page.locator(chrome).first.is_hidden(), f"{chrome} is printed"
    for content in ("h1.article-title", ".article-body", ".article-meta", ".citation"):
        assert page.locator(content).first.is_visible(), f"{content} is not printed"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    page.emulate_media(media="screen")
    assert page.locator(".site-search input").is_visible()


def test_print_of_search_results_leaves_out_the_form(built_basic, page):
    page.goto((built_basic / "search.html").as_uri() + "?q=库尔勒")
    page.wait_for_selector("#search[data-state=done]")
    page.emulate_media(media="print")
    assert page.locator(".search-form").is_hidden() and page.locator(".site-search").is_hidden()
    assert page.locator(".search-hit").first.is_visible()


def test_keyboard_user_sees_skip_link_and_focus(built_basic, page):
    page.goto((built_basic / "index.html").as_uri())
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0  # on screen once focused
    page.keyboard.press("Tab")
    outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); "
                            "return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert outline[0] != "none" and outline[1] >= 1, outline
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#main'", timeout=5000)  # the jump lands asynchronously
    assert page.url.endswith("#main")


def test_one_page_of_articles_fills_both_columns_of_the_contents(built_basic, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto((built_basic / "altay-daily/2023-05-30/index.html").as_uri())  # two articles, both on 第1版
    lefts = page.locator(".toc li").evaluate_all("items => items.map(i => Math.round(i.getBoundingClientRect().left))")
    assert len(lefts) == 2 and lefts[0] < lefts[1], f"contents columns at {lefts}"
    page.set_viewport_size(PHONE)
    lefts = page.locator(".toc li").evaluate_all("items => items.map(i => Math.round(i.getBoundingClientRect().left))")
    assert lefts[0] == lefts[1]  # one column on a phone


# ---- headlines break between phrases, never inside a word (走进乡 / 村民俗博物馆) ----------

def phrase_starts(text) -> set[int]:
    from generator.render.phrases import phrases
    starts, n = set(), 0
    for part in phrases(text):
        starts.add(n)
        n += len(part)
    return starts


def sample_article(site, title):
    return next(p for p in sorted(site.glob("*/[0-9]*/*.html")) if f"<title>{title} · " in p.read_text("utf-8"))


@pytest.mark.parametrize("width", [390, 1280])
def test_headlines_break_only_between_phrases(built_sample, page, width):
    title = "吐尔逊·阿那依提：走进乡村民俗博物馆 唤醒时代记忆"
    article = sample_article(built_sample, title)
    pages = [article, article.parent / "index.html", *sorted(built_sample.glob("regions/*/index.html"))[:3]]
    page.set_viewport_size({"width": width, "height": 900})
    checked = wrapped = 0
    for path in pages:
        page.goto(path.as_uri())
        if path == article:
            assert page.title().startswith(title + " · ")
            assert page.locator("h1.article-title").evaluate("e => e.textContent") == title
            assert page.locator("h1.article-title").inner_text().replace("\n", "") == title
        for element in page.locator(".phrases").all():
            text, tops = element.evaluate(CHARACTER_LINES_JS)
            breaks = line_breaks(tops)
            inside = [text[:b] + " / " + text[b:] for b in breaks if b not in phrase_starts(text)]
            assert inside == [], f"{path.name} at {width}px breaks inside a phrase: {inside}"
            checked += 1
            wrapped += bool(breaks)
    assert checked > 50 and wrapped > 0, (checked, wrapped)  # the test saw real titles wrap


def test_a_phrase_longer_than_the_line_still_breaks(built_sample, page):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(sample_article(built_sample, "吐尔逊·阿那依提：走进乡村民俗博物馆 唤醒时代记忆").as_uri())
    h1 = page.locator("h1.article-title .phrases")
    h1.evaluate("e => { e.textContent = '新疆维吾尔自治区'.repeat(6); }")  # one 48-character phrase
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert h1.evaluate("e => e.getBoundingClientRect().right") <= 390


def test_one_search_box_on_the_search_page_on_a_phone(built_sample, page):
    page.set_viewport_size(PHONE)
    visible = "[...document.querySelectorAll('input[type=search]')].filter(e => e.checkVisibility())"
    page.goto(sample_pages(built_sample)["search"])
    page.wait_for_selector("#search[data-state=done]")
    assert page.evaluate(visible + ".map(e => e.id)") == ["search-q"]
    page.goto(sample_pages(built_sample)["home"])  # elsewhere the header's box is the way to search
    assert page.evaluate(visible + ".length") == 1 and page.locator(".site-search input").is_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_magazines_contents_read_straight_down_in_order(built_sample, page, width):
    """党员之友's 69 entries: each below the one before, never from the foot of one column back
    up to the top of the next."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((built_sample / "dangyuan-zhiyou/2025-03-28/index.html").as_uri())
    boxes = page.locator(".toc li").evaluate_all(
        "items => items.map(i => { const r = i.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.left)]; })")
    assert len(boxes) > 60
    assert all(a[0] < b[0] for a, b in zip(boxes, boxes[1:])), "an entry above the one before it"
    assert len({left for _, left in boxes}) == 1


@pytest.mark.parametrize("width", [1280, 390])
def test_articles_under_no_heading_are_set_off_from_the_headed_group_before_them(built_sample, page, width):
    """昌吉日报 2023-06-14: 铸牢中华民族共同体意识 heads the lead story only; the next three stories
    have no column and must not read as its articles."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((built_sample / "changji-daily/2023-06-14/index.html").as_uri())
    sections = page.locator(".contents-section")
    expect(sections.first.locator("h2")).to_have_text("铸牢中华民族共同体意识")
    expect(sections.first.locator(".toc li")).to_have_count(1)
    rule = sections.nth(1).evaluate("s => [getComputedStyle(s).borderTopStyle, parseFloat(getComputedStyle(s).borderTopWidth)]")
    assert rule[0] == "solid" and rule[1] >= 1
