"""Search fixtures: the search-semantics archive built once (the server that serves a
site under a sub-path, serve_under_repo, is shared: tests/conftest.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import build, load_config

SITES = Path(__file__).parent.parent / "fixtures" / "sites"


@pytest.fixture(scope="session")
def built_semantics(tmp_path_factory) -> Path:
    """tests/fixtures/sites/search-semantics, built once per run; returns the site folder."""
    project = tmp_path_factory.mktemp("semantics") / "search-semantics"
    shutil.copytree(SITES / "search-semantics", project)
    config = load_config(project)
    build(config)
    return config.output_path


@pytest.fixture(scope="module")
def semantics_page(built_semantics, browser):
    """The built search-semantics site's search page, open for a test module to ask its engine."""
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_semantics / "search.html").as_uri())
    yield page
    context.close()

