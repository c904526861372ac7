"""Third-party browser code the search page needs, taken from node_modules at build time.

lunr.js is pinned in package.json and installed by `npm ci` (`make setup`);
it is copied into the built site, never into the repository.
"""
from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..problems import GazetteError, error

REPO = Path(__file__).resolve().parent.parent.parent
LUNR = Path("node_modules/lunr/lunr.min.js")


def lunr_script(config: Config) -> bytes:
    """lunr.min.js from the project's node_modules, else gazette's own checkout's."""
    for base in dict.fromkeys((config.root, REPO)):
        path = base / LUNR
        if path.is_file():
            return path.read_bytes()
    raise GazetteError([error(
        "package.json", None, "search-assets",
        f"{LUNR} is missing: run `npm ci` (or `make setup`) in {REPO} to install lunr.js for the search page",
    )])
