"""The theme layers of a project, most specific first (render/themes.py says how they are searched).

Apart from the renderer so that the build can tell what it reads without importing Jinja
(the no-op rebuild: buildcache.py)."""
from __future__ import annotations

from pathlib import Path

from .config import CONFIG_FILE, Config
from .i18n import _
from .problems import GazetteError, error

_PACKAGE = Path(__file__).resolve().parent
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
