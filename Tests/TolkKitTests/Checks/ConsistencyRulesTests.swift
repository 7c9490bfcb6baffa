import Foundation
import Testing
import TolkKit

@Suite("Rules: consistency")
struct ConsistencyRulesTests {
    /// Judges `articles` (path, units) with `rule`'s facts, as the checker does at the end of a run.
    private func judge<R: SetRule>(_ rule: R, _ articles: [(String, [(String, String)])]) throws -> [Finding] {
        let context = CheckContext()
        let facts = try articles.map { path, units in (path: path, facts: rule.facts(try RuleTesting.article(units: units), context)) }
        return rule.judge(facts, context)
    }

    // MARK: TOLK701 inconsistent-translation

    @Test("TOLK701 near miss: two articles whose sentences differ are not compared sentence by sentence")
    func inconsistentTranslationSentencesNearMiss() throws {
        // assign-power-bi-to-users.md words three sentences unlike assign-atp-licenses.md: paraphrases, not a finding.
        let paths = ["checks/assign-atp-licenses.md", "checks/assign-power-bi-to-users.md"].map(Fixtures.path)
        #expect(Checker(rules: [InconsistentTranslation.self], jobs: 2).run(paths).findings.isEmpty)
    }

    @Test("TOLK701: a bold UI label standing alone, translated two ways; each way is reported once, none called right")
    func inconsistentLabel() throws {
        let findings = try judge(
            InconsistentTranslation(),
            [
                ("a.md", [("**Årsag**", "**Cause**")]), ("b.md", [("**Årsag.**", "**Cause**")]),
                ("c.md", [("**Kræve**", "**Cause**")]),
            ])
        #expect(findings.map(\.path) == ["a.md", "c.md"])
        let f = try #require(findings.last)
        #expect(f.unitID == "abcde-103")
        #expect(f.location.line == 7)
        #expect(f.location.column == 31)
        #expect(f.message.contains("the UI label **Cause** is translated \"Kræve\" here (1×) and \"Årsag\" (2×, e.g. a.md:7:31) elsewhere"))
        #expect(findings.first?.message.contains("\"Årsag\" here (2×) and \"Kræve\" (1×, e.g. c.md:7:31)") == true)
        // The same facts in another order give the same findings.
        #expect(
            try judge(
                InconsistentTranslation(),
                [("c.md", [("**Kræve**", "**Cause**")]), ("a.md", [("**Årsag**", "**Cause**")]), ("b.md", [("**Årsag.**", "**Cause**")])])
                == findings)
    }

    @Test("TOLK701 near miss: case, spacing, closing punctuation, full-width forms, a moved bold, sentences, other locales")
    func inconsistentTranslationSyntheticNearMiss() throws {
        let rule = InconsistentTranslation()
        #expect(
            try judge(
                rule,
                [
                    ("a.md", [("Vælg  Næste for at fortsætte.", "Select Next to continue."), ("**Gem**", "**Save**"), ("Ja", "Yes")]),
                    (
                        "b.md",
                        [("vælg Næste, så du kan fortsætte.", "Select  Next to continue."), ("**på Gem**", "**Save**"), ("Nej", "Yes")]
                    ),
                ]
            ).isEmpty)
        #expect(
            try judge(
                rule, [("a.md", [("**症状：**", "**Symptom**")]), ("b.md", [("**症状**", "**Symptom**")])]
            ).isEmpty)
        // A bold run inside a sentence is not compared as a label.
        #expect(
            try judge(
                rule,
                [("a.md", [("Klik på **Gem** nu.", "Click **Save** now.")]), ("b.md", [("Klik **på Gem** nu.", "Click **Save** now.")])]
            )
            .isEmpty)
        let context = CheckContext()
        let danish = rule.facts(try RuleTesting.article(units: [("**Gem**", "**Save**")]), context)
        let german = rule.facts(try RuleTesting.article(units: [("**Speichern**", "**Save**")], locale: "de-DE"), context)
        #expect(rule.judge([(path: "da.md", facts: danish), (path: "de.md", facts: german)], context).isEmpty)
    }

    // MARK: TOLK702 missing-in-locale

    /// A temporary folder with locale subfolders holding copies of one real article.
    private func tree(_ files: [String]) throws -> (root: URL, paths: [String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-locales-\(UUID().uuidString)")
        var paths: [String] = []
        for file in files {
            let target = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.path("checks/turn-off-clutter-in-outlook-on-the-web.md"), toPath: target.path)
            paths.append(target.path)
        }
        return (root, paths)
    }

    @Test("TOLK702: an article in da-DK and de-DE that ja-JP lacks")
    func missingInLocale() throws {
        let (root, paths) = try tree([
            "da-DK/AlchemyInsights/clutter.md", "da-DK/AlchemyInsights/commercial-dialogues/rules.md",
            "ja-JP/AlchemyInsights/clutter.md", "de-DE/AlchemyInsights/clutter.md", "de-DE/AlchemyInsights/commercial-dialogues/rules.md",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let findings = Checker(rules: [MissingInLocale.self], jobs: 2).run(paths).findings
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK702")
        #expect(f.path == paths[1])
        #expect(f.location.line == 1 && f.location.column == 1)
        #expect(f.message.contains("AlchemyInsights/commercial-dialogues/rules.md is missing in ja-JP"))
        #expect(f.message.contains("expected ja-JP/AlchemyInsights/commercial-dialogues/rules.md beside da-DK/"))
        #expect(!f.message.contains(root.path), "no machine's own folders in the message")
    }

    @Test("TOLK702 near miss: complete locales, one locale only, and folders that only look alike")
    func missingInLocaleNearMiss() throws {
        let (root, paths) = try tree([
            "da-DK/AlchemyInsights/clutter.md", "ja-JP/AlchemyInsights/clutter.md", "da-DK/AlchemyInsights/only-da.md",
            "other/en/x.md", "other/docs/y.md",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let checker = Checker(rules: [MissingInLocale.self], jobs: 2)
        #expect(checker.run([paths[0], paths[1]]).findings.isEmpty)
        #expect(checker.run([paths[0], paths[2]]).findings.isEmpty)
        #expect(checker.run([paths[3], paths[4]]).findings.isEmpty)
    }

    // MARK: TOLK703 outdated-translation

    /// A minimal article in a locale folder: its front matter dates, and its English by unit
    /// number (the translation is the same made-up text in every copy). `prefix` is the
    /// per-locale part of the unit IDs, which differs between copies of one article.
    private func copy(_ locale: String, prefix: String, handoff: String, date: String = "05/19/2021", english: [String]) -> (
        String, String
    ) {
        var text =
            "---\ntitle: Test\nms.date: \(date)\nms.contentlocale: \(locale)\nms.lasthandoff: \(handoff)\n---\n"
            + "# <a name=\"t\"></a>" + Fixtures.unit("\(prefix)-102", "Titel", "Title") + "\n"
        for (i, source) in english.enumerated() {
            text += "\n" + Fixtures.unit("\(prefix)-\(103 + i)", "Oversat sætning \(i).", source) + "\n"
        }
        return ("\(locale)/AlchemyInsights/article.md", text)
    }

    /// Writes `files` (path below a temporary folder, text) and checks them with TOLK703.
    private func outdated(_ files: [(String, String)]) throws -> (root: URL, paths: [String], findings: [Finding]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-outdated-\(UUID().uuidString)")
        var paths: [String] = []
        for (file, text) in files {
            let target = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: target, atomically: true, encoding: .utf8)
            paths.append(target.path)
        }
        return (root, paths, Checker(rules: [OutdatedTranslation.self], jobs: 2).run(paths).findings)
    }

    static let english = ["Sign in to the admin center.", "Select **Users**.", "Choose **Save**."]

    @Test("Copies are compared only across two or more locale folders of one root")
    func spansLocaleFolders() {
        #expect(CheckContext.spansLocaleFolders(["r/da-DK/a.md", "r/sv-SE/a.md"]))
        #expect(CheckContext.spansLocaleFolders(["x/da-DK/a.md", "r/da-DK/a.md", "r/sv-SE/b/a.md"]))
        #expect(!CheckContext.spansLocaleFolders(["r/da-DK/a.md", "r/da-DK/b.md", "r/DA-dk/c.md"]))
        #expect(!CheckContext.spansLocaleFolders(["x/da-DK/a.md", "r/sv-SE/a.md", "notes/a.md"]))
        #expect(!CheckContext.spansLocaleFolders([]))
    }

    @Test("TOLK703: the older copy's English of one unit differs; one finding there, naming the unit and the newer locale")
    func outdatedTranslation() throws {
        var older = Self.english
        older[1] = "Select **Active users**."
        let (root, paths, findings) = try outdated([
            copy("da-DK", prefix: "c67ba", handoff: "2021-03-02T04:05:06Z", english: older),
            copy("sv-SE", prefix: "feefb", handoff: "05/28/2021", english: Self.english),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK703")
        #expect(f.path == paths[0], "the older copy is reported, never the newer")
        #expect(f.unitID == "c67ba-104")
        #expect(f.message.contains("the English of 1 unit differs"))
        #expect(f.message.contains("in sv-SE (ms.lasthandoff 2021-05-28): c67ba-104;"))
        #expect(f.message.contains("differs from the newest English of this article, in sv-SE"))
        #expect(f.message.contains("update the translation from that English (sv-SE/AlchemyInsights/article.md)"))
        #expect(!f.message.contains(root.path), "no machine's own folders in the message")
    }

    @Test("TOLK703: a unit only one copy has differs; the newest English wins on date, then on most copies")
    func outdatedTranslationUnitsAndTies() throws {
        let (root, paths, findings) = try outdated([
            copy("da-DK", prefix: "aaaaa", handoff: "05/28/2021", english: Self.english),
            copy("sv-SE", prefix: "bbbbb", handoff: "05/28/2021", english: Array(Self.english.prefix(2))),
            copy("vi-VN", prefix: "ccccc", handoff: "05/28/2021", english: Self.english),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        // Same date everywhere: the English two copies hold is the newest.
        #expect(findings.map(\.path) == [paths[1]])
        let f = try #require(findings.first)
        #expect(
            f.message.contains(
                "differs from the English most copies of this article carry, in da-DK (ms.lasthandoff 2021-05-28, as this copy): "
                    + "aaaaa-105 (only in da-DK);"))
    }

    @Test("TOLK703 near miss: the same English, English reflowed, one locale folder only, copies outside locale folders")
    func outdatedTranslationNearMiss() throws {
        let reflowed = Self.english.map { $0.replacingOccurrences(of: " ", with: "\n  ") + " " }
        let (root, _, same) = try outdated([
            copy("da-DK", prefix: "c67ba", handoff: "01/02/2021", english: Self.english),
            copy("sv-SE", prefix: "feefb", handoff: "05/28/2021", english: Self.english),
            copy("zh-CN", prefix: "cab64", handoff: "2021-05-28T01:02:03Z", english: reflowed),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(same.isEmpty)
        // A link's locale rewritten, and two sentences carried as one `p` unit: the same English.
        let linked = ["See [help](https://support.microsoft.com/en-us/office/x).", "Select **Users**. Choose **Save**."]
        let (rewritten, _, relinked) = try outdated([
            copy(
                "da-DK", prefix: "c67ba", handoff: "01/02/2021",
                english: ["See [help](https://support.microsoft.com/da-DK/office/x)."]
                    + Self.english.suffix(2)),
            copy("zh-CN", prefix: "cab64", handoff: "05/28/2021", english: linked),
        ])
        defer { try? FileManager.default.removeItem(at: rewritten) }
        #expect(relinked.isEmpty)
        var other = Self.english
        other[0] = "Sign in."
        let (single, _, alone) = try outdated([copy("da-DK", prefix: "c67ba", handoff: "01/02/2021", english: other)])
        defer { try? FileManager.default.removeItem(at: single) }
        #expect(alone.isEmpty)
        let (loose, _, outside) = try outdated([
            ("docs/a/article.md", copy("da-DK", prefix: "c67ba", handoff: "01/02/2021", english: other).1),
            ("docs/b/article.md", copy("sv-SE", prefix: "feefb", handoff: "05/28/2021", english: Self.english).1),
        ])
        defer { try? FileManager.default.removeItem(at: loose) }
        #expect(outside.isEmpty)
    }

    @Test("TOLK703 reads the dates the front matter writes, and nothing else")
    func outdatedTranslationDates() {
        #expect(FrontMatter.day("05/19/2021") == 20210519)
        #expect(FrontMatter.day("5/9/2021") == 20210509)
        #expect(FrontMatter.day("2021-05-19T03:45:07Z") == 20210519)
        #expect(FrontMatter.day("'2021-05-19'") == 20210519)
        #expect(FrontMatter.day("") == nil)
        #expect(FrontMatter.day(" 05/19/2021 10:00 ") == 20210519)
        #expect(FrontMatter.day("\"2021.05.19\"") == 20210519)
        #expect(FrontMatter.day("May 19, 2021") == nil && FrontMatter.day("2021-13-01") == nil && FrontMatter.day("1/2") == nil)
        #expect(FrontMatter.day("1/2/3/2021") == nil && FrontMatter.day("T2021-05-19") == nil)
        #expect(FrontMatter.day("soon") == nil)
        #expect(FrontMatter.day("13/19/2021") == nil)
    }

    @Test("The group lists its rules in ID order")
    func groupOrder() {
        #expect(ConsistencyRules.all.map { $0.id } == ["TOLK701", "TOLK702", "TOLK703"])
    }
}
