import Foundation

/// Builds a static bilingual help site from a folder of side-by-side articles:
/// every article in its translation's language and in English, an index per
/// language with search, a translation-status page, a root page that picks the
/// reader's language, `sitemap.xml` with the language alternates, the images.
///
/// Each article is parsed once, on all cores, and its model dropped as soon as
/// its pages are written. The build goes to a temporary folder that replaces
/// the output in one rename, so a failed or interrupted build leaves the
/// previous site whole. A bad article is reported and skipped. With
/// `incremental`, only articles whose content hash changed are rendered again
/// (see `SiteBuilder+Incremental.swift`).
public struct SiteBuilder: Sendable {
    /// What to build: the content, the output folder, the templates and how.
    public struct Options: Sendable {
        /// The folder of articles (searched recursively for `.md` files).
        public var content: String
        /// The site's folder.
        public var output: String
        /// The templates folder (`page.mustache`, `index.mustache`, `root.mustache`,
        /// `translation-status.mustache`, partials, `tolk.css`, `tolk.js`); nil: Tolk's
        /// built-in templates (`HTMLTemplates.builtIn()`).
        public var templates: String?
        /// The site's public address: makes canonical, `hreflang` and sitemap URLs absolute.
        public var baseURL: String?
        /// A status document (JSON) that fills the status panel of every article with a binding.
        public var statusFile: String?
        /// A status document the pages fetch in the browser to refresh their panels.
        public var statusURL: String?
        /// Rebuild only what changed since the previous build, when its manifest matches.
        public var incremental = false
        /// Run the rules of `tolk check` on every article for the translation-status
        /// page's findings (they cost more than the rest of the build together).
        public var runChecks = true
        /// Where the rules' counts per article are kept between builds (`SiteCheckCache`),
        /// so that an article whose content did not change is not checked again; nil: no cache.
        public var checkCacheDirectory: String?
        /// How many articles are built at once.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// What identifies the tool that builds (an incremental build starts over when it changes).
        public var toolIdentity = ""
        /// Remove the previous site in a background process after the swap.
        public var removeOldSiteInBackground = true
        /// The languages to build (`da`, `sv-SE`, `en`: page folders, languages or locale
        /// folders); copies in other locale folders are not read. Nil: every language.
        public var languages: [String]?
        /// Publish every article for search engines, whatever its front matter's `ROBOTS`
        /// says: no robots meta tag, every page in `sitemap.xml` (`--index-all`). False: an
        /// article marked `NOINDEX` gets `<meta name="robots">` and stays out of the sitemap.
        public var indexAll = false
        /// Show units whose UI path, link text or translation machine translation broke as repaired
        /// from the site's label memory (`RepairedReading`); false: exactly as published.
        public var repairs = true
        /// Write the full-text search data the index pages' search reads (`--no-search`: not).
        public var searchData = true

        /// Options that build `content` into `output`, with the built-in templates unless `templates` is given.
        public init(content: String, output: String, templates: String? = nil) {
            self.content = content
            self.output = output
            self.templates = templates
        }
    }

    /// What a build did.
    public struct Report: Sendable {
        /// Articles found (an article in several locale folders counts once).
        public var articles = 0
        /// Copies of the articles found: one per locale folder an article is in.
        public var copies = 0
        /// Article copies whose pages were rendered in this build.
        public var rendered = 0
        /// Articles left as the previous build wrote them (incremental).
        public var reused = 0
        /// Articles skipped because they could not be read.
        public var skipped = 0
        /// Pages of articles on the site, in every language.
        public var pages = 0
        /// The languages of the site's pages.
        public var languages: [String] = []
        /// Errors to report (`path:line:col: error: …`), sorted: unreadable articles, invalid bindings.
        public var problems: [String] = []
        /// Notes about the build, such as the sitemap's placeholder base URL.
        public var notes: [String] = []
        /// Articles whose findings were taken from the check cache instead of running the rules.
        public var checksFromCache = 0
        /// True when the build was incremental (an earlier build's manifest matched).
        public var incremental = false
        /// The site's folder.
        public var output = ""
        /// How long the build took, in seconds.
        public var seconds = 0.0
        /// Seconds per phase of the build, in order.
        public var phases: [(name: String, seconds: Double)] = []
    }

    /// What the builder builds, and how.
    public let options: Options

    /// The check cache's folder a user expects: `TOLK_CACHE_DIR`, else `$XDG_CACHE_HOME/tolk`,
    /// else `$HOME/.cache/tolk`; nil when none of them is set.
    public static func defaultCheckCacheDirectory(environment: [String: String]) -> String? {
        CacheFolder.path(environment: environment)
    }

    /// A builder with `options`.
    public init(options: Options) {
        self.options = options
    }

    /// Builds the site. `progress` gets (articles done, articles in all); `shouldStop`
    /// is polled between articles (SIGINT): then the build throws `.interrupted` and
    /// the previous site stays as it was.
    public func build(
        progress: (@Sendable (Int, Int) -> Void)? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws(SiteError) -> Report {
        let started = Date()
        let timings = SiteTimings()
        let setup = try SiteSetup(options: options)
        timings.mark("setup (options, templates, .tolk.yml, article list, slugs)")
        setup.folder.removeLeftovers()
        var report: Report
        if options.incremental, let previous = setup.previousManifest() {
            timings.mark("previous manifest")
            report = try buildIncrementally(setup, previous: previous, timings: timings, progress: progress, shouldStop: shouldStop)
        } else {
            report = try buildEverything(setup, timings: timings, progress: progress, shouldStop: shouldStop)
        }
        report.phases = timings.phases.map { (name: $0.0, seconds: $0.1) }
        report.output = setup.folder.path
        report.seconds = Date().timeIntervalSince(started)
        if options.baseURL == nil {
            report.notes.append(
                "sitemap.xml uses the placeholder \(SitemapWriter.placeholderBase) for the site's address; give --base-url URL to publish it"
            )
        }
        return report
    }

    /// A whole build into a new temporary folder, swapped in at the end.
    private func buildEverything(
        _ setup: SiteSetup, timings: SiteTimings, progress: (@Sendable (Int, Int) -> Void)?, shouldStop: @escaping @Sendable () -> Bool
    ) throws(SiteError) -> Report {
        let temporary = try setup.folder.makeTemporary()
        do throws(SiteError) {
            let writer = SiteFileWriter(root: temporary)
            var (report, _) = try renderSite(
                setup, previous: [:], writer: writer, timings: timings, progress: progress, shouldStop: shouldStop)
            try writer.write(setup.stylesheet, to: "assets/tolk.css")
            if shouldStop() { throw SiteError.interrupted }
            try setup.folder.commit(temporary)
            timings.mark("swap into place")
            report.incremental = false
            return report
        } catch {
            setup.folder.discard(temporary)
            throw error
        }
    }

    /// Renders every article not in `previous` (unchanged), then the site's own
    /// pages, the sitemap, the images and the manifest, into `writer`.
    func renderSite(
        _ setup: SiteSetup, previous: [String: SiteArticle], writer: SiteFileWriter,
        existingMedia: @escaping (String) -> Bool = { _ in false },
        timings: SiteTimings, progress: (@Sendable (Int, Int) -> Void)?, shouldStop: @escaping @Sendable () -> Bool
    ) throws(SiteError) -> (Report, [SiteArticle]) {
        let total = setup.plan.entries.count
        let pass = SiteArticlePass(
            plan: setup.plan, pages: setup.pages, checker: setup.checker, unchecked: setup.uncheckedPaths, runChecks: setup.runChecks,
            previous: previous, cache: previous.isEmpty ? setup.checkCache : nil, languages: setup.languages,
            jobs: max(1, options.jobs), search: options.searchData ? Locked([:]) : nil,
            labels: options.repairs ? SiteLabelCollector() : nil, held: options.repairs ? Locked([]) : nil)
        var report: (@Sendable (Int) -> Void)?
        if let progress { report = { done in progress(done, total) } }
        var outcomes = try pass.run(writer: writer, progress: report, shouldStop: shouldStop)
        timings.mark("articles (read, hash, parse, check, render, write)")
        if shouldStop() { throw SiteError.interrupted }
        if let labels = pass.labels {
            outcomes = try repair(outcomes, pass: pass, labels: labels, writer: writer, shouldStop: shouldStop)
            timings.mark("repaired reading (label memory; articles with repairs rendered again)")
        }
        let target = Target(setup: setup, previous: previous, writer: writer, existingMedia: existingMedia, timings: timings)
        return try finish(target, pass: pass, outcomes: outcomes)
    }
}
