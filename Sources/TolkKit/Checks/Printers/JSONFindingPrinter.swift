/// Prints the report as one JSON document for scripts, with keys in a fixed order:
///
/// ```json
/// {"version": 1, "articles": 2913, "summary": {"error": 3, "warning": 12, "note": 0},
///  "findings": [{"rule": "TOLK201", "name": "empty-target", "severity": "error",
///                "path": "a.md", "line": 12, "column": 5, "unit": "4d25d-103",
///                "message": "…", "fingerprint": "9c1e…"}],
///  "staleBaseline": ["…"]}
/// ```
///
/// `column` counts Unicode scalars; `unit` is null for findings about no unit; `line`
/// and `column` are 0 when the finding is about the whole file. `version` changes
/// only when a field changes meaning or goes away.
public struct JSONFindingPrinter: FindingPrinter, Sendable {
    /// Spaces per indentation level; 0 prints the document on one line.
    public var indent: Int

    /// A printer that indents by `indent` spaces per level.
    public init(indent: Int = 2) {
        self.indent = indent
    }

    /// The report as JSON text, ended by a newline.
    public func render(_ report: CheckReport) -> String {
        document(report).serialized(indent: indent) + "\n"
    }

    /// The report as a JSON value.
    public func document(_ report: CheckReport) -> JSONValue {
        let summary = FindingSummary(report)
        return .object([
            ("version", .int(1)),
            ("articles", .int(report.articleCount)),
            (
                "summary",
                .object([("error", .int(summary.errors)), ("warning", .int(summary.warnings)), ("note", .int(summary.notes))])
            ),
            ("findings", .array(report.findings.map { Self.value($0, path: report.paths.display($0.path)) })),
            ("staleBaseline", .array(report.staleBaselineEntries.map { .string($0) })),
        ])
    }

    static func value(_ finding: Finding, path: String) -> JSONValue {
        .object([
            ("rule", .string(finding.ruleID)),
            ("name", .string(finding.ruleName)),
            ("severity", .string(finding.severity.rawValue)),
            ("path", .string(path)),
            ("line", .int(finding.location.line)),
            ("column", .int(finding.location.column)),
            ("unit", finding.unitID.map { .string($0) } ?? .null),
            ("message", .string(finding.message)),
            ("fingerprint", .string(finding.fingerprint)),
        ])
    }
}
