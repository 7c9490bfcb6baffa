import Foundation

extension SiteBuilder {
    /// What a build writes into and what it knows before the articles: the same for every step after the pass.
    struct Target {
        let setup: SiteSetup
        /// The previous build's articles by relative path (incremental builds only).
        let previous: [String: SiteArticle]
        let writer: SiteFileWriter
        /// True for an image the site already has (incremental builds).
        let existingMedia: (String) -> Bool
        let timings: SiteTimings
    }

    /// What the article pass left for the rest of a build.
    struct Collected {
        var report = Report()
        var articles: [SiteArticle] = []
        /// The checks in the order the cross-article rules see them (nil: from the cache, facts not yet known).
        var checks: [(path: String, check: Checker.ArticleCheck?)] = []
        /// Content hashes of the checked articles, by path below the content folder.
        var digests: [String: String] = [:]
        /// Checked articles whose counts came from the check cache.
        var hits: [SitePlan.Entry] = []
        var images: Set<SiteMedia.Image> = []
        /// Articles that name no locale, rendered once the site's locale is known.
        var deferred: [(entry: SitePlan.Entry, article: Article, hash: String, check: Checker.ArticleCheck?, cached: SiteArticle?)] = []

        mutating func keep(_ entry: SitePlan.Entry, _ outcome: SiteArticlePass.Outcome) {
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
    }

    /// After the pass: deferred articles, cross-article findings, images, the site's own pages, sitemap, manifest.
    func finish(
        _ target: Target, pass: SiteArticlePass, outcomes: [SiteArticlePass.Outcome?]
    ) throws(SiteError) -> (Report, [SiteArticle]) {
        let (setup, previous, writer, timings) = (target.setup, target.previous, target.writer, target.timings)
        var collected = try collect(setup.plan, outcomes)
        try renderDeferred(&collected, pass: pass, writer: writer)
        // Findings of the rules that compare articles need every article: a full build only.
        collected.report.checksFromCache = collected.hits.count
        if previous.isEmpty { judgeAcrossArticles(&collected, setup: setup, pass: pass) }
        timings.mark(
            collected.hits.isEmpty
                ? "cross-article checks" : "cross-article checks (\(collected.hits.count) articles' counts from the cache)")
        for image in collected.images where !target.existingMedia(image.output) { try writer.copy(from: image.source, to: image.output) }
        timings.mark("images")
        collected.articles.sort { $0.path < $1.path }
        let catalog = SiteCatalog(collected.articles, localeFolders: Set(setup.plan.localeFolders))
        try writeListings(catalog, collected.articles, setup: setup, previous: previous, writer: writer, timings: timings)
        var report = collected.report
        if let search = pass.search, !(collected.report.rendered == 0 && previous.count == collected.articles.count) {
            let (problems, notes) = writeSearchData(catalog, collected.articles, search: search, setup: setup, writer: writer)
            report.problems += problems
            report.notes += notes
            timings.mark("search data")
        }
        report.articles = setup.plan.articles.count
        report.copies = setup.plan.entries.count
        report.pages = collected.articles.reduce(0) { $0 + $1.languages.count }
        report.languages = catalog.languages.map(\.code)
        report.problems.sort()
        return (report, collected.articles)
    }

    /// Sorts the pass's outcomes into what the rest of the build needs.
    private func collect(_ plan: SitePlan, _ outcomes: [SiteArticlePass.Outcome?]) throws(SiteError) -> Collected {
        var collected = Collected()
        for (entry, slot) in zip(plan.entries, outcomes) {
            guard let outcome = slot else { throw SiteError.interrupted }
            switch outcome {
            case .built:
                collected.keep(entry, outcome)
            case .reused(let article):
                collected.articles.append(article)
                collected.report.reused += 1
            case .deferred(let article, let hash, let check, let cached):
                collected.deferred.append((entry, article, hash, check, cached))
            case .omitted:
                break
            case .failed(let message):
                collected.report.problems.append(message)
                collected.report.skipped += 1
            }
        }
        return collected
    }

    /// Articles that name no locale get the one most of the site has.
    private func renderDeferred(_ collected: inout Collected, pass: SiteArticlePass, writer: SiteFileWriter) throws(SiteError) {
        guard !collected.deferred.isEmpty else { return }
        let common = Dictionary(grouping: collected.articles.filter { $0.language != "en" }, by: \.locale)
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        for item in collected.deferred {
            let locale = common ?? "und"
            collected.report.problems.append(
                "\(item.entry.path):1:1: warning: no ms.contentlocale and no locale folder; the translation is published as \(locale)")
            let outcome = try pass.render(
                item.article, entry: item.entry, hash: item.hash, locale: locale, check: item.check, cached: item.cached, writer: writer)
            collected.keep(item.entry, outcome)
        }
    }

    /// The findings of the rules that compare articles (TOLK701, TOLK702, TOLK703): from the
    /// check cache when it holds exactly these articles, else judged from every article's
    /// facts; the cache is then written for the next build.
    private func judgeAcrossArticles(_ collected: inout Collected, setup: SiteSetup, pass: SiteArticlePass) {
        let hits = collected.hits
        let set = SiteCheckCache.fingerprint(collected.digests.map { (path: $0.key, digest: $0.value) })
        let cacheCurrent = pass.cache.map { !hits.isEmpty && hits.count == collected.digests.count && $0.setFingerprint == set } ?? false
        if let cache = pass.cache, !hits.isEmpty, cache.setFingerprint == set {
            // The same articles with the same content as when the cache was written: the same findings.
            for i in collected.articles.indices where collected.articles[i].checked {
                collected.articles[i].crossFindings = cache.articles[collected.articles[i].path]?.crossFindings ?? FindingCounts()
            }
        } else {
            let facts = pass.facts(of: hits)
            let complete = collected.checks.compactMap { path, check in (check ?? facts[path]).map { (path: path, check: $0) } }
            var cross: [String: [Finding]] = [:]
            for finding in setup.checker.judge(complete) { cross[finding.path, default: []].append(finding) }
            let relative = Dictionary(uniqueKeysWithValues: setup.plan.entries.map { ($0.path, $0.relativePath) })
            var byRelative: [String: FindingCounts] = [:]
            for (path, findings) in cross { if let r = relative[path] { byRelative[r] = FindingCounts(findings) } }
            for i in collected.articles.indices {
                collected.articles[i].crossFindings = byRelative[collected.articles[i].path] ?? FindingCounts()
            }
        }
        // A cache that already holds exactly these articles is left as it is.
        if let cache = setup.checkCache, !cacheCurrent {
            let kept = collected.articles.filter(\.checked).compactMap { article -> SiteArticle? in
                guard let digest = collected.digests[article.path] else { return nil }
                var entry = article
                entry.hash = digest
                return entry
            }
            cache.save(kept, setFingerprint: set)
        }
    }

    /// The indexes, the status page, the sitemap and the manifest, all at once. An incremental
    /// build whose articles show what they showed before (titles, counts, languages) leaves the
    /// indexes, the status page and the sitemap as they are.
    private func writeListings(
        _ catalog: SiteCatalog, _ articles: [SiteArticle], setup: SiteSetup, previous: [String: SiteArticle], writer: SiteFileWriter,
        timings: SiteTimings
    ) throws(SiteError) {
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
            return
        }
        let indexes = SiteIndexPages(
            templates: setup.templates, catalog: catalog, baseURL: setup.baseURL, hasSearchData: options.searchData)
        let sitemap = SitemapWriter(
            baseURL: setup.baseURL ?? SitemapWriter.placeholderBase, languages: catalog.languages, indexAll: setup.indexAll)
        // The sitemap in two pieces, beside the other pages; joined once all are done.
        let pieces = sitemap.pieces(catalog.entries, count: 2)
        let rendered = Slots<String>(count: pieces.count)
        let renderPieces: [@Sendable () -> SiteError?] = pieces.enumerated().map { i, piece in
            {
                rendered.set(i, piece()); return nil
            }
        }
        // All at once: the manifest is written into the new folder, which replaces the old only when everything is there.
        try indexes.write(to: writer, also: renderPieces + [writeManifest])
        let texts = rendered.values.compactMap { $0 }
        let joined = texts.count == pieces.count ? SitemapWriter.join(texts) : nil
        try writer.write(joined ?? sitemap.render(catalog.entries), to: "sitemap.xml")
        timings.mark("indexes, status page, sitemap, manifest")
    }

    /// The full-text search data of every page language, from the copies the pass parsed
    /// and, for the copies an incremental build kept, from the search cache (parsing those
    /// it does not have). Problems with the cache are reported; the data is written anyway.
    private func writeSearchData(
        _ catalog: SiteCatalog, _ articles: [SiteArticle], search: Locked<[String: SearchIndex.Parsed]>, setup: SiteSetup,
        writer: SiteFileWriter
    ) -> (problems: [String], notes: [String]) {
        let root = SearchIndex.absolute(setup.plan.contentRoot)
        let parsed = search.current
        var documents: [String: SearchDocument] = parsed.compactMapValues(\.document)
        let missing = articles.map(\.path).filter { documents[$0] == nil }
        var problems: [String] = []
        var notes: [String] = []
        if options.checkCacheDirectory != nil || !missing.isEmpty {
            let index = SearchIndex(contentRoot: root, cacheDirectory: options.checkCacheDirectory, jobs: max(1, options.jobs)) {
                notes.append($0)
            }
            do throws(SQLiteError) {
                if index.file != nil { try index.store(parsed.map { (root + "/" + $0.key, $0.value) }) }
                if !missing.isEmpty {
                    try index.update(only: Set(missing.map { root + "/" + $0 }))
                    for (path, document) in try index.documents(missing.map { root + "/" + $0 }) {
                        documents[String(path.dropFirst(root.count + 1))] = document
                    }
                }
            } catch {
                problems.append("\(index.file ?? root):1:1: error: search index: \(error.message)")
            }
        }
        // One language per core: each language's word list is its own.
        let languages = catalog.languages
        let found = documents
        let failures = Slots<[String]>(count: languages.count)
        DispatchQueue.concurrentPerform(iterations: languages.count) { i in
            let code = languages[i].code
            let data = SiteSearchData(pages: SiteSearchData.pages(language: code, catalog: catalog, documents: found))
            var failed: [String] = []
            for (path, bytes) in data.files() {
                do throws(SiteError) { try writer.write(bytes, to: "search/" + code + "/" + path) } catch {
                    failed.append(error.description)
                }
            }
            failures.set(i, failed)
        }
        problems += failures.values.compactMap { $0 }.flatMap { $0 }
        return (problems, notes)
    }
}
