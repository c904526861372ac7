"""Fixture ladder shared by all tests: fixture project → config → built site → browser.

Sub-folders (tests/content, tests/render, tests/ingest, tests/search, …) mirror
`generator/` and may add their own conftest.py.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import settings

from generator import build, load_config

# Property tests check behaviour, never time (speed is measured in bench/): no per-example
# deadline, which a loaded machine would miss.
settings.register_profile("gazette", deadline=None)
settings.load_profile("gazette")

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CACHE_HOME = tempfile.mkdtemp(prefix="gazette-test-cache-")  # XDG_CACHE_HOME of every test


def pytest_configure(config):
    """One known locale for every test, whatever the shell's: gazette speaks English under C.UTF-8.
    Tests of the Chinese CLI set LANG=zh_CN.UTF-8 themselves (tests/test_i18n.py). And a cache folder
    of the session's own."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"
    # gazette's user cache (generator/usercache.py) in a folder of this session's, for every test and
    # the commands they run: never the user's ~/.cache
    os.environ["XDG_CACHE_HOME"] = CACHE_HOME


def pytest_unconfigure(config):
    shutil.rmtree(CACHE_HOME, ignore_errors=True)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/fixtures/golden/ from a fresh build instead of comparing with it")


def copy_fixture(name: str, dest: Path) -> Path:
    """A writable copy of tests/fixtures/sites/<name> (a whole project folder)."""
    target = dest / name
    shutil.copytree(FIXTURES / "sites" / name, target)
    return target


@pytest.fixture
def basic_project(tmp_path) -> Path:
    return copy_fixture("basic", tmp_path)


@pytest.fixture(scope="session")
def built_basic(tmp_path_factory) -> Path:
    """The basic fixture archive, built once per test run; returns the site folder."""
    project = copy_fixture("basic", tmp_path_factory.mktemp("built"))
    config = load_config(project)
    build(config)
    return config.output_path


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory) -> Path:
    """The repository's own sample archive (content/: real issues, long titles and column
    names, a 69-article magazine) built into a temporary folder; returns the site folder."""
    out = tmp_path_factory.mktemp("sample") / "site"
    config = load_config(REPO, output_dir=str(out), base_url="")
    build(config)
    return config.output_path


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (no browser download)."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (installs Debian's chromium)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # as GitHub Pages serves scripts: declared UTF-8, whatever the file's byte-order mark says
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript; charset=utf-8"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve_under_repo(tmp_path_factory):
    """serve(site) → base URL http://127.0.0.1:<free port>/repo/ for that site folder."""
    servers = []

    def serve(site: Path) -> str:
        top = tmp_path_factory.mktemp("www")
        (top / "repo").symlink_to(site, target_is_directory=True)
        handler = functools.partial(_Quiet, directory=str(top))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/repo/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
