"""Helpers for render tests (a uniquely named module, so it never shadows tests/conftest.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent.parent / "fixtures"


def copy_fixture(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copytree(FIXTURES / "sites" / name, target)
    return target


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def unbroken(html: str) -> str:
    """The page without the <wbr> the `phrases` filter puts between a headline's phrases,
    so a test can look for a title as a reader sees it."""
    return html.replace("<wbr>", "")
