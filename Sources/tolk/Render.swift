import ArgumentParser
import Foundation
import TolkKit

struct Render: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case terminal, markdown, json
    }

    static let configuration = CommandConfiguration(
        abstract: "Render an article as terminal text, Markdown or JSON.",
        discussion: """
            markdown: the monolingual article of one side (--lang target or source; both is \
            not allowed). For the target side it is byte for byte the file the publishing \
            pipeline published: every unit replaced by its translation, every other byte kept.
            json: the whole model (units, front matter, blocks and steps of both sides); \
            the format is described in the README.
            terminal: as `tolk show`, without a pager; colour only with --color always.

            Examples:
              tolk render password-sync --to markdown --lang target -o password-sync.da.md
              tolk render content/error-code-0x15.md --to json -o error-code-0x15.json
            """)

    @Argument(help: "A path to an article, or its name in the content folder.")
    var article: String

    @Option(name: .long, help: "Output format: terminal, markdown, json.")
    var to: Format = .terminal

    @OptionGroup var reading: ReadingOptions

    @Flag(name: .long, help: "Markdown: leave out the YAML front matter.")
    var noFrontMatter = false

    @Option(name: .shortAndLong, help: "Write to FILE (atomically: a temporary file renamed into place) instead of standard output.")
    var output: String?

    func run() throws {
        let parsed = try ArticleLoader().load(article)
        var bytes: [UInt8]
        switch to {
        case .terminal:
            let tty = output == nil && isatty(STDOUT_FILENO) == 1
            bytes = Array(try reading.terminalRenderer(for: parsed, stdoutIsTTY: tty).render(parsed).utf8)
        case .markdown:
            let mode = try reading.mode(for: parsed)
            guard case .single(let side) = mode else {
                throw CommandFailure.usage("--to markdown writes one language; use --lang target or --lang source")
            }
            bytes = MarkdownRenderer(side: side, includeFrontMatter: !noFrontMatter).renderBytes(parsed)
        case .json:
            bytes = Array(JSONRenderer().render(parsed).utf8)
        }
        if let output {
            do {
                try AtomicFile.write(bytes, to: output)
            } catch {
                throw CommandFailure(message: error.description, code: 2)
            }
        } else {
            Output.write(bytes)
        }
    }
}
