"""Theme lookup: overrides → project theme → repo theme → default, for templates and static files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import GazetteError, build, load_config
from generator.cli import main
from generator import theme_layers as layers
from generator.render import themes
from generator.search.assets import served

LAYERED = Path(__file__).parent.parent / "fixtures" / "themes" / "layered"


@pytest.fixture
def layered_project(basic_project) -> Path:
    shutil.copytree(LAYERED, basic_project, dirs_exist_ok=True)
    return basic_project


def test_layers_in_order(layered_project):
    config = load_config(layered_project, theme="local")
    assert themes.theme_layers(config) == [
        layered_project / "overrides", layered_project / "themes" / "local", themes.SHIPPED / "default"]


def test_each_file_comes_from_the_first_layer_that_has_it(layered_project):
    config = load_config(layered_project, theme="local")
    build(config)
    site = config.output_path
    article = (site / "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html").read_text("utf-8")
    assert "<title>OVERRIDE 巴州被命名为2023年自治区民族团结进步示范区</title>" in article
    assert "LOCAL THEME" not in article
    assert 'class="article-body"' in article  # extended the default article via !default/
    issue = (site / "bayinguoleng-daily/2023-08-11/index.html").read_text("utf-8")
    assert "LOCAL ISSUE 巴音郭楞日报" in issue
    assert 'class="site-search"' in issue  # the local issue page still extends the default base.html
    assert (site / "static/style.css").read_text() == "/* style from the local theme */\n"
    assert (site / "static/extra.css").read_text() == "/* extra from overrides */\n"
    assert 'class="region-grid"' in (site / "regions/index.html").read_text("utf-8")  # default


def test_repo_theme_sits_between_project_theme_and_default(layered_project, tmp_path, monkeypatch):
    shipped = tmp_path / "repo" / "themes"
    (shipped / "shipped" / "templates").mkdir(parents=True)
    (shipped / "shipped" / "templates" / "regions.html").write_text(
        '{% extends "base.html" %}{% block content %}SHIPPED REGIONS{% endblock %}', "utf-8")
    (shipped / "default").symlink_to(themes.SHIPPED / "default")
    default = (themes.SHIPPED / "default").resolve()
    monkeypatch.setattr(layers, "SHIPPED", shipped)  # where gazette's own themes are
    config = load_config(layered_project, theme="shipped")
    assert themes.theme_layers(config)[1:] == [(shipped / "shipped").resolve(), default]
    build(config)
    assert "SHIPPED REGIONS" in (config.output_path / "regions/index.html").read_text("utf-8")


def test_a_theme_that_exists_nowhere_is_an_error_not_a_silent_default(basic_project, capsys):
    (basic_project / "gazette.yaml").write_text("theme: nonexistent\n", encoding="utf-8")
    assert main(["-C", str(basic_project), "build"]) == 1
    err = capsys.readouterr().err
    assert "gazette.yaml: theme 'nonexistent' not found in " in err and "among gazette's themes (default)" in err
    assert not (basic_project / "site").exists()


def test_broken_override_template_is_a_located_problem(basic_project):
    folder = basic_project / "overrides" / "templates"
    folder.mkdir(parents=True)
    (folder / "index.html").write_text('{% extends "base.html" %}\n{% block content %}\n{% for x in %}\n', "utf-8")
    with pytest.raises(GazetteError) as info:
        build(load_config(basic_project))
    [problem] = info.value.problems
    assert problem.code == "theme-syntax"
    assert problem.path.endswith("overrides/templates/index.html") and problem.line == 3


def test_undefined_variable_fails_loudly(basic_project):
    folder = basic_project / "overrides" / "templates"
    folder.mkdir(parents=True)
    (folder / "regions.html").write_text('{% extends "base.html" %}{% block content %}{{ nope }}{% endblock %}')
    with pytest.raises(GazetteError) as info:
        build(load_config(basic_project))
    assert [p.code for p in info.value.problems] == ["theme-undefined"]
    assert "regions/index.html" in info.value.problems[0].message


def test_autoescape_is_on_in_override_templates(basic_project):
    folder = basic_project / "overrides" / "templates"
    folder.mkdir(parents=True)
    (folder / "article.html").write_text("<h1>{{ article.title }}</h1>", "utf-8")
    config = load_config(basic_project)
    build(config)
    html = (config.output_path / "bayinguoleng-daily/2023-08-11/003-hostile.html").read_text("utf-8")
    assert html == '<h1>&lt;script&gt;alert(&#34;标题&#34;)&lt;/script&gt;质量强州</h1>'


def test_publication_slug_that_collides_with_a_site_page_is_a_problem(basic_project):
    (basic_project / "content" / "altay-daily").rename(basic_project / "content" / "dates")
    yaml_path = basic_project / "content" / "dates" / "publication.yaml"
    yaml_path.write_text(yaml_path.read_text("utf-8").replace("slug: altay-daily", "slug: dates"), "utf-8")
    with pytest.raises(GazetteError) as info:
        build(load_config(basic_project))
    # caught by the loader, which names the folder, before any page is rendered
    assert [(p.path, p.code) for p in info.value.problems] == [("content/dates", "reserved-slug")]


ENGINE = Path(__file__).resolve().parent.parent.parent / "generator" / "search"


@pytest.mark.parametrize("layer", ["overrides", "themes/local"])
def test_a_theme_cannot_replace_the_search_engine(layered_project, layer):
    """search-engine.js and search-tokenize.js must agree with the index the build writes; a
    theme's copy (an older default copied into it) would break search without a word. The
    engine gazette ships is written, and the build says the theme's copy is not used."""
    for name in ("search-engine.js", "search-tokenize.js"):
        (layered_project / layer / "static" / name).write_text("/* a stale copy */\n", "utf-8")
    config = load_config(layered_project, theme="local")
    result = build(config)
    for name in ("search-engine.js", "search-tokenize.js"):
        written = (config.output_path / "static" / name).read_bytes()
        assert written != b"/* a stale copy */\n" and written == served((ENGINE / name).read_text("utf-8")).encode()
    assert sorted((Path(p.path).name, p.severity.value) for p in result.problems if p.code == "theme-search-engine") \
        == [("search-engine.js", "warning"), ("search-tokenize.js", "warning")]
    assert (config.output_path / "static/style.css").read_text() == "/* style from the local theme */\n"  # still a theme


def test_strict_stops_a_build_whose_theme_carries_a_search_engine(basic_project, capsys):
    static = basic_project / "overrides" / "static"
    static.mkdir(parents=True)
    (static / "search-engine.js").write_text("/* a stale copy */\n", "utf-8")
    assert main(["-C", str(basic_project), "build", "--strict"]) == 1
    assert "overrides/static/search-engine.js: warning: not used: gazette writes its own search-engine.js" \
        in capsys.readouterr().err
    assert main(["-C", str(basic_project), "build", "-q"]) == 0
