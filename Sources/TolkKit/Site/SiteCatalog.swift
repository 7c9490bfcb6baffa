import Foundation

/// The site's articles as its listings show them (the indexes, the root page, the
/// translation-status page, the sitemap): each article once, with the copy of each
/// language it has a page in and the copy its English page came from.
struct SiteCatalog: Sendable {
    struct Entry: Sendable {
        var slug: String
        /// The copies with a page in their own language, by page folder.
        var translations: [String: SiteArticle]
        /// The copy the English page was rendered from; nil when the build has no English pages.
        var english: SiteArticle?
        /// The path below the locale folder (or the content folder), as the status page names the article.
        var identity: String

        /// The English title, from the copy with the newest English.
        var englishTitle: String { english?.englishTitle ?? translations.values.sorted { $0.path < $1.path }.first?.englishTitle ?? slug }

        /// The page folders the article has pages in: its translations', then English.
        var languages: [String] { translations.keys.sorted() + (english == nil ? [] : ["en"]) }
    }

    /// Every article, by slug.
    let entries: [Entry]
    /// The site's languages: the translations' page folders (each with the locale most of its
    /// copies have), then English when the site has English pages.
    let languages: [(code: String, locale: String)]

    /// - Parameter localeFolders: the content folder's locale folders (their names are left out of an article's identity).
    init(_ articles: [SiteArticle], localeFolders: Set<String> = []) {
        var bySlug: [String: Entry] = [:]
        var locales: [String: [String: Int]] = [:]
        var hasEnglish = false
        for article in articles {
            var entry = bySlug[article.slug] ?? Entry(slug: article.slug, translations: [:], english: nil, identity: article.path)
            if article.translation, article.language != "en" {
                entry.translations[article.language] = article
                locales[article.language, default: [:]][article.locale, default: 0] += 1
            }
            if article.english {
                entry.english = article
                hasEnglish = true
            }
            if let slash = article.path.firstIndex(of: "/"), localeFolders.contains(String(article.path[..<slash])) {
                entry.identity = String(article.path[article.path.index(after: slash)...])
            }
            bySlug[article.slug] = entry
        }
        entries = bySlug.values.sorted { $0.slug < $1.slug }
        var out = locales.keys.sorted().map { code in
            (code: code, locale: locales[code]!.max { a, b in (a.value, b.key) < (b.value, a.key) }!.key)
        }
        if hasEnglish { out.append((code: "en", locale: SiteArticlePages.englishLocale)) }
        languages = out
    }

    /// The copy of `entry` whose page is in `language` (`en`: the English page's).
    static func copy(_ entry: Entry, in language: String) -> SiteArticle? {
        language == "en" ? entry.english : entry.translations[language]
    }
}
