"""Render fixtures: the basic archive built without a base URL (as for opening from disk);
the sample archive (built_sample) is tests/conftest.py's, search uses it too."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import build, load_config
from render_helpers import copy_fixture


@pytest.fixture(scope="session")
def built_plain(tmp_path_factory) -> Path:
    """The basic archive built with no base_url and one article per listing page."""
    project = copy_fixture("basic", tmp_path_factory.mktemp("plain"))
    config = load_config(project, base_url="", per_page=1)
    build(config)
    return config.output_path
