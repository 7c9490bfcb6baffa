/// The results a SARIF run keeps when a report has more findings than a viewer
/// shows: GitHub code scanning displays 5,000 results of a run and drops the rest.
///
/// Every error is kept, even past the limit; the room left goes to warnings, then
/// notes, each in report order (path, then position). What is left out is counted
/// by level, for the run's `properties` and its notification.
struct SARIFResultLimit {
    /// The findings kept, in report order.
    var kept: [Finding]
    /// Findings left out, by level; empty when nothing was.
    var omitted: [Diagnostic.Severity: Int]

    init(_ findings: [Finding], limit: Int?) {
        guard let limit, findings.count > limit else {
            kept = findings
            omitted = [:]
            return
        }
        var counts: [Diagnostic.Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        var room = max(limit, counts[.error] ?? 0)
        var allowed: [Diagnostic.Severity: Int] = [:]
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            allowed[severity] = min(counts[severity] ?? 0, room)
            room -= allowed[severity] ?? 0
        }
        kept = findings.filter { finding in
            guard let left = allowed[finding.severity], left > 0 else { return false }
            allowed[finding.severity] = left - 1
            return true
        }
        var left = counts
        for finding in kept { left[finding.severity, default: 0] -= 1 }
        omitted = left.filter { $0.value > 0 }
    }

    var omittedCount: Int { omitted.values.reduce(0, +) }

    /// Says what was left out, for a notification: "6012 results, more than the 5000 …".
    func notice(total: Int, limit: Int) -> String {
        let levels = [Diagnostic.Severity.warning, .note].compactMap { level in
            omitted[level].map { "\($0) \(level.rawValue)\($0 == 1 ? "" : "s")" }
        }
        return "\(total) results, more than the \(limit) a code-scanning viewer shows of a run: the \(omittedCount) of lowest "
            + "severity were left out (\(levels.joined(separator: ", "))); every error is here. The JSON report (--format json) "
            + "has every finding."
    }
}
