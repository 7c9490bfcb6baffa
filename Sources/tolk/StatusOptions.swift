import ArgumentParser
import Foundation
import TolkKit

/// Where live status comes from: options shared by `show` and `status`.
struct StatusOptions: ParsableArguments {
    @Option(
        name: .customLong("status"),
        help: ArgumentHelp("Read the status document (JSON) from FILE, or from standard input with '-'.", valueName: "file"))
    var statusFile: String?

    @Option(
        name: .customLong("status-cmd"),
        help: ArgumentHelp(
            "Run COMMAND and read the status document from its output. Run without a shell (quotes and backslashes are honoured) unless --shell.",
            valueName: "command"))
    var statusCommand: String?

    @Flag(name: .long, help: "Run --status-cmd through /bin/sh -c (pipes, variables).")
    var shell = false

    @Option(
        name: .customLong("status-timeout"),
        help: ArgumentHelp(
            "Stop a status command after this long: 500ms, 5s, 1m (default: the binding's, else 10s).", valueName: "duration"))
    var statusTimeout: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The status binding (YAML). Default: ARTICLE.status.yml beside the article.", valueName: "file"))
    var binding: String?

    @Flag(name: .customLong("no-status"), help: "Show the article without live status.")
    var noStatus = false

    func validate() throws {
        if statusFile != nil && statusCommand != nil { throw ValidationError("give --status or --status-cmd, not both") }
        if shell && statusCommand == nil { throw ValidationError("--shell applies to --status-cmd") }
        if let statusTimeout, StatusDuration(parsing: statusTimeout) == nil {
            throw ValidationError("--status-timeout: '\(statusTimeout)' is not a duration such as 500ms, 5s or 1m")
        }
        if noStatus && (statusFile != nil || statusCommand != nil || binding != nil) {
            throw ValidationError("--no-status cannot be combined with --status, --status-cmd or --binding")
        }
    }

    /// The checks `--watch SECONDS` needs in `show` and `status`.
    func validate(watch: Double?) throws {
        guard let watch else { return }
        if !(watch >= 0.1 && watch <= 86_400) { throw ValidationError("--watch must be between 0.1 and 86400 seconds") }
        if statusFile == "-" { throw ValidationError("--watch cannot re-read standard input; give a file or --status-cmd") }
    }

    var asksForStatus: Bool { statusFile != nil || statusCommand != nil || binding != nil }

    /// The binding for an article: the one named, else the one beside it, else nil.
    /// An invalid binding is a usage error (exit 2) with `path:line:col`.
    func loadBinding(for article: Article) throws -> StatusBinding? {
        if noStatus { return nil }
        guard let path = binding ?? StatusBinding.path(forArticleAt: article.path) else {
            if asksForStatus { throw Self.noBinding(article) }
            return nil
        }
        let loaded: StatusBinding
        do {
            loaded = try StatusBinding(contentsOf: path)
        } catch {
            throw CommandFailure(message: error.description, code: 2)
        }
        let problems = loaded.validate(against: article)
        if !problems.isEmpty {
            throw CommandFailure(message: problems.map(\.description).joined(separator: "\n"), code: 2)
        }
        return loaded
    }

    /// The binding for an article, which must have one (`tolk status`).
    func requireBinding(for article: Article) throws -> StatusBinding {
        guard let binding = try loadBinding(for: article) else { throw Self.noBinding(article) }
        return binding
    }

    static func noBinding(_ article: Article) -> CommandFailure {
        let base = article.path.hasSuffix(".md") ? String(article.path.dropLast(3)) : article.path
        return CommandFailure.usage("\(article.path) has no status binding (\(base).status.yml); give one with --binding FILE")
    }

    /// The source to read: the command line's, else the binding's.
    func source(for binding: StatusBinding) throws -> StatusSource {
        let timeout = statusTimeout.flatMap(StatusDuration.init(parsing:)) ?? binding.source?.timeout ?? StatusBinding.Source.defaultTimeout
        if let statusFile {
            guard statusFile == "-" else { return .file(statusFile) }
            if isatty(STDIN_FILENO) == 1 {
                throw CommandFailure.usage("--status -: standard input is a terminal; pipe a JSON status document into tolk")
            }
            return .standardInput
        }
        if let statusCommand {
            if shell { return .command([statusCommand], shell: true, directory: nil, timeout: timeout) }
            guard let argv = CommandLineSplitter.split(statusCommand), !argv.isEmpty else {
                throw CommandFailure.usage("--status-cmd: unbalanced quotes in '\(statusCommand)'")
            }
            return .command(argv, shell: false, directory: nil, timeout: timeout)
        }
        guard var own = binding.source else {
            throw CommandFailure.usage("\(binding.path) names no source; give --status FILE or --status-cmd COMMAND")
        }
        if let statusTimeout = statusTimeout.flatMap(StatusDuration.init(parsing:)) { own.timeout = statusTimeout }
        return StatusSource(own, bindingDirectory: binding.directory)
    }
}

/// Reads and evaluates live status for one article, and says once on
/// standard error what went wrong.
struct LiveStatus {
    let article: Article
    let binding: StatusBinding
    let source: StatusSource
    private var lastComplaint: String?

    init(article: Article, binding: StatusBinding, source: StatusSource) {
        self.article = article
        self.binding = binding
        self.source = source
    }

    mutating func evaluate(words: StatusWords, shouldStop: () -> Bool = { false }) -> StatusEvaluation {
        let reading = source.read(shouldStop: shouldStop)
        let evaluation = StatusEvaluator(timeZone: words.timeZone).evaluate(binding, reading: reading, article: article)
        complain(evaluation)
        return evaluation
    }

    /// One line on stderr per problem, not repeated while it lasts (`--watch`).
    private mutating func complain(_ evaluation: StatusEvaluation) {
        let english = StatusWords(language: "en", timeZone: .current)
        var problems: [String] = []
        if let failure = evaluation.reading.failure {
            if failure != .interrupted {
                problems.append(
                    english.failure(failure, origin: evaluation.reading.origin, standardError: evaluation.reading.standardError))
            }
        } else {
            for field in evaluation.fields {
                guard let finding = field.finding, finding.isReadingProblem else { continue }
                problems.append("\(field.field.label): " + english.finding(finding, field: field.field, boolWords: nil))
            }
        }
        let complaint = problems.map { "tolk: warning: status: " + $0 }.joined(separator: "\n")
        if !complaint.isEmpty && complaint != lastComplaint {
            FileHandle.standardError.write(Data((complaint + "\n").utf8))
        }
        lastComplaint = complaint
    }
}
