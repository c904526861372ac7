"""The built fixture archive, as a reader meets it: titles, links between pages, escaping, metadata."""
from __future__ import annotations

import json
import re

from generator import build, load_config
from generator.linkcheck import check_site, read_tree
from generator.render.links import relative_url

from render_helpers import copy_fixture, read, unbroken
from seeded import under_other_seeds

ISSUE = "bayinguoleng-daily/2023-08-11/index.html"
FIRST = "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
SECOND = "bayinguoleng-daily/2023-08-11/002-shi-si-yun.html"
HOSTILE = "bayinguoleng-daily/2023-08-11/003-hostile.html"


def hrefs(html: str) -> list[str]:
    return re.findall(r'(?:href|src|action)="([^"]*)"', html)


def text_of(html: str) -> str:
    """The words of some HTML as a reader sees them, without its tags (bylines are links)."""
    return re.sub(r"<[^>]+>", "", html)


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_every_page_is_chinese_and_has_the_site_frame(built_basic):
    for path in sorted(built_basic.rglob("*.html")):
        html = path.read_text("utf-8")
        rel = path.relative_to(built_basic).as_posix()
        assert '<html lang="zh-Hans">' in html, rel
        assert 'class="site-search"' in html and 'name="q"' in html, rel
        for label in ("首页", "报刊", "地区", "日期", "搜索"):
            assert f">{label}</a>" in html, (rel, label)


def test_every_internal_link_resolves(built_basic, built_plain):
    assert check_site(read_tree(built_basic)) == []
    assert check_site(read_tree(built_plain)) == []


def test_links_are_relative_and_name_files(built_basic):
    for path in sorted(built_basic.rglob("*.html")):
        for url in hrefs(path.read_text("utf-8")):
            if url.startswith(("http", "#")) or path.name == "404.html":
                continue
            assert not url.startswith("/"), (path, url)
            assert not url.split("#")[0].endswith("/"), (path, url)


def test_article_page(built_basic):
    html = read(built_basic, FIRST)
    assert "<title>巴州被命名为2023年自治区民族团结进步示范区 · 巴音郭楞日报 · 测试档案</title>" in html
    assert '<h1 class="article-title"><span class="phrases">巴州被命名为2023年自治区民族团结进步示范区</span></h1>' in unbroken(html)
    meta = text_of(re.search(r'<p class="article-meta">(.*?)</p>', html, re.S).group(1))
    assert "2023年8月11日" in meta and "第1版" in meta and "作者：陈彦强" in meta
    assert '<a href="../../regions/bayingolin/index.html">巴音郭楞蒙古自治州</a>' in html
    assert '<a href="../../regions/bayingolin/bo-hu-xian/index.html">博湖县</a>' in html
    assert '<a rel="next" href="002-shi-si-yun.html">' in html
    assert 'rel="prev"' not in html  # the first article has no predecessor
    assert '<a href="index.html">返回本期目录' in html
    assert '<a href="003-hostile.html">下转2版</a>' in html  # continued: 2版 → the article on page 2
    assert "陈彦强.巴州被命名为2023年自治区民族团结进步示范区[N].巴音郭楞日报,2023-08-11(1)." in html


def test_continued_article_links_back(built_basic):
    assert '<a href="001-ba-zhou-bei-ming-ming.html">上接1版</a>' in read(built_basic, HOSTILE)


def test_article_meta_line_credits(built_basic):
    photo = text_of(read(built_basic, SECOND))
    assert "摄影：袁海军" in photo
    altay = text_of(read(built_basic, "altay-daily/2023-05-30/001-tian-shan-nan-bei.html"))
    assert "总第10246期" in altay and "来源：工人日报" in altay and "作者：徐新星、吴泽思" in altay
    assert "责任编辑：王编辑" in read(built_basic, HOSTILE)


def test_hostile_title_and_body_are_escaped_everywhere(built_basic):
    for page in (HOSTILE, ISSUE, "regions/bayingolin/index.html", "index.html"):
        html = read(built_basic, page)
        assert "<script>alert" not in html, page
        assert "<b>加粗" not in html, page
    article = read(built_basic, HOSTILE)
    assert "&lt;script&gt;alert(&#34;标题&#34;)&lt;/script&gt;质量强州" in article
    assert "<p>正文里有 &lt;script&gt;alert(1)&lt;/script&gt; 原始HTML，应当被转义。</p>" in article
    assert "<h2>小标题</h2>" in article  # our own Markdown still renders
    assert json_ld(article)["headline"] == '<script>alert("标题")</script>质量强州'


def test_article_structured_data_and_permalink_with_base_url(built_basic):
    html = read(built_basic, FIRST)
    data = json_ld(html)
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2023-08-11"
    assert data["isPartOf"]["@type"] == "PublicationIssue"
    assert data["isPartOf"]["isPartOf"] == {"@type": "Newspaper", "name": "巴音郭楞日报",
                                            "url": "https://example.org/archive/bayinguoleng-daily/index.html"}
    absolute = "https://example.org/archive/" + FIRST
    assert data["url"] == absolute
    assert f'<meta property="og:url" content="{absolute}">' in html
    assert f'<link rel="canonical" href="{absolute}">' in html
    assert f'永久链接：<a href="001-ba-zhou-bei-ming-ming.html">{absolute}</a>' in html


def test_no_absolute_urls_without_base_url(built_plain):
    html = read(built_plain, FIRST)
    assert "og:url" not in html and "canonical" not in html and "https://example.org" not in html
    assert '<meta property="og:title" content="巴州被命名为2023年自治区民族团结进步示范区">' in html
    assert "url" not in json_ld(html)
    assert f'档案内路径：<a href="001-ba-zhou-bei-ming-ming.html">{FIRST}</a>' in html  # no address to call permanent
    assert "永久链接" not in html


def test_issue_page_groups_by_page_in_reading_order(built_basic):
    html = unbroken(read(built_basic, ISSUE))
    assert "2023年8月11日 星期五" in html and "今日4版" in html
    assert html.index(">第1版</h2>") < html.index("巴州被命名") < html.index("十四运") \
        < html.index(">第2版</h2>") < html.index("质量强州")
    assert '<p class="toc-summary">8月7日，游客在博湖县博斯腾湖景区观光旅游。</p>' in html
    assert '<a rel="next" href="../2023-08-12/index.html">下一期 2023年8月12日 →</a>' in html
    assert 'href="../index.html">巴音郭楞日报</a>' in html
    data = json_ld(html)
    assert data["@type"] == "PublicationIssue" and data["isPartOf"]["name"] == "巴音郭楞日报"


def test_magazine_issue_is_a_table_of_contents_by_column(built_basic):
    html = read(built_basic, "dangyuan-zhiyou/2025-03-28/index.html")
    assert "总第344期 · 2025·3" in html
    assert html.index(">卷首语</h2>") < html.index(">基层实践</h2>")
    assert "contents-magazine" in html
    assert json_ld(html)["isPartOf"]["@type"] == "Periodical"
    citation = read(built_basic, "dangyuan-zhiyou/2025-03-28/002-jie-zhu-yuan-jiang.html")
    assert "温泉县委组织部.借助援疆力量 促进区域发展[J].党员之友,2025(3)." in citation


def test_publication_page_calendar_links_issue_days(built_basic):
    html = read(built_basic, "bayinguoleng-daily/index.html")
    assert "<h1>巴音郭楞日报</h1>" in html and "中共巴音郭楞蒙古自治州委员会机关报" in html
    assert '<td class="has-issue"><a href="2023-08-11/index.html"' in html
    assert '<td class="has-issue"><a href="2023-08-12/index.html"' in html
    assert "<td>13</td>" in html  # a day without an issue is plain text


def test_home_page_lists_latest_issues_publications_regions_and_totals(built_basic):
    html = read(built_basic, "index.html")
    assert "<strong>3</strong> 种报刊、<strong>4</strong> 期、<strong>8</strong> 篇文章" in html
    latest = re.findall(r'<li><a href="([^"]+/index.html)"><span class="issue-pub">', html)
    assert latest[0] == "dangyuan-zhiyou/2025-03-28/index.html"  # newest first
    assert '<a href="regions/bayingolin/index.html">巴音郭楞蒙古自治州</a> <span class="muted">4篇</span>' in html
    assert '<a href="altay-daily/index.html">阿勒泰日报</a>' in html


def test_region_pages_paginate_newest_first_and_list_places(built_plain):
    first = unbroken(read(built_plain, "regions/bayingolin/index.html"))
    assert "<h1>巴音郭楞蒙古自治州</h1>" in first and "共4篇文章，第1/4页" in first
    assert "库尔勒市推进城市更新" in first  # 2023-08-12, the newest
    assert '<a rel="next" href="page-2.html">' in first
    assert '<a href="ku-er-le-shi/index.html">库尔勒市</a> <span class="muted">1篇</span>' in first
    assert '<a href="bo-hu-xian/index.html">博湖县</a> <span class="muted">2篇</span>' in first
    second = unbroken(read(built_plain, "regions/bayingolin/page-2.html"))
    assert "巴州被命名" in second and '<a rel="prev" href="index.html">' in second
    assert (built_plain / "regions/bayingolin/page-4.html").exists()
    assert not (built_plain / "regions/bayingolin/page-5.html").exists()


def test_place_page_lists_its_articles(built_basic):
    html = unbroken(read(built_basic, "regions/bayingolin/bo-hu-xian/index.html"))
    assert "<h1>博湖县</h1>" in html and '<a href="../index.html">巴音郭楞蒙古自治州</a>' in html
    assert "巴州被命名" in html and "十四运" in html and "库尔勒市推进城市更新" not in html


def test_regions_index_counts_every_region(built_basic):
    html = read(built_basic, "regions/index.html")
    assert '<a href="bayingolin/index.html">巴音郭楞蒙古自治州</a>' in html
    assert '<li class="empty">\n    <a href="hami/index.html">哈密市</a>' in html


def test_date_archive(built_basic):
    years = read(built_basic, "dates/index.html")
    assert '<a href="2023/index.html">2023年</a>' in years and '<a href="2025/index.html">2025年</a>' in years
    assert '<a href="2023/index.html#m08">8月</a> <span class="muted">2期</span>' in years
    year = read(built_basic, "dates/2023/index.html")
    assert '<section class="date-month" id="m05">' in year and '<section class="date-month" id="m08">' in year
    assert '<a href="../../altay-daily/2023-05-30/index.html">阿勒泰日报</a>' in year
    assert "11日</time> <span class=\"muted\">星期五</span>" in year


def test_search_page_is_rendered_from_the_theme(built_basic):
    html = read(built_basic, "search.html")
    assert '<html lang="zh-Hans">' in html and "巴音郭楞日报" in html and "阿勒泰日报" in html


def test_404_page_uses_base_href_when_base_url_is_set(built_basic):
    html = read(built_basic, "404.html")
    assert '<base href="https://example.org/archive/">' in html
    assert '<link rel="stylesheet" href="static/style.css">' in html
    assert '<a href="index.html">返回首页</a>' in html
    assert "<script>" not in html.split("</head>")[0]


def test_404_page_without_base_url_sets_base_from_script(built_plain):
    html = read(built_plain, "404.html")
    assert "<base href" not in html
    head = html.split("</head>")[0]
    assert "github" in head and 'createElement("base")' in head
    assert '<a href="index.html">返回首页</a>' in html


def test_two_builds_are_byte_identical(basic_project, tmp_path):
    other = copy_fixture("basic", tmp_path / "again")
    outputs = []
    for project in (basic_project, other):
        config = load_config(project)
        build(config)
        outputs.append({p.relative_to(config.output_path).as_posix(): p.read_bytes()
                        for p in sorted(config.output_path.rglob("*")) if p.is_file()})
    assert outputs[0].keys() == outputs[1].keys()
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []


def test_relative_links_agree_with_the_model(built_basic):
    html = read(built_basic, ISSUE)
    assert f'href="{relative_url(FIRST, ISSUE)}"' in html


BUILD = """
import os
from pathlib import Path
from generator import build, load_config
out = Path(args[1]) / ("seed-" + os.environ["PYTHONHASHSEED"])
build(load_config(args[0], output_dir=str(out), cache_dir=""))
result = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
"""


def test_builds_in_separate_processes_with_different_hash_seeds_are_identical(basic_project, tmp_path):
    """Every file, rebuilt under each of seeded.SEEDS, is the same bytes. The search cache is off:
    a build that reused another's shards would compare its index with itself."""
    trees = under_other_seeds(BUILD, (basic_project, tmp_path))
    assert len(trees[0]) > 50 and all(tree.keys() == trees[0].keys() for tree in trees)
    assert [k for k in trees[0] if any(tree[k] != trees[0][k] for tree in trees)] == []


def test_issue_contents_tag_photos_and_credit_photographers(built_basic):
    html = read(built_basic, ISSUE)
    assert ('<span class="toc-head"><span class="toc-kind">图片</span><a class="toc-title" '
            'href="002-shi-si-yun.html">') in html
    assert ('<span class="toc-byline"><a class="byline-name" href="../../authors/yuan-hai-jun/index.html">袁海军</a>'
            ' 摄</span>') in html
    assert "共3篇" in html  # the masthead counts the issue's articles


def test_an_only_issue_has_no_empty_previous_next_bar(built_basic):
    assert 'class="prev-next"' not in read(built_basic, "altay-daily/2023-05-30/index.html")
    assert 'class="prev-next"' in read(built_basic, ISSUE)


def test_every_kind_the_importer_assigns_has_a_chinese_tag_in_the_issue_contents(basic_project, tmp_path):
    """profile and brief are kinds the importer writes: the issue page tags them 人物 and 简讯."""
    project = copy_fixture("basic", tmp_path / "kinds")
    folder = project / "content" / "altay-daily" / "2023-05-30"
    for name, kind in (("001-tian-shan-nan-bei.md", "profile"), ("002-lun-ke-ji.md", "brief")):
        path = folder / name
        text = path.read_text("utf-8")
        text = re.sub(r"^kind: .*\n", "", text, flags=re.M).replace("\ntitle:", f"\nkind: {kind}\ntitle:", 1)
        path.write_text(text, "utf-8")
    build(load_config(project))
    html = read(project / "site", "altay-daily/2023-05-30/index.html")
    assert '<span class="toc-kind">人物</span>' in html and '<span class="toc-kind">简讯</span>' in html


def test_listings_call_a_magazines_pages_pages_and_a_dailys_editions(built_sample):
    """A region or date listing names where each article was printed: 第N页 in a magazine
    (党员之友), 第N版 in a newspaper, as the article page itself does."""
    items = re.findall(r'<span class="article-item-meta">(.*?)</span>',
                       "".join(path.read_text(encoding="utf-8") for path in built_sample.rglob("*.html")), re.S)
    magazine = [item for item in items if "党员之友" in item and re.search(r"第\d+[页版]", item)]
    daily = [item for item in items if "日报" in item and re.search(r"第\d+[页版]", item)]
    assert magazine
    assert all(re.search(r"第\d+页", item) and not re.search(r"第\d+版", item) for item in magazine)
    assert all(re.search(r"第\d+版", item) for item in daily)


def test_a_title_the_importer_inferred_is_marked_on_its_page_in_listings_and_in_its_citation(built_sample):
    """巴音郭楞日报 2023-08-11 #3 was printed without a headline (content/: title_source: inferred)."""
    title = "自治州质量强州工作领导小组第一次全体会议在州市场监督管理局召开"
    page = unbroken(read(built_sample, "bayinguoleng-daily/2023-08-11/003-zi-zhi-zhou-zhi-liang-qiang.html"))
    assert re.search(f'<h1 class="article-title"><span class="phrases">{title}</span></h1>\\s*'
                     '<p class="title-note">标题为编者据正文所加</p>', page)
    assert f"谢晓艳.[{title}][N].巴音郭楞日报,2023-08-11." in page
    listed = f'<span class="supplied-title" title="标题为编者据正文所加">［<span class="phrases">{title}</span>］</span>'
    assert listed in unbroken(read(built_sample, "bayinguoleng-daily/2023-08-11/index.html"))
    assert listed in unbroken(read(built_sample, "bayinguoleng-daily/2023-08-11/004-zi-zhi-zhou-dang-wei-zhao.html"))  # 上一篇
    printed = read(built_sample, "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming-wei.html")
    assert "title-note" not in printed and "陈彦强.巴州被命名为2023年自治区民族团结进步示范区[N]" in printed


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_supplied_titles_and_an_inferred_date_are_shown_and_a_title_without_the_key_is_printed(tmp_path):
    project = copy_fixture("basic", tmp_path)
    content = project / "content"
    _edit(content / "bayinguoleng-daily/2023-08-11/002-shi-si-yun.md", "order: 2\n", "order: 2\ntitle_source: given\n")
    _edit(content / "dangyuan-zhiyou/2025-03-28/issue.yaml", "date_source: given",
          'date_source: "inferred: label 2025·3 and 出版日期 每月28日"')
    config = load_config(project, base_url="")
    build(config)
    site = config.output_path
    given = read(site, SECOND)
    assert '<p class="title-note">标题为编者所加</p>' in given
    assert "[十四运促巴州旅游持续升温][N]" in given
    issue = unbroken(read(site, ISSUE))
    assert ('<span class="supplied-title" title="标题为编者所加">［<span class="phrases">十四运促巴州旅游持续升温'
            '</span>］</span>') in issue
    first = read(site, FIRST)  # no title_source: printed, as after an archivist's hand edit
    assert "title-note" not in first and "date-note" not in first
    assert ('href="001-ba-zhou-bei-ming-ming.html"><span class="phrases">巴州被命名为2023年自治区民族团结进步示范区'
            '</span></a>') in issue
    magazine = "dangyuan-zhiyou/2025-03-28/"
    assert '<span class="date-note">日期为推断</span>' in read(site, magazine + "index.html")
    assert '<span class="date-note">（日期为推断）</span>' in read(site, magazine + "002-jie-zhu-yuan-jiang.html")
    assert "日期为推断" not in read(site, ISSUE)
