#!/usr/bin/python3
"""Browser end-to-end test of a site built by `tolk site`.

    /usr/bin/python3 e2e/browser_test.py --site DIR [--screenshots DIR] [--fixtures DIR]

Serves DIR on 127.0.0.1 (a free port, in a thread), drives headless Chromium
through chromedriver (Debian's chromium, chromium-driver, python3-selenium;
`e2e/deps.sh` installs them), prints one line per check, `PASS name` or
`FAIL name: why`, then `e2e: N passed, M failed`. Exit status 1 when a check
failed, 2 when the browser could not be started.

The site contract it checks (see e2e/README.md):
  SITE/index.html, SITE/da/index.html, SITE/en/index.html (with a search box),
  SITE/da/<slug>/index.html, SITE/en/<slug>/index.html, SITE/sitemap.xml;
  <html lang="da-DK"> (English pages: lang starting with "en");
  <span class="tu-run" tabindex="-1" aria-describedby="tolk-o-N ...">... <span class="tu" data-unit="ID"
  aria-describedby="tolk-o-N">translation<span class="tu-o" lang="en" id="tolk-o-N">original</span></span> ...</span>:
  a sentence (.tu) is never a tab stop; the run of a paragraph, heading, item or cell
  that holds originals (.tu-run) takes focus and names them in aria-describedby, as each
  sentence names its own; the page script makes one run the article's tab stop
  (tabindex 0) and moves it with the arrow keys (roving: Down/Right next, Up/Left
  previous, Home, End); .tu-o hidden until its .tu is hovered or its .tu-run focused;
  checkbox #tolk-show-originals + label[for=tolk-show-originals] showing every
  .tu-o, remembered in localStorage "tolk.showOriginals";
  nav.tolk-languages a[data-lang-switch][hreflang="en"] (hreflang "da…" on English pages);
  aside.tolk-mt-banner on machine-translated articles; .tu.tu-untranslated;
  Tolk's own script the only <script> on a page.
"""
import argparse
import functools
import glob
import http.server
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from selenium import webdriver
from selenium.common.exceptions import (ElementClickInterceptedException, NoAlertPresentException,
                                        NoSuchElementException, UnexpectedAlertPresentException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

SEED = "password-sync"          # the real article: reader features are tested on it
NOT_ARTICLES = {"README.md", "LICENSE.md", "PAYLOADS.md"}

# ---------------------------------------------------------------------------
# results

RESULTS = []


def check(name, ok, detail="", both=False):
    """Prints PASS/FAIL name; the detail follows a failure, and a pass too when both."""
    RESULTS.append((name, bool(ok)))
    line = ("PASS " if ok else "FAIL ") + name
    if detail and not ok:
        line += ": " + detail
    elif detail and both:
        line += " (" + detail + ")"
    print(line, flush=True)
    return ok


def note(text):
    print("     note: " + text, flush=True)


def clip(text, n=160):
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------------------
# static server

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files; a folder without index.html is a 404, not a listing, so a
    missing page cannot pass as a directory listing."""
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map,
                          **{".js": "text/javascript", ".mjs": "text/javascript", ".xml": "application/xml",
                             ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json"})

    def list_directory(self, path):
        self.send_error(404, "No index.html in this folder")
        return None

    def log_message(self, format, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.geturl()
    except urllib.error.HTTPError as e:
        return e.code, url
    except Exception as e:  # malformed URL, refused connection
        return f"error ({clip(e, 80)})", url


# ---------------------------------------------------------------------------
# browser

class Browser:
    """A Chromium session that survives payload alerts: prompts are left open
    (unhandledPromptBehavior=ignore) and every call that meets one records its
    text, accepts it and retries."""

    def __init__(self):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--window-size=1280,900", "--disable-dev-shm-usage",
                    "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--lang=da-DK"):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.set_capability("unhandledPromptBehavior", "ignore")
        self.d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.d.set_page_load_timeout(30)
        self.d.set_script_timeout(30)
        self.alerts = []            # every alert text seen, in order
        self.console = {}           # page key -> [console entries]
        self.page = None            # key of the page the console lines belong to

    # -- alerts ----------------------------------------------------------------
    def drain_alerts(self):
        for _ in range(50):
            try:
                alert = self.d.switch_to.alert
                self.alerts.append(f"{self.page}: {alert.text}")
                alert.accept()
            except NoAlertPresentException:
                return
            except WebDriverException:
                return

    def call(self, fn, *args, **kwargs):
        for _ in range(25):
            try:
                return fn(*args, **kwargs)
            except UnexpectedAlertPresentException as e:
                seen = len(self.alerts)
                self.drain_alerts()         # records the open alert's text
                if len(self.alerts) == seen:
                    self.alerts.append(f"{self.page}: {e.alert_text}")
        raise WebDriverException("alerts keep opening")

    def js(self, script, *args):
        return self.call(self.d.execute_script, script, *args)

    def alert_open(self):
        """switch_to.alert raises NoAlertPresentException when none is open."""
        try:
            alert = self.d.switch_to.alert
            return alert.text
        except NoAlertPresentException:
            return None

    # -- pages and console -----------------------------------------------------
    def flush_console(self):
        try:
            entries = self.call(self.d.get_log, "browser")
        except WebDriverException:
            entries = []
        if entries:
            self.console.setdefault(self.page, []).extend(entries)

    def open(self, url, key):
        self.flush_console()
        self.page = key
        self.console.setdefault(key, [])
        self.call(self.d.get, url)
        self.wait(lambda: self.js("return document.readyState") == "complete", 10)

    def navigated(self, key):
        """After a click that loads another page."""
        self.flush_console()
        self.page = key
        self.console.setdefault(key, [])

    def wait(self, predicate, timeout=3.0, step=0.05):
        end = time.time() + timeout
        value = None
        while True:
            try:
                value = predicate()
            except (NoSuchElementException, WebDriverException):
                value = None
            if value or time.time() > end:
                return value
            time.sleep(step)

    def css(self, selector):
        return self.call(self.d.find_elements, By.CSS_SELECTOR, selector)

    def path(self):
        return urllib.parse.urlsplit(self.call(lambda: self.d.current_url)).path

    def screenshot(self, folder, name):
        os.makedirs(folder, exist_ok=True)
        self.call(self.d.save_screenshot, os.path.join(folder, name))

    def quit(self):
        try:
            self.d.quit()
        except Exception:
            pass


# Everything the injection check reads from a page, in one round trip.
INSPECT_JS = r"""
const out = {url: location.href, title: document.title, lang: document.documentElement.lang || '',
             pwned: typeof window.__tolkPwned === 'undefined' ? null
                    : (window.__tolkPwned instanceof Element || window.__tolkPwned instanceof HTMLCollection)
                      ? 'an element with id/name "__tolkPwned" (DOM clobbering): ' +
                        (window.__tolkPwned.outerHTML || window.__tolkPwned.length + ' elements').slice(0, 80)
                      : String(window.__tolkPwned).slice(0, 80),
             dataPwned: [], css: '', scripts: [], on: [], urls: [], elements: [], styles: [], imports: [],
             mtBanner: document.querySelectorAll('aside.tolk-mt-banner').length,
             untranslated: document.querySelectorAll('.tu.tu-untranslated').length,
             units: document.querySelectorAll('.tu').length};
out.css = getComputedStyle(document.documentElement).getPropertyValue('--tolk-pwned').trim();
const tag = e => '<' + e.tagName.toLowerCase() + '>';
for (const e of document.querySelectorAll('[data-pwned]')) out.dataPwned.push(tag(e) + '=' + e.getAttribute('data-pwned'));
for (const e of document.getElementsByTagName('script')) out.scripts.push(e.getAttribute('src') || ('inline ' + e.textContent.length + ' chars'));
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background',
                           'lowsrc', 'dynsrc', 'srcset', 'ping', 'cite', 'codebase']);
for (const e of document.getElementsByTagName('*')) {
  for (const a of e.attributes) {
    const n = a.name.toLowerCase();
    if (n.startsWith('on')) out.on.push(tag(e) + ' ' + a.name + '="' + a.value.slice(0, 60) + '"');
    if (URL_ATTRS.has(n)) {
      // What a URL parser sees: ASCII whitespace and control characters are dropped.
      const v = a.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
      if (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text'))
        out.urls.push(tag(e) + ' ' + a.name + '="' + a.value.slice(0, 60) + '"');
    }
  }
}
for (const e of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, portal, svg, math, form, base, meta[http-equiv="refresh" i]'))
  out.elements.push(tag(e));
for (const e of document.querySelectorAll('style, link[rel~="stylesheet" i]'))
  if (!document.head || !document.head.contains(e)) out.styles.push(tag(e));
for (const sheet of document.styleSheets) {
  try { for (const r of sheet.cssRules) if (r instanceof CSSImportRule) out.imports.push(r.href); } catch (err) {}
}
return out;
"""

# Focus every unit, then fire mouseover (and mouseenter, focus) at every element.
POKE_JS = r"""
for (const u of document.querySelectorAll('.tu, .tu-run')) { try { u.focus(); } catch (e) {} }
for (const e of document.getElementsByTagName('*')) {
  try {
    e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, cancelable: true, view: window}));
    e.dispatchEvent(new MouseEvent('mouseenter', {bubbles: false, cancelable: false, view: window}));
  } catch (err) {}
}
if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
return true;
"""


def same_page(url):
    """A URL without its fragment, percent-decoded (the browser re-encodes what we typed)."""
    parts = urllib.parse.urlsplit(url)
    path = urllib.parse.unquote(parts.path)
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return (path, urllib.parse.unquote(parts.query))


def problems(info, loaded_url, max_scripts=1):
    """The injection signals and static findings of an INSPECT_JS result."""
    found = []
    if info["pwned"] is not None:
        found.append(f"window.__tolkPwned = {info['pwned']}")
    if info["title"] == "PWNED":
        found.append("document.title is 'PWNED'")
    if info["dataPwned"]:
        found.append("data-pwned on " + ", ".join(info["dataPwned"][:3]))
    if info["css"]:
        found.append(f"CSS --tolk-pwned = {info['css']}")
    if len(info["scripts"]) > max_scripts:
        found.append(f"{len(info['scripts'])} script elements ({', '.join(info['scripts'][:4])})")
    if info["on"]:
        found.append(f"{len(info['on'])} on* attributes: " + "; ".join(info["on"][:3]))
    if info["urls"]:
        found.append(f"{len(info['urls'])} script URLs: " + "; ".join(info["urls"][:3]))
    if info["elements"]:
        kinds = sorted(set(info["elements"]))
        found.append(f"{len(info['elements'])} forbidden elements: " + " ".join(kinds))
    if info["styles"]:
        found.append(f"{len(info['styles'])} style/stylesheet elements outside <head>")
    if info["imports"]:
        found.append("CSS @import of " + ", ".join(map(str, info["imports"][:3])))
    if same_page(info["url"]) != same_page(loaded_url):
        found.append(f"navigated away to {info['url']}")
    return found


# ---------------------------------------------------------------------------
# the test

class Run:
    def __init__(self, args):
        self.site = os.path.abspath(args.site)
        self.shots = args.screenshots
        self.fixtures = args.fixtures
        self.server, self.base = serve(self.site)
        self.b = None

    # -- helpers -------------------------------------------------------------
    def slugs(self, lang):
        folder = os.path.join(self.site, lang)
        if not os.path.isdir(folder):
            return []
        return sorted(d for d in os.listdir(folder) if os.path.isfile(os.path.join(folder, d, "index.html")))

    def url(self, lang=None, slug=None):
        if lang is None:
            return self.base + "/"
        if slug is None:
            return f"{self.base}/{lang}/"
        return f"{self.base}/{lang}/{urllib.parse.quote(slug, safe='')}/"

    @staticmethod
    def key(lang=None, slug=None):
        if lang is None:
            return "/"
        return f"{lang}/" if slug is None else f"{lang}/{slug}/"

    def units(self):
        return self.b.js("return [...document.querySelectorAll('.tu')].map(e => e.getAttribute('data-unit'))")

    def displayed(self, element):
        try:
            return self.b.call(element.is_displayed)
        except WebDriverException:
            return False

    def blur(self):
        self.b.js("if (document.activeElement && document.activeElement.blur) document.activeElement.blur();")

    # -- checks ------------------------------------------------------------------
    def layout(self):
        need = ["index.html", "da/index.html", "en/index.html", "sitemap.xml",
                f"da/{SEED}/index.html", f"en/{SEED}/index.html"]
        missing = [p for p in need if not os.path.isfile(os.path.join(self.site, p))]
        da, en = self.slugs("da"), self.slugs("en")
        check("layout", not missing,
              f"missing {', '.join(missing)} in {self.site}" if missing else f"{len(da)} Danish and {len(en)} English article pages", both=True)
        if set(da) != set(en):
            check("layout-both-languages", False,
                  f"only Danish: {sorted(set(da) - set(en))}; only English: {sorted(set(en) - set(da))}")
        return not missing or os.path.isfile(os.path.join(self.site, f"da/{SEED}/index.html"))

    def fixtures_published(self):
        if not self.fixtures:
            return
        articles = [os.path.basename(p) for p in glob.glob(os.path.join(self.fixtures, "*.md"))
                    if os.path.basename(p) not in NOT_ARTICLES]
        da, en = self.slugs("da"), self.slugs("en")
        ok = len(da) == len(articles) and len(en) == len(articles)
        check("every-article-published", ok,
              f"{len(articles)} articles in {self.fixtures}, {len(da)} pages under da/, {len(en)} under en/"
              + ("" if ok else " (each article needs a page in each language, whatever its file name)"), both=True)

    def no_traversal(self):
        parent = os.path.dirname(self.site)
        outside = [p for p in glob.glob(os.path.join(parent, "*evil*")) + glob.glob(os.path.join(self.site, "*evil*"))]
        check("no-file-outside-site", not outside,
              "written outside the article folders: " + ", ".join(outside))

    def dom_contract(self):
        """On da/password-sync/: the unit markup of the contract."""
        bad = self.b.js(r"""
          const out = [];
          const tus = document.querySelectorAll('.tu');
          if (!tus.length) out.push('no .tu element');
          for (const t of tus) {
            if (!t.hasAttribute('data-unit')) out.push('.tu without data-unit');
            if (t.hasAttribute('tabindex')) out.push('.tu ' + t.getAttribute('data-unit') + ' is a tab stop (tabindex)');
          }
          for (const e of document.querySelectorAll('a [tabindex], button [tabindex]')) out.push('tabindex inside a link: ' + e.className);
          const os = document.querySelectorAll('.tu-o');
          if (!os.length) out.push('no .tu-o element');
          const names = (e, attr) => (e && e.getAttribute(attr) || '').split(/\s+/);
          for (const o of os) {
            const tu = o.parentElement && o.parentElement.closest('.tu');
            if (!tu) out.push('.tu-o outside a .tu');
            if (!(o.getAttribute('lang') || '').toLowerCase().startsWith('en')) out.push('.tu-o without lang="en"');
            if (!o.id) { out.push('.tu-o without id'); continue; }
            if (!names(tu, 'aria-describedby').includes(o.id)) out.push('.tu not described by its original ' + o.id);
            const run = o.closest('.tu-run');
            if (!run || !run.hasAttribute('tabindex')) out.push('.tu-o ' + o.id + ' outside a focusable .tu-run');
            else if (!names(run, 'aria-describedby').includes(o.id)) out.push('.tu-run not described by ' + o.id);
          }
          // Tab stops besides links and controls: one run (the roving one), nothing else.
          const stops = [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex >= 0);
          for (const e of stops) if (!e.matches('.tu-run')) out.push('a tab stop that is no .tu-run: ' + e.className);
          if (stops.length !== 1) out.push(stops.length + ' runs are tab stops (want 1, of ' + document.querySelectorAll('.tu-run').length + ' runs)');
          if (!(document.documentElement.lang || '').toLowerCase().startsWith('da')) out.push('<html lang="' + document.documentElement.lang + '">');
          return [...new Set(out)];""")
        check("dom-contract", not bad, "; ".join(bad[:5]))

    def focus_and_hover(self):
        b = self.b
        b.open(self.url("da", SEED), self.key("da", SEED))
        self.dom_contract()
        pairs = [(t, t.find_elements(By.CSS_SELECTOR, ".tu-o")) for t in b.css(".tu")]
        pairs = [(t, o[0]) for t, o in pairs if o]
        if not pairs:
            check("a-focus-shows-original", False, "no .tu with a .tu-o on da/password-sync/")
            return
        # The keyboard reaches an original through its run (paragraph, heading, item, cell).
        _, original = pairs[0]
        target = b.js("return arguments[0].closest('.tu-run')", original)
        if target is None:
            check("a-focus-shows-original", False, "the first .tu-o is in no .tu-run")
            return
        before = self.displayed(original)
        self.blur()
        b.js("window.scrollTo(0, 0)")
        presses, reached = 0, False
        for presses in range(1, 201):
            b.call(ActionChains(b.d, duration=0).send_keys(Keys.TAB).perform)
            if b.js("return document.activeElement === arguments[0]", target):
                reached = True
                break
        how = f"{presses} TAB presses"
        if not reached:
            b.js("arguments[0].focus()", target)
            how = "element.focus() (TAB did not reach it in 200 presses)"
        after = b.wait(lambda: self.displayed(original), 2)
        unit = original.get_attribute("id")
        check("a-focus-shows-original", not before and after,
              f"original {unit}: original displayed before focus={before}, after focus={bool(after)} (focused by {how})"
              if before or not after else f"original {unit}, focused by {how}", both=True)
        self.b.screenshot(self.shots, "da-password-sync.png")

        # the arrow keys move the one tab stop from run to run (and back), showing each run's originals
        runs = b.css(".tu-run")
        if reached and len(runs) > 2:
            start = b.js("return [...document.querySelectorAll('.tu-run')].indexOf(document.activeElement)")
            b.call(ActionChains(b.d, duration=0).send_keys(Keys.ARROW_DOWN).perform)
            b.call(ActionChains(b.d, duration=0).send_keys(Keys.ARROW_DOWN).perform)
            state = b.js("""const runs = [...document.querySelectorAll('.tu-run')];
              const a = document.activeElement, o = a.querySelector('.tu-o');
              return {i: runs.indexOf(a), stops: runs.filter(r => r.tabIndex === 0).length,
                      shown: !!o && getComputedStyle(o).display !== 'none'};""")
            b.call(ActionChains(b.d, duration=0).send_keys(Keys.ARROW_UP).perform)
            back = b.js("return [...document.querySelectorAll('.tu-run')].indexOf(document.activeElement)")
            ok = state["i"] == start + 2 and state["stops"] == 1 and state["shown"] and back == start + 1
            check("a-arrow-keys-move-between-runs", ok,
                  f"from run {start}: 2×Down → run {state['i']} (originals shown={state['shown']}, tab stops {state['stops']}), "
                  f"Up → run {back}", both=True)
        else:
            check("a-arrow-keys-move-between-runs", False, f"TAB reached the run={reached}, {len(runs)} runs")

        # hover, on another unit
        self.blur()
        if len(pairs) > 1:
            target, original = pairs[1]
            b.js("arguments[0].scrollIntoView({block: 'center'})", target)
            hidden_before = not self.displayed(original)
            b.call(ActionChains(b.d, duration=0).move_to_element(target).perform)
            shown = b.wait(lambda: self.displayed(original), 2)
            check("a-hover-shows-original", hidden_before and shown,
                  f"unit {target.get_attribute('data-unit')}: hidden before hover={hidden_before}, shown on hover={bool(shown)}", both=True)

    def repaired_focus(self):
        """A unit Tolk repaired (the broken UI paths of step 1) shows the text as published on focus."""
        b = self.b
        b.open(self.url("da", SEED), self.key("da", SEED))
        spans = b.css(".tu-repaired")
        if not spans:
            check("a-repaired-focus-shows-published", False, "no .tu-repaired on da/password-sync/")
            return
        span = spans[0]
        published = span.find_elements(By.CSS_SELECTOR, ".tu-published")
        if not published:
            check("a-repaired-focus-shows-published", False, "the .tu-repaired has no .tu-published")
            return
        self.blur()
        before = self.displayed(published[0])
        b.js("arguments[0].scrollIntoView({block: 'center'})", span)
        b.js("arguments[0].focus()", span)
        focused = b.js("return document.activeElement === arguments[0]", span)
        after = b.wait(lambda: self.displayed(published[0]), 2)
        text = published[0].text if after else ""
        described = span.get_attribute("aria-describedby") == published[0].get_attribute("id")
        check("a-repaired-focus-shows-published",
              not before and focused and bool(after) and "\\>" not in span.text and "> ," in text and described,
              f"hidden before focus={not before}, focusable={focused}, shown on focus={bool(after)}, "
              f"described by it={described}, published text: {clip(text, 120)!r}", both=True)
        self.b.screenshot(self.shots, "da-password-sync-repaired.png")

    def toggle(self):
        b = self.b
        b.open(self.url("da", SEED), self.key("da", SEED))
        b.js("localStorage.removeItem('tolk.showOriginals')")
        b.open(self.url("da", SEED), self.key("da", SEED))
        labels = b.css('label[for="tolk-show-originals"]')
        boxes = b.css("#tolk-show-originals")
        if not labels or not boxes:
            check("b-toggle-shows-all", False, "no #tolk-show-originals checkbox with a label[for=tolk-show-originals]")
            return

        def state():
            box = b.css("#tolk-show-originals")[0]
            originals = b.css(".tu-o")
            shown = sum(1 for o in originals if self.displayed(o))
            return b.call(box.is_selected), shown, len(originals)

        def click_label():
            label = b.css('label[for="tolk-show-originals"]')[0]
            b.js("arguments[0].scrollIntoView({block: 'center'})", label)
            b.call(label.click)
            self.blur()     # focus must not be what shows an original

        try:
            checked0, shown0, total = state()
            click_label()
            b.wait(lambda: state()[1] == total, 2)
            checked1, shown1, _ = state()
            stored = b.js("return localStorage.getItem('tolk.showOriginals')")
            check("b-toggle-shows-all", not checked0 and shown0 == 0 and checked1 and shown1 == total and total > 0,
                  f"before click: checked={checked0}, {shown0}/{total} originals shown; "
                  f"after: checked={checked1}, {shown1}/{total} shown", both=True)
            b.open(self.url("da", SEED), self.key("da", SEED))
            b.wait(lambda: state()[1] == total, 2)
            checked2, shown2, _ = state()
            check("b-toggle-survives-reload", checked2 and shown2 == total,
                  f"after reload: checked={checked2}, {shown2}/{total} shown; localStorage tolk.showOriginals={stored!r}", both=True)
            click_label()
            b.wait(lambda: state()[1] == 0, 2)
            checked3, shown3, _ = state()
            b.open(self.url("da", SEED), self.key("da", SEED))
            checked4, shown4, _ = state()
            check("b-untoggle-hides-all", not checked3 and shown3 == 0 and not checked4 and shown4 == 0,
                  f"after unchecking: checked={checked3}, {shown3}/{total} shown; after reload: checked={checked4}, {shown4}/{total} shown", both=True)
        except ElementClickInterceptedException as e:
            check("b-toggle-shows-all", False, "the label cannot be clicked: " + clip(e.msg))
        finally:
            b.js("localStorage.removeItem('tolk.showOriginals')")

    def language_switch(self):
        b = self.b
        b.open(self.url("da", SEED), self.key("da", SEED))
        da_units = self.units()
        links = b.css('nav.tolk-languages a[data-lang-switch][hreflang="en"]')
        if not links:
            check("c-switch-to-english", False, 'no nav.tolk-languages a[data-lang-switch][hreflang="en"] on da/password-sync/')
            return
        b.js("arguments[0].scrollIntoView({block: 'center'})", links[0])
        b.flush_console()
        b.call(links[0].click)
        want = f"/en/{SEED}/"
        b.wait(lambda: self.b.path() in (want, want + "index.html"), 5)
        b.navigated(self.key("en", SEED))
        b.wait(lambda: b.js("return document.readyState") == "complete", 5)
        path, lang = b.path(), b.js("return document.documentElement.lang || ''")
        check("c-switch-to-english", path in (want, want + "index.html") and lang.lower().startswith("en"),
              f"landed on {path} with <html lang=\"{lang}\"> (want {want}, lang en…)", both=True)
        en_units = self.units()
        same = en_units == da_units and len(da_units) > 0
        detail = ""
        if not same:
            detail = (f"Danish page has {len(da_units)} units, English {len(en_units)}; "
                      f"only Danish: {sorted(set(da_units) - set(en_units))[:5]}, only English: {sorted(set(en_units) - set(da_units))[:5]}"
                      + (" (same ids, other order)" if set(da_units) == set(en_units) and da_units else ""))
        check("c-same-units", same, detail or f"{len(da_units)} units", both=True)
        b.screenshot(self.shots, "en-password-sync.png")
        back = b.css('nav.tolk-languages a[data-lang-switch][hreflang^="da"]')
        if not back:
            check("c-switch-back", False, 'no nav.tolk-languages a[data-lang-switch][hreflang^="da"] on en/password-sync/')
            return
        b.js("arguments[0].scrollIntoView({block: 'center'})", back[0])
        b.flush_console()
        b.call(back[0].click)
        want = f"/da/{SEED}/"
        b.wait(lambda: self.b.path() in (want, want + "index.html"), 5)
        b.navigated(self.key("da", SEED))
        b.wait(lambda: b.js("return document.readyState") == "complete", 5)
        path, lang = b.path(), b.js("return document.documentElement.lang || ''")
        check("c-switch-back", path in (want, want + "index.html") and lang.lower().startswith("da"),
              f"landed on {path} with <html lang=\"{lang}\"> (want {want}, lang da…)", both=True)

    def inspect_page(self, lang, slug, name, url=None, interact=True):
        """Loads a page, pokes it, and returns (problems, info)."""
        b = self.b
        url = url or self.url(lang, slug)
        first_alert = len(b.alerts)
        found = []
        try:
            b.open(url, self.key(lang, slug))
            time.sleep(0.2)         # onerror handlers of broken images
            info0 = b.js(INSPECT_JS)
            if interact:
                b.js(POKE_JS)
                self.hover_all(b.css(".tu")[:400])
                time.sleep(0.2)
            open_alert = b.alert_open()
            if open_alert is not None:
                b.alerts.append(f"{b.page}: {open_alert}")
                b.drain_alerts()
            info = b.js(INSPECT_JS)
            # a signal seen on load but cleared later still counts
            for k in ("pwned",):
                if info[k] is None and info0[k] is not None:
                    info[k] = info0[k]
            if info0["title"] == "PWNED":
                info["title"] = "PWNED"
            found += problems(info, url)
        except WebDriverException as e:
            info = None
            found.append("the page could not be inspected: " + clip(e.msg or e, 120))
        alerts = b.alerts[first_alert:]
        if alerts:
            found.insert(0, f"{len(alerts)} alerts: " + ", ".join(a.split(": ", 1)[-1] for a in alerts[:5]))
        return found, info

    def hover_all(self, elements):
        """Real pointer moves over every element: one chain of quick moves (with a
        wheel scroll to each), or one element at a time if the chain fails."""
        b = self.b
        if not elements:
            return
        chain = ActionChains(b.d, duration=0)
        for e in elements:
            chain.scroll_to_element(e).move_to_element(e)
        try:
            b.call(chain.perform)
            return
        except WebDriverException:
            pass
        for e in elements:
            try:
                b.js("arguments[0].scrollIntoView({block: 'center'})", e)
                b.call(ActionChains(b.d, duration=0).move_to_element(e).perform)
            except WebDriverException:
                pass

    def injection(self):
        pages = []
        for lang in ("da", "en"):
            pages.append((lang, None))
            pages += [(lang, s) for s in self.slugs(lang)]
        infos = {}
        for lang, slug in pages:
            found, info = self.inspect_page(lang, slug, self.key(lang, slug))
            infos[(lang, slug)] = info
            check(f"e-no-injection {self.key(lang, slug)}", not found, " | ".join(found))
        # the site's own pages that show article titles and paths: the translation status
        # and the root page (#choose: it stays instead of opening the reader's language)
        for name, path in (("translation-status/", "/translation-status/"), ("/#choose", "/#choose")):
            found, _ = self.inspect_page(None, None, name, url=self.base + path, interact=True)
            check(f"e-no-injection {name}", not found, " | ".join(found))
        # the DOM-based payloads the harness adds itself
        found, _ = self.inspect_page("da", SEED, "hash",
                                     url=self.url("da", SEED) + "#\"><img src=x onerror=alert('H1')>", interact=True)
        check("e-no-injection da/password-sync/#<img onerror> (URL fragment)", not found, " | ".join(found))
        found, _ = self.inspect_page("da", None, "query",
                                     url=self.url("da") + "?q=<img src=x onerror=alert('H2')>", interact=False)
        check("e-no-injection da/?q=<img onerror> (query)", not found, " | ".join(found))
        return infos

    def contract_pages(self, infos):
        wrong_lang = []
        for (lang, slug), info in infos.items():
            if info is None:
                continue
            if not info["lang"].lower().startswith(lang):
                wrong_lang.append(f"{self.key(lang, slug)} lang=\"{info['lang']}\"")
        check("contract-html-lang", not wrong_lang, "; ".join(wrong_lang[:5]))
        seed = infos.get(("da", SEED))
        if seed is not None:
            check("contract-mt-banner", seed["mtBanner"] >= 1, "no aside.tolk-mt-banner on da/password-sync/ (an MT article)")
        ht = infos.get(("da", "xss-front-matter"))
        if ht is not None:
            check("contract-no-mt-banner-on-ht", ht["mtBanner"] == 0,
                  "aside.tolk-mt-banner on da/xss-front-matter/ (an HT article)")
        ut = infos.get(("da", "xss-unit-text"))
        if ut is not None:
            check("contract-untranslated-units", ut["untranslated"] >= 1,
                  "no .tu.tu-untranslated on da/xss-unit-text/ (two of its units are untranslated)")

    def search(self):
        b = self.b
        for lang in ("da", "en"):
            b.open(self.url(lang), self.key(lang))
            if lang == "da":
                b.screenshot(self.shots, "da-index.png")
            boxes = [e for sel in ('input[type="search"]', '[role="search"] input', 'input[name="q"]', "#tolk-search")
                     for e in b.css(sel)]
            if not boxes:
                check(f"f-search {lang}/", False,
                      f"no search box on {lang}/index.html (looked for input[type=search], [role=search] input, input[name=q], #tolk-search)")
                continue
            box = boxes[0]
            entries = self.entries(lang)
            if len(entries) < 2:
                check(f"f-search {lang}/", False, f"the article list of {lang}/ has {len(entries)} entries linking to {lang}/<slug>/")
                continue
            texts = {slug: (self.b.call(lambda: el.text) or "") for slug, el in entries}
            seed_text = texts.get(SEED) or next(iter(texts.values()))
            seed_slug = SEED if SEED in texts else next(iter(texts))
            others = " ".join(t for s, t in texts.items() if s != seed_slug).lower()
            words = sorted(re.findall(r"\w{4,}", seed_text), key=len, reverse=True)
            word = next((w for w in words if w.lower() not in others), words[0] if words else seed_text[:5])
            before = self.visible_entries(lang)
            b.js("arguments[0].scrollIntoView({block: 'center'})", box)
            b.call(box.click)
            b.call(box.send_keys, word)
            # Served over HTTP the index searches the text as the reader types: the list settles after
            # the last keystroke's query (earlier ones, for the first letters, may show other articles).
            after = b.wait(lambda: (lambda v: v if 0 < len(v) < len(before) and seed_slug in v else None)(self.visible_entries(lang)), 5) \
                or self.visible_entries(lang)
            ok = 0 < len(after) < len(before) and seed_slug in after
            check(f"f-search {lang}/", ok,
                  f"typed {word!r}: {len(before)} entries visible before, {len(after)} after"
                  + ("" if seed_slug in after else f" ({seed_slug} not among them)"), both=True)
            # the search box must not turn its text into markup
            first_alert = len(b.alerts)
            b.call(box.clear)
            b.call(box.send_keys, "<img src=x onerror=alert('H3')>")
            time.sleep(0.5)
            open_alert = b.alert_open()
            if open_alert is not None:
                b.alerts.append(f"{b.page}: {open_alert}")
                b.drain_alerts()
            info = b.js(INSPECT_JS)
            found = problems(info, self.url(lang))
            if b.alerts[first_alert:]:
                found.insert(0, "alerts: " + ", ".join(b.alerts[first_alert:]))
            check(f"f-search-html-query {lang}/", not found, " | ".join(found))

    def entries(self, lang):
        """(slug, element) for every link of an index page to one of its articles."""
        prefix = f"/{lang}/"
        out = []
        for a in self.b.css("a[href]"):
            href = self.b.call(a.get_property, "href") or ""
            parts = urllib.parse.urlsplit(href)
            if parts.netloc != urllib.parse.urlsplit(self.base).netloc or not parts.path.startswith(prefix):
                continue
            rest = parts.path[len(prefix):]
            if rest.endswith("index.html"):
                rest = rest[: -len("index.html")]
            rest = rest.rstrip("/")
            if rest and "/" not in rest:
                out.append((urllib.parse.unquote(rest), a))
        return out

    def visible_entries(self, lang):
        return [slug for slug, a in self.entries(lang) if self.displayed(a)]

    def index_links(self):
        """Every same-site link of the index pages resolves (hostile slugs included)."""
        broken = []
        total = 0
        for lang in ("da", "en"):
            self.b.open(self.url(lang), self.key(lang))
            hrefs = self.b.js("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
            for href in sorted(set(hrefs)):
                if urllib.parse.urlsplit(href).netloc != urllib.parse.urlsplit(self.base).netloc:
                    continue
                total += 1
                status, _ = http_status(urllib.parse.urldefrag(href)[0])
                if status != 200:
                    broken.append(f"{href[len(self.base):]} → {status}")
        check("index-links-resolve", not broken and total > 0,
              f"{len(broken)} of {total} links broken: " + "; ".join(broken[:4]) if broken or not total else f"{total} links", both=True)

    def root(self):
        self.b.open(self.url(), self.key())
        time.sleep(0.2)

    def sitemap(self):
        status, _ = http_status(self.base + "/sitemap.xml")
        if status != 200:
            check("g-sitemap", False, f"sitemap.xml → {status}")
            return
        with urllib.request.urlopen(self.base + "/sitemap.xml", timeout=10) as r:
            data = r.read()
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            check("g-sitemap", False, f"sitemap.xml is not well-formed XML: {e}")
            return
        locs = [e.text.strip() for e in root.iter() if e.tag.endswith("}loc") or e.tag == "loc" if e.text]
        if not locs:
            check("g-sitemap", False, "sitemap.xml lists no <loc>")
            return
        # The site may be built for another host and base path: map each <loc> onto
        # the local server by the part of its path from /da/ or /en/ on.
        prefix = ""
        for loc in locs:
            p = urllib.parse.urlsplit(loc).path
            m = re.search(r"/(da|en)/", p)
            if m:
                prefix = p[: m.start()]
                break
        bad, seen = [], set()
        for loc in locs:
            parts = urllib.parse.urlsplit(loc)
            path = parts.path if parts.scheme else urllib.parse.urlsplit(urllib.parse.urljoin(self.base + "/", loc)).path
            if prefix and path.startswith(prefix):
                path = path[len(prefix):] or "/"
            local = self.base + path + (("?" + parts.query) if parts.query else "")
            status, _ = http_status(local)
            seen.add(urllib.parse.unquote(path))
            if status != 200:
                bad.append(f"{loc} → {status}")
        check("g-sitemap-pages-load", not bad,
              f"{len(bad)} of {len(locs)} pages do not load: " + "; ".join(bad[:4]) if bad else f"{len(locs)} pages, HTTP 200", both=True)
        pages = {f"/{lang}/{s}/" for lang in ("da", "en") for s in self.slugs(lang)}
        missing = sorted(p for p in pages if p not in seen and p + "index.html" not in seen)
        # A page whose article says ROBOTS: NOINDEX is left out of the sitemap on purpose.
        def noindex(page):
            with urllib.request.urlopen(self.base + page, timeout=10) as r:
                html = r.read().decode("utf-8", "replace")
            return re.search(r'<meta name="robots" content="[^"]*noindex', html, re.I) is not None
        missing = [p for p in missing if not noindex(p)]
        check("g-sitemap-complete", not missing,
              f"{len(missing)} article pages not in sitemap.xml: " + ", ".join(missing[:4]))

    def console(self):
        self.b.flush_console()
        seeds = {self.key("da", SEED), self.key("en", SEED)}
        for page in sorted(self.b.console, key=str):
            entries = self.b.console[page]
            if page is None and not entries:
                continue
            severe, tolerated = [], []
            for e in entries:
                if e.get("level") != "SEVERE":
                    continue
                msg = e.get("message", "")
                if "favicon.ico" in msg:
                    tolerated.append(msg)
                # Sanitised payloads keep harmless broken images (src=x): a 404 of a
                # resource on an injection article is the article's own dead link.
                elif ("Failed to load resource" in msg and "404" in msg and page not in seeds
                      and page.count("/") == 2):
                    tolerated.append(msg)
                else:
                    severe.append(msg)
            detail = f"{len(severe)} SEVERE: " + " | ".join(clip(m, 150) for m in severe[:3])
            check(f"d-console {page}", not severe, detail if severe else
                  (f"{len(tolerated)} tolerated 404s of the article's own dead images/favicon" if tolerated else ""), both=True)

    def run(self):
        try:
            self.b = Browser()
        except WebDriverException as e:
            check("browser-starts", False, clip(e.msg or e, 300))
            return
        try:
            if not self.layout():
                return
            self.fixtures_published()
            self.no_traversal()
            steps = [self.root, self.focus_and_hover, self.repaired_focus, self.toggle, self.language_switch]
            infos = {}
            for step in steps + [self.injection, self.contract_pages, self.search, self.index_links,
                                 self.sitemap, self.console]:
                try:
                    if step == self.injection:
                        infos = step()
                    elif step == self.contract_pages:
                        step(infos)
                    else:
                        step()
                except Exception as e:      # a broken page must not stop the other checks
                    msg = e.msg if isinstance(e, WebDriverException) else f"{type(e).__name__}: {e}"
                    check(step.__name__, False, "error: " + clip(msg, 200))
        finally:
            self.b.quit()
            self.server.shutdown()


def main():
    parser = argparse.ArgumentParser(description="Browser end-to-end test of a site built by `tolk site`.")
    parser.add_argument("--site", required=True, help="the built site folder")
    parser.add_argument("--screenshots", default=".build/e2e/screenshots", help="where to save the screenshots")
    parser.add_argument("--fixtures", help="the article folder the site was built from (checks every article got a page)")
    args = parser.parse_args()
    if not os.path.isdir(args.site):
        print(f"FAIL site: {args.site} is not a folder")
        print("e2e: 0 passed, 1 failed")
        return 1
    started = time.time()
    Run(args).run()
    passed = sum(1 for _, ok in RESULTS if ok)
    failed = len(RESULTS) - passed
    print(f"e2e: {passed} passed, {failed} failed ({time.time() - started:.0f} s; screenshots in {args.screenshots})")
    return 1 if failed or not RESULTS else 0


if __name__ == "__main__":
    sys.exit(main())
