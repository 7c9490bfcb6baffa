import Foundation
import Testing

@testable import TolkKit

@Suite("tolk site: layout, links, sitemap, status")
struct SiteBuilderTests {
    @Test("every article in Danish and English, indexes, root, status page, sitemap, stylesheet, images")
    func layout() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        let report = try SiteTesting.build(SiteTesting.options(content, out))
        #expect(report.articles == 3 && report.rendered == 3 && report.skipped == 0 && report.pages == 6)
        #expect(report.languages == ["da", "en"])
        #expect(report.problems.isEmpty, "\(report.problems)")
        let files = SiteTesting.files(out)
        for needed in [
            "index.html", "da/index.html", "en/index.html", "translation-status/index.html", "sitemap.xml", "assets/tolk.css",
            "da/password-sync/index.html", "en/password-sync/index.html", "da/error-code-0x15/index.html",
            "en/contact-us-by-clicking-the-headphone-button/index.html", "media/media/contact-us-headphone-icon.png", ".tolk-site",
        ] {
            #expect(files.contains(needed), "missing \(needed) in \(files)")
        }
        // Nothing but the site beside it: the temporary folder was renamed into place.
        #expect(SiteTesting.entries(root) == ["content", "site"])
        // Every HTML page parses without error in libxml2's HTML parser, and nests strictly.
        for file in files where file.hasSuffix(".html") {
            HTMLTesting.expectWellFormed(try SiteTesting.read(out + "/" + file), "\(file)")
        }
        let image = try SiteTesting.read(out + "/da/contact-us-by-clicking-the-headphone-button/index.html")
        HTMLTesting.expect(image, contains: #"src="../../media/media/contact-us-headphone-icon.png""#)
    }

    @Test("pages link to each other relatively, with hreflang alternates and x-default; --base-url makes them absolute")
    func links() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        _ = try SiteTesting.build(SiteTesting.options(content, out))
        let da = try SiteTesting.read(out + "/da/password-sync/index.html")
        HTMLTesting.expect(
            da,
            contains: #"<html lang="da-DK" dir="ltr">"#,
            #"<a href="../../en/password-sync/index.html" hreflang="en" lang="en" rel="alternate" data-lang-switch>English</a>"#,
            #"<link rel="alternate" hreflang="da-DK" href="../../da/password-sync/index.html">"#,
            #"<link rel="alternate" hreflang="en-US" href="../../en/password-sync/index.html">"#,
            #"<link rel="alternate" hreflang="x-default" href="../../en/password-sync/index.html">"#,
            #"<link rel="stylesheet" href="../../assets/tolk.css">"#, #"<a href="../index.html">Alle artikler</a>"#,
            #"<span class="tu-o" lang="en" dir="ltr" id="tolk-o-"#)
        #expect(HTMLTesting.count("<script", in: da) == 1)
        let en = try SiteTesting.read(out + "/en/password-sync/index.html")
        HTMLTesting.expect(
            en, contains: #"<html lang="en-US" dir="ltr">"#,
            #"<a href="../../da/password-sync/index.html" hreflang="da" lang="da" rel="alternate" data-lang-switch>Dansk</a>"#)
        let index = try SiteTesting.read(out + "/da/index.html")
        HTMLTesting.expect(
            index, contains: #"<input type="search" id="tolk-search""#,
            #"<a href="password-sync/index.html">Aktiver synkronisering af adgangskode</a>"#,
            #"<span class="tolk-index-original" lang="en" dir="ltr">Enable Password Sync</span>"#)
        HTMLTesting.expect(index, lacks: "<form")
        let rootPage = try SiteTesting.read(out + "/index.html")
        HTMLTesting.expect(rootPage, contains: #"href="da/index.html" hreflang="da" lang="da" data-lang-choice="da""#)

        var absolute = SiteTesting.options(content, out)
        absolute.baseURL = "https://help.example.com/docs"
        _ = try SiteTesting.build(absolute)
        let page = try SiteTesting.read(out + "/da/password-sync/index.html")
        HTMLTesting.expect(
            page, contains: #"<link rel="canonical" href="https://help.example.com/docs/da/password-sync/">"#,
            #"<link rel="alternate" hreflang="en-US" href="https://help.example.com/docs/en/password-sync/">"#,
            #"<link rel="alternate" hreflang="x-default" href="https://help.example.com/docs/en/password-sync/">"#,
            // The language switch stays relative: the site works from file:// too.
            #"<a href="../../en/password-sync/index.html" hreflang="en""#)
    }

    @Test("sitemap.xml is well-formed XML and lists every indexable page with its language alternates")
    func sitemap() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        var options = SiteTesting.options(content, out)
        options.baseURL = "https://help.example.com/"
        _ = try SiteTesting.build(options)
        let xml = try SiteTesting.read(out + "/sitemap.xml")
        #expect(XMLParseCheck.errorCount(xml) == 0)
        #expect(XMLParseCheck.errorCount("<urlset><url></urlset>") > 0, "the check sees broken XML")
        #expect(xml.contains(#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#))
        let entries = SiteTesting.sitemapEntries(xml)
        let byLoc = Dictionary(entries.map { ($0.loc, $0.alternates) }, uniquingKeysWith: { a, _ in a })
        for lang in ["da", "en"] {
            let alternates = try #require(
                byLoc["https://help.example.com/\(lang)/password-sync/"], "\(lang)/password-sync/ not in the sitemap")
            #expect(alternates["da-DK"] == "https://help.example.com/da/password-sync/")
            #expect(alternates["en-US"] == "https://help.example.com/en/password-sync/")
            #expect(alternates["x-default"] == "https://help.example.com/en/password-sync/")
            // The other two say ROBOTS: NOINDEX, NOFOLLOW.
            for slug in ["error-code-0x15", "contact-us-by-clicking-the-headphone-button"] {
                #expect(byLoc["https://help.example.com/\(lang)/\(slug)/"] == nil, "\(lang)/\(slug)/ in the sitemap")
            }
        }
        #expect(entries.count == 5)
        #expect(byLoc["https://help.example.com/da/"] != nil && byLoc["https://help.example.com/"] != nil)

        // Without --base-url the sitemap is still absolute, on a placeholder host.
        _ = try SiteTesting.build(SiteTesting.options(content, out))
        #expect(try SiteTesting.read(out + "/sitemap.xml").contains("<loc>https://example.invalid/da/password-sync/</loc>"))
    }

    @Test("a sitemap rendered in pieces (as a build does, on several cores) is the sitemap rendered in one")
    func sitemapPieces() throws {
        func article(_ slug: String, _ language: String, _ locale: String) -> SiteArticle {
            SiteArticle(
                path: slug + ".md", slug: slug, hash: "", language: language, locale: locale, title: slug, englishTitle: slug, type: nil,
                units: 1, translated: 1, untranslated: 0, empty: 0, findings: FindingCounts(), crossFindings: FindingCounts(), media: [],
                hasStatus: false, checked: false)
        }
        let copies = (0..<7).map { article("a\($0)-<&>", $0 == 3 ? "en" : "da", "da-DK") } + [article("z", "nb", "nb-NO")]
        let articles = SiteCatalog(copies).entries
        let sitemap = SitemapWriter(baseURL: "https://help.example.com/", languages: [("da", "da-DK"), ("nb", "nb-NO"), ("en", "en-US")])
        let whole = try #require(SitemapWriter.join(sitemap.pieces(articles, count: 1).map { $0() }))
        #expect(whole.hasPrefix("<?xml") && whole.hasSuffix("</urlset>\n") && whole.contains("a6-&lt;&amp;&gt;/"))
        for count in 2...9 {
            #expect(SitemapWriter.join(sitemap.pieces(articles.reversed(), count: count).map { $0() }) == whole, "\(count) pieces")
        }
        #expect(sitemap.render(articles) == whole)
        #expect(XMLParseCheck.errorCount(whole) == 0)
    }

    @Test("the status panel: fields with no status, filled from --status, refreshed from --status-url")
    func statusPanel() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        _ = try SiteTesting.build(SiteTesting.options(content, out))
        let plain = try SiteTesting.read(out + "/da/password-sync/index.html")
        HTMLTesting.expect(
            plain, contains: #"<section class="tolk-status tolk-status-none""#, "ingen status",
            #"<span class="tolk-status-label">Synkronisering af adgangskode aktiveret</span>"#)
        HTMLTesting.expect(plain, lacks: #" data-tolk-status=""#, "connect-src")
        // An article without a binding has no panel.
        HTMLTesting.expect(try SiteTesting.read(out + "/da/error-code-0x15/index.html"), lacks: #"<section class="tolk-status"#)

        let status = root + "/status.json"
        try #"{"observedAt": "2026-11-20T09:30:00Z", "passwordSync": {"enabled": false, "lastSync": "2026-10-30T06:12:00+01:00"}}"#
            .write(toFile: status, atomically: true, encoding: .utf8)
        var options = SiteTesting.options(content, out)
        options.statusFile = status
        options.statusURL = "https://status.example.com/tenant.json"
        _ = try SiteTesting.build(options)
        let da = try SiteTesting.read(out + "/da/password-sync/index.html")
        HTMLTesting.expectWellFormed(da)
        HTMLTesting.expect(
            da, contains: #"<section class="tolk-status tolk-status-error""#, "kilde: status.json",
            #"<span class="tolk-status-value">Falsk</span>"#, "Fejl: forventet Sand",
            #"<p class="tolk-status-now tolk-status-error" data-status-field="0">"#, "connect-src https://status.example.com;",
            "data-tolk-status=\"{&quot;url&quot;:&quot;https://status.example.com/tenant.json&quot;")
        HTMLTesting.expect(da, lacks: root)  // the build machine's folders stay private
        let en = try SiteTesting.read(out + "/en/password-sync/index.html")
        HTMLTesting.expect(en, contains: #"<span class="tolk-status-value">False</span>"#, "Error: expected True", "source: status.json")
        // The panel comes under the title, inside the article.
        let title = try #require(da.range(of: "<h1"))
        let panel = try #require(da.range(of: "<section class=\"tolk-status"))
        #expect(title.lowerBound < panel.lowerBound)
    }

    @Test("links between articles go to the site's own page in the same language")
    func articleLinks() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, ["content/password-sync.md"])
        let article = """
            ---
            ms.contentlocale: da-DK
            ms.translationtype: HT
            ---
            # \(Fixtures.unit("1-101", "Links", "Links"))

            \(Fixtures.unit("1-102", "Se [synkronisering](/AlchemyInsights/password-sync) og [igen](password-sync.md#enable-password-sync).", "See [sync](/AlchemyInsights/password-sync) and [again](password-sync.md#enable-password-sync)."))

            \(Fixtures.unit("1-103", "Ukendt: [her](/AlchemyInsights/not-in-the-site).", "Unknown: [here](/AlchemyInsights/not-in-the-site)."))
            """
        try article.write(toFile: content + "/links.md", atomically: true, encoding: .utf8)
        let out = root + "/site"
        _ = try SiteTesting.build(SiteTesting.options(content, out))
        let da = try SiteTesting.read(out + "/da/links/index.html")
        HTMLTesting.expect(
            da, contains: #"<a href="../password-sync/index.html">"#, #"<a href="../password-sync/index.html#enable-password-sync">"#,
            #"<a href="https://learn.microsoft.com/da-dk/AlchemyInsights/not-in-the-site">"#)
        let en = try SiteTesting.read(out + "/en/links/index.html")
        HTMLTesting.expect(
            en, contains: #"<a href="../password-sync/index.html">"#, "https://learn.microsoft.com/en-us/AlchemyInsights/not-in-the-site")
    }

    @Test("several languages: a folder each, dir=\"rtl\" for Arabic and Hebrew, Tolk's English words marked on their pages")
    func languages() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cases = "Tests/TolkKitTests/Fixtures/cases/"
        let content = try SiteTesting.content(
            in: root,
            [
                "content/password-sync.md", cases + "92-ar-rtl.md", cases + "10-ja-password-sync.md",
                cases + "20-he-set-up-insider-risk-management.md",
            ])
        let out = root + "/site"
        let report = try SiteTesting.build(SiteTesting.options(content, out))
        #expect(report.languages == ["ar", "da", "he", "ja", "en"])
        #expect(report.pages == 8)
        let arabic = try SiteTesting.read(out + "/ar/92-ar-rtl/index.html")
        HTMLTesting.expectWellFormed(arabic)
        HTMLTesting.expect(
            arabic, contains: #"<html lang="ar-SA" dir="rtl">"#,
            ##"<a class="tolk-skip" href="#tolk-main" lang="en" dir="ltr">Skip to content</a>"##,
            #"<footer class="tolk-footer" lang="en" dir="ltr">"#)
        HTMLTesting.expect(try SiteTesting.read(out + "/en/92-ar-rtl/index.html"), contains: #"<html lang="en-US" dir="ltr">"#)
        HTMLTesting.expect(try SiteTesting.read(out + "/he/index.html"), contains: #"<html lang="he-IL" dir="rtl">"#, "<h1>עברית</h1>")
        HTMLTesting.expect(
            try SiteTesting.read(out + "/ja/index.html"), contains: "<h1>日本語</h1>", #"<div class="tolk-search" role="search" lang="en">"#)
        // Danish pages carry Tolk's words in their own language: no extra lang.
        HTMLTesting.expect(try SiteTesting.read(out + "/da/password-sync/index.html"), lacks: #"<footer class="tolk-footer" lang"#)
    }

    @Test("an --out that is the content folder, holds it, is / or is someone else's folder is refused")
    func refusedOutputs() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, ["content/password-sync.md"])
        for out in [content, root, "/"] {
            #expect(throws: SiteError.self, "\(out)") { try SiteTesting.build(SiteTesting.options(content, out)) }
        }
        let foreign = root + "/foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "keep me".write(toFile: foreign + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: SiteError.self) { try SiteTesting.build(SiteTesting.options(content, foreign)) }
        #expect(try SiteTesting.read(foreign + "/notes.txt") == "keep me")
        #expect(FileManager.default.fileExists(atPath: content + "/password-sync.md"))
    }
}
