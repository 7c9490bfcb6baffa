/// Prints the report as JUnit XML, which Jenkins, GitLab, Azure Pipelines and most
/// CI dashboards show as test results.
///
/// The shape, chosen so each finding is one red line that names its rule and place:
///
/// ```xml
/// <testsuites name="tolk" tests="3" failures="2">
///   <testsuite name="articles/a.md" tests="2" failures="2">
///     <testcase name="TOLK201 12:5" classname="articles/a.md">
///       <failure type="error" message="unit …">articles/a.md:12:5: error: [TOLK201 empty-target] unit …</failure>
///     </testcase>
///     …
///   </testsuite>
///   <testsuite name="articles/b.md" tests="1" failures="0">
///     <testcase name="tolk check" classname="articles/b.md"/>
///   </testsuite>
/// </testsuites>
/// ```
///
/// - One `testsuite` per article with findings; each finding is a `testcase` named
///   `RULE line:col` (just `RULE` for a finding about the whole file) with a `failure`
///   whose `type` is the severity. Every finding fails, notes included: a CI step
///   that should pass on notes runs without them.
/// - Articles without findings appear as a suite with one passing `testcase` named
///   `tolk check` only when the report has ``ArticleStatistics`` for them; a report
///   without statistics does not know their names, and lists only failures.
/// - Suites are in path order. The XML goes through libxml2's writer, which escapes
///   `<`, `&` and quotes; characters XML 1.0 forbids are removed first.
public struct JUnitPrinter: FindingPrinter, Sendable {
    /// The name of the passing test case of an article without findings.
    static let cleanCaseName = "tolk check"

    /// A JUnit printer.
    public init() {}

    /// The JUnit XML document, ended by a newline.
    public func render(_ report: CheckReport) -> String {
        var byPath: [String: [Finding]] = [:]
        for finding in report.findings { byPath[finding.path, default: []].append(finding) }
        let paths = Set(byPath.keys).union(report.statistics.map(\.path)).sorted()
        let tests = paths.reduce(0) { $0 + max(byPath[$1]?.count ?? 0, 1) }

        let writer = XMLWriter()
        writer.startElement("testsuites", [("name", "tolk"), ("tests", String(tests)), ("failures", String(report.findings.count))])
        for path in paths {
            let findings = byPath[path] ?? []
            writer.startElement(
                "testsuite", [("name", path), ("tests", String(max(findings.count, 1))), ("failures", String(findings.count))])
            if findings.isEmpty {
                writer.startElement("testcase", [("name", Self.cleanCaseName), ("classname", path)])
                writer.endElement()
            }
            for finding in findings {
                let position = finding.positionText
                let name = position.isEmpty ? finding.ruleID : finding.ruleID + " " + position
                writer.startElement("testcase", [("name", name), ("classname", path)])
                writer.startElement("failure", [("type", finding.severity.rawValue), ("message", finding.message)])
                writer.text(finding.compilerStyleLine(report.paths.display(finding.path)))
                writer.endElement()
                writer.endElement()
            }
            writer.endElement()
        }
        writer.endElement()
        return writer.finish()
    }
}
