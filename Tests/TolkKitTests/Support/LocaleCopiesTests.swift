import Foundation
import Testing

@testable import TolkKit

@Suite("An article's copies in locale folders")
struct LocaleCopiesTests {
    @Test("Locale folders are named by BCP 47 tags", arguments: ["da-DK", "zh-CN", "sv", "zh-Hans", "sr-Latn-RS", "es-419"])
    func tags(_ name: String) {
        #expect(ArticleLocator.isLocaleTag(name))
    }

    @Test(
        "Other folder names are not locale folders",
        arguments: [
            "AlchemyInsights", "includes", "d", "da-", "da_DK", "en-US-x-y-z", "123", "dk-ÆØ", "wt-scripts", "my-docs", "xx-YY", "ios",
        ])
    func notTags(_ name: String) {
        #expect(!ArticleLocator.isLocaleTag(name))
    }

    @Test("A folder named like a locale deep in a path is one only when Foundation knows its parts")
    func localeFolderInPath() {
        #expect(LocaleFolder(path: "/repo/da-DK/AlchemyInsights/a.md")?.name == "da-DK")
        #expect(LocaleFolder(path: "/repo/zh-Hans/AlchemyInsights/a.md")?.name == "zh-Hans")
        #expect(LocaleFolder(path: "/work/wt-scripts/Tests/a.md") == nil)
        #expect(LocaleFolder(path: "/home/me/my-docs/a.md") == nil)
        #expect(LocaleFolder(path: "/repo/sv/AlchemyInsights/a.md") == nil)
    }

    @Test("The copies of a slug, one per locale folder, at any depth below it")
    func copies() {
        let locator = ArticleLocator(contentDirectory: Fixtures.path("locales"))
        #expect(locator.localeFolders() == ["da-DK", "sv-SE"])
        let copies = locator.copies(of: "password-sync")
        #expect(copies.map(\.locale) == ["da-DK", "sv-SE"])
        #expect(
            copies.allSatisfy { $0.path.hasSuffix("/AlchemyInsights/password-sync.md") && FileManager.default.fileExists(atPath: $0.path) })
        #expect(locator.copies(of: "access-a-public-folder-calendar-in-owa").map(\.locale) == ["da-DK"])
        #expect(locator.copies(of: "no-such-article").isEmpty)
        #expect(ArticleLocator(contentDirectory: Fixtures.packageRoot.appendingPathComponent("content").path).localeFolders().isEmpty)
    }

    @Test("A reader's locale picks the same tag, else the same language")
    func pick() {
        let copies = [
            LocaleCopy(locale: "pt-BR", path: "b"), LocaleCopy(locale: "pt-PT", path: "p"), LocaleCopy(locale: "sv-SE", path: "s"),
        ]
        #expect(ArticleLocator.copy(for: "pt_PT.UTF-8", in: copies)?.path == "p")
        #expect(ArticleLocator.copy(for: "pt", in: copies)?.path == "b")
        #expect(ArticleLocator.copy(for: "sv-FI", in: copies)?.path == "s")
        #expect(ArticleLocator.copy(for: "de_DE.UTF-8", in: copies) == nil)
        #expect(ArticleLocator.copy(for: "C", in: copies) == nil)
    }

    @Test("The newest English: the latest ms.lasthandoff, then ms.date, else the first")
    func newest() throws {
        func article(_ path: String, handoff: String?, date: String) throws -> Article {
            let meta = "---\ntitle: T\nms.date: \(date)\n" + (handoff.map { "ms.lasthandoff: \($0)\n" } ?? "") + "---\n"
            return try Fixtures.article(text: meta + Fixtures.unit("a-1", "x", "y") + "\n", path: path)
        }
        let old = try article("old", handoff: "05/28/2020", date: "12/18/2021")
        let new = try article("new", handoff: "01/02/2021", date: "12/18/2019")
        let undated = try article("undated", handoff: nil, date: "12/18/2022")
        #expect(Article.newestEnglish([old, new, undated])?.path == "new")
        #expect(Article.newestEnglish([undated])?.path == "undated")
        let sameA = try article("a", handoff: "01/02/2021", date: "01/01/2020")
        let sameB = try article("b", handoff: "01/02/2021", date: "01/01/2020")
        #expect(Article.newestEnglish([sameA, sameB])?.path == "a")
        #expect(Article.newestEnglish([]) == nil)
    }
}
