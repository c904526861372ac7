"""The importer: raw issue text → content/. Its pipeline is importer.py, one module a step.

The package's names (`import_issue`, `parse_issue`, `ImportOptions`, …) are importer.py's,
loaded on first use: a build reads raw files through two small modules of this package
(read.py, raw_file.py) and must not pay for the whole importer (the segmenter, jieba's word
list, pypinyin) to do it.
"""
from __future__ import annotations

from importlib import import_module

__all__ = ["ImportOptions", "ImportResult", "Parsed", "ParsedAhead", "import_issue", "parse_ahead", "parse_issue",
           "parse_text", "preload_tables", "shown_path"]


_FROM_IMPORTER = frozenset(__all__) | {"_parse"}  # (_parse: the benches' entry, below parse_text's result)


def __getattr__(name: str):
    if name not in _FROM_IMPORTER:  # (a submodule: `from . import metadata` asks here first, then imports it)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(".importer", __name__), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
