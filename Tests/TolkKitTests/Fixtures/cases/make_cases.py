#!/usr/bin/env python3
"""Regenerate CASES.md: the measured facts of every fixture in this folder.

Run from anywhere:  python3 Tests/TolkKitTests/Fixtures/cases/make_cases.py
Writes CASES.md (for people) and CASES.json (the same facts, for tests).
Needs python3 with PyYAML (yaml.safe_load) and the `cmark-gfm` binary on PATH
(Debian package cmark-gfm); every Markdown fact below is what cmark-gfm
(CommonMark + the GFM table extension, no autolink extension) reports for the
projected text of one side. Nothing here is typed in by hand: if a fixture
changes, re-run the script and review the diff of CASES.md.

Optional: TOLK_CORPUS=/path/to/AlchemyInsights to check that the copied
fixtures are still byte-identical to the corpus (default: ../shared/corpus/
da-DK/AlchemyInsights next to the repository).
"""
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
CORPUS = Path(os.environ.get("TOLK_CORPUS", REPO.parent / "shared/corpus/da-DK/AlchemyInsights"))

D1 = '<span data-ttu-id="'
D2 = '</span><span class="sxs-lookup"><span data-stu-id="'
D3 = '</span></span>'
TU_RE = re.compile(
    r'<span data-ttu-id="([^"]*)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]*)">(.*?)</span></span>',
    re.S)
ID_RE = re.compile(r'^([0-9a-f]{5})-(p?)([0-9]{3,4})$')
NS = "{http://commonmark.org/xml/1.0}"
ALERT_RE = re.compile(r'^[ ]*(?:(?:[-*]|\d+\.)[ ]+)?>[ ]?\[!([A-Za-z]+)[^\]]*\][ ]*$', re.M)

# --------------------------------------------------------------------------
# What each fixture is for. `focus`: the units whose TARGET/SOURCE are shown.
# `origin`: corpus path (copied byte-for-byte) or None (synthetic).
# --------------------------------------------------------------------------
CASES = {
    "01-outlook-com-setting-changes.md": dict(case="1", locale="da", origin="outlook-com-setting-changes.md", focus=["1a4d6-112"],
        about="Stray `</span>` inside both sides of one unit; `<span` and `</span` counts differ."),
    "02-workflow-email-not-being-sent.md": dict(case="2", locale="da", origin="workflow-email-not-being-sent.md", focus=["1f7a1-110"],
        about="Balanced inner `<span>https:</span>` inside both sides of one unit."),
    "03-troubleshoot-presence-issues-outlook.md": dict(case="3", locale="da", origin="troubleshoot-presence-issues-outlook.md", focus=["bb4ae-101", "bb4ae-102", "bb4ae-103"],
        about="The whole front matter was segmented: units inside the `---` block, no loc metadata."),
    "04-intune-exchange-on-prem-connector.md": dict(case="4", locale="da", origin="intune-exchange-on-prem-connector.md", focus=["6a49c-117", "6a49c-118", "6a49c-123"],
        about="Multi-line units whose second line starts with ```` ``` ```` (inline code, not fences); a real fence with no blank line before it; a list resuming at 4."),
    "05-using-the-office-deployment-tool.md": dict(case="5", locale="da", origin="using-the-office-deployment-tool.md", focus=["87f56-113"],
        about="```` ```setupodt.exe …``` ```` lines are inline code; a TARGET starting with `4. ` becomes a list item only in the target projection."),
    "06-deploy-microsoft-edge-for-mobile-for-ios-ipados-or-android.md": dict(case="6", locale="da", origin="deploy-microsoft-edge-for-mobile-for-ios-ipados-or-android.md", focus=["d090a-113"],
        about="The only empty TARGET in the corpus, inside a link that wraps the unit."),
    "07-alchemyinsights-content-updates.md": dict(case="7", locale="da", origin="includes/alchemyinsights-content-updates.md", focus=["first", "last"],
        about="No front matter, leading HTML comment, IDs 101-1983, link-wrapped units in table cells, TARGET==SOURCE dates."),
    "08-error-code-0x15.md": dict(case="8", locale="da", origin="error-code-0x15.md", focus=["64a89-103", "64a89-109", "64a89-110"],
        about="GFM table whose cells are `TU  <br/> |`; first ID 103 because of `description`; cell \"1\" becomes \"ét\"."),
    "09-password-sync.md": dict(case="9", locale="da", origin="password-sync.md", focus=["60412-104", "60412-107", "60412-109"],
        about="Status fields `**Label:** (description)`; `1.  ` with 5-space continuation; lines of only 4 spaces."),
    "10-ja-password-sync.md": dict(case="10", locale="ja", origin=None, focus=["18b2a-104", "18b2a-p101", "18b2a-p102"],
        about="Synthetic ja: p-IDs merge the status label and its explanation; broken emphasis `*または、\\*\\*[ユーザー]*\\*`; bracketed UI labels."),
    "11-ja-create-a-sharing-policy.md": dict(case="11", locale="ja", origin=None, focus=["c3e91-106", "c3e91-108", "c3e91-p101"],
        about="Synthetic ja: TARGETs starting with a newline plus 12 spaces inside a numbered list (1-6, 8, 9, 11-13); `\\*\\*` escapes."),
    "12-teams-client-is-stuck-on-loading.md": dict(case="12", locale="da", origin="teams-client-is-stuck-on-loading.md", focus=["78c54-105", "78c54-106"],
        about="URI autolinks `<https://…>` inside units."),
    "13-multiple-objects-have-the-same-email-address-as-identity.md": dict(case="13", locale="da", origin="multiple-objects-have-the-same-email-address-as-identity.md", focus=["40a08-106", "40a08-108"],
        about="Pseudo-tag `<email address>` inside units; mistranslated cmdlet; `·` is not a list marker."),
    "14-recover-the-home-dot-aspx-page.md": dict(case="14", locale="da", origin="recover-the-home-dot-aspx-page.md", focus=["15d33-104"],
        about="`\\<tenantname>`, `<**tenantname**>`, MT's `<**webstedsnavn**>` and a URL split by spaces: all literal text."),
    "15-outlook-com-add-account-spanish.md": dict(case="15", locale="da", origin="outlook-com-add-account-spanish.md", focus=["886b5-102"],
        about="The SOURCE language is Spanish; the anchor drops the accented letter."),
    "16-restore-an-office-365-group-using-eac\u200b\u200b\u200b\u200b\u200b\u200b\u200b.md": dict(case="16", locale="da",
        origin="restore-an-office-365-group-using-eac\u200b\u200b\u200b\u200b\u200b\u200b\u200b.md", focus=["1d4a4-109", "1d4a4-111"],
        about="Seven U+200B in the file name; an inline image between units on one line; ID gap 109→111."),
    "17-troubleshoot-onedrive-crashing.md": dict(case="17", locale="da", origin="troubleshoot-onedrive-crashing.md", focus=["1b71d-107", "1b71d-118"],
        about="U+202F then a Markdown data-URI image after a unit in a list item; the alt text consumed IDs 108 and 119."),
    "18-outlook-com-add-holiday-calendar.md": dict(case="18", locale="da", origin="outlook-com-add-holiday-calendar.md", focus=["fa66d-103"],
        about="`<img src='data:…'>` between units on the same line, outside any unit."),
    "19-power-bi-license-management.md": dict(case="19", locale="da", origin="power-bi-license-management.md", focus=["34760-109"],
        about="TARGET with an emptied link `**[](…842054)**` and a misplaced `>`; same URL set on both sides."),
    "20-set-up-insider-risk-management.md": dict(case="20", locale="da", origin="set-up-insider-risk-management.md", focus=["6e261-106", "6e261-108", "6e261-110"],
        about="`> [!TIP]` outside any unit consumed ID 107; `- > TU` items and `    - >TU`."),
    "20-he-set-up-insider-risk-management.md": dict(case="20", locale="he", origin=None, focus=["7b0d4-107", "7b0d4-108"],
        about="Synthetic he counterpart of case 20: the invalid `[!TIPS]` is unit 107 (target `[!עצות]`)."),
    "21-he-how-do-i-remove-my-credit-card-information.md": dict(case="21", locale="he", origin=None, focus=["e42f6-106"],
        about="Synthetic he: TARGET `[!הערה] לא תוכל…` under `> [!NOTE]`; the SOURCE has no marker."),
    "22-get-a-copy-of-your-bill-azure.md": dict(case="22", locale="da", origin="get-a-copy-of-your-bill-azure.md", focus=["51782-115"],
        about="Multi-line unit: TARGET `**…:**  \\n [` has a hard break that SOURCE `** \\n[` lacks."),
    "23-monitoring-conditional-access.md": dict(case="23", locale="da", origin="monitoring-conditional-access.md", focus=["5a0fb-127"],
        about="URL with parentheses `…/ff959225(v=exchg.141)`; MT respaced the link."),
    "23-th-monitoring-conditional-access.md": dict(case="23", locale="th", origin=None, focus=["9a1c3-127"],
        about="Synthetic th counterpart of case 23: the TARGET keeps the SOURCE's unclosed link."),
    "23-he-monitoring-conditional-access.md": dict(case="23", locale="he", origin=None, focus=["d5b72-127"],
        about="Synthetic he counterpart of case 23: the TARGET is respaced like da (`[כאן]( https://…141) .`)."),
    "24-microsoft-365-tax-information.md": dict(case="24", locale="da", origin="microsoft-365-tax-information.md", focus=["0ce56-106"],
        about="da side of case 24: the link wraps the unit."),
    "24-ar-microsoft-365-tax-information.md": dict(case="24", locale="ar", origin=None, focus=["3f8e0-106"],
        about="Synthetic ar, same `ms.openlocfilehash` as da: the unit wraps the whole link and ends with a displaced `؟`."),
    "25-find-status-of-your-microsoft-365-ticket.md": dict(case="25", locale="da", origin="find-status-of-your-microsoft-365-ticket.md", focus=["36439-104"],
        about="Front-matter key `munlocking-an-account s.custom:` followed by list items; bare `>` inside bold."),
    "90-th-wrap.md": dict(case="width", locale="th", origin=None, focus=["a7c15-103", "a7c15-104", "a7c15-108", "a7c15-109"],
        about="Synthetic Thai for wrapping/width tests: long runs without spaces, Thai combining marks, emoji (VS16, skin tone, ZWJ, flag), decomposed Latin accents, a `<2>` placeholder leak, `\\*\\*` runs."),
    "91-ja-wrap.md": dict(case="width", locale="ja", origin=None, focus=["6d2e9-p101", "6d2e9-111"],
        about="Synthetic Japanese for wrapping/width tests: a long CJK paragraph (p-ID merging three sentences), full-width punctuation, U+3000."),
    "92-ar-rtl.md": dict(case="width", locale="ar", origin=None, focus=["b81f4-103", "b81f4-105", "b81f4-108", "b81f4-110"],
        about="Synthetic Arabic for RTL tests: logical order, `،` and `؟`, U+200F, Arabic-Indic digit, shadda, a target with no RTL letters."),
}


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def visible_json(s):
    """JSON string literal; invisible/format characters and combining marks after ASCII escaped as \\uXXXX."""
    out = []
    prev = ""
    for ch in s:
        cat = unicodedata.category(ch)
        esc = (cat[0] in "CZ" and ch != " ") or 0xFE00 <= ord(ch) <= 0xFE0F or (cat == "Mn" and prev.isascii() and prev != "")
        if ch in '"\\' or ord(ch) < 0x20:
            out.append(json.dumps(ch)[1:-1])
        elif esc:
            out.append("\\u%04x" % ord(ch) if ord(ch) <= 0xFFFF else "".join(
                "\\u%04x" % u for u in (0xD800 + ((ord(ch) - 0x10000) >> 10), 0xDC00 + ((ord(ch) - 0x10000) & 0x3FF))))
        else:
            out.append(ch)
        prev = ch
    return '"' + "".join(out) + '"'


def slug(s):
    return re.sub(r"[^a-z0-9 _-]", "", s.lower()).replace(" ", "-")


def units(text):
    return [dict(id=m.group(1), sid=m.group(3), target=m.group(2), source=m.group(4), start=m.start(), end=m.end())
            for m in TU_RE.finditer(text)]


def project(text, side):
    return TU_RE.sub(lambda m: m.group(2 if side == "target" else 4), text)


def markdown_body(text):
    """The text cmark sees: a leading `---` block (front matter, valid or not) blanked line by line."""
    fm, end = front_matter(text)
    if fm is None:
        return text
    return "\n" * text.count("\n", 0, end) + text[end:]


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def front_matter(text):
    if not text.startswith("---\n"):
        return None, None
    m = re.search(r"^---[ ]*$", text[4:], re.M)
    if not m:
        return None, None
    return text[4:4 + m.start()], 4 + m.end()


def cmark(text):
    r = subprocess.run(["cmark-gfm", "-t", "xml", "--sourcepos", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink"], input=text.encode("utf-8"),
                       capture_output=True, check=True)
    return ET.fromstring(r.stdout)


def tag(e):
    return e.tag.replace(NS, "")


def walk(e, anc=()):
    yield e, anc
    for c in e:
        yield from walk(c, anc + (e,))


def plain(e):
    """Literal text of a node (text, code, html_inline literals; softbreak as \\n)."""
    t = tag(e)
    if t in ("text", "code", "html_inline", "html_block", "code_block"):
        return e.text or ""
    if t in ("softbreak", "linebreak"):
        return "\n"
    return "".join(plain(c) for c in e)


def is_fenced(e, lines):
    """cmark's XML does not say fenced vs indented: look at the block's first source line."""
    l, col = (int(x) for x in e.get("sourcepos").split("-")[0].split(":"))
    rest = lines[l - 1][col - 1:].lstrip(b" ")
    return rest.startswith(b"```") or rest.startswith(b"~~~")


def md_summary(root, text):
    lines = text.encode("utf-8").split(b"\n")
    s = dict(lists=[], code_blocks=[], html_blocks=0, block_quotes=0, tables=0, table_cells=0, headings=[],
             links=[], images=[], code_spans=0, html_inline=0, linebreaks=0)
    for e, anc in walk(root):
        t = tag(e)
        if t == "list":
            depth = sum(1 for a in anc if tag(a) == "list")
            s["lists"].append((e.get("type"), e.get("start"), len([c for c in e if tag(c) == "item"]), depth))
        elif t == "code_block":
            s["code_blocks"].append(("fenced" if is_fenced(e, lines) else "indented", e.get("info") or "", e.text or ""))
        elif t == "html_block":
            s["html_blocks"] += 1
        elif t == "block_quote":
            s["block_quotes"] += 1
        elif t == "table":
            s["tables"] += 1
        elif t == "table_cell":
            s["table_cells"] += 1
        elif t == "heading":
            s["headings"].append((int(e.get("level")), plain(e)))
        elif t == "link":
            s["links"].append((e.get("destination"), plain(e)))
        elif t == "image":
            s["images"].append((e.get("destination"), plain(e)))
        elif t == "code":
            s["code_spans"] += 1
        elif t == "html_inline":
            s["html_inline"] += 1
        elif t == "linebreak":
            s["linebreaks"] += 1
    return s


def lists_str(lst):
    if not lst:
        return "none"
    return ", ".join(f"{t}{'(start ' + st + ')' if t == 'ordered' else ''}×{n} items@depth{d}" for t, st, n, d in lst)


def code_str(blocks):
    if not blocks:
        return "0"
    return f"{len(blocks)} (" + ", ".join(f"{k}{' info=' + i if i else ''}" for k, i, _ in blocks) + ")"


def fmt_list(xs, limit=12):
    xs = list(xs)
    if len(xs) > limit:
        return ", ".join(xs[:limit]) + f", … ({len(xs)} in all)"
    return ", ".join(xs) if xs else "none"


def para_for_unit(root, unit_text):
    """The first paragraph/heading/cell whose literal text contains unit_text (projected)."""
    for e, _ in walk(root):
        if tag(e) in ("paragraph", "heading", "table_cell") and unit_text and unit_text in plain(e):
            return e
    return None


def children_tags(e):
    return [tag(c) for c in e]


def width_stats(s):
    cats = [unicodedata.category(c) for c in s]
    ea = [unicodedata.east_asian_width(c) for c in s]
    longest = max((len(r) for r in re.split(r"[ \n]", s)), default=0)
    return dict(code_points=len(s), combining_Mn=cats.count("Mn"), format_Cf=cats.count("Cf"),
                wide_WF=sum(1 for w in ea if w in "WF"), longest_run_without_space=longest)


# --------------------------------------------------------------------------
# per-case facts (each returns a list of strings, every value computed)
# --------------------------------------------------------------------------
def facts(name, text, us, side_md, side_text):
    by = {u["id"]: u for u in us}
    T, S = side_md["target"], side_md["source"]
    out = []
    c = CASES[name]["case"]

    def ul(uid):
        return line_of(text, by[uid]["start"])

    if name.startswith("01-"):
        u = by["1a4d6-112"]
        out.append(f"`<span` occurs {text.count('<span')} times and `</span` {text.count('</span')} times; the delimiter rule still yields {len(us)} units.")
        out.append(f"TARGET of 1a4d6-112 contains `</span>`: {'</span>' in u['target']}; SOURCE contains `</span>`: {'</span>' in u['source']}.")
        out.append(f"TARGET contains `instruktionerne </span> i denne [artikel](`: {'instruktionerne </span> i denne [artikel](' in u['target']}.")
    elif name.startswith("02-"):
        u = by["1f7a1-110"]
        out.append(f"`<span>https:</span>` inside TARGET: {'<span>https:</span>' in u['target']}; inside SOURCE: {'<span>https:</span>' in u['source']}.")
        out.append(f"Unit count {len(us)} == middle-delimiter count {text.count(D2)}.")
    elif name.startswith("03-"):
        fm_body, fm_end = front_matter(text)
        inside = [u["id"] for u in us if fm_end is not None and u["end"] <= fm_end]
        out.append(f"Units inside the `---` block: {len(inside)} ({', '.join(inside)}); first ID {us[0]['id']}.")
        out.append("The h1 is the first unit after the block: " + next(u["id"] for u in us if u["start"] > fm_end) + ".")
    elif name.startswith("04-"):
        for uid in ("6a49c-118", "6a49c-123"):
            u = by[uid]
            out.append(f"{uid}: multi-line TARGET {chr(10) in u['target']}; second TARGET line starts with ``` {u['target'].split(chr(10))[1].startswith('```')}; TARGET starts with `**:**` {u['target'].startswith('**:**')}; SOURCE starts with `**Example:**` {u['source'].startswith('**Example:**')}.")
        for side in ("target", "source"):
            r = side_md[side + "_root"]
            fences = [(e.get("info"), (e.text or "").split("\n")[0]) for e, _ in walk(r) if tag(e) == "code_block"]
            spans = [e.text for e, _ in walk(r) if tag(e) == "code" and "ExchangeWebServiceURL" in (e.text or "") or tag(e) == "code" and "TracingConfiguration" in (e.text or "")]
            out.append(f"{side} projection: code blocks {len(fences)} (first line of each: {json.dumps([f[1] for f in fences], ensure_ascii=False)}); code spans holding the ```` ``` ```` lines: {len(spans)}; ordered lists: {lists_str([l for l in side_md[side]['lists'] if l[0] == 'ordered'])}.")
    elif name.startswith("05-"):
        u = by["87f56-113"]
        out.append(f"TARGET starts with `4. `: {u['target'].startswith('4. ')}; SOURCE starts with `4.Run`: {u['source'].startswith('4.Run')}.")
        for side in ("target", "source"):
            r = side_md[side + "_root"]
            spans = [e.text for e, _ in walk(r) if tag(e) == "code" and "setupodt.exe" in (e.text or "")]
            out.append(f"{side} projection: ordered lists {lists_str([l for l in side_md[side]['lists'] if l[0] == 'ordered'])}; code blocks {len(side_md[side]['code_blocks'])}; code spans with `setupodt.exe`: {json.dumps(spans)}.")
        starts4 = {s: any(l[0] == "ordered" and l[1] == "4" for l in side_md[s]["lists"]) for s in ("target", "source")}
        out.append(f"An ordered list starting at 4 exists in the target projection: {starts4['target']}; in the source projection: {starts4['source']}.")
    elif name.startswith("06-"):
        u = by["d090a-113"]
        out.append(f"TARGET is empty: {u['target'] == ''}; SOURCE: {json.dumps(u['source'])}; empty TARGETs in file: {sum(1 for x in us if x['target'] == '')}.")
        for side in ("target", "source"):
            lk = [l for l in side_md[side]["links"] if "2133421" in (l[0] or "")]
            out.append(f"{side} projection: link(s) to …linkid=2133421 with text {json.dumps([l[1] for l in lk], ensure_ascii=False)}.")
    elif name.startswith("07-"):
        nums = [int(ID_RE.match(u["id"]).group(3)) for u in us]
        same = [u for u in us if u["target"] == u["source"]]
        dates = [u for u in same if re.fullmatch(r"\s*\d{1,2}/\d{1,2}/\d{2,4}\s*|\s*\w+ \d{1,2},? \d{4}\s*|\s*\d{4}-\d{2}-\d{2}\s*", u["source"])]
        out.append(f"Starts with `<!--`: {text.startswith('<!--')}; numeric IDs {min(nums)}–{max(nums)}, 4-digit IDs: {sum(1 for n in nums if n >= 1000)}.")
        out.append(f"TARGET == SOURCE: {len(same)} units, of which date-shaped (M/D/Y, `Month D, YYYY` or ISO): {len(dates)}; examples: {', '.join(json.dumps(u['source']) for u in dates[:3])}.")
        cells = [e for e, _ in walk(side_md["target_root"]) if tag(e) == "table_cell"]
        link_cells = [e for e in cells if any(tag(x) == "link" and (x.get("destination") or "").startswith("/AlchemyInsights/") for x, _ in walk(e))]
        out.append(f"target projection: {T['tables']} tables, {len(cells)} cells, {len(link_cells)} cells holding a link to `/AlchemyInsights/…`; html blocks {T['html_blocks']}.")
        hdr = [e for e, anc in walk(side_md["target_root"]) if tag(e) == "table_cell" and any(tag(a) == "table_header" for a in anc)]
        out.append(f"header cells: {len(hdr)}; body cells: {len(cells) - len(hdr)}.")
        rows = [TU_RE.sub("\u0000", l) for l in text.split("\n") if l.startswith("|") and not re.fullmatch(r"[|:\- ]+", l)]
        raw_cells = [c for r in rows for c in r.strip().strip("|").split("|")]
        out.append(f"raw table rows (without delimiter rows): {len(rows)}; cells holding exactly one unit: {sum(1 for c in raw_cells if c.count(chr(0)) == 1)} of {len(raw_cells)}.")
        levels = [h[0] for h in T["headings"]]
        out.append("ATX headings in the target projection: " + ", ".join(f"h{k}×{levels.count(k)}" for k in sorted(set(levels))) + ".")
    elif name.startswith("08-"):
        out.append(f"`description` key present: {'description' in (side_text['yaml'] or {})}; first ID {us[0]['id']}.")
        one = [u for u in us if u["source"] == "1"]
        out.append("Units with SOURCE \"1\": " + ", ".join(f"{u['id']} → TARGET {json.dumps(u['target'], ensure_ascii=False)}" for u in one) + ".")
        out.append(f"`  <br/> |` occurrences: {text.count('  <br/> |')}; target projection: {T['tables']} table(s), {T['table_cells']} cells; source projection: {S['tables']} table(s), {S['table_cells']} cells; html_inline nodes (the `<br/>`s) target {T['html_inline']}.")
    elif name.startswith("09-") or name.startswith("10-"):
        for side in ("target", "source"):
            r = side_md[side + "_root"]
            ol = next(e for e, _ in walk(r) if tag(e) == "list" and e.get("type") == "ordered")
            per = [sum(1 for c in it if tag(c) == "paragraph") for it in ol if tag(it) == "item"]
            out.append(f"{side} projection: one ordered list (start {ol.get('start')}, tight={ol.get('tight')}), paragraphs per item {per}.")
        out.append(f"Lines holding only 4 spaces: {sum(1 for l in text.split(chr(10)) if l == '    ')}; lines starting `1.  ` (two spaces): {sum(1 for l in text.split(chr(10)) if l.startswith('1.  '))}; 5-space continuation lines: {sum(1 for l in text.split(chr(10)) if l.startswith('     <span'))}.")
        sf = [u["id"] for u in us if re.match(r"\*\*[^*]+:\*\* \(", u["source"])]
        out.append(f"Units whose SOURCE starts with the status-field shape `**Label:** (`: {', '.join(sf)}.")
        if name.startswith("10-"):
            u = by["18b2a-104"]
            out.append(f"TARGET of 18b2a-104 contains `*または、\\*\\*[ユーザー]*\\*`: {'*または、' + chr(92) + '*' + chr(92) + '*[ユーザー]*' + chr(92) + '*' in u['target']}.")
            out.append(f"p-IDs: {', '.join(u['id'] for u in us if '-p' in u['id'])}; numbers 107–110 do not occur: {all(f'18b2a-{n}' not in by for n in range(107, 111))}.")
    elif name.startswith("11-"):
        nl = [u["id"] for u in us if u["target"].startswith("\n" + " " * 12)]
        out.append(f"TARGETs starting with `\\n` + 12 spaces: {', '.join(nl)}.")
        markers = re.findall(r"(?m)^(\d+)\. ", text)
        out.append(f"Ordered markers in the file: {', '.join(markers)}.")
        out.append(f"`\\*\\*` occurrences in TARGETs: {sum(u['target'].count(chr(92) + '*' + chr(92) + '*') for u in us)}; in SOURCEs: {sum(u['source'].count(chr(92) + '*' + chr(92) + '*') for u in us)}.")
        raw = side_md["raw"]
        out.append(f"raw sxs (unprojected) parse: html blocks {raw['html_blocks']}, lists {lists_str(raw['lists'])}.")
        for side in ("target", "source"):
            r = side_md[side + "_root"]
            top = [e for e in r if tag(e) == "list" and e.get("type") == "ordered"]
            desc = []
            for ol in top:
                kinds = ["+".join(t for t in children_tags(it) if t != "list") or "-" for it in ol if tag(it) == "item"]
                desc.append(f"start {ol.get('start')}: [{', '.join(kinds)}]")
            out.append(f"{side} projection: ordered lists {len(top)} — " + "; ".join(desc) + f"; code blocks {len(side_md[side]['code_blocks'])}, html blocks {side_md[side]['html_blocks']}.")
        out.append("Note: by CommonMark, `6. ` followed by a line indented 12 spaces opens an item that starts with a blank line, so the 12-space line becomes an indented code block in that item (cmark-gfm above). docs/format.md §7 expects ordinary list paragraphs: a renderer that wants that must treat the leading newline + spaces of the TARGET as insignificant.")
    elif name.startswith("12-"):
        for side in ("target", "source"):
            lk = [l[0] for l in side_md[side]["links"] if l[0] and l[0] == l[1]]
            out.append(f"{side} projection: autolinks (destination == text) {json.dumps(lk)}; html_inline nodes {side_md[side]['html_inline']}.")
    elif name.startswith("13-"):
        n = sum(u["target"].count("<email address>") for u in us)
        out.append(f"`<email address>` in TARGETs: {n}; in SOURCEs: {sum(u['source'].count('<email address>') for u in us)}.")
        out.append(f"Lines starting with `·` inside units: {sum(1 for u in us if u['source'].startswith('· '))}; lists in target projection: {len(T['lists'])}, in source projection: {len(S['lists'])}.")
        out.append(f"cmark-gfm reads each `<email address>` as raw HTML: html_inline nodes equal to `<email address>` in target projection: {sum(1 for e, _ in walk(side_md['target_root']) if tag(e) == 'html_inline' and e.text == '<email address>')}. Tolk must keep them as literal text.")
        out.append(f"TARGET of 40a08-106 starts with `· Hent-modtager` (MT of Get-Recipient): {by['40a08-106']['target'].startswith('· Hent-modtager')}.")
    elif name.startswith("14-"):
        u = by["15d33-104"]
        for pat in ("\\<tenantname>", "<**tenantname**>", "<**webstedsnavn**>", "<**sitename**>", "https:// \\<tenantname> .sharepoint.com"):
            out.append(f"`{pat}` in TARGET: {pat in u['target']}; in SOURCE: {pat in u['source']}.")
        for side in ("target", "source"):
            p = para_for_unit(side_md[side + "_root"], "RecycleBin.aspx")
            out.append(f"{side} projection, paragraph of 15d33-104: html_inline nodes {json.dumps([e.text for e, _ in walk(p) if tag(e) == 'html_inline'])}.")
    elif name.startswith("15-"):
        u = by["886b5-102"]
        a = re.search(r'<a name="([^"]*)">', text).group(1)
        out.append(f"Anchor {json.dumps(a)}; slug(SOURCE) {json.dumps(slug(u['source']))}; equal: {a == slug(u['source'])}.")
        out.append(f"SOURCE (Spanish): {visible_json(u['source'])}.")
    elif name.startswith("16-"):
        out.append(f"U+200B in the file name: {name.count(chr(0x200b))}.")
        l = ul("1d4a4-109")
        line = text.split("\n")[l - 1]
        img = re.search(r"!\[[^]]*\]\([^)]*\)", line).group(0)
        out.append(f"Line {l} holds units {', '.join(m.group(1) for m in TU_RE.finditer(line))} and the image `{img}` between them (outside units).")
        for side in ("target", "source"):
            out.append(f"{side} projection images: {json.dumps(side_md[side]['images'], ensure_ascii=False)}.")
    elif name.startswith("17-"):
        for uid in ("1b71d-107", "1b71d-118"):
            l = ul(uid)
            line = text.split("\n")[l - 1]
            after = line[line.index(by[uid]["source"]) + len(by[uid]["source"]) + len(D3):][:40]
            out.append(f"After {uid} on line {l}: {visible_json(after)}… (U+202F then an image with a data: URI).")
        for side in ("target", "source"):
            out.append(f"{side} projection images (destination prefix, alt): {json.dumps([(d[:22], a) for d, a in side_md[side]['images']], ensure_ascii=False)}.")
        out.append("Both sides show the Danish alt text: it is translated in place and has no SOURCE.")
    elif name.startswith("18-"):
        out.append(f"`<img src='data:` occurrences in the file: {text.count(chr(60) + 'img src=' + chr(39) + 'data:')}; inside any unit: {sum(u['target'].count('<img') + u['source'].count('<img') for u in us)}.")
        l = ul("fa66d-103")
        line = text.split("\n")[l - 1]
        out.append(f"Line {l} holds units {', '.join(m.group(1) for m in TU_RE.finditer(line))} with the `<img>` between them; line length {len(line)} characters.")
        out.append(f"target projection html_inline nodes starting `<img`: {sum(1 for e, _ in walk(side_md['target_root']) if tag(e) == 'html_inline' and (e.text or '').startswith('<img'))}.")
    elif name.startswith("19-"):
        u = by["34760-109"]
        tu_urls = sorted(re.findall(r"\]\(([^)\s]*)\)", u["target"]))
        su_urls = sorted(re.findall(r"\]\(([^)\s]*)\)", u["source"]))
        out.append(f"TARGET contains `**[](https://go.microsoft.com/fwlink/p/?linkid=842054)**`: {'**[](https://go.microsoft.com/fwlink/p/?linkid=842054)**' in u['target']}.")
        out.append(f"URL multiset TARGET {json.dumps(tu_urls)} == SOURCE {json.dumps(su_urls)}: {tu_urls == su_urls}.")
        for side in ("target", "source"):
            out.append(f"{side} projection link texts for …842054: {json.dumps([l[1] for l in side_md[side]['links'] if '842054' in (l[0] or '')], ensure_ascii=False)}.")
    elif name.startswith("20-set"):
        nums = [int(ID_RE.match(u["id"]).group(3)) for u in us]
        tip = bool(re.search(r"(?m)^> \[!TIP\]$", text))
        out.append(f"`> [!TIP]` line outside units: {tip}; ID 107 missing: {107 not in nums}.")
        out.append(f"Lines `- > <span`: {len(re.findall(r'(?m)^- > <span', text))}; lines `    - ><span`: {len(re.findall(r'(?m)^    - ><span', text))}.")
        out.append(f"target projection: block quotes {T['block_quotes']}, lists {lists_str(T['lists'])}.")
    elif name.startswith("20-he"):
        u = by["7b0d4-107"]
        alerts = ALERT_RE.findall(TU_RE.sub("", text))
        out.append(f"Alert keyword lines outside units: {len(alerts)}; unit 7b0d4-107 TARGET {visible_json(u['target'])} SOURCE {visible_json(u['source'])}.")
        nums = [int(ID_RE.match(x["id"]).group(3)) for x in us]
        out.append(f"Numeric IDs consecutive {min(nums)}–{max(nums)} with no gap: {nums == list(range(min(nums), max(nums) + 1))} (da skips 107).")
        out.append(f"U+200F marks: {text.count(chr(0x200f))}; target projection: block quotes {T['block_quotes']}, lists {lists_str(T['lists'])}.")
    elif name.startswith("21-"):
        u = by["e42f6-106"]
        out.append(f"TARGET starts with `[!הערה] `: {u['target'].startswith('[!הערה] ')}; SOURCE contains `[!`: {'[!' in u['source']}.")
        out.append(f"Alert keyword lines outside units: {json.dumps(ALERT_RE.findall(TU_RE.sub('', text)))}; the line before the unit: {json.dumps(text.split(chr(10))[ul('e42f6-106') - 2])}.")
        out.append(f"U+200F marks: {text.count(chr(0x200f))}; target projection: block quotes {T['block_quotes']}, lists {lists_str(T['lists'])}.")
    elif name.startswith("22-"):
        u = by["51782-115"]
        out.append(f"TARGET contains `:**  \\n [`: {':**  ' + chr(10) + ' [' in u['target']}; SOURCE contains `:** \\n[`: {':** ' + chr(10) + '[' in u['source']}.")
        for side in ("target", "source"):
            p = para_for_unit(side_md[side + "_root"], "Microsoft Azure")
            out.append(f"{side} projection, paragraph of 51782-115: children {children_tags(p)}.")
    elif name.startswith("23-"):
        uid = CASES[name]["focus"][0]
        u = by[uid]
        out.append(f"`ff959225(v=exchg.141)` in TARGET: {'ff959225(v=exchg.141)' in u['target']}; in SOURCE: {'ff959225(v=exchg.141)' in u['source']}.")
        for side in ("target", "source"):
            lk = [l for l in side_md[side]["links"] if "ff959225" in (l[0] or "")]
            out.append(f"{side} projection: links to …ff959225…: {json.dumps(lk, ensure_ascii=False)}.")
    elif name.startswith("24-"):
        uid = CASES[name]["focus"][0]
        line = text.split("\n")[ul(uid) - 1]
        skel = TU_RE.sub(lambda m: "⟦" + m.group(1).split("-")[1] + "⟧", line)
        out.append(f"Skeleton of the line holding {uid} (units replaced by ⟦suffix⟧): {visible_json(skel)}.")
        wraps_link = "](" in by[uid]["source"]
        out.append(f"Unit wraps a link: {wraps_link}; link wraps unit: {skel.startswith('- [⟦')}.")
        out.append(f"TARGET ends with `؟`: {by[uid]['target'].endswith('؟')}.")
        out.append(f"ms.openlocfilehash: {(side_text['yaml'] or {}).get('ms.openlocfilehash')}.")
    elif name.startswith("25-"):
        y = side_text["yaml"] or {}
        odd = [k for k in y if " " in str(k)]
        out.append(f"YAML mapping keys with a space: {json.dumps(odd)}; value type of that key: {type(y.get(odd[0])).__name__ if odd else '-'}, value {json.dumps(y.get(odd[0]) if odd else None)}.")
        out.append(f"TARGET of 36439-104 contains `**Vis alle > Support**`: {'**Vis alle > Support**' in by['36439-104']['target']}; target projection block quotes: {T['block_quotes']}.")
    elif c == "width":
        for uid in CASES[name]["focus"]:
            ws = width_stats(by[uid]["target"])
            out.append(f"{uid} TARGET: " + ", ".join(f"{k} {v}" for k, v in ws.items()) + ".")
        out.append(f"U+200F {text.count(chr(0x200f))}, U+3000 {text.count(chr(0x3000))}, U+200D {text.count(chr(0x200d))}, U+FE0F {text.count(chr(0xfe0f))}.")
        out.append(f"target projection: lists {lists_str(T['lists'])}, block quotes {T['block_quotes']}, links {len(T['links'])}.")
    return out


# --------------------------------------------------------------------------
def analyse(path):
    name = path.name
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    us = units(text)
    info = dict(name=name, size=len(raw), final_nl=raw.endswith(b"\n"), units=us,
                d=(text.count(D1), text.count(D2), text.count(D3)),
                spans=(text.count("<span"), text.count("</span")))
    ids = [u["id"] for u in us]
    info["id_mismatch"] = [u["id"] for u in us if u["id"] != u["sid"]]
    parsed = [ID_RE.match(i) for i in ids]
    info["bad_ids"] = [i for i, m in zip(ids, parsed) if not m]
    info["prefixes"] = sorted({m.group(1) for m in parsed if m})
    nums = [int(m.group(3)) for m in parsed if m and not m.group(2)]
    pnums = [int(m.group(3)) for m in parsed if m and m.group(2)]
    info["nums"], info["pnums"] = nums, pnums
    info["increasing"] = all(a < b for a, b in zip(nums, nums[1:])) and all(a < b for a, b in zip(pnums, pnums[1:]))
    info["missing"] = sorted(set(range(nums[0], nums[-1] + 1)) - set(nums)) if nums else []
    fm, fm_end = front_matter(text)
    y, yerr = None, None
    if fm is not None:
        try:
            y = yaml.safe_load(fm)
        except yaml.YAMLError as e:
            yerr = str(e).split("\n")[0]
    info.update(fm=fm is not None, yaml=y, yaml_err=yerr)
    h = re.search(r'^# <a name="([^"]*)"></a>(.*)$', text, re.M)
    if h:
        hu = units(h.group(2))
        src = " ".join(u["source"] for u in hu)
        info["h1"] = dict(anchor=h.group(1), ids=[u["id"] for u in hu], source=src, target=" ".join(u["target"] for u in hu),
                          slug_ok=h.group(1) == slug(src))
    else:
        info["h1"] = None
    info["empty_targets"] = [u["id"] for u in us if u["target"] == ""]
    info["same"] = sum(1 for u in us if u["target"] == u["source"])
    info["multiline"] = [u["id"] for u in us if "\n" in u["target"] or "\n" in u["source"]]
    info["alerts"] = ALERT_RE.findall(TU_RE.sub("", text))
    md = {}
    for side in ("target", "source"):
        ptext = markdown_body(project(text, side))
        r = cmark(ptext)
        md[side + "_root"] = r
        md[side] = md_summary(r, ptext)
    md["raw"] = md_summary(cmark(markdown_body(text)), markdown_body(text))
    info["md"] = md
    info["facts"] = facts(name, text, us, md, info)
    return info


def origin_line(name):
    o = CASES[name]["origin"]
    if o is None:
        return "synthetic, written for Tolk's tests (not from any corpus)"
    src = CORPUS / o
    if src.exists():
        same = src.read_bytes() == (HERE / name).read_bytes()
        return f"copied byte-for-byte from `AlchemyInsights/{o}` (da-DK corpus); identical to the corpus file now: {'yes' if same else 'NO'}"
    return f"copied byte-for-byte from `AlchemyInsights/{o}` (da-DK corpus; corpus not found, identity not re-checked)"


def yaml_desc(i):
    if not i["fm"]:
        return "no front matter (file does not start with a `---` block)"
    if i["yaml_err"]:
        return f"`---` block present; yaml.safe_load FAILS: {i['yaml_err']}"
    y = i["yaml"]
    if isinstance(y, dict):
        return f"yaml.safe_load OK: mapping with {len(y)} keys"
    return f"yaml.safe_load OK but not a mapping: {type(y).__name__}"


def main():
    files = sorted(p for p in HERE.glob("*.md") if p.name != "CASES.md")
    unknown = [p.name for p in files if p.name not in CASES]
    missing = [n for n in CASES if not (HERE / n).exists()]
    if unknown or missing:
        sys.exit(f"fixture list out of date: unknown {unknown}, missing {missing}")
    infos = [analyse(p) for p in files]
    L = []
    w = L.append
    w("# Fixture cases: measured facts")
    w("")
    w("Generated by `make_cases.py` in this folder together with `CASES.json` (the same facts, machine-readable; do not edit either by hand; re-run the script). Each fixture is one case of")
    w("docs/format.md §7 (or a width/RTL fixture, 90–92). Definitions used throughout:")
    w("")
    w("- **units** = number of occurrences of the middle delimiter `</span><span class=\"sxs-lookup\"><span data-stu-id=\"`;")
    w("  units are extracted with the docs/format.md §2 regex (DOTALL, shortest match), and the three delimiter counts are listed.")
    w("- **TARGET/SOURCE** are shown as JSON string literals (decode them with any JSON parser); invisible and format")
    w("  characters (U+200B, U+200F, U+202F, U+00A0, U+3000, U+200D, U+FE0F, …) and combining marks that follow an ASCII")
    w("  letter are written as `\\uXXXX` escapes, everything else literally.")
    w("- **YAML** = `yaml.safe_load` (PyYAML) of the text between the first `---` line and the next `---` line.")
    w("- **Markdown facts** = cmark-gfm (`-t xml --unsafe -e table`, no autolink extension) on the projection of one side:")
    w("  every unit replaced by its TARGET (target projection) or SOURCE (source projection), every other byte kept,")
    w("  then a leading `---` … `---` block (front matter, valid YAML or not) blanked so cmark does not read it as Markdown.")
    w("  \"raw sxs\" means the same on the unprojected file. Lists are listed in document order as")
    w("  `type(start)×items@depth` (depth 0 = not nested in another list).")
    w("")
    w("## Summary")
    w("")
    w("| file | case | locale | units | first ID | last ID | YAML | ms.contentlocale | ms.translationtype |")
    w("|---|---|---|---|---|---|---|---|---|")
    for i in infos:
        c = CASES[i["name"]]
        y = i["yaml"] if isinstance(i["yaml"], dict) else {}
        ok = "none" if not i["fm"] else ("fails" if i["yaml_err"] else "ok")
        w(f"| `{i['name']}` | {c['case']} | {c['locale']} | {len(i['units'])} | {i['units'][0]['id']} | {i['units'][-1]['id']} | {ok} | {y.get('ms.contentlocale', '-')} | {y.get('ms.translationtype', '-')} |")
    for i in infos:
        c = CASES[i["name"]]
        y = i["yaml"] if isinstance(i["yaml"], dict) else {}
        w("")
        w(f"## `{i['name']}`")
        w("")
        w(f"- Case: {'docs/format.md hard case ' + c['case'] if c['case'] != 'width' else 'width/RTL fixture (not a §10 case)'}, locale {c['locale']}. {c['about']}")
        w(f"- Origin: {origin_line(i['name'])}.")
        w(f"- Bytes: {i['size']}; ends with a newline: {'yes' if i['final_nl'] else 'no'}.")
        w(f"- Units: **{len(i['units'])}** (delimiters `<span data-ttu-id=\"` {i['d'][0]}, middle {i['d'][1]}, `</span></span>` {i['d'][2]}; "
          f"`<span` {i['spans'][0]}, `</span` {i['spans'][1]}). First ID **{i['units'][0]['id']}**, last ID **{i['units'][-1]['id']}**.")
        w(f"- IDs: prefix(es) {', '.join(i['prefixes'])}; data-ttu-id == data-stu-id for all: {'yes' if not i['id_mismatch'] else 'NO ' + str(i['id_mismatch'])}; "
          f"malformed: {i['bad_ids'] or 'none'}; numeric suffixes strictly increasing (and p-suffixes): {'yes' if i['increasing'] else 'NO'}; "
          f"missing numbers between first and last: {', '.join(map(str, i['missing'])) or 'none'}; p-IDs: {', '.join('p' + str(n) for n in i['pnums']) or 'none'}.")
        w(f"- Front matter: {yaml_desc(i)}; ms.contentlocale: {y.get('ms.contentlocale', '-')}; ms.translationtype: {y.get('ms.translationtype', '-')}.")
        if i["h1"]:
            h = i["h1"]
            w(f"- H1: anchor `{h['anchor']}`, unit(s) {', '.join(h['ids'])}, SOURCE text {visible_json(h['source'])}; anchor == slug(SOURCE): {'yes' if h['slug_ok'] else 'no'}.")
        else:
            w("- H1: none of the shape `# <a name=…></a>`.")
        w(f"- Empty TARGETs: {', '.join(i['empty_targets']) or 'none'}; TARGET == SOURCE: {i['same']}; multi-line units: {fmt_list(i['multiline'])}; alert lines outside units: {', '.join('[!' + a + ']' for a in i['alerts']) or 'none'}.")
        w("- Focus units:")
        by = {u["id"]: u for u in i["units"]}
        for f in c["focus"]:
            u = i["units"][0] if f == "first" else i["units"][-1] if f == "last" else by[f]
            w(f"  - `{u['id']}` (line {line_of((HERE / i['name']).read_text(encoding='utf-8'), u['start'])})")
            w(f"    - TARGET: `{visible_json(u['target'])}`")
            w(f"    - SOURCE: `{visible_json(u['source'])}`")
        w("- Markdown facts:")
        for side in ("target", "source"):
            s = i["md"][side]
            w(f"  - {side} projection: lists {lists_str(s['lists'])}; code blocks {code_str(s['code_blocks'])}; html blocks {s['html_blocks']}; "
              f"block quotes {s['block_quotes']}; tables {s['tables']} ({s['table_cells']} cells); links {len(s['links'])}; images {len(s['images'])}; "
              f"code spans {s['code_spans']}; html_inline {s['html_inline']}; hard breaks {s['linebreaks']}.")
        for f in i["facts"]:
            w(f"  - {f}")
    (HERE / "CASES.md").write_text("\n".join(L) + "\n", encoding="utf-8")
    (HERE / "CASES.json").write_text(json.dumps([as_json(i) for i in infos], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote CASES.md and CASES.json in {HERE}: {len(infos)} fixtures")


def as_json(i):
    """The same facts as CASES.md, for tests that would rather not parse Markdown."""
    c = CASES[i["name"]]
    y = i["yaml"] if isinstance(i["yaml"], dict) else {}
    text = (HERE / i["name"]).read_text(encoding="utf-8")
    by = {u["id"]: u for u in i["units"]}
    focus = []
    for f in c["focus"]:
        u = i["units"][0] if f == "first" else i["units"][-1] if f == "last" else by[f]
        focus.append(dict(id=u["id"], line=line_of(text, u["start"]), target=u["target"], source=u["source"]))
    md = {side: {k: v for k, v in i["md"][side].items() if k not in ("code_blocks", "links", "images", "headings")}
          | dict(code_blocks=[k for k, _, _ in i["md"][side]["code_blocks"]], links=len(i["md"][side]["links"]),
                 images=len(i["md"][side]["images"]),
                 lists=[dict(type=t, start=int(st) if st else None, items=n, depth=d) for t, st, n, d in i["md"][side]["lists"]])
          for side in ("target", "source")}
    return dict(file=i["name"], case=c["case"], locale=c["locale"], origin=c["origin"], synthetic=c["origin"] is None,
                bytes=i["size"], final_newline=i["final_nl"], units=len(i["units"]),
                delimiters=dict(open=i["d"][0], middle=i["d"][1], close=i["d"][2]),
                span_open=i["spans"][0], span_close=i["spans"][1],
                first_id=i["units"][0]["id"], last_id=i["units"][-1]["id"], prefixes=i["prefixes"],
                ids_increasing=i["increasing"], missing_numbers=i["missing"], p_ids=[f"p{n}" for n in i["pnums"]],
                front_matter=i["fm"], yaml_ok=i["fm"] and not i["yaml_err"], yaml_error=i["yaml_err"],
                contentlocale=y.get("ms.contentlocale"), translationtype=y.get("ms.translationtype"),
                h1=i["h1"], empty_targets=i["empty_targets"], target_equals_source=i["same"],
                multiline_units=i["multiline"], alerts_outside_units=i["alerts"], focus=focus,
                markdown=md, facts=i["facts"])


if __name__ == "__main__":
    main()
