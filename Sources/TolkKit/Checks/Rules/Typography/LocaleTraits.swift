/// What the typography rules need to know about the language of a translation.
enum LocaleTraits {
    /// The language part of the article's target locale, lower-cased (`da` for `da-DK`).
    static func language(of article: Article) -> String {
        guard let locale = article.frontMatter?.localization.contentLocale else { return "" }
        // Several rules ask for every article: the subtag before the first `-`, without a split.
        let subtag = Substring(locale.utf8.prefix { $0 != 0x2D })
        return subtag.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) ? String(subtag) : subtag.lowercased()
    }

    /// `language(of:)`, or without front matter (an include) the locale folder the article sits in (`…/vi-VN/…`).
    static func targetLanguage(of article: Article) -> String {
        if article.targetLocale != nil { return language(of: article) }
        for component in article.path.split(separator: "/").reversed() {
            let parts = component.split(separator: "-")
            if parts.count == 2, (2...3).contains(parts[0].count), parts[1].count == 2, parts[0].allSatisfy(\.isLowercase),
                parts[1].allSatisfy(\.isUppercase)
            {
                return String(parts[0])
            }
        }
        return ""
    }

    /// Languages written without spaces between words.
    static func writesWithoutSpaces(_ language: String) -> Bool {
        ["ja", "zh", "th", "lo", "km", "my", "bo"].contains(language)
    }

    /// Languages written in Latin letters, where an English word may also be a word of the
    /// translation; the others are written in another script (or the locale is unknown: Latin).
    static func writesInLatinScript(_ language: String) -> Bool {
        ![
            "ja", "zh", "ko", "th", "lo", "km", "my", "bo", "ar", "he", "fa", "ur", "ps", "yi", "ru", "uk", "bg", "be", "mk", "kk", "ky",
            "mn", "el", "ka", "hy", "am", "hi", "mr", "ne", "bn", "pa", "gu", "or", "ta", "te", "kn", "ml", "si", "dv", "ckb", "sd", "ug",
        ].contains(language)
    }

    /// Languages that separate words with U+200B ZERO WIDTH SPACE where they are written
    /// without spaces (Khmer, Thai, Lao, Myanmar, Tibetan).
    static func usesZeroWidthSpace(_ language: String) -> Bool {
        ["km", "th", "lo", "my", "bo"].contains(language)
    }

    /// Languages written right to left, which use direction marks legitimately (from
    /// Foundation's locale data, as the HTML pages' `dir`).
    static func isRightToLeft(_ language: String) -> Bool {
        !language.isEmpty && LanguageFacts.isRightToLeft(language)
    }

    /// A letter of a script written without spaces, or with particles joined to the word
    /// before (Thai, Lao, Khmer, Myanmar, kana, CJK ideographs, Hangul, full-width forms).
    static func isUnspacedScript(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x9FFF,
            0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    /// A letter for word-level checks (letters and the marks that combine with them).
    static func isLetter(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }
}
