/* Tolk's page script (its SHA-256 is in the page's Content-Security-Policy).
   Everything works without it; with it: the originals toggle is remembered, the
   arrow keys move between the paragraphs that show originals (one tab stop), links
   drop "index.html" when served over http(s), the index filters as you type, and
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

  // The index: filter the list as the reader types (every word must occur).
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
    var pattern = search.getAttribute("data-count-pattern") || "{shown}/{total}";
    var initialCount = count ? count.textContent : "";
    var filter = function () {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var match = words.every(function (w) { return item.text.indexOf(w) >= 0; });
        item.li.hidden = !match;
        if (match) { shown++; }
      });
      if (count) {
        var n = function (x) { try { return new Intl.NumberFormat(doc.documentElement.lang || undefined).format(x); } catch (e) { return String(x); } };
        count.textContent = words.length ? pattern.replace("{shown}", n(shown)).replace("{total}", n(items.length)) : initialCount;
      }
      if (none) { none.hidden = shown > 0; }
    };
    search.addEventListener("input", filter);
    try {
      var q = new URLSearchParams(location.search).get("q");
      if (q) { search.value = q; }
    } catch (e) { /* no URLSearchParams */ }
    if (search.value) { filter(); }
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

})();
