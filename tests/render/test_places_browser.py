"""In Chromium, from disk and under a sub-path, at a phone's and a desktop's width: the
regions map leads to region pages, and 历史上的今天 lists the issues of a faked today."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator import build, load_config, urls
from generator.render.onthisday import on_this_day_index
from generator.content.site import load_site
from render_helpers import copy_fixture

WIDTHS = [390, 1280]
WHERE = ["disk", "sub-path"]
BAYIN = "bayinguoleng-daily"


def site_root(site: Path, where: str, serve) -> str:
    return site.as_uri() + "/" if where == "disk" else serve(site)


# ---- the regions map ---------------------------------------------------------------------

INSIDE_JS = """a => {  // a point of the viewport where this link, not another shape, takes the click
  a.scrollIntoView({block: "center"});
  const r = a.getBoundingClientRect();
  for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
    const x = r.left + r.width * i / 24, y = r.top + r.height * j / 24;
    const hit = document.elementFromPoint(x, y);
    if (hit && a.contains(hit)) return [x, y];
  }
  return null;
}"""


def grid_counts(page) -> dict[str, int]:
    rows = page.locator(".region-grid li").evaluate_all(
        "lis => lis.map(li => [li.querySelector('a').textContent, li.querySelector('.muted').textContent])")
    return {name: int(count.removesuffix("篇")) for name, count in rows}


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("width", WIDTHS)
def test_clicking_a_region_on_the_map_opens_its_page(built_sample, page, serve_under_repo, where, width):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_root(built_sample, where, serve_under_repo) + "regions/index.html")
    svg = page.locator(".region-map svg")
    box = svg.bounding_box()
    assert box["width"] > 300 and box["x"] >= 0 and box["x"] + box["width"] <= width
    counts = grid_counts(page)
    links = page.locator(".region-map svg a")
    labels = links.evaluate_all("as => as.map(a => [a.getAttribute('aria-label'), a.querySelector('title').textContent])")
    assert len(labels) >= 15  # 14 prefectures and the 兵团
    for label, title in labels:
        name, count = re.fullmatch(r"(.+)：(\d+)篇", label).groups()
        assert title == label and counts[name] == int(count)
    unmapped = page.locator(".map-unmapped a").all_inner_texts()
    assert sorted(unmapped) == sorted(set(counts) - {re.sub("：.*", "", label) for label, _ in labels})

    region = page.locator('.region-map svg a[aria-label^="巴音郭楞蒙古自治州："]')
    x, y = region.evaluate(INSIDE_JS)
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/regions/bayingolin/index\.html$"))
    assert "巴音郭楞蒙古自治州" in page.inner_text("h1")
    page.go_back()
    bingtuan = page.locator('.region-map svg a[aria-label^="新疆生产建设兵团："]')
    assert bingtuan.locator("path").count() >= 8  # one link for all of its cities
    x, y = bingtuan.evaluate(INSIDE_JS)
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/regions/bingtuan/index\.html$"))
    assert errors == []


def test_the_map_needs_no_script_and_is_shaded_for_dark_mode(built_sample, browser):
    url = (built_sample / "regions/index.html").as_uri()
    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, java_script_enabled=False,
                                      viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url)
        shades = page.locator(".region-map svg a").evaluate_all(
            "as => as.map(a => [a.getAttribute('class'), getComputedStyle(a.querySelector('path')).fill])")
        fills[scheme] = dict(shades)
        assert len(set(fills[scheme].values())) == len(fills[scheme]) >= 3  # each shade its own colour
        legend = page.locator(".map-legend li").all_inner_texts()
        assert legend[0] == "0篇" and all(re.fullmatch(r"\d+(–\d+)?篇", t) for t in legend)
        page.locator('.region-map svg a[aria-label^="喀什地区："]').focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/regions/kashgar/index\.html$"))
        context.close()
    assert all(fills["light"][c] != fills["dark"][c] for c in fills["light"])


# ---- 历史上的今天 -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built_years(tmp_path_factory) -> Path:
    """The basic archive with 巴音郭楞日报 of 2023-08-11 printed again on 8 August 2021 and 2022."""
    project = copy_fixture("basic", tmp_path_factory.mktemp("years"))
    issues = project / "content" / BAYIN
    for year in ("2021", "2022"):
        target = issues / f"{year}-08-11"
        shutil.copytree(issues / "2023-08-11", target)
        for path in target.iterdir():
            path.write_text(path.read_text("utf-8").replace("2023-08-11", f"{year}-08-11"), "utf-8")
    config = load_config(project)
    build(config)
    return config.output_path


def shown(page) -> list[tuple[str, str]]:
    page.wait_for_selector("#on-this-day[data-state=done]", state="attached")
    if page.locator("#on-this-day").is_hidden():
        return []
    return [(a.get_attribute("href"), a.inner_text()) for a in page.locator("#on-this-day li a").all()]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("width", WIDTHS)
def test_on_this_day_lists_earlier_years_of_todays_date(built_years, page, serve_under_repo, where, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.clock.set_fixed_time("2024-08-11T12:00:00")
    page.goto(site_root(built_years, where, serve_under_repo) + "index.html")
    assert page.inner_text("#on-this-day h2") == "历史上的今天 · 8月11日"
    assert shown(page) == [(f"{BAYIN}/{y}-08-11/index.html", f"巴音郭楞日报 {y}年8月11日 星期{d}")
                           for y, d in (("2023", "五"), ("2022", "四"), ("2021", "三"))]
    first = page.locator("#on-this-day li").first
    assert "1年前" in first.inner_text() and "首篇：巴州被命名为2023年自治区民族团结进步示范区" in first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("#on-this-day li a").nth(1).click()
    page.wait_for_url(re.compile(rf"/{BAYIN}/2022-08-11/index\.html$"))
    assert page.inner_text("h1.masthead-name") == "巴音郭楞日报"


@pytest.mark.parametrize("today, expected", [
    ("2023-08-11T08:00:00", ["2022-08-11", "2021-08-11"]),  # this year's own issue is not history
    ("2030-08-12T23:30:00", ["2023-08-12"]),
    ("2024-05-30T00:10:00", ["2023-05-30"]),
    ("2025-03-28T12:00:00", []),  # only this year's issue on this day
    ("2024-01-02T12:00:00", []),
])
def test_on_this_day_follows_the_readers_clock(built_years, page, today, expected):
    page.clock.set_fixed_time(today)
    page.goto((built_years / "index.html").as_uri())
    assert [href.split("/")[1] for href, _ in shown(page)] == expected
    if not expected:
        assert page.locator("#on-this-day li").count() == 0


def test_the_on_this_day_index_is_every_issue_by_month_day(built_years):
    site, _ = load_site(load_config(built_years.parent))
    index = on_this_day_index(site)
    assert sum(len(v) for v in index.values()) == len(site.issues)
    assert [e["url"] for e in index["08-11"]] == [f"{BAYIN}/{y}-08-11/index.html" for y in (2023, 2022, 2021)]
    parts = {}
    for month in range(1, 13):  # one script a month, empty or not, holding that month's days
        script = (built_years / urls.on_this_day(month)).read_text("utf-8")
        part = json.loads(re.fullmatch(r"gazetteOnThisDay\((.*)\);\n", script, re.S).group(1))
        assert all(day.startswith(f"{month:02d}-") for day in part)
        parts.update(part)
    assert parts == index
    assert sorted(p.name for p in (built_years / "data/on-this-day").iterdir()) == [f"{m:02d}.js" for m in range(1, 13)]
