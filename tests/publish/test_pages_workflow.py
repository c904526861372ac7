"""The GitHub Pages workflow runs what the README says and publishes what the build makes."""
from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).parent.parent.parent / ".github" / "workflows" / "pages.yml"


def steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]


def test_builds_with_the_readme_command_then_the_pages_url_and_checks_before_upload():
    runs = [s.get("run", "") for s in steps()]
    assert "make site" in runs
    build = next(i for i, r in enumerate(runs) if "gazette build --base-url" in r)
    check = next(i for i, r in enumerate(runs) if "gazette check --site site" in r)
    upload = next(i for i, s in enumerate(steps()) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert build < check < upload
    assert steps()[upload]["with"] == {"path": "site", "include-hidden-files": True}  # .nojekyll goes too


def test_the_search_cache_is_restored_from_the_folder_the_build_uses():
    from generator.config import Config
    (cache,) = [s for s in steps() if s.get("uses", "").startswith("actions/cache")]
    assert cache["with"]["path"] == Config(root=Path(".")).cache_dir
