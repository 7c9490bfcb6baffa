/// What the site keeps of one copy of an article once its pages are written (the
/// model itself is dropped): enough for the indexes, the translation-status page,
/// the sitemap and the next incremental build, which reads it back from the manifest.
/// An article in several locale folders has a record per copy, with one slug; one
/// of them gave its English page.
struct SiteArticle: Hashable, Sendable {
    /// The path below the content folder.
    var path: String
    var slug: String
    /// The content hash of the article and its status binding.
    var hash: String
    /// The folder of the translation's pages: `da`.
    var language: String
    /// The translation's `lang`: `da-DK`.
    var locale: String
    /// The title in the translation and in English.
    var title: String
    var englishTitle: String
    /// `MT`, `HT`, or nil.
    var type: String?
    var units: Int
    var translated: Int
    var untranslated: Int
    var empty: Int
    /// Findings of the rules that read one article.
    var findings: FindingCounts
    /// Findings of the rules that compare articles (TOLK701, TOLK702, TOLK703): from the last full build.
    var crossFindings: FindingCounts
    /// The site's copies of the images the pages show.
    var media: [String]
    /// True when the article has a status binding (its pages have a status panel).
    var hasStatus: Bool
    /// True when the rules ran on it (not with `--no-checks`, nor for a path `.tolk.yml` skips).
    var checked: Bool
    /// True when the copy has a page in its own language (not an English article, nor a
    /// language `--languages` leaves out).
    var translation = true
    /// True when the article's English page was rendered from this copy (the newest English of its copies).
    var english = true
    /// True when this copy's English differs from the newest English of the article's copies.
    var outdated = false
    /// The copy's robots directive (front matter `ROBOTS`), lowercased: `noindex, nofollow`; nil: none.
    var robots: String?
    /// The copy's `ms.date` as `2021-05-19`, the sitemap's `<lastmod>` of its pages; nil when it has none.
    var lastModified: String?

    /// False when the copy's robots directive keeps its pages out of search results (`noindex`).
    var indexable: Bool { !SiteSearchEngines.isNoindex(robots) }

    /// Every finding, whatever rule kind.
    var allFindings: FindingCounts { findings + crossFindings }

    /// The page folders of the pages rendered from this copy: its own language's, then English.
    var languages: [String] {
        switch (translation && language != "en", english) {
        case (true, true): [language, "en"]
        case (true, false): [language]
        case (false, true): ["en"]
        case (false, false): []
        }
    }

    /// The share of units with a translation, 0–100.
    var coverage: Double { units == 0 ? 100 : Double(translated) * 100 / Double(units) }

    /// True when the indexes, the status page and the sitemap show both alike (only the hash may differ).
    func sameListing(as other: SiteArticle) -> Bool {
        var a = self
        a.hash = other.hash
        return a == other
    }

    /// The page of the article in `language`, below the site's root.
    func pagePath(_ language: String) -> String { language + "/" + slug + "/index.html" }
}

/// How many findings of each severity.
struct FindingCounts: Hashable, Sendable {
    var errors = 0
    var warnings = 0
    var notes = 0

    init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }

    init(_ findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }

    var total: Int { errors + warnings + notes }

    static func + (a: FindingCounts, b: FindingCounts) -> FindingCounts {
        FindingCounts(errors: a.errors + b.errors, warnings: a.warnings + b.warnings, notes: a.notes + b.notes)
    }
}
