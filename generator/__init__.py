"""gazette: a static archive site generator for the regional press of Xinjiang.

The public API is small: `load_config`, `build`, and (in `generator.ingest`)
`import_issue`. The CLI is a thin layer over these.

The names are loaded on first use: every command imports this package, and `gazette import`
must not pay for the site builder (its renderer, search and cache modules) to do it.
"""
from __future__ import annotations

from importlib import import_module

_HOMES = {"BuildResult": ".builder", "build": ".builder", "Config": ".config", "load_config": ".config",
          "GazetteError": ".problems", "Problem": ".problems"}
__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:  # (a submodule: `from generator import urls` asks here first, then imports it)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
