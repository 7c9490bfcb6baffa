/* Tolk's page script (its SHA-256 is in the page's Content-Security-Policy).
   Everything works without it; with it: the originals toggle is remembered, the
   arrow keys move between the paragraphs that show originals (one tab stop), links
   drop "index.html" when served over http(s), the index searches the articles' text
   as you type (from the site's search data over http(s), else it filters the titles), and
   the root page opens the best match for the reader's languages. A page with a live status panel gets
   tolk-status.js after it, in the same script element, and the translation-status
   page tolk-matrix.js. It only ever sets text
   (textContent, value), never markup. */
(function () {
  "use strict";
  var doc = document;

  // The "show English originals" switch, remembered across pages.
  var key = "tolk.showOriginals";
  var box = doc.getElementById("tolk-show-originals");
  if (box) {
    try {
      var stored = window.localStorage.getItem(key);
      if (stored !== null) { box.checked = stored === "true" || stored === "1"; }
    } catch (e) { /* no storage (private mode, file:): the toggle still works on this page */ }
    box.addEventListener("change", function () {
      try { window.localStorage.setItem(key, box.checked ? "true" : "false"); } catch (e) { /* as above */ }
    });
  }

  // The originals by keyboard: a sentence is no tab stop; a paragraph, heading, item or
  // cell with originals (.tu-run, focusable, no tab stop) shows them while it has focus. One run is
  // the article's tab stop (the first, then the last one focused); the arrow keys move
  // focus between runs, Home and End to the first and the last.
  var runs = doc.querySelectorAll(".tu-run");
  if (runs.length) {
    var current = runs[0];
    current.tabIndex = 0;
    var rove = function (run) {
      if (run === current) { return; }
      current.tabIndex = -1;
      run.tabIndex = 0;
      current = run;
    };
    var indexOf = function (run) { return Array.prototype.indexOf.call(runs, run); };
    doc.addEventListener("focusin", function (e) {
      var run = e.target && e.target.closest ? e.target.closest(".tu-run") : null;
      if (run) { rove(run); }
    });
    doc.addEventListener("keydown", function (e) {
      var run = e.target;
      if (!run.classList || !run.classList.contains("tu-run") || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
      var i = indexOf(run), next = -1;
      var rtl = getComputedStyle(run).direction === "rtl";
      if (e.key === "ArrowDown" || e.key === (rtl ? "ArrowLeft" : "ArrowRight")) { next = i + 1; }
      else if (e.key === "ArrowUp" || e.key === (rtl ? "ArrowRight" : "ArrowLeft")) { next = i - 1; }
      else if (e.key === "Home") { next = 0; }
      else if (e.key === "End") { next = runs.length - 1; }
      else { return; }
      if (next < 0 || next >= runs.length) { return; }
      e.preventDefault();
      rove(runs[next]);
      runs[next].focus();
    });
  }

  // Pretty URLs on a server; file: needs the explicit index.html.
  if (location.protocol === "http:" || location.protocol === "https:") {
    var links = doc.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) { continue; }
      var pretty = href.replace(/(^|\/)index\.html(?=$|#)/, "$1");
      if (pretty !== href) { links[i].setAttribute("href", pretty === "" || pretty.charAt(0) === "#" ? "./" + pretty : pretty); }
    }
  }

  // The index: as the reader types, full-text search over the site's search data (served
  // over http(s): search/meta.json and the pieces a query needs, beside the index page),
  // else (file:, or no data) the list filtered by the words of its titles.
  var search = doc.getElementById("tolk-search");
  var list = doc.getElementById("tolk-index-list");
  if (search && list) {
    var fold = function (s) {
      return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    };
    var items = Array.prototype.slice.call(list.children).map(function (li) {
      return { li: li, text: fold(li.textContent) };
    });
    var count = doc.getElementById("tolk-search-count");
    var none = doc.querySelector(".tolk-search-none");
    var results = doc.getElementById("tolk-search-results");
    var pattern = search.getAttribute("data-count-pattern") || "{shown}/{total}";
    var initialCount = count ? count.textContent : "";
    var number = function (x) {
      try { return new Intl.NumberFormat(doc.documentElement.lang || undefined).format(x); } catch (e) { return String(x); }
    };
    var showCount = function (shown, searching) {
      if (count) { count.textContent = searching ? pattern.replace("{shown}", number(shown)).replace("{total}", number(items.length)) : initialCount; }
      if (none) { none.hidden = !searching || shown > 0; }
    };
    var filter = function () {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var match = words.every(function (w) { return item.text.indexOf(w) >= 0; });
        item.li.hidden = !match;
        if (match) { shown++; }
      });
      showCount(shown, words.length > 0);
    };
    var update = filter;
    var base = search.getAttribute("data-search");
    var served = location.protocol === "http:" || location.protocol === "https:";
    if (base && results && served && window.fetch && window.Promise) {
      var full = fullText(new URL(base, location.href).href);
      var latest = 0;
      var timer = null;
      var showResults = function (found, query) {
        while (results.firstChild) { results.removeChild(results.firstChild); }
        found.hits.forEach(function (hit) {
          var li = doc.createElement("li");
          var a = doc.createElement("a");
          a.href = hit.url.replace(/(^|\/)index\.html$/, "$1");
          a.textContent = hit.title;
          if (hit.english) { a.lang = "en"; a.dir = "ltr"; }
          li.appendChild(a);
          if (hit.original) {
            var original = doc.createElement("span");
            original.className = "tolk-search-original";
            original.lang = "en";
            original.dir = "ltr";
            original.textContent = hit.original;
            li.appendChild(doc.createTextNode(" "));
            li.appendChild(original);
          }
          results.appendChild(li);
          full.snippet(hit, query).then(function (parts) {
            if (!parts) { return; }
            var p = doc.createElement("p");
            p.className = "tolk-search-snippet";
            if (parts.lang) { p.lang = parts.lang; p.dir = "ltr"; }
            parts.pieces.forEach(function (piece) {
              var node = piece.mark ? doc.createElement("mark") : doc.createTextNode(piece.text);
              if (piece.mark) { node.textContent = piece.text; }
              p.appendChild(node);
            });
            li.appendChild(p);
          }, function () { /* no snippet: the title still leads to the page */ });
        });
        results.hidden = false;
        list.hidden = true;
        showCount(found.hits.length, true);
      };
      update = function () {
        var query = search.value;
        var token = ++latest;
        if (!query.trim()) {
          results.hidden = true;
          list.hidden = false;
          items.forEach(function (item) { item.li.hidden = false; });
          showCount(0, false);
          return;
        }
        clearTimeout(timer);
        timer = setTimeout(function () {
          full.find(query, !/\s$/.test(query)).then(function (found) {
            if (token === latest) { showResults(found, query); }
          }, function () {
            // No search data after all: filter by title from now on.
            update = filter;
            if (token === latest) { filter(); }
          });
        }, 80);
      };
    }
    search.addEventListener("input", function () { update(); });
    try {
      var q = new URLSearchParams(location.search).get("q");
      if (q) { search.value = q; }
    } catch (e) { /* no URLSearchParams */ }
    if (search.value) { update(); }
  }

  // The root page: open the index that best matches the reader's languages (#choose shows
  // the choice): the first preferred language with a page, by its whole tag, else by its language.
  var choices = doc.querySelectorAll("a[data-lang-choice]");
  if (choices.length && location.hash !== "#choose") {
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""]);
    for (var w = 0; w < wanted.length; w++) {
      var tag = String(wanted[w]).toLowerCase().split(";")[0];
      var code = tag.split("-")[0];
      var byLanguage = null;
      for (var c = 0; c < choices.length; c++) {
        if ((choices[c].getAttribute("data-locale") || "").toLowerCase() === tag) { location.replace(choices[c].href); return; }
        if (!byLanguage && choices[c].getAttribute("data-lang-choice").split("-")[0] === code) { byLanguage = choices[c]; }
      }
      if (byLanguage) { location.replace(byLanguage.href); return; }
    }
  }

  // Full-text search over a language's search data (made by tolk site; see its README):
  // words as the site's index folded them, BM25 scores summed, every word required (any
  // word when no page has them all), the last word a prefix while the reader types.
  function fullText(base) {
    var cache = {};
    var get = function (path) {
      if (!cache[path]) {
        cache[path] = fetch(base + path, { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) { throw new Error(path + ": " + r.status); }
          return r.json();
        });
      }
      return cache[path];
    };
    var meta = get("meta.json").then(function (m) {
      m.unspacedSet = {};
      Array.from(m.unspaced || "").forEach(function (c) { m.unspacedSet[c] = true; });
      return m;
    });
    var own = Object.prototype.hasOwnProperty;
    var letter = /[\p{L}\p{M}\p{N}]/u;
    var foldChar = function (m, c) {
      var lower = c.toLowerCase();
      if (own.call(m.fold, lower)) { return m.fold[lower]; }
      if (lower.charCodeAt(0) < 128) { return lower; }
      return lower.normalize("NFD").replace(/\p{M}/gu, "") || lower;
    };
    // The words of a text with their places: [{word, start, end, unspaced}] (start and end in code points).
    var words = function (m, text) {
      var out = [], current = "", start = 0;
      var chars = Array.from(text);
      for (var i = 0; i <= chars.length; i++) {
        var c = chars[i];
        var isUnspaced = c !== undefined && own.call(m.unspacedSet, c);
        if (c !== undefined && !isUnspaced && letter.test(c)) {
          if (!current) { start = i; }
          current += foldChar(m, c);
          continue;
        }
        if (current) { out.push({ word: current, start: start, end: i }); current = ""; }
        if (isUnspaced) { out.push({ word: c.toLowerCase(), start: i, end: i + 1, unspaced: true }); }
      }
      return out;
    };
    var terms = function (m, query, prefixLast) {
      var out = [], run = [];
      var endRun = function () {
        if (run.length === 1) { out.push({ word: run[0], exact: true }); }
        for (var k = 0; k + 1 < run.length; k++) { out.push({ word: run[k] + run[k + 1], exact: true }); }
        run = [];
      };
      words(m, query.normalize("NFC")).forEach(function (w) {
        if (w.unspaced) { run.push(w.word); } else { endRun(); out.push({ word: w.word }); }
      });
      endRun();
      if (prefixLast && out.length && !out[out.length - 1].exact) { out[out.length - 1].prefix = true; }
      return out;
    };
    // True when a comes before b or equals it, by code points (the order of the word list).
    var notAfter = function (a, b) {
      var i = 0, j = 0;
      while (i < a.length && j < b.length) {
        var x = a.codePointAt(i), y = b.codePointAt(j);
        if (x !== y) { return x < y; }
        i += x > 0xffff ? 2 : 1;
        j += y > 0xffff ? 2 : 1;
      }
      return i >= a.length;
    };
    // The pieces of the word list that can hold a word (or the words it begins).
    var pieceOf = function (m, word) {
      var low = 0, high = m.pieces.length - 1, found = 0;
      while (low <= high) {
        var mid = (low + high) >> 1;
        if (notAfter(m.pieces[mid], word)) { found = mid; low = mid + 1; } else { high = mid - 1; }
      }
      return found;
    };
    var postings = function (m, term) {
      var first = pieceOf(m, term.word);
      var last = term.prefix ? Math.min(pieceOf(m, term.word + String.fromCodePoint(0x10ffff)), first + 2) : first;
      var wanted = [];
      for (var i = first; i <= last; i++) { wanted.push(get("w/" + i + ".json")); }
      return Promise.all(wanted).then(function (pieces) {
        var scores = {};
        pieces.forEach(function (piece) {
          var keys = term.prefix ? Object.keys(piece).filter(function (k) { return k.lastIndexOf(term.word, 0) === 0; })
            : (own.call(piece, term.word) ? [term.word] : []);
          keys.forEach(function (k) {
            var list = piece[k], doc = 0;
            for (var j = 0; j < list.length; j += 2) {
              doc += list[j];
              if (!(scores[doc] >= list[j + 1])) { scores[doc] = list[j + 1]; }
            }
          });
        });
        return scores;
      });
    };
    var combine = function (lists, all) {
      var total = {};
      var counts = {};
      lists.forEach(function (scores) {
        Object.keys(scores).forEach(function (doc) {
          total[doc] = (total[doc] || 0) + scores[doc];
          counts[doc] = (counts[doc] || 0) + 1;
        });
      });
      return Object.keys(total).filter(function (doc) { return !all || counts[doc] === lists.length; })
        .sort(function (a, b) { return total[b] - total[a] || a - b; });
    };
    return {
      find: function (query, prefixLast) {
        return meta.then(function (m) {
          var ts = terms(m, query, prefixLast);
          if (!ts.length) { return { hits: [] }; }
          return Promise.all(ts.map(function (t) { return postings(m, t); })).then(function (lists) {
            var docs = combine(lists, true);
            if (!docs.length) { docs = combine(lists, false); }
            docs = docs.slice(0, 10).map(Number);
            return Promise.all(docs.map(function (d) { return get("d/" + Math.floor(d / m.docsPerPiece) + ".json"); })).then(function (pieces) {
              return {
                hits: docs.map(function (d, k) {
                  var entry = pieces[k][d % m.docsPerPiece];
                  return { url: entry[0], title: entry[1], original: entry[2], english: entry[0].lastIndexOf("../en/", 0) === 0, rank: k };
                })
              };
            });
          });
        });
      },
      // The sentence of the page with the most words of the query, from the page itself
      // (the translation first, then its English originals), the found words marked.
      snippet: function (hit, query) {
        if (hit.rank >= 3) { return Promise.resolve(null); }
        return Promise.all([meta, fetch(new URL(hit.url, location.href).href, { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) { throw new Error(String(r.status)); }
          return r.text();
        })]).then(function (both) {
          var m = both[0];
          var page = new DOMParser().parseFromString(both[1], "text/html");
          var wanted = terms(m, query, true);
          var blocks = Array.prototype.slice.call(page.querySelectorAll("main p, main li, main td, main th")).filter(function (b) {
            return !b.querySelector("p") && !b.closest(".tolk-banner, .tolk-status");
          });
          var best = null;
          [false, true].forEach(function (english) {
            if (best) { return; }
            blocks.forEach(function (block) {
              var copy = block.cloneNode(true);
              var originals = copy.querySelectorAll(".tu-o");
              var text;
              if (english) {
                text = Array.prototype.map.call(originals, function (o) { return o.textContent; }).join(" ");
              } else {
                Array.prototype.forEach.call(originals, function (o) { o.parentNode.removeChild(o); });
                text = copy.textContent;
              }
              text = text.replace(/\s+/g, " ").trim();
              var found = words(m, text).filter(function (w) {
                return wanted.some(function (t) { return t.prefix ? w.word.lastIndexOf(t.word, 0) === 0 : w.word === t.word || (w.unspaced && t.word.indexOf(w.word) >= 0); });
              });
              var distinct = {};
              found.forEach(function (w) { distinct[w.word] = true; });
              var score = Object.keys(distinct).length;
              if (score && (!best || score > best.score)) { best = { text: text, found: found, score: score, english: english }; }
            });
          });
          if (!best) { return null; }
          var chars = Array.from(best.text);
          var from = Math.max(0, best.found[0].start - 60), to = Math.min(chars.length, from + 200);
          var pieces = [], at = from;
          if (from > 0) { pieces.push({ text: "…" }); }
          best.found.forEach(function (w) {
            if (w.start < at || w.end > to) { return; }
            pieces.push({ text: chars.slice(at, w.start).join("") });
            pieces.push({ text: chars.slice(w.start, w.end).join(""), mark: true });
            at = w.end;
          });
          pieces.push({ text: chars.slice(at, to).join("") + (to < chars.length ? "…" : "") });
          return { pieces: pieces, lang: best.english && !hit.english ? "en" : null };
        });
      }
    };
  }

})();
