import ArgumentParser
import Foundation
import TolkKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an article as help in the terminal.",
        discussion: """
            With no ARTICLE, shows the default article (password-sync). On a terminal the \
            output goes through $PAGER (less -FRX when PAGER is unset) unless --no-pager; \
            piped output is plain text.

            Examples:
              tolk show
              tolk show password-sync --lang both
              tolk show content/error-code-0x15.md --lang en --width 72
            """)

    @Argument(help: "A path to an article, or its name in the content folder.")
    var article: String?

    @OptionGroup var reading: ReadingOptions

    @Flag(name: .long, help: "Print directly even on a terminal.")
    var noPager = false

    func run() throws {
        let parsed = try ArticleLoader().load(article)
        let tty = isatty(STDOUT_FILENO) == 1
        let text = try reading.terminalRenderer(for: parsed, stdoutIsTTY: tty).render(parsed)
        Output.page(text, usePager: tty && !noPager)
    }
}
