"""Search fixtures: the search-semantics archive built once, and a local HTTP server
that serves a built site under a GitHub-Pages-like sub-path /repo/ (with its script charset)."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
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
