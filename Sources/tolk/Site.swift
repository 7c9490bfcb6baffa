import ArgumentParser
import Foundation
import TolkKit

struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Build a static bilingual help site from a folder of articles.",
        discussion: """
            Every article under DIR is published in its translation's language and in \
            English (da/NAME/ and en/NAME/), with an index per language (search as you type), \
            a translation-status page (coverage, MT/HT, findings of `tolk check`), a root page \
            that opens the reader's language, sitemap.xml with the language alternates, and \
            the images the articles show.

            DIR is one locale's articles, or a folder of locale folders named by BCP 47 tag \
            (da-DK/, sv-SE/, zh-CN/, at any depth below them): then the same path below two \
            locale folders is one article in two languages, published under one NAME in each \
            (da/NAME/, sv/NAME/, zh/NAME/), with one English page (en/NAME/) from the copy \
            with the newest English (ms.lasthandoff, then ms.date); every page's language \
            switch names all of the article's languages, each index lists every article (the \
            ones not translated into its language marked and linking to English), and the \
            translation-status page is a matrix of articles x languages. --languages da,sv,en \
            builds some of them only (the other locale folders are not read). Links between pages are relative, so the folder \
            works from file:// and under any base path; --base-url makes canonical, hreflang \
            and sitemap URLs absolute (without it sitemap.xml uses https://example.invalid/).

            Search engines: an article whose front matter says ROBOTS: NOINDEX (in any case, \
            with NOFOLLOW or not) gets <meta name="robots" content="noindex, nofollow"> (its \
            directive as written, lowercased) and is left out of sitemap.xml; --index-all \
            publishes every article instead. Each sitemap entry lists itself, its listed \
            language versions and x-default (English; the root page for the indexes), with \
            <lastmod> from the article's ms.date; the pages' hreflang links name the same pages.

            Search: each language's index page searches the articles' text as the reader \
            types (in its language, articles it lacks by their English; ranked, with snippets), from \
            search data (search/LANG/: the word list in pieces, so that a \
            one-word query downloads one piece) when the site is served over HTTP(S), under \
            any base path; from file:// it filters the titles. --no-search writes no search data.

            The site is built in a temporary folder beside OUT and swapped in when it is \
            complete: a failed or interrupted build (Ctrl-C) leaves the previous site whole. \
            OUT must be new, empty, or a site Tolk built. An article that cannot be read is \
            reported as path:line:col: error: and skipped; the rest is built. An article with \
            a status binding (NAME.status.yml) gets a status panel: filled from --status FILE \
            at build time, refreshed in the browser from --status-url URL, else "no status". \
            --incremental renders only articles whose content (or binding) changed since the \
            last build; a change of templates, options, status document, .tolk.yml or of the \
            set of articles renders everything. The translation-status page counts the \
            findings of tolk check's rules (with the content's .tolk.yml), run on each parsed \
            article; they cost more than the rest of the build together, so their counts are \
            kept in a cache (TOLK_CACHE_DIR, else $XDG_CACHE_HOME/tolk, else ~/.cache/tolk; \
            --cache-dir DIR) keyed by each article's content hash, Tolk's build and the \
            .tolk.yml: the next build, also into an empty folder, runs them only on articles \
            that changed. --no-cache runs every rule every time; --no-checks leaves them out.

            Exit status: 0 built; 1 built, but an article was skipped or a status binding is \
            invalid; 2 usage or I/O error (nothing replaced); 130 interrupted (nothing replaced).

            Examples:
              tolk site content/ --out _site
              tolk site ../corpus/da-DK --out _site --base-url https://help.example.com/
              tolk site content/ --out _site --status status.json --status-url https://status.example.com/tenant.json
              tolk site content/ --out _site --incremental
              tolk site content/ --out _site --base-url https://help.example.com/ --index-all
              tolk site l10n/ --out _site --languages da,sv,en
              tolk site --export-templates my-theme && tolk site content/ --out _site --templates my-theme
            """)

    @Argument(help: "The folder of articles (searched recursively for .md files).")
    var content: String?

    @Option(name: .long, help: ArgumentHelp("The site's folder (replaced as a whole when the build succeeds).", valueName: "dir"))
    var out: String?

    @Option(
        name: .long, help: ArgumentHelp("Read the templates from DIR (default: TOLK_TEMPLATES, else Tolk's own).", valueName: "dir"))
    var templates: String?

    @Option(
        name: .customLong("export-templates"),
        help: ArgumentHelp(
            "Write Tolk's own templates and assets into DIR, to start a theme of your own, and build nothing.", valueName: "dir"))
    var exportTemplates: String?

    @Option(name: .long, help: ArgumentHelp("The site's public address, for canonical, hreflang and sitemap URLs.", valueName: "url"))
    var baseURL: String?

    @Option(
        name: .customLong("status"),
        help: ArgumentHelp("Fill the status panels from this status document (JSON) at build time.", valueName: "file"))
    var statusFile: String?

    @Option(
        name: .customLong("status-url"),
        help: ArgumentHelp("Let the pages fetch the status document from URL in the browser and refresh their panels.", valueName: "url"))
    var statusURL: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Build only these languages (comma-separated languages or locales: da,sv,en or da-DK,en); default: all.",
            valueName: "list"))
    var languages: String?

    @Flag(name: .long, help: "Render only the articles that changed since the last build of OUT.")
    var incremental = false

    @Flag(
        name: .customLong("index-all"),
        help:
            "Publish every article for search engines, even one whose front matter says ROBOTS: NOINDEX (no robots meta tag; all in sitemap.xml)."
    )
    var indexAll = false

    @Flag(name: .customLong("no-search"), help: "Write no full-text search data: the index pages filter titles only.")
    var noSearch = false

    @Flag(
        name: .customLong("no-repair"),
        help: "Show every translation exactly as published: no UI path, link text or empty unit repaired from the site's label memory.")
    var noRepair = false

    @Flag(
        name: .customLong("no-checks"),
        help: "Do not run tolk check's rules: the translation-status page shows coverage and MT/HT without findings.")
    var noChecks = false

    @Option(
        name: .customLong("cache-dir"),
        help: ArgumentHelp(
            "Keep the rules' counts per article in DIR between builds (default: TOLK_CACHE_DIR, $XDG_CACHE_HOME/tolk, ~/.cache/tolk).",
            valueName: "dir"))
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Run the rules on every article, without reading or writing the check cache.")
    var noCache = false

    @Option(name: [.short, .long], help: "Parallel jobs (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: [.short, .long], help: "No progress bar, no summary, no warnings or notes; errors only.")
    var quiet = false

    @Flag(name: .long, help: "Print how long each phase of the build took.")
    var timings = false

    func validate() throws {
        if exportTemplates != nil {
            if content != nil || out != nil {
                throw ValidationError("--export-templates DIR builds no site: give no content folder and no --out")
            }
        } else if content == nil {
            throw ValidationError("give the folder of articles and --out DIR (or --export-templates DIR)")
        } else if out == nil {
            throw ValidationError("give the site's folder with --out DIR")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if noCache, cacheDirectory != nil { throw ValidationError("--cache-dir and --no-cache exclude each other") }
        if cacheDirectory?.isEmpty == true { throw ValidationError("--cache-dir needs a folder") }
        if let languages {
            let names = Self.languageList(languages)
            if names.isEmpty { throw ValidationError("--languages needs at least one language, such as da,sv,en") }
            if let bad = names.first(where: { !ArticleLocator.isLocaleTag($0) }) {
                throw ValidationError("--languages: '\(bad)' is not a language or locale (such as da, sv-SE, zh-CN, en)")
            }
        }
    }

    func run() throws {
        if let exportTemplates { return try export(to: exportTemplates) }
        guard let content, let out else { return }  // validate() asked for both
        let environment = ProcessInfo.processInfo.environment
        let templatesFolder = HTMLTemplates.folder(explicit: templates, environment: environment)
        var options = SiteBuilder.Options(content: content, output: out, templates: templatesFolder)
        options.baseURL = baseURL
        options.statusFile = statusFile
        options.statusURL = statusURL
        options.incremental = incremental
        options.runChecks = !noChecks
        options.repairs = !noRepair
        options.checkCacheDirectory = noCache ? nil : cacheDirectory ?? SiteBuilder.defaultCheckCacheDirectory(environment: environment)
        options.jobs = jobs
        options.toolIdentity = Self.toolIdentity()
        options.languages = languages.map(Self.languageList)
        options.indexAll = indexAll
        options.searchData = !noSearch

        SiteSignals.install()
        let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let report: SiteBuilder.Report
        do {
            report = try SiteBuilder(options: options).build(
                progress: { done, total in bar.update(done, total) }, shouldStop: { SiteSignals.stopRequested })
        } catch {
            bar.finish()
            throw CommandFailure(message: error.description, code: error == .interrupted ? 130 : 2)
        }
        bar.finish()
        for problem in report.problems where !quiet || problem.contains(": error: ") {
            FileHandle.standardError.write(Data((problem + "\n").utf8))
        }
        if !quiet {
            for note in report.notes { FileHandle.standardError.write(Data(("tolk: note: " + note + "\n").utf8)) }
            FileHandle.standardError.write(Data((Self.summary(report) + "\n").utf8))
        }
        if timings {
            let lines = report.phases.map { String(format: "%7.3f s  ", $0.seconds) + $0.name }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        if report.skipped > 0 || report.problems.contains(where: { $0.contains(": error: ") }) { throw ExitCode(1) }
    }

    /// `--export-templates DIR`: Tolk's own templates written out, and a line saying so on standard error.
    private func export(to directory: String) throws {
        let written: [String]
        do {
            written = try HTMLTemplates.exportBuiltIn(to: directory)
        } catch {
            throw CommandFailure(message: error.description, code: 2)
        }
        if !quiet {
            FileHandle.standardError.write(
                Data("tolk: wrote Tolk's \(written.count) template files into \(directory); build with --templates \(directory)\n".utf8))
        }
    }

    /// `da, sv-SE,en` → `da`, `sv-SE`, `en`.
    static func languageList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func summary(_ r: SiteBuilder.Report) -> String {
        // An article in several locale folders: its copies are what is rendered.
        let what = r.copies > r.articles ? "copies" : "articles"
        let how =
            r.incremental ? "incremental: \(r.rendered) \(what) rendered, \(r.reused) unchanged" : "\(r.rendered) \(what) rendered"
        let set = r.copies > r.articles ? "\(r.articles) articles in \(r.copies) copies, " : ""
        let skipped = r.skipped > 0 ? ", \(r.skipped) skipped" : ""
        let cached = r.checksFromCache > 0 ? ", findings of \(r.checksFromCache) unchanged articles from the check cache" : ""
        return "tolk: built \(r.pages) pages in \(r.languages.joined(separator: ", ")) into \(r.output) "
            + "(\(set)\(how)\(skipped)\(cached)) in \(String(format: "%.2f", r.seconds)) s"
    }

    /// The running binary's size and modification time: a rebuilt Tolk renders everything again.
    static func toolIdentity() -> String {
        var info = stat()
        guard let executable = Platform.executablePath, stat(executable, &info) == 0 else { return "unknown" }
        let nanoseconds = Platform.modificationNanoseconds(info)
        return "\(info.st_size)-\(nanoseconds / 1_000_000_000).\(nanoseconds % 1_000_000_000)"
    }
}

/// SIGINT and SIGTERM ask the build to stop (it removes its temporary folder and
/// leaves the previous site); a second one ends the process at once.
enum SiteSignals {
    nonisolated(unsafe) static var stop: sig_atomic_t = 0

    static func install() {
        Platform.handle([SIGINT, SIGTERM]) { signal in
            if SiteSignals.stop != 0 { _exit(128 + signal) }
            SiteSignals.stop = 1
        }
    }

    static var stopRequested: Bool { stop != 0 }
}

/// `tolk: [########------------]  1234/2913 articles` on a terminal's stderr.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.08 || done == total else { return }
        lastDraw = now
        shown = true
        let width = 28
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\rtolk: [\(bar)] \(done)/\(total) articles\u{1B}[K".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
