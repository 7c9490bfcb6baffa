#!/usr/bin/python3
"""Browser end-to-end test of a site built by `tolk site` from a folder of
locale folders (Tests/TolkKitTests/Fixtures/site-locales: da-DK, sv-SE, zh-CN,
vi-VN, ar-SA).

    /usr/bin/python3 e2e/multilingual_test.py --site DIR [--screenshots DIR]

The same browser, server and report as e2e/browser_test.py (one line per check,
`PASS name` or `FAIL name: why`, then `e2e: N passed, M failed`). It checks that
the language switch lands on the same article in every language, that an
article missing in a language falls back to its English page, that the Arabic
page reads right to left with its English originals left to right, that the
Chinese and Vietnamese pages fit a phone's width, that the status matrix sorts
and filters, and that the root page opens the best match for the browser's
languages; it saves screenshots of the zh-CN, vi-VN and ar-SA pages and of the
status matrix.
"""
import argparse
import os
import sys
import time

from selenium.common.exceptions import WebDriverException

from browser_test import RESULTS, Browser, check, clip, serve

SEED = "password-sync"
LANGUAGES = {"da": "da-DK", "sv": "sv-SE", "zh": "zh-CN", "vi": "vi-VN", "en": "en"}


class Run:
    def __init__(self, args):
        self.site = os.path.abspath(args.site)
        self.shots = args.screenshots
        self.server, self.base = serve(self.site)
        self.b = None

    def url(self, path):
        return f"{self.base}/{path}"

    def lang(self):
        return self.b.js("return document.documentElement.lang || ''")

    def switcher(self):
        return self.b.js(
            "return [...document.querySelectorAll('nav.tolk-languages a[data-lang-switch]')]"
            ".map(a => [a.getAttribute('hreflang'), a.getAttribute('href'), a.textContent])")

    def same_article_everywhere(self):
        """From the Danish page, every link of the switch lands on the same article in its language."""
        b = self.b
        b.open(self.url(f"da/{SEED}/"), f"da/{SEED}/")
        links = self.switcher()
        codes = sorted(link[0] for link in links)
        check("m-switch-names-all", codes == ["en", "sv", "vi", "zh"],
              f"the Danish page's switch names {codes} (want en, sv, vi, zh)", both=True)
        for code, _, name in links:
            b.open(self.url(f"da/{SEED}/"), f"da/{SEED}/")
            link = b.css(f'nav.tolk-languages a[data-lang-switch][hreflang="{code}"]')
            if not link:
                check(f"m-switch-{code}", False, "no link")
                continue
            b.js("arguments[0].scrollIntoView({block: 'center'})", link[0])
            b.call(link[0].click)
            want = f"/{code}/{SEED}/"
            b.wait(lambda: b.path() in (want, want + "index.html"), 5)
            b.navigated(want)
            b.wait(lambda: b.js("return document.readyState") == "complete", 5)
            lang = self.lang()
            current = b.js("var c = document.querySelector('nav.tolk-languages [aria-current=page]'); return c ? c.textContent : ''")
            ok = b.path() in (want, want + "index.html") and lang.lower().startswith(code)
            check(f"m-switch-{code}", ok, f"{name!r} landed on {b.path()} with lang={lang!r}, the switch marks {current!r} current", both=True)

    def english_fallback(self):
        """The Arabic index lists password-sync (not in Arabic) as English-only; it opens the English page."""
        b = self.b
        b.open(self.url("ar/"), "ar/")
        entry = b.css(f'#tolk-index-list li.tolk-index-english a[href*="/en/{SEED}/"]')
        marked = b.js("var e = document.querySelector('#tolk-index-list li.tolk-index-english .tolk-index-english-only');"
                      " return e ? e.textContent : ''")
        check("m-fallback-listed", bool(entry) and marked, f"English-only entry {bool(entry)}, marked {marked!r}", both=True)
        if not entry:
            return
        b.js("arguments[0].scrollIntoView({block: 'center'})", entry[0])
        b.call(entry[0].click)
        want = f"/en/{SEED}/"
        b.wait(lambda: b.path() in (want, want + "index.html"), 5)
        b.navigated(want)
        check("m-fallback-opens-english", b.path() in (want, want + "index.html") and self.lang().startswith("en"),
              f"landed on {b.path()} lang={self.lang()!r}", both=True)
        # The English page of an article in Arabic only links back to Arabic only.
        b.open(self.url("en/reset-a-users-password/"), "en/reset-a-users-password/")
        codes = sorted(link[0] for link in self.switcher())
        check("m-switch-only-existing", codes == ["ar"], f"switch names {codes}", both=True)

    def right_to_left(self):
        b = self.b
        b.open(self.url("ar/reset-a-users-password/"), "ar/reset-a-users-password/")
        direction = b.js("return getComputedStyle(document.body).direction")
        originals = b.js("return [...document.querySelectorAll('main [lang=en]')].map(e => getComputedStyle(e).direction)")
        ltr = sum(1 for d in originals if d == "ltr")
        check("m-rtl-page", direction == "rtl" and self.lang() == "ar-SA", f"direction {direction}, lang {self.lang()}", both=True)
        check("m-rtl-originals-ltr", originals and ltr == len(originals),
              f"{ltr} of {len(originals)} English originals inside the Arabic page read left to right", both=True)
        b.js("var box = document.getElementById('tolk-show-originals'); if (box && !box.checked) box.click();")
        b.screenshot(self.shots, "ar-reset-a-users-password.png")

    def scripts_fit(self):
        """Chinese and Vietnamese pages: their lang, a font that covers the script, no overflow on a phone."""
        b = self.b
        for code in ("zh", "vi"):
            b.d.set_window_size(1280, 900)
            b.open(self.url(f"{code}/{SEED}/"), f"{code}/{SEED}/")
            lang = self.lang()
            check(f"m-{code}-lang", lang == LANGUAGES[code], f"lang={lang!r}", both=True)
            b.screenshot(self.shots, f"{code}-{SEED}.png")
            b.d.set_window_size(390, 844)
            b.open(self.url(f"{code}/{SEED}/"), f"{code}/{SEED}/")
            widths = b.js("return [document.documentElement.scrollWidth, window.innerWidth]")
            check(f"m-{code}-phone-fits", widths[0] <= widths[1], f"scroll width {widths[0]} in a {widths[1]} px window", both=True)
            b.screenshot(self.shots, f"{code}-{SEED}-phone.png")
        b.d.set_window_size(1280, 900)

    def status_matrix(self):
        b = self.b
        b.open(self.url("translation-status/"), "translation-status/")
        rows = b.js("return document.querySelectorAll('#tolk-status-rows tr').length")
        columns = b.js("return [...document.querySelectorAll('button[data-sort-column]')].map(x => x.textContent)")
        check("m-status-matrix", rows == 4 and len(columns) == 6, f"{rows} articles x {columns}", both=True)
        b.screenshot(self.shots, "translation-status.png")
        b.js("document.getElementById('tolk-by-article').scrollIntoView()")
        b.screenshot(self.shots, "translation-status-matrix.png")
        first = "return document.querySelector('#tolk-status-rows tr th').textContent"
        before = b.js(first)
        b.call(b.css('button[data-sort-column="0"]')[0].click)
        b.wait(lambda: b.js(first) != before, 2)
        sort = b.js("return document.querySelector('button[data-sort-column=\"0\"]').parentNode.getAttribute('aria-sort')")
        titles = b.js("return [...document.querySelectorAll('#tolk-status-rows tr th a, #tolk-status-rows tr th > span[lang]')]"
                      ".map(x => x.textContent.toLowerCase())")
        check("m-status-sorts", sort == "ascending" and titles == sorted(titles), f"aria-sort {sort}, titles {titles}", both=True)
        box = b.css("#tolk-status-search")[0]
        box.send_keys("dropbox")
        b.wait(lambda: b.js("return document.querySelectorAll('#tolk-status-rows tr:not([hidden])').length") == 1, 2)
        shown = b.js("return document.querySelectorAll('#tolk-status-rows tr:not([hidden])').length")
        count = b.js("return document.getElementById('tolk-status-count').textContent")
        check("m-status-filters", shown == 1 and count.startswith("1 of 4"), f"{shown} rows shown, {count!r}", both=True)

    def root_best_match(self):
        """The root page opens the index of the browser's first language that the site has."""
        b = self.b
        for accept, want in (("zh-CN,en", "/zh/"), ("de-DE,vi", "/vi/"), ("sv-FI,da", "/sv/")):
            b.d.execute_cdp_cmd("Network.enable", {})
            b.d.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": b.js("return navigator.userAgent"), "acceptLanguage": accept})
            b.open(self.url(""), "/")
            b.wait(lambda: b.path() in (want, want + "index.html"), 5)
            check(f"m-root-{accept.split(',')[0]}", b.path() in (want, want + "index.html"),
                  f"languages {accept}: opened {b.path()} (want {want})", both=True)

    def search_box(self, url, text):
        """Opens an index, types into its search box, returns (results shown, list hidden)."""
        b = self.b
        b.open(url, url)
        box = b.css("#tolk-search")
        if not box:
            return None
        b.call(box[0].send_keys, text)
        b.wait(lambda: b.js("var r = document.getElementById('tolk-search-results');"
                            " return !!r && !r.hidden && r.querySelectorAll('li').length > 0"), 5)
        b.wait(lambda: b.js("return document.querySelectorAll('#tolk-search-results li .tolk-search-snippet').length > 0"), 5)
        return b.js("return [...document.querySelectorAll('#tolk-search-results li')].map(li => ["
                    " li.querySelector('a').getAttribute('href'), li.querySelector('a').textContent,"
                    " [...li.querySelectorAll('mark')].map(m => m.textContent)])")

    def full_text_search(self):
        """Served over HTTP below a base path: a word of one article's body (not its title)
        finds that article first, with a snippet that marks the word; a word being typed is a
        prefix; a Chinese run finds its article; from file: the box filters titles instead."""
        # The site's parent folder is served, so the site lives below a base path.
        server, base = serve(os.path.dirname(self.site))
        try:
            root = f"{base}/{os.path.basename(self.site)}"
            found = self.search_box(f"{root}/da/", "hierarkiet ")
            first = found[0] if found else None
            check("m-search-body-word", bool(first) and "access-a-public-folder-calendar-in-owa" in first[0],
                  f"'hierarkiet' (in one article's body only) found {found!r}", both=True)
            check("m-search-snippet-marks", bool(first) and [m.lower() for m in first[2]] == ["hierarkiet"],
                  f"marked in the snippet: {first[2] if first else None!r}", both=True)
            found = self.search_box(f"{root}/da/", "fejlfindingsv")
            check("m-search-prefix", bool(found) and "password-sync" in found[0][0],
                  f"'fejlfindingsv' as typed found {found!r}", both=True)
            found = self.search_box(f"{root}/zh/", "目录同步")
            check("m-search-chinese", bool(found) and "password-sync" in found[0][0],
                  f"'目录同步' found {found!r}", both=True)
            # Over file: no search data can be fetched: the list of titles is filtered.
            b = self.b
            page = "file://" + os.path.join(self.site, "da", "index.html")
            b.open(page, "da/index.html (file:)")
            box = b.css("#tolk-search")
            b.call(box[0].send_keys, "dropbox")
            b.wait(lambda: b.js("return [...document.querySelectorAll('#tolk-index-list li')].filter(li => !li.hidden).length") == 1, 3)
            shown = b.js("return [...document.querySelectorAll('#tolk-index-list li')].filter(li => !li.hidden)"
                         ".map(li => li.querySelector('a').getAttribute('href'))")
            hidden = b.js("return document.getElementById('tolk-search-results').hidden")
            check("m-search-file-fallback", len(shown) == 1 and "migrate-files-from-dropbox" in shown[0] and hidden,
                  f"from file: the title filter shows {shown!r}; results hidden: {hidden}", both=True)
        finally:
            server.shutdown()

    def run(self):
        try:
            self.b = Browser()
        except WebDriverException as e:
            check("browser-starts", False, clip(e.msg or e, 300))
            return
        try:
            for step in (self.same_article_everywhere, self.english_fallback, self.right_to_left, self.scripts_fit,
                         self.status_matrix, self.root_best_match, self.full_text_search):
                try:
                    step()
                except Exception as e:      # a broken page must not stop the other checks
                    msg = e.msg if isinstance(e, WebDriverException) else f"{type(e).__name__}: {e}"
                    check(step.__name__, False, "error: " + clip(msg, 200))
        finally:
            self.b.quit()
            self.server.shutdown()


def main():
    parser = argparse.ArgumentParser(description="Browser end-to-end test of a multilingual site built by `tolk site`.")
    parser.add_argument("--site", required=True, help="the built site folder")
    parser.add_argument("--screenshots", default=".build/e2e/screenshots", help="where to save the screenshots")
    args = parser.parse_args()
    started = time.time()
    Run(args).run()
    passed = sum(1 for _, ok in RESULTS if ok)
    failed = len(RESULTS) - passed
    print(f"e2e: multilingual: {passed} passed, {failed} failed ({time.time() - started:.0f} s; screenshots in {args.screenshots})")
    return 1 if failed or not RESULTS else 0


if __name__ == "__main__":
    sys.exit(main())
