import Foundation
import Testing
import TolkKit

@Suite("tolk check and tolk stats (built binary)")
struct CheckCommandTests {
    let seed = Fixtures.path("articles/password-sync.md")

    @Test("the seed article: the UI paths machine translation broke, at their line and column")
    func seedPaths() throws {
        let out = try TolkProcess.run(["check", seed])
        #expect(out.status == 1)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.hasPrefix("\(seed):28:63: error: [TOLK305 ui-path-broken]") && $0.contains("**Aktive** **brugere** \\> ,") }
        )
        #expect(lines.contains { $0.hasPrefix("\(seed):28:118: error: [TOLK305 ui-path-broken]") && $0.contains("**skal** \\> du vælge") })
        #expect(lines.last?.hasSuffix("in 1 article") == true || lines.last?.contains("in 1 article") == true)
    }

    @Test("--fail-on decides the exit status")
    func failOn() throws {
        #expect(try TolkProcess.run(["check", seed, "--fail-on", "never"]).status == 0)
        let clean = Fixtures.path("articles/create-email-signature-in-outlook-on-the-web.md")
        #expect(try TolkProcess.run(["check", clean, "--fail-on", "error"]).status == 0)
        #expect(try TolkProcess.run(["check", clean, "--fail-on", "warning"]).status == 1)
    }

    @Test("--min-coverage fails when too few units are translated")
    func coverage() throws {
        let text =
            "---\nms.contentlocale: da-DK\nms.translationtype: HT\n---\n# " + Fixtures.unit("abcde-102", "Titel", "Title") + "\n\n"
            + Fixtures.unit("abcde-103", "Choose the user account to reset.", "Choose the user account to reset.") + "\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-cov-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try TolkProcess.run(["check", path, "--fail-on", "never", "--min-coverage", "40"]).status == 0)
        let low = try TolkProcess.run(["check", path, "--fail-on", "never", "--min-coverage", "60"])
        #expect(low.status == 1)
        #expect(low.stderr.contains("coverage 50.0% of 2 units is below --min-coverage 60.0%"))
    }

    @Test("every format, written atomically with -o", arguments: ["json", "sarif", "junit", "github", "text"])
    func formats(_ format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report").path
        let out = try TolkProcess.run(["check", seed, "--format", format, "-o", file])
        #expect(out.status == 1)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("TOLK305"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report"])
        if format == "github" { #expect(written.hasPrefix("tolk: ")) }
    }

    @Test("configuration: a rule turned off, a severity changed, a skipped path; inline suppression")
    func configuration() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("skipped"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let seedText = try String(contentsOfFile: seed, encoding: .utf8)
        try seedText.write(to: dir.appendingPathComponent("password-sync.md"), atomically: true, encoding: .utf8)
        try seedText.write(to: dir.appendingPathComponent("skipped/copy.md"), atomically: true, encoding: .utf8)
        try "rules:\n  ui-path-broken: warning\n  TOLK306: off\nskip: [\"skipped/**\"]\n".write(
            to: dir.appendingPathComponent(".tolk.yml"), atomically: true, encoding: .utf8)
        let out = try TolkProcess.run(["check", dir.path, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(!findings.contains { ($0["path"] as? String)?.contains("skipped") == true })
        #expect(!findings.contains { $0["rule"] as? String == "TOLK306" })
        #expect(findings.filter { $0["rule"] as? String == "TOLK305" }.allSatisfy { $0["severity"] as? String == "warning" })
        #expect(json["articles"] as? Int == 1)

        // Suppress TOLK305 for unit 104 inline, and every rule in another file.
        let suppressed = seedText.replacingOccurrences(
            of: "     <span data-ttu-id=\"4d25d-104\">", with: "     <!-- tolk-ignore TOLK305 --><span data-ttu-id=\"4d25d-104\">")
        try suppressed.write(to: dir.appendingPathComponent("password-sync.md"), atomically: true, encoding: .utf8)
        let after = try TolkProcess.run(["check", dir.path, "--format", "json"])
        #expect(!after.stdout.contains("TOLK305"))
        #expect(after.stdout.contains("TOLK501"))

        try "rules:\n  no-such-rule: off\n".write(to: dir.appendingPathComponent(".tolk.yml"), atomically: true, encoding: .utf8)
        let bad = try TolkProcess.run(["check", dir.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".tolk.yml:2:3: error: unknown rule 'no-such-rule'"))
    }

    @Test("a baseline entry that matches nothing is named on stderr")
    func staleBaseline() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-stale-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try
            #"{"tolkBaseline": 1, "findings": [{"fingerprint": "0123456789abcdef", "rule": "TOLK201", "path": "gone.md", "message": "was empty"}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let out = try TolkProcess.run(["check", seed, "--baseline", file, "--fail-on", "never"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("1 stale baseline entry"))
        #expect(out.stderr.contains("tolk: 1 baseline entries no longer match anything"))
        #expect(out.stderr.contains("gone.md: [TOLK201] was empty"))
        let bad = try TolkProcess.run(["check", seed, "--baseline", seed])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not a tolk baseline"))
    }

    @Test("--explain and --list-rules")
    func explain() throws {
        let out = try TolkProcess.run(["check", "--explain", "ui-path-broken"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("TOLK305 ui-path-broken (default severity: error)"))
        let list = try TolkProcess.run(["check", "--list-rules"])
        for rule in RuleRegistry.all { #expect(list.stdout.contains(rule.id + "  ")) }
        #expect(try TolkProcess.run(["check", "--explain", "TOLK999"]).status == 2)
    }

    @Test("a bad article is reported and the others are still checked")
    func badArticle() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        FileManager.default.createFile(atPath: dir.appendingPathComponent("a-binary.md").path, contents: Data([0x00, 0x01]))
        try FileManager.default.copyItem(atPath: seed, toPath: dir.appendingPathComponent("b.md").path)
        let out = try TolkProcess.run(["check", dir.path])
        #expect(out.status == 1)
        #expect(out.stdout.contains("a-binary.md:1:1: error: [TOLK001 unreadable-article] binary file"))
        #expect(out.stdout.contains("b.md:28:63: error: [TOLK305"))
        #expect(try TolkProcess.run(["check", "/nonexistent"]).status == 2)
    }

    @Test("tolk stats: text, json, csv")
    func stats() throws {
        let out = try TolkProcess.run(["stats", seed, "--format", "json"])
        #expect(out.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["units"] as? Int == 9)
        #expect(total["translated"] as? Int == 9)
        #expect(total["mt"] as? Int == 1)
        let csv = try TolkProcess.run(["stats", seed, "--format", "csv"]).stdout
        #expect(csv.hasPrefix("path,type,units,translated,untranslated,empty,source_words,target_words\n"))
        #expect(csv.contains(",MT,9,9,0,0,"))
        let text = try TolkProcess.run(["stats", Fixtures.path("cases/06-deploy-microsoft-edge-for-mobile-for-ios-ipados-or-android.md")])
            .stdout
        #expect(text.contains("1 empty"))
    }

    @Test("tolk stats across locale folders: totals per language in text, JSON and CSV")
    func statsPerLanguage() throws {
        let locales = Fixtures.path("locales")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(TolkProcess.run(["stats", locales, "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let languages = try #require(json["languages"] as? [[String: Any]])
        #expect(languages.map { $0["language"] as? String } == ["da-DK", "sv-SE"])
        #expect(languages.map { $0["articles"] as? Int } == [7, 5])
        let total = try #require(json["total"] as? [String: Any])
        #expect(languages.compactMap { $0["units"] as? Int }.reduce(0, +) == total["units"] as? Int)
        let text = try TolkProcess.run(["stats", locales]).stdout
        #expect(text.contains("\nBy language:\n  da-DK  7 articles (6 MT, 1 HT), 97 units, 100.0% translated"))
        #expect(text.contains("\n  sv-SE  5 articles (3 MT, 2 HT), 42 units, 100.0% translated"))
        let csv = try TolkProcess.run(["stats", locales, "--format", "csv"]).stdout
        #expect(
            csv.contains("\nTOTAL da-DK,,97,97,0,0,") && csv.contains("\nTOTAL sv-SE,,42,42,0,0,") && csv.contains("\nTOTAL,,139,139,0,0,"))
        // One language: no per-language lines in text and CSV.
        #expect(!(try TolkProcess.run(["stats", seed]).stdout.contains("By language")))
    }
}
