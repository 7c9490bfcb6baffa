/* Tolk's live status, appended to tolk.js on a page whose status panel has a
   status URL (tolk site --status-url): fetches the status document, applies the
   binding's rules (embedded in the panel's data-tolk-status) and updates the panel
   and the values beside the steps, every minute while the page is visible. It
   only ever sets text (textContent), never markup. */
(function () {
  "use strict";
  var doc = document;
  // A status panel with a status URL: fetch the document and apply the binding's rules.
  var panel = doc.querySelector("section.tolk-status[data-tolk-status]");
  if (!panel || !window.fetch) { return; }
  var spec;
  try { spec = JSON.parse(panel.getAttribute("data-tolk-status")); } catch (e) { return; }
  if (!spec || !Array.isArray(spec.fields)) { return; }
  // From file: a relative status URL names no server; the build-time panel stays.
  if (location.protocol === "file:" && !/^https?:\/\//i.test(spec.url)) { return; }
  var lang = spec.lang || "en";
  var numbers = new Intl.NumberFormat(lang);
  var dates = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" });
  var relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });

  var ago = function (time, now) {
    var s = Math.round((time - now) / 1000);
    var a = Math.abs(s);
    if (a < 60) { return relative.format(s, "second"); }
    if (a < 3600) { return relative.format(Math.round(s / 60), "minute"); }
    if (a < 86400) { return relative.format(Math.round(s / 3600), "hour"); }
    return relative.format(Math.round(s / 86400), "day");
  };
  var lookup = function (value, path) {
    for (var i = 0; i < path.length; i++) {
      if (Array.isArray(value) && /^\d+$/.test(path[i]) && +path[i] < value.length) { value = value[+path[i]]; }
      else if (value !== null && typeof value === "object" && !Array.isArray(value) &&
               Object.prototype.hasOwnProperty.call(value, path[i])) { value = value[path[i]]; }
      else { return { missing: true }; }
    }
    return { value: value };
  };
  var toDate = function (v) {
    if (typeof v === "number" && isFinite(v) && v >= 0) { return new Date(v > 1e11 ? v : v * 1000); }
    if (typeof v !== "string") { return null; }
    var m = /^\/Date\((-?\d+)/.exec(v);
    var d = m ? new Date(+m[1]) : new Date(v.trim().replace(" ", "T"));
    return isNaN(d.getTime()) ? null : d;
  };
  var evaluate = function (f, document, now) {
    var problem = function (message) { return { level: "error", mark: "?", value: "—", message: message }; };
    var fail = function (out, message) {
      out.level = f.severity === "error" ? "error" : f.severity === "ok" ? "ok" : "warning";
      out.mark = out.level === "error" ? "\u2717" : out.level === "ok" ? "\u2713" : "!";
      out.message = (out.level === "error" ? spec.error : spec.warning) + ": " + message;
      out.failed = true;
      return out;
    };
    if (document === null) { return problem(""); }
    var found = lookup(document, f.key);
    if (found.missing) { return problem(f.missing); }
    var v = found.value;
    var out = { level: "ok", mark: "\u2713", value: "", message: "" };
    if (f.type === "boolean") {
      if (typeof v !== "boolean") { return problem(f.wrongType); }
      out.value = v ? f["true"] : f["false"];
      if (typeof f.expect === "boolean" && v !== f.expect) { return fail(out, f.expectMessage); }
    } else if (f.type === "number") {
      if (typeof v !== "number") { return problem(f.wrongType); }
      out.value = numbers.format(v) + (f.unit ? " " + f.unit : "");
      if (typeof f.expect === "number" && v !== f.expect) { return fail(out, f.expectMessage); }
      if (typeof f.min === "number" && v < f.min) { return fail(out, f.minMessage); }
      if (typeof f.max === "number" && v > f.max) { return fail(out, f.maxMessage); }
    } else if (f.type === "date-time") {
      var d = toDate(v);
      if (!d) { return problem(f.wrongType); }
      out.value = dates.format(d);
      out.relative = ago(d.getTime(), now);
      if (typeof f.staleAfter === "number" && (now - d.getTime()) / 1000 > f.staleAfter) { return fail(out, f.staleMessage); }
    } else {
      if (typeof v !== "string") { return problem(f.wrongType); }
      if (f.type === "enumeration" && !(f.values && Object.prototype.hasOwnProperty.call(f.values, v))) {
        return problem(f.unknownValue);
      }
      out.value = f.values && Object.prototype.hasOwnProperty.call(f.values, v) ? f.values[v] : v;
      if (Array.isArray(f.expect) && f.expect.indexOf(v) < 0) { return fail(out, f.expectMessage); }
    }
    return out;
  };
  var setText = function (parent, selector, text) {
    var el = parent.querySelector(selector);
    if (el) { el.textContent = text; }
  };
  var setLevel = function (el, level) {
    ["ok", "warning", "error", "none"].forEach(function (l) { el.classList.remove("tolk-status-" + l); });
    el.classList.add("tolk-status-" + level);
  };
  var help = function (li, f, show) {
    var remedy = li.querySelector(".tolk-status-remedy");
    if (!remedy && show && f.remedy) {
      remedy = doc.createElement("span");
      remedy.className = "tolk-status-remedy";
      remedy.textContent = f.remedy;
      li.appendChild(remedy);
    }
    if (remedy) { remedy.hidden = !show; }
    var link = li.querySelector(".tolk-status-link");
    if (!link && show && f.link && /^https?:\/\//i.test(f.link)) {
      link = doc.createElement("span");
      link.className = "tolk-status-link";
      var a = doc.createElement("a");
      a.setAttribute("href", f.link);
      a.textContent = f.link;
      link.appendChild(doc.createTextNode((spec.see || "") + " "));
      link.appendChild(a);
      li.appendChild(link);
    }
    if (link) { link.hidden = !show; }
  };
  var apply = function (document, error) {
    var now = Date.now();
    var worst = "ok";
    spec.fields.forEach(function (f, i) {
      var r = evaluate(f, document, now);
      if (r.level === "error" || (r.level === "warning" && worst === "ok")) { worst = r.level; }
      var targets = doc.querySelectorAll('[data-status-field="' + i + '"]');
      for (var t = 0; t < targets.length; t++) {
        var el = targets[t];
        setLevel(el, r.level);
        setText(el, ".tolk-status-mark", r.mark);
        setText(el, ".tolk-status-value", r.value || "—");
        setText(el, ".tolk-status-relative", r.relative ? " (" + r.relative + ")" : "");
        setText(el, ".tolk-status-message", r.message ? (el.tagName === "P" ? " \u2014 " : "") + r.message : "");
        if (el.tagName === "LI") { help(el, f, !!r.failed); }
      }
    });
    setLevel(panel, error ? "error" : worst);
    var when = spec.read + " " + relative.format(0, "second");
    if (document && spec.observedAt) {
      var seen = lookup(document, spec.observedAt);
      var at = seen.missing ? null : toDate(seen.value);
      if (at && now - at.getTime() >= 2000) { when += " · " + spec.observed + " " + ago(at.getTime(), now); }
    }
    setText(panel, ".tolk-status-summary", spec.source + ": " + spec.url + " · " + when);
    var problem = panel.querySelector(".tolk-status-problem");
    if (error) {
      if (!problem) {
        problem = doc.createElement("p");
        problem.className = "tolk-status-problem";
        panel.insertBefore(problem, panel.querySelector(".tolk-status-fields"));
      }
      problem.textContent = spec.failed + " (" + String(error.message || error).slice(0, 200) + ")";
      problem.hidden = false;
    } else if (problem) {
      problem.hidden = true;
    }
  };
  var refresh = function () {
    fetch(spec.url, { cache: "no-store", credentials: "omit" }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (document) { apply(document, null); }, function (error) { apply(null, error); });
  };
  refresh();
  window.setInterval(function () { if (!doc.hidden) { refresh(); } }, 60000);
})();
