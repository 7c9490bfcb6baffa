/* The translation-status page's script, after tolk.js in the same script element
   (its SHA-256 is in the page's Content-Security-Policy): the matrix of articles x
   languages sorts by a column (its button) and filters by words and by "only
   articles with a problem". Without it the matrix is shown in its first order. It
   only ever sets text and attributes, and moves rows. */
(function () {
  "use strict";
  var doc = document;
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

})();
