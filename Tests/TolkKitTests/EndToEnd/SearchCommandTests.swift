import Foundation
import Testing

@Suite("tolk search, tolk list and show's suggestions (built binary)")
struct SearchCommandTests {
    /// The fixture of locale folders: password-sync in da, sv, vi, zh; one article in Danish only.
    let locales = Fixtures.path("site-locales")

    func run(_ arguments: [String], content: String? = nil, environment: [String: String] = [:]) throws -> TolkProcess.Output {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-search-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        var env = ["TOLK_CACHE_DIR": cache, "TOLK_CONTENT": content ?? locales]
        for (k, v) in environment { env[k] = v }
        return try TolkProcess.run(arguments, environment: env)
    }

    func json(_ output: TolkProcess.Output) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test("a Danish query: the Danish title with the English one, the name for tolk show, the languages, the snippet")
    func danish() throws {
        let out = try run(["search", "synkronisering", "adgangskoder", "--lang", "da"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Aktivér synkronisering af adgangskoder · Enable Password Sync")
        #expect(lines.dropFirst().first == "  tolk show password-sync  da-DK sv-SE vi-VN zh-CN")
        #expect(out.stdout.contains("adgangskoder"))
        #expect(!out.stdout.contains("\u{1B}["))
    }

    @Test("--json: the documented fields; an English query finds the originals")
    func jsonOutput() throws {
        let out = try run(["search", "password", "sync", "--lang", "en", "--json", "--limit", "1"])
        #expect(out.status == 0)
        let object = try json(out)
        #expect(object["tolkSearch"] as? Int == 1)
        #expect(object["query"] as? String == "password sync")
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let hit = results[0]
        #expect(Set(hit.keys) == ["slug", "path", "language", "title", "englishTitle", "languages", "snippet", "score"])
        #expect(hit["slug"] as? String == "password-sync")
        #expect(hit["title"] as? String == "Enable Password Sync")
        #expect(hit["languages"] as? [String] == ["da-DK", "sv-SE", "vi-VN", "zh-CN"])
        #expect((hit["score"] as? Double ?? 0) > 0)
    }

    @Test("Chinese and Vietnamese readers find their copies; an article their language lacks by its English")
    func otherLanguages() throws {
        let zh = try json(run(["search", "密码同步", "--lang", "zh-CN", "--json"]))
        let first = try #require((zh["results"] as? [[String: Any]])?.first)
        #expect(first["language"] as? String == "zh-CN")
        #expect(first["title"] as? String == "启用密码同步")
        let vi = try json(run(["search", "mat", "khau", "--lang", "vi", "--json"]))
        #expect((vi["results"] as? [[String: Any]])?.first?["language"] as? String == "vi-VN")
        // access-a-public-folder-calendar-in-owa is in Danish only: a Swedish reader finds it by its English.
        let sv = try json(run(["search", "public", "folder", "calendar", "--lang", "sv", "--json"]))
        let hit = try #require((sv["results"] as? [[String: Any]])?.first)
        #expect(hit["slug"] as? String == "access-a-public-folder-calendar-in-owa")
        #expect(hit["languages"] as? [String] == ["da-DK"])
        #expect(hit["title"] as? String == hit["englishTitle"] as? String)
    }

    @Test("exit status: 1 when nothing matches, 2 for usage errors")
    func exitStatus() throws {
        let none = try run(["search", "zebraqwerty", "--lang", "da"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no article matches zebraqwerty"))
        #expect(try run(["search"]).status == 2)
        #expect(try run(["search", "x", "--limit", "0"]).status == 2)
        let badLang = try run(["search", "x", "--lang", "fr"])
        #expect(badLang.status == 2)
        #expect(badLang.stderr.contains("--lang fr: the content has ar-SA, da-DK, sv-SE, vi-VN, zh-CN, en"))
    }

    @Test("colour only when asked or on a terminal: the found words in bold")
    func colour() throws {
        let out = try run(["search", "synkronisering", "--lang", "da", "--color", "always"])
        #expect(out.stdout.contains("\u{1B}[1m"))
        let plain = try run(["search", "synkronisering", "--lang", "da", "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(plain.stdout == out.stdout)  // --color always wins over NO_COLOR, as documented
    }

    @Test("tolk list: every article once, titles in the reader's language, English where it lacks one")
    func list() throws {
        let out = try run(["list", "--lang", "sv", "--json"])
        #expect(out.status == 0)
        let articles = try #require(try json(out)["articles"] as? [[String: Any]])
        #expect(articles.count == 4)
        let sync = try #require(articles.first { $0["slug"] as? String == "password-sync" })
        #expect(sync["languages"] as? [String] == ["da-DK", "sv-SE", "vi-VN", "zh-CN"])
        #expect((sync["title"] as? String)?.contains("Lösenordssynkronisering") == true)
        let danishOnly = try #require(articles.first { $0["slug"] as? String == "access-a-public-folder-calendar-in-owa" })
        #expect(danishOnly["title"] as? String == danishOnly["englishTitle"] as? String)
        let text = try run(["list", "--lang", "da"])
        #expect(text.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count == 4)
        #expect(text.stdout.contains("password-sync"))
    }

    @Test("tolk show with an unknown name suggests the nearest names and search hits, exit 2")
    func didYouMean() throws {
        let out = try run(["show", "pasword-sync", "--no-pager"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("no article named 'pasword-sync'"))
        #expect(out.stderr.contains("did you mean:\n  password-sync"))
    }
}
