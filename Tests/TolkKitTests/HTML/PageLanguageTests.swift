import Foundation
import Testing

@testable import TolkKit

@Suite("Page language: names and direction from Foundation")
struct PageLanguageTests {
    @Test(
        "a language's own name, first letter upper-cased as the language does it; the script where there are several",
        arguments: [
            ("da-DK", "Dansk"), ("sv-SE", "Svenska"), ("zh-CN", "简体中文"), ("zh-TW", "繁體中文"), ("vi-VN", "Tiếng Việt"),
            ("en-US", "English"), ("he-IL", "עברית"), ("ar-SA", "العربية"), ("nb-NO", "Norsk bokmål"), ("de", "Deutsch"),
            ("da_DK", "Dansk"), ("zh-Hant-HK", "繁體中文"), ("zh", "简体中文"), ("sr-Latn-RS", "Srpski (latinica)"),
            ("sr-RS", "Српски (ћирилица)"), ("ja-JP", "日本語"),
        ])
    func autonym(_ locale: String, _ name: String) {
        #expect(PageLanguage.autonym(locale) == name)
        // Asked again, from the cache: the same.
        #expect(PageLanguage.autonym(locale) == name)
    }

    @Test("the tag when Foundation has no name for the language")
    func unknownLanguage() {
        #expect(PageLanguage.autonym("xx-YY") == "xx-YY")
        #expect(PageLanguage.autonym("<script>") == "und")
        #expect(PageLanguage.autonym("und") == "und")
    }

    @Test("languages written in more than one script come from Foundation's locales, and are few")
    func multiScript() {
        let languages = LanguageFacts.multiScriptLanguages
        #expect(languages.isSuperset(of: ["zh", "sr", "bs", "uz", "pa"]))
        #expect(languages.isDisjoint(with: ["da", "sv", "en", "vi", "he", "ar", "ja", "hi"]))
    }

    @Test(
        "right to left by the language's script",
        arguments: [
            ("he", "rtl"), ("ar", "rtl"), ("fa", "rtl"), ("da", "ltr"), ("he-IL", "rtl"), ("ar_SA", "rtl"), ("ur-PK", "rtl"),
            ("yi", "rtl"), ("ckb", "rtl"), ("syr", "rtl"), ("pa-Arab", "rtl"), ("pa-IN", "ltr"), ("ja-JP", "ltr"), ("vi-VN", "ltr"),
            ("zh-CN", "ltr"), ("und", "ltr"), ("ar_SA.UTF-8", "rtl"),
        ])
    func direction(_ locale: String, _ direction: String) {
        #expect(PageLanguage.direction(locale) == direction)
    }

    @Test("the check rules see the same direction as the pages")
    func localeTraits() {
        for language in ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "syr"] {
            #expect(LocaleTraits.isRightToLeft(language), "\(language)")
        }
        for language in ["", "da", "en", "ja", "zh", "th", "hi", "ru", "xx"] {
            #expect(!LocaleTraits.isRightToLeft(language), "\(language)")
        }
    }
}
