/* gazette search page: the UI over GazetteSearch (search-engine.js).
 * Results update as the user types; the URL keeps the query and filters
 * (search.html?q=…&pub=…&region=…&year=…) so a search can be bookmarked.
 * All data reaches the page through textContent, never innerHTML. */
(function () {
  "use strict";
  var PAGE = 20, DELAY = 150;
  var PARTIAL = "以下为部分匹配：所查文字未完整出现";
  var root = document.getElementById("search");
  if (!root) return;
  var siteRoot = root.getAttribute("data-root") || "";
  var engine = new GazetteSearch.Engine(siteRoot + "search/");
  var form = root.querySelector("form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var empty = document.getElementById("search-empty");
  var more = document.getElementById("search-more");
  /* The search box in the page header (base.html) shows the same query as the page's own box. */
  var header = document.querySelector(".site-search input[name=q]");
  var filters = { pub: document.getElementById("search-pub"),
    region: document.getElementById("search-region"), year: document.getElementById("search-year") };
  var current = null, shown = 0, timer = null, serial = 0, drawing = Promise.resolve(), drawn = 0;
  var placing = [];  /* [doc, its regions' span] of hits drawn before the regions were loaded */

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** 2025-03-28 → 2025年3月28日, as every page of the site writes dates. */
  function chineseDate(iso) {
    var p = iso.split("-");
    return Number(p[0]) + "年" + Number(p[1]) + "月" + Number(p[2]) + "日";
  }

  function marked(parent, segs) {
    segs.forEach(function (s) { parent.appendChild(s.mark ? el("mark", "", s.text) : document.createTextNode(s.text)); });
    return parent;
  }

  /* The title's marked segments in a span of class phrases (style.css: no break between
   * Chinese characters) with a wbr element at each break (code point offsets from a text file), so that
   * it breaks between phrases only, as the pages' headlines do; a mark spanning a break keeps
   * its wbr inside. */
  function phrased(segs, breaks) {
    var span = el("span", "phrases"), at = 0, next = 0;
    segs.forEach(function (s) {
      var chars = Array.from(s.text), from = 0;
      for (; next < breaks.length && breaks[next] <= at; next++) span.appendChild(document.createElement("wbr"));
      var box = s.mark ? span.appendChild(el("mark")) : span;
      while (next < breaks.length && breaks[next] < at + chars.length) {
        var cut = breaks[next++] - at;
        box.appendChild(document.createTextNode(chars.slice(from, cut).join("")));
        box.appendChild(document.createElement("wbr"));
        from = cut;
      }
      box.appendChild(document.createTextNode(chars.slice(from).join("")));
      at += chars.length;
    });
    return span;
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    if (header) header.value = input.value;
    Object.keys(filters).forEach(function (k) { filters[k].value = params.get(k) || ""; });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    Object.keys(filters).forEach(function (k) { if (filters[k].value) params.set(k, filters[k].value); });
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    } catch (e) { /* some browsers refuse replaceState on file:// URLs; the page still works */ }
  }

  /* Whether a filter is chosen: the filtered list's first page may lie anywhere in the hits, so the
   * page waits until every hit is in its final place (engine.complete: only the first page is when a
   * search answers), as it does before it shows more. */
  function filtering() {
    return Object.keys(filters).some(function (k) { return filters[k].value; });
  }

  function passes(doc, except) {
    return (except === "pub" || !filters.pub.value || doc.publication === filters.pub.value) &&
      (except === "region" || !filters.region.value || doc.regions.indexOf(filters.region.value) !== -1) &&
      (except === "year" || !filters.year.value || doc.year === filters.year.value);
  }

  /* Show how many hits each filter option would give, keeping the others applied; the regions'
   * counts once the engine has the hits' regions (until then their labels stay as they are). */
  function countOptions(hits) {
    var keys = { pub: function (d) { return [d.publication]; }, region: function (d) { return d.regions; },
      year: function (d) { return [d.year]; } };
    Object.keys(filters).forEach(function (k) {
      if (k === "region" && !engine.hasRegions()) return;
      var counts = {};
      hits.forEach(function (h) {
        if (passes(h.doc, k)) keys[k](h.doc).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      Array.prototype.forEach.call(filters[k].options, function (o) {
        if (!o.dataset.label) o.dataset.label = o.textContent;
        o.textContent = o.value && hits.length ? o.dataset.label + "（" + (counts[o.value] || 0) + "）" : o.dataset.label;
      });
    });
  }

  function renderHit(hit, result) {
    var d = hit.doc;
    var li = el("li", "search-hit");
    var h = el("h2", "search-hit-title");
    var a = el("a");
    a.href = siteRoot + d.url;
    /* a partial hit marks the pieces of the query it holds whole, an exact one the query's words */
    var words = hit.tier === 3 ? hit.pieces : result.words;
    a.appendChild(phrased(GazetteSearch.highlight(d.title, words, result.terms), d.breaks));
    h.appendChild(a);
    li.appendChild(h);
    if (d.subtitle) li.appendChild(marked(el("p", "search-hit-subtitle"), GazetteSearch.highlight(d.subtitle, words, result.terms)));
    var meta = el("p", "search-hit-meta");
    meta.appendChild(el("span", "search-hit-publication", d.publication));
    var time = el("time", "search-hit-date", chineseDate(d.date));
    time.dateTime = d.date;
    meta.appendChild(time);
    var regions = meta.appendChild(el("span", "search-hit-regions", d.regions.join("、")));
    regions.hidden = !d.regions.length;
    if (!engine.hasRegions()) placing.push([d, regions]);
    var scattered = el("span", "search-hit-scattered", "词语分散出现，未连在一起");
    /* a partial hit holding every term has them all, only apart: scattered, as in the strict pass */
    var apart = hit.tier === 2 || (hit.tier === 3 && hit.share === 1);
    scattered.hidden = !apart;
    meta.appendChild(scattered);
    if (hit.tier === 3 && !apart) meta.appendChild(el("span", "search-hit-partial", "部分匹配"));
    li.appendChild(meta);
    var snippet = el("p", "search-hit-snippet", "…");
    li.appendChild(snippet);
    var filled = engine.snippet(d.n, words, result.terms).then(function (found) {
      snippet.textContent = "";
      marked(snippet, found.segments);
      if (!found.exact && hit.tier !== 3) scattered.hidden = false;
    });
    return { node: li, filled: filled };
  }

  /* Every article's regions, loaded once the first page is shown (or before filtering by region):
   * then the regions of the hits drawn so far and the facet counts. */
  function placeRegions() {
    return engine.regions().then(function () {
      placing.forEach(function (p) {
        p[1].textContent = p[0].regions.join("、");
        p[1].hidden = !p[0].regions.length;
      });
      placing = [];
      if (current) countOptions(GazetteSearch.listed(current.result));
    });
  }

  /* The next page of hits, once their titles and URLs are loaded (engine.describe), in order;
   * a page asked for before the list was redrawn is dropped. → a promise settled when the page is
   * drawn, holding one settled when its snippets are filled in. */
  function showMore() {
    var hits = current.filtered, page = hits.slice(shown, shown + PAGE), result = current.result, mine = drawn;
    var before = hits[shown - 1];
    shown = Math.min(hits.length, shown + PAGE);
    more.hidden = shown >= hits.length;
    var described = engine.describe(page);
    var filled = [];
    drawing = drawing.then(function () { return described; }).then(function () {
      if (mine !== drawn) return;
      page.forEach(function (hit) {
        if (hit.tier === 3 && before && before.tier !== 3) list.appendChild(el("li", "search-partial-heading", PARTIAL));
        var drawnHit = renderHit(hit, result);
        list.appendChild(drawnHit.node);
        filled.push(drawnHit.filled);
        before = hit;
      });
    });
    return drawing.then(function () { return { filled: Promise.all(filled) }; });
  }

  function render() {
    var result = current.result, all = GazetteSearch.listed(result);
    var filtered = all.filter(function (h) { return passes(h.doc); });
    current.filtered = filtered;
    drawn++;
    list.textContent = "";
    shown = 0;
    placing = [];
    countOptions(all);
    var filteredOut = all.length - filtered.length;
    var partial = filtered.filter(function (h) { return h.tier === 3; }).length;
    var excluded = result.excluded.map(function (w) { return "“" + w + "”"; }).join("");
    if (!result.words.length) {
      /* Only excluded words: listing every other article would help nobody. */
      status.textContent = result.excluded.length
        ? "“-" + result.excluded[0] + "”表示排除含“" + result.excluded[0] + "”的文章；请再输入至少一个要查找的词，例如“新疆 -" + result.excluded[0] + "”。"
        : input.value.trim() ? "请输入汉字、字母或数字。" : "";
      empty.hidden = true;
      more.hidden = true;
      return;
    }
    var notes = [];
    if (result.removed) notes.push("排除了含" + excluded + "的 " + result.removed + " 篇");
    if (filteredOut) notes.push("筛选隐藏了 " + filteredOut + " 篇");
    if (filtered.length) {
      var found = filtered.length - partial;
      status.textContent = (!partial ? "找到 " + found + " 篇文章"
        : !found ? "未找到完全匹配的结果，以下为部分匹配（" + partial + " 篇）"
        : "找到 " + found + " 篇文章，另有 " + partial + " 篇部分匹配") + (notes.length ? "（" + notes.join("，") + "）" : "");
      empty.hidden = true;
      return showMore();
    } else {
      status.textContent = "找到 0 篇文章";
      empty.querySelector(".search-empty-title").textContent = filteredOut
        ? "没有符合筛选条件的文章，取消筛选可以看到 " + filteredOut + " 篇。"
        : "没有找到包含“" + result.words.join(" ") + "”" + (excluded ? "、不含" + excluded : "") + "的文章。";
      empty.hidden = false;
      more.hidden = true;
    }
  }

  function run() {
    var query = input.value, mine = ++serial;
    writeUrl();
    status.textContent = query.trim() ? "正在搜索…" : "";
    /* a region filter (from the URL, or chosen) needs every hit's regions before it filters */
    var searched = engine.search(query);
    if (filters.region.value) searched = Promise.all([searched, engine.regions()]).then(function (both) { return both[0]; });
    searched.then(function (result) {
      return filtering() ? engine.complete(result) : result;
    }).then(function (result) {
      if (mine !== serial) return;
      current = { result: result, filtered: [] };
      return Promise.resolve(render()).then(function (page) {
        if (mine === serial) root.setAttribute("data-state", "done");
        if (page) {
          page.filled.then(function () {
            return Promise.all([engine.hasRegions() ? null : placeRegions(), engine.complete(result)]);
          }).catch(function () {});
        }
      });
    }).catch(function (error) {
      status.textContent = "搜索索引加载失败：" + error.message + "。请重新生成网站（gazette build）。";
      root.setAttribute("data-state", "error");
    });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll(".search-hit-title a")); }

  function move(step) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (!all.length) return;
    if (at === -1) { if (step > 0) all[0].focus(); return; }
    if (at + step < 0) { input.focus(); return; }
    all[Math.min(all.length - 1, at + step)].focus();
  }

  function typed() {
    clearTimeout(timer);
    root.setAttribute("data-state", "typing");
    timer = setTimeout(run, DELAY);
  }

  input.addEventListener("input", function () {
    if (header) header.value = input.value;
    typed();
  });
  if (header) {
    /* On this page the header box searches in place (keeping the filters) instead of reloading. */
    header.addEventListener("input", function () { input.value = header.value; typed(); });
    header.form.addEventListener("submit", function (event) {
      event.preventDefault();
      input.value = header.value;
      clearTimeout(timer);
      run();
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  Object.keys(filters).forEach(function (k) {
    filters[k].addEventListener("change", function () {
      writeUrl();
      if (!current) return;
      var regions = k === "region" && filters.region.value && !engine.hasRegions();
      if (!regions && (current.result.ranked || !filtering())) { render(); return; }
      root.setAttribute("data-state", "typing");
      var mine = serial;
      Promise.all([regions ? placeRegions() : null, engine.complete(current.result)]).then(function () {
        if (mine !== serial) return;
        return Promise.resolve(render()).then(function () { if (mine === serial) root.setAttribute("data-state", "done"); });
      });
    });
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
  });
  more.addEventListener("click", function () {
    var result = current.result;
    engine.complete(result).then(function () {
      if (current.result !== result) return;
      current.filtered = GazetteSearch.listed(result).filter(function (h) { return passes(h.doc); });
      showMore();
    });
  });

  readUrl();
  if (input.value) run(); else { input.focus(); engine.ready().catch(function () {}); }
})();
