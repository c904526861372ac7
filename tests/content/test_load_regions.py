"""Regions and places in front matter: short forms resolve to one canonical name, so one page per region.

The README promises that short forms are understood (巴州, 伊犁州, 库尔勒…).
A name outside the gazetteer is warned about at its list item; nothing written
in content can make two pages claim one path without a message naming the files.
"""
from __future__ import annotations

import shutil

import pytest

from generator import GazetteError, build, load_config
from generator.content.site import load_site

ISSUE = "content/bayinguoleng-daily/2023-08-11"


def write(project, name, order, regions="", places=""):
    text = (f"---\ntitle: 题{order}\npublication: 巴音郭楞日报\ndate: 2023-08-11\nissue: 2023-08-11\n"
            f"order: {order}\n{regions}{places}---\n\n正文。\n")
    (project / ISSUE / name).write_text(text, encoding="utf-8")


def article(site, slug):
    return next(a for a in site.articles if a.slug == slug)


def test_short_forms_resolve_to_the_canonical_names(basic_project):
    write(basic_project, "004-short.md", 4, "regions: [巴州, 伊犁州, 第十二师, 巴音郭楞蒙古自治州]\n",
          "places: [库尔勒, 焉耆, 库尔勒市]\n")
    site, problems = load_site(load_config(basic_project))
    assert [p for p in problems if p.code not in ("missing-metadata",)] == []
    short = article(site, "short")
    assert short.regions == ("巴音郭楞蒙古自治州", "伊犁哈萨克自治州", "新疆生产建设兵团")  # once each, in order
    assert short.places == ("库尔勒市", "焉耆回族自治县")
    assert len({r.slug for r in site.regions}) == len(site.regions)
    assert [r.name for r in site.regions].count("巴音郭楞蒙古自治州") == 1


def test_a_short_form_builds_one_page_per_region(basic_project):
    write(basic_project, "004-short.md", 4, "regions: [巴州]\n", "places: [库尔勒]\n")
    output = load_config(basic_project).output_path
    build(load_config(basic_project))
    page = (output / "regions/bayingolin/index.html").read_text(encoding="utf-8").replace("<wbr>", "")
    assert "题4" in page
    place = (output / "regions/bayingolin/ku-er-le-shi/index.html").read_text(encoding="utf-8")
    assert "题4" in place.replace("<wbr>", "")  # a listed title is cut into phrases by <wbr>
    assert not list(output.glob("regions/ba-zhou*")) and not list(output.glob("regions/*/ku-er-le"))


def test_unknown_names_are_warned_at_their_item_with_a_hint_when_it_is_the_other_kind(basic_project):
    write(basic_project, "004-wrong.md", 4, "regions:\n  - 巴州\n  - 库尔勒\n  - 火星\n",
          "places:\n  - 巴州\n  - 火星镇\n")
    _, problems = load_site(load_config(basic_project))
    shown = [str(p) for p in problems if p.path.endswith("004-wrong.md")]
    assert shown == [
        f"{ISSUE}/004-wrong.md:9: warning: region 库尔勒 is not in the gazetteer "
        "(it is a county-level place of 巴音郭楞蒙古自治州: list 库尔勒市 under places)",
        f"{ISSUE}/004-wrong.md:10: warning: region 火星 is not in the gazetteer",
        f"{ISSUE}/004-wrong.md:12: warning: place 巴州 is not a county-level place in the gazetteer "
        "(it is the region 巴音郭楞蒙古自治州: list it under regions)",
        f"{ISSUE}/004-wrong.md:13: warning: place 火星镇 is not a county-level place in the gazetteer",
    ]


def test_regions_outside_the_gazetteer_get_pages_of_their_own(basic_project):
    # 火星 and 活性 are both huo-xing in pinyin; bayingolin is a gazetteer slug already
    write(basic_project, "004-a.md", 4, "regions: [火星, 活性, bayingolin]\n")
    site, problems = load_site(load_config(basic_project))
    assert {p.code for p in problems} <= {"unknown-region", "missing-metadata"}
    slugs = [r.slug for r in site.regions]
    assert len(set(slugs)) == len(slugs)
    assert {r.name: r.slug for r in site.regions[-3:]} == {"火星": "huo-xing", "活性": "huo-xing-2",
                                                          "bayingolin": "bayingolin-2"}
    build(load_config(basic_project))


@pytest.mark.parametrize("folder", ["regions", "dates", "search", "data", "static"])
def test_a_publication_folder_named_like_a_section_of_the_site_is_an_error_at_the_folder(basic_project, folder):
    content = basic_project / "content"
    shutil.copytree(content / "altay-daily", content / folder)
    (content / folder / "publication.yaml").write_text(f"name: 另一报\nslug: {folder}\n", encoding="utf-8")
    for path in (content / folder).rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("阿勒泰日报", "另一报"), encoding="utf-8")
    (content / folder / "2023-05-30/issue.yaml").write_text("date: 2023-05-30\n", encoding="utf-8")
    with pytest.raises(GazetteError) as caught:
        build(load_config(basic_project))
    assert [(p.path, p.code) for p in caught.value.problems if p.is_error] == [(f"content/{folder}", "reserved-slug")]
