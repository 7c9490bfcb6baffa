import Foundation
import Testing

@testable import TolkKit

/// What a site tells search engines: each article's `ROBOTS` directive as a robots
/// meta tag and its absence from the sitemap (unless `--index-all`), a sitemap whose
/// `hreflang` alternates follow Google's rules, escaped absolute URLs, `<lastmod>`.
@Suite("tolk site: robots, sitemap hreflang, lastmod, escaped URLs")
struct SiteSearchEngineTests {
    // MARK: Google's rules for a sitemap's hreflang alternates

    /// What breaks Google's rules for `hreflang` in `xml`, one line per problem: every `<url>`
    /// lists itself (under its language, or as `x-default`) and `x-default`, each language once; every
    /// alternate is a `<loc>` of the sitemap that lists the same alternates back (so the
    /// alternates are reciprocal); every URL absolute (http or https) and escaped.
    static func hreflangProblems(_ xml: String) -> [String] {
        var problems: [String] = []
        var byLoc: [String: [String: String]] = [:]
        let entries = SiteTesting.sitemapEntries(xml)
        for block in xml.components(separatedBy: "<url>").dropFirst() {
            let languages = block.matches(of: /hreflang="([^"]+)"/).map { String($0.1) }
            if Set(languages).count != languages.count { problems.append("a language twice: \(languages)") }
        }
        for entry in entries {
            if byLoc[entry.loc] != nil { problems.append("\(entry.loc) listed twice") }
            byLoc[entry.loc] = entry.alternates
        }
        func isEscapedAbsolute(_ url: String) -> Bool {
            (url.hasPrefix("https://") || url.hasPrefix("http://"))
                && url.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && !"\"<>\\^`{|}".unicodeScalars.contains($0) }
        }
        for (loc, alternates) in byLoc {
            if !isEscapedAbsolute(loc) { problems.append("\(loc): not an escaped absolute URL") }
            // The root lists itself as x-default: the page that chooses a language.
            if !alternates.values.contains(loc) { problems.append("\(loc) does not list itself") }
            if alternates["x-default"] == nil { problems.append("\(loc) has no x-default") }
            for (language, href) in alternates {
                if !isEscapedAbsolute(href) { problems.append("\(loc): \(language) \(href) is not an escaped absolute URL") }
                guard let back = byLoc[href] else {
                    problems.append("\(loc): \(language) \(href) is not in the sitemap")
                    continue
                }
                if back != alternates { problems.append("\(loc): \(href) does not list the same alternates back") }
            }
        }
        return problems
    }

    @Test("the hreflang checker sees a sitemap that breaks the rules")
    func checkerFails() {
        let url = { (loc: String, links: [(String, String)]) -> String in
            "<url><loc>\(loc)</loc>"
                + links.map { #"<xhtml:link rel="alternate" hreflang="\#($0.0)" href="\#($0.1)"/>"# }.joined() + "</url>"
        }
        let b = "https://h.example/"
        // The old root entry: it listed neither itself nor x-default; the indexes did not list it back.
        let old = url(b, [("da-DK", b + "da/"), ("en-US", b + "en/")]) + url(b + "da/", [("da-DK", b + "da/"), ("x-default", b + "en/")])
        #expect(!Self.hreflangProblems(old).isEmpty)
        let good = [b + "da/", b + "en/"].map { url($0, [("da-DK", b + "da/"), ("en-US", b + "en/"), ("x-default", b + "en/")]) }
        #expect(Self.hreflangProblems(good.joined()) == [])
        #expect(!Self.hreflangProblems(good[0]).isEmpty, "an alternate missing from the sitemap")
        let spaced = url(b + "a b/", [("da-DK", b + "a b/"), ("x-default", b + "a b/")])
        #expect(Self.hreflangProblems(spaced).contains { $0.contains("escaped") })
    }

    // MARK: Robots

    /// A content folder of the seed articles plus copies of `password-sync.md` whose front
    /// matter says `ROBOTS:` as given (by slug).
    static func content(in root: String, robots: [String: String]) throws -> String {
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let seed = try SiteTesting.read(content + "/password-sync.md")
        for (slug, line) in robots {
            let text = seed.replacingOccurrences(of: "ms.date: 04/21/2020\n", with: "ms.date: 04/21/2020\n" + line + "\n")
            #expect(text != seed)
            try text.write(toFile: content + "/" + slug + ".md", atomically: true, encoding: .utf8)
        }
        return content
    }

    static let variants = [
        "lower": "robots: noindex", "mixed": "Robots: NoIndex,NoFollow", "follow": "ROBOTS: NOFOLLOW", "empty": "ROBOTS: ''",
    ]

    @Test("a page carries its article's robots directive as written; NOINDEX pages stay out of the sitemap")
    func robots() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try Self.content(in: root, robots: Self.variants)
        let out = root + "/site"
        var options = SiteTesting.options(content, out)
        options.baseURL = "https://help.example.com/"
        _ = try SiteTesting.build(options)
        let expected: [String: String?] = [
            "error-code-0x15": "noindex, nofollow", "contact-us-by-clicking-the-headphone-button": "noindex, nofollow",
            "lower": "noindex", "mixed": "noindex, nofollow", "follow": "nofollow", "empty": nil, "password-sync": nil,
        ]
        let xml = try SiteTesting.read(out + "/sitemap.xml")
        let locs = Set(SiteTesting.sitemapEntries(xml).map(\.loc))
        for (slug, robots) in expected {
            for language in ["da", "en"] {
                let page = try SiteTesting.read(out + "/\(language)/\(slug)/index.html")
                let tags = page.matches(of: /<meta name="robots" content="([^"]*)">/).map { String($0.1) }
                #expect(tags == (robots.map { [$0] } ?? []), "\(language)/\(slug)")
                let listed = locs.contains("https://help.example.com/\(language)/\(slug)/")
                #expect(listed == !(robots?.contains("noindex") ?? false), "\(language)/\(slug) in the sitemap: \(listed)")
                // Alternates name the article's pages that search engines treat alike: here both
                // pages of every article (an article no engine indexes still names its languages).
                let other = language == "da" ? "en" : "da"
                #expect(page.contains("/\(other)/\(slug)/\">") && page.contains("hreflang=\"x-default\""), "\(language)/\(slug)")
            }
        }
        #expect(locs.contains("https://help.example.com/") && locs.contains("https://help.example.com/da/"))
        #expect(locs.count == 3 + 2 * 3, "\(locs.sorted())")
        #expect(Self.hreflangProblems(xml) == [])
        #expect(XMLParseCheck.errorCount(xml) == 0)
        // The manifest keeps each copy's directive and day for the next build.
        let manifest = try #require(SiteManifest.read(out + "/.tolk-site"))
        let mixed = try #require(manifest.articles.first { $0.slug == "mixed" })
        #expect(mixed.robots == "noindex, nofollow" && mixed.lastModified == "2020-04-21" && !mixed.indexable)
    }

    @Test("--index-all lists every page and writes no robots meta tag")
    func indexAll() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try Self.content(in: root, robots: Self.variants)
        let out = root + "/site"
        var options = SiteTesting.options(content, out)
        options.indexAll = true
        _ = try SiteTesting.build(options)
        let xml = try SiteTesting.read(out + "/sitemap.xml")
        #expect(SiteTesting.sitemapEntries(xml).count == 3 + 2 * 7)
        #expect(Self.hreflangProblems(xml) == [])
        for file in SiteTesting.files(out) where file.hasSuffix(".html") {
            #expect(!(try SiteTesting.read(out + "/" + file)).contains("name=\"robots\""), "\(file)")
        }
        let page = try SiteTesting.read(out + "/da/error-code-0x15/index.html")
        #expect(page.contains(#"<link rel="alternate" hreflang="x-default" href="../../en/error-code-0x15/index.html">"#))
        // Without it the same site is built anew (the pages differ), not taken over incrementally.
        options.indexAll = false
        options.incremental = true
        let again = try SiteTesting.build(options)
        #expect(!again.incremental)
        #expect(try SiteTesting.read(out + "/da/error-code-0x15/index.html").contains("<meta name=\"robots\""))
    }

    // MARK: Sitemap and hreflang

    @Test("lastmod is the article's ms.date as YYYY-MM-DD; none without a readable date")
    func lastModified() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let seed = try SiteTesting.read(content + "/password-sync.md")
        try seed.replacingOccurrences(of: "ms.date: 04/21/2020", with: "ms.date: 2/31/2021")
            .write(toFile: content + "/undated.md", atomically: true, encoding: .utf8)
        try seed.replacingOccurrences(of: "ms.date: 04/21/2020", with: "ms.date: 9/5/2021")
            .write(toFile: content + "/short.md", atomically: true, encoding: .utf8)
        let out = root + "/site"
        _ = try SiteTesting.build(SiteTesting.options(content, out))
        let xml = try SiteTesting.read(out + "/sitemap.xml")
        func lastmod(_ path: String) -> [String] {
            guard
                let block = xml.components(separatedBy: "<url>").first(where: { $0.contains("<loc>https://example.invalid/\(path)</loc>") })
            else { return ["not listed"] }
            return block.matches(of: /<lastmod>([^<]*)<\/lastmod>/).map { String($0.1) }
        }
        #expect(lastmod("da/password-sync/") == ["2020-04-21"] && lastmod("en/password-sync/") == ["2020-04-21"])
        #expect(lastmod("da/short/") == ["2021-09-05"])
        #expect(lastmod("da/undated/") == [], "February has no 31st")
        // lastmod follows loc, before the alternates (the sitemap schema's order).
        #expect(xml.contains("<loc>https://example.invalid/da/password-sync/</loc>\n    <lastmod>2020-04-21</lastmod>\n    <xhtml:link"))
        #expect(XMLParseCheck.errorCount(xml) == 0)
    }

    @Test("a base URL with a space is escaped in the sitemap and the pages; the root's hreflang links are absolute")
    func escapedBaseURL() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        var options = SiteTesting.options(content, out)
        options.baseURL = "https://help.example.com/my docs"
        _ = try SiteTesting.build(options)
        let base = "https://help.example.com/my%20docs/"
        let xml = try SiteTesting.read(out + "/sitemap.xml")
        #expect(!xml.contains("my docs"))
        #expect(xml.contains("<loc>\(base)da/password-sync/</loc>"))
        #expect(Self.hreflangProblems(xml) == [])
        let rootPage = try SiteTesting.read(out + "/index.html")
        HTMLTesting.expect(
            rootPage, contains: #"<link rel="canonical" href="\#(base)">"#,
            #"<link rel="alternate" hreflang="da-DK" href="\#(base)da/">"#,
            #"<link rel="alternate" hreflang="en-US" href="\#(base)en/">"#,
            #"<link rel="alternate" hreflang="x-default" href="\#(base)">"#,
            // The language choice itself stays relative.
            #"href="da/index.html" hreflang="da""#)
        let index = try SiteTesting.read(out + "/en/index.html")
        HTMLTesting.expect(
            index, contains: #"<link rel="alternate" hreflang="da-DK" href="\#(base)da/">"#,
            #"<link rel="alternate" hreflang="x-default" href="\#(base)">"#)
        let page = try SiteTesting.read(out + "/da/password-sync/index.html")
        HTMLTesting.expect(
            page, contains: #"<link rel="canonical" href="\#(base)da/password-sync/">"#,
            #"<link rel="alternate" hreflang="da-DK" href="\#(base)da/password-sync/">"#,
            #"<link rel="alternate" hreflang="x-default" href="\#(base)en/password-sync/">"#)
        HTMLTesting.expect(page, lacks: "my docs")
        // The sitemap's and the page heads' alternates are the same, for the root and the indexes too.
        Self.expectHeadsMatchSitemap(out, xml: xml, base: base)
    }

    @Test("a day of the calendar from ms.date, leap years included")
    func days() throws {
        func day(_ date: String) throws -> String? {
            SiteSearchEngines.lastModified(
                of: try Fixtures.article(text: "---\ntitle: T\nms.date: \(date)\n---\n# " + Fixtures.unit("abcde-102", "A", "B") + "\n"))
        }
        #expect(try day("2/29/2020") == "2020-02-29" && day("2/29/2021") == nil && day("2/29/1900") == nil && day("2/29/2000") != nil)
        #expect(try day("2021-04-30T03:45:07Z") == "2021-04-30" && day("4/31/2021") == nil && day("12/31/2021") == "2021-12-31")
        #expect(try day("''") == nil && day("soon") == nil)
    }

    @Test("URL escaping: what may not stand in a URL, once")
    func escaping() {
        #expect(SiteSearchEngines.escaped("https://h.example/my docs/") == "https://h.example/my%20docs/")
        #expect(SiteSearchEngines.escaped("https://h.example/a%20b/") == "https://h.example/a%20b/")
        #expect(SiteSearchEngines.escaped("https://h.example/50%/æ\"<") == "https://h.example/50%25/%C3%A6%22%3C")
        #expect(SiteSearchEngines.escaped("https://h.example/~a-b_c.d/") == "https://h.example/~a-b_c.d/")
        #expect(SiteSearchEngines.directive(" NOINDEX ,, NoFollow ") == "noindex, nofollow")
        #expect(SiteSearchEngines.isNoindex("none") && SiteSearchEngines.isNoindex("nofollow, noindex"))
        #expect(!SiteSearchEngines.isNoindex("nofollow") && !SiteSearchEngines.isNoindex(nil) && !SiteSearchEngines.isNoindex("noindexed"))
    }

    /// Every page listed in the sitemap names in its head the alternates the sitemap lists for it.
    static func expectHeadsMatchSitemap(
        _ out: String, xml: String, base: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for entry in SiteTesting.sitemapEntries(xml) {
            let path = String(entry.loc.dropFirst(base.count)) + "index.html"
            guard let page = try? SiteTesting.read(out + "/" + path) else {
                Issue.record("\(path) is not there", sourceLocation: sourceLocation)
                continue
            }
            var head: [String: String] = [:]
            for match in page.matches(of: /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/) {
                head[String(match.1)] = String(match.2)
            }
            #expect(head == entry.alternates, "\(path)", sourceLocation: sourceLocation)
            #expect(!page.contains("<meta name=\"robots\" content=\"noindex"), "\(path)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Many languages

    @Test("copies that differ in robots: each page follows its own copy; the alternates stay reciprocal")
    func multilingual() throws {
        let root = try SiteTesting.temporaryFolder("tolk-seo")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = root + "/content"
        try FileManager.default.copyItem(atPath: MultilingualSiteTests.content, toPath: content)
        // The Swedish and Chinese copies of the Dropbox article may be indexed, the Danish and Vietnamese not.
        for locale in ["sv-SE", "zh-CN"] {
            let path = content + "/\(locale)/AlchemyInsights/migrate-files-from-dropbox.md"
            let text = try SiteTesting.read(path)
            #expect(text.contains("ROBOTS: NOINDEX, NOFOLLOW\n"))
            try text.replacingOccurrences(of: "ROBOTS: NOINDEX, NOFOLLOW\n", with: "").write(
                toFile: path, atomically: true, encoding: .utf8)
        }
        let out = root + "/site"
        var options = SiteTesting.options(content, out)
        options.baseURL = "https://help.example.com/"
        _ = try SiteTesting.build(options)
        let xml = try SiteTesting.read(out + "/sitemap.xml")
        #expect(Self.hreflangProblems(xml) == [])
        Self.expectHeadsMatchSitemap(out, xml: xml, base: "https://help.example.com/")
        let locs = Set(SiteTesting.sitemapEntries(xml).map(\.loc))
        let b = "https://help.example.com/"
        #expect(locs.isSuperset(of: [b + "sv/migrate-files-from-dropbox/", b + "zh/migrate-files-from-dropbox/"]))
        #expect(locs.isDisjoint(with: [b + "da/migrate-files-from-dropbox/", b + "vi/migrate-files-from-dropbox/"]))
        // The English page follows the copy it was rendered from: listed exactly when it carries no noindex.
        let english = try SiteTesting.read(out + "/en/migrate-files-from-dropbox/index.html")
        #expect(locs.contains(b + "en/migrate-files-from-dropbox/") == !english.contains("<meta name=\"robots\""))
        let danish = try SiteTesting.read(out + "/da/migrate-files-from-dropbox/index.html")
        HTMLTesting.expect(danish, contains: #"<meta name="robots" content="noindex, nofollow">"#)
        let swedish = try SiteTesting.read(out + "/sv/migrate-files-from-dropbox/index.html")
        HTMLTesting.expect(swedish, lacks: #"<meta name="robots""#, #"hreflang="da-DK" href="https"#)
        // The switch still names every language.
        #expect(swedish.matches(of: /data-lang-switch>/).count == 4)
        // Articles noindex in every copy are not listed at all; the root and indexes are.
        #expect(!locs.contains { $0.contains("access-a-public-folder-calendar-in-owa") || $0.contains("reset-a-users-password") })
        #expect(locs.isSuperset(of: [b, b + "ar/", b + "da/", b + "sv/", b + "vi/", b + "zh/", b + "en/"]))
    }
}
