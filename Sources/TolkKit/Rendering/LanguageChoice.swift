/// Which language(s) of a bilingual article to show: `--lang target|source|both`
/// or a locale name (`da`, `da-DK`, `en`, `en-US`).
public enum LanguageChoice: Hashable, Sendable, CustomStringConvertible {
    /// The translation (`target`, `translation`).
    case target
    /// The English original (`source`, `original`, `english`).
    case source
    /// The translation, with each English original under it.
    case both
    /// A language by its locale name (`da`, `da-DK`, `en-US`).
    case locale(String)

    /// What a renderer shows once a choice meets an article.
    public enum Mode: Hashable, Sendable {
        /// One side only.
        case single(Side)
        /// The translation, with each English original under it.
        case both

        /// The side whose text leads.
        public var primary: Side {
            if case .single(let side) = self { return side }
            return .target
        }
    }

    /// The choice a `--lang` argument names, or nil when it names none.
    public init?(argument: String) {
        let value = argument.trimmingSpaces
        switch value.lowercased() {
        case "target", "translation": self = .target
        case "source", "original", "english": self = .source
        case "both", "bilingual": self = .both
        default:
            guard Self.language(of: value) != nil else { return nil }
            self = .locale(value)
        }
    }

    public var description: String {
        switch self {
        case .target: "target"
        case .source: "source"
        case .both: "both"
        case .locale(let l): l
        }
    }

    /// The choice for this article, or an error naming the languages it has.
    public func mode(for article: Article) throws(LanguageError) -> Mode {
        switch self {
        case .target: return .single(.target)
        case .source: return .single(.source)
        case .both: return .both
        case .locale(let name):
            let wanted = Self.language(of: name)
            if wanted == Self.language(of: article.targetLocale ?? "") { return .single(.target) }
            if wanted == "en" { return .single(.source) }
            throw LanguageError(requested: name, available: [article.targetLocale ?? "unknown", article.sourceLocale])
        }
    }

    /// The reader's default: the translation when the reader's locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) is the article's language,
    /// English otherwise.
    public static func defaultMode(for article: Article, environment: [String: String]) -> Mode {
        guard let reader = readerLanguage(environment),
            let target = language(of: article.targetLocale ?? ""), reader == target
        else { return .single(.source) }
        return .single(.target)
    }

    /// The language code of the reader's locale, per POSIX precedence.
    public static func readerLanguage(_ environment: [String: String]) -> String? {
        readerLocale(environment).flatMap(language(of:))
    }

    /// The reader's locale as set (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), such as `sv_SE.UTF-8`.
    public static func readerLocale(_ environment: [String: String]) -> String? {
        ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }

    /// A POSIX locale as a BCP 47 tag: `sv_SE.UTF-8` → `sv-SE`, `de_DE@euro` → `de-DE`.
    public static func tag(_ locale: String) -> String {
        locale.prefix { $0 != "." && $0 != "@" }.replacingOccurrences(of: "_", with: "-")
    }

    /// `da` from `da`, `da-DK`, `da_DK.UTF-8`, `da_DK@euro`; nil for `C`/`POSIX`.
    public static func language(of locale: String) -> String? {
        let code = locale.prefix { $0.isLetter }.lowercased()
        guard (2...3).contains(code.count), code != "c", !locale.uppercased().hasPrefix("POSIX") else { return nil }
        return code
    }
}

/// A language the article does not have, with the ones it has.
public struct LanguageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The language asked for.
    public var requested: String
    /// The languages the article has.
    public var available: [String]
    public var description: String {
        "the article has no '\(requested)' text; it has \(available.joined(separator: " and ")) (or use target, source, both)"
    }
}
