import Foundation
import Testing
import TolkKit

/// Renderer output compared with files in Fixtures/golden. Re-record after an
/// intended change with `TOLK_RECORD_GOLDEN=1 swift test --filter Golden`, then
/// read the diff before committing.
@Suite("Golden renderer output")
struct GoldenTests {
    static let record = ProcessInfo.processInfo.environment["TOLK_RECORD_GOLDEN"] == "1"

    func check(_ actual: String, _ name: String) throws {
        let path = Fixtures.path("golden/" + name)
        if Self.record {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "golden/\(name) differs; re-record with TOLK_RECORD_GOLDEN=1 if intended")
    }

    struct TerminalCase: Sendable, CustomTestStringConvertible {
        var fixture: String
        var mode: LanguageChoice.Mode
        var width: Int
        var golden: String
        var testDescription: String { golden }
    }

    static let terminalCases: [TerminalCase] = [
        .init(fixture: "articles/password-sync.md", mode: .single(.target), width: 80, golden: "password-sync.da.txt"),
        .init(fixture: "articles/password-sync.md", mode: .single(.source), width: 80, golden: "password-sync.en.txt"),
        .init(fixture: "articles/password-sync.md", mode: .both, width: 60, golden: "password-sync.both.txt"),
        .init(fixture: "articles/error-code-0x15.md", mode: .both, width: 80, golden: "error-code-0x15.both.txt"),
        .init(fixture: "articles/error-code-0x15.md", mode: .single(.target), width: 30, golden: "error-code-0x15.narrow.txt"),
        .init(
            fixture: "articles/create-email-signature-in-outlook-on-the-web.md", mode: .single(.target), width: 80,
            golden: "create-email-signature.da.txt"),
        .init(fixture: "cases/91-ja-wrap.md", mode: .single(.target), width: 40, golden: "91-ja-wrap.txt"),
        .init(fixture: "cases/90-th-wrap.md", mode: .single(.target), width: 40, golden: "90-th-wrap.txt"),
        .init(fixture: "cases/92-ar-rtl.md", mode: .both, width: 50, golden: "92-ar-rtl.txt"),
        .init(
            fixture: "cases/13-multiple-objects-have-the-same-email-address-as-identity.md", mode: .single(.target), width: 80,
            golden: "13-pseudo-tags.txt"),
        .init(fixture: "cases/04-intune-exchange-on-prem-connector.md", mode: .single(.target), width: 80, golden: "04-code.txt"),
    ]

    @Test("terminal", arguments: terminalCases)
    func terminal(_ c: TerminalCase) throws {
        let article = try Fixtures.article(c.fixture)
        let text = TerminalRenderer(mode: c.mode, width: c.width, styler: .plain, uiLanguage: c.mode == .single(.source) ? "en" : "da")
            .render(article)
        try check(text, c.golden)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= c.width, "\(line)") }
    }

    @Test("terminal with colour and hyperlinks")
    func colour() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        let text = TerminalRenderer(
            mode: .single(.target), width: 80, styler: TerminalStyler(color: true, hyperlinks: true), uiLanguage: "da"
        ).render(article)
        try check(text, "password-sync.da.ansi")
    }

    @Test("Markdown, both sides")
    func markdown() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        try check(MarkdownRenderer(side: .target).render(article), "password-sync.da.md")
        try check(MarkdownRenderer(side: .source, includeFrontMatter: false).render(article), "password-sync.en.md")
    }

    @Test("JSON")
    func json() throws {
        var article = try Fixtures.article("articles/password-sync.md")
        article.path = "password-sync.md"
        try check(JSONRenderer().render(article), "password-sync.json")
    }
}
