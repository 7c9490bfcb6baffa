/// Prints findings for people: `path:line:col: severity: [TOLK305 ui-path-broken] message`,
/// then the source line and a caret under the column, then a one-line summary.
///
/// ```
/// articles/a.md:12:5: error: [TOLK201 empty-target] unit 4d25d-103 has an empty translation
///     Vælg **DirSync-status** på startsiden.
///         ^
///
/// 1 error, 0 warnings, 0 notes in 1 article
/// ```
///
/// Colour (severity coloured, rule dim, caret green) comes from the ``TerminalStyler``;
/// with colour off the output holds no escape sequences at all, and article text in
/// messages or source lines can never add any.
public struct TextPrinter: FindingPrinter, Sendable {
    /// How to style the output (take colour from ``TerminalEnvironment``).
    public var styler: TerminalStyler
    /// Where the source lines under each finding come from.
    public var sourceLines: SourceLines
    /// The widest source excerpt in display columns; longer lines are cut around the column.
    public var sourceWidth: Int

    /// Spaces before the source line and the caret, setting them apart from the finding.
    static let indent = "    "

    /// A printer that styles with `styler` and reads source lines from `sourceLines`.
    public init(styler: TerminalStyler, sourceLines: SourceLines) {
        self.styler = styler
        self.sourceLines = sourceLines
        self.sourceWidth = SourceExcerpt.defaultWidth
    }

    /// The findings, each with its source line when the file can be read, then the summary.
    public func render(_ report: CheckReport) -> String {
        var lines: [StyledText] = []
        for finding in report.findings {
            lines.append(header(finding, path: report.paths.display(finding.path)))
            if let excerpt = excerpt(finding) {
                lines.append(StyledText(Self.indent + excerpt.text))
                guard finding.hasColumn else { continue }
                var caret = StyledText(Self.indent + String(repeating: " ", count: excerpt.caretOffset))
                caret.append("^", style: [.bold, .success])
                lines.append(caret)
            }
        }
        if !lines.isEmpty { lines.append(StyledText()) }
        lines.append(StyledText(FindingSummary(report).sentence, style: .bold))
        return styler.render(lines: lines)
    }

    /// The first line of a finding, with its path as printed.
    func header(_ finding: Finding, path: String) -> StyledText {
        var line = StyledText(finding.locationText(path) + ":", style: .bold)
        line.append(" ")
        line.append(finding.severity.rawValue + ":", style: Self.style(finding.severity))
        line.append(" ")
        line.append("[\(finding.ruleLabel)]", style: .dim)
        line.append(" " + finding.singleLineMessage)
        return line
    }

    /// The source line around the finding, or nil when the finding names no line or
    /// the line cannot be read. Without a column the line is shown from its start and
    /// gets no caret.
    func excerpt(_ finding: Finding) -> SourceExcerpt? {
        guard finding.hasLine, let text = sourceLines.line(finding.location.line, of: finding.path) else { return nil }
        return SourceExcerpt(line: text, column: finding.hasColumn ? finding.location.column : 1, maxWidth: sourceWidth)
    }

    /// How each severity looks: red errors, yellow warnings, blue notes, all bold.
    static func style(_ severity: Diagnostic.Severity) -> TextStyle {
        switch severity {
        case .error: [.bold, .error]
        case .warning: [.bold, .warning]
        case .note: [.bold, .note]
        }
    }
}
