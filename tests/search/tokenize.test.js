// Browser tokenizer vs the shared vectors. Run by test_search_tokenize.py:
//   GAZETTE_T2S_JS=<built search/t2s.js> node --test tests/search/tokenize.test.js
// or alone (`node --test tests/search/`): the table then comes from the clone's .venv.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { execFileSync } = require("node:child_process");

function t2sScript() {
  if (process.env.GAZETTE_T2S_JS) return fs.readFileSync(process.env.GAZETTE_T2S_JS, "utf8");
  const repo = path.join(__dirname, "../..");
  const venv = path.join(repo, ".venv/bin/python");
  return execFileSync(fs.existsSync(venv) ? venv : "python3", ["-c",
    "import sys; from generator.search.fold import t2s_script; sys.stdout.buffer.write(t2s_script())"],
  { cwd: repo, encoding: "utf8" });
}

vm.runInThisContext(t2sScript());
const tok = require(path.join(__dirname, "../../generator/search/search-tokenize.js"));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "token_vectors.json"), "utf8"));

test("fold", () => {
  for (const c of vectors.fold) assert.strictEqual(tok.fold(c.input), c.output, c.input);
});

test("index tokens", () => {
  for (const c of vectors.index) assert.deepStrictEqual(tok.indexTokens(c.input), c.tokens, c.input);
});

test("query words and terms", () => {
  for (const c of vectors.query) {
    const words = tok.queryWords(c.input);
    assert.deepStrictEqual(words, c.words, c.input);
    assert.deepStrictEqual(words.map(tok.wordTerms), c.terms, c.input);
    assert.deepStrictEqual(tok.parseQuery(c.input), { words: c.words, excluded: c.excluded || [] }, c.input);
  }
});

test("foldWithMap lines folded units up with the original", () => {
  const r = tok.foldWithMap("ＡＢ臺𠀀x");
  assert.strictEqual(r.folded, "ab台𠀀x");
  assert.deepStrictEqual(r.map, [0, 1, 2, 3, 3, 5, 6]);
});

test("comparableWithMap drops a name's dot and maps around it", () => {
  const r = tok.comparableWithMap("吐·阿･𠀀 x.");
  assert.strictEqual(r.folded, "吐阿𠀀 x.");
  assert.deepStrictEqual(r.map, [0, 2, 4, 4, 6, 7, 8, 9]);
  assert.deepStrictEqual(r.end, [1, 3, 6, 6, 7, 8, 9]);
  assert.strictEqual(tok.comparable("吐·阿･𠀀 x."), r.folded);
});
