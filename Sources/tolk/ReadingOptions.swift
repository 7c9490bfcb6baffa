import ArgumentParser
import Foundation
import TolkKit

extension ColorMode: ExpressibleByArgument {}

extension LanguageChoice: ExpressibleByArgument {}

/// Options shared by every command that reads an article.
struct ReadingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language: target, source, both (each English original under its translation), or a locale such as da, da-DK, en.",
            discussion: "Default: the translation when LC_ALL/LC_MESSAGES/LANG names the article's language, English otherwise.",
            valueName: "lang"))
    var lang: LanguageChoice?

    @Option(name: .long, help: "Line width for terminal output (default: the terminal's width, or COLUMNS, or 80).")
    var width: Int?

    @Option(name: .long, help: "Colour and hyperlinks: auto (on a terminal, unless NO_COLOR), always, never.")
    var color: ColorMode = .auto

    func validate() throws {
        if let width, width < 20 || width > 1000 { throw ValidationError("--width must be between 20 and 1000 (got \(width))") }
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func mode(for article: Article) throws -> LanguageChoice.Mode {
        guard let lang else { return LanguageChoice.defaultMode(for: article, environment: environment) }
        do {
            return try lang.mode(for: article)
        } catch {
            throw CommandFailure.usage("--lang \(lang): \(error)")
        }
    }

    /// Tolk's own words follow the article's language as shown: Danish with a
    /// Danish translation, English with the English original or any other language.
    func uiLanguage(for article: Article, mode: LanguageChoice.Mode) -> String {
        guard mode.primary == .target, let locale = article.targetLocale else { return "en" }
        return LanguageChoice.language(of: locale) == "da" ? "da" : "en"
    }

    func terminalRenderer(for article: Article, stdoutIsTTY: Bool) throws -> TerminalRenderer {
        let terminal = TerminalEnvironment(environment: environment, stdoutIsTTY: stdoutIsTTY)
        let mode = try mode(for: article)
        return TerminalRenderer(
            mode: mode, width: terminal.width(explicit: width), styler: terminal.styler(mode: color),
            uiLanguage: uiLanguage(for: article, mode: mode))
    }

    /// The current layout width (re-read on every `--watch` frame, so a resized terminal reflows).
    func width(stdoutIsTTY: Bool) -> Int {
        TerminalEnvironment(environment: environment, stdoutIsTTY: stdoutIsTTY).width(explicit: width)
    }

    /// Tolk's status words and formats for this reader: the language shown, the
    /// reader's locale when it is in that language, the reader's time zone (TZ).
    func statusWords(for article: Article) -> StatusWords {
        let mode = (try? mode(for: article)) ?? .single(.source)
        return StatusWords.forReader(language: uiLanguage(for: article, mode: mode), environment: environment)
    }
}

/// The content folder commands read by default (see `ArticleLocator.defaultContentDirectory`).
enum ContentFolder {
    static var path: String? {
        ArticleLocator.defaultContentDirectory(environment: ProcessInfo.processInfo.environment, executablePath: CommandLine.arguments[0])
    }
}

/// Loads one article named on the command line, printing its warnings.
struct ArticleLoader {
    func load(_ name: String?) throws -> Article {
        let locator = ArticleLocator(contentDirectory: ContentFolder.path)
        let path = locator.resolve(name ?? ArticleLocator.defaultSlug)
        if name == nil && !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure.usage(
                "no article named and no content folder with \(ArticleLocator.defaultSlug).md found; give a path or set TOLK_CONTENT")
        }
        if let name, path == name, !FileManager.default.fileExists(atPath: path), !name.contains("/"), !name.hasSuffix(".md") {
            throw CommandFailure(
                message:
                    "\(name):1:1: error: no such file, and no article named '\(name)' in \(locator.contentDirectory ?? "a content folder")",
                code: 2)
        }
        let article: Article
        do {
            article = try ArticleParser().parse(contentsOf: path)
        } catch {
            throw CommandFailure(error)
        }
        for diagnostic in article.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted(path: path) + "\n").utf8))
        }
        return article
    }
}
