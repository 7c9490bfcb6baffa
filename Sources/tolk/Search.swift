import ArgumentParser
import Foundation
import TolkKit

/// `tolk search`: finds articles by their words, in the reader's language and in English.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find articles by their words, in your language and in English at once.",
        discussion: """
            Searches the full text of every article of the content folder (every language \
            it holds) and lists the best matches first (BM25; words of the title weigh more \
            than words of the body). Every word must occur; when no article has them all, \
            articles with any of them are listed. `word*` matches words that start with \
            `word`. Letters match without their accents where the language reads them as \
            the same letter (é = e; ư = u in Vietnamese), while Danish æ, ø, å and Swedish \
            å, ä, ö stay letters of their own. Chinese, Japanese and Thai text is found by \
            any run of its characters.

            The index is a cache (SQLite, in TOLK_CACHE_DIR, else $XDG_CACHE_HOME/tolk, \
            else ~/.cache/tolk): built on first use, and brought up to date before every \
            search, reading again only the articles that were added, changed or removed.

            Exit status: 0 articles found; 1 none; 2 usage or I/O error.

            Examples:
              tolk search adgangskode synkronisering
              tolk search "active users" --lang en
              tolk search adgangs* --limit 3 --json
            """)

    @Argument(help: ArgumentHelp("The words to find.", valueName: "query"))
    var query: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Your language: a locale such as da, da-DK or en (default: LC_ALL/LC_MESSAGES/LANG when the content has it).",
            discussion: """
                Articles in your language are searched in it and in their English; articles \
                it lacks by their English. en searches the English of every article. Without \
                one, every copy is searched.
                """))
    var lang: String?

    @Option(name: .long, help: "Show at most N articles.")
    var limit: Int = 10

    @Flag(name: .long, help: "Print the results as JSON ({\"tolkSearch\": 1, \"query\", \"results\": […]}).")
    var json = false

    @Option(name: .long, help: "Line width (default: the terminal's width, or COLUMNS, or 80).")
    var width: Int?

    @Option(name: .long, help: "Colour: auto (on a terminal, unless NO_COLOR), always, never.")
    var color: ColorMode = .auto

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
        if query.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw ValidationError("give the words to find") }
        if let width, width < 20 || width > 1000 { throw ValidationError("--width must be between 20 and 1000 (got \(width))") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let index = try SearchCommands.openIndex(environment: environment)
        let locale = try SearchCommands.readerLocale(lang, in: index, environment: environment)
        let text = query.joined(separator: " ")
        let hits: [SearchHit]
        do { hits = try index.search(text, locale: locale, limit: limit) } catch { throw SearchCommands.failure(error, index) }
        if json {
            Output.write(Array((SearchCommands.json(hits, query: text).serialized() + "\n").utf8))
        } else if !hits.isEmpty {
            let terminal = TerminalEnvironment(environment: environment, stdoutIsTTY: isatty(STDOUT_FILENO) == 1)
            let styler = terminal.styler(mode: color, showURLs: false)
            let lines = SearchCommands.lines(hits, width: terminal.width(explicit: width))
            Output.write(Array(styler.render(lines: lines.map(styler.prepareForLayout)).utf8))
        }
        if hits.isEmpty {
            if !json { FileHandle.standardError.write(Data("tolk: no article matches \(text)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}

/// `tolk list`: every article with its title, slug and languages.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every article with its title in your language, its name and its languages.",
        discussion: """
            Reads the content folder through the search index (see `tolk search`), sorted \
            by title as your language sorts. An article your language lacks is listed by \
            its English title.

            Examples:
              tolk list
              tolk list --lang sv --json
            """)

    @Option(
        name: .long, help: "Your language: a locale such as da, da-DK or en (default: LC_ALL/LC_MESSAGES/LANG when the content has it).")
    var lang: String?

    @Flag(name: .long, help: "Print the list as JSON ({\"tolkList\": 1, \"articles\": […]}).")
    var json = false

    @Option(name: .long, help: "Colour: auto (on a terminal, unless NO_COLOR), always, never.")
    var color: ColorMode = .auto

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let index = try SearchCommands.openIndex(environment: environment)
        let locale = try SearchCommands.readerLocale(lang, in: index, environment: environment)
        let articles: [ListedArticle]
        do { articles = try index.articles(locale: locale) } catch { throw SearchCommands.failure(error, index) }
        if json {
            let list = articles.map { a -> JSONValue in
                .object([
                    ("slug", .string(a.slug)), ("path", .string(a.path)), ("title", .string(a.title)),
                    ("englishTitle", .string(a.englishTitle)), ("languages", .array(a.locales.map(JSONValue.string))),
                ])
            }
            Output.write(Array((JSONValue.object([("tolkList", .int(1)), ("articles", .array(list))]).serialized() + "\n").utf8))
            return
        }
        let terminal = TerminalEnvironment(environment: environment, stdoutIsTTY: isatty(STDOUT_FILENO) == 1)
        let styler = terminal.styler(mode: color, showURLs: false)
        // Names in a column as wide as most need; a longer name puts its title on the next line.
        let slugWidth = min(36, articles.map(\.slug.count).max() ?? 0)
        let mixed = articles.contains { $0.locales != articles.first?.locales }
        var lines: [StyledText] = []
        for a in articles {
            var line = StyledText(a.slug, style: .link)
            if a.slug.count > slugWidth {
                lines.append(line)
                line = StyledText(String(repeating: " ", count: slugWidth + 2))
            } else {
                line.append(String(repeating: " ", count: slugWidth - a.slug.count + 2))
            }
            line.append(a.title)
            if mixed { line.append("  " + a.locales.joined(separator: " "), style: .dim) }
            lines.append(line)
        }
        Output.page(styler.render(lines: lines), usePager: terminal.stdoutIsTTY && lines.count > (terminal.height() ?? 40))
    }
}

/// What `search`, `list` and `show`'s suggestions share.
enum SearchCommands {
    /// The content folder's index, up to date; notes about the index go to standard error.
    static func openIndex(environment: [String: String]) throws -> SearchIndex {
        guard let content = ContentFolder.path, FileManager.default.fileExists(atPath: content) else {
            throw CommandFailure.usage("no content folder found; set TOLK_CONTENT or run in a folder with content/")
        }
        let index = SearchIndex(contentRoot: content, cacheDirectory: CacheFolder.path(environment: environment)) { note in
            FileHandle.standardError.write(Data("tolk: note: \(note)\n".utf8))
        }
        do {
            try index.update()
        } catch {
            throw failure(error, index)
        }
        return index
    }

    /// For a name that names no article: "did you mean" with the nearest names and the
    /// best search hits for its words, one per line after a newline; empty without any.
    static func suggestions(for name: String, environment: [String: String]) -> String {
        guard let index = try? openIndex(environment: environment) else { return "" }
        let locale = try? readerLocale(nil, in: index, environment: environment)
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        var slugs = (try? index.closestSlugs(to: name)) ?? []
        for hit in (try? index.search(words, locale: locale, limit: 3)) ?? [] where !slugs.contains(hit.slug) { slugs.append(hit.slug) }
        guard !slugs.isEmpty else { return "" }
        let titles = Dictionary(((try? index.articles(locale: locale)) ?? []).map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
        let width = slugs.map(\.count).max() ?? 0
        return "\ndid you mean:"
            + slugs.map { "\n  " + $0 + String(repeating: " ", count: width - $0.count + 2) + (titles[$0] ?? "") }.joined()
    }

    static func failure(_ error: SQLiteError, _ index: SearchIndex) -> CommandFailure {
        CommandFailure(message: "\(index.file ?? index.contentRoot):1:1: error: search index: \(error.message)", code: 2)
    }

    /// The indexed locale the reader reads: `--lang`, else the environment's when the
    /// content has it, else the content's only locale; nil searches every copy.
    static func readerLocale(_ lang: String?, in index: SearchIndex, environment: [String: String]) throws -> String? {
        if let lang {
            guard let locale = index.locale(for: lang) else {
                let known = (index.locales + ["en"]).joined(separator: ", ")
                throw CommandFailure.usage("--lang \(lang): the content has \(known)")
            }
            return locale
        }
        if let reader = LanguageChoice.readerLocale(environment), let locale = index.locale(for: reader) { return locale }
        return index.locales.count == 1 ? index.locales[0] : nil
    }

    static func json(_ hits: [SearchHit], query: String) -> JSONValue {
        let results = hits.map { hit -> JSONValue in
            .object([
                ("slug", .string(hit.slug)), ("path", .string(hit.path)), ("language", .string(hit.locale)),
                ("title", .string(hit.title)), ("englishTitle", .string(hit.englishTitle)),
                ("languages", .array(hit.locales.map(JSONValue.string))), ("snippet", .string(hit.snippet.text)),
                ("score", .double((hit.score * 1000).rounded() / 1000)),
            ])
        }
        return .object([("tolkSearch", .int(1)), ("query", .string(query)), ("results", .array(results))])
    }

    /// Each hit as the terminal shows it: the title (and the English title), the name to
    /// give `tolk show` with the languages, the snippet with the found words in bold.
    static func lines(_ hits: [SearchHit], width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        let wrapper = TextWrapper()
        for (n, hit) in hits.enumerated() {
            if n > 0 { lines.append(StyledText()) }
            var title = StyledText(hit.title, style: .bold)
            if hit.englishTitle != hit.title { title.append(" · " + hit.englishTitle, style: .dim) }
            lines += wrapper.wrap(title, width: width, firstPrefix: StyledText(), restPrefix: "  ")
            var name = StyledText("  tolk show ", style: .dim)
            name.append(hit.slug, style: .link)
            name.append("  " + hit.locales.joined(separator: " "), style: .dim)
            lines.append(name)
            if !hit.snippet.text.isEmpty {
                lines += wrapper.wrap(highlighted(hit.snippet), width: width, prefix: "  ")
            }
        }
        return lines
    }

    private static func highlighted(_ snippet: SearchSnippet) -> StyledText {
        var out = StyledText()
        var scalars = Array(snippet.text.unicodeScalars)[...]
        var at = 0
        for range in snippet.highlights where range.lowerBound >= at {
            out.append(String(String.UnicodeScalarView(scalars.prefix(range.lowerBound - at))))
            scalars = scalars.dropFirst(range.lowerBound - at)
            out.append(String(String.UnicodeScalarView(scalars.prefix(range.count))), style: .bold)
            scalars = scalars.dropFirst(range.count)
            at = range.upperBound
        }
        out.append(String(String.UnicodeScalarView(scalars)))
        return out
    }
}
