"""Browser code the search page needs: gazette's own engine, and lunr.js.

The engine (search-tokenize.js, search-engine.js) is the browser half of the
search contract: it must cut terms as tokenize.py does, find a term's shard as
index.py does and read the rows documents.py writes. It ships in this package
beside them and is written to static/ (where every theme's search.html loads it)
by the build, never taken from a theme: a theme styles the search page
(search.js, search.css, its templates), it does not re-implement the index.

lunr.js is pinned in package.json and installed by `npm ci` (`make setup`);
it is copied into the built site, never into the repository.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from ..config import Config
from ..problems import GazetteError, Problem, error, warning
from ..i18n import _

REPO = Path(__file__).resolve().parent.parent.parent  # a clone's root; site-packages when installed
LUNR = Path("node_modules/lunr/lunr.min.js")
LUNR_VERSION = "2.3.9"
_HERE = Path(__file__).resolve().parent
ENGINE_FILES = ("search-tokenize.js", "search-engine.js")  # in the order search.html loads them
ENGINE_PATHS = frozenset(f"static/{name}" for name in ENGINE_FILES)


# Comments on lines of their own, and at a line's end: half the engine's bytes, which every query
# loads (−7 KB gzipped, bench/search.md). Block comments hold no "*/" and lines no string that
# opens one, so a comment is never cut inside code; tests/search run the engine as served.
_COMMENTS = (re.compile(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", re.M | re.S), re.compile(r"^[ \t]*//[^\n]*\n", re.M),
             re.compile(r"[ \t]+/\*(?:(?!\*/).)*\*/[ \t]*$", re.M))


def served(source: str) -> str:
    """Engine code as the site serves it: its comments left out (`_COMMENTS`)."""
    for comment in _COMMENTS:
        source = comment.sub("", source)
    return source


def engine_files() -> dict[str, bytes]:
    """The engine as the site serves it: {"static/<name>": bytes}, without its comments (`served`)."""
    return {f"static/{name}": served((_HERE / name).read_text("utf-8")).encode("utf-8") for name in ENGINE_FILES}


def theme_engine_copies(theme_layers: Iterable[Path]) -> list[Problem]:
    """A warning for each file of these theme folders the engine replaces. A theme copied from an
    older default still carries them: the build goes on (--strict stops it), and says so."""
    return [
        warning(path, None, "theme-search-engine",
                _("not used: gazette writes its own {name} (generator/search), which must agree with the index it "
                  "builds; a theme styles the search page (search.js, search.css, templates): delete this file")
                .format(name=name))
        for layer in theme_layers for name in ENGINE_FILES
        if (path := layer / "static" / name).is_file()
    ]


def lunr_candidates(config: Config) -> list[Path]:
    """Where lunr.min.js is looked for, first found wins: the project's node_modules, gazette's own checkout's."""
    return [base / LUNR for base in dict.fromkeys((config.root, REPO))]


def lunr_script(config: Config) -> bytes:
    """lunr.min.js from the project's node_modules, else gazette's own checkout's."""
    for path in lunr_candidates(config):
        if path.is_file():
            return path.read_bytes()
    if (REPO / "package.json").is_file():  # running from a clone: its package.json pins lunr
        how = _("run `npm ci` (or `make setup`) in {folder}").format(folder=REPO)
    else:  # an installed gazette: the project needs its own copy
        how = _("run `npm install lunr@{version}` in {folder}").format(version=LUNR_VERSION, folder=config.root)
    raise GazetteError([error(
        "package.json", None, "search-assets", _("{file} is missing: {how} to install lunr.js for the search page").format(file=LUNR, how=how),
    )])
