/// The one-line tally that ends text output and starts GitHub annotations:
/// `3 errors, 12 warnings, 0 notes in 2913 articles`, followed by the baseline
/// counts when they are not zero.
struct FindingSummary: Equatable {
    var errors: Int
    var warnings: Int
    var notes: Int
    var articles: Int
    /// Findings the baseline hid.
    var hiddenByBaseline: Int
    /// Baseline entries that matched nothing.
    var staleBaselineEntries: Int

    init(_ report: CheckReport) {
        var counts: [Diagnostic.Severity: Int] = [:]
        for finding in report.findings { counts[finding.severity, default: 0] += 1 }
        errors = counts[.error] ?? 0
        warnings = counts[.warning] ?? 0
        notes = counts[.note] ?? 0
        articles = report.articleCount
        hiddenByBaseline = report.baselineSuppressed
        staleBaselineEntries = report.staleBaselineEntries.count
    }

    /// The tally in words. Counts of one take the singular ("1 error"), so the line
    /// reads naturally in a log; zero severities stay, so the shape never changes.
    var sentence: String {
        var text = [Self.count(errors, "error"), Self.count(warnings, "warning"), Self.count(notes, "note")]
            .joined(separator: ", ")
        text += " in " + Self.count(articles, "article")
        if hiddenByBaseline > 0 { text += ", \(hiddenByBaseline) hidden by the baseline" }
        if staleBaselineEntries > 0 {
            text += ", " + Self.count(staleBaselineEntries, "stale baseline entry", plural: "stale baseline entries")
        }
        return text
    }

    private static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
