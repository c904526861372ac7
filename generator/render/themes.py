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

import jinja2

from ..config import Config
from ..theme_layers import DEFAULT_THEME, SHIPPED, shipped_themes, theme_layers

__all__ = ["DEFAULT_THEME", "SHIPPED", "collect_static", "make_environment", "shipped_themes", "theme_layers"]


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
