"""The tokenizer contract: the shared vectors, checked in Python and (through node) in JavaScript."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.search.fold import fold, t2s_script, t2s_table
from generator.search.tokenize import excluded_words, index_tokens, parse_query, query_words, word_terms

HERE = Path(__file__).parent
REPO = HERE.parent.parent
VECTORS = json.loads((HERE / "token_vectors.json").read_text(encoding="utf-8"))
TOKENIZE_JS = REPO / "generator/search/search-tokenize.js"


@pytest.mark.parametrize("case", VECTORS["fold"], ids=lambda c: c["input"])
def test_fold(case):
    assert fold(case["input"]) == case["output"]


@pytest.mark.parametrize("case", VECTORS["index"], ids=lambda c: c["input"] or "empty")
def test_index_tokens(case):
    assert index_tokens(case["input"]) == case["tokens"]


@pytest.mark.parametrize("case", VECTORS["query"], ids=lambda c: c["input"] or "empty")
def test_query(case):
    words = query_words(case["input"])
    assert words == case["words"]
    assert [word_terms(w) for w in words] == case["terms"]
    assert excluded_words(case["input"]) == case.get("excluded", [])
    assert parse_query(case["input"]) == (words, case.get("excluded", []))


def test_t2s_table_comes_from_opencc_and_only_changes_characters():
    table = t2s_table()
    assert len(table) > 3000
    assert table["書"] == "书" and table["臺"] == "台"
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in table.items())
    assert "吃" not in table  # a TW variant table maps 吃→喫; composing with TS must undo it


@pytest.fixture(scope="module")
def t2s_js(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("t2s") / "t2s.js"
    path.write_bytes(t2s_script())
    return path


def _node():
    node = shutil.which("node")
    if not node:
        pytest.fail("node is missing: install Node 20 (see `make setup`)")
    return node


def test_javascript_tokenizer_passes_the_vectors(t2s_js):
    result = subprocess.run(
        [_node(), "--test", str(HERE / "tokenize.test.js")], cwd=REPO, capture_output=True,
        text=True, env={"GAZETTE_T2S_JS": str(t2s_js), "PATH": "/usr/bin:/bin"}, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout


POOL = ("新疆日报巴音郭楞蒙古自治州库尔勒市臺灣後來發展書記〇𠀀𠀁"
        "ＡＢＣａｂｃ１２３ABCxyz0789，。、“”（）《》 　\t-_.%ئۇيغۇرé"
        "··•・‧∙･．.--－")


def test_python_and_javascript_agree_on_random_text(t2s_js, tmp_path):
    rng = random.Random(20231)
    samples = ["".join(rng.choice(POOL) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    (tmp_path / "in.json").write_text(json.dumps(samples, ensure_ascii=False), encoding="utf-8")
    script = (
        "const fs=require('fs');require('vm').runInThisContext(fs.readFileSync(process.argv[1],'utf8'));"
        f"const t=require({json.dumps(str(TOKENIZE_JS))});"
        "const s=JSON.parse(fs.readFileSync(process.argv[2],'utf8'));"
        "process.stdout.write(JSON.stringify(s.map(x=>[t.fold(x),t.indexTokens(x),"
        "t.queryWords(x).map(w=>[w,t.wordTerms(w)]),t.parseQuery(x).excluded])));"
    )
    out = subprocess.run([_node(), "-e", script, str(t2s_js), str(tmp_path / "in.json")],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    expected = [[fold(x), index_tokens(x), [[w, word_terms(w)] for w in query_words(x)],
                 excluded_words(x)] for x in samples]
    assert json.loads(out) == expected
