/* Tolk's page script (its SHA-256 is in the page's Content-Security-Policy).
   Everything works without it; with it: the originals toggle is remembered, links
   drop "index.html" when served over http(s), the index filters as you type, the
   translation-status matrix sorts by a column and filters, and the root page
   opens the best match for the reader's languages. A page with a live status panel gets
   tolk-status.js after it, in the same script element. It only ever sets text
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

  // The translation-status matrix: sort by a column (its button), filter by words and problems.
  var rows = doc.getElementById("tolk-status-rows");
  if (rows) {
    var statusSearch = doc.getElementById("tolk-status-search");
    var onlyProblems = doc.getElementById("tolk-status-problems");
    var statusCount = doc.getElementById("tolk-status-count");
    var foldText = function (s) { return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); };
    var all = Array.prototype.slice.call(rows.children).map(function (tr) {
      return { tr: tr, text: foldText(tr.cells[0].textContent), rank: Number(tr.getAttribute("data-rank")), problems: tr.getAttribute("data-problems") === "1" };
    });
    var buttons = doc.querySelectorAll("button[data-sort-column]");
    var sortBy = function (column, descending) {
      var value = function (row) {
        if (column === 0) { return row.text; }
        var cell = row.tr.cells[column];
        return cell ? Number(cell.getAttribute("data-sort")) : -1;
      };
      var sorted = all.slice().sort(function (a, b) {
        var x = value(a), y = value(b);
        var order = x < y ? -1 : x > y ? 1 : a.rank - b.rank;
        return descending && x !== y ? -order : order;
      });
      var fragment = doc.createDocumentFragment();
      sorted.forEach(function (row) { fragment.appendChild(row.tr); });
      rows.appendChild(fragment);
      for (var b = 0; b < buttons.length; b++) {
        var th = buttons[b].parentNode;
        if (Number(buttons[b].getAttribute("data-sort-column")) === column) {
          th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        } else {
          th.removeAttribute("aria-sort");
        }
      }
    };
    for (var b = 0; b < buttons.length; b++) {
      buttons[b].addEventListener("click", function (event) {
        var th = event.currentTarget.parentNode;
        sortBy(Number(event.currentTarget.getAttribute("data-sort-column")), th.getAttribute("aria-sort") === "ascending");
      });
    }
    var filterRows = function () {
      var words = statusSearch ? foldText(statusSearch.value).split(/\s+/).filter(Boolean) : [];
      var problemsOnly = onlyProblems && onlyProblems.checked;
      var shown = 0;
      all.forEach(function (row) {
        var match = (!problemsOnly || row.problems) && words.every(function (w) { return row.text.indexOf(w) >= 0; });
        row.tr.hidden = !match;
        if (match) { shown += 1; }
      });
      if (statusCount) { statusCount.textContent = shown + " of " + all.length + " articles"; }
    };
    if (statusSearch) { statusSearch.addEventListener("input", filterRows); }
    if (onlyProblems) { onlyProblems.addEventListener("change", filterRows); }
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
