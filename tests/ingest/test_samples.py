"""The five sample issues: hand-labelled precision/recall, and the committed content/ is current."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from generator.ingest import ImportOptions, import_issue

REPO = Path(__file__).resolve().parent.parent.parent
EXPECTED = REPO / "tests" / "fixtures" / "expected"


def _bench():
    spec = importlib.util.spec_from_file_location("import_eval", REPO / "bench" / "import_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["000", "001", "003", "004"])
def test_newspaper_issues_are_segmented_exactly(name):
    labels = yaml.safe_load((EXPECTED / f"{name}.yaml").read_text(encoding="utf-8"))
    result = _bench().evaluate(labels)
    assert result["missed"] == [] and result["extra"] == []


def test_magazine_issue_meets_the_floor():
    """002 (a 64-page magazine with interleaved columns) is the hard case: keep it from sliding back."""
    labels = yaml.safe_load((EXPECTED / "002.yaml").read_text(encoding="utf-8"))
    result = _bench().evaluate(labels)
    assert result["found"] / result["expected"] >= 0.97
    assert result["found"] / result["predicted"] >= 0.97


def test_committed_sample_archive_is_what_the_importer_writes(tmp_path):
    for raw in sorted((REPO / "raw").glob("*.txt")):
        import_issue(raw, tmp_path, ImportOptions(), project_root=REPO)
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {p.relative_to(REPO / "content").as_posix(): p.read_bytes()
                 for p in (REPO / "content").rglob("*") if p.is_file() and ".backup" not in p.parts}
    stale = "content/ is stale: re-import with `gazette import raw/*.txt`"
    assert sorted(written) == sorted(committed), stale
    assert [k for k in written if written[k] != committed[k]] == [], stale
