import Dispatch
import Foundation

/// Reads, checks and renders every article of a site on all cores, one article
/// at a time per worker: each model is parsed once, checked, rendered into both
/// pages and dropped; what the site keeps is a `SiteArticle`. An article whose
/// content hash matches the previous build's is not parsed at all (incremental).
struct SiteArticlePass: Sendable {
    /// What became of one article.
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
        /// Not a readable article: reported and skipped.
        case failed(String)
    }

    let plan: SitePlan
    let pages: SiteArticlePages
    let checker: Checker
    /// Articles the check configuration skips.
    let unchecked: Set<String>
    /// False: the status page shows no findings (the rules are not run).
    let runChecks: Bool
    /// The previous build's articles by relative path (incremental builds only).
    let previous: [String: SiteArticle]
    /// The counts of the last full build, for articles whose content did not change.
    let cache: SiteCheckCache?
    let jobs: Int

    /// Runs every article; `progress` gets the number done. Stops early (the rest
    /// `nil`) when `shouldStop` says so or a write fails; the first write error is thrown.
    func run(
        writer: SiteFileWriter, progress: (@Sendable (Int) -> Void)?, shouldStop: @escaping @Sendable () -> Bool
    ) throws(SiteError) -> [Outcome?] {
        let entries = plan.entries
        let slots = Slots<Outcome>(count: entries.count)
        let next = AtomicCounter()
        let done = AtomicCounter()
        let failure = FirstError()
        let pass = self
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, entries.count))) { _ in
            while !shouldStop(), !failure.isSet {
                let i = next.increment()
                guard i < entries.count else { return }
                do {
                    slots.set(i, try pass.process(entries[i], writer: writer))
                } catch {
                    failure.set(error)
                    return
                }
                progress?(done.increment() + 1)
            }
        }
        if let error = failure.error { throw error }
        return slots.values
    }

    /// One article: read, hash, then (unless unchanged) parse, check and render.
    func process(_ entry: SitePlan.Entry, writer: SiteFileWriter) throws(SiteError) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try ArticleParser.readFile(entry.path, limit: ArticleParser().maximumSize)
        } catch {
            return .failed(error.description)
        }
        let bindingPath = StatusBinding.path(forArticleAt: entry.path)
        let bindingBytes = bindingPath.flatMap { try? ArticleParser.readFile($0, limit: 1 << 20) }
        var hash = ContentHash()
        hash.add(bytes)
        hash.add(bindingBytes ?? [])
        let digest = hash.hex
        if let old = previous[entry.relativePath], old.hash == digest, old.slug == entry.slug { return .reused(old) }

        let checked = runChecks && !unchecked.contains(entry.path)
        let cached = checked ? cache?.hit(entry.relativePath, digest: digest) : nil
        var article: Article
        do {
            // The rules read each unit's syntax, recorded by the same parse when they run.
            article = try ArticleParser(analyzesUnits: checked && cached == nil).parse(bytes: bytes, path: entry.path)
        } catch {
            return .failed(error.description)
        }
        let check = !checked || cached != nil ? nil : checker.check(article)
        article.analysis = nil
        guard let locale = Self.locale(of: article) else { return .deferred(article, hash: digest, check: check, cached: cached) }
        return try render(
            article, entry: entry, hash: digest, locale: locale, check: check, cached: cached, bindingPath: bindingPath, writer: writer)
    }

    /// Writes the pages of a parsed article and keeps what the site needs of it.
    func render(
        _ article: Article, entry: SitePlan.Entry, hash: String, locale: String, check: Checker.ArticleCheck?, cached: SiteArticle?,
        bindingPath: String?, writer: SiteFileWriter
    ) throws(SiteError) -> Outcome {
        let language = PageLanguage.code(locale)
        var binding: StatusBinding?
        var problems: [String] = []
        if let bindingPath {
            do {
                let loaded = try StatusBinding(contentsOf: bindingPath)
                let mismatches = loaded.validate(against: article)
                if mismatches.isEmpty { binding = loaded } else { problems += mismatches.map(\.description) }
            } catch {
                problems.append(error.description)
            }
        }
        let images = try pages.write(article, entry: entry, language: language, locale: locale, binding: binding, to: writer)
        let statistics = check?.statistics.map(Coverage.init) ?? Coverage(article)
        var kept = check
        kept?.findings = []  // counted here; only the cross-article facts are needed later
        let record = SiteArticle(
            path: entry.relativePath, slug: entry.slug, hash: problems.isEmpty ? hash : "", language: language, locale: locale,
            title: article.title(.target), englishTitle: article.title(.source), type: article.translationType?.code,
            units: statistics.units, translated: statistics.translated, untranslated: statistics.untranslated, empty: statistics.empty,
            findings: check.map { FindingCounts($0.findings) } ?? cached?.findings ?? FindingCounts(),
            crossFindings: previous[entry.relativePath]?.crossFindings ?? FindingCounts(),
            media: images.map(\.output).sorted(), hasStatus: binding != nil, checked: check != nil || cached != nil)
        return .built(record, kept, images, problems: problems, digest: hash)
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
                guard let bytes = try? ArticleParser.readFile(entries[i].path, limit: ArticleParser().maximumSize),
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

/// The first error any worker met.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: SiteError?

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return error != nil
    }

    func set(_ e: any Error) {
        lock.lock()
        if error == nil { error = (e as? SiteError) ?? .io("", "\(e)") }
        lock.unlock()
    }
}

/// The facts of each article by path, filled by worker threads.
final class FactSlots: @unchecked Sendable {
    private var slots: [String: Checker.ArticleCheck] = [:]
    private let lock = NSLock()

    func set(_ path: String, _ value: Checker.ArticleCheck) {
        lock.lock()
        slots[path] = value
        lock.unlock()
    }

    var values: [String: Checker.ArticleCheck] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// One value per job, filled by worker threads; nil where a job never came (a stopped pass).
final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
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
