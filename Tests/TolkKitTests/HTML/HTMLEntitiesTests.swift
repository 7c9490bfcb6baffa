import Testing

@testable import TolkKit

@Suite("HTML character references")
struct HTMLEntitiesTests {
    @Test(
        "Every HTML5 name is decoded, from cmark-gfm's table",
        arguments: [
            ("&euro;", "€"), ("&szlig;", "ß"), ("&times;", "×"), ("&amp;", "&"), ("&NotEqualTilde;", "\u{2242}\u{338}"),
            ("&CounterClockwiseContourIntegral;", "∳"), ("&aring;&oslash;&aelig;", "åøæ"), ("5&nbsp;kr.", "5\u{A0}kr."),
            ("&#x20AC; &#8364;", "€ €"),
        ])
    func decoded(_ text: String, _ expected: String) {
        #expect(CharacterReferences.decode(text) == expected)
    }

    @Test(
        "Unknown names and references without a semicolon stay as written",
        arguments: ["&bogus;", "&euro", "AT&T", "&;", "& euro;", "&eu-ro;", "&\u{E6};"])
    func literal(_ text: String) {
        #expect(CharacterReferences.decode(text) == text)
    }

    @Test("The table names the cmark-gfm it comes from")
    func version() {
        #expect(HTMLEntities.cmarkVersion.contains("gfm"))
    }

    @Test("The terminal shows the characters of an HTML block's references")
    func terminal() {
        #expect(
            HTMLText.visibleText("<p>Pris: 5&nbsp;&euro; &times; 2 &ndash; Stra&szlig;e</p>", imageWord: "billede")
                == "Pris: 5\u{A0}€ × 2 – Straße")
    }

    @Test("A URL hidden behind HTML5 names is still refused")
    func urls() {
        #expect(SafeURL.link("javascript&colon;alert&lpar;1&rpar;") == nil)
        #expect(SafeURL.link("java&Tab;script:alert(1)") == nil)
        #expect(SafeURL.link("&NewLine;javascript:alert(1)") == nil)
    }
}
