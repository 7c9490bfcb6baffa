import Foundation

/// Tolk's own words on an HTML page, in Danish or English: the page language
/// chooses, and any language other than Danish gets English.
struct HTMLWords: Sendable {
    /// `da` or `en`.
    let language: String

    /// The words for a page in `locale` (`da-DK`, `da`, `en-US`, `ja-JP`, …).
    init(locale: String) {
        language = PageLanguage.code(locale) == "da" ? "da" : "en"
    }

    private var da: Bool { language == "da" }

    var showOriginals: String { da ? "Vis engelske originaler" : "Show English originals" }
    var machineTranslated: String {
        da
            ? "Denne artikel er maskinoversat, og oversættelsen kan indeholde fejl."
            : "This article was machine translated and may contain errors."
    }
    var readEnglish: String { da ? "Læs den engelske original" : "Read the English original" }
    var notTranslated: String { da ? "ikke oversat" : "not translated" }
    var asPublished: String { da ? "Rettet af Tolk; udgivet som" : "Repaired by Tolk; published as" }
    var languages: String { da ? "Sprog" : "Languages" }
    var skipToContent: String { da ? "Gå til indholdet" : "Skip to content" }
    var englishOriginal: String { da ? "Engelsk original" : "English original" }
    var generatedBy: String { da ? "Vist med Tolk" : "Shown with Tolk" }
    var lastHandoff: String { da ? "Sidst overdraget til oversættelse" : "Last handed off for translation" }
    var image: String { da ? "billede" : "image" }
    var allArticles: String { da ? "Alle artikler" : "All articles" }
    var translationStatus: String { da ? "Oversættelsesstatus" : "Translation status" }

    func noteTitle(_ kind: Note.Kind) -> String {
        switch kind {
        case .note: da ? "Bemærk" : "Note"
        case .tip: "Tip"
        case .important: da ? "Vigtigt" : "Important"
        case .warning: da ? "Advarsel" : "Warning"
        case .caution: da ? "Forsigtig" : "Caution"
        case .video: "Video"
        case .other(let s): s.capitalized
        }
    }

    /// `dictionary` for a page's context, made once per language.
    var templateValue: TemplateValue { da ? Self.danishValue : Self.englishValue }
    private static let danishValue = TemplateValue(HTMLWords(locale: "da").dictionary)
    private static let englishValue = TemplateValue(HTMLWords(locale: "en").dictionary)

    /// Everything a template may show, for `{{words.…}}`.
    var dictionary: [String: String] {
        [
            "showOriginals": showOriginals, "machineTranslated": machineTranslated, "readEnglish": readEnglish,
            "notTranslated": notTranslated, "languages": languages, "skipToContent": skipToContent,
            "englishOriginal": englishOriginal, "generatedBy": generatedBy, "lastHandoff": lastHandoff,
            "translationStatus": translationStatus,
        ]
    }
}

/// Language facts about a page: its `lang`, its direction, a language's own name
/// (the last two from Foundation's locale data, through `LanguageFacts`).
enum PageLanguage {
    /// The primary language subtag: `da` from `da-DK` or `da_DK`; `und` when there is none.
    static func code(_ locale: String) -> String {
        // The common case, `da-DK` or `en`: two or three ASCII letters, then a dash or the end.
        let utf8 = locale.utf8
        if let end = utf8.firstIndex(where: { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }) ?? Optional(utf8.endIndex),
            end == utf8.endIndex || utf8[end] == UInt8(ascii: "-"),
            case let length = utf8.distance(from: utf8.startIndex, to: end), length == 2 || length == 3
        {
            return String(locale[..<end]).lowercased()
        }
        return LanguageChoice.language(of: locale) ?? "und"
    }

    /// `rtl` or `ltr`, as the language is written (in the locale's script, when it names one).
    static func direction(_ locale: String) -> String { LanguageFacts.isRightToLeft(identifier(locale)) ? "rtl" : "ltr" }

    /// A BCP 47 tag for `lang` attributes: `da_DK` becomes `da-DK`; anything that is
    /// not letters, digits and dashes becomes `und`.
    static func tag(_ locale: String) -> String {
        let tag = locale.utf8.contains(UInt8(ascii: "_")) ? locale.replacingOccurrences(of: "_", with: "-") : locale
        let valid =
            !tag.isEmpty && tag.utf8.count <= 35
            && tag.utf8.allSatisfy { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        return valid && code(tag) != "und" ? tag : "und"
    }

    /// The language's name in that language, as a language switch shows it (`Dansk`,
    /// `简体中文` for `zh-CN`); the locale's tag when Foundation has no name for it.
    static func autonym(_ locale: String) -> String {
        LanguageFacts.autonym(identifier(locale)) ?? tag(locale)
    }

    /// The `lang` of a language's name (`autonym`): the language, with the script for a
    /// language written in several (`zh-Hant` for `zh-TW`); the locale's tag when Foundation
    /// does not know the language.
    static func nameTag(_ locale: String) -> String {
        LanguageFacts.nameIdentifier(identifier(locale)) ?? tag(locale)
    }

    /// The locale as Foundation reads it: its tag, or for a locale that is no tag
    /// (`da_DK.UTF-8`) its language.
    private static func identifier(_ locale: String) -> String {
        let tag = tag(locale)
        return tag == "und" ? code(locale) : tag
    }
}
