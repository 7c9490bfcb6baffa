import Foundation
import Testing

@testable import TolkKit

/// The site's full-text search data, as the index page's script reads it.
@Suite("tolk site: full-text search data")
struct SiteSearchDataTests {
    /// A language's search data, read back: word → [(doc, score)], the documents, the meta.
    struct Data {
        var words: [String: [(doc: Int, score: Int)]] = [:]
        var documents: [[String]] = []
        var meta: [String: Any] = [:]
        var pieces: [String] = []

        init(_ folder: String) throws {
            let metaText = try SiteTesting.read(folder + "/meta.json")
            meta = try #require(JSONSerialization.jsonObject(with: Foundation.Data(metaText.utf8)) as? [String: Any])
            pieces = try #require(meta["pieces"] as? [String])
            for (n, first) in pieces.enumerated() {
                let text = try SiteTesting.read(folder + "/w/\(n).json")
                let piece = try #require(JSONSerialization.jsonObject(with: Foundation.Data(text.utf8)) as? [String: [Int]])
                for (word, list) in piece {
                    // Every word lies in its piece's range, in code point order.
                    #expect(!word.utf8.lexicographicallyPrecedes(first.utf8))
                    if n + 1 < pieces.count { #expect(word.utf8.lexicographicallyPrecedes(pieces[n + 1].utf8)) }
                    var doc = 0
                    var postings: [(Int, Int)] = []
                    for k in stride(from: 0, to: list.count, by: 2) {
                        doc += list[k]
                        postings.append((doc, list[k + 1]))
                    }
                    words[word] = postings
                }
            }
            let perPiece = try #require(meta["docsPerPiece"] as? Int)
            let count = try #require(meta["docs"] as? Int)
            for n in 0..<(count + perPiece - 1) / perPiece {
                let text = try SiteTesting.read(folder + "/d/\(n).json")
                documents += try #require(JSONSerialization.jsonObject(with: Foundation.Data(text.utf8)) as? [[String]])
            }
        }

        /// The URLs of the documents a word occurs in, best score first.
        func urls(_ word: String) -> [String] {
            (words[word] ?? []).sorted { $0.score > $1.score }.map { documents[$0.doc][0] }
        }
    }

    @Test("each language: its own copies, the English of articles it lacks, words in pieces")
    func danish() throws {
        let (out, _) = try MultilingualSiteTests.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let da = try Data(out + "/search/da")
        #expect(da.documents.count == 4)
        #expect(da.documents.contains(["password-sync/index.html", "Aktivér synkronisering af adgangskoder", "Enable Password Sync"]))
        // Not in Danish: found by its English, on the English page.
        #expect(da.documents.contains { $0[0] == "../en/reset-a-users-password/index.html" && $0[2] == "" })
        // A word of one article's body only; a word of a title ranks that article first.
        #expect(da.urls("hierarkiet") == ["access-a-public-folder-calendar-in-owa/index.html"])
        #expect(da.urls("dropbox").first == "migrate-files-from-dropbox/index.html")
        // The English originals are the English index's: in Danish, English words find the English-only pages.
        #expect(da.urls("password") == ["../en/reset-a-users-password/index.html"])
        #expect(da.pieces.count >= 2)
        let fold = try #require(da.meta["fold"] as? [String: String])
        #expect(fold["å"] == "å" && fold["æ"] == "æ" && fold["ø"] == "ø")
        // The index page names the data and lets its script fetch from the site itself.
        let index = try SiteTesting.read(out + "/da/index.html")
        #expect(index.contains("data-search=\"../search/da/\""))
        #expect(index.contains("connect-src &#39;self&#39;"))
    }

    @Test("Chinese: each character a word, and each pair of neighbours, so runs are found in order")
    func chinese() throws {
        let (out, _) = try MultilingualSiteTests.build()
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let zh = try Data(out + "/search/zh")
        #expect(zh.urls("密码").contains("password-sync/index.html"))
        #expect(zh.urls("同步").contains("password-sync/index.html"))
        #expect(!(zh.words["密"] ?? []).isEmpty)
        let unspaced = try #require(zh.meta["unspaced"] as? String)
        #expect(unspaced.contains("密") && !unspaced.contains("a"))
        // The English index searches English only.
        let en = try Data(out + "/search/en")
        #expect(en.words["密码"] == nil)
        #expect(en.urls("dropbox").first == "migrate-files-from-dropbox/index.html")
    }

    @Test("--no-search: no search data, and the index filters titles only")
    func noSearch() throws {
        let root = try SiteTesting.temporaryFolder("tolk-nosearch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = SiteTesting.options(MultilingualSiteTests.content, root + "/site")
        options.searchData = false
        _ = try SiteTesting.build(options)
        #expect(!FileManager.default.fileExists(atPath: root + "/site/search/da"))
        let index = try SiteTesting.read(root + "/site/da/index.html")
        #expect(!index.contains("data-search=\"") && !index.contains("connect-src"))
    }

    @Test("an incremental build keeps the search data of the articles it did not render, from the search cache")
    func incremental() throws {
        let root = try SiteTesting.temporaryFolder("tolk-search-inc")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        var options = SiteTesting.options(content, root + "/site")
        options.incremental = true
        options.checkCacheDirectory = root + "/cache"
        _ = try SiteTesting.build(options)
        let before = try Data(root + "/site/search/da")
        // One article changes: the others come from the cache, not from a parse.
        let seed = content + "/error-code-0x15.md"
        let text = try SiteTesting.read(seed).replacingOccurrences(of: "Fjernskrivebord", with: "Fjernskrivebordzebra")
        try text.write(toFile: seed, atomically: true, encoding: .utf8)
        let report = try SiteTesting.build(options)
        #expect(report.incremental && report.rendered == 1)
        let after = try Data(root + "/site/search/da")
        #expect(after.documents.count == before.documents.count)
        #expect(after.urls("fjernskrivebordzebra") == ["error-code-0x15/index.html"])
        #expect(after.urls("adgangskode") == before.urls("adgangskode"))
        // Without the cache, the articles kept are parsed for their words.
        try FileManager.default.removeItem(atPath: root + "/cache")
        try (text + "\n").write(toFile: seed, atomically: true, encoding: .utf8)
        _ = try SiteTesting.build(options)
        #expect(try Data(root + "/site/search/da").urls("adgangskode") == before.urls("adgangskode"))
    }
}
