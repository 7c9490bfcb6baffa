import ArgumentParser
import Foundation
import TolkKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an article as help in the terminal, with its live status.",
        discussion: """
            With no ARTICLE, shows the default article (password-sync). On a terminal the \
            output goes through $PAGER (less -FRX when PAGER is unset) unless --no-pager; \
            piped output is plain text.

            Live status: when a status binding lies beside the article (NAME.status.yml), \
            its source is read and a status panel is shown above the steps, with each value \
            again beside the step that describes it (✓ holds, ! warning, ✗ error, ? could \
            not be read). A source that fails never stops the help: the panel says what went \
            wrong and standard error says it once. --watch SECONDS re-reads the source and \
            redraws in place on a terminal (a new snapshot each time when piped) until \
            Ctrl-C, which ends it with exit status 0.

            Examples:
              tolk show
              tolk show password-sync --lang both
              PASSWORD_SYNC_STATE=stale tolk show password-sync --lang en
              tolk show password-sync --status content/status-examples/password-sync-stale.json
              tolk show password-sync --status-cmd './probe --json' --status-timeout 3s --watch 5
              tolk show content/error-code-0x15.md --lang en --width 72
            """)

    @Argument(help: "A path to an article, or its name in the content folder.")
    var article: String?

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var contentFolder: ContentOptions

    @OptionGroup(title: "Live status") var status: StatusOptions

    @Option(name: .long, help: ArgumentHelp("Re-read the status every SECONDS and redraw, until Ctrl-C.", valueName: "seconds"))
    var watch: Double?

    @Flag(name: .long, help: "Print directly even on a terminal.")
    var noPager = false

    func validate() throws {
        try status.validate(watch: watch)
        if watch != nil && status.noStatus { throw ValidationError("--watch needs live status; drop --no-status") }
    }

    func run() throws {
        let loaded = try ArticleLoader().load(article, lang: self.reading.lang, environment: self.reading.environment)
        var reading = self.reading
        if let lang = loaded.lang { reading.lang = lang }
        let parsed = try reading.repaired(loaded.article)
        let tty = isatty(STDOUT_FILENO) == 1
        var renderer = try reading.terminalRenderer(for: parsed, stdoutIsTTY: tty)
        let words = reading.statusWords(for: parsed)
        var live: LiveStatus?
        do {
            if let binding = try status.loadBinding(for: parsed) {
                live = LiveStatus(article: parsed, binding: binding, source: try status.source(for: binding))
            }
        } catch let failure as CommandFailure where !status.asksForStatus {
            // A broken binding beside the article: say so, and show the help without status.
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
        }
        guard var live else {
            if watch != nil { throw CommandFailure.usage("--watch: \(parsed.path) has no status binding to watch") }
            Output.page(renderer.render(parsed), usePager: tty && !noPager)
            return
        }
        let side = renderer.mode.primary
        if let watch {
            renderer.statusFooter = words.refreshing(every: watch)
            var last: StatusEvaluation?
            Watcher(interval: watch, onTerminal: tty).run { reread in
                if reread || last == nil { last = live.evaluate(words: words, shouldStop: { WatchSignals.stopRequested }) }
                guard let evaluation = last else { return [] }
                var frame = renderer
                frame.width = reading.width(stdoutIsTTY: tty)
                frame.status = StatusPresentation(evaluation, side: side, words: words)
                return frame.layout(parsed).map { frame.styler.render($0) }
            }
            return
        }
        let evaluation = live.evaluate(words: words)
        renderer.status = StatusPresentation(evaluation, side: side, words: words)
        Output.page(renderer.render(parsed), usePager: tty && !noPager)
    }
}
