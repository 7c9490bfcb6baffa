import ArgumentParser
import Foundation
import TolkKit

/// `tolk`: bilingual help in the terminal, as Markdown and as JSON.
@main
struct Tolk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tolk",
        abstract: "Read, render and check localized side-by-side help articles in Danish, English or both, beside live status.",
        discussion: """
            Tolk reads Microsoft's side-by-side (sxs) bilingual Markdown articles: every \
            sentence carried as its translation and its English original. ARTICLE is a \
            path to a .md file or the name of an article in the content folder: the \
            first of --content DIR, TOLK_CONTENT, ./content, $XDG_DATA_HOME/tolk/content \
            (else ~/.local/share/tolk/content) and PREFIX/share/tolk/content beside the \
            installed tolk (its own articles) that exists. The HTML templates are built \
            in; --templates DIR or TOLK_TEMPLATES replaces them.

            Live status: an article with a binding beside it (NAME.status.yml) is shown \
            with the values its status fields describe, read from a file, standard input \
            or a command, and checked against the binding's rules (see `tolk status`).

            Exit status: 0 success; 1 the file is not a readable bilingual article \
            (invalid UTF-8, binary, no translation units), `check` found something \
            at or above --fail-on, or `status` shows a warning or an error; 2 usage or \
            I/O error (unknown option, missing file, a directory, unwritable output, a \
            bad .tolk.yml or status binding).

            Environment: LC_ALL, LC_MESSAGES, LANG choose the default language; LC_TIME \
            and TZ how dates are shown; NO_COLOR, CLICOLOR_FORCE, COLUMNS, PAGER, \
            TOLK_CONTENT, XDG_DATA_HOME, HOME, TOLK_TEMPLATES.
            """,
        subcommands: [Show.self, Search.self, List.self, Status.self, Render.self, Check.self, Stats.self, Site.self, Labels.self])

    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CommandFailure {
            if !error.message.isEmpty { FileHandle.standardError.write(Data((error.message + "\n").utf8)) }
            Foundation.exit(error.code)
        } catch {
            let code = exitCode(for: error)
            // Usage errors get 2, as documented, not ArgumentParser's 64.
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A failure already described for the user, with its exit code.
struct CommandFailure: Error {
    var message: String
    var code: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: "tolk: error: " + message, code: 2) }

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    init(_ error: ArticleError) {
        self.init(message: error.description, code: error.isIOError ? 2 : 1)
    }
}
