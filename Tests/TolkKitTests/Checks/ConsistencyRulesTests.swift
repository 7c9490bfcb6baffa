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

    @Test("The group lists its rules in ID order")
    func groupOrder() {
        #expect(ConsistencyRules.all.map { $0.id } == ["TOLK701", "TOLK702"])
    }
}
