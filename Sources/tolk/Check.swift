import ArgumentParser
import Foundation
import TolkKit

struct Check: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit, github
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, note, never
    }

    static let configuration = CommandConfiguration(
        abstract: "Check translations: missing, untranslated and broken units, for CI.",
        discussion: """
            Checks every .md article under PATHS (default: content/) with the rules \
            `tolk check --list-rules` shows, on all cores, and reports findings sorted by \
            path and position. Configuration is read from the nearest .tolk.yml at or \
            above the first path (or --config): rules on/off and their severities, \
            doNotTranslate terms, a glossary, paths to skip. In an article, \
            <!-- tolk-ignore RULE --> before a unit silences RULE for that unit, and \
            <!-- tolk-ignore-file RULE --> for the whole file (no RULE: every rule).

            Exit status: 0 nothing at or above --fail-on remains (and coverage is met); \
            1 something does, or coverage is below --min-coverage; 2 usage or I/O error.

            Examples:
              tolk check content/
              tolk check ../corpus --format sarif -o tolk.sarif
              tolk check --write-baseline .tolk-baseline.json
              tolk check --baseline .tolk-baseline.json --fail-on warning
              tolk check --explain TOLK305
            """)

    @Argument(help: "Articles or folders to check (default: content/).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text, json, sarif, junit, github.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the report to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Fail (exit 1) when a finding of this severity or worse remains: error, warning, note, never.")
    var failOn: FailOn = .error

    @Option(name: .long, help: "Fail when the share of translated units falls below PCT (0–100).")
    var minCoverage: Double?

    @Option(name: .long, help: "Read this configuration instead of the nearest .tolk.yml.")
    var config: String?

    @Option(name: .long, help: "Report only findings not recorded in this baseline file.")
    var baseline: String?

    @Option(name: .long, help: "Record today's findings as a baseline in FILE, and exit 0.")
    var writeBaseline: String?

    @Option(name: [.short, .long], help: "Parallel jobs (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Explain a rule (by ID or name) and exit.")
    var explain: String?

    @Flag(name: .long, help: "List every rule with its ID, name and default severity, and exit.")
    var listRules = false

    @Option(name: .long, help: "Colour for text output: auto, always, never.")
    var color: ColorMode = .auto

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let minCoverage, !(0...100).contains(minCoverage) { throw ValidationError("--min-coverage must be between 0 and 100") }
    }

    func run() throws {
        if listRules {
            Output.write(Array(RulesTable.text().utf8))
            return
        }
        if let explain {
            guard let rule = RuleRegistry.rule(named: explain) else {
                throw CommandFailure.usage("unknown rule '\(explain)'; `tolk check --list-rules` lists them")
            }
            Output.write(Array(RulesTable.explanation(rule).utf8))
            return
        }
        let roots = paths.isEmpty ? [defaultContent()] : paths
        let checked: CheckedFiles
        do { checked = try CheckedFiles(paths: roots) } catch { throw CommandFailure(message: error.description, code: 2) }
        let configuration = try loadConfiguration(from: roots[0])
        let selected = checked.skipping(configuration)
        let files = selected.files.map(\.path)
        let reportPaths = selected.reportPaths
        let active = RuleRegistry.all.compactMap { rule in configuration.severity(of: rule).map { (rule: rule, severity: $0) } }
        let progress = ProgressLine(total: files.count)
        let result = Checker(configuration: configuration, jobs: jobs).run(files) { progress.update($0) }
        progress.finish()

        if let writeBaseline {
            let shown = result.findings.map { finding in
                var copy = finding
                copy.path = reportPaths.display(finding.path)
                return copy
            }
            try write(Baseline(findings: shown).serialized(), to: writeBaseline)
            FileHandle.standardError.write(Data("tolk: recorded \(result.findings.count) findings in \(writeBaseline)\n".utf8))
            return
        }
        var findings = result.findings
        var stale: [String] = []
        var hidden = 0
        if let baseline {
            let loaded: Baseline
            do { loaded = try Baseline.load(baseline) } catch { throw CommandFailure(message: error.description, code: 2) }
            let filtered = loaded.filter(findings)
            findings = filtered.new
            hidden = filtered.hidden
            stale = filtered.stale.map { "\($0.path): [\($0.rule)] \($0.message)" }
        }
        let report = CheckReport(
            findings: findings, rules: active, articleCount: files.count, statistics: result.statistics,
            staleBaselineEntries: stale, baselineSuppressed: hidden, paths: reportPaths)
        let toTerminal = output == nil && isatty(STDOUT_FILENO) == 1
        let text: String
        switch format {
        case .text:
            let styler = TerminalEnvironment(environment: ProcessInfo.processInfo.environment, stdoutIsTTY: toTerminal).styler(mode: color)
            text = TextPrinter(styler: styler, sourceLines: SourceLines()).render(report)
        case .json: text = JSONFindingPrinter().render(report)
        case .sarif: text = SARIFPrinter().render(report)
        case .junit: text = JUnitPrinter(failOn: failOn.severity).render(report)
        case .github: text = GitHubPrinter().render(report)
        }
        if let output { try write(text, to: output) } else { Output.write(Array(text.utf8)) }
        if !stale.isEmpty {
            let list = stale.prefix(20).map { "  " + $0 }.joined(separator: "\n")
            let more = stale.count > 20 ? "\n  … and \(stale.count - 20) more" : ""
            FileHandle.standardError.write(
                Data(
                    "tolk: \(stale.count) baseline entries no longer match anything (fixed, or changed); rewrite the baseline to drop them:\n\(list)\(more)\n"
                        .utf8))
        }

        var failed = false
        if let threshold = failOn.severity, findings.contains(where: { $0.severity >= threshold }) { failed = true }
        if let minCoverage {
            let units = result.statistics.reduce(0) { $0 + $1.units }
            let translated = result.statistics.reduce(0) { $0 + $1.translated }
            let coverage = units == 0 ? 100 : Double(translated) * 100 / Double(units)
            if coverage < minCoverage {
                FileHandle.standardError.write(
                    Data(
                        "tolk: coverage \(String(format: "%.1f", coverage))% of \(units) units is below --min-coverage \(minCoverage)%\n"
                            .utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func defaultContent() -> String {
        ContentFolder.path ?? "content"
    }

    private func loadConfiguration(from root: String) throws -> CheckConfiguration {
        guard let path = config ?? CheckConfiguration.find(from: root) else { return CheckConfiguration() }
        if config != nil && !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(message: "\(path):1:1: error: no such configuration file", code: 2)
        }
        do {
            return try CheckConfiguration.load(path, rules: RuleRegistry.all)
        } catch {
            throw CommandFailure(message: error.description, code: 2)
        }
    }

    private func write(_ text: String, to path: String) throws {
        do { try AtomicFile.write(text, to: path) } catch { throw CommandFailure(message: error.description, code: 2) }
    }
}

extension Check.FailOn {
    var severity: Diagnostic.Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note: .note
        case .never: nil
        }
    }
}

/// A one-line progress report on stderr, shown only on a terminal and only once
/// a run has taken more than a second.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = Date.distantPast

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        shown = true
        FileHandle.standardError.write(Data("\rtolk: checked \(done)/\(total) articles\u{1B}[K".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `--list-rules` and `--explain`.
enum RulesTable {
    static func text() -> String {
        var out = "ID       severity  name                        summary\n"
        for rule in RuleRegistry.all {
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let name = rule.name.padding(toLength: 26, withPad: " ", startingAt: 0)
            out += "\(rule.id)  \(severity)  \(name)  \(rule.summary)\n"
        }
        return out
    }

    static func explanation(_ rule: any Rule.Type) -> String {
        "\(rule.id) \(rule.name) (default severity: \(rule.defaultSeverity.rawValue))\n\n\(rule.summary)\n\n\(rule.explanation)\n"
    }
}
