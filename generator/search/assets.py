"""Third-party browser code the search page needs, taken from node_modules at build time.

lunr.js is pinned in package.json and installed by `npm ci` (`make setup`);
it is copied into the built site, never into the repository.
"""
from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..problems import GazetteError, error

REPO = Path(__file__).resolve().parent.parent.parent  # a clone's root; site-packages when installed
LUNR = Path("node_modules/lunr/lunr.min.js")
LUNR_VERSION = "2.3.9"


def lunr_script(config: Config) -> bytes:
    """lunr.min.js from the project's node_modules, else gazette's own checkout's."""
    for base in dict.fromkeys((config.root, REPO)):
        path = base / LUNR
        if path.is_file():
            return path.read_bytes()
    if (REPO / "package.json").is_file():  # running from a clone: its package.json pins lunr
        how = f"run `npm ci` (or `make setup`) in {REPO}"
    else:  # an installed gazette: the project needs its own copy
        how = f"run `npm install lunr@{LUNR_VERSION}` in {config.root}"
    raise GazetteError([error(
        "package.json", None, "search-assets", f"{LUNR} is missing: {how} to install lunr.js for the search page",
    )])
