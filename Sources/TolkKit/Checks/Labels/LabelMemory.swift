import Foundation

/// The UI labels an article set translates, in one language: each English label with
/// every translation found for it in intact UI paths and bold labels, how often, and
/// in which articles. Computed from the parsed set (`LabelFacts` of each article),
/// never kept by hand; the repairs of broken paths read it.
public struct LabelMemory: Hashable, Sendable {
    /// One translation of a label.
    public struct Translation: Hashable, Sendable {
        /// The translated label.
        public var text: String
        /// How often it was found.
        public var count: Int
        /// How many of `count` come from intact UI paths.
        public var inPaths: Int = 0
        /// The slugs of the articles it comes from, sorted.
        public var articles: [String]
    }

    /// One English label and its translations, the most frequent first.
    public struct Entry: Hashable, Sendable {
        /// The label as most articles write it.
        public var english: String
        /// Every translation found for the label.
        public var translations: [Translation]
        /// How often the label was found, all translations together.
        public var count: Int { translations.reduce(0) { $0 + $1.count } }
    }

    /// The language of the translations (`da-DK`).
    public var locale: String
    /// Every label, sorted by its English.
    public private(set) var entries: [Entry]
    private var index: [String: Int]

    /// The memory of the articles whose facts are given, for `locale`.
    public init(locale: String, facts: [LabelFacts]) {
        self.locale = locale
        var spellings: [String: [String: Int]] = [:]
        var found: [String: [String: (count: Int, inPaths: Int, articles: Set<String>)]] = [:]
        for article in facts where article.locale == locale {
            for pair in article.pairs {
                let key = Self.key(pair.english)
                spellings[key, default: [:]][pair.english, default: 0] += 1
                var entry = found[key, default: [:]][pair.translation] ?? (0, 0, [])
                entry.count += 1
                if pair.inPath { entry.inPaths += 1 }
                entry.articles.insert(article.slug)
                found[key, default: [:]][pair.translation] = entry
            }
        }
        // Support for a translation of a one-word label: how many other labels that hold the word
        // have a translation holding that translation (`brugere` for `Users`: `Active users` →
        // `aktive brugere`, `Export Users` → `eksport brugere`), where machine translation moved
        // words across a path's labels (`**Users** \> [Active Users]` as `**Aktive** \> [brugere,]`).
        var containing: [String: [String]] = [:]
        for (key, translations) in found {
            let words = key.split(separator: " ")
            guard words.count > 1 else { continue }
            let texts = translations.keys.map { $0.lowercased() }
            for word in Set(words) { containing[String(word), default: []] += texts }
        }
        func support(_ translation: String, _ key: String) -> Int {
            guard !key.contains(" "), let others = containing[key] else { return 0 }
            let needle = translation.lowercased()
            return others.reduce(0) { $0 + ($1.split(separator: " ").contains { $0 == needle } ? 1 : 0) }
        }
        // Each entry with its key, worked out once (a key cleans and lowercases the label).
        let keyed = found.map { key, translations -> (key: String, entry: Entry) in
            let english = Self.mostFrequent(spellings[key] ?? [:]) ?? key
            // Each translation's support worked out once, not at every comparison.
            let scored = translations.map {
                (
                    translation: Translation(
                        text: $0.key, count: $0.value.count, inPaths: $0.value.inPaths, articles: $0.value.articles.sorted()),
                    support: translations.count > 1 ? support($0.key, key) : 0
                )
            }
            let sorted = scored.sorted { x, y in
                let (a, b) = (x.translation, y.translation)
                if a.count != b.count { return a.count > b.count }
                // Equally frequent: the one the labels that hold the word agree with.
                if x.support != y.support { return x.support > y.support }
                // Then the one read from intact UI paths more often (paired by separators, not by order).
                if a.inPaths != b.inPaths { return a.inPaths > b.inPaths }
                // Equally frequent: the one shaped like the English (as many words, capitalized alike) first.
                let (ra, rb) = (Self.likeness(a.text, english), Self.likeness(b.text, english))
                return ra != rb ? ra > rb : a.text < b.text
            }.map(\.translation)
            return (key, Entry(english: english, translations: sorted))
        }.sorted { $0.key != $1.key ? $0.key < $1.key : $0.entry.english < $1.entry.english }
        entries = keyed.map(\.entry)
        index = [:]
        for (i, item) in keyed.enumerated() { index[item.key] = i }
    }

    /// The memories of the articles at `paths`, one per language, parsed on `jobs` threads.
    public static func build(_ paths: [String], jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> [String: LabelMemory] {
        let facts = ArticleParser(analyzesUnits: true, buildsDocuments: false).parseAll(paths, jobs: jobs) { _, parsed in
            (try? parsed.get()).map(LabelFacts.init)
        }.compactMap { $0 }
        return memories(facts)
    }

    /// One memory per locale of `facts`.
    public static func memories(_ facts: [LabelFacts]) -> [String: LabelMemory] {
        var result: [String: LabelMemory] = [:]
        for locale in Set(facts.map(\.locale)) where !locale.isEmpty { result[locale] = LabelMemory(locale: locale, facts: facts) }
        return result
    }

    /// The entry for an English label (case and spacing aside).
    public func entry(for english: String) -> Entry? {
        index[Self.key(english)].map { entries[$0] }
    }

    /// The most frequent translation of an English label, when the memory has one.
    public func best(for english: String) -> Translation? {
        entry(for: english)?.translations.first
    }

    static func key(_ label: String) -> String {
        LabelFacts.clean(label).lowercased()
    }

    /// How much a translation looks like a label for `english`: translated (not the English
    /// kept), as many words, and an upper-case first letter where the English has one.
    static func likeness(_ translation: String, _ english: String) -> Int {
        let words = translation.split(separator: " ").count
        let englishWords = english.split(separator: " ").count
        return (translation.lowercased() != english.lowercased() ? 4 : 0) + (words == englishWords ? 2 : 0)
            + ((translation.first?.isUppercase ?? false) == (english.first?.isUppercase ?? false) ? 1 : 0)
    }

    private static func mostFrequent(_ counts: [String: Int]) -> String? {
        counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
