import Foundation
import Testing

@testable import TolkKit

/// A site from a folder of locale folders (`Fixtures/site-locales`: da-DK, sv-SE,
/// zh-CN, vi-VN, ar-SA): each article once per language under one slug, one
/// English page from the newest English, every language in the switch, the
/// alternates and the sitemap, indexes of every article, the status matrix.
@Suite("A site in many languages")
struct MultilingualSiteTests {
    static let content = Fixtures.packageRoot.appendingPathComponent("Tests/TolkKitTests/Fixtures/site-locales").path

    /// Builds the fixture site (with `languages`, when given) and returns its folder.
    static func build(languages: [String]? = nil) throws -> (out: String, report: SiteBuilder.Report) {
        let root = try SiteTesting.temporaryFolder("tolk-ml")
        var options = SiteTesting.options(content, root + "/site")
        options.languages = languages
        return (root + "/site", try SiteTesting.build(options))
    }

    @Test("each article has a page per language under one slug, and one English page")
    func pages() throws {
        let (out, report) = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let pages = SiteTesting.files(out).filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 }
        #expect(
            Set(pages) == [
                "da/password-sync/index.html", "sv/password-sync/index.html", "zh/password-sync/index.html", "vi/password-sync/index.html",
                "en/password-sync/index.html", "da/migrate-files-from-dropbox/index.html", "sv/migrate-files-from-dropbox/index.html",
                "zh/migrate-files-from-dropbox/index.html", "vi/migrate-files-from-dropbox/index.html",
                "en/migrate-files-from-dropbox/index.html", "da/access-a-public-folder-calendar-in-owa/index.html",
                "en/access-a-public-folder-calendar-in-owa/index.html", "ar/reset-a-users-password/index.html",
                "en/reset-a-users-password/index.html",
            ])
        #expect(report.articles == 4 && report.pages == 14 && report.languages == ["ar", "da", "sv", "vi", "zh", "en"])
        // Each page's lang and direction come from its locale folder.
        let zh = try SiteTesting.read(out + "/zh/password-sync/index.html")
        #expect(zh.contains("<html lang=\"zh-CN\" dir=\"ltr\">"))
        let ar = try SiteTesting.read(out + "/ar/reset-a-users-password/index.html")
        #expect(ar.contains("<html lang=\"ar-SA\" dir=\"rtl\">"))
    }

    @Test("the English page shows the newest English; each translation keeps its own originals")
    func newestEnglish() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let english = try SiteTesting.read(out + "/en/migrate-files-from-dropbox/index.html")
        #expect(english.contains("Collaborate all in one place by migrating your Dropbox documents"))
        #expect(!english.contains("If you are migrating from Dropbox to SharePoint Online"))
        let danish = try SiteTesting.read(out + "/da/migrate-files-from-dropbox/index.html")
        #expect(danish.contains("If you are migrating from Dropbox to SharePoint Online"))
        let vietnamese = try SiteTesting.read(out + "/vi/migrate-files-from-dropbox/index.html")
        #expect(vietnamese.contains("Collaborate all in one place by migrating your Dropbox documents"))
    }

    @Test("the language switch and the alternates name every language of the article, with x-default")
    func switcher() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let page = try SiteTesting.read(out + "/sv/password-sync/index.html")
        let links = page.matches(of: /<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" rel="alternate" data-lang-switch>/).map {
            (String($0.1), String($0.2))
        }
        #expect(
            links.map(\.0) == [
                "../../da/password-sync/index.html", "../../vi/password-sync/index.html", "../../zh/password-sync/index.html",
                "../../en/password-sync/index.html",
            ])
        #expect(page.contains("<span aria-current=\"page\" lang=\"sv\">"))
        let alternates = page.matches(of: /<link rel="alternate" hreflang="([^"]+)"/).map { String($0.1) }
        #expect(alternates == ["da-DK", "sv-SE", "vi-VN", "zh-CN", "en-US", "x-default"])
        // An article in Arabic only (and English): its switch names those two.
        let arabic = try SiteTesting.read(out + "/ar/reset-a-users-password/index.html")
        #expect(arabic.matches(of: /data-lang-switch>/).count == 1 && arabic.contains("../../en/reset-a-users-password/index.html"))
    }

    @Test("each index lists every article; the untranslated ones are marked and link to English")
    func indexes() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let danish = try SiteTesting.read(out + "/da/index.html")
        let list = try #require(danish.firstMatch(of: /<ul id="tolk-index-list"[^>]*>(.*?)<\/ul>/.dotMatchesNewlines()))
        let entries = String(list.1).matches(of: /<li[^>]*><a href="([^"]+)"/).map { String($0.1) }
        #expect(entries.count == 4)
        #expect(entries.contains("../en/reset-a-users-password/index.html"))
        #expect(danish.contains("<span class=\"tolk-index-english-only\" lang=\"da\" dir=\"ltr\">kun på engelsk</span>"))
        let swedish = try SiteTesting.read(out + "/sv/index.html")
        #expect(
            swedish.contains("href=\"../en/access-a-public-folder-calendar-in-owa/index.html\" lang=\"en\" dir=\"ltr\" hreflang=\"en\""))
        #expect(swedish.contains("lang=\"en\" dir=\"ltr\">in English only</span>"))
        let english = try SiteTesting.read(out + "/en/index.html")
        #expect(english.matches(of: /<li><a href="[^".\/]+\/index.html">/).count == 4)
        // The root page offers every language, with its whole tag for the best match.
        let root = try SiteTesting.read(out + "/index.html")
        #expect(root.contains("data-lang-choice=\"zh\" data-locale=\"zh-CN\""))
        #expect(root.contains("data-lang-choice=\"ar\" data-locale=\"ar-SA\""))
    }

    @Test("the translation-status page is a matrix of articles × languages with a total row per language")
    func statusMatrix() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let page = try SiteTesting.read(out + "/translation-status/index.html")
        let columns = page.matches(of: /data-sort-column="(\d+)">([^<]+)</).map { String($0.2) }
        #expect(columns.count == 6 && columns.first == "Article")
        let rows = page.matches(of: /<tr data-problems="[01]" data-rank="\d+">.*?<\/tr>/.dotMatchesNewlines()).map { String($0.0) }
        #expect(rows.count == 4)
        let dropbox = try #require(rows.first { $0.contains("migrate-files-from-dropbox.md") })
        #expect(dropbox.matches(of: /tolk-outdated/).count == 2)
        let reset = try #require(rows.first { $0.contains("reset-a-users-password.md") })
        #expect(reset.matches(of: /tolk-missing/).count == 4)
        // Totals: Danish has 3 of the 4 articles, 1 outdated.
        let danish = try #require(page.firstMatch(of: /<tr><th scope="row"><a href="..\/da\/index.html"[^>]*>[^<]+<\/a><\/th>(.*?)<\/tr>/))
        let cells = String(danish.1).matches(of: /<td class="tolk-num[^"]*">([^<]+)/).map {
            String($0.1).trimmingCharacters(in: .whitespaces)
        }
        #expect(Array(cells.prefix(3)) == ["3", "1", "1"])
    }

    @Test("the sitemap lists every page with every language of its article and x-default")
    func sitemap() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let sitemap = try SiteTesting.read(out + "/sitemap.xml")
        let urls = sitemap.matches(of: /<url>\s*<loc>([^<]+)<\/loc>(.*?)<\/url>/.dotMatchesNewlines()).map { (String($0.1), String($0.2)) }
        let sync = try #require(urls.first { $0.0 == "https://example.invalid/zh/password-sync/" })
        let hreflangs = sync.1.matches(of: /hreflang="([^"]+)"/).map { String($0.1) }
        #expect(hreflangs == ["da-DK", "sv-SE", "vi-VN", "zh-CN", "en-US", "x-default"])
        #expect(XMLParseCheck.errorCount(sitemap) == 0)
    }

    @Test("--languages builds some languages only")
    func someLanguages() throws {
        let (out, report) = try Self.build(languages: ["da", "en"])
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        #expect(report.languages == ["da", "en"])
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == ["assets", "da", "en", "index.html", "search", "sitemap.xml", "translation-status"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/search").sorted() == ["da", "en"])
        let page = try SiteTesting.read(out + "/da/password-sync/index.html")
        #expect(page.matches(of: /data-lang-switch>/).count == 1)
        // The English page of an article only in other languages is not built either.
        #expect(!FileManager.default.fileExists(atPath: out + "/en/reset-a-users-password/index.html"))
    }

    @Test("an incremental build renders again every copy of a changed article, and only those")
    func incremental() throws {
        let root = try SiteTesting.temporaryFolder("tolk-ml-inc")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Self.content, toPath: root + "/content")
        var options = SiteTesting.options(root + "/content", root + "/site")
        options.incremental = true
        _ = try SiteTesting.build(options)
        let swedish = root + "/content/sv-SE/AlchemyInsights/password-sync.md"
        let text = try SiteTesting.read(swedish)
        let changed = text.replacingOccurrences(of: "Aktivera", with: "Slå på")
        #expect(changed != text)
        try changed.write(toFile: swedish, atomically: true, encoding: .utf8)
        let report = try SiteTesting.build(options)
        #expect(report.incremental && report.rendered == 4 && report.reused == 6)
        #expect(try SiteTesting.read(root + "/site/sv/password-sync/index.html").contains("Slå på"))
        #expect(try SiteTesting.read(root + "/site/da/password-sync/index.html").contains("../../sv/password-sync/index.html"))
    }

    @Test("dates in the page's language; no footer links to its own page")
    func readerDetails() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let danish = try SiteTesting.read(out + "/da/password-sync/index.html")
        #expect(danish.contains("<time datetime=\"2020-09-14\">14. september 2020</time>"))
        let chinese = try SiteTesting.read(out + "/zh/password-sync/index.html")
        #expect(chinese.contains("<time datetime=\"2020-09-14\" lang=\"zh-CN\" dir=\"ltr\">2020年9月14日</time>"))
        let root = try SiteTesting.read(out + "/index.html")
        let footer = try #require(root.firstMatch(of: /<footer.*?<\/footer>/.dotMatchesNewlines()))
        #expect(!footer.0.contains("href=\"\"") && !footer.0.contains("index.html#choose") && !footer.0.contains(" · </p>"))
        let status = try SiteTesting.read(out + "/translation-status/index.html")
        let statusFooter = try #require(status.firstMatch(of: /<footer.*?<\/footer>/.dotMatchesNewlines()))
        #expect(!statusFooter.0.contains("translation-status/index.html"))
    }

    @Test("titles are sorted by the language's collation")
    func collation() {
        let titles = ["Åben", "Zebra", "apple", "10 trin", "2 trin", "Ærlig", "Øl", "Ändra", "Öppna"]
        func order(_ language: String) -> [String] {
            TitleCollation(language: language).order(of: titles).map { titles[$0] }
        }
        #expect(order("da") == ["2 trin", "10 trin", "apple", "Zebra", "Ändra", "Ærlig", "Øl", "Öppna", "Åben"])
        // Swedish sorts ø as ö (Øl before Öppna) and æ as ä.
        #expect(order("sv") == ["2 trin", "10 trin", "apple", "Zebra", "Åben", "Ändra", "Ærlig", "Øl", "Öppna"])
        #expect(order("en").prefix(4) == ["2 trin", "10 trin", "Åben", "Ærlig"])
    }
}
