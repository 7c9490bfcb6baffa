import Foundation

/// One copy of an article in a content folder of locale folders: the same path below
/// `da-DK/`, `sv-SE/`, `zh-CN/` … is the same article in another language.
public struct LocaleCopy: Hashable, Sendable {
    /// The locale folder's name, a BCP 47 tag such as `da-DK`.
    public var locale: String
    /// The copy's path.
    public var path: String

    /// The copy of the article in `locale` at `path`.
    public init(locale: String, path: String) {
        self.locale = locale
        self.path = path
    }
}

extension ArticleLocator {
    /// The folders directly in the content folder that are named by a BCP 47 tag, sorted:
    /// empty when the content folder holds one locale's articles.
    public func localeFolders() -> [String] {
        guard let dir = contentDirectory, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { name in
            var isFolder: ObjCBool = false
            return Self.isLocaleTag(name) && FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    /// The copies of the article named `slug` in the locale folders, one per locale (the
    /// first path in order where the article lies deeper than one folder in).
    public func copies(of slug: String) -> [LocaleCopy] {
        guard let dir = contentDirectory, !slug.contains("/"), !slug.hasSuffix(".md") else { return [] }
        let file = slug + ".md"
        let fm = FileManager.default
        return localeFolders().compactMap { locale in
            let folder = dir + "/" + locale
            // The usual layouts first (`da-DK/slug.md`, `da-DK/AlchemyInsights/slug.md`), then any depth.
            if fm.fileExists(atPath: folder + "/" + file) { return LocaleCopy(locale: locale, path: folder + "/" + file) }
            let subfolders = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for sub in subfolders where fm.fileExists(atPath: folder + "/" + sub + "/" + file) {
                return LocaleCopy(locale: locale, path: folder + "/" + sub + "/" + file)
            }
            return Self.articles(under: folder).first { ($0 as NSString).lastPathComponent == file }.map {
                LocaleCopy(locale: locale, path: $0)
            }
        }
    }

    /// True for a locale tag as locale folders are named: an ISO 639 language, then an
    /// optional script and region that Foundation knows (`da-DK`, `sv`, `zh-Hans`,
    /// `sr-Latn-RS`, `es-419`).
    public static func isLocaleTag(_ name: String) -> Bool {
        LocaleFolder.isTag(name.utf8, needsSubtag: false) && LocaleFolder.isKnownLocale(name)
    }

    /// The copy in the locale `wanted` (`sv-SE`, `sv_SE.UTF-8`, `sv`): the same tag, else
    /// the first copy of the same language.
    public static func copy(for wanted: String, in copies: [LocaleCopy]) -> LocaleCopy? {
        let tag = LanguageChoice.tag(wanted).lowercased()
        if let exact = copies.first(where: { $0.locale.lowercased() == tag }) { return exact }
        guard let language = LanguageChoice.language(of: tag) else { return nil }
        return copies.first { LanguageChoice.language(of: $0.locale) == language }
    }
}

extension Article {
    /// Which of several copies (in locale order) carries the newest English: the latest
    /// `ms.lasthandoff`, then `ms.date`; on a tie, the English most copies carry, then the
    /// first (as TOLK703 judges).
    public static func newestEnglish(_ articles: [Article]) -> Article? {
        guard !articles.isEmpty else { return nil }
        return articles[OutdatedTranslation.newest(articles.map(OutdatedTranslation.english(of:)))]
    }
}
