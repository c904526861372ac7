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
