import Foundation
import Testing

@testable import TolkKit

@Suite("search: words, ranking, an index kept up to date")
struct SearchIndexTests {
    /// A content folder of articles written by a test, and a cache folder beside it.
    final class Scratch {
        let root: URL
        var content: String { root.appendingPathComponent("content").path }
        var cache: String { root.appendingPathComponent("cache").path }
        var notes: [String] = []

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-search-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("content").path, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// Writes an article: a title unit and one paragraph unit per pair of body texts.
        func write(_ name: String, locale: String = "da-DK", title: (String, String), body: [(String, String)] = []) throws {
            var text =
                "---\nms.contentlocale: \(locale)\nms.translationtype: HT\n---\n# " + Fixtures.unit("abcde-101", title.0, title.1) + "\n"
            for (n, pair) in body.enumerated() { text += "\n" + Fixtures.unit("abcde-\(102 + n)", pair.0, pair.1) + "\n" }
            let path = content + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func index(cache: String? = nil) -> SearchIndex {
            SearchIndex(contentRoot: content, cacheDirectory: cache ?? self.cache, jobs: 2) { self.notes.append($0) }
        }

        func slugs(_ query: String, locale: String? = "da-DK", cache: String? = nil) throws -> [String] {
            let index = self.index(cache: cache)
            try index.update()
            return try index.search(query, locale: locale, limit: 10).map(\.slug)
        }
    }

    @Test("words: lower case, accents folded as each language searches, scripts without spaces by character")
    func words() {
        var danish = SearchTokenizer(language: "da")
        #expect(danish.words("Synkronisér ÅRHUS-kontoret, på Ærø") == ["synkroniser", "århus", "kontoret", "på", "ærø"])
        var swedish = SearchTokenizer(language: "sv")
        #expect(swedish.words("Åtgärda Läsfel") == ["åtgärda", "läsfel"])
        var english = SearchTokenizer(language: "en")
        #expect(english.words("Café Århus naïve") == ["cafe", "arhus", "naive"])
        var vietnamese = SearchTokenizer(language: "vi")
        #expect(vietnamese.words("Đồng bộ mật khẩu") == ["dong", "bo", "mat", "khau"])
        var chinese = SearchTokenizer(language: "zh")
        #expect(chinese.words("启用密码同步 DirSync") == ["启", "用", "密", "码", "同", "步", "dirsync"])
        // What the index stores is the same words, byte by byte.
        let mixed = "Gå til **Brugere** > Aktive brugere; 启用密码同步 (DirSync), café №5 ½ e\u{301}…"
        #expect(danish.indexText(mixed) == danish.words(mixed).joined(separator: " "))
        var thai = SearchTokenizer(language: "th")
        #expect(thai.words("รหัสผ่าน").count == "รหัสผ่าน".unicodeScalars.count)
    }

    @Test("a title match ranks above a body mention, and every word must occur")
    func ranking() throws {
        let scratch = try Scratch()
        try scratch.write(
            "mentions.md", title: ("Opret en postkasse", "Create a mailbox"),
            body: [("Du kan også dele din kalender.", "You can also share your calendar.")])
        try scratch.write("calendar.md", title: ("Del din kalender", "Share your calendar"), body: [("Vælg Del.", "Choose Share.")])
        try scratch.write("other.md", title: ("Nulstil en adgangskode", "Reset a password"))
        #expect(try scratch.slugs("kalender") == ["calendar", "mentions"])
        #expect(try scratch.slugs("del kalender") == ["calendar"])
        #expect(try scratch.slugs("postkasse kalender") == ["mentions"])
        // English finds the originals; a prefix matches the start of words.
        #expect(try scratch.slugs("calendar").first == "calendar")
        #expect(try scratch.slugs("adgangs*") == ["other"])
        // No article has every word: articles with any of them are found.
        #expect(try scratch.slugs("adgangskode zebra") == ["other"])
        #expect(try scratch.slugs("zebra").isEmpty)
    }

    @Test("Danish æ, ø, å and Swedish å, ä, ö are letters of their own; é is e")
    func nordicLetters() throws {
        let scratch = try Scratch()
        try scratch.write("da.md", title: ("Gå til Indstillinger på Ærø", "Go to Settings"), body: [("Vælg Synkronisér.", "Choose Sync.")])
        #expect(try scratch.slugs("på") == ["da"])
        #expect(try scratch.slugs("pa").isEmpty)
        #expect(try scratch.slugs("aero").isEmpty)
        #expect(try scratch.slugs("ærø") == ["da"])
        #expect(try scratch.slugs("synkroniser") == ["da"])
        try scratch.write("sv.md", locale: "sv-SE", title: ("Åtgärda läsfel", "Fix read errors"))
        // Two locales now, without locale folders: the reader's locale picks its table.
        #expect(try scratch.slugs("läsfel", locale: "sv-SE") == ["sv"])
        #expect(try scratch.slugs("lasfel", locale: "sv-SE").isEmpty)
    }

    @Test("Chinese without spaces: any run of characters finds the article")
    func chinese() throws {
        let scratch = try Scratch()
        try scratch.write(
            "sync.md", locale: "zh-CN", title: ("启用密码同步", "Enable Password Sync"), body: [("在管理中心主页上选择目录同步状态。", "Choose DirSync Status.")])
        try scratch.write("reset.md", locale: "zh-CN", title: ("重置用户密码", "Reset a user's password"))
        #expect(try scratch.slugs("密码同步", locale: "zh-CN") == ["sync"])
        #expect(
            try scratch.slugs("密码", locale: "zh-CN") == ["reset", "sync"] || scratch.slugs("密码", locale: "zh-CN") == ["sync", "reset"])
        #expect(try scratch.slugs("中心主页", locale: "zh-CN") == ["sync"])
        // Not a run of the text: found by its pairs of characters.
        #expect(try scratch.slugs("同步密码", locale: "zh-CN") == ["sync", "reset"])
        let index = scratch.index()
        try index.update()
        let hit = try #require(try index.search("目录同步", locale: "zh-CN", limit: 1).first)
        #expect(hit.snippet.text == "在管理中心主页上选择目录同步状态。")
        let marked = hit.snippet.highlights.map { String(String.UnicodeScalarView(Array(hit.snippet.text.unicodeScalars)[$0])) }
        #expect(marked == ["目录同步"])
    }

    @Test("Vietnamese is found with and without its diacritics")
    func vietnamese() throws {
        let scratch = try Scratch()
        try scratch.write("sync.md", locale: "vi-VN", title: ("Bật đồng bộ mật khẩu", "Enable Password Sync"))
        #expect(try scratch.slugs("mật khẩu", locale: "vi-VN") == ["sync"])
        #expect(try scratch.slugs("mat khau", locale: "vi-VN") == ["sync"])
        #expect(try scratch.slugs("dong bo", locale: "vi-VN") == ["sync"])
    }

    @Test("an article changed, added and deleted between two queries")
    func updates() throws {
        let scratch = try Scratch()
        try scratch.write("a.md", title: ("Del din kalender", "Share your calendar"))
        try scratch.write("b.md", title: ("Nulstil en adgangskode", "Reset a password"))
        var index = scratch.index()
        #expect(try index.update() == SearchIndex.Update(indexed: 2, fromScratch: true))
        #expect(try index.search("kalender", locale: "da-DK", limit: 5).map(\.slug) == ["a"])
        // Nothing changed: nothing is read again.
        index = scratch.index()
        #expect(try index.update() == SearchIndex.Update(unchanged: 2))
        // Changed, added, deleted.
        try scratch.write("a.md", title: ("Del din postkasse", "Share your mailbox"))
        try scratch.write("c.md", title: ("Opret en kalender", "Create a calendar"))
        try FileManager.default.removeItem(atPath: scratch.content + "/b.md")
        index = scratch.index()
        #expect(try index.update() == SearchIndex.Update(indexed: 2, removed: 1))
        #expect(try index.search("kalender", locale: "da-DK", limit: 5).map(\.slug) == ["c"])
        #expect(try index.search("postkasse", locale: "da-DK", limit: 5).map(\.slug) == ["a"])
        #expect(try index.search("adgangskode", locale: "da-DK", limit: 5).isEmpty)
        // Touched but the same bytes: the content hash says there is nothing to index.
        let later = Date().addingTimeInterval(60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: scratch.content + "/c.md")
        #expect(try scratch.index().update() == SearchIndex.Update(unchanged: 2))
        #expect(scratch.notes.isEmpty)
    }

    @Test("a corrupt or foreign index file is built again, with a note")
    func corrupt() throws {
        let scratch = try Scratch()
        try scratch.write("a.md", title: ("Del din kalender", "Share your calendar"))
        let index = scratch.index()
        try index.update()
        let file = try #require(index.file)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: file))
        #expect(try scratch.slugs("kalender") == ["a"])
        #expect(scratch.notes.count == 1)
        #expect(scratch.notes[0].contains("damaged or not Tolk's"))
        // A SQLite database of someone else's.
        try FileManager.default.removeItem(atPath: file)
        let foreign = try SQLiteDatabase(path: file)
        try foreign.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        #expect(try scratch.slugs("kalender") == ["a"])
        #expect(scratch.notes.count == 2)
    }

    @Test("a cache folder that cannot be written: search works in memory and says so once")
    func unwritableCache() throws {
        let scratch = try Scratch()
        try scratch.write("a.md", title: ("Del din kalender", "Share your calendar"))
        // A file where the folder should be: the folder cannot be made (as root too).
        let blocked = scratch.root.appendingPathComponent("blocked").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocked))
        #expect(try scratch.slugs("kalender", cache: blocked + "/tolk") == ["a"])
        #expect(scratch.notes == ["cannot keep the search index in \(blocked)/tolk (cannot create it); searching in memory"])
        #expect(scratch.index(cache: blocked + "/tolk").file == nil)
    }

    @Test("snippets: the line with the most words found, cut around them")
    func snippets() throws {
        let line = String(repeating: "ord ", count: 80) + "adgangskode synkronisering " + String(repeating: "mere ", count: 80)
        let snippet = SearchIndex.excerpt(line, highlights: [320..<331], length: 100)
        #expect(snippet.text.hasPrefix("…ord "))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.unicodeScalars.count <= 102)
        let marked = snippet.highlights.map { String(String.UnicodeScalarView(Array(snippet.text.unicodeScalars)[$0])) }
        #expect(marked == ["adgangskode"])
    }

    @Test("names near a mistyped one")
    func closest() throws {
        let scratch = try Scratch()
        try scratch.write("password-sync.md", title: ("Aktivér synkronisering af adgangskoder", "Enable password sync"))
        try scratch.write("reset-password.md", title: ("Nulstil en adgangskode", "Reset a password"))
        let index = scratch.index()
        try index.update()
        #expect(try index.closestSlugs(to: "pasword-sync") == ["password-sync"])
        #expect(try index.closestSlugs(to: "calendar").isEmpty)
    }
}
