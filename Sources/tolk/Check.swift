import ArgumentParser
import Foundation
import TolkKit

struct Check: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit, github, partial
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, note, never
    }

    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations: missing, untranslated and broken units, for CI.",
        discussion: """
            Checks every .md article under PATHS (default: the content folder) with the rules \
            `tolk check --list-rules` shows, on all cores, and reports findings sorted by \
            path and position. Configuration is read from the nearest .tolk.yml at or \
            above the first path (or --config): rules on/off and their severities, \
            doNotTranslate terms, a glossary, paths to skip. In an article, \
            <!-- tolk-ignore RULE --> before a unit silences RULE for that unit, and \
            <!-- tolk-ignore-file RULE --> for the whole file (no RULE: every rule).

            Paths: each article is checked once under its canonical path, so findings and \
            fingerprints do not depend on how PATHS are spelled. Text, JSON and baselines \
            print paths as written; SARIF, GitHub annotations and JUnit relative to the git \
            work tree holding PATHS (else the folder holding them). A SARIF run keeps at most \
            5,000 results (every error; what is left out is counted in the run). JUnit fails \
            a test only for findings at or above --fail-on; lower ones pass, shown in \
            <system-out>.

            Sharding (a CI job matrix): --shard K/N --format partial -o FILE checks the \
            K-th of N shares of the articles, chosen by a hash of each article's path below \
            the checked folder (adding an article moves no other), and writes their findings \
            and what the rules that compare articles need. --merge FILE… reads every \
            shard's file and prints the report, with the exit status, of one unsharded run; \
            --format, -o, --baseline, --write-baseline, --fail-on and --min-coverage apply \
            there. A shard exits 0 once its file is written. The merge refuses files from \
            another build of Tolk, another configuration or other paths, and a missing shard.

            Exit status: 0 nothing at or above --fail-on remains (and coverage is met); \
            1 something does, or coverage is below --min-coverage; 2 usage or I/O error.

            Examples:
              tolk check content/
              tolk check ../corpus --format sarif -o tolk.sarif
              tolk check --write-baseline .tolk-baseline.json
              tolk check --baseline .tolk-baseline.json --fail-on warning
              tolk check --explain TOLK305
              tolk check content/ --shard 2/4 --format partial -o shard-2.json
              tolk check --merge shard-*.json --format sarif -o tolk.sarif
            """)

    @Argument(help: "Articles or folders to check (default: the content folder); with --merge, the shards' partial files.")
    var paths: [String] = []

    @OptionGroup var contentFolder: ContentOptions

    @Option(name: .long, help: "Output format: text, json, sarif, junit, github; partial (a shard's share, for --merge).")
    var format: Format = .text

    @Option(
        name: .long,
        help: ArgumentHelp("Check only the K-th of N shares of the articles (1 ≤ K ≤ N), with --format partial.", valueName: "K/N"))
    var shard: PartialReport.Shard?

    @Flag(name: .long, help: "Merge the partial files of every shard into the report of one unsharded run.")
    var merge = false

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

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Rewrite the articles to fix what can be fixed: broken UI paths and split labels (TOLK305, TOLK306) from the label memory, emptied link texts (TOLK303), and TOLK501–504; then report what remains.",
            discussion:
                "Each file is written atomically and only inside the units it fixes; the fixes are listed on standard error, naming the articles each label's translation comes from."
        ))
    var fix = false

    @Flag(name: .long, help: "With --fix: print the changes as a unified diff instead of writing them.")
    var dryRun = false

    @Option(name: .long, help: "Colour for text output: auto, always, never.")
    var color: ColorMode = .auto

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if shard != nil && format != .partial {
            throw ValidationError("--shard K/N writes a partial report: add --format partial -o FILE, then --merge the shards' files")
        }
        if merge {
            if paths.isEmpty { throw ValidationError("--merge needs the partial files of every shard") }
            if format == .partial {
                throw ValidationError("--merge makes the final report: choose --format text, json, sarif, junit or github")
            }
            if config != nil {
                throw ValidationError("--merge takes the configuration from the partial files; give --config to the shards")
            }
        }
        if format == .partial {
            for (given, name) in [
                (baseline != nil, "--baseline"), (writeBaseline != nil, "--write-baseline"), (minCoverage != nil, "--min-coverage"),
            ]
            where given {
                throw ValidationError("\(name) applies to the whole run: give it to --merge, not to a shard")
            }
        }
        if dryRun && !fix { throw ValidationError("--dry-run shows what --fix would change: add --fix") }
        if fix && (merge || format == .partial) {
            throw ValidationError("--fix rewrites the articles it checks: not with --merge or a shard")
        }
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
        if merge {
            let (result, configuration, reportPaths) = try mergedRun()
            return try finish(result, configuration: configuration, paths: reportPaths)
        }
        let roots = paths.isEmpty ? [defaultContent()] : paths
        let checked: CheckedFiles
        do { checked = try CheckedFiles(paths: roots) } catch { throw CommandFailure(message: error.description, code: 2) }
        let configuration = try loadConfiguration(from: roots[0])
        let selected = checked.skipping(configuration)
        var checker = Checker(configuration: configuration, jobs: jobs)
        // Copies in other locales are compared only when the checked articles span two locale folders.
        checker.context.comparesLocaleFolders = CheckContext.spansLocaleFolders(selected.files.map(\.path))
        if format == .partial {
            return try writePartial(selected, checkedPaths: roots, checker: checker)
        }
        if fix {
            try fixArticles(selected, checker: checker)
            if dryRun { return }
        }
        let progress = ProgressLine(total: selected.files.count)
        let result = checker.run(selected.files.map(\.path)) { progress.update($0) }
        progress.finish()
        try finish(result, configuration: configuration, paths: selected.reportPaths)
    }

    /// This shard's articles checked, with what the merge needs, written as a partial report.
    private func writePartial(_ selected: CheckedFiles, checkedPaths: [String], checker: Checker) throws {
        let shard = self.shard ?? PartialReport.Shard("1/1")!
        let progress = ProgressLine(total: shard.articles(of: selected).count)
        let partial = PartialReport.check(selected, checkedPaths: checkedPaths, shard: shard, with: checker) { progress.update($0) }
        progress.finish()
        let bytes = [UInt8](partial.encoded(checker: checker))
        if let output { try write(bytes, to: output) } else { Output.write(bytes) }
    }

    /// The whole run the partial files given with --merge make.
    private func mergedRun() throws -> (Checker.Result, CheckConfiguration, ReportPaths) {
        var files: [(name: String, bytes: Data)] = []
        for path in paths {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(message: "\(path):1:1: error: cannot read the partial file", code: 2)
            }
            files.append((path, bytes))
        }
        let merged: PartialReport.Merged
        do { merged = try PartialReport.merge(files) } catch { throw CommandFailure(message: error.description, code: 2) }
        return (merged.checker.result(of: merged.checks), merged.configuration, merged.paths)
    }

    /// The report of a whole run: the baseline applied (or written), printed, and the exit status.
    private func finish(_ result: Checker.Result, configuration: CheckConfiguration, paths reportPaths: ReportPaths) throws {
        let active = RuleRegistry.all.compactMap { rule in configuration.severity(of: rule).map { (rule: rule, severity: $0) } }
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
            findings: findings, rules: active, articleCount: result.articleCount, statistics: result.statistics,
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
        case .partial: preconditionFailure("a partial report is written by writePartial")
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

    /// Fixes what `--fix` can in the selected articles (or, with --dry-run, prints the diff).
    private func fixArticles(_ selected: CheckedFiles, checker: Checker) throws {
        let paths = selected.files.map(\.path)
        let checks = checker.checkEach(paths)
        let candidates = zip(selected.files, checks).filter { _, check in
            check.findings.contains { ArticleFix.fixableRules.contains($0.ruleID) }
        }
        guard !candidates.isEmpty else {
            FileHandle.standardError.write(Data("tolk: nothing to fix\n".utf8))
            return
        }
        let fixer = CheckFixer(checker: checker, memories: LabelMemory.build(paths, jobs: jobs))
        var diff = ""
        var files = 0
        var fixed = 0
        var log = ""
        for (file, check) in candidates {
            guard let article = try? ArticleParser(analyzesUnits: true).parse(contentsOf: file.path),
                let result = fixer.fix(article, findings: check.findings)
            else { continue }
            files += 1
            fixed += result.fixedFindings
            if dryRun {
                diff += FixDiff.render(path: file.display, bytes: result.original, edits: result.edits)
                continue
            }
            try write(result.fixed, to: file.path)
            for edit in result.edits {
                log += "\(file.display):\(edit.location.line):\(edit.location.column): fixed \(edit.summary)"
                log += edit.sources.isEmpty ? "\n" : "; labels from " + edit.sources.joined(separator: ", ") + "\n"
            }
        }
        let verb = dryRun ? "would fix" : "fixed"
        log += "tolk: \(verb) \(fixed) finding\(fixed == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\n"
        FileHandle.standardError.write(Data(log.utf8))
        if dryRun { Output.write(Array(diff.utf8)) }
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
        try write(Array(text.utf8), to: path)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do { try AtomicFile.write(bytes, to: path) } catch { throw CommandFailure(message: error.description, code: 2) }
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

extension PartialReport.Shard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
