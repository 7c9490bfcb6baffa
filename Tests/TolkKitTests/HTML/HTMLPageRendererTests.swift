import Foundation
import Testing

@testable import TolkKit

@Suite("HTML page of an article")
struct HTMLPageRendererTests {
    static let seed = Fixtures.packageRoot.appendingPathComponent("content/password-sync.md").path

    @Test("the Danish page of the seed article: lang, units with originals, toggle, banner, anchors, steps")
    func danish() throws {
        let article = try ArticleParser().parse(contentsOf: Self.seed)
        let page = try HTMLTesting.render(article, .target)
        HTMLTesting.expectWellFormed(page)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"da-DK\" dir=\"ltr\">"))
        HTMLTesting.expect(
            page,
            contains: "<title>Aktiver synkronisering af adgangskode</title>",
            #"<h1 id="enable-password-sync"><span class="tu-run" tabindex="-1" aria-describedby="tolk-o-0"><span class="tu" data-unit="4d25d-102" aria-describedby="tolk-o-0">Aktiver synkronisering af adgangskode<span class="tu-o" lang="en" dir="ltr" id="tolk-o-0">Enable Password Sync</span></span></span></h1>"#,
            #"<span class="tu" data-unit="4d25d-103" aria-describedby="tolk-o-1">Vælg <strong>DirSync-status</strong> på startsiden for Microsoft 365 Administration.<span class="tu-o" lang="en" dir="ltr" id="tolk-o-1">Choose <strong>DirSync Status</strong> on the Microsoft 365 admin center home page.</span></span>"#,
            #"<ol class="tolk-steps" start="1">"#, #"<aside class="tolk-mt-banner">"#, "Denne artikel er maskinoversat",
            "<style>", "#tolk-show-originals:checked ~ .tolk-article .tu-o", ".tu-run:focus-within .tu-o")
        // No sentence is a tab stop; the banner is a landmark of its own (no role="note").
        HTMLTesting.expect(page, lacks: #"class="tu" tabindex"#, #"role="note">"# + "\n<p>Denne")
        // Every unit of the body is there once, with its original.
        for unit in article.units where unit.area == .body {
            #expect(HTMLTesting.count("data-unit=\"\(unit.id)\"", in: page) == 1, "\(unit.id)")
        }
        #expect(HTMLTesting.count("class=\"tu-o\"", in: page) == article.units.count)
        #expect(HTMLTesting.count("<li>", in: page) == 3)
        // Each run with originals takes focus (no tab stop: tolk.js gives the article one) and names them all.
        #expect(HTMLTesting.count("<span class=\"tu-run\" tabindex=\"-1\"", in: page) < article.units.count)
        HTMLTesting.expect(page, contains: #"<span class="tu-run" tabindex="-1" aria-describedby="tolk-o-5 tolk-o-6">"#)
        // The toggle is inside <main> (a landmark), a sibling before the article, so `:checked ~ .tolk-article` reaches it.
        let toggle = try #require(page.range(of: #"<input type="checkbox" id="tolk-show-originals" class="tolk-toggle">"#))
        let label = try #require(
            page.range(of: #"<label for="tolk-show-originals" class="tolk-toggle-label">Vis engelske originaler</label>"#))
        let main = try #require(page.range(of: "<main"))
        let articleTag = try #require(page.range(of: #"<article class="tolk-article">"#))
        #expect(main.upperBound < toggle.lowerBound && toggle.upperBound < label.lowerBound && label.upperBound < articleTag.lowerBound)
        HTMLTesting.expect(page, lacks: "<link rel=\"stylesheet\"", "<nav class=\"tolk-languages\"")
    }

    @Test("the English page: plain units, no originals, no toggle, no banner, no script")
    func english() throws {
        let article = try ArticleParser().parse(contentsOf: Self.seed)
        let page = try HTMLTesting.render(article, .source)
        HTMLTesting.expectWellFormed(page)
        HTMLTesting.expect(
            page,
            contains: "<html lang=\"en-US\" dir=\"ltr\">",
            #"<h1 id="enable-password-sync"><span class="tu" data-unit="4d25d-102">Enable Password Sync</span></h1>"#,
            "script-src &#39;none&#39;", "Skip to content")
        HTMLTesting.expect(page, lacks: "class=\"tu-o\"", "tabindex", "id=\"tolk-show-originals\"", "class=\"tolk-mt-banner\"", "<script")
    }

    @Test("the Content-Security-Policy hash is the SHA-256 of the page's one script")
    func scriptHash() throws {
        let article = try ArticleParser().parse(contentsOf: Self.seed)
        let page = try HTMLTesting.render(article, .target)
        #expect(HTMLTesting.count("<script", in: page) == 1)
        let start = try #require(page.range(of: "<script>"))
        let end = try #require(page.range(of: "</script>"))
        let script = String(page[start.upperBound..<end.lowerBound])
        HTMLTesting.expect(script, contains: "tolk.showOriginals", "localStorage", "addEventListener")
        HTMLTesting.expect(
            page,
            contains: "script-src &#39;sha256-" + Data(SHA256.hash(Array(script.utf8))).base64EncodedString() + "&#39;",
            "default-src &#39;none&#39;; img-src &#39;self&#39; data:; style-src &#39;unsafe-inline&#39; &#39;self&#39;")
        HTMLTesting.expect(page, lacks: " onchange=", " onclick=", " onload=")
    }

    @Test("language switch and hreflang alternates from the page URLs; absolute with a base URL")
    func languages() throws {
        let article = try ArticleParser().parse(contentsOf: Self.seed)
        let urls = ["da-DK": "../da/password-sync/", "en-US": "../en/password-sync/"]
        let da = try HTMLTesting.render(article, .target, pageURLs: urls, baseURL: "https://help.example/da/")
        HTMLTesting.expectWellFormed(da)
        HTMLTesting.expect(
            da,
            contains: #"<nav class="tolk-languages" aria-label="Sprog">"#,
            #"<a href="../en/password-sync/" hreflang="en" lang="en" rel="alternate" data-lang-switch>English</a>"#,
            #"<span aria-current="page" lang="da">Dansk</span>"#,
            #"<link rel="alternate" hreflang="da-DK" href="https://help.example/da/password-sync/">"#,
            #"<link rel="alternate" hreflang="en-US" href="https://help.example/en/password-sync/">"#,
            #"<link rel="alternate" hreflang="x-default" href="https://help.example/en/password-sync/">"#,
            #"<a href="../en/password-sync/" hreflang="en">Læs den engelske original</a>"#)

        let en = try HTMLTesting.render(article, .source, pageURLs: urls)
        HTMLTesting.expect(
            en,
            contains: #"<a href="../da/password-sync/" hreflang="da" lang="da" rel="alternate" data-lang-switch>Dansk</a>"#,
            #"<link rel="alternate" hreflang="en-US" href="../en/password-sync/">"#, #"aria-label="Languages""#)
        #expect(HTMLTesting.count("data-lang-switch", in: en) == 1)
    }

    @Test("right-to-left languages get dir=rtl; originals stay ltr; other languages get English words")
    func rightToLeft() throws {
        let article = try Fixtures.article("cases/92-ar-rtl.md")
        let page = try HTMLTesting.render(article, .target)
        HTMLTesting.expectWellFormed(page)
        HTMLTesting.expect(
            page,
            contains: "<html lang=\"ar-SA\" dir=\"rtl\">",
            #"<span class="tu-o" lang="en" dir="ltr" id="tolk-o-0">Reset a user&#39;s password in Microsoft 365</span>"#,
            "Show English originals",
            #"<p class="tolk-note-title"><span lang="en" dir="ltr">Note</span></p>"#)
        for locale in ["he-IL", "fa-IR", "ur-PK", "ar"] { #expect(PageLanguage.direction(locale) == "rtl") }
        #expect(PageLanguage.direction("da-DK") == "ltr" && PageLanguage.direction("ja-JP") == "ltr")
    }

    @Test(
        "Hebrew and Arabic pages: dir=rtl on <html>, every English original and every English word left to right",
        arguments: [
            "20-he-set-up-insider-risk-management.md", "23-he-monitoring-conditional-access.md",
            "24-ar-microsoft-365-tax-information.md", "92-ar-rtl.md",
        ])
    func rightToLeftFixtures(_ fixture: String) throws {
        let article = try Fixtures.article("cases/" + fixture)
        let locale = try #require(article.targetLocale)
        let page = try HTMLTesting.render(article, .target, pageURLs: [locale: "page.html", "en-US": "en.html", "da-DK": "da.html"])
        HTMLTesting.expectWellFormed(page)
        #expect(page.contains("<html lang=\"\(locale)\" dir=\"rtl\">"))
        let originals = HTMLTesting.count(#"class="tu-o""#, in: page)
        #expect(originals > 0)
        #expect(HTMLTesting.count(#"<span class="tu-o" lang="en" dir="ltr" id="tolk-o-"#, in: page) == originals)
        // Everything marked English (originals, untranslated units, Tolk's words, the
        // language switch's "English") is laid out left to right inside the page's right to left.
        let english = HTMLTesting.languageDirections(page).filter { $0.lang == "en" || $0.lang.hasPrefix("en-") }
        #expect(english.count > originals)
        for element in english { #expect(element.dir == "ltr", "\(element.tag)") }
        let hebrewOrArabic = HTMLTesting.languageDirections(page).filter { PageLanguage.code($0.lang) == PageLanguage.code(locale) }
        #expect(!hebrewOrArabic.isEmpty && hebrewOrArabic.allSatisfy { $0.dir == "rtl" })
        HTMLTesting.expect(
            page, contains: #"<a href="en.html" hreflang="en" lang="en" dir="ltr" rel="alternate" data-lang-switch>English</a>"#,
            #"<a href="da.html" hreflang="da" lang="da" dir="ltr" rel="alternate" data-lang-switch>Dansk</a>"#)
    }

    @Test("a name in the other direction than the page carries its dir; Chinese names their script")
    func languageSwitchDirections() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        let page = try HTMLTesting.render(
            article, .target, pageURLs: ["da-DK": "da.html", "he-IL": "he.html", "zh-TW": "zh.html", "en-US": "en.html"])
        HTMLTesting.expectWellFormed(page)
        HTMLTesting.expect(
            page, contains: #"<span aria-current="page" lang="da">Dansk</span>"#,
            #"<a href="he.html" hreflang="he" lang="he" dir="rtl" rel="alternate" data-lang-switch>עברית</a>"#,
            #"<a href="zh.html" hreflang="zh" lang="zh-Hant" rel="alternate" data-lang-switch>繁體中文</a>"#,
            #"<a href="en.html" hreflang="en" lang="en" rel="alternate" data-lang-switch>English</a>"#)
    }

    @Test("an untranslated or empty unit shows the English, marked in the page language")
    func untranslated() throws {
        let body =
            "# <a name=\"t\"></a>" + Fixtures.unit("abcde-102", "Titel", "Title") + "\n\n"
            + Fixtures.unit("abcde-103", "Same text here.", "Same text here.") + " " + Fixtures.unit("abcde-104", "", "Nothing yet.") + "\n"
        let article = try HTMLTesting.article(body)
        let page = try HTMLTesting.render(article, .target)
        HTMLTesting.expectWellFormed(page)
        HTMLTesting.expect(
            page,
            contains:
                #"<span class="tu tu-untranslated" lang="en" dir="ltr" data-unit="abcde-103" title="ikke oversat">Same text here.<span class="tolk-vh" lang="da-DK"> (ikke oversat)</span></span>"#
        )
        if page.contains("data-unit=\"abcde-104\"") {
            HTMLTesting.expect(page, contains: #"data-unit="abcde-104" title="ikke oversat">Nothing yet.<span class="tolk-vh""#)
        }
        let en = try HTMLTesting.render(article, .source)
        HTMLTesting.expect(en, contains: #"<span class="tu" data-unit="abcde-103">Same text here.</span>"#)
        let english = try HTMLTesting.render(try HTMLTesting.article(body, locale: "ja-JP"), .target)
        HTMLTesting.expect(
            english, contains: #"title="not translated">Same text here.<span class="tolk-vh" lang="en"> (not translated)</span>"#)
    }

    @Test("a unit split by emphasis crossing its edges carries its original on its last piece only")
    func splitUnit() throws {
        let body =
            "# <a name=\"x\"></a>" + Fixtures.unit("abcde-102", "T", "Title") + "\n\n"
            + Fixtures.unit("abcde-103", "foo **bar", "one **two")
            + " " + Fixtures.unit("abcde-104", "baz** qux", "three** four") + "\n"
        let page = try HTMLTesting.render(try HTMLTesting.article(body), .target)
        HTMLTesting.expectWellFormed(page)
        let main = HTMLTesting.main(page)
        let paragraph = try #require(main.components(separatedBy: "<p>").last?.components(separatedBy: "</p>").first)
        #expect(HTMLTesting.count("data-unit=\"abcde-103\"", in: paragraph) == 2)
        #expect(HTMLTesting.count("data-unit=\"abcde-104\"", in: paragraph) == 2)
        #expect(HTMLTesting.count("class=\"tu-o\"", in: paragraph) == 2)
        // 103's original follows its second piece (inside <strong>), after "bar".
        let original103 = try #require(
            paragraph.range(of: #"<span class="tu-o" lang="en" dir="ltr" id="tolk-o-1">one <strong>two</strong></span>"#))
        let bar = try #require(paragraph.range(of: "bar"))
        #expect(bar.upperBound <= original103.lowerBound)
        HTMLTesting.expect(paragraph, contains: #"<span class="tu-o" lang="en" dir="ltr" id="tolk-o-2"><strong>three</strong> four</span>"#)
    }

    @Test("site-relative links open Microsoft's site in the page's language; a site can rewrite links")
    func links() throws {
        let body =
            "# <a name=\"t\"></a>" + Fixtures.unit("abcde-102", "T", "T") + "\n\n"
            + Fixtures.unit("abcde-103", "Se [brugere](/microsoft-365/admin/add-users).", "See [users](/microsoft-365/admin/add-users).")
            + " "
            + Fixtures.unit(
                "abcde-104", "[Dansk](/da-dk/x) og [artikel](/AlchemyInsights/other).",
                "[Danish](/da-dk/x) and [article](/AlchemyInsights/other).")
            + "\n"
        let article = try HTMLTesting.article(body)
        let da = try HTMLTesting.render(article, .target)
        HTMLTesting.expect(
            da,
            contains: #"<a href="https://learn.microsoft.com/da-dk/microsoft-365/admin/add-users">brugere</a>"#,
            #"<a href="https://learn.microsoft.com/da-dk/x">Dansk</a>"#, #"<a href="/AlchemyInsights/other">artikel</a>"#)
        let en = try HTMLTesting.render(article, .source)
        HTMLTesting.expect(en, contains: #"<a href="https://learn.microsoft.com/en-us/microsoft-365/admin/add-users">users</a>"#)
        let site = HTMLPageRenderer(side: .target, templates: try HTMLTesting.templates()) { url in
            url.hasPrefix("/AlchemyInsights/") ? "../" + url.dropFirst("/AlchemyInsights/".count) + "/" : url
        }
        HTMLTesting.expect(site.render(article), contains: #"<a href="../other/">artikel</a>"#)
    }

    @Test("notes, tables, code, images, quotes, bullet lists and HTML blocks")
    func blocks() throws {
        let body = """
            # <a name="top"></a>\(Fixtures.unit("abcde-102", "Titel", "Title"))

            > [!WARNING]
            > \(Fixtures.unit("abcde-103", "Pas på.", "Be careful."))

            > [!TIP]
            > \(Fixtures.unit("abcde-104", "Et tip.", "A tip."))

            | \(Fixtures.unit("abcde-105", "Navn", "Name")) | \(Fixtures.unit("abcde-106", "Værdi", "Value")) |
            |:---|---:|
            | a | b |

            ```powershell
            Get-Mailbox <x> & "y"
            ```

            ![\(Fixtures.unit("abcde-107", "Skærm", "Screen"))](media/screen.png)

            - \(Fixtures.unit("abcde-108", "Punkt", "Item"))

            <div class="x"><p>Block &amp; text <b>bold</b></p><script>alert(1)</script></div>

            ---
            """
        let page = try HTMLTesting.render(try HTMLTesting.article(body), .target)
        HTMLTesting.expectWellFormed(page)
        let main = HTMLTesting.main(page)
        HTMLTesting.expect(
            main,
            contains: #"<div class="tolk-note tolk-note-warning" role="note">"#, #"<p class="tolk-note-title">Advarsel</p>"#,
            #"<div class="tolk-note tolk-note-tip" role="note">"#, "<table>\n<thead>\n<tr><th class=\"tolk-align-left\">",
            #"<td class="tolk-align-right">b</td>"#, #"<pre><code class="language-powershell">Get-Mailbox &lt;x&gt; &amp; &quot;y&quot;"#,
            #"<img src="media/screen.png" alt="Skærm" loading="lazy">"#,
            "<ul>\n<li><span class=\"tu-run\" tabindex=\"-1\" aria-describedby=\"tolk-o-",
            #"<div class="tolk-html">Block &amp; text <b>bold</b><br>"#, "<hr>")
        HTMLTesting.expect(main, lacks: "<script", "<div class=\"x\"")
    }

    @Test("every shipped article and fixture renders to a well-formed page on both sides")
    func corpus() throws {
        let templates = try HTMLTesting.templates()
        var paths = ArticleLocator.articles(under: Fixtures.packageRoot.appendingPathComponent("content").path)
        paths += ArticleLocator.articles(under: Fixtures.path("cases")).filter { !$0.hasSuffix("CASES.md") }
        paths += ArticleLocator.articles(under: Fixtures.path("articles"))
        #expect(paths.count > 40)
        for path in paths {
            let article = try ArticleParser().parse(contentsOf: path)
            for side in Side.allCases {
                let page = HTMLPageRenderer(side: side, templates: templates).render(article)
                HTMLTesting.expectWellFormed(page, "\(path) \(side)")
                #expect(HTMLTesting.count("<script", in: page) <= 1, "\(path)")
                // No sentence takes focus; every original sits in a run that does (not by TAB), and is named
                // by its id in the run's and the sentence's aria-describedby.
                #expect(HTMLTesting.count("tabindex", in: page) == HTMLTesting.count("<span class=\"tu-run\" tabindex=\"-1\"", in: page))
                if side == .target {
                    let originals = HTMLTesting.count("<span class=\"tu-o\" lang=\"en\" dir=\"ltr\" id=\"tolk-o-", in: page)
                    #expect(originals == HTMLTesting.count("<span class=\"tu-o\"", in: page), "\(path)")
                    let described = HTMLTesting.count(" aria-describedby=\"tolk-o-", in: page)
                    #expect(originals == 0 || described > originals, "\(path)")
                    #expect(originals == 0 || HTMLTesting.count("<span class=\"tu-run\" tabindex=\"-1\"", in: page) > 0, "\(path)")
                }
            }
        }
    }
}
