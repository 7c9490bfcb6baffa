import Foundation
import TolkKit

/// Runs one rule on one article, as `tolk check` would.
enum RuleTesting {
    static func findings(_ rule: any Rule.Type, _ article: Article, configuration: CheckConfiguration = CheckConfiguration()) -> [Finding] {
        var report = FindingReport.make(rule: rule, path: article.path)
        let analyzed =
            article.analysis != nil
            ? article : (try? ArticleParser(analyzesUnits: true).parse(bytes: article.bytes, path: article.path)) ?? article
        rule.init().check(analyzed, CheckContext(configuration: configuration), &report)
        return report.findings
    }

    /// Findings of a rule in a fixture under Fixtures/ (for example `checks/x.md` or `cases/01-….md`).
    static func findings(_ rule: any Rule.Type, fixture: String, configuration: CheckConfiguration = CheckConfiguration()) throws
        -> [Finding]
    {
        try findings(rule, Fixtures.article(fixture), configuration: configuration)
    }

    /// Findings of a rule in an article written in the test: `units` are (target, source) pairs,
    /// one paragraph each, after a heading unit.
    static func findings(
        _ rule: any Rule.Type, units: [(String, String)], locale: String = "da-DK", configuration: CheckConfiguration = CheckConfiguration()
    ) throws -> [Finding] {
        try findings(rule, article(units: units, locale: locale), configuration: configuration)
    }

    static func article(units: [(String, String)], locale: String = "da-DK") throws -> Article {
        var text =
            "---\nms.contentlocale: \(locale)\nms.translationtype: MT\n---\n# <a name=\"t\"></a>"
            + Fixtures.unit("abcde-102", "Titel", "Title") + "\n"
        for (i, (target, source)) in units.enumerated() {
            text += "\n" + Fixtures.unit("abcde-\(103 + i)", target, source) + "\n"
        }
        return try Fixtures.article(text: text, path: "test.md")
    }
}
