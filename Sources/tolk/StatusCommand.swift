import ArgumentParser
import Foundation
import TolkKit

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Evaluate an article's live status alone, for scripts.",
        discussion: """
            Reads the status source named by the article's binding (NAME.status.yml beside \
            the article) or by --status / --status-cmd, applies the binding's rules, and \
            prints the status panel (or, with --json, the evaluation as JSON).

            Exit status: 0 every rule holds; 1 a warning or an error is shown (a failed rule, \
            or a value that could not be read: missing file, invalid JSON, missing key, wrong \
            type, a command that failed or timed out); 2 usage error (unknown option, no or \
            invalid binding, unreadable article).

            Examples:
              tolk status password-sync
              tolk status password-sync --json
              PASSWORD_SYNC_STATE=broken tolk status password-sync --lang da
              provider --json | tolk status password-sync --status -
            """)

    @Argument(help: "A path to an article, or its name in the content folder (default: password-sync).")
    var article: String?

    @Flag(name: .long, help: "Print the evaluation as JSON (format in the README).")
    var json = false

    @OptionGroup var reading: ReadingOptions

    @OptionGroup(title: "Live status") var status: StatusOptions

    @Option(name: .long, help: ArgumentHelp("Re-read every SECONDS and redraw the panel, until Ctrl-C.", valueName: "seconds"))
    var watch: Double?

    func validate() throws {
        if status.noStatus { throw ValidationError("--no-status makes no sense for `tolk status`") }
        try status.validate(watch: watch)
        if watch != nil && json { throw ValidationError("--watch shows the panel; drop --json") }
    }

    func run() throws {
        let parsed: Article
        var reading = self.reading
        do {
            let loaded = try ArticleLoader().load(article, lang: self.reading.lang, environment: self.reading.environment)
            parsed = loaded.article
            if let lang = loaded.lang { reading.lang = lang }
        } catch var failure as CommandFailure {
            failure.code = 2
            throw failure
        }
        let binding = try status.requireBinding(for: parsed)
        var live = LiveStatus(article: parsed, binding: binding, source: try status.source(for: binding))
        let words = reading.statusWords(for: parsed)
        let side = try reading.mode(for: parsed).primary
        let tty = isatty(STDOUT_FILENO) == 1
        let terminal = TerminalEnvironment(environment: reading.environment, stdoutIsTTY: tty)
        if let watch {
            var last: StatusEvaluation?
            Watcher(interval: watch, onTerminal: tty).run { reread in
                if reread || last == nil { last = live.evaluate(words: words, shouldStop: { WatchSignals.stopRequested }) }
                guard let evaluation = last else { return [] }
                let panel = TerminalStatusPanel(width: reading.width(stdoutIsTTY: tty), styler: terminal.styler(mode: reading.color))
                return panel.layout(StatusPresentation(evaluation, side: side, words: words), footer: words.refreshing(every: watch))
                    .map { panel.styler.render($0) }
            }
            return
        }
        let evaluation = live.evaluate(words: words)
        let presentation = StatusPresentation(evaluation, side: side, words: words)
        if json {
            Output.write(
                Array((StatusJSONReport(article: parsed, evaluation: evaluation, presentation: presentation).json.serialized() + "\n").utf8)
            )
        } else {
            let panel = TerminalStatusPanel(width: reading.width(stdoutIsTTY: tty), styler: terminal.styler(mode: reading.color))
            Output.write(Array(panel.render(presentation).utf8))
        }
        if evaluation.level != .ok { throw CommandFailure(message: "", code: 1) }
    }
}
