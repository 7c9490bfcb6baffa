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

    @Test("TOLK701: three sentences assign-power-bi-to-users.md translates unlike assign-atp-licenses.md")
    func inconsistentTranslation() throws {
        let paths = ["checks/assign-atp-licenses.md", "checks/assign-power-bi-to-users.md"].map(Fixtures.path)
        let findings = Checker(rules: [InconsistentTranslation.self], jobs: 2).run(paths).findings
        #expect(findings.map(\.unitID) == ["cd119-107", "cd119-109", "cd119-110"])
        #expect(findings.allSatisfy { $0.path.hasSuffix("assign-power-bi-to-users.md") && $0.severity == .warning })
        let f = try #require(findings.last)
        #expect(f.location.line == 31)
        #expect(f.location.column == 34)
        #expect(f.message.contains("the English \"Click **Assign**, and **Close**.\""))
        #expect(f.message.contains("\"Klik på **Tildel**, og derefter **Luk**.\" here"))
        #expect(f.message.contains("\"Klik **på Tildel,** og **luk.**\" (1×, e.g. assign-atp-licenses.md:31:34)"))
        // The same run twice gives the same findings, in the same order.
        #expect(Checker(rules: [InconsistentTranslation.self], jobs: 2).run(paths.reversed()).findings == findings)
    }

    @Test("TOLK701 near miss: the four sentences both articles translate alike, and one article alone")
    func inconsistentTranslationNearMiss() throws {
        let paths = ["checks/assign-atp-licenses.md", "checks/assign-power-bi-to-users.md"].map(Fixtures.path)
        let findings = Checker(rules: [InconsistentTranslation.self], jobs: 2).run(paths).findings
        for shared in ["cd119-105", "cd119-106", "cd119-108", "cd119-111", "60866-105", "60866-106", "60866-108", "60866-111"] {
            #expect(!findings.contains { $0.unitID == shared })
        }
        #expect(Checker(rules: [InconsistentTranslation.self], jobs: 1).run([paths[0]]).findings.isEmpty)
    }

    @Test("TOLK701: a bold UI label standing alone, translated two ways; the majority is the reference")
    func inconsistentLabel() throws {
        let findings = try judge(
            InconsistentTranslation(),
            [
                ("a.md", [("**Årsag**", "**Cause**")]), ("b.md", [("**Årsag.**", "**Cause**")]),
                ("c.md", [("**Kræve**", "**Cause**")]),
            ])
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.path == "c.md")
        #expect(f.unitID == "abcde-103")
        #expect(f.location.line == 7)
        #expect(f.location.column == 31)
        #expect(f.message.contains("the UI label **Cause** is translated \"Kræve\" here but \"Årsag\" (2×, e.g. a.md:7:31)"))
    }

    @Test("TOLK701 near miss: case, spacing, closing punctuation, a moved bold, short sentences, other locales")
    func inconsistentTranslationSyntheticNearMiss() throws {
        let rule = InconsistentTranslation()
        #expect(
            try judge(
                rule,
                [
                    ("a.md", [("Vælg  Næste for at fortsætte.", "Select Next to continue."), ("**Gem**", "**Save**"), ("Ja", "Yes")]),
                    ("b.md", [("vælg Næste for at fortsætte.", "Select  Next to continue."), ("**på Gem**", "**Save**"), ("Nej", "Yes")]),
                ]
            ).isEmpty)
        // A bold run inside a sentence is not compared as a label: only the sentence differs.
        let sentence = try judge(
            rule, [("a.md", [("Klik på **Gem** nu.", "Click **Save** now.")]), ("b.md", [("Klik **på Gem** nu.", "Click **Save** now.")])])
        #expect(sentence.count == 1)
        #expect(sentence.first?.message.hasPrefix("the English \"Click **Save** now.\"") == true)
        let context = CheckContext()
        let danish = rule.facts(try RuleTesting.article(units: [("Vælg Næste for at fortsætte.", "Select Next to continue.")]), context)
        let german = rule.facts(
            try RuleTesting.article(units: [("Wählen Sie Weiter.", "Select Next to continue.")], locale: "de-DE"), context)
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
        #expect(f.message.contains(root.path + "/ja-JP/AlchemyInsights/commercial-dialogues/rules.md"))
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

    @Test("The group lists its rules in ID order")
    func groupOrder() {
        #expect(ConsistencyRules.all.map { $0.id } == ["TOLK701", "TOLK702"])
    }
}
