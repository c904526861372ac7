"""Loading content/: typed models from the fixture, and located problems from broken files."""
from __future__ import annotations

import datetime as dt

import pytest

from generator import GazetteError, build, load_config
from generator.content.site import load_site


def test_fixture_loads_in_reading_order(basic_project):
    site, problems = load_site(load_config(basic_project))
    assert [p for p in problems if p.is_error] == []
    assert [p.slug for p in site.publications] == ["altay-daily", "bayinguoleng-daily", "dangyuan-zhiyou"]
    issue = next(i for i in site.issues if i.key == "bayinguoleng-daily/2023-08-11")
    assert [a.order for a in issue.articles] == [1, 2, 3]
    first = issue.articles[0]
    assert first.date == dt.date(2023, 8, 11)
    assert first.url == "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
    assert first.authors == ("陈彦强",)


def _write_article(project, name, front, body="正文。"):
    path = project / "content/bayinguoleng-daily/2023-08-11" / name
    path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return path


def test_bad_date_is_reported_with_file_and_line(basic_project):
    _write_article(basic_project, "004-bad.md",
                   "title: 坏日期\npublication: 巴音郭楞日报\ndate: 2023-13-01\nissue: 2023-08-11\norder: 4\n")
    site, problems = load_site(load_config(basic_project))
    messages = [str(p) for p in problems if p.is_error]
    assert messages == ["content/bayinguoleng-daily/2023-08-11/004-bad.md:4: date is not a date: 2023-13-01"]


def test_all_errors_reported_at_once_and_nothing_written(basic_project):
    _write_article(basic_project, "004-a.md", "title: [未闭合\n")
    _write_article(basic_project, "005-b.md", "title: 缺字段\npublication: 巴音郭楞日报\n")
    (basic_project / "content/altay-daily/2023-05-30/issue.yaml").write_text("date: 2023-05-31\n")
    config = load_config(basic_project)
    with pytest.raises(GazetteError) as caught:
        build(config)
    shown = [str(p) for p in caught.value.problems if p.is_error]
    assert any(s.startswith("content/bayinguoleng-daily/2023-08-11/004-a.md:2: YAML syntax error") for s in shown)
    assert "content/bayinguoleng-daily/2023-08-11/005-b.md:2: date is required" in shown
    assert any(s.startswith("content/altay-daily/2023-05-30/issue.yaml:1: date 2023-05-31 does not match") for s in shown)
    assert not config.output_path.exists()


def test_unknown_key_warns_and_strict_makes_it_fatal(basic_project):
    _write_article(basic_project, "004-typo.md",
                   "title: 拼错\npublication: 巴音郭楞日报\ndate: 2023-08-11\nissue: 2023-08-11\norder: 4\nauther: 某人\n")
    site, problems = load_site(load_config(basic_project))
    assert [str(p) for p in problems] == [
        "content/bayinguoleng-daily/2023-08-11/004-typo.md:7: warning: unknown key: auther (did you mean authors?)"]
    with pytest.raises(GazetteError):
        build(load_config(basic_project, strict=True))


def test_duplicate_key_and_order_clash(basic_project):
    _write_article(basic_project, "001-clash.md",
                   "title: 甲\ntitle: 乙\npublication: 巴音郭楞日报\ndate: 2023-08-11\nissue: 2023-08-11\norder: 1\n")
    site, problems = load_site(load_config(basic_project))
    assert "content/bayinguoleng-daily/2023-08-11/001-clash.md:3: duplicate key: title" in [str(p) for p in problems]


FRONT = ("title: 标题\npublication: 巴音郭楞日报\ndate: 2023-08-11\nissue: 2023-08-11\norder: 4\n"
         "page: 1\nauthors: [张三]\nregions:\n  - 巴音郭楞蒙古自治州\n")  # file lines 2–10


def test_yaml_syntax_error_names_the_line_yaml_stopped_at_not_the_front_matters_first(basic_project):
    _write_article(basic_project, "004-indent.md", FRONT + "places:\n  - 尉犁县\n - 库尔勒市\n")
    _, problems = load_site(load_config(basic_project))
    [shown] = [str(p) for p in problems if p.is_error]
    assert shown.startswith("content/bayinguoleng-daily/2023-08-11/004-indent.md:13: YAML syntax error: wrong indent")
    assert "<block end>" in shown  # PyYAML's words, for searching


@pytest.mark.parametrize("name, text, line", [
    ("issue.yaml", "publication: 巴音郭楞日报\ndate: 2023-08-11\npages: 4\n  number: 3\n", 4),
    ("publication.yaml", "name: 巴音郭楞日报\nslug: bayinguoleng-daily\ndescription: 甲: 乙\n", 3),
])
def test_yaml_syntax_errors_in_yaml_files_name_their_line(basic_project, name, text, line):
    folder = basic_project / "content/bayinguoleng-daily"
    path = folder / name if name == "publication.yaml" else folder / "2023-08-11" / name
    path.write_text(text, encoding="utf-8")
    _, problems = load_site(load_config(basic_project))
    assert [(p.path, p.line) for p in problems if p.is_error] == [(path.relative_to(basic_project).as_posix(), line)]


def test_yaml_syntax_error_in_gazette_yaml_names_its_line(basic_project):
    (basic_project / "gazette.yaml").write_text("title: 档案\nper_page: 20\n  theme: default\n", encoding="utf-8")
    with pytest.raises(GazetteError) as caught:
        load_config(basic_project)
    assert [(p.path, p.line) for p in caught.value.problems] == [("gazette.yaml", 3)]


def test_unknown_region_is_reported_at_its_list_item(basic_project):
    _write_article(basic_project, "004-mars.md", FRONT + "  - 火星\n")
    _write_article(basic_project, "005-mars.md", FRONT.replace("regions:\n  - 巴音郭楞蒙古自治州\n", "regions: [火星]\n")
                   .replace("order: 4", "order: 5"))
    _, problems = load_site(load_config(basic_project))
    assert [str(p) for p in problems if p.code == "unknown-region"] == [
        "content/bayinguoleng-daily/2023-08-11/004-mars.md:11: warning: region 火星 is not in the gazetteer",
        "content/bayinguoleng-daily/2023-08-11/005-mars.md:9: warning: region 火星 is not in the gazetteer"]


def test_a_bad_list_item_is_reported_at_its_line(basic_project):
    _write_article(basic_project, "004-item.md", FRONT + "photographers:\n  - 李四\n  - {名: 王五}\n")
    _, problems = load_site(load_config(basic_project))
    assert [(p.line, p.message) for p in problems if p.is_error] == [
        (13, "photographers has an item that is not a name: {'名': '王五'}")]


def test_order_clash_and_publication_name_clash_name_the_line_of_their_key(basic_project):
    _write_article(basic_project, "001-clash.md", "title: 甲\npublication: 巴音郭楞日报\ndate: 2023-08-11\n"
                   "issue: 2023-08-11\nsubtitle: 副题\norder: 1\n")
    (basic_project / "content/altay-daily/publication.yaml").write_text("slug: altay-daily\nname: 巴音郭楞日报\n",
                                                                         encoding="utf-8")
    _, problems = load_site(load_config(basic_project))
    located = {p.code: (p.path, p.line) for p in problems if p.is_error}
    assert located["duplicate-order"][1] == 7
    assert located["duplicate-publication"] == ("content/bayinguoleng-daily/publication.yaml", 1)


def test_an_empty_publication_yaml_is_an_error_even_after_other_problems(basic_project):
    _write_article(basic_project, "004-a.md", "title: [未闭合\n")  # an earlier problem in the same load
    (basic_project / "content/dangyuan-zhiyou/publication.yaml").write_text("# 空\n", encoding="utf-8")
    _, problems = load_site(load_config(basic_project))
    assert "content/dangyuan-zhiyou/publication.yaml:1: publication.yaml is empty" in [str(p) for p in problems]


@pytest.mark.parametrize("value", ["²", "٣", "'1 2'", "1.5", "true"])
def test_odd_numbers_are_located_errors_not_tracebacks(basic_project, value):
    _write_article(basic_project, "004-num.md", FRONT.replace("page: 1", f"page: {value}"))
    _, problems = load_site(load_config(basic_project))
    assert [(p.line, p.code) for p in problems if p.is_error] == [(7, "bad-value")]


def test_full_width_digits_typed_with_a_chinese_input_method_are_numbers(basic_project):
    _write_article(basic_project, "004-num.md", FRONT.replace("page: 1", "page: １２"))
    site, problems = load_site(load_config(basic_project))
    assert [p for p in problems if p.is_error] == []
    assert [a.page for a in site.articles if a.slug == "num"] == [12]


@pytest.mark.parametrize("where, text, message", [
    ("2023-08-11/004-typo.md", "---\n" + FRONT + "author: 张三\n---\n\n正文。\n", "unknown key: author (did you mean authors?)"),
    ("2023-08-11/004-typo.md", "---\n" + FRONT + "Places: [博湖县]\n---\n\n正文。\n", "unknown key: Places (did you mean places?)"),
    ("2023-08-11/004-typo.md", "---\n" + FRONT + "作者: 张三\n---\n\n正文。\n", "unknown key: 作者"),
    ("2023-08-11/issue.yaml", "publication: 巴音郭楞日报\ndate: 2023-08-11\npage: 4\n", "unknown key: page (did you mean pages?)"),
    ("publication.yaml", "name: 巴音郭楞日报\nhome-region: 巴音郭楞蒙古自治州\n", "unknown key: home-region (did you mean home_region?)"),
])
def test_unknown_keys_suggest_the_declared_field_they_resemble(basic_project, where, text, message):
    (basic_project / "content/bayinguoleng-daily" / where).write_text(text, encoding="utf-8")
    _, problems = load_site(load_config(basic_project))
    assert [p.message for p in problems if p.code == "unknown-key"] == [message]


def test_unknown_keys_in_gazette_yaml_suggest_too(basic_project):
    (basic_project / "gazette.yaml").write_text("title: 档案\nperpage: 20\n", encoding="utf-8")
    assert [str(p) for p in load_config(basic_project).warnings] == [
        "gazette.yaml:2: warning: unknown key: perpage (did you mean per_page?)"]


@pytest.mark.parametrize("name", ["昌吉日报", "巴音郭楞日报社", "阿勒泰日报"])
def test_an_article_of_another_publication_is_an_error_at_its_line(basic_project, name):
    _write_article(basic_project, "004-other.md", FRONT.replace("publication: 巴音郭楞日报", f"publication: {name}"))
    _, problems = load_site(load_config(basic_project))
    assert [str(p) for p in problems if p.is_error] == [
        f"content/bayinguoleng-daily/2023-08-11/004-other.md:3: publication {name} differs from the folder's "
        "publication 巴音郭楞日报 (content/bayinguoleng-daily/publication.yaml)"]


def test_an_issue_yaml_of_another_publication_is_an_error_at_its_line(basic_project):
    (basic_project / "content/bayinguoleng-daily/2023-08-11/issue.yaml").write_text(
        "publication: 昌吉日报\ndate: 2023-08-11\n", encoding="utf-8")
    _, problems = load_site(load_config(basic_project))
    assert [str(p) for p in problems if p.is_error] == [
        "content/bayinguoleng-daily/2023-08-11/issue.yaml:1: publication 昌吉日报 differs from the folder's "
        "publication 巴音郭楞日报 (content/bayinguoleng-daily/publication.yaml)"]


def test_the_publication_may_be_spelled_in_traditional_characters(basic_project):
    # the same folding search uses (OpenCC's table): no list of special cases
    _write_article(basic_project, "004-trad.md", FRONT.replace("publication: 巴音郭楞日报", "publication: 巴音郭楞日報"))
    (basic_project / "content/bayinguoleng-daily/2023-08-11/issue.yaml").write_text(
        "publication: 巴音郭楞日報\ndate: 2023-08-11\n", encoding="utf-8")
    site, problems = load_site(load_config(basic_project))
    assert [p for p in problems if p.is_error or "publication" in p.message] == []
    assert {a.publication for a in site.articles if a.publication_slug == "bayinguoleng-daily"} == {"巴音郭楞日报"}


@pytest.mark.parametrize("key, value, line", [("order", "0", 6), ("page", "0", 7), ("page", "-2", 7)])
def test_order_and_page_must_be_1_or_more(basic_project, key, value, line):
    front = FRONT.replace(f"{key}: {4 if key == 'order' else 1}", f"{key}: {value}")
    _write_article(basic_project, "004-zero.md", front)
    _, problems = load_site(load_config(basic_project))
    errors = [(p.line, p.message) for p in problems if p.is_error]
    assert (line, f"{key} must be a whole number of at least 1: {value}") in errors


@pytest.mark.parametrize("key", ["number", "pages"])
def test_issue_number_and_pages_must_be_1_or_more(basic_project, key):
    (basic_project / "content/bayinguoleng-daily/2023-08-11/issue.yaml").write_text(
        f"publication: 巴音郭楞日报\ndate: 2023-08-11\n{key}: 0\n", encoding="utf-8")
    _, problems = load_site(load_config(basic_project))
    assert [(p.line, p.message) for p in problems if p.is_error] == [
        (3, f"{key} must be a whole number of at least 1: 0")]


@pytest.mark.parametrize("value", ["0", "-5"])
def test_per_page_must_be_1_or_more(basic_project, value):
    (basic_project / "gazette.yaml").write_text(f"title: 档案\nper_page: {value}\n", encoding="utf-8")
    with pytest.raises(GazetteError) as caught:
        load_config(basic_project)
    assert [str(p) for p in caught.value.problems] == [
        f"gazette.yaml:2: per_page must be a whole number of at least 1: {value}"]


def test_an_issue_folder_name_must_match_whole(basic_project):
    """A folder named 2023-08-11 plus a newline is no issue folder (regex `$` matches before a
    final newline): loaded, it gave an issue whose URL held the newline."""
    pub = basic_project / "content/bayinguoleng-daily"
    (pub / "2023-08-11").rename(pub / "2023-08-11\n")
    site, problems = load_site(load_config(basic_project))
    assert not [i for i in site.issues if "\n" in i.folder]
    assert "not-an-issue" in {p.code for p in problems}


@pytest.mark.parametrize("value, source", [
    ("inferred", "inferred"), ('"inferred: 正文首句"', "inferred: 正文首句"), ("given", "given"),
    ("printed", None)])
def test_title_source_says_whether_the_title_was_printed(basic_project, value, source):
    _write_article(basic_project, "004-source.md", FRONT + f"title_source: {value}\n")
    site, problems = load_site(load_config(basic_project))
    assert [p for p in problems if p.is_error] == []
    article = next(a for a in site.articles if a.stem == "004-source")
    assert article.title_source == source and article.title_supplied == (source is not None)
    assert article.title_inferred == (value != "given" and source is not None)


def test_an_article_without_title_source_has_its_title_as_printed(basic_project):
    """What an archivist gets by removing the key after writing the real headline: a printed title."""
    _write_article(basic_project, "004-source.md", FRONT)
    site, _ = load_site(load_config(basic_project))
    article = next(a for a in site.articles if a.stem == "004-source")
    assert (article.title_source, article.title_supplied, article.title_inferred) == (None, False, False)


@pytest.mark.parametrize("value", ["guessed", "Inferred", '"inferred:"', "[inferred]"])
def test_an_unknown_title_source_is_an_error_at_its_line(basic_project, value):
    _write_article(basic_project, "004-source.md", FRONT + f"title_source: {value}\n")
    _, problems = load_site(load_config(basic_project))
    [shown] = [str(p) for p in problems if p.is_error]
    assert shown.startswith("content/bayinguoleng-daily/2023-08-11/004-source.md:11: title_source ")
    if value != "[inferred]":
        assert shown.endswith("must be printed, given, inferred or inferred: <reason>, not "
                              + value.strip('"'))


@pytest.mark.parametrize("value, error", [
    ('"inferred: label 2025·3"', False), ("stated", False), ("given", False),
    ('"infered: label 2025·3"', True), ("guessed", True)])
def test_date_source_is_stated_given_or_inferred_and_a_typo_is_an_error_at_its_line(basic_project, value, error):
    """A page says 日期为推断 only for an inferred date: a misspelt date_source would show an
    inferred date as printed."""
    issue = basic_project / "content/bayinguoleng-daily/2023-08-11/issue.yaml"
    text = issue.read_text(encoding="utf-8")
    issue.write_text("\n".join(line for line in text.splitlines() if not line.startswith("date_source"))
                     + f"\ndate_source: {value}\n", encoding="utf-8")
    _, problems = load_site(load_config(basic_project))
    shown = [str(p) for p in problems if p.is_error]
    assert bool(shown) == error
    if error:
        assert shown[0].startswith("content/bayinguoleng-daily/2023-08-11/issue.yaml:")
        assert "date_source must be stated, given, inferred or inferred: <reason>" in shown[0]
