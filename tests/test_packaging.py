"""An installed gazette (a wheel, not a clone) carries what a build needs."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_the_default_theme_the_gazetteer_and_the_search_engine(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("gazette-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {f"generator/themes/{p.relative_to(REPO / 'themes').as_posix()}"
             for p in (REPO / "themes" / "default").rglob("*") if p.is_file()}
    assert "generator/themes/default/templates/base.html" in theme
    assert theme <= names
    assert {"generator/data/xinjiang.yaml", "generator/data/xinjiang-aliases.yaml"} <= names
    # the CLI's Chinese: the catalog's source, read at run time (generator/i18n.py); nothing compiled
    assert "generator/locale/zh_CN/LC_MESSAGES/gazette.po" in names
    assert not any(n.endswith(".mo") for n in names)
    # the search engine ships with the code it must agree with, not with a theme
    assert {"generator/search/search-engine.js", "generator/search/search-tokenize.js"} <= names
    assert not any(n.endswith(("static/search-engine.js", "static/search-tokenize.js")) for n in names)
    assert not any(n.startswith(("tests/", "content/", "node_modules/")) for n in names)
