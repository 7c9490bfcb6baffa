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
            discussion: """
                Default: the translation when LC_ALL/LC_MESSAGES/LANG names the article's language, English otherwise. \
                When the content folder holds locale folders (da-DK/, sv-SE/ …), an article's name picks its copy in \
                that language (sv_SE.UTF-8 → sv-SE; a language alone matches any region); without one, the English \
                is shown and standard error names the languages the article has.
                """,
            valueName: "lang"))
    var lang: LanguageChoice?

    @Option(name: .long, help: "Line width for terminal output (default: the terminal's width, or COLUMNS, or 80).")
    var width: Int?

    @Option(name: .long, help: "Colour and hyperlinks: auto (on a terminal, unless NO_COLOR), always, never.")
    var color: ColorMode = .auto

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Show the translation exactly as published, without repairs.",
            discussion: """
                By default a unit whose UI path machine translation broke (TOLK305, TOLK306), whose link text it \
                emptied (TOLK303) or whose translation is empty (TOLK201) is shown repaired and marked: each label \
                of the English path in its most frequent translation in the article's folder (`tolk labels`), \
                the English link text, the English sentence.
                """))
    var noRepair = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also learn UI labels for repairs from the articles in DIR (repeatable; TOLK_LABELS: folders joined by ':').",
            valueName: "dir"))
    var labelsFrom: [String] = []

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

    /// The article as the reader sees it: repaired from the label memory of the articles in its
    /// folder (`RepairedReading`), unless --no-repair or the English is shown alone.
    func repaired(_ article: Article) throws -> Article {
        guard !noRepair, try mode(for: article).primary == .target else { return article }
        let extra = labelsFrom + (environment["TOLK_LABELS"]?.split(separator: ":").map(String.init) ?? [])
        var paths: [String] = []
        for folder in [URL(fileURLWithPath: article.path).deletingLastPathComponent().path] + extra {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                if extra.contains(folder) { throw CommandFailure(message: "\(folder):1:1: error: --labels-from: no such folder", code: 2) }
                continue
            }
            paths += names.filter { $0.hasSuffix(".md") }.sorted().map { folder + "/" + $0 }
        }
        let memory = LabelMemory.build(paths)[LabelFacts.locale(of: article)]
        return RepairedReading.apply(article, memory: memory)
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

/// `--content DIR`, for every command that reads the content folder (pulled in with `@OptionGroup`).
struct ContentOptions: ParsableArguments {
    @Option(
        name: .customLong("content"),
        help: ArgumentHelp(
            "The content folder, where article names are looked up (default: TOLK_CONTENT, ./content, "
                + "$XDG_DATA_HOME/tolk/content or ~/.local/share/tolk/content, then PREFIX/share/tolk/content).",
            valueName: "dir"))
    var folder: String?

    func validate() throws {
        guard let folder else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--content \(folder): no such folder")
        }
        // Parsing decodes this group before `run()`: from here on every lookup sees it.
        ContentFolder.explicit = folder
    }
}

/// The content folder commands read by default: the one entry point every command uses
/// (see `ContentSearch` for the order of the places looked at).
enum ContentFolder {
    /// `--content DIR`, set while the arguments are parsed, before any work starts.
    nonisolated(unsafe) static var explicit: String?

    /// Where Tolk looked, and the folder it uses.
    static var search: ContentSearch {
        ContentSearch(
            explicit: explicit, environment: ProcessInfo.processInfo.environment,
            executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first)
    }

    /// The content folder; nil when none of the places exists.
    static var path: String? { search.found?.path }
}

/// Loads one article named on the command line, printing its warnings.
struct ArticleLoader {
    /// The article, and the language to show it in when its name chose a copy in a folder of
    /// locale folders (nil: as `--lang` and the reader's locale say).
    struct Loaded {
        var article: Article
        var lang: LanguageChoice?
    }

    /// In a content folder of locale folders (`da-DK/`, `sv-SE/` …), a name picks the copy in
    /// the language `lang` names, else the reader's (LC_ALL, LC_MESSAGES, LANG); without one,
    /// the English of the copy with the newest English, with a line on standard error naming
    /// the languages the article has.
    func load(_ name: String?, lang: LanguageChoice?, environment: [String: String]) throws -> Loaded {
        let search = ContentFolder.search
        let locator = ArticleLocator(contentDirectory: search.found?.path)
        let slug = name ?? ArticleLocator.defaultSlug
        var path = slug
        var chosen: LanguageChoice? = nil
        var parsed: Article?
        // A name (not a path) in a folder of locale folders names one article in several languages.
        let copies = FileManager.default.fileExists(atPath: slug) ? [] : locator.copies(of: slug)
        if copies.isEmpty {
            path = locator.resolve(slug)
        } else {
            (path, chosen, parsed) = try pick(slug, from: copies, lang: lang, environment: environment)
        }
        if name == nil && !FileManager.default.fileExists(atPath: path) {
            let looked = search.found == nil ? search.summary : "no \(slug).md in \(search.summary)"
            throw CommandFailure.usage("no article named, and \(looked); give a path, --content DIR or set TOLK_CONTENT")
        }
        if let name, path == name, !FileManager.default.fileExists(atPath: path), !name.contains("/"), !name.hasSuffix(".md") {
            let looked = search.found == nil ? search.summary : "no article named '\(name)' in \(search.summary)"
            throw CommandFailure(
                message: "\(name):1:1: error: no such file, and \(looked)"
                    + SearchCommands.suggestions(for: name, environment: environment),
                code: 2)
        }
        return Loaded(article: try parsed.map(reportingDiagnostics) ?? parse(path), lang: chosen)
    }

    /// The copy to show, the language to show it in, and the copy parsed when choosing it.
    private func pick(_ slug: String, from copies: [LocaleCopy], lang: LanguageChoice?, environment: [String: String]) throws -> (
        String, LanguageChoice?, Article?
    ) {
        let languages = copies.map(\.locale).joined(separator: ", ")
        var wanted: String?
        switch lang {
        case .locale(let locale): wanted = locale
        case .source: wanted = "en"
        case .target, .both, nil: wanted = LanguageChoice.readerLocale(environment)
        }
        if let wanted, LanguageChoice.language(of: wanted) != "en", let copy = ArticleLocator.copy(for: wanted, in: copies) {
            // The reader's or the asked-for language: its translation (or both, as asked).
            return (copy.path, lang == .both ? .both : .target, nil)
        }
        if case .locale(let locale) = lang, LanguageChoice.language(of: locale) != "en" {
            throw CommandFailure.usage("--lang \(locale): \(slug) is in \(languages) and English, not in \(locale)")
        }
        // English: from the copy that carries the newest English.
        let newest = Article.newestEnglish(copies.compactMap { try? ArticleParser().parse(contentsOf: $0.path) })
        if lang == nil || lang == .target || lang == .both {
            let reader = wanted.flatMap { LanguageChoice.language(of: $0) == nil ? nil : LanguageChoice.tag($0) }
            let why = reader.map { "\(slug) is not in \($0)" } ?? "\(slug) has no translation in the reader's language"
            FileHandle.standardError.write(
                Data("tolk: \(why); showing the English. It is in \(languages) (--lang LOCALE picks one)\n".utf8))
        }
        return (newest?.path ?? copies[0].path, .source, newest)
    }

    private func parse(_ path: String) throws -> Article {
        do {
            return reportingDiagnostics(try ArticleParser().parse(contentsOf: path))
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The article, its warnings printed to standard error.
    private func reportingDiagnostics(_ article: Article) -> Article {
        for diagnostic in article.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted(path: article.path) + "\n").utf8))
        }
        return article
    }
}
