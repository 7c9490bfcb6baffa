import Foundation

/// Everything a printer needs: the findings to show, the rules that ran, and
/// counts for summaries.
public struct CheckReport: Sendable {
    /// The findings to show, in order.
    public var findings: [Finding]
    /// The rules that ran, with the severity each ran at (for SARIF rule metadata).
    public var rules: [(rule: any Rule.Type, severity: Diagnostic.Severity)]
    /// The number of articles checked.
    public var articleCount: Int
    /// Each checked article's counts, for coverage.
    public var statistics: [ArticleStatistics]
    /// Baseline entries that matched no finding in this run (`--baseline`).
    public var staleBaselineEntries: [String]
    /// Findings the baseline hid.
    public var baselineSuppressed: Int
    /// The tool version written into SARIF and JUnit output.
    public var toolVersion: String
    /// How paths are printed (as spelled, or relative to the repository).
    public var paths: ReportPaths

    /// A report of `findings` from `rules` over `articleCount` articles.
    public init(
        findings: [Finding], rules: [(rule: any Rule.Type, severity: Diagnostic.Severity)], articleCount: Int,
        statistics: [ArticleStatistics] = [], staleBaselineEntries: [String] = [], baselineSuppressed: Int = 0,
        toolVersion: String = Tolk.version, paths: ReportPaths = ReportPaths()
    ) {
        self.findings = findings
        self.rules = rules
        self.articleCount = articleCount
        self.statistics = statistics
        self.staleBaselineEntries = staleBaselineEntries
        self.baselineSuppressed = baselineSuppressed
        self.toolVersion = toolVersion
        self.paths = paths
    }

    /// The number of findings at `severity`.
    public func count(_ severity: Diagnostic.Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// Facts about this build of Tolk.
public enum Tolk {
    /// Tolk's version, as `tolk --version` and the SARIF and JUnit reports give it.
    public static let version = "0.1.0"
}

/// Turns a check report into one output format.
public protocol FindingPrinter {
    /// The report in this printer's format.
    func render(_ report: CheckReport) -> String
}

/// Reads source lines of checked files for the text printer's caret display,
/// one file at a time and only when asked.
public final class SourceLines: @unchecked Sendable {
    private var cache: [String: [Substring]] = [:]
    private let lock = NSLock()

    /// An empty reader; files are read on first use.
    public init() {}

    /// Line `line` (1-based) of `path`, without its newline.
    public func line(_ line: Int, of path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if cache[path] == nil {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            // Split bytes on LF: "\r\n" is one Character, so a String split would miss it.
            cache[path] = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                Substring(String(decoding: line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self))
            }
        }
        guard let lines = cache[path], line >= 1, line <= lines.count else { return nil }
        return String(lines[line - 1])
    }
}
