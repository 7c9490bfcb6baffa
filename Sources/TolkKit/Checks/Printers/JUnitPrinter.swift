/// Prints the report as JUnit XML, which Jenkins, GitLab, Azure Pipelines and most
/// CI dashboards show as test results.
///
/// It follows the JUnit formatters of ESLint and markdownlint-cli2: a finding fails
/// a test only at or above ``failOn`` (markdownlint-cli2 fails on errors only, as
/// `tolk check` exits 1 only at `--fail-on`); a lower finding is a passing test case
/// with the finding in `<system-out>`, so it is shown but fails nothing.
///
/// ```xml
/// <testsuites name="tolk" tests="3" failures="1">
///   <testsuite name="da-DK/AlchemyInsights/a.md" tests="2" failures="1">
///     <testcase name="TOLK201 empty-target, unit 103" classname="da-DK/AlchemyInsights/a_md">
///       <failure type="error" message="unit …">da-DK/AlchemyInsights/a.md:12:5: error: [TOLK201 empty-target] unit …</failure>
///     </testcase>
///     <testcase name="TOLK502 space-before-punctuation, unit 104" classname="da-DK/AlchemyInsights/a_md">
///       <system-out>da-DK/AlchemyInsights/a.md:14:9: warning: [TOLK502 space-before-punctuation] …</system-out>
///     </testcase>
///   </testsuite>
///   <testsuite name="da-DK/AlchemyInsights/b.md" tests="1" failures="0">
///     <testcase name="tolk check" classname="da-DK/AlchemyInsights/b_md"/>
///   </testsuite>
/// </testsuites>
/// ```
///
/// - One `testsuite` per article, named by its path relative to the repository
///   (``ReportPaths``). Test names stay the same across edits and are unique within
///   a suite: the rule and, for a finding about a unit, the unit's number (its prefix
///   changes with every localization build), never a line or column; a second
///   finding of the same rule in the same unit is `…, unit 104 (2)`.
/// - The class name is the same path with every `.` made `_`: Jenkins splits a class
///   name at its last dot into package and class, and would file `a.md` as class `md`
///   of package `a` (ESLint drops the extension for the same reason).
/// - Articles without findings appear as a suite with one passing `testcase` named
///   `tolk check` when the report has ``ArticleStatistics`` for them.
/// - Suites are in path order. The XML goes through libxml2's writer, which escapes
///   `<`, `&` and quotes; characters XML 1.0 forbids are removed first.
public struct JUnitPrinter: FindingPrinter, Sendable {
    /// The name of the passing test case of an article without findings.
    static let cleanCaseName = "tolk check"

    /// The least severity that fails a test case; nil fails none.
    public var failOn: Diagnostic.Severity?

    /// A JUnit printer whose test cases fail for findings at or above `failOn`.
    public init(failOn: Diagnostic.Severity? = .error) {
        self.failOn = failOn
    }

    /// The JUnit XML document, ended by a newline.
    public func render(_ report: CheckReport) -> String {
        var byPath: [String: [Finding]] = [:]
        for finding in report.findings { byPath[finding.path, default: []].append(finding) }
        let paths = Set(byPath.keys).union(report.statistics.map(\.path)).sorted()
        let tests = paths.reduce(0) { $0 + max(byPath[$1]?.count ?? 0, 1) }
        let failures = report.findings.filter(fails).count

        let writer = XMLWriter()
        writer.startElement("testsuites", [("name", "tolk"), ("tests", String(tests)), ("failures", String(failures))])
        for path in paths {
            let findings = byPath[path] ?? []
            let suite = report.paths.relative(path) ?? report.paths.display(path)
            let classname = suite.replacingOccurrences(of: ".", with: "_")
            writer.startElement(
                "testsuite",
                [("name", suite), ("tests", String(max(findings.count, 1))), ("failures", String(findings.filter(fails).count))])
            if findings.isEmpty {
                writer.startElement("testcase", [("name", Self.cleanCaseName), ("classname", classname)])
                writer.endElement()
            }
            var seen: [String: Int] = [:]
            for finding in findings {
                let name = Self.caseName(finding)
                seen[name, default: 0] += 1
                let count = seen[name] ?? 1
                writer.startElement("testcase", [("name", count == 1 ? name : "\(name) (\(count))"), ("classname", classname)])
                let line = finding.compilerStyleLine(report.paths.display(finding.path))
                if fails(finding) {
                    writer.startElement("failure", [("type", finding.severity.rawValue), ("message", finding.message)])
                } else {
                    writer.startElement("system-out")
                }
                writer.text(line)
                writer.endElement()
                writer.endElement()
            }
            writer.endElement()
        }
        writer.endElement()
        return writer.finish()
    }

    /// Whether `finding` fails its test case.
    func fails(_ finding: Finding) -> Bool {
        guard let failOn else { return false }
        return finding.severity >= failOn
    }

    /// `TOLK305 ui-path-broken, unit 104`, or the rule alone for a finding about no unit.
    static func caseName(_ finding: Finding) -> String {
        guard let unit = finding.unitID else { return finding.ruleLabel }
        let number = UnitID(unit).map { ($0.isParagraph ? "p" : "") + String($0.number) } ?? unit
        return "\(finding.ruleLabel), unit \(number)"
    }
}
