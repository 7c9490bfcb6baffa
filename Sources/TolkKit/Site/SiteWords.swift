import Foundation

/// Tolk's words on a site's own pages (the indexes, the root, the translation
/// status), in Danish or English: any language other than Danish gets English.
struct SiteWords: Sendable {
    /// `da` or `en`.
    let language: String

    init(language: String) {
        self.language = language == "da" ? "da" : "en"
    }

    private var da: Bool { language == "da" }

    var articlesTitle: String { da ? "Hjælpeartikler på dansk" : "Help articles in English" }
    var search: String { da ? "Søg i artiklerne" : "Search the articles" }
    var searchPlaceholder: String { da ? "Skriv et ord fra titlen" : "Type a word of the title" }
    var noMatches: String { da ? "Ingen artikler passer til søgningen." : "No article matches the search." }
    var machineTranslatedBadge: String { da ? "maskinoversat" : "machine translated" }
    var translationStatus: String { da ? "Oversættelsesstatus" : "Translation status" }
    var chooseLanguage: String { da ? "Vælg sprog" : "Choose a language" }
    /// Beside an article an index lists that is not translated into its language.
    var englishOnly: String { da ? "kun på engelsk" : "in English only" }
    var intro: String {
        da
            ? "Hver sætning kan vises med sin engelske original: hold musen over den, tryk på den eller gå til den med tabulatortasten."
            : "Every article is also published in its translation: the language switch at the top of each page goes there."
    }

    /// "2.913 artikler" / "2,913 articles".
    func count(_ n: Int) -> String {
        number(n) + (da ? (n == 1 ? " artikel" : " artikler") : (n == 1 ? " article" : " articles"))
    }

    /// "12 af 2.913 artikler": what the script shows while searching (`{shown}` and `{total}` filled in).
    var countPattern: String { da ? "{shown} af {total} artikler" : "{shown} of {total} articles" }

    func number(_ n: Int) -> String {
        let digits = String(n)
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(da ? "." : ",") }
            out.append(c)
        }
        return out
    }

    var dictionary: [String: String] {
        [
            "search": search, "searchPlaceholder": searchPlaceholder, "noMatches": noMatches, "translationStatus": translationStatus,
            "chooseLanguage": chooseLanguage, "machineTranslated": machineTranslatedBadge, "countPattern": countPattern,
        ]
    }
}
