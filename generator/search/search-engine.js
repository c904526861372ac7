/* gazette search engine: loads the prebuilt lunr shards as classic scripts and answers queries.
 *
 * Data files (written by generator/search) call the global gazetteSearchLoaded(kind, key, data),
 * a shard packed (deflated: generator/search/packing.py); file:// forbids fetch, XHR, workers and
 * modules, so <script> insertion is the only loader. A shard holds only postings
 * (generator/search/wire.py); `rebuild` makes it the lunr.Index lunr.py's Builder would have
 * made, with the field lengths of lengths-K.js, and `match` answers a query exactly as lunr.js's
 * query of that index does, from the postings alone. A query loads the lengths of the fields its
 * terms have postings in, and lunr.min.js only for a prefix query of several terms (`expand`
 * orders them as lunr's TokenSet does).
 *
 * Query semantics (tested in tests/search/test_search_semantics.py):
 *  - words and text are compared as GazetteTokenize.comparable makes them: folded, and a
 *    dot inside a name (吐尔逊·阿那依提) absent, so the name is found typed with or without it;
 *  - every query word is required (AND); inside a word every bigram is required;
 *  - a word written with a leading minus (-湖) is excluded: articles that searching for it
 *    would find as exact matches are left out (a longer word is checked as a substring of
 *    the stored text, never by its bigrams alone); excluded words alone find nothing;
 *  - a word whose one term is the word itself (a 2-character word, one character, a Latin
 *    word or number) matches exactly by construction (one Han character is the prefix query
 *    X*, or for a hot character its own list #X, held by the same articles); other words (longer ones, 哈哈哈, 8月) are checked as substrings of the stored
 *    text, and hits where the bigrams are only scattered rank last;
 *  - a number of two or more digits starting a word of several runs may end a longer
 *    number: 82监督投诉 finds 0906-2120082监督投诉 (it asks the number's tail term ~82,
 *    tokenize.py), the word being checked as a substring like any longer word;
 *  - order: every word in the title, then exact, then scattered; inside a tier by
 *    lunr score (title boosted), then newest first.
 * The tolerant pass (search → result.partial): when the strict pass finds fewer than
 * FORGIVE_BELOW exact hits (a phrase typed without its punctuation, 做遵纪守法爱护 for
 * 做遵纪守法、爱护, misses its bigram 法爱), the articles holding at least half of the asked
 * terms, exact hits aside, are listed after the exact hits, excluded words still applied.
 * They rank by how much of the query they hold: the share of its characters found in
 * pieces of three or more characters whole in their text (checked for the best
 * FORGIVE_CHECKED by share, within VERIFY_CHUNKS text files), then the share of its terms,
 * then lunr score, then newest first. `listed` gives the order a page shows.
 * Needs GazetteTokenize (search-tokenize.js), and lunr (search/lunr.min.js) where said. */
(function (root) {
  "use strict";
  var LABEL = "gazette-terms";
  var MAX_TERMS = 16;  // terms looked up at most per query (each may load one shard)
  var VERIFY_CHUNKS = 48;  // text files loaded at most to check multi-bigram words (sizes: bench/search.md)
  var PAGE = 20;  // hits whose title and URL a search loads (search.js shows as many at a time)
  var FORGIVE_BELOW = 3;  // fewer exact hits than this → the tolerant pass (bench/search.md, 部分匹配)
  var FORGIVE_SHARE = 0.5;  // share of the asked terms a partial hit holds at least
  var FORGIVE_CHECKED = 48;  // partial hits whose text is read to find the pieces they hold
  var FORGIVE_MAX = 100;  // partial hits listed at most
  var MAX_FINE = 128;  // fine files (lengths' low bits) a query loads at most before it takes the whole lengths
  var registry = { docs: {}, index: {}, text: {}, lengths: {}, coarse: {}, fine: {}, regions: {} };

  /* A packed file (generator/search/packing.py) passes its code units and compressed size: it is
   * kept as the promise of its data until Engine.file settles it. */
  root.gazetteSearchLoaded = function (kind, key, data, size) {
    registry[kind][key] = size === undefined ? data : unpack(data, size).then(JSON.parse);
  };

  /* The UTF-8 text packed as packing.py writes it: 15 bits a code unit from U+4E00, raw deflate. */
  function unpack(text, size) {
    var bytes = new Uint8Array(size), value = 0, bits = 0, at = 0;
    for (var i = 0; i < text.length; i++) {
      value = (value << 15) | (text.charCodeAt(i) - 0x4e00);
      bits += 15;
      while (bits >= 8 && at < size) { bits -= 8; bytes[at++] = (value >>> bits) & 255; }
      value &= (1 << bits) - 1;
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text();
  }

  function fnv1a(ch) { return Math.imul(0x811c9dc5 ^ ch.codePointAt(0), 0x01000193) >>> 0; }

  /* FNV-1a over the code points of `text` (index.py fnv1a). */
  function fnv1aOf(text) {
    var h = 0x811c9dc5;
    Array.from(text).forEach(function (ch) { h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0; });
    return h;
  }

  /* How many files shard k is in (index.py Plan.pieces_of: an own list's one term, one), and
   * which of them holds `term` (index.py piece_of). */
  function piecesOf(k, plan) {
    return plan.pieces > 1 && k < plan.listsFrom ? plan.pieces : 1;
  }

  /* Whether piece i of shard k (in pieces) was written: one of no term is no file (shards.py
   * `present`, listed in docs.js), so it is never asked for. */
  function pieceThere(k, i, plan) {
    return Math.floor(plan.presentMasks[k] / Math.pow(2, i)) % 2 === 1;
  }

  function pieceOf(term, pieces) { return fnv1aOf(term) % pieces; }

  var CHAR = "#";  /* marks a hot character's own list (index.py CHAR): #的 */

  /* The shard holding `term`, as generator/search/index.py shard_of: by hash of its first
   * character, or, for a hot character (plan.hot[c] = [first shard, count]), by its second;
   * a hot character's own list (#的) in its shard (plan.lists[c]). */
  function shardOf(term, plan) {
    var chars = Array.from(term);
    if (chars[0] === CHAR) return plan.lists[chars.slice(1).join("")];
    var hot = plan.hot && plan.hot[chars[0]];
    if (!hot) return fnv1a(chars[0]) % plan.shards;
    return hot[0] + (chars.length > 1 ? fnv1a(chars[1]) % hot[1] : 0);
  }

  /* A lone Han character is asked as the prefix query X* (or a hot one as its own list:
   * `clause`): the bigrams starting with it and the lone X ending a run together hold every
   * occurrence of X (see tokenize.py). */
  function isPrefix(term) {
    var chars = Array.from(term);
    return chars.length === 1 && root.GazetteTokenize.isHan(chars[0]);
  }

  /* What lunr is asked for `term`: a lone Han character with a list of its own (a hot one,
   * plan.lists) that list, #的, exact; another lone Han character the prefix query X*; any
   * other term itself. #X is held by exactly the articles X* finds (index.py CHAR_FIELDS). */
  function clause(term, plan) {
    if (!isPrefix(term)) return { term: term, prefix: false };
    if (plan.lists && plan.lists[term] !== undefined) return { term: CHAR + term, prefix: false };
    return { term: term, prefix: true };
  }

  /* Each hot Han character's own list's shard, as index.py own_lists derives it from the plan:
   * one each after every hot character's shards, in code point order. */
  function ownLists(plan) {
    var first = plan.shards, lists = {}, chars = Object.keys(plan.hot || {});
    chars.forEach(function (c) { first += plan.hot[c][1]; });
    plan.listsFrom = first;
    chars.filter(root.GazetteTokenize.isHan).sort(function (a, b) { return a.codePointAt(0) - b.codePointAt(0); })
      .forEach(function (c, k) { lists[c] = first + k; });
    return lists;
  }

  /* Every shard a term needs: a hot character's own list, or for a prefix query of a hot
   * character without one all of its shards. */
  function shardsOf(term, plan) {
    var asked = clause(term, plan).term, hot = plan.hot && plan.hot[term];
    if (asked !== term || !hot || !isPrefix(term)) return [shardOf(asked, plan)];
    var out = [];
    for (var i = 0; i < hot[1]; i++) out.push(hot[0] + i);
    return out;
  }

  var REF_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /* An article number from its ref (base 62, generator/search/documents.py to_ref). */
  function fromRef(ref) {
    var n = 0;
    for (var i = 0; i < ref.length; i++) n = n * 62 + REF_DIGITS.indexOf(ref[i]);
    return n;
  }

  /* An article's ref from its number (documents.py to_ref). */
  function toRef(n) {
    var out = "";
    do { out = REF_DIGITS[n % 62] + out; n = Math.floor(n / 62); } while (n);
    return out;
  }

  /* The numbers written by generator/search/wire.py `number`: 5 bits a character, most
   * significant first, a character of MORE when another follows, of LAST for the last. */
  var DIGITS = (function () {
    var last = "0123456789abcdefghijklmnopqrstuv", more = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-.";
    var table = new Int8Array(128).fill(-1);
    for (var i = 0; i < 32; i++) { table[last.charCodeAt(i)] = i; table[more.charCodeAt(i)] = 32 + i; }
    return table;
  })();

  /* `count` numbers written by wire.py `planes`: fixed width, most significant plane first. */
  function planes(text, count) {
    var out = new Array(count).fill(0), width = count ? text.length / count : 0;
    for (var d = 0; d < width; d++) {
      for (var i = 0; i < count; i++) out[i] = out[i] * 32 + DIGITS[text.charCodeAt(d * count + i)];
    }
    return out;
  }

  function numbers(text) {
    var out = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGITS[text.charCodeAt(i)];
      if (d >= 32) { value = value * 32 + d - 32; } else { out.push(value * 32 + d); value = 0; }
    }
    return out;
  }

  /* round(x, 3) as lunr.py rounds a score (Python's round is exact on the double; x * 1000 may
   * not be, so a product next to a half is settled by toFixed, exact too). */
  function round3(x) {
    var y = x * 1000, r = Math.round(y);
    if (Math.abs(Math.abs(y - r) - 0.5) < 1e-6) return +x.toFixed(3);
    return r / 1000;
  }

  /* Field lengths per article and their averages, as lunr's Builder counts them, for the fields
   * whose lengths file is loaded: `data[k]` is lengths-k.js's (wire.py lengths_payloads), and a
   * field is scored with file scoring.lengths[j] (a character field with its text field's: wire.py
   * params). `columns` (optional): files read before, k → {list, average}, added to. `coarse`: the
   * coarse lengths read (k → numbers), which a field that has them needs with its file. */
  function fieldLengths(data, scoring, columns, coarse) {
    var out = { lengths: {}, average: {} };
    columns = columns || {};
    scoring.fields.forEach(function (f, j) {
      var k = scoring.lengths[j], column = columns[k], bits = scoring.bounds[k][3], top = coarse && coarse[k];
      if (!column && data[k] && (bits < 0 || top)) {
        var list = planes(data[k].lengths, scoring.count), total = 0, least = data[k].least, step = Math.pow(2, bits);
        for (var i = 0; i < list.length; i++) { list[i] += least + (bits < 0 ? 0 : top[i] * step); total += list[i]; }
        column = columns[k] = { list: list, average: total / scoring.count };
      }
      if (!column) return;
      out.lengths[f] = column.list;
      out.average[f] = column.average;
    });
    return out;
  }

  /* Per text field k, each article's length as far as it is known: {low, high} (Int32Arrays), from
   * (best first) its whole lengths file (`columns[k]`, fieldLengths), its fine file's low bits over
   * the coarse lengths, the coarse lengths alone (coarse-k.js: high bits, wire.py coarse_payloads),
   * or nothing but the field's shortest and longest (scoring.bounds[k]: [least, most, sum, bits]).
   * A field without coarse lengths has its whole length less the least in the fine files. */
  function bounded(scoring, columns, coarse, fine) {
    return scoring.bounds.map(function (bound, k) {
      var count = scoring.count, least = bound[0], most = bound[1], step = Math.pow(2, bound[3]);
      var split = bound[3] >= 0, top = coarse[k], low = new Int32Array(count), high = new Int32Array(count);
      if (columns[k]) { low.set(columns[k].list); high.set(columns[k].list); return { low: low, high: high }; }
      if (split && !top) { low.fill(least); high.fill(most); return { low: low, high: high }; }
      for (var i = 0; i < count; i++) {
        low[i] = split ? least + top[i] * step : least;
        high[i] = split ? Math.min(most, low[i] + step - 1) : most;
      }
      Object.keys(fine).forEach(function (b) {
        var values = fine[b][k], from = Number(b) * scoring.block;
        for (var j = 0; j < values.length; j++) low[from + j] = high[from + j] = low[from + j] + values[j];
      });
      return { low: low, high: high };
    });
  }

  /* `bounded`'s lengths as two sets of lengths `match` scores with: `upper` each article's shortest
   * possible (its highest score: lunr's BM25 falls as a field grows, rounding keeps that order, and
   * so does every sum of such scores), `lower` its longest; both its own once exact. The average
   * is lunr's: the sum of every length (scoring.bounds) over the count. */
  function sized(scoring, bounds) {
    var upper = { lengths: {}, average: {} }, lower = { lengths: {}, average: {} };
    scoring.fields.forEach(function (f, j) {
      var k = scoring.lengths[j];
      upper.lengths[f] = bounds[k].low;
      lower.lengths[f] = bounds[k].high;
      upper.average[f] = lower.average[f] = scoring.bounds[k][2] / scoring.count;
    });
    return { upper: upper, lower: lower };
  }

  var NO_METADATA = {};  /* what every posting holds with no metadata whitelist (lunr only reads it) */
  var REFS = [], FIELD_REFS = {};  /* article number → its ref, and per field its field ref: made once */

  function refOf(n) { return REFS[n] || (REFS[n] = toRef(n)); }

  function fieldRefOf(field, n) {
    var refs = FIELD_REFS[field] || (FIELD_REFS[field] = []);
    return refs[n] || (refs[n] = field + "/" + refOf(n));
  }

  /* The positions of the terms a query asks (`asked`: [{term, prefix}]) in a shard's sorted
   * terms, ascending: a prefix query's are the run of terms starting with it. Terms are in
   * JavaScript's string order (wire.py), the order `<` compares in. */
  function positions(terms, asked) {
    var out = [];
    asked.forEach(function (a) {
      var lo = 0, hi = terms.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < a.term) lo = mid + 1; else hi = mid; }
      for (var i = lo; i < terms.length && (a.prefix ? terms[i].startsWith(a.term) : terms[i] === a.term); i++) {
        out.push(i);
        if (!a.prefix) break;
      }
    });
    return unique(out).sort(function (x, y) { return x - y; });
  }

  /* One term's postings (wire.py `postings`: per field, its list) with the BM25 score each
   * holder's field vector has for the term, computed and rounded as lunr/builder.py
   * _create_field_vectors does, with the IDF of lunr/idf.py: per field {docs, scores}; `only`
   * (optional, by article number): the articles to score, the others' scores left 0. */
  function scored(list, scoring, lengths, only) {
    var fields = scoring.fields, k1 = scoring.k1, b = scoring.b, read = holders(list, fields.length);
    var found = read.found, idf = Math.log(1 + Math.abs((scoring.count - read.df + 0.5) / (read.df + 0.5)));
    return fields.map(function (f, j) {
      var docs = found[j][0], tfs = found[j][1], avg = lengths.average[f], len = lengths.lengths[f];
      var scores = new Float64Array(docs.length);
      for (var i = 0; i < docs.length; i++) {
        if (only && !only[docs[i]]) continue;
        var tf = tfs[i], score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (len[docs[i]] / avg)) + tf);
        score *= scoring.boosts[j];
        scores[i] = round3(score);
      }
      return { docs: docs, scores: scores };
    });
  }

  var READ = new Map();  /* a term's postings as written → `holders` of them, read once */

  /* One term's postings read: per field [article numbers, term frequencies], and how many in all. */
  function holders(list, fields) {
    var read = READ.get(list);
    if (read) return read;
    var columns = list.split(","), found = [], df = 0;
    for (var j = 0; j < fields; j++) {
      var values = numbers(columns[j] || ""), docs = [], tfs = [], n = -1;
      for (var i = 0; i < values.length; i++) {
        var v = values[i], tf = 1;
        n += 1 + Math.floor(v / 2);
        if (v % 2) tf = values[++i] + 2;
        docs.push(n);
        tfs.push(tf);
      }
      df += docs.length;
      found.push([docs, tfs]);
    }
    read = { found: found, df: df };
    READ.set(list, read);
    return read;
  }

  /* A shard's terms and their postings, split once (kept on the shard's data). */
  function splitShard(shard) {
    if (!shard._split) {
      Object.defineProperty(shard, "_split", { value:
        { terms: shard.terms ? shard.terms.split(" ") : [], lists: shard.postings.split(";") } });
    }
    return shard._split;
  }

  /* What answering `c` ({term, prefix}) from a shard needs loaded: the lengths files of the fields
   * its terms have postings in, and lunr.js when a prefix query finds several terms (`expand`). */
  function needs(shard, c, scoring) {
    var split = splitShard(shard), found = positions(split.terms, [c]), files = [];
    found.forEach(function (p) {
      split.lists[p].split(",").forEach(function (column, j) { if (column) files.push(scoring.lengths[j]); });
    });
    return { lengths: unique(files), lunr: c.prefix && found.length > 1 };
  }

  /* A shard (wire.py shard_payload) as the lunr.Index lunr.py's Builder makes for the same terms:
   * postings {field: {ref: {}}} and _index, field vectors of their scores (`scored`).
   * `asked` (optional, [{term, prefix}]): only the terms a query asks (with their shard
   * positions as _index), which answers that query exactly as the whole shard does (lunr
   * scores a hit by the dot product of the query's vector with the field's, over the query's
   * terms only), at the cost of their postings alone. The page answers with `match`, which
   * gives what lunr.js's query of this index gives (tests/search/test_search_wire.py). */
  function rebuild(shard, scoring, lengths, asked) {
    if (!root.lunr.Pipeline.registeredFunctions[LABEL]) {
      root.lunr.Pipeline.registerFunction(function (token) { return token; }, LABEL);
    }
    var lunr = root.lunr, fields = scoring.fields, split = splitShard(shard), terms = split.terms;
    var inverted = Object.create(null), elements = Object.create(null), tokens = new lunr.TokenSet.Builder();
    var wanted = asked ? positions(terms, asked) : terms.map(function (_, i) { return i; });
    wanted.forEach(function (index) {
      var term = terms[index], posting = { _index: index };
      scored(split.lists[index], scoring, lengths).forEach(function (p, j) {
        var box = posting[fields[j]] = {};
        for (var i = 0; i < p.docs.length; i++) {
          var fieldRef = fieldRefOf(fields[j], p.docs[i]);
          box[refOf(p.docs[i])] = NO_METADATA;
          (elements[fieldRef] = elements[fieldRef] || []).push(index, p.scores[i]);
        }
      });
      inverted[term] = posting;
      tokens.insert(term);
    });
    tokens.finish();
    var vectors = Object.create(null);
    Object.keys(elements).forEach(function (fieldRef) { vectors[fieldRef] = new lunr.Vector(elements[fieldRef]); });
    return new lunr.Index({ invertedIndex: inverted, fieldVectors: vectors, tokenSet: tokens.root,
      fields: fields, pipeline: lunr.Pipeline.load([LABEL]) });
  }

  /* The positions a clause expands to, in the order lunr.js's query meets them: a term the
   * shard holds, or for a prefix query its terms starting with it, in the order of lunr's
   * TokenSet intersection (a TokenSet of those terms, as `rebuild` makes). */
  function expand(terms, clause) {
    var found = positions(terms, [clause]);
    if (!clause.prefix || found.length < 2) return found;
    var lunr = root.lunr, at = {};
    found.forEach(function (p) { at[terms[p]] = p; });
    return lunr.TokenSet.fromArray(found.map(function (p) { return terms[p]; }))
      .intersect(lunr.TokenSet.fromString(clause.term + "*")).toArray().map(function (t) { return at[t]; });
  }

  /* What lunr.js 2.3.9's Index.query answers for `clauses` ([{term, prefix}]: REQUIRED
   * together, or one alone OPTIONAL, as the engine asks) of the index `rebuild` makes of a
   * shard, computed from the postings without making that index: the same refs, and the same
   * scores to the last bit, every sum made in lunr's order (a field's dot product of query and
   * field vector over term positions ascending, over the query vector's magnitude; a hit's fields
   * summed in the order the query first met them). lunr's query makes several objects per posting,
   * which at 50,000 articles took seconds (bench/search.md).
   * `lower` (optional): lengths to score with a second time (Engine.measure's `lower`), in `lower`;
   * `only` (optional, by article number): the articles to answer for, others left out.
   * → {scores: Map ref → score, titled: Map ref → how many clauses it has in a title field (t, T), lower}. */
  function match(shard, scoring, lengths, clauses, lower, only) {
    var fields = scoring.fields, count = scoring.count, split = splitShard(shard);
    var expanded = clauses.map(function (c) { return expand(split.terms, c); });
    var out = { scores: new Map(), titled: new Map(), lower: lower && new Map() };
    if (clauses.length > 1 && expanded.some(function (e) { return !e.length; })) return out;
    var weight = new Map();  /* the query vector: +1 per clause asking a position, in every field */
    expanded.forEach(function (e) { e.forEach(function (p) { weight.set(p, (weight.get(p) || 0) + 1); }); });
    var ascending = Array.from(weight.keys()).sort(function (x, y) { return x - y; }), squares = 0;
    ascending.forEach(function (p) { squares += weight.get(p) * weight.get(p); });
    var magnitude = Math.sqrt(squares);
    function dotted(sized) {
      var postings = new Map(), dots = fields.map(function () { return new Float64Array(count); });
      ascending.forEach(function (p) { postings.set(p, scored(split.lists[p], scoring, sized, only)); });
      fields.forEach(function (f, j) {
        ascending.forEach(function (p) {
          var list = postings.get(p)[j], w = weight.get(p), dot = dots[j];
          for (var i = 0; i < list.docs.length; i++) dot[list.docs[i]] += w * list.scores[i];  /* 0 where not scored */
        });
      });
      return { postings: postings, dots: dots };
    }
    var upper = dotted(lengths), postings = upper.postings, below = lower && dotted(lower);
    var met = new Uint8Array(count), order = new Int32Array(count);  /* fields met, in order (base 8) */
    var clause = new Int16Array(count).fill(-1), held = new Uint16Array(count);
    var titledIn = new Int16Array(count).fill(-1), titled = new Uint16Array(count), touched = [];
    var title = fields.map(function (f) { return f === "t" || f === "T"; });
    expanded.forEach(function (positionsOf, c) {
      positionsOf.forEach(function (p) {
        postings.get(p).forEach(function (list, j) {
          for (var i = 0; i < list.docs.length; i++) {
            var n = list.docs[i];
            if (only && !only[n]) continue;
            if (!met[n]) touched.push(n);
            if (!(met[n] & (1 << j))) { met[n] |= 1 << j; order[n] = order[n] * 8 + j + 1; }
            if (clause[n] !== c) { clause[n] = c; held[n]++; }
            if (title[j] && titledIn[n] !== c) { titledIn[n] = c; titled[n]++; }
          }
        });
      });
    });
    function summed(dots, n, digits) {
      var score;
      for (var d = digits.length - 1; d >= 0; d--) {
        var similarity = dots[digits[d]][n] / magnitude || 0;
        score = score === undefined ? similarity : score + similarity;
      }
      return score;
    }
    touched.forEach(function (n) {
      if (held[n] !== clauses.length) return;
      var digits = [];
      for (var code = order[n]; code; code = Math.floor(code / 8)) digits.push(code % 8 - 1);
      var ref = refOf(n);
      out.scores.set(ref, summed(upper.dots, n, digits));
      if (below) out.lower.set(ref, summed(below.dots, n, digits));
      if (titled[n]) out.titled.set(ref, titled[n]);
    });
    return out;
  }

  /* Publication and date of every article (documents.py docs_payload). */
  function articles(meta) {
    var pubs = numbers(meta.publication), changes = numbers(meta.date);
    var out = [], day = 0, dates = {};  /* an issue's articles share their date: made once */
    for (var n = 0; n < pubs.length; n++) {
      var c = changes[n];
      day += c % 2 ? -(c + 1) / 2 : c / 2;
      var date = dates[day] || (dates[day] = new Date(day * 864e5).toISOString().slice(0, 10));
      out.push({ publication: pubs[n], date: date });
    }
    return out;
  }

  /* Every article's region numbers (documents.py regions_payload). */
  function regionLists(data) {
    var region = numbers(data.region), out = [];
    for (var at = 0; at < region.length;) {
      var count = region[at++];
      out.push(region.slice(at, at + count));
      at += count;
    }
    return out;
  }

  function unique(list) { return Array.from(new Set(list)); }

  /* At most `max` items, evenly spaced: a pasted paragraph must not load every shard.
   * Words whose bigrams were skipped are still checked as substrings. */
  function spread(list, max) {
    if (list.length <= max) return list;
    var out = [];
    for (var i = 0; i < max; i++) out.push(list[Math.round(i * (list.length - 1) / (max - 1))]);
    return unique(out);
  }

  function Engine(base, options) {
    this.base = base;  /* URL of the search/ folder, ending in "/" */
    this.loaded = [];  /* data files loaded so far, in order (for measurements) */
    this.pending = {};
    this.matches = {};  /* "shard terms" → what that shard answers for those terms (Engine.matched) */
    this.columns = {};  /* lengths file k → its lengths and their average, read once (fieldLengths) */
    this.coarse = {};  /* text field k → its coarse lengths (coarse-k.js), read once */
    this.fine = {};  /* fine file b → per text field its articles' low bits (fine-NNN.js), read once */
    this.fields = {};  /* the text fields whose lengths a query has needed so far */
    this.pieces = {};  /* shard k written in pieces → {i: true} for each piece loaded */
    this.views = {};  /* such a shard k → {key, shard}: its pieces loaded so far, as one shard (`view`) */
    this.docs = [];  /* article number → the object hits share, filled in by describe */
    this.loadScript = (options && options.loadScript) || insertScript;
  }

  function insertScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("无法加载 " + src)); };
      document.head.appendChild(s);
    });
  }

  /* Load a data file once; its data is in the registry when the promise settles (a packed file's
   * unpacked: "index-007.js" is registry.index[7], a piece "index-007-2.js" registry.index["7-2"],
   * "docs.js" registry.docs[0]). */
  Engine.prototype.file = function (name) {
    var self = this;
    if (!this.pending[name]) {
      var parts = /^([a-z]+)(?:-(\d+)(?:-(\d+))?)?\.js$/.exec(name), kind = parts && registry[parts[1]] && parts[1];
      var key = parts && parts[3] ? Number(parts[2]) + "-" + parts[3] : parts && parts[2] ? Number(parts[2]) : 0;
      this.pending[name] = this.loadScript(this.base + name).then(function () {
        return kind && Promise.resolve(registry[kind][key]).then(function (data) { registry[kind][key] = data; });
      }).then(function () { self.loaded.push(name); });
    }
    return this.pending[name];
  };

  Engine.prototype.ready = function () {
    var self = this;
    if (this._ready) return this._ready;
    this._ready = this.file("docs.js").then(function () {
      self.meta = registry.docs[0];
      self.meta.lists = ownLists(self.meta);
      self.meta.presentMasks = self.meta.pieces > 1 ? planes(self.meta.present, self.meta.listsFrom) : [];
      var keys = self.t2sKeys = new Set(), code = -1;  /* the code points t2s.js maps (documents.py) */
      numbers(self.meta.t2s).forEach(function (gap) { code += gap + 1; keys.add(code); });
      self.articles = articles(self.meta);
      return self.meta;
    });
    return this._ready;
  };

  /* Load piece i of shard k (the whole shard when it is in one file). */
  Engine.prototype.shard = function (k, i) {
    var self = this, name = "index-" + String(k).padStart(3, "0");
    if (piecesOf(k, this.meta) === 1) return this.file(name + ".js");
    return this.file(name + "-" + i + ".js").then(function () { (self.pieces[k] = self.pieces[k] || {})[i] = true; });
  };

  /* Shard k as far as it is loaded: for a shard in pieces, the terms of its pieces loaded so far
   * and their postings, in the shard's order. A term is in its piece or nowhere in the shard, and
   * `match` sums a shard's terms in their order, which any of its terms keep among themselves:
   * a query answered from the pieces of its terms gets what the whole shard answers, to the last
   * bit (tests/search/test_search_index.py). */
  Engine.prototype.view = function (k) {
    if (piecesOf(k, this.meta) === 1) return registry.index[k];
    var loaded = Object.keys(this.pieces[k] || {}).sort(), key = loaded.join(" "), seen = this.views[k];
    if (seen && seen.key === key) return seen.shard;
    var pairs = [];
    loaded.forEach(function (i) {
      var split = splitShard(registry.index[k + "-" + i]);
      split.terms.forEach(function (t, j) { pairs.push([t, split.lists[j]]); });
    });
    pairs.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    var shard = {};
    Object.defineProperty(shard, "_split", { value:
      { terms: pairs.map(function (p) { return p[0]; }), lists: pairs.map(function (p) { return p[1]; }) } });
    this.views[k] = { key: key, shard: shard };
    return shard;
  };

  /* Load what answering `terms` from shards `ks` needs: the piece of each shard holding a term
   * (every piece for a prefix query: its terms may be in any), then its lengths (`needs`). */
  Engine.prototype.shards = function (ks, terms) {
    var self = this, plan = this.meta, wanted = [];
    ks.forEach(function (k) {
      var pieces = piecesOf(k, plan), asked = {};
      terms.forEach(function (t) {
        var c = clause(t, plan);
        if (shardsOf(t, plan).indexOf(k) === -1) return;
        for (var i = 0; i < pieces; i++) {
          if (pieces === 1 || ((c.prefix || pieceOf(c.term, pieces) === i) && pieceThere(k, i, plan))) asked[i] = true;
        }
      });
      Object.keys(asked).forEach(function (i) { wanted.push(self.shard(k, Number(i))); });
    });
    return Promise.all(wanted).then(function () {
      var files = [];
      ks.forEach(function (k) {
        terms.forEach(function (t) {
          var need = needs(self.view(k), clause(t, plan), plan.scoring);
          need.lengths.forEach(function (c) {
            self.fields[c] = true;
            if (hasCoarse(plan.scoring, c)) files.push("coarse-" + c + ".js");
          });
          if (need.lunr && !root.lunr) files.push("lunr.min.js");
        });
      });
      return Promise.all(unique(files).map(function (f) { return self.file(f); }));
    }).then(function () { self.measure(); });
  };

  /* Whether text field k has coarse lengths (wire.py coarse_payloads; low bits -1: none). */
  function hasCoarse(scoring, k) { return scoring.bounds[k][3] >= 0; }

  /* The field lengths as far as they are loaded (`bounded`), as `sized` makes them. */
  Engine.prototype.measure = function () {
    var self = this, scoring = this.meta.scoring, count = scoring.count;
    Object.keys(registry.coarse).forEach(function (k) {
      if (!self.coarse[k]) self.coarse[k] = planes(registry.coarse[k].coarse, count);
    });
    fieldLengths(registry.lengths, scoring, this.columns, this.coarse);
    var key = [Object.keys(this.coarse), Object.keys(this.fine), Object.keys(this.columns)].join(" ");
    if (this.sized && this.sized.key === key) return;
    this.sized = sized(scoring, bounded(scoring, this.columns, this.coarse, this.fine));
    this.sized.key = key;
  };

  /* Make exact the lengths of articles `ns` in the fields asked so far: their fine files, or, past
   * MAX_FINE of them, the fields' whole lengths files (`whole`). */
  Engine.prototype.exact = function (ns) {
    var self = this, scoring = this.meta.scoring, block = scoring.block;
    var blocks = unique(ns.map(function (n) { return Math.floor(n / block); })).filter(function (b) { return !self.fine[b]; });
    if (blocks.length > MAX_FINE) return this.whole();
    return Promise.all(blocks.map(function (b) { return self.file("fine-" + String(b).padStart(3, "0") + ".js"); }))
      .then(function () {
        blocks.forEach(function (b) {
          var size = Math.min(block, scoring.count - b * block);
          self.fine[b] = registry.fine[b].map(function (text) { return planes(text, size); });
        });
        self.measure();
      });
  };

  /* Every article's lengths exact in the fields asked so far: their whole lengths files (with
   * their coarse lengths, loaded already for a query that needed them). */
  Engine.prototype.whole = function () {
    var self = this, files = [];
    Object.keys(this.fields).forEach(function (k) {
      files.push("lengths-" + k + ".js");
      if (hasCoarse(self.meta.scoring, k)) files.push("coarse-" + k + ".js");
    });
    return Promise.all(files.map(function (f) { return self.file(f); })).then(function () { self.measure(); });
  };

  /* What shard k (loaded) answers for `terms` (`match`: lunr's answer), scored with each article's
   * highest score the lengths known allow (`measure`), once per shard, terms and lengths known; or,
   * given `only` ({articles: by article number, lower: whether their lowest scores alone}), for those
   * articles alone, each time: their highest and lowest scores (`scores`, `lower`), or their lowest
   * (`scores`). */
  Engine.prototype.matched = function (k, terms, only) {
    var plan = this.meta, clauses = terms.map(function (t) { return clause(t, plan); });
    if (only && only.lower) return match(this.view(k), plan.scoring, this.sized.lower, clauses, null, only.articles);
    if (only) return match(this.view(k), plan.scoring, this.sized.upper, clauses, this.sized.lower, only.articles);
    var key = this.sized.key + " " + k + " " + terms.join(" ");
    if (!this.matches[key]) this.matches[key] = match(this.view(k), plan.scoring, this.sized.upper, clauses);
    return this.matches[key];
  };

  /* Fill in title, subtitle, URL and title breaks of the hits' articles (from their text files). */
  Engine.prototype.describe = function (hits) {
    var self = this;
    return Promise.all(hits.map(function (h) {
      var n = h.doc.n;
      return self.row(n).then(function (row) {
        h.doc.title = row[0];
        h.doc.subtitle = row[1];
        h.doc.url = row[2];
        h.doc.breaks = breakOffsets(row[3]);
        return h.doc;
      });
    }));
  };

  /* Article n's row of its text file (documents.py text_files); the table entries its text
   * folds through, if any, given to the tokenizer first. */
  Engine.prototype.row = function (n) {
    var size = this.meta.textChunk, chunk = Math.floor(n / size);
    return this.file("text-" + String(chunk).padStart(3, "0") + ".js").then(function () {
      var row = registry.text[chunk][n - chunk * size];
      if (row.length > 6) root.GazetteTokenize.addT2S(row[6]);
      return row;
    });
  };

  /* Article n's plain text: [meta line, body]. */
  Engine.prototype.text = function (n) {
    return this.row(n).then(function (row) { return row.slice(4, 6); });
  };

  /* Whether folding `query` needs the Traditional→Simplified table (a character it maps, after
   * NFKC and lower case, as tokenize folds). */
  Engine.prototype.needsT2S = function (query) {
    var keys = this.t2sKeys;
    return Array.from(query).some(function (ch) {
      return Array.from(ch.normalize("NFKC").toLowerCase()).some(function (c) { return keys.has(c.codePointAt(0)); });
    });
  };

  /* Article n as a hit shows it: title, subtitle and url are there once `describe`d, its regions
   * once `regions` has loaded them (until then none). */
  Engine.prototype.doc = function (n) {
    if (this.docs[n]) return this.docs[n];
    var a = this.articles[n], m = this.meta;
    var doc = this.docs[n] = {
      n: n, title: undefined, subtitle: undefined, publication: m.publications[a.publication],
      publicationIndex: a.publication, date: a.date, year: a.date.slice(0, 4), url: undefined,
      regions: [], regionIndexes: [],
      breaks: undefined  /* where the title may break: code point offsets */
    };
    if (this.regionsOf) this.placed(doc);
    return doc;
  };

  Engine.prototype.placed = function (doc) {
    var names = this.regionNames;
    doc.regionIndexes = this.regionsOf[doc.n];
    doc.regions = doc.regionIndexes.map(function (r) { return names[r]; });
  };

  /* Load every article's regions (search/regions.js) and give them to the hits made so far and
   * to come: a query needs them only to filter by region or count the facets, so the page asks
   * for them after showing its first results, or first when the URL asks for a region. */
  Engine.prototype.regions = function () {
    var self = this;
    if (!this._regions) {
      this._regions = Promise.all([this.ready(), this.file("regions.js")]).then(function () {
        var data = registry.regions[0];
        self.regionNames = data.regions;
        self.regionsOf = regionLists(data);
        self.docs.forEach(function (doc) { if (doc) self.placed(doc); });
      });
    }
    return this._regions;
  };

  /* Whether `regions` has given every hit its regions. */
  Engine.prototype.hasRegions = function () { return !!this.regionsOf; };

  /* The title's break offsets from their code in a text file (documents.py break_code: phrase
   * lengths in base 36, "0" for 35 characters without a break). */
  function breakOffsets(code) {
    var out = [], at = 0;
    for (var i = 0; i < code.length; i++) {
      var c = code.charAt(i);
      at += c === "0" ? 35 : parseInt(c, 36);
      if (c !== "0") out.push(at);
    }
    return out;
  }

  /* ref → score of the articles having every term in shard k: whole terms asked together
   * (REQUIRED), a term asked alone OPTIONAL (a prefix term X* always is: the same hits as
   * REQUIRED, which in lunr.js unites a fresh set per expanded term: bench/search.md), as
   * `match` answers (`matched`: {scores, lower when given `only`}). `titles` (optional Map): ref →
   * how many of the terms it has in its title field (t, or T for #X), added to. */
  Engine.prototype.run = function (k, terms, titles, only) {
    var found = this.matched(k, terms, only);
    if (titles) found.titled.forEach(function (c, ref) { titles.set(ref, (titles.get(ref) || 0) + c); });
    return found;
  };

  /* Run lunr on every shard the terms need; refs present for every term, scores summed.
   * Whole terms of one shard are asked together; a lone character is asked alone of its
   * shard (its own list for a hot character) and the answers united. `titles` (optional Map):
   * ref → how many of the terms are in its title. */
  Engine.prototype.lookup = function (terms, titles) {
    return this.answers(terms, titles).then(function (sets) {
      var scores = null;
      sets.forEach(function (found) {
        if (scores === null) { scores = found.scores; return; }
        var both = new Map();
        scores.forEach(function (s, ref) { if (found.scores.has(ref)) both.set(ref, s + found.scores.get(ref)); });
        scores = both;
      });
      return scores || new Map();
    });
  };

  /* What `lookup` sums, in its order: the answer of each shard of whole terms (`run`), then of each
   * lone character (`holding`); `only`: see `matched`. */
  Engine.prototype.answers = function (terms, titles, only) {
    var self = this, byShard = {}, spans = [];
    terms.forEach(function (t) {
      var ks = shardsOf(t, self.meta);
      if (isPrefix(t)) { spans.push({ term: t, shards: ks }); return; }
      (byShard[ks[0]] = byShard[ks[0]] || []).push(t);
    });
    var needed = Object.keys(byShard).map(Number);
    spans.forEach(function (span) { needed = needed.concat(span.shards); });
    needed = unique(needed);
    return this.shards(needed, terms).then(function () {
      var sets = Object.keys(byShard).map(function (k) { return self.run(Number(k), byShard[k], titles, only); });
      spans.forEach(function (span) { sets.push(self.holding(span.term, titles, only)); });
      return sets;
    });
  };

  /* {scores: ref → score, lower: the same with `only`} of the articles holding `term`, asked alone
   * of each of its shards (loaded). `titles` (optional Map): ref → how many terms it has in its
   * title, one added for this term. */
  Engine.prototype.holding = function (term, titles, only) {
    var self = this, all = { scores: new Map(), lower: only && new Map() }, titled = titles && new Map();
    function add(into, from) { from.forEach(function (s, ref) { into.set(ref, (into.get(ref) || 0) + s); }); }
    shardsOf(term, this.meta).forEach(function (k) {
      var found = self.run(k, [term], titled, only);
      add(all.scores, found.scores);
      if (found.lower) add(all.lower, found.lower);
    });
    if (titled) titled.forEach(function (c, ref) { titles.set(ref, (titles.get(ref) || 0) + 1); });
    return all;
  };

  /* For each term, ref → score of the articles holding it (the tolerant pass counts them and
   * ranks them by the sum: every length exact, `whole`). */
  Engine.prototype.holders = function (terms) {
    var self = this, needed = [];
    terms.forEach(function (t) { needed = needed.concat(shardsOf(t, self.meta)); });
    return this.shards(unique(needed), terms).then(function () { return self.whole(); }).then(function () {
      return terms.map(function (t) { return self.holding(t).scores; });
    });
  };

  function contains(haystack, needle) { return haystack.indexOf(needle) !== -1; }

  /* A word asking one term that is the word itself (巴州, 湖, korla) is found exactly by the
   * index; any other (哈哈哈, 8月, 82监督) must be checked in the text. */
  function byIndex(terms, word) { return terms.length === 1 && terms[0] === word; }

  function compare(a, b) {
    return a.tier - b.tier || b.score - a.score || (a.doc.date < b.doc.date ? 1 : a.doc.date > b.doc.date ? -1 : 0) || a.doc.n - b.doc.n;
  }

  /* The terms to look up for words whose terms are `termsByWord`: a lone character inside a
   * longer word (月 in 8月10日) adds little and may load several shards; such words are
   * checked as substrings anyway. */
  function asked(termsByWord) {
    return spread(unique([].concat.apply([], termsByWord.map(function (ts) {
      var whole = ts.filter(function (t) { return !isPrefix(t); });
      return whole.length ? whole : ts;
    }))), MAX_TERMS);
  }

  /* → Promise<{words, excluded, terms, removed, hits: [{doc, score, low, tier, unverified}], partial, ranked, asked}>;
   * tier 0 title, 1 exact, 2 scattered; removed: how many articles an excluded word left out
   * (by the strict pass); partial: the tolerant pass's hits (`forgive`), absent when it did not run.
   * A query of excluded words only finds nothing (words is then empty). The first PAGE hits
   * `listed` come described (title, subtitle, url, breaks); `describe` the others before showing them.
   * The index says which hits have every term in the title field: for a word whose one term is
   * the word itself that is the word in the title; any other there is confirmed (`verify`) from
   * the title itself. The first PAGE hits' scores are lunr's and they are in their places; the
   * others' scores are their highest possible until `complete` (ranked: whether all are final);
   * asked: the terms looked up. */
  Engine.prototype.search = function (query) {
    var self = this;
    return this.ready().then(function () {
      return self.needsT2S(query) && !root.GAZETTE_T2S ? self.file("t2s.js") : null;
    }).then(function () {
      var T = root.GazetteTokenize;
      var parsed = T.parseQuery(query), words = parsed.words;
      var termsByWord = words.map(T.wordTerms);
      var terms = unique([].concat.apply([], termsByWord));
      var result = { words: words, excluded: parsed.excluded, terms: terms, removed: 0, hits: [] };
      if (!terms.length) return result;
      var ask = result.asked = asked(termsByWord), titles = new Map();
      return self.lookup(ask, titles).then(function (scores) {
        return self.exclude(scores, parsed.excluded);
      }).then(function (found) {
        var hits = [];
        result.removed = found.count;
        var settled = termsByWord.every(function (ts, i) { return byIndex(ts, words[i]); });
        found.kept.forEach(function (score, ref) {
          var inTitle = titles.get(ref) === ask.length;
          hits.push({ doc: self.doc(fromRef(ref)), score: score, tier: inTitle ? 0 : 1, unverified: !settled });
        });
        return self.rescore(hits, ask, true).then(function () { return self.verify(hits, words, ask); }).then(function () {
          hits.sort(compare);
          result.hits = hits;
          var exact = hits.filter(function (h) { return h.tier < 2; });
          if (exact.length >= FORGIVE_BELOW) return null;
          return self.forgive(words, asked(termsByWord), parsed.excluded, exact);
        }).then(function (partial) {
          if (partial) result.partial = partial;
          result.ranked = hits.every(function (h) { return h.score === h.low; });
          return self.describe(listed(result).slice(0, PAGE));
        }).then(function () { return result; });
      });
    });
  };

  /* The title and subtitle of article n as search compares them. */
  Engine.prototype.titleText = function (n) {
    return this.describe([{ doc: this.doc(n) }]).then(function (docs) {
      return root.GazetteTokenize.comparable(docs[0].title + " " + docs[0].subtitle);
    });
  };

  /* The pieces of `words` found whole in `text`, longest first from the left (做遵纪守法爱护 in
   * …做遵纪守法、爱护… → 做遵纪守法, 爱护), and how many characters the pieces of three or more hold. */
  function pieces(words, text) {
    var found = [], held = 0;
    words.forEach(function (word) {
      var chars = Array.from(word), i = 0;
      while (i < chars.length) {
        var j = i + 2;
        while (j <= chars.length && contains(text, chars.slice(i, j).join(""))) j++;
        if (j - 1 - i < 2) { i++; continue; }
        found.push(chars.slice(i, j - 1).join(""));
        if (j - 1 - i >= 3) held += j - 1 - i;
        i = j - 1;
      }
    });
    return { found: found, held: held };
  }

  function comparePartial(a, b) {
    return (b.held !== null) - (a.held !== null) || b.held - a.held || b.share - a.share || compare(a, b);
  }

  /* The tolerant pass (see the top of this file): partial hits {doc, score, tier: 3, share, held,
   * pieces}, best first, or null for a query of one term; `exact` are the strict pass's exact
   * hits, left out here. */
  Engine.prototype.forgive = function (words, terms, excluded, exact) {
    var self = this, T = root.GazetteTokenize;
    if (terms.length < 2) return Promise.resolve(null);  // one term: nothing to hold in part
    var skip = new Set(exact.map(function (h) { return h.doc.n; }));
    return this.holders(terms).then(function (sets) {
      var count = new Map(), score = new Map();
      sets.forEach(function (found) {
        found.forEach(function (s, ref) {
          count.set(ref, (count.get(ref) || 0) + 1);
          score.set(ref, (score.get(ref) || 0) + s);
        });
      });
      var candidates = new Map();
      count.forEach(function (c, ref) {
        if (c / terms.length >= FORGIVE_SHARE && !skip.has(fromRef(ref))) candidates.set(ref, score.get(ref));
      });
      return self.exclude(candidates, excluded).then(function (found) {
        var hits = [];
        found.kept.forEach(function (s, ref) {
          hits.push({ doc: self.doc(fromRef(ref)), score: s, tier: 3, share: count.get(ref) / terms.length,
            held: null, pieces: [] });
        });
        hits.sort(comparePartial);
        hits = hits.slice(0, FORGIVE_MAX);
        var chunks = new Set(), todo = hits.slice(0, FORGIVE_CHECKED).filter(function (h) {
          var c = Math.floor(h.doc.n / self.meta.textChunk);
          if (!chunks.has(c) && chunks.size >= VERIFY_CHUNKS) return false;
          chunks.add(c);
          return true;
        });
        var size = words.reduce(function (n, w) { return n + Array.from(w).length; }, 0);
        return Promise.all(todo.map(function (h) {
          return self.fullText(h.doc.n).then(function (all) {
            var p = pieces(words, all);
            h.held = p.held / size;
            h.pieces = p.found;
          });
        })).then(function () {
          hits.sort(comparePartial);
          return hits;
        });
      });
    });
  };

  /* The hits in the order a page lists them: the exact ones, then (after a tolerant pass) the
   * partial ones, which take in the scattered; without a tolerant pass, every hit. */
  function listed(result) {
    if (!result.partial) return result.hits;
    return result.hits.filter(function (h) { return h.tier < 2; }).concat(result.partial);
  }

  /* All the searchable text of article n as search compares it (title, subtitle, meta, body). */
  Engine.prototype.fullText = function (n) {
    return Promise.all([this.titleText(n), this.text(n)]).then(function (both) {
      return both[0] + "\n" + root.GazetteTokenize.comparable(both[1][0] + "\n" + both[1][1]);
    });
  };

  /* Leave out of `scores` (ref → score) every article containing an excluded word, exactly as
   * searching for that word would find it: a word with one term by the index alone; a longer
   * one only where it occurs whole, checked in the title, else in the stored text (every
   * candidate is checked: an article must never be dropped for bigrams that only occur apart).
   * → Promise<{kept, count}>. */
  Engine.prototype.exclude = function (scores, excluded) {
    var self = this, T = root.GazetteTokenize;
    if (!excluded.length || !scores.size) return Promise.resolve({ kept: scores, count: 0 });
    return Promise.all(excluded.map(function (word) {
      var ts = T.wordTerms(word);
      return self.lookup(asked([ts])).then(function (found) {
        var candidates = [];
        found.forEach(function (s, ref) { if (scores.has(ref)) candidates.push(ref); });
        if (byIndex(ts, word)) return candidates;
        return Promise.all(candidates.map(function (ref) {
          var n = fromRef(ref);
          return self.titleText(n).then(function (title) {
            return contains(title, word) || self.fullText(n).then(function (all) { return contains(all, word); });
          });
        })).then(function (has) {
          return candidates.filter(function (ref, i) { return has[i]; });
        });
      });
    })).then(function (lists) {
      var kept = new Map(scores);
      lists.forEach(function (refs) { refs.forEach(function (ref) { kept.delete(ref); }); });
      return { kept: kept, count: scores.size - kept.size };
    });
  };

  /* Each hit's score as far as the lengths loaded tell: `score` its highest, `low` its lowest
   * (`measure`); the two are equal, and lunr's score, once its lengths are exact. `ask`: the
   * query's terms, as `lookup` was asked; `lower`: only `low` (`score` is `lookup`'s already). */
  Engine.prototype.rescore = function (hits, ask, lower) {
    var articles = new Uint8Array(this.meta.scoring.count);
    hits.forEach(function (h) { articles[h.doc.n] = 1; });
    return this.answers(ask, null, { articles: articles, lower: lower }).then(function (sets) {
      hits.forEach(function (h) {  /* summed as `lookup` sums */
        var ref = refOf(h.doc.n), score, low;
        sets.forEach(function (found, i) {
          score = i ? score + found.scores.get(ref) : found.scores.get(ref);
          if (!lower) low = i ? low + found.lower.get(ref) : found.lower.get(ref);
        });
        if (lower) { h.low = score; return; }
        h.score = score;
        h.low = low;
      });
    });
  };

  /* Make exact the score of every hit that may be among the first `count` in `compare`'s order:
   * those whose highest score reaches the count-th best lowest one (of its tier or a better tier).
   * The others rank below all of those whatever their lengths, so the first `count` hits and
   * their order are lunr's, from the fine files of a few articles (bench/search.md). */
  Engine.prototype.settle = function (hits, ask, count, rounds) {
    var self = this, edge = lowest(hits, count), todo = hits.filter(function (h) {
      return h.score !== h.low && (hits.length <= count || h.tier < edge.tier || (h.tier === edge.tier && h.score >= edge.low));
    });
    if (!todo.length) return Promise.resolve();
    var ns = todo.map(function (h) { return h.doc.n; });
    return ((rounds || 0) > 2 ? this.whole() : this.exact(ns)).then(function () {
      return self.rescore(todo, ask);  /* the others' bounds still hold */
    }).then(function () { return self.settle(hits, ask, count, (rounds || 0) + 1); });
  };

  /* The count-th best of `hits` by tier, then lowest score (the last if fewer). */
  function lowest(hits, count) {
    var best = [];
    function before(a, b) { return a.tier < b.tier || (a.tier === b.tier && a.low > b.low); }
    hits.forEach(function (h) {
      if (best.length === count && !before(h, best[count - 1])) return;
      var at = best.length;
      while (at > 0 && before(h, best[at - 1])) at--;
      best.splice(at, 0, h);
      if (best.length > count) best.pop();
    });
    return best[best.length - 1];
  }

  /* Every hit of `result` (Engine.search) scored exactly and in its place: the whole lengths of
   * the fields asked. The first page is so already (`settle`) and keeps its place; the page asks
   * for this before it shows more, or filters. → Promise<result>. */
  Engine.prototype.complete = function (result) {
    var self = this;
    if (result.ranked || !result.asked) return Promise.resolve(result);
    if (!result.completed) {
      result.completed = this.whole().then(function () { return self.lookup(result.asked); }).then(function (scores) {
        result.hits.forEach(function (h) { h.score = h.low = scores.get(refOf(h.doc.n)); });
        result.hits.sort(compare);
        result.ranked = true;
        return result;
      });
    }
    return result.completed;
  };

  /* Check multi-bigram words as substrings, best-scored hits first, until the first PAGE hits are
   * all checked (a hit that fails makes room for the next): in the title for a hit the index
   * puts there (tier 0), else (or failing that) in the stored text, loading at most
   * VERIFY_CHUNKS text files. Hits left unchecked keep their place; the page labels them when
   * shown (snippet). Before each round the first PAGE are scored exactly (`settle`). Sorts `hits`. */
  Engine.prototype.verify = function (hits, words, ask) {
    var self = this, chunks = new Set();
    function holds(text) { return words.every(function (w) { return contains(text, w); }); }
    function check(h) {
      return (h.tier === 0 ? self.titleText(h.doc.n) : Promise.resolve("")).then(function (title) {
        if (h.tier === 0 && holds(title)) { h.unverified = false; return; }
        h.tier = 1;
        var c = Math.floor(h.doc.n / self.meta.textChunk);
        if (!chunks.has(c) && chunks.size >= VERIFY_CHUNKS) return;
        chunks.add(c);
        return self.fullText(h.doc.n).then(function (all) {
          h.unverified = false;
          if (!holds(all)) h.tier = 2;
        });
      });
    }
    function round() {
      return self.settle(hits, ask, PAGE).then(checkPage);
    }
    function checkPage() {
      hits.sort(compare);
      var todo = hits.slice(0, PAGE).filter(function (h) {
        var c = Math.floor(h.doc.n / self.meta.textChunk);
        return h.unverified && (h.tier === 0 || chunks.has(c) || chunks.size < VERIFY_CHUNKS);
      });
      return todo.length ? Promise.all(todo.map(check)).then(round) : Promise.resolve();
    }
    return round();
  };

  /* Ranges [start, end) in `text` where any needle occurs, compared as search compares (folded,
   * a name's dots gone: 吐尔逊阿那依提 marks 吐尔逊·阿那依提), merged. */
  function ranges(text, needles) {
    var f = root.GazetteTokenize.comparableWithMap(text), out = [];
    needles.forEach(function (needle) {
      if (!needle) return;
      for (var at = f.folded.indexOf(needle); at !== -1; at = f.folded.indexOf(needle, at + 1)) {
        out.push([f.map[at], f.end[at + needle.length - 1]]);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* [{text, mark}] segments of `text` between from and to, marking the ranges. */
  function segments(text, marks, from, to) {
    var out = [], at = from;
    marks.forEach(function (r) {
      var s = Math.max(r[0], from), e = Math.min(r[1], to);
      if (e <= s) return;
      if (s > at) out.push({ text: text.slice(at, s), mark: false });
      out.push({ text: text.slice(s, e), mark: true });
      at = e;
    });
    if (at < to) out.push({ text: text.slice(at, to), mark: false });
    return out;
  }

  function highlight(text, words, terms) {
    var marks = ranges(text, words);
    if (!marks.length) marks = ranges(text, terms);
    return segments(text, marks, 0, text.length);
  }

  /* The text's lines run on in a snippet: a space between Latin words, and between Chinese
   * ones (after 。, before 本报…) a zero-width space, no gap a reader would see. One character
   * for one, so the marks found in the text stay where they are. */
  function joinLines(text) {
    return text.replace(/\n/g, function (nl, at) {
      var before = text.charAt(at - 1), after = text.charAt(at + 1);
      return /[\u2e80-\u9fff\uf900-\uffef\u3000-\u303f]/.test(before + after) ? "\u200b" : " ";
    });
  }

  /* A window of the article's text around its first match: {segments, exact}; exact is false
   * when some query word is nowhere whole (only its bigrams, scattered), and then the
   * scattered bigrams are what gets marked. */
  Engine.prototype.snippet = function (n, words, terms, size) {
    size = size || 120;
    return Promise.all([this.fullText(n), this.text(n)]).then(function (both) {
      var all = both[0], text = both[1];
      var exact = words.every(function (w) { return contains(all, w); });
      var sources = [text[1], text[0]];
      var pick = null;
      sources.some(function (src) {
        var marks = ranges(src, words);
        if (marks.length) pick = { src: src, marks: marks };
        return !!pick;
      });
      if (!pick) pick = { src: text[1], marks: exact ? [] : ranges(text[1], terms) };
      var src = joinLines(pick.src);
      var first = pick.marks.length ? pick.marks[0][0] : 0;
      var from = Math.max(0, first - Math.floor(size / 4));
      var to = Math.min(src.length, from + size);
      var segs = segments(src, pick.marks, from, to);
      if (from > 0) segs.unshift({ text: "…", mark: false });
      if (to < src.length) segs.push({ text: "…", mark: false });
      return { segments: segs, exact: exact };
    });
  };

  var api = { Engine: Engine, shardOf: shardOf, ownLists: ownLists, shardsOf: shardsOf, fromRef: fromRef, toRef: toRef, rebuild: rebuild, match: match,
    fieldLengths: fieldLengths, bounded: bounded, sized: sized, planes: planes, highlight: highlight, listed: listed, breakOffsets: breakOffsets, registry: registry };
  root.GazetteSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
