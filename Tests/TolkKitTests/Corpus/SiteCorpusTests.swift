import Dispatch
import Foundation
import Testing

@testable import TolkKit

/// The acceptance run of `tolk site` over the whole Danish corpus, with the
/// release binary (`TOLK_BINARY`, as `make test` sets it).
@Suite(
    "Site of the corpus (da-DK, 2,913 articles)",
    .enabled(if: Fixtures.corpus != nil, "corpus not found: set TOLK_CORPUS or place shared/corpus beside the checkout"))
struct SiteCorpusTests {
    @Test("tolk site builds every article in Danish and English; every page parses; the sitemap lists each indexable one")
    func wholeCorpus() throws {
        let corpus = try #require(Fixtures.corpus)
        // The locale folder, as the issue runs it: tolk site ../shared/corpus/da-DK --out SITE_DIR
        let content = (corpus as NSString).deletingLastPathComponent
        let root = try SiteTesting.temporaryFolder("tolk-site-corpus")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/site"
        let run = try TolkProcess.run(["site", content, "--out", out, "--base-url", "https://help.example.com/"], fast: true)
        #expect(run.status == 0, "\(run.stderr.prefix(2000))")
        #expect(run.stderr.contains("built 5826 pages in da, en"), "\(run.stderr.prefix(500))")

        let articles = ArticleLocator.articles(under: content)
        #expect(articles.count == 2913)
        let da = SiteTesting.entries(out + "/da").filter { $0 != "index.html" }
        let en = SiteTesting.entries(out + "/en").filter { $0 != "index.html" }
        #expect(da.count == 2913 && Set(da) == Set(en))

        // Every page parses without error in libxml2's HTML parser.
        let pages =
            ["index.html", "da/index.html", "en/index.html", "translation-status/index.html"]
            + da.map { "da/\($0)/index.html" } + en.map { "en/\($0)/index.html" }
        let failures = FailureList()
        let noindex = FailureList()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for (i, page) in pages.enumerated() where i % 4 == worker {
                guard let html = try? String(contentsOfFile: out + "/" + page, encoding: .utf8) else {
                    failures.add("\(page): unreadable")
                    continue
                }
                let errors = HTMLParseCheck.errorCount(html)
                if errors != 0 { failures.add("\(page): \(errors) libxml2 errors") }
                if html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">") { noindex.add(page) }
            }
        }
        #expect(failures.items.isEmpty, "\(failures.items.count) pages: \(failures.items.prefix(5))")
        // Every page of an article whose front matter says ROBOTS: NOINDEX carries the robots meta tag.
        let marked = articles.filter { path in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
            let blocks = text.components(separatedBy: "---")
            return blocks.count > 2
                && blocks[1].split(separator: "\n").contains { $0.lowercased().hasPrefix("robots:") && $0.lowercased().contains("noindex") }
        }
        #expect(
            marked.count > 0 && noindex.items.count == 2 * marked.count,
            "\(noindex.items.count) pages with noindex, \(marked.count) articles")

        // The sitemap: well-formed, each page once, with its language alternate and x-default.
        let xml = try SiteTesting.read(out + "/sitemap.xml")
        #expect(XMLParseCheck.errorCount(xml) == 0)
        let entries = Dictionary(SiteTesting.sitemapEntries(xml).map { ($0.loc, $0.alternates) }, uniquingKeysWith: { a, _ in a })
        var missing: [String] = []
        let unlisted = Set(noindex.items)
        for slug in da {
            for lang in ["da", "en"] {
                let alternates = entries["https://help.example.com/\(lang)/\(slug)/"]
                if unlisted.contains("\(lang)/\(slug)/index.html") {
                    if alternates != nil { missing.append("\(lang)/\(slug)/ is noindex but listed") }
                } else if alternates?["da-DK"] != "https://help.example.com/da/\(slug)/"
                    || alternates?["en-US"] != "https://help.example.com/en/\(slug)/"
                    || alternates?["x-default"] != "https://help.example.com/en/\(slug)/"
                {
                    missing.append("\(lang)/\(slug)/")
                }
            }
        }
        #expect(missing.isEmpty, "\(missing.count) pages missing or without alternates: \(missing.prefix(5))")
        // The root, two indexes and the indexable articles' pages, by Google's hreflang rules.
        #expect(entries.count == 3 + 2 * da.count - unlisted.count)
        #expect(SiteSearchEngineTests.hreflangProblems(xml) == [])
    }
}

/// Problems found by worker threads.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [String] = []

    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
}
