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
