"""Templates compiled by one build are reused by the next (render/bytecode.py), never stale."""
from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2
import pytest

from generator import build, buildcache, load_config
from generator.render import bytecode

from test_incremental import ARTICLE, append_paragraph, files, full_build


@pytest.fixture
def compiled(basic_project, tmp_path_factory, monkeypatch) -> list[str]:
    """The names of the templates compiled from source, in a private temporary folder of this test's own."""
    monkeypatch.setattr(buildcache, "RACY_NS", 0)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path_factory.mktemp("tmp")))
    bytecode.bytecode_cache.cache_clear()
    names: list[str] = []
    real = jinja2.Environment.compile

    def spy(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return real(self, source, name, filename, *args, **kwargs)
    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    yield names
    bytecode.bytecode_cache.cache_clear()


def test_a_later_build_compiles_no_template_again(basic_project, compiled):
    build(load_config(basic_project))
    assert "article.html" in compiled
    compiled.clear()
    append_paragraph(basic_project)
    build(load_config(basic_project))
    assert compiled == []
    assert files(basic_project / "site") == full_build(basic_project)


def test_an_edited_template_is_compiled_again(basic_project, compiled):
    """Even one of the same size: the cache checks the source itself."""
    templates = basic_project / "overrides" / "templates"
    templates.mkdir(parents=True)
    page = templates / "article.html"
    page.write_text('{% extends "!default/article.html" %}{% block content %}<p>一</p>{{ super() }}{% endblock %}')
    build(load_config(basic_project))
    compiled.clear()
    page.write_text(page.read_text().replace("一", "二"))
    build(load_config(basic_project))
    assert compiled == ["article.html"]
    assert "<p>二</p>" in (basic_project / "site" / ARTICLE.replace("content/", "").replace(".md", ".html")).read_text()
    assert files(basic_project / "site") == full_build(basic_project)


def test_another_jinja_or_environment_keeps_its_own_compiled_templates(monkeypatch):
    bytecode.bytecode_cache.cache_clear()
    this = bytecode.bytecode_cache().pattern
    bytecode.bytecode_cache.cache_clear()
    monkeypatch.setattr(jinja2, "__version__", "99.0")
    assert bytecode.bytecode_cache().pattern != this
    bytecode.bytecode_cache.cache_clear()


def test_the_cache_is_a_private_folder_outside_the_project(basic_project, compiled):
    build(load_config(basic_project))
    folder = bytecode.bytecode_cache().directory
    assert not folder.startswith(str(basic_project)) and oct(__import__("os").stat(folder).st_mode & 0o777) == "0o700"
    assert not list(basic_project.rglob("*.cache"))


def test_no_cache_compiles_every_template(basic_project, compiled):
    build(load_config(basic_project, cache_dir=""))
    compiled.clear()
    build(load_config(basic_project, output_dir="again", cache_dir=""))
    assert "article.html" in compiled


def test_another_gazette_keeps_its_own_compiled_templates(monkeypatch):
    """Jinja runs filters on constant arguments while compiling: gazette's code is part of the key."""
    from generator import buildcache
    bytecode.bytecode_cache.cache_clear()
    this = bytecode.bytecode_cache().pattern
    bytecode.bytecode_cache.cache_clear()
    monkeypatch.setattr(bytecode, "code_key", lambda: "another gazette")
    assert bytecode.bytecode_cache().pattern != this
    bytecode.bytecode_cache.cache_clear()
    assert buildcache.code_key() == buildcache.build_key(load_config(Path(__file__).parent.parent), [])[2]


def test_a_filter_run_while_compiling_is_run_again_by_another_gazette(basic_project, compiled, monkeypatch):
    templates = basic_project / "overrides" / "templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text(
        '{% extends "!default/article.html" %}{% block content %}<p>{{ "新疆"|cn_date_probe }}</p>{{ super() }}{% endblock %}')
    import generator.render.environment as environment
    real = environment.theme_environment

    def probing(version):
        def made(config):
            env = real(config)
            env.filters["cn_date_probe"] = lambda text: f"{text}-{version}"
            return env
        return made
    monkeypatch.setattr(environment, "theme_environment", probing(1))
    monkeypatch.setattr("generator.render.theme_environment", probing(1))
    build(load_config(basic_project))
    page = basic_project / "site" / ARTICLE.replace("content/", "").replace(".md", ".html")
    assert "新疆-1" in page.read_text()
    monkeypatch.setattr("generator.render.theme_environment", probing(2))
    monkeypatch.setattr(bytecode, "code_key", lambda: "the filter's code changed")
    bytecode.bytecode_cache.cache_clear()
    build(load_config(basic_project), clean=True)
    assert "新疆-2" in page.read_text()


def test_other_versions_compiled_templates_are_removed_once_stale(tmp_path):
    import os
    now = 1_800_000_000.0
    names = {"gazette-aaaa-mine.cache": 30, "gazette-bbbb-old.cache": 8, "gazette-cccc-recent.cache": 2,
             "other-tool.cache": 30, "gazette-bbbb-notes.txt": 30}
    for name, days in names.items():
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (now - days * 86400, now - days * 86400))
    bytecode.prune(str(tmp_path), "gazette-aaaa-", now)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "gazette-aaaa-mine.cache", "gazette-bbbb-notes.txt", "gazette-cccc-recent.cache", "other-tool.cache"]
