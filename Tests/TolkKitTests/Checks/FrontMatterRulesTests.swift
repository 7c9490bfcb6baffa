import Foundation
import Testing
import TolkKit

@Suite("Rules: front matter")
struct FrontMatterRulesTests {
    /// A temporary folder holding copies of fixture files under locale-named subfolders.
    private struct LocaleTree {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-frontmatter-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        /// Copies `fixture` (under Fixtures/) to `relative` in the tree; returns the new path.
        func copy(_ fixture: String, to relative: String) throws -> String {
            let target = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: target.path)
            return target.path
        }

        func write(_ text: String, to relative: String) throws -> String {
            let target = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
            return target.path
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    private func findings(_ rule: any Rule.Type, path: String) throws -> [Finding] {
        RuleTesting.findings(rule, try ArticleParser().parse(contentsOf: path))
    }

    // MARK: TOLK601 front-matter-yaml

    @Test("TOLK601: the front matter segmented as unit bb4ae-101 (troubleshoot-presence-issues-outlook.md, case 3)")
    func frontMatterYAML() throws {
        let findings = try RuleTesting.findings(FrontMatterYAML.self, fixture: "checks/troubleshoot-presence-issues-outlook.md")
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.ruleID == "TOLK601")
        #expect(f.severity == .error)
        #expect(f.location.line == 2)
        #expect(f.message.contains("not valid YAML"))
        #expect(f.message.contains("bb4ae-101"))
    }

    @Test("TOLK601 near miss: a garbage key (`munlocking-an-account s.custom:`) is still valid YAML (case 25)")
    func frontMatterYAMLNearMiss() throws {
        #expect(try RuleTesting.findings(FrontMatterYAML.self, fixture: "checks/find-status-of-your-microsoft-365-ticket.md").isEmpty)
        #expect(try RuleTesting.findings(FrontMatterYAML.self, fixture: "checks/turn-off-clutter-in-outlook-on-the-web.md").isEmpty)
    }

    // MARK: TOLK602 content-locale

    @Test("TOLK602: a da-DK article in a ja-JP folder, and front matter without ms.contentlocale")
    func contentLocale() throws {
        let tree = try LocaleTree()
        defer { tree.remove() }
        let path = try tree.copy(
            "checks/turn-off-clutter-in-outlook-on-the-web.md", to: "ja-JP/AlchemyInsights/turn-off-clutter-in-outlook-on-the-web.md")
        let findings = try self.findings(ContentLocale.self, path: path)
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.location.line == 18)
        #expect(f.location.column == 19)
        #expect(f.message.contains("is da-DK but the article is in the ja-JP folder"))

        let missing = try RuleTesting.findings(ContentLocale.self, fixture: "checks/troubleshoot-presence-issues-outlook.md")
        #expect(missing.count == 1)
        #expect(missing.first?.location.line == 1)
        #expect(missing.first?.message.contains("has no `ms.contentlocale`") == true)
    }

    @Test("TOLK602 near miss: the right folder (any case), no locale folder, and no front matter at all")
    func contentLocaleNearMiss() throws {
        let tree = try LocaleTree()
        defer { tree.remove() }
        for folder in ["da-DK", "da-dk", "articles"] {
            let path = try tree.copy("checks/turn-off-clutter-in-outlook-on-the-web.md", to: "\(folder)/AlchemyInsights/clutter.md")
            #expect(try findings(ContentLocale.self, path: path).isEmpty)
        }
        // Like includes/alchemyinsights-content-updates.md: an HTML comment, no front matter.
        let include = try tree.write(
            "<!-- include -->\n\n" + Fixtures.unit("abcde-101", "Opdateringer", "Updates") + "\n", to: "ja-JP/includes/updates.md")
        #expect(try findings(ContentLocale.self, path: include).isEmpty)
    }

    // MARK: TOLK603 translation-type

    @Test("TOLK603: ms.translationtype missing, or neither MT nor HT")
    func translationType() throws {
        let missing = try RuleTesting.findings(TranslationTypeKey.self, fixture: "checks/troubleshoot-presence-issues-outlook.md")
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("has no `ms.translationtype`") == true)

        let text =
            "---\ntitle: Test\nms.translationtype: XT\nms.contentlocale: da-DK\n---\n# " + Fixtures.unit("abcde-102", "Titel", "Title")
            + "\n"
        let wrong = RuleTesting.findings(TranslationTypeKey.self, try Fixtures.article(text: text))
        #expect(wrong.count == 1)
        #expect(wrong.first?.location.line == 3)
        #expect(wrong.first?.location.column == 21)
        #expect(wrong.first?.message.contains("\"XT\"") == true)
    }

    @Test("TOLK603 near miss: HT and MT articles")
    func translationTypeNearMiss() throws {
        #expect(try RuleTesting.findings(TranslationTypeKey.self, fixture: "checks/turn-off-clutter-in-outlook-on-the-web.md").isEmpty)
        #expect(try RuleTesting.findings(TranslationTypeKey.self, fixture: "checks/outlook-com-setting-changes.md").isEmpty)
    }

    // MARK: TOLK604 machine-translated

    @Test("TOLK604: one note per locale folder, at the first MT article, counting the folder's MT articles")
    func machineTranslated() throws {
        let paths = ["checks/outlook-com-setting-changes.md", "checks/turn-off-clutter-in-outlook-on-the-web.md"].map(Fixtures.path)
        let findings = Checker(rules: [MachineTranslated.self], jobs: 2).run(paths).findings
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.severity == .note)
        #expect(f.path == paths[0])
        #expect(f.location.line == 15)
        #expect(f.location.column == 21)
        #expect(f.unitID == nil)
        #expect(f.message.hasPrefix("1 of 2 articles is machine translated (ms.translationtype: MT; this is the first)"))

        let locales = Fixtures.directory.appendingPathComponent("locales")
        let all = ArticleLocator.articles(under: locales.path)
        let perFolder = Checker(rules: [MachineTranslated.self], jobs: 2).run(all).findings
        #expect(
            perFolder.map { String($0.message.prefix(34)) } == ["6 of 7 articles in da-DK are machi", "3 of 5 articles in sv-SE are machi"])
        #expect(
            perFolder.map { ($0.path as NSString).lastPathComponent } == [
                "access-a-public-folder-calendar-in-owa.md", "assign-atp-licenses.md",
            ])
    }

    @Test("TOLK604 near miss: human-translated articles, and an MT article that silences the rule")
    func machineTranslatedNearMiss() throws {
        let human = Fixtures.path("checks/turn-off-clutter-in-outlook-on-the-web.md")
        #expect(Checker(rules: [MachineTranslated.self]).run([human]).findings.isEmpty)
        let text = try String(contentsOfFile: Fixtures.path("checks/outlook-com-setting-changes.md"), encoding: .utf8)
        let silenced = try Fixtures.article(text: text + "\n<!-- tolk-ignore-file TOLK604 -->\n", path: "da-DK/x.md")
        let checker = Checker(rules: [MachineTranslated.self])
        #expect(checker.judge([(path: "da-DK/x.md", check: checker.check(silenced))]).isEmpty)
    }

    @Test("The group lists its rules in ID order")
    func groupOrder() {
        #expect(FrontMatterRules.all.map { $0.id } == ["TOLK601", "TOLK602", "TOLK603", "TOLK604"])
    }
}
