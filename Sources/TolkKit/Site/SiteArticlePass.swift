import Dispatch
import Foundation

/// Reads, checks and renders every article of a site on all cores, one article
/// at a time per worker: the copies of an article in the locale folders are
/// parsed together, each checked and rendered into its page, the newest English
/// of them into the article's English page, and dropped; what the site keeps is
/// a `SiteArticle` per copy. An article whose copies' content hashes match the
/// previous build's is not parsed at all (incremental).
struct SiteArticlePass: Sendable {
    /// What became of one copy of an article.
    enum Outcome: Sendable {
        /// Pages written; the check keeps the facts the cross-article rules judge at the end
        /// (nil when the rules did not run, or when the article's counts came from the check
        /// cache: then the record is `checked`). `problems` are errors to report that did not
        /// stop the pages (an invalid status binding). `digest` is the content hash.
        case built(SiteArticle, Checker.ArticleCheck?, Set<SiteMedia.Image>, problems: [String], digest: String)
        /// Unchanged since the previous build: its pages stay.
        case reused(SiteArticle)
        /// No locale in its front matter or folder: rendered once the site's locale is known.
        case deferred(Article, hash: String, check: Checker.ArticleCheck?, cached: SiteArticle?)
        /// In a language the build leaves out (`--languages`): no pages.
        case omitted
        /// Not a readable article: reported and skipped.
        case failed(String)
    }

    let plan: SitePlan
    let pages: SiteArticlePages
    let checker: Checker
    /// Articles the check configuration skips.
    let unchecked: Set<String>
    /// False: the status page shows no findings (the rules are not run).
    var runChecks: Bool
    /// The previous build's articles by relative path (incremental builds only).
    let previous: [String: SiteArticle]
    /// The counts of the last full build, for articles whose content did not change.
    let cache: SiteCheckCache?
    /// The page folders to build (`da`, `en`); nil: every language.
    let languages: Set<String>?
    let jobs: Int
    /// Gathers the search words of every copy rendered; nil when the site has no search data.
    let search: Locked<[String: SearchIndex.Parsed]>?
    /// The site's label memories by locale, for the repaired reading; nil: pages as published.
    var memories: [String: LabelMemory]? = nil
    /// While the memories are not known (the first rendering of a site with repairs): gathers
    /// each copy's UI labels and whether it has units to repair.
    var labels: SiteLabelCollector? = nil
    /// With `labels`: the articles with units to repair, parsed and checked, kept for their one
    /// rendering once the memories are known.
    var held: Locked<[Held]>? = nil

    /// Runs every article; `progress` gets the number of copies done. Stops early (the
    /// rest `nil`) when `shouldStop` says so or a write fails; the first write error is
    /// thrown. One outcome per entry of the plan, in its order.
    func run(
        writer: SiteFileWriter, progress: (@Sendable (Int) -> Void)?, shouldStop: @escaping @Sendable () -> Bool
    ) throws(SiteError) -> [Outcome?] {
        let articles = plan.articles
        let slots = Slots<Outcome>(count: plan.entries.count)
        let next = AtomicCounter()
        let done = AtomicCounter()
        let failure = FirstError()
        let pass = self
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, articles.count))) { _ in
            while !shouldStop(), !failure.isSet {
                let k = next.increment()
                guard k < articles.count else { return }
                let copies = articles[k]
                do {
                    for (i, outcome) in zip(copies, try pass.process(copies, writer: writer)) { slots.set(i, outcome) }
                } catch {
                    failure.set(error)
                    return
                }
                var count = 0
                for _ in copies { count = done.increment() + 1 }
                progress?(count)
            }
        }
        if let error = failure.error { throw error }
        return slots.values
    }

    /// One copy of an article on its way through the pass.
    fileprivate struct Copy {
        /// Its place among the article's copies.
        var slot: Int
        var entry: SitePlan.Entry
        var bytes: [UInt8]
        var digest: String
        var bindingPath: String?
        var article: Article?
        var check: Checker.ArticleCheck?
        var cached: SiteArticle?
        /// The translation's locale: its folder's, else its front matter's; nil when neither says.
        var locale: String?
    }

    /// One article, all its copies: read, hash, then (unless all are unchanged) parse,
    /// check and render. One outcome per copy, in the order of `indices`.
    func process(_ indices: [Int], writer: SiteFileWriter) throws(SiteError) -> [Outcome] {
        var outcomes = [Outcome](repeating: .omitted, count: indices.count)
        var copies: [Copy] = []
        var unchanged: [(slot: Int, article: SiteArticle)] = []
        var failed = false
        for (slot, i) in indices.enumerated() {
            let entry = plan.entries[i]
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(entry.path, limit: ArticleParser().maximumSize)
            } catch {
                outcomes[slot] = .failed(error.description)
                failed = true
                continue
            }
            let bindingPath = StatusBinding.path(forArticleAt: entry.path)
            let bindingBytes = bindingPath.flatMap { try? FileBytes.read($0, limit: 1 << 20) }
            var hash = ContentHash()
            hash.add(bytes)
            hash.add(bindingBytes ?? [])
            let digest = hash.hex
            if let old = previous[entry.relativePath], old.hash == digest, old.slug == entry.slug { unchanged.append((slot, old)) }
            copies.append(Copy(slot: slot, entry: entry, bytes: bytes, digest: digest, bindingPath: bindingPath))
        }
        // Every copy as the previous build left it: the pages stay. One changed copy renders them
        // all again (its English may now be the newest, and the others' pages link to it).
        if !copies.isEmpty, !failed, unchanged.count == copies.count {
            for (slot, article) in unchanged { outcomes[slot] = .reused(article) }
            return outcomes
        }
        for k in copies.indices {
            let entry = copies[k].entry
            let checked = runChecks && !unchecked.contains(entry.path)
            let cached = checked ? cache?.hit(entry.relativePath, digest: copies[k].digest) : nil
            var article: Article
            do {
                // The rules read each unit's syntax, recorded by the same parse when they run.
                article = try ArticleParser(analyzesUnits: checked && cached == nil).parse(bytes: copies[k].bytes, path: entry.path)
            } catch {
                outcomes[copies[k].slot] = .failed(error.description)
                continue
            }
            copies[k].bytes = []
            copies[k].check = !checked || cached != nil ? nil : checker.check(article)
            copies[k].cached = cached
            // The labels the site's memory learns, while the analysis is at hand.
            if let labels, article.analysis != nil { labels.add(entry.path, article, findings: copies[k].check?.findings) }
            article.analysis = nil
            copies[k].locale = entry.localeFolder.map(PageLanguage.tag) ?? Self.locale(of: article)
            copies[k].article = article
        }
        copies.removeAll { $0.article == nil }
        guard !copies.isEmpty else { return outcomes }
        // A lone article without a locale waits for the site's.
        if copies.count == 1, copies[0].locale == nil {
            let copy = copies[0]
            outcomes[copy.slot] = .deferred(copy.article!, hash: copy.digest, check: copy.check, cached: copy.cached)
            return outcomes
        }
        // The copy whose English the English page shows: an English copy, else the newest English.
        var english = 0
        var outdated = [Bool](repeating: false, count: copies.count)
        if let en = copies.firstIndex(where: { $0.locale.map(PageLanguage.code) == "en" }) {
            english = en
        } else if copies.count > 1 {
            // TOLK703 gathered the same facts when the rules ran on the copy.
            let facts = copies.map { copy in
                copy.check.flatMap(Checker.englishFacts).flatMap { $0.units.isEmpty ? nil : $0 }
                    ?? OutdatedTranslation.english(of: copy.article!)
            }
            english = OutdatedTranslation.newest(facts)
            for k in facts.indices { outdated[k] = facts[k].whole != facts[english].whole }
        }
        // An article with units to repair waits for the site's label memory: rendered once, after the pass.
        if let held, let labels, copies.contains(where: { labels.needsRepair($0.entry.path) }) {
            held.update { $0.append(Held(indices: indices, copies: copies, english: english, outdated: outdated)) }
            return outcomes
        }
        let rendered = try render(copies, english: english, outdated: outdated, writer: writer)
        for (copy, outcome) in zip(copies, rendered) { outcomes[copy.slot] = outcome }
        return outcomes
    }

    /// An article parsed and checked by the pass, its pages not yet written.
    struct Held: @unchecked Sendable {
        /// Its entries in the plan.
        var indices: [Int]
        fileprivate var copies: [Copy]
        fileprivate var english: Int
        fileprivate var outdated: [Bool]
    }

    /// Writes the pages of an article the pass held back; one outcome per entry of `held.indices`.
    func render(_ held: Held, writer: SiteFileWriter) throws(SiteError) -> [Outcome] {
        var outcomes = [Outcome](repeating: .omitted, count: held.indices.count)
        let rendered = try render(held.copies, english: held.english, outdated: held.outdated, writer: writer)
        for (copy, outcome) in zip(held.copies, rendered) { outcomes[copy.slot] = outcome }
        return outcomes
    }

    /// Writes the pages of an article whose locale was settled after the pass (`deferred`).
    func render(
        _ article: Article, entry: SitePlan.Entry, hash: String, locale: String, check: Checker.ArticleCheck?, cached: SiteArticle?,
        writer: SiteFileWriter
    ) throws(SiteError) -> Outcome {
        let copy = Copy(
            slot: 0, entry: entry, bytes: [], digest: hash, bindingPath: StatusBinding.path(forArticleAt: entry.path), article: article,
            check: check, cached: cached, locale: locale)
        return try render([copy], english: 0, outdated: [false], writer: writer)[0]
    }

    /// Writes the pages of an article's copies (each in its language, the English from
    /// `copies[english]`) and keeps what the site needs of each copy.
    private func render(_ copies: [Copy], english: Int, outdated: [Bool], writer: SiteFileWriter) throws(SiteError) -> [Outcome] {
        var pageCopies: [SiteArticlePages.Copy] = []
        var problems = [[String]](repeating: [], count: copies.count)
        for (k, copy) in copies.enumerated() {
            let article =
                memories.map { RepairedReading.apply(copy.article!, memory: $0[LabelFacts.locale(of: copy.article!)]) } ?? copy.article!
            let locale = copy.locale ?? "und"
            let language = plan.languageFolder(of: copy.entry) ?? PageLanguage.code(locale)
            var binding: StatusBinding?
            if let bindingPath = copy.bindingPath {
                do {
                    let loaded = try StatusBinding(contentsOf: bindingPath)
                    let mismatches = loaded.validate(against: article)
                    if mismatches.isEmpty { binding = loaded } else { problems[k] += mismatches.map(\.description) }
                } catch {
                    problems[k].append(error.description)
                }
            }
            pageCopies.append(
                SiteArticlePages.Copy(
                    article: article, entry: copy.entry, locale: locale, language: language, binding: binding,
                    translation: language != "en" && builds(language), english: k == english && builds("en")))
        }
        let images = try pages.write(pageCopies, to: writer)
        return copies.enumerated().map { k, copy in
            let page = pageCopies[k]
            guard page.translation || page.english else { return .omitted }
            let article = page.article
            let statistics = copy.check?.statistics.map(Coverage.init) ?? Coverage(article)
            var kept = copy.check
            kept?.findings = []  // counted here; only the cross-article facts are needed later
            if let search {
                // The words are made here, on the worker's thread; only the keeping is under the lock.
                let parsed = SearchIndex.Parsed(
                    hash: SearchIndex.hash(article.bytes), locale: page.locale, identity: copy.entry.identity, slug: article.slug,
                    document: SearchDocument(article, language: LanguageChoice.language(of: page.locale) ?? "und"))
                search.update { $0[copy.entry.relativePath] = parsed }
            }
            let hash = problems[k].isEmpty ? copy.digest : ""
            let record = SiteArticle(
                path: copy.entry.relativePath, slug: copy.entry.slug, hash: hash, language: page.language, locale: page.locale,
                title: article.title(.target), englishTitle: article.title(.source), type: article.translationType?.code,
                units: statistics.units, translated: statistics.translated, untranslated: statistics.untranslated, empty: statistics.empty,
                findings: copy.check.map { FindingCounts($0.findings) } ?? copy.cached?.findings ?? FindingCounts(),
                crossFindings: previous[copy.entry.relativePath]?.crossFindings ?? FindingCounts(),
                media: images[k].map(\.output).sorted(), hasStatus: page.binding != nil, checked: copy.check != nil || copy.cached != nil,
                translation: page.translation, english: page.english, outdated: outdated[k], robots: SiteSearchEngines.robots(of: article),
                lastModified: SiteSearchEngines.lastModified(of: article))
            return .built(record, kept, images[k], problems: problems[k], digest: copy.digest)
        }
    }

    /// True when the build makes pages in the page folder `language` (`da`, `zh-cn`, `en`):
    /// `--languages` names it, its language, or a locale of its language.
    func builds(_ language: String) -> Bool {
        guard let languages else { return true }
        return languages.contains(language) || languages.contains { PageLanguage.code($0) == language }
    }

    /// The facts the rules that compare articles need, of articles whose own counts came
    /// from the cache (read and parsed again, on all cores): when another article changed,
    /// those rules judge the whole set anew. Unreadable ones are left out.
    func facts(of entries: [SitePlan.Entry]) -> [String: Checker.ArticleCheck] {
        let found = FactSlots()
        let next = AtomicCounter()
        let pass = self
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, entries.count))) { _ in
            while true {
                let i = next.increment()
                guard i < entries.count else { return }
                guard let bytes = try? FileBytes.read(entries[i].path, limit: ArticleParser().maximumSize),
                    let article = try? ArticleParser().parse(bytes: bytes, path: entries[i].path)
                else { continue }
                found.set(entries[i].path, pass.checker.facts(article))
            }
        }
        return found.values
    }

    /// The translation's locale: the front matter's, else a locale folder on the path.
    static func locale(of article: Article) -> String? {
        if let locale = article.targetLocale.map(PageLanguage.tag), isUsable(locale) { return locale }
        if let folder = LocaleFolder(path: article.path).map({ PageLanguage.tag($0.name) }), isUsable(folder) { return folder }
        return nil
    }

    static func isUsable(_ locale: String) -> Bool {
        locale != "und" && SitePlan.isLanguageFolder(PageLanguage.code(locale))
    }
}

/// The unit counts of `ArticleStatistics` (translated, untranslated, empty), which the
/// status page shows; taken from the check's statistics when the rules ran, else
/// counted the same way without the word counts the site does not show.
struct Coverage {
    var units = 0
    var translated = 0
    var untranslated = 0
    var empty = 0

    init(_ statistics: ArticleStatistics) {
        units = statistics.units
        translated = statistics.translated
        untranslated = statistics.untranslated
        empty = statistics.empty
    }

    init(_ article: Article) {
        units = article.units.count
        for unit in article.units {
            if unit.isTargetEmpty {
                empty += 1
            } else if unit.target.trimmingSpaces == unit.source.trimmingSpaces {
                untranslated += 1
            } else {
                translated += 1
            }
        }
    }
}
