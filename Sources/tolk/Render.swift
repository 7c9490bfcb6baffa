import ArgumentParser
import Foundation
import TolkKit

struct Render: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case terminal, markdown, json, html
    }

    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render an article as terminal text, Markdown, JSON or an HTML page.",
        discussion: """
            markdown: the monolingual article of one side (--lang target or source; both is \
            not allowed). For the target side it is byte for byte the file the publishing \
            pipeline published: every unit replaced by its translation, every other byte kept.
            json: the whole model (units, front matter, blocks and steps of both sides); \
            the format is described in the README.
            terminal: as `tolk show`, without a pager; colour only with --color always.
            html: one standalone HTML5 page in one language (--lang target or source; both \
            gives the translation's page, which holds every original), the stylesheet \
            inlined, no other resources. On the translation's page each sentence shows its \
            English original on hover, tap or keyboard focus, or all at once with the \
            "Show English originals" switch. Templates come from --templates DIR, else \
            TOLK_TEMPLATES, else Tolk's own, built in (`tolk site --export-templates DIR` \
            writes them out to start a theme of your own). \
            With --alternate URL the page links to the same article in the other language \
            (language switch, hreflang links, the machine-translation notice's English link).

            Examples:
              tolk render password-sync --to markdown --lang target -o password-sync.da.md
              tolk render content/error-code-0x15.md --to json -o error-code-0x15.json
              tolk render password-sync --to html --lang da -o da.html --alternate en.html
              tolk render password-sync --to html --lang en -o en.html --alternate da.html
            """)

    @Argument(help: "A path to an article, or its name in the content folder.")
    var article: String

    @Option(name: .long, help: "Output format: terminal, markdown, json, html.")
    var to: Format = .terminal

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var contentFolder: ContentOptions

    @Flag(name: .long, help: "Markdown: leave out the YAML front matter.")
    var noFrontMatter = false

    @Option(
        name: .long,
        help: ArgumentHelp("HTML: read the page templates from DIR (default: TOLK_TEMPLATES, else Tolk's own).", valueName: "dir"))
    var templates: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "HTML: the URL of this article's page in the other language, relative to this page.", valueName: "url"))
    var alternate: String?

    @Option(name: .shortAndLong, help: "Write to FILE (atomically: a temporary file renamed into place) instead of standard output.")
    var output: String?

    func run() throws {
        let loaded = try ArticleLoader().load(article, lang: self.reading.lang, environment: self.reading.environment)
        let parsed = loaded.article
        var reading = self.reading
        if let lang = loaded.lang { reading.lang = lang }
        var bytes: [UInt8]
        switch to {
        case .terminal:
            let tty = output == nil && isatty(STDOUT_FILENO) == 1
            let repaired = try reading.repaired(parsed)
            bytes = Array(try reading.terminalRenderer(for: repaired, stdoutIsTTY: tty).render(repaired).utf8)
        case .markdown:
            let mode = try reading.mode(for: parsed)
            guard case .single(let side) = mode else {
                throw CommandFailure.usage("--to markdown writes one language; use --lang target or --lang source")
            }
            bytes = MarkdownRenderer(side: side, includeFrontMatter: !noFrontMatter).renderBytes(parsed)
        case .json:
            bytes = Array(JSONRenderer().render(parsed).utf8)
        case .html:
            let repaired = try reading.repaired(parsed)
            bytes = Array(try htmlRenderer(for: repaired, reading: reading).render(repaired).utf8)
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

    /// The page renderer: one side, the stylesheet inlined, the other language linked when `--alternate` names its page.
    private func htmlRenderer(for article: Article, reading: ReadingOptions) throws -> HTMLPageRenderer {
        let mode = try reading.mode(for: article)
        let side: Side = mode == .single(.source) ? .source : .target
        let loaded: HTMLTemplates
        do {
            loaded = try HTMLTemplates.load(explicit: templates, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure(message: error.description, code: 2)
        }
        var pages: [String: String] = [:]
        if let alternate {
            pages[HTMLPageRenderer.pageLocale(of: article, side: side.other)] = alternate
            if let output { pages[HTMLPageRenderer.pageLocale(of: article, side: side)] = URL(fileURLWithPath: output).lastPathComponent }
        }
        return HTMLPageRenderer(side: side, templates: loaded, stylesheet: .inline, pageURLs: pages)
    }
}
