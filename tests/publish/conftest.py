"""Fixtures for publishing tests: the basic archive loaded (not built), with and without a base URL."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import load_config
from generator.content.site import load_site

BASE = "https://example.org/archive/"  # the basic fixture's base_url


@pytest.fixture(scope="session")
def base() -> str:
    return BASE


@pytest.fixture(scope="session")
def basic_config():
    return load_config(Path(__file__).parent.parent / "fixtures" / "sites" / "basic", cache_dir="")  # no cache in the repo


@pytest.fixture(scope="session")
def basic_site(basic_config):
    site, problems = load_site(basic_config)
    assert not [p for p in problems if p.is_error]
    return site
