/* gazette search: folding and tokenizing, the browser twin of generator/search/fold.py
 * and tokenize.py. Both are pinned by tests/search/token_vectors.json.
 * Loaded as a classic script (file:// forbids modules) and by node's test runner.
 * Folds with the Traditional→Simplified table globalThis.GAZETTE_T2S = {from, to} (the generated
 * search/t2s.js) once loaded, and with the entries `addT2S` is given (a text file's own). */
(function (root) {
  "use strict";
  var HAN = [[0x3007, 0x3007], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff],
    [0x20000, 0x2fa1f], [0x30000, 0x3134f]];
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  var HAN_CLASS = HAN.map(function (r) { return String.fromCodePoint(r[0]) + "-" + String.fromCodePoint(r[1]); }).join("");
  /* Middle dots of transliterated names (吐尔逊·阿那依提), dropped between two Han characters;
   * "．" and "･" are folded to "." and "・" before this. */
  var NAME_DOTS = "\u00b7\u2022\u30fb\u2027\u2219\uff65.";
  var NAME_DOT = new RegExp("(?<=[" + HAN_CLASS + "])[" + NAME_DOTS + "](?=[" + HAN_CLASS + "])", "gu");
  var NUMBER = /^[0-9]{2,}$/;
  var TAIL = "~";  /* marks a number's tail term (tokenize.py number_tail) */
  var SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/;
  var t2s = new Map(), whole = false;
  var cache = new Map();

  function table() {
    var data = root.GAZETTE_T2S;
    if (!whole && data) {
      var to = Array.from(data.to);
      Array.from(data.from).forEach(function (c, i) { t2s.set(c, to[i]); });
      whole = true;
      cache.clear();
    }
    return t2s;
  }

  /* Entries of the table as pairs of characters (from, to: documents.py `t2s_entries`). */
  function addT2S(pairs) {
    var chars = Array.from(pairs || ""), added = false;
    for (var i = 0; i + 1 < chars.length; i += 2) {
      if (!t2s.has(chars[i])) { t2s.set(chars[i], chars[i + 1]); added = true; }
    }
    if (added) cache.clear();
  }

  function isHan(ch) {
    var code = ch.codePointAt(0);
    return HAN.some(function (r) { return code >= r[0] && code <= r[1]; });
  }

  function foldChar(ch) {
    var hit = cache.get(ch);
    if (hit !== undefined) return hit;
    var map = table();
    var out = Array.from(ch.normalize("NFKC").toLowerCase()).map(function (c) {
      return map.has(c) ? map.get(c) : c;
    }).join("");
    cache.set(ch, out);
    return out;
  }

  /* Folded text plus, for each UTF-16 unit of it, the index of the original unit it came from
   * (map, with the text's length at the end) and the index just after that original character (end). */
  function foldWithMap(text) {
    var folded = "", map = [], end = [], i = 0;
    Array.from(text).forEach(function (ch) {
      var f = foldChar(ch);
      for (var k = 0; k < f.length; k++) { map.push(i); end.push(i + ch.length); }
      folded += f;
      i += ch.length;
    });
    map.push(i);
    return { folded: folded, map: map, end: end };
  }

  function fold(text) {
    return Array.from(text).map(foldChar).join("");
  }

  /* Folded text without the dots between two Han characters (吐尔逊·阿那依提 → 吐尔逊阿那依提). */
  function joinNames(folded) {
    return folded.replace(NAME_DOT, "");
  }

  /* The text as search compares it: folded, a name's dots gone (tokenize.py comparable). */
  function comparable(text) {
    return joinNames(fold(text));
  }

  /* comparable(text) with foldWithMap's map and end, so that a match in it marks the original,
   * a name's dot included. */
  function comparableWithMap(text) {
    var f = foldWithMap(text), out = { folded: "", map: [], end: [] }, at = 0;
    var dropped = new Set(Array.from(f.folded.matchAll(NAME_DOT), function (m) { return m.index; }));
    Array.from(f.folded).forEach(function (ch) {
      if (!dropped.has(at)) {  /* the dots joinNames removes, found by the same pattern */
        out.folded += ch;
        for (var k = 0; k < ch.length; k++) { out.map.push(f.map[at + k]); out.end.push(f.end[at + k]); }
      }
      at += ch.length;
    });
    out.map.push(f.map[at]);
    return out;
  }

  function kind(ch) {
    if (isHan(ch)) return "han";
    return WORD.test(ch) ? "word" : "";
  }

  /* [[kind, run], ...] over already folded text. Runs are arrays of code points; a dot
   * between two Han characters joins their runs. */
  function runs(folded) {
    var out = [], current = "", run = [];
    Array.from(joinNames(folded)).forEach(function (ch) {
      var k = kind(ch);
      if (k !== current) {
        if (current) out.push([current, run]);
        current = k; run = [];
      }
      run.push(ch);
    });
    if (current) out.push([current, run]);
    return out;
  }

  /* The tail term of a number of two or more digits (2120082 → ~82), else null. */
  function numberTail(chars) {
    var run = chars.join("");
    return NUMBER.test(run) ? TAIL + run.slice(-2) : null;
  }

  function indexTokens(text) {
    var tokens = [];
    runs(fold(text)).forEach(function (r) {
      var chars = r[1];
      if (r[0] === "word") {
        tokens.push(chars.join(""));
        var tail = numberTail(chars);
        if (tail) tokens.push(tail);
        return;
      }
      for (var i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
      tokens.push(chars[chars.length - 1]);
    });
    return tokens;
  }

  function unique(list) {
    var seen = new Set();
    return list.filter(function (x) { return seen.has(x) ? false : (seen.add(x), true); });
  }

  /* A number of two or more digits starting a word of several runs asks for its tail term:
   * it may end a longer number (82监督投诉 in 0906-2120082监督投诉). */
  function wordTerms(word) {
    var terms = [], parts = runs(fold(word));
    parts.forEach(function (r, at) {
      var chars = r[1], tail = at === 0 && parts.length > 1 ? numberTail(chars) : null;
      if (tail) { terms.push(tail); return; }
      if (r[0] === "word" || chars.length === 1) { terms.push(chars.join("")); return; }
      for (var i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
    });
    return unique(terms);
  }

  /* {words, excluded}: the words a query requires and those written with a leading minus
   * (-湖, or full-width －湖) that it excludes; words without terms are dropped (tokenize.py parse_query). */
  function parseQuery(query) {
    var words = [], excluded = [];
    comparable(query).split(SPACE).forEach(function (word) {
      var bare = word.replace(/^-+/, "");
      if (wordTerms(bare).length) (bare !== word ? excluded : words).push(bare);
    });
    return { words: unique(words), excluded: unique(excluded) };
  }

  function queryWords(query) {
    return parseQuery(query).words;
  }

  var api = { addT2S: addT2S, fold: fold, foldWithMap: foldWithMap, comparable: comparable, comparableWithMap: comparableWithMap,
    indexTokens: indexTokens,
    wordTerms: wordTerms, queryWords: queryWords, parseQuery: parseQuery, isHan: isHan };
  root.GazetteTokenize = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
