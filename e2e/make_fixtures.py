#!/usr/bin/python3
"""Writes the synthetic injection articles of e2e/fixtures/ and PAYLOADS.md.

    /usr/bin/python3 e2e/make_fixtures.py      # rewrites the files, prints the count

Every payload is registered with a number; the number is written into the
payload itself (alert('P12'), window.__tolkPwned=12, data-pwned="12", …) so a
failing browser check names the payload that ran. Each article is valid
side-by-side format: every unit is
    <span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>
and the script checks, with the unit regex of docs/format.md §2, that the file holds exactly the
units it wrote (no payload contains a unit delimiter).

password-sync.md and README.md are not written here: password-sync.md is a
copy of content/password-sync.md; README.md is hand-written.
"""
import base64
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")

UNIT_RE = re.compile(
    r'<span data-ttu-id="([^"]*)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]*)">(.*?)</span></span>',
    re.S)
DELIMITERS = ('<span data-ttu-id="', '</span><span class="sxs-lookup"><span data-stu-id="', '</span></span>')

PAYLOADS = []   # (number, file, where, payload text, detection)


def b64(text):
    return base64.b64encode(text.encode()).decode()


class Article:
    def __init__(self, filename, title, prefix, mt="MT", front=None):
        self.filename = filename
        self.prefix = prefix
        self.next_id = 102
        self.lines = []
        self.units = 0
        self.front = [("title", yaml_dq(title) if title else None)] + list(front or [])
        self.mt = mt

    # -- payload registry -------------------------------------------------
    def p(self, where, template, detection=None, b64src=None):
        """Registers one payload; {n} in the template is its number, {b64} the
        base64 of b64src (with its own {n} filled in)."""
        n = len(PAYLOADS) + 1
        text = template.replace("{n}", str(n))
        if b64src is not None:
            text = text.replace("{b64}", b64(b64src.replace("{n}", str(n))))
        for d in DELIMITERS:
            assert d not in text, (n, text)
        assert "\n" not in text, (n, text)
        if detection is None:
            detection = self._detection(text, n)
        detection = detection.replace("{n}", str(n))
        PAYLOADS.append((n, self.filename, where, text, detection))
        return text

    @staticmethod
    def _detection(text, n):
        found = []
        if f"P{n}" in text and "alert" in text:
            found.append(f"alert('P{n}')")
        if "__tolkPwned" in text:
            found.append("window.__tolkPwned set")
        if "PWNED" in text:
            found.append("document.title = 'PWNED'")
        if "data-pwned" in text:
            found.append("data-pwned on <html>")
        if "--tolk-pwned" in text:
            found.append("CSS --tolk-pwned on <html>")
        if "tolk-pwned=" in text:
            found.append("navigation to ?tolk-pwned (URL check)")
        if "msgbox" in text:
            found.append("vbscript: href (static check)")
        return ", ".join(found) or "static check"

    # -- article building ---------------------------------------------------
    def unit(self, target, source, paragraph=False):
        uid = f"{self.prefix}-{'p' if paragraph else ''}{self.next_id}"
        self.next_id += 1
        self.units += 1
        return (f'<span data-ttu-id="{uid}">{target}</span><span class="sxs-lookup">'
                f'<span data-stu-id="{uid}">{source}</span></span>')

    def add(self, line=""):
        self.lines.append(line)

    def para(self, target, source):
        self.add(self.unit(target, source))
        self.add()

    def text(self):
        out = ["---"]
        for key, value in self.front:
            out.append(f"{key}: {value}")
        out += ["ms.author: tolk-e2e", "author: tolk-e2e", "ms.date: 01/01/2024", "ms.audience: Admin",
                "ms.topic: article", f"ms.translationtype: {self.mt}", "ms.contentlocale: da-DK",
                "ms.lasthandoff: 01/01/2024", "---"]
        body = "\n".join(self.lines).rstrip("\n") + "\n"
        return "\n".join(out) + "\n" + body


def yaml_dq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


ARTICLES = []


# ---------------------------------------------------------------------------
# 1. Unit text: payloads written as text of the translated and English sides.
a = Article("xss-unit-text.md", "Sikkerhedstest: tekst i enheder", "e2e01")
a.add('# <a name="security-test-text-in-units"></a>' + a.unit("Sikkerhedstest: tekst i enheder", "Security test: text in units"))
a.add()
a.para("Denne side indeholder scriptforsøg i selve teksten, og ingen af dem må køre.",
       "This page holds script attempts in the text itself, and none of them may run.")
a.para(a.p("unit text, translation, start of line (HTML block once projected)", "<script>alert('P{n}')</script>") + " står først i oversættelsen.",
       "The translation starts with a script element.")
a.para("Den engelske side starter med et script.",
       a.p("unit text, English, start of line", "<script>window.__tolkPwned={n}</script>") + " comes first in the English.")
a.para("Midt i sætningen " + a.p("unit text, translation, mid-sentence", "<script>alert('P{n}')</script>") + " står et script.",
       "In the middle of the sentence " + a.p("unit text, English, mid-sentence", "<script>document.title='PWNED'</script>") + " stands a script.")
a.para("Tegnkoder " + a.p("unit text, translation: named entities (must not be decoded twice)", "&lt;script&gt;alert('P{n}')&lt;/script&gt;") + " må ikke afkodes to gange.",
       "Numeric codes " + a.p("unit text, English: numeric entities", "&#60;img src=x onerror=alert('P{n}')&#62;") + " must not be decoded twice.")
a.para("Kode " + a.p("unit text, translation: inline code", "`<img src=x onerror=alert('P{n}')>`") + " vises som tekst.",
       "Code " + a.p("unit text, English: inline code", "`<script>document.documentElement.setAttribute('data-pwned','{n}')</script>`") + " shows as text.")
a.para("En kommentar " + a.p("unit text, translation: HTML comment", "<!--<script>alert('P{n}')</script>-->") + " er skjult.",
       "A comment " + a.p("unit text, English: comment that closes early (<!-->)", "<!--><img src=x onerror=alert('P{n}')>-->") + " that closes early.")
a.para("Indlejret " + a.p("unit text, translation: nested tag filter bypass", "<scr<script>ipt>alert('P{n}')</scr</script>ipt>") + " forsøg.",
       "Uppercase " + a.p("unit text, English: uppercase tag", "<SCRIPT>alert('P{n}')</SCRIPT>") + " attempt.")
a.para("Afbrydelse af scriptblok " + a.p("unit text, translation: </script> break-out (JSON or search index in a script)", "</script><script>alert('P{n}')</script>") + " her.",
       "A JSON break-out " + a.p("unit text, English: </script> break-out", "</script><script>window.__tolkPwned={n}</script>") + " here.")
payload = a.p("unit text, both sides equal (untranslated unit)", "<img src=x onerror=window.__tolkPwned={n}>")
a.para(payload + " is not translated.", payload + " is not translated.")
a.para("Microsoft 365 admin center is left untranslated here.", "Microsoft 365 admin center is left untranslated here.")
a.para("Fuldbreddetegn " + a.p("unit text, translation: fullwidth brackets (must not be NFKC-normalised into a tag)", "＜script＞alert('P{n}')＜/script＞") + " er ikke mærker.",
       "Escaped " + a.p("unit text, English: backslash-escaped brackets", "\\<script\\>alert('P{n}')\\</script\\>") + " with backslashes.")
a.add("| " + a.unit("Kolonne", "Column") + " | " + a.unit("Værdi", "Value") + " |")
a.add("|---|---|")
a.add("| " + a.unit("Celle " + a.p("unit text in a table cell, translation", "<script>alert('P{n}')</script>"),
                    "Cell " + a.p("unit text in a table cell, English", "<img src=x onerror=alert('P{n}')>"))
      + " | " + a.unit("Sand", "True") + " |")
a.add()
a.add("> [!NOTE]")
a.add("> " + a.unit("Bemærk " + a.p("unit text in a NOTE callout, translation", "<img src=x onerror=alert('P{n}')>") + " i en note.",
                    "Note " + a.p("unit text in a NOTE callout, English", "<svg onload=alert('P{n}')>") + " in a note."))
a.add()
a.add("1. " + a.unit("Vælg **" + a.p("unit text, translation: bold UI label in a step", "<img src=x onerror=alert('P{n}')>") + "**.",
                     "Choose **" + a.p("unit text, English: bold UI label in a step", "<script>alert('P{n}')</script>") + "**."))
a.add("")
a.add("    " + a.unit("**Felt " + a.p("unit text, translation: status-field label", "<img src=x onerror=document.title='PWNED'>") + ":** (Sand).",
                       "**Field " + a.p("unit text, English: status-field label", "<svg onload=window.__tolkPwned={n}>") + ":** (True)."))
a.add("")
a.add("2. " + a.unit("Gå til **Brugere** \\> **" + a.p("unit text, translation: UI path label", "<img src=x onerror=alert('P{n}')>") + "**.",
                     "Go to **Users** \\> **" + a.p("unit text, English: UI path label", "<script>alert('P{n}')</script>") + "**."))
a.add("")
# Last: an unclosed tag swallows what follows it in a renderer that lets it through.
a.para("Uafsluttet mærke " + a.p("unit text, translation: unclosed tag that would swallow the next tag", "<img src=x onerror=alert('P{n}')") + " fortsætter her.",
       "Unclosed tag " + a.p("unit text, English: unclosed svg tag with slash separator", "<svg/onload=alert('P{n}')//") + " keeps going.")
ARTICLES.append(a)

# ---------------------------------------------------------------------------
# 2. Raw inline HTML inside units.
a = Article("xss-inline-html.md", "Sikkerhedstest: HTML i enheder", "e2e02")
a.add('# <a name="security-test-html-in-units"></a>' + a.unit("Sikkerhedstest: HTML i enheder", "Security test: HTML in units"))
a.add()
PAIRS = [
    ("img onerror", "<img src=x onerror=alert('P{n}')>",
     "img onerror", "<img src=x onerror=window.__tolkPwned={n}>"),
    ("svg onload", "<svg onload=alert('P{n}')>",
     "script inside svg", "<svg><script>alert('P{n}')</script></svg>"),
    ("iframe srcdoc", "<iframe srcdoc=\"&lt;script&gt;parent.alert('P{n}')&lt;/script&gt;\"></iframe>",
     "iframe javascript: src", "<iframe src=\"javascript:parent.alert('P{n}')\"></iframe>"),
    ("a href javascript:", "<a href=\"javascript:alert('P{n}')\">klik</a>",
     "a href with leading space before javascript:", "<a href=\" javascript:alert('P{n}')\">click</a>"),
    ("body onload", "<body onload=alert('P{n}')>",
     "body onpageshow", "<body onpageshow=window.__tolkPwned={n}>"),
    ("style @import javascript:", "<style>@import 'javascript:alert(\"P{n}\")';</style>",
     "style element setting a CSS flag", "<style>html{--tolk-pwned:{n}}</style>"),
    ("form button formaction javascript:", "<form><button formaction=javascript:alert('P{n}')>send</button></form>",
     "form action javascript:", "<form action=\"javascript:alert('P{n}')\"><input type=submit value=go></form>"),
    ("object data javascript:", "<object data=\"javascript:alert('P{n}')\"></object>",
     "embed src javascript:", "<embed src=\"javascript:alert('P{n}')\">"),
    ("meta refresh to javascript:", "<meta http-equiv=refresh content=\"0;url=javascript:alert('P{n}')\">",
     "meta refresh navigating away (detected as a URL change)", "<meta http-equiv=\"refresh\" content=\"0;url=?tolk-pwned={n}\">"),  # detected: URL change
    ("base href javascript:", "<base href=javascript:/>",
     "base href javascript: with payload", "<base href=\"javascript:window.__tolkPwned={n}//\">"),
    ("input autofocus onfocus", "<input autofocus onfocus=alert('P{n}')>",
     "textarea autofocus onfocus", "<textarea autofocus onfocus=window.__tolkPwned={n}></textarea>"),
    ("details open ontoggle", "<details open ontoggle=alert('P{n}')>",
     "audio onerror", "<audio src=x onerror=alert('P{n}')></audio>"),
    ("video source onerror", "<video><source onerror=alert('P{n}')></video>",
     "video onerror", "<video src=x onerror=window.__tolkPwned={n}></video>"),
    ("custom element onclick", "<x onclick=alert('P{n}')>klik</x>",
     "custom element onmouseover", "<x onmouseover=alert('P{n}')>hover</x>"),
    ("img with slash-separated attributes", "<img/src=x/onerror=alert('P{n}')>",
     "img with mixed-case tag and handler", "<IMG SRC=x OnErRoR=alert('P{n}')>"),
    ("a href with &#x09; inside javascript:", "<a href=\"java&#x09;script:alert('P{n}')\">tab</a>",
     "a href with &#x6A; for the j of javascript:", "<a href=\"&#x6A;avascript:alert('P{n}')\">entity</a>"),
    ("img onerror with entity-encoded parentheses", "<img src=x onerror=alert&#40;'P{n}'&#41;>",
     "a onmouseover setting the title", "<a href=\"#\" onmouseover=\"document.title='PWNED'\">over</a>"),
    ("object data data:text/html", "<object data=\"data:text/html;base64," + "{b64}" + "\"></object>",
     "link stylesheet data:text/css setting a CSS flag", "<link rel=stylesheet href=\"data:text/css,html{--tolk-pwned:{n}}\">"),
    ("img onerror setting data-pwned", "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','{n}')\">",
     "svg animate onbegin", "<svg><animate onbegin=alert('P{n}') attributeName=x dur=1s></animate></svg>"),
    ("duplicate id of Tolk's checkbox with onchange", "<input id=\"tolk-show-originals\" type=checkbox onchange=alert('P{n}')>",
     "DOM clobbering of window.__tolkPwned by id (defines it without script)", "<a id=\"__tolkPwned\" href=\"#\">clobber</a>"),
    # last: unclosed contexts swallow what follows them
    ("math/mglyph/style mXSS", "<math><mtext><table><mglyph><style><img src=x onerror=alert('P{n}')>",
     "noscript title mXSS", "<noscript><p title=\"</noscript><img src=x onerror=alert('P{n}')>\">"),
]
for i, (wt, pt, ws, ps) in enumerate(PAIRS):
    t = a.p(f"raw inline HTML, translation: {wt}", pt, b64src="<script>parent.alert('P{n}')</script>")
    s = a.p(f"raw inline HTML, English: {ws}", ps)
    a.para(f"Afsnit {i + 1} har {t} i teksten.", f"Paragraph {i + 1} has {s} in the text.")
ARTICLES.append(a)

# ---------------------------------------------------------------------------
# 3. Markdown link targets and image sources.
a = Article("xss-links-images.md", "Sikkerhedstest: links og billeder", "e2e03")
a.add('# <a name="security-test-links-and-images"></a>' + a.unit("Sikkerhedstest: links og billeder", "Security test: links and images"))
a.add()
a.para("Se " + a.p("Markdown link, translation: javascript:", "[denne side](javascript:alert('P{n}'))") + " nu.",
       "See " + a.p("Markdown link, English: mixed-case JaVaScRiPt:", "[this page](JaVaScRiPt:alert('P{n}'))") + " now.")
a.para("Fane " + a.p("Markdown link, translation: java&#x09;script: (tab entity)", "[fane](java&#x09;script:alert('P{n}'))") + " i adressen.",
       "Entity " + a.p("Markdown link, English: &#106;avascript:", "[entity](&#106;avascript:alert('P{n}'))") + " in the address.")
a.para("Visual Basic " + a.p("Markdown link, translation: vbscript:", "[vb](vbscript:msgbox(\"P{n}\"))") + " virker ikke.",
       "A data URL " + a.p("Markdown link, English: data:text/html;base64 with a script", "[data](data:text/html;base64,{b64})",
                                   detection="alert('P{n}') if opened; data:text href (static check)",
                                   b64src="<script>alert('P{n}')</script>") + " is a page.")
a.para("Autolink " + a.p("autolink, translation: <javascript:…>", "<javascript:alert('P{n}')>") + " i teksten.",
       "Autolink " + a.p("autolink, English: <JAVASCRIPT:…>", "<JAVASCRIPT:window.__tolkPwned={n}>") + " in the text.")
a.para("Vinkelparenteser " + a.p("Markdown link, translation: <javascript:…> destination", "[vinkel](<javascript:alert('P{n}')>)") + " om adressen.",
       "Colon entity " + a.p("Markdown link, English: javascript&#58; (colon entity)", "[colon](javascript&#58;alert('P{n}'))") + " in the scheme.")
a.para("Procentkodet " + a.p("Markdown link, translation: percent-encoded parentheses", "[procent](javascript:alert%28'P{n}'%29)") + " adresse.",
       "Newline entity " + a.p("Markdown link, English: java&#10;script: (newline entity)", "[newline](java&#10;script:alert('P{n}'))") + " in the scheme.")
ref_t = a.p("reference link in the translation ([reference][xss-ref-N]); its definition, outside units", "[xss-ref-{n}]: javascript:alert('P{n}')")
ref_s = a.p("reference link in the English ([reference][xss-ref-N]); its definition, outside units", "[xss-ref-{n}]: data:text/html,<script>alert('P{n}')</script>")
a.para("En [reference][" + ref_t[1:ref_t.index("]")] + "] til et script.", "A [reference][" + ref_s[1:ref_s.index("]")] + "] to a script.")
a.para("Billede " + a.p("image, translation: javascript: source", "![billede](javascript:alert('P{n}'))") + " med script.",
       "Image " + a.p("image, English: data:image/svg+xml;base64 holding an svg with a script", "![svg](data:image/svg+xml;base64,{b64})",
                                   detection="alert (only if the svg were inlined or opened as a document)",
                                   b64src="<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('P{n}')\"><script>alert('P{n}')</script></svg>") + " with a script.")
a.para("Citationstegn " + a.p("image, translation: source breaking out with a space (not a valid image: literal text)", "![x](x\" onerror=\"alert('P{n}'))") + " i kilden.",
       "Quote " + a.p("image, English: source with a quote and no space (valid destination)", "![x](x\"onerror=\"alert('P{n}'))") + " in the source.")
a.para("Alternativ tekst " + a.p("image, translation: alt text breaking its attribute", "![x\" onerror=\"alert('P{n}')](x)") + " bryder ud.",
       "Image title " + a.p("image, English: title breaking its attribute", "![x](x \"x\\\" onerror=\\\"alert('P{n}')\")") + " breaks out.")
a.para("Linktitel " + a.p("Markdown link, translation: title breaking its attribute", "[titel](https://example.com \"\\\" onmouseover=\\\"alert('P{n}')\")") + " bryder ud.",
       "Link destination " + a.p("Markdown link, English: destination with a quote", "[destination](https://example.com/\"onmouseover=\"alert('P{n}'))") + " breaks out.")
a.para("Mærke i adressen " + a.p("Markdown link, translation: destination with \"><script>", "[tag](https://example.com/\"><script>alert('P{n}')</script>)") + " her.",
       "Single quote " + a.p("Markdown link, English: destination with '><script>", "[single](https://example.com/'><script>alert('P{n}')</script>)") + " here.")
a.para("Et SVG-dokument " + a.p("Markdown link, translation: data:image/svg+xml document", "[svg](data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20onload='alert(%22P{n}%22)'%3E%3C/svg%3E)") + " som link.",
       "A text data URL " + a.p("Markdown link, English: data:text/javascript", "[js](data:text/javascript,alert('P{n}'))") + " as a link.")
a.add("- [" + a.unit("Linket omslutter enheden", "The link wraps the unit") + "](" + a.p("Markdown link around a unit (outside the unit): javascript:", "javascript:window.__tolkPwned={n}") + ")")
a.add("- [" + a.unit("Endnu et link", "One more link") + "](" + a.p("Markdown link around a unit (outside the unit): vbscript:", "vbscript:msgbox(\"P{n}\")") + ")")
a.add()
# reference definitions (outside units, read by both projections)
a.add(ref_t)
a.add(ref_s)
ARTICLES.append(a)

# ---------------------------------------------------------------------------
# 4. Attribute breaking and heading anchors.
a = Article("xss-attributes.md", "Sikkerhedstest: attributter", "e2e04")
a.add("# " + a.p("heading anchor, backslash-quoted", "<a name=\"x\\\" onmouseover=\\\"alert('P{n}')\\\"\"></a>")
      + a.unit("Sikkerhedstest: attributter", "Security test: attributes"))
a.add()
a.para(a.p("unit text, translation: \"> attribute break-out", "\"><script>alert('P{n}')</script>") + " i starten.",
       a.p("unit text, English: '> attribute break-out", "'><script>alert('P{n}')</script>") + " at the start.")
a.para("Attribut " + a.p("unit text, translation: \" onfocus attribute injection", "\" autofocus onfocus=\"alert('P{n}')") + " i teksten.",
       "Attribute " + a.p("unit text, English: ' onfocus attribute injection", "' autofocus onfocus='window.__tolkPwned={n}") + " in the text.")
a.para("Løs " + a.p("unit text, translation: stray </span> then img", "</span><img src=x onerror=alert('P{n}')>") + " slutmærke.",
       "Stray " + a.p("unit text, English: </span></div> then img", "</span></div><img src=x onerror=alert('P{n}')>") + " end tag.")
a.para("Ud af noscript " + a.p("unit text, translation: </noscript> break-out", "</noscript><img src=x onerror=alert('P{n}')>") + " her.",
       "Out of a textarea " + a.p("unit text, English: </textarea> break-out", "</textarea><img src=x onerror=alert('P{n}')>") + " here.")
a.para("Ud af style " + a.p("unit text, translation: </style> break-out", "</style><img src=x onerror=alert('P{n}')>") + " her.",
       "Out of CDATA " + a.p("unit text, English: ]]> CDATA break-out (sitemap, feeds)", "]]><img src=x onerror=alert('P{n}')>") + " here.")
a.para("Falsk enhed " + a.p("unit text, translation: data-unit attribute text", "data-unit=\"x\" onmouseover=\"alert('P{n}')\"") + " som tekst.",
       "Fake original " + a.p("unit text, English: fake .tu-o span with a handler", "<span class=\"tu-o\" onmouseover=alert('P{n}')>fake</span>") + " as markup.")
a.para("Etiket " + a.p("raw HTML, translation: label for Tolk's checkbox with onclick", "<label for=\"tolk-show-originals\" onclick=alert('P{n}')>vis</label>") + " til afkrydsningsfeltet.",
       "Title attribute " + a.p("raw HTML, English: title attribute holding a tag", "<a title=\"&quot;&gt;&lt;img src=x onerror=alert('P{n}')&gt;\" href=\"#\">t</a>") + " with a tag.")
a.add("## " + a.p("heading anchor, single-quoted name holding \" onmouseover=\"", "<a name='x\" onmouseover=\"alert(&#39;P{n}&#39;)'></a>")
      + a.unit("Anker med citationstegn", "Anchor with quotes"))
a.add()
a.add("## " + a.p("heading anchor, entity-encoded \"><img onerror>", '<a name="&quot;&gt;&lt;img src=x onerror=alert(&#39;P{n}&#39;)&gt;"></a>')
      + a.unit("Anker med tegnkoder", "Anchor with entities"))
a.add()
a.add("### " + a.p("heading anchor with extra attributes (id, onclick)", '<a name="ok" id="y" onclick="alert(\'P{n}\')"></a>')
      + a.unit("Anker med ekstra attributter", "Anchor with extra attributes"))
a.add()
a.para("Til sidst " + a.p("unit text, translation: javascript: as plain text (must not become a link)", "javascript:alert('P{n}')") + " som tekst.",
       "Finally " + a.p("unit text, English: www autolink holding a tag", "www.example.com/\"><script>alert('P{n}')</script>") + " as text.")
ARTICLES.append(a)

# ---------------------------------------------------------------------------
# 5. Front matter values (human translated: no MT banner).
a = Article("xss-front-matter.md", None, "e2e05", mt="HT")
title = a.p("front matter title: </title> break-out", "</title><script>alert('P{n}')</script>")
desc = a.p("front matter description: \"> break-out", "\"><script>alert('P{n}')</script><meta x=\"")
robots = a.p("front matter ROBOTS (a meta content)", "NOINDEX\"><script>alert('P{n}')</script>")
keywords = a.p("front matter keywords list item", "'><img src=x onerror=alert('P{n}')>")
a.front = [("title", yaml_dq(title)), ("description", yaml_dq(desc)), ("ROBOTS", yaml_dq(robots)),
           ("keywords", "\n- " + yaml_dq(keywords) + "\n- tolk")]
a.add('# <a name="security-test-front-matter"></a>'
      + a.unit(a.p("h1 unit (the page title), translation: </title> break-out", "</title><script>alert('P{n}')</script>") + " Forside",
               a.p("h1 unit (the page title), English: </title> break-out", "</title><img src=x onerror=alert('P{n}')>") + " Front matter"))
a.add()
a.para("Denne artikel er menneskeoversat og har ondsindede værdier i sit front matter.",
       "This article is human translated and has hostile values in its front matter.")
ARTICLES.append(a)

# ---------------------------------------------------------------------------
# 6. Template syntax (Mustache and client-side template engines).
a = Article("xss-mustache.md", None, "e2e06")
desc = a.p("front matter description: img onerror (what a second template pass would insert)", "<img src=x onerror=alert('P{n}')>")
EXPANDS = "alert('P%d') if a second template pass expands the description" % len(PAYLOADS)
title = a.p("front matter title: {{{description}}} (a second Mustache pass would emit the description unescaped)",
            "Skabeloner {{{description}}} {{&description}} {{x}}", detection=EXPANDS)
a.front = [("title", yaml_dq(title)), ("description", yaml_dq(desc))]
h1 = a.p("h1 unit (the page title), both sides: {{{description}}}", "{{{description}}}", detection=EXPANDS)
a.add('# <a name="security-test-templates"></a>' + a.unit("Sikkerhedstest: skabeloner " + h1, "Security test: templates " + h1))
a.add()
a.para("Tredobbelt " + a.p("unit text, translation: {{{description}}}", "{{{description}}}", detection=EXPANDS) + " i teksten.",
       "Ampersand " + a.p("unit text, English: {{&description}}", "{{&description}}", detection=EXPANDS) + " in the text.")
a.para("Sektion " + a.p("unit text, translation: {{#description}}{{{.}}}{{/description}}", "{{#description}}{{{.}}}{{/description}}", detection=EXPANDS) + " her.",
       "Direct " + a.p("unit text, English: {{{<img onerror>}}}", "{{{<img src=x onerror=alert('P{n}')>}}}") + " here.")
a.para("Klientskabelon " + a.p("unit text, translation: Angular-style constructor escape", "{{constructor.constructor(\"alert('P{n}')\")()}}") + " her.",
       "Template literal " + a.p("unit text, English: ${…} template literal", "${alert('P{n}')}") + " here.")
a.para("Afgrænsere " + a.p("unit text, translation: Mustache delimiter change then a triple", "{{=<% %>=}}<%{description}%>", detection=EXPANDS) + " skiftes.",
       "Partial " + a.p("unit text, English: Mustache partial and comment", "{{> description}}{{! <script>alert('P{n}')</script> }}") + " included.")
ARTICLES.append(a)

# ---------------------------------------------------------------------------
# 7. File names (the slug ends up in URLs, links, the sitemap and the index).
def named(template, where, slug_title_da, slug_title_en, prefix, detection):
    n = len(PAYLOADS) + 1
    filename = template.replace("{n}", str(n)) + ".md"
    art = Article(filename, None, prefix)
    art.p(where, filename, detection=detection)
    art.front = [("title", yaml_dq(slug_title_da))]
    art.add("# " + art.unit(slug_title_da, slug_title_en))
    art.add()
    art.para("Denne artikel tester kun sit filnavn.", "This article only tests its file name.")
    ARTICLES.append(art)

named("x\\\"><img src=x onerror=alert({n})>", "file name: \\\"><img onerror> (attribute break-out in links and the sitemap)",
      "Filnavn med HTML", "File name with HTML", "e2e07", "alert({n}); on* attribute (static check)")
# The brief's "..%2F..%2Fevil.md" starts with a dot: Tolk skips hidden files, so
# it would never be built. This name keeps the traversal and is not hidden:
# decoded, it is x/../../../evil, which from SITE/da/ points outside the site.
named("x%2F..%2F..%2F..%2Fevil", "file name: %2F..%2F path traversal (detected by a file outside the site, not by script)",
      "Filnavn med sti", "File name with a path", "e2e08", "a file written outside the site folder (path check); the page must exist in the site")
named("javascript:alert({n})", "file name: javascript:… (a relative link to the slug would be a javascript: URL)",
      "Filnavn med skema", "File name with a scheme", "e2e09", "alert({n}) when the link is followed; javascript: href (static check)")
named("'><svg onload=window.__tolkPwned={n}>", "file name: '><svg onload> (single-quote break-out)",
      "Filnavn med apostrof", "File name with an apostrophe", "e2e0a", "window.__tolkPwned set; on* attribute, svg element (static check)")
named("%3Cscript%3Ealert({n})%3C%2Fscript%3E", "file name: percent-encoded <script> (must not be decoded into markup)",
      "Filnavn med procentkoder", "File name with percent codes", "e2e0b", "alert({n}); script element count (static check)")


def write():
    # remove stale generated articles (everything but the hand-kept files)
    keep = {"README.md", "PAYLOADS.md", "password-sync.md"}
    for name in os.listdir(FIXTURES):
        if name.endswith(".md") and name not in keep:
            os.remove(os.path.join(FIXTURES, name))
    for art in ARTICLES:
        text = art.text()
        found = UNIT_RE.findall(text)
        assert len(found) == art.units, (art.filename, len(found), art.units)
        for d in DELIMITERS:
            assert text.count(d) == art.units, (art.filename, d)
        for uid, _, sid, _ in found:
            assert uid == sid and re.fullmatch(r"[0-9a-f]{5}-p?\d{3,4}", uid), uid
        with open(os.path.join(FIXTURES, art.filename), "w", encoding="utf-8") as f:
            f.write(text)

    files = sorted({p[1] for p in PAYLOADS})
    out = ["# Injection payloads of the browser test",
           "",
           "Generated by `e2e/make_fixtures.py` (edit that script, not this file). One line",
           "per payload: number, the fixture file that carries it, where in the file, the",
           "payload, and what the browser test (`e2e/browser_test.py`) sees if it ever",
           "runs. The number is written into the payload (`alert('P12')`,",
           "`window.__tolkPwned=12`), so a failure names the payload that ran. Besides",
           "these signals, every page is checked statically: at most one `<script>`, no",
           "`on*` attribute, no `javascript:`/`vbscript:`/`data:text` URL in",
           "href/src/action/formaction/data, no iframe/object/embed/svg/math/form/base",
           "or meta refresh element, no `<style>` outside `<head>`, no navigation away.",
           "",
           f"{len(PAYLOADS)} payloads in {len(files)} files.",
           ""]
    for n, fname, where, text, detection in PAYLOADS:
        ticks = "``" if "`" in text else "`"
        pad = " " if "`" in text else ""
        fshow = fname.replace("|", "\\|")
        out.append(f"{n}. `{fshow}` — {where}: {ticks}{pad}{text}{pad}{ticks} → {detection}")
    out += ["",
            "Besides the fixtures, `browser_test.py` itself tries three DOM-based payloads:",
            "a URL fragment `#\"><img src=x onerror=alert('H1')>` on an article page, a",
            "query `?q=<img src=x onerror=alert('H2')>` on the index page, and the",
            "search-box text `<img src=x onerror=alert('H3')>`.",
            ""]
    with open(os.path.join(FIXTURES, "PAYLOADS.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    return len(PAYLOADS), len(files)


if __name__ == "__main__":
    count, files = write()
    print(f"make_fixtures: {count} payloads in {files} files, {len(ARTICLES)} synthetic articles")
