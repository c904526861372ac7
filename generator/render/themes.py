"""Theme lookup: where templates and static files come from.

One search path, first match wins, for every template and every static file:

1. ``<project>/<theme_dir>/``        the site's own overrides (``overrides/`` by default)
2. ``<project>/themes/<theme>/``     a theme kept in the project
3. ``<gazette>/themes/<theme>/``     a theme shipped with gazette
4. ``<gazette>/themes/default/``     the default theme, always last

``<gazette>/themes`` is ``themes/`` at the root of a clone (an editable
install) or ``generator/themes/`` inside an installed wheel, which carries it.

Each layer may hold ``templates/`` and ``static/``; any single file can be
overridden by putting a file with the same relative path in an earlier layer.
A template can extend the default file it replaces with the ``!default/``
prefix: ``{% extends "!default/base.html" %}``.
"""
from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import jinja2

from ..config import CONFIG_FILE, Config
from ..problems import GazetteError, error
from ..i18n import _

_PACKAGE = Path(__file__).resolve().parent.parent
SHIPPED = next((p for p in (_PACKAGE / "themes", _PACKAGE.parent / "themes") if p.is_dir()), _PACKAGE / "themes")
DEFAULT_THEME = "default"


def theme_layers(config: Config) -> list[Path]:
    """The existing theme folders for `config`, most specific first, without duplicates.

    A theme named in gazette.yaml that exists nowhere is an error: falling back to
    the default would publish the wrong look without a word (a typo in `theme:`).
    """
    named = [config.root / "themes" / config.theme, SHIPPED / config.theme]
    if not any(path.is_dir() for path in named):
        raise GazetteError([error(CONFIG_FILE, None, "unknown-theme",
                                  _("theme {theme!r} not found in {folder} nor among gazette's themes ({themes})").format(
                                      theme=config.theme, folder=named[0], themes=", ".join(shipped_themes())))])
    candidates = [
        config.root / config.theme_dir,
        config.root / "themes" / config.theme,
        SHIPPED / config.theme,
        SHIPPED / DEFAULT_THEME,
    ]
    layers: list[Path] = []
    for path in candidates:
        path = path.resolve()
        if path.is_dir() and path not in layers:
            layers.append(path)
    return layers


def shipped_themes() -> list[str]:
    return sorted(p.name for p in SHIPPED.iterdir() if p.is_dir())


def make_environment(config: Config) -> jinja2.Environment:
    """A Jinja environment over the theme layers: autoescape on, undefined names fail."""
    folders = [str(p / "templates") for p in theme_layers(config) if (p / "templates").is_dir()]
    default = SHIPPED / DEFAULT_THEME / "templates"
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(folders),
        jinja2.PrefixLoader({"!default": jinja2.FileSystemLoader(str(default))}),
    ])
    return jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def collect_static(config: Config, reserved: Collection[str] = ()) -> dict[str, bytes]:
    """Every static file of the theme layers as ``{"static/<path>": bytes}``, first layer wins;
    a path in `reserved` is gazette's own (the search engine) and never taken from a theme."""
    files: dict[str, bytes] = {}
    for layer in theme_layers(config):
        static = layer / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            name = "static/" + path.relative_to(static).as_posix()
            if path.is_file() and name not in files and name not in reserved and not path.name.startswith("."):
                files[name] = path.read_bytes()
    return dict(sorted(files.items()))
