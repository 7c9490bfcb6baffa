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
    public struct Options: Sendable {
        /// The folder of articles (searched recursively for `.md` files).
        public var content: String
        /// The site's folder.
        public var output: String
        /// The templates folder (`page.mustache`, `index.mustache`, `root.mustache`,
        /// `translation-status.mustache`, partials, `tolk.css`, `tolk.js`).
        public var templates: String
        /// The site's public address: makes canonical, `hreflang` and sitemap URLs absolute.
        public var baseURL: String?
        /// A status document (JSON) that fills the status panel of every article with a binding.
        public var statusFile: String?
        /// A status document the pages fetch in the browser to refresh their panels.
        public var statusURL: String?
        public var incremental = false
        /// Run the rules of `tolk check` on every article for the translation-status
        /// page's findings (they cost more than the rest of the build together).
        public var runChecks = true
        /// Where the rules' counts per article are kept between builds (`SiteCheckCache`),
        /// so that an article whose content did not change is not checked again; nil: no cache.
        public var checkCacheDirectory: String?
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// What identifies the tool that builds (an incremental build starts over when it changes).
        public var toolIdentity = ""
        /// Remove the previous site in a background process after the swap.
        public var removeOldSiteInBackground = true

        public init(content: String, output: String, templates: String) {
            self.content = content
            self.output = output
            self.templates = templates
        }
    }

    /// What a build did.
    public struct Report: Sendable {
        /// Articles found.
        public var articles = 0
        /// Articles whose pages were rendered in this build.
        public var rendered = 0
        /// Articles left as the previous build wrote them (incremental).
        public var reused = 0
        /// Articles skipped because they could not be read.
        public var skipped = 0
        /// Pages of articles on the site, in every language.
        public var pages = 0
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
        public var seconds = 0.0
        /// Seconds per phase of the build, in order.
        public var phases: [(name: String, seconds: Double)] = []
    }

    public let options: Options

    /// The check cache's folder a user expects: `TOLK_CACHE_DIR`, else `$XDG_CACHE_HOME/tolk`,
    /// else `$HOME/.cache/tolk`; nil when none of them is set.
    public static func defaultCheckCacheDirectory(environment: [String: String]) -> String? {
        SiteCheckCache.defaultDirectory(environment: environment)
    }

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
        _ setup: SiteSetup, previous: [String: SiteArticle], writer: SiteFileWriter, existingMedia: (String) -> Bool = { _ in false },
        timings: SiteTimings, progress: (@Sendable (Int, Int) -> Void)?, shouldStop: @escaping @Sendable () -> Bool
    ) throws(SiteError) -> (Report, [SiteArticle]) {
        let total = setup.plan.entries.count
        let pass = SiteArticlePass(
            plan: setup.plan, pages: setup.pages, checker: setup.checker, unchecked: setup.uncheckedPaths, runChecks: setup.runChecks,
            previous: previous, cache: previous.isEmpty ? setup.checkCache : nil,
            jobs: max(1, options.jobs))
        var report: (@Sendable (Int) -> Void)?
        if let progress { report = { done in progress(done, total) } }
        let outcomes = try pass.run(writer: writer, progress: report, shouldStop: shouldStop)
        timings.mark("articles (read, hash, parse, check, render, write)")
        if shouldStop() { throw SiteError.interrupted }
        return try finish(
            setup, pass: pass, outcomes: outcomes, previous: previous, writer: writer, existingMedia: existingMedia, timings: timings)
    }

    /// After the pass: deferred articles, cross-article findings, images, the site's own pages, sitemap, manifest.
    private func finish(
        _ setup: SiteSetup, pass: SiteArticlePass, outcomes: [SiteArticlePass.Outcome?], previous: [String: SiteArticle],
        writer: SiteFileWriter, existingMedia: (String) -> Bool, timings: SiteTimings
    ) throws(SiteError) -> (Report, [SiteArticle]) {
        var report = Report()
        report.articles = setup.plan.entries.count
        var articles: [SiteArticle] = []
        // The checks in the order the cross-article rules see them (nil: from the cache, facts not yet known).
        var checks: [(path: String, check: Checker.ArticleCheck?)] = []
        var digests: [String: String] = [:]
        var hits: [SitePlan.Entry] = []
        var images: Set<SiteMedia.Image> = []
        var deferred: [(SitePlan.Entry, Article, String, Checker.ArticleCheck?, SiteArticle?)] = []
        func keep(_ entry: SitePlan.Entry, _ outcome: SiteArticlePass.Outcome) {
            guard case .built(let article, let check, let used, let problems, let digest) = outcome else { return }
            articles.append(article)
            if article.checked {
                checks.append((entry.path, check))
                digests[article.path] = digest
                if check == nil { hits.append(entry) }
            }
            images.formUnion(used)
            report.problems += problems
            report.rendered += 1
        }
        for (entry, slot) in zip(setup.plan.entries, outcomes) {
            guard let outcome = slot else { throw SiteError.interrupted }
            switch outcome {
            case .built:
                keep(entry, outcome)
            case .reused(let article):
                articles.append(article)
                report.reused += 1
            case .deferred(let article, let hash, let check, let cached):
                deferred.append((entry, article, hash, check, cached))
            case .failed(let message):
                report.problems.append(message)
                report.skipped += 1
            }
        }
        // Articles that name no locale get the one most of the site has.
        let common = Dictionary(grouping: articles.filter { $0.language != "en" }, by: \.locale).max { $0.value.count < $1.value.count }?
            .key
        for (entry, article, hash, check, cached) in deferred {
            let locale = common ?? "und"
            report.problems.append(
                "\(entry.path):1:1: warning: no ms.contentlocale and no locale folder; the translation is published as \(locale)")
            let outcome = try pass.render(
                article, entry: entry, hash: hash, locale: locale, check: check, cached: cached,
                bindingPath: StatusBinding.path(forArticleAt: entry.path), writer: writer)
            keep(entry, outcome)
        }
        // Findings of the rules that compare articles need every article: a full build only.
        report.checksFromCache = hits.count
        if previous.isEmpty {
            let set = SiteCheckCache.fingerprint(digests.map { (path: $0.key, digest: $0.value) })
            let cacheCurrent = pass.cache.map { !hits.isEmpty && hits.count == digests.count && $0.setFingerprint == set } ?? false
            if let cache = pass.cache, !hits.isEmpty, cache.setFingerprint == set {
                // The same articles with the same content as when the cache was written: the same findings.
                for i in articles.indices where articles[i].checked {
                    articles[i].crossFindings = cache.articles[articles[i].path]?.crossFindings ?? FindingCounts()
                }
            } else {
                let facts = pass.facts(of: hits)
                let complete = checks.compactMap { path, check in (check ?? facts[path]).map { (path: path, check: $0) } }
                var cross: [String: [Finding]] = [:]
                for finding in setup.checker.judge(complete) { cross[finding.path, default: []].append(finding) }
                let relative = Dictionary(uniqueKeysWithValues: setup.plan.entries.map { ($0.path, $0.relativePath) })
                var byRelative: [String: FindingCounts] = [:]
                for (path, findings) in cross { if let r = relative[path] { byRelative[r] = FindingCounts(findings) } }
                for i in articles.indices { articles[i].crossFindings = byRelative[articles[i].path] ?? FindingCounts() }
            }
            // A cache that already holds exactly these articles is left as it is.
            if let cache = setup.checkCache, !cacheCurrent {
                let kept = articles.filter(\.checked).compactMap { article -> SiteArticle? in
                    guard let digest = digests[article.path] else { return nil }
                    var entry = article
                    entry.hash = digest
                    return entry
                }
                cache.save(kept, setFingerprint: set)
            }
        }
        timings.mark(hits.isEmpty ? "cross-article checks" : "cross-article checks (\(hits.count) articles' counts from the cache)")
        for image in images where !existingMedia(image.output) { try writer.copy(from: image.source, to: image.output) }
        timings.mark("images")

        articles.sort { $0.path < $1.path }
        let indexes = SiteIndexPages(templates: setup.templates, articles: articles, baseURL: setup.baseURL)
        // An incremental build whose articles show what they showed before (titles, counts,
        // languages) leaves the indexes, the status page and the sitemap as they are.
        let unchanged =
            !previous.isEmpty && articles.count == previous.count
            && articles.allSatisfy { article in previous[article.path].map { $0.sameListing(as: article) } ?? false }
        let manifest = SiteManifest(settings: setup.settings, articles: articles)
        let writeManifest: @Sendable () -> SiteError? = {
            do throws(SiteError) {
                try writer.write(manifest.encoded(), to: SiteFileWriter.manifestName)
                return nil
            } catch {
                return error
            }
        }
        if unchanged {
            if let error = writeManifest() { throw error }
            timings.mark("indexes unchanged; manifest")
        } else {
            let sitemap = SitemapWriter(baseURL: setup.baseURL ?? SitemapWriter.placeholderBase, languages: indexes.languages)
            // The sitemap in two pieces, beside the other pages; joined once all are done.
            let pieces = sitemap.pieces(articles, count: 2)
            let rendered = Slots<String>(count: pieces.count)
            let renderPieces: [@Sendable () -> SiteError?] = pieces.enumerated().map { i, piece in
                { rendered.set(i, piece()); return nil }
            }
            // All at once: the manifest is written into the new folder, which replaces the old only when everything is there.
            try indexes.write(to: writer, also: renderPieces + [writeManifest])
            let texts = rendered.values.compactMap { $0 }
            let joined = texts.count == pieces.count ? SitemapWriter.join(texts) : nil
            try writer.write(joined ?? sitemap.render(articles), to: "sitemap.xml")
            timings.mark("indexes, status page, sitemap, manifest")
        }
        report.pages = articles.reduce(0) { $0 + $1.languages.count }
        report.languages = indexes.languages.map(\.code)
        report.problems.sort()
        return (report, articles)
    }
}
