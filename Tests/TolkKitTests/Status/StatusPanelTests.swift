import Foundation
import Testing

@testable import TolkKit

@Suite("The status panel and the values beside the steps")
struct StatusPanelTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
    static let zone = TimeZone(identifier: "Europe/Copenhagen")!

    static func presentation(_ json: String, language: String, side: Side) throws -> (Article, StatusPresentation) {
        let article = try Fixtures.article("articles/password-sync.md")
        let binding = try StatusBinding(contentsOf: StatusBindingTests.contentBinding)
        let reading = StatusReading(
            origin: "provider", readAt: now.addingTimeInterval(-3), document: try StatusJSON.parse(Array(json.utf8)))
        let evaluation = StatusEvaluator(now: now, timeZone: zone).evaluate(binding, reading: reading, article: article)
        return (article, StatusPresentation(evaluation, side: side, words: StatusWords(language: language, timeZone: zone), now: now))
    }

    static let stale = #"{"passwordSync": {"enabled": true, "lastSync": "2026-11-12T08:00:00Z"}}"#

    @Test(
        "stale last sync, Danish reader: the article's Danish labels, Sand, the date in Copenhagen time, the warning, the article's own remedy and the link"
    )
    func staleDanish() throws {
        let (_, p) = try Self.presentation(Self.stale, language: "da", side: .target)
        let lines = TerminalStatusPanel(width: 80).layout(p).map(\.plain)
        #expect(
            lines == [
                "┃ Status · provider · læst for 3 sekunder siden",
                "┃ ✓ Synkronisering af adgangskode aktiveret  Sand",
                "┃ ! Synkronisering af sidste adgangskode",
                "┃     12. november 2026 kl. 9.00 (for 6 dage siden)",
                "┃     Advarsel: mere end 3 dage siden.",
                "┃     Dette viser en advarsel og et link til et fejlfindingsværktøj, hvis den",
                "┃     sidste synkronisering var for mere end tre dage siden.",
                "┃     Se:",
                "┃     https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-password-hash-synchronization",
            ])
        #expect(p.level == .warning)
    }

    @Test("the same state for an English reader")
    func staleEnglish() throws {
        let (_, p) = try Self.presentation(Self.stale, language: "en", side: .source)
        let lines = TerminalStatusPanel(width: 100).layout(p).map(\.plain)
        #expect(
            lines == [
                "┃ Status · provider · read 3 seconds ago",
                "┃ ✓ Password sync enabled  True",
                "┃ ! Last Password Sync     November 12, 2026 at 9:00\u{202F}AM (6 days ago)",
                "┃     Warning: more than 3 days ago.",
                "┃     This will display a warning and a link to a troubleshooting tool if the last sync was more",
                "┃     than three days ago.",
                "┃     See:",
                "┃     https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-password-hash-synchronization",
            ])
    }

    @Test("sync off: ✗, the binding's own remedy in the reader's language, the article's word for false")
    func broken() throws {
        let (_, p) = try Self.presentation(
            #"{"passwordSync": {"enabled": false, "lastSync": "2026-11-18T08:00:00Z"}}"#, language: "da", side: .target)
        let enabled = try #require(p.fields.first)
        #expect(enabled.mark == "✗" && enabled.value == "Falsk")
        #expect(enabled.message == "forventet Sand")
        #expect(enabled.remedy?.hasPrefix("Slå synkronisering af adgangskode-hash til") == true)
        #expect(p.fields[1].mark == "✓" && p.fields[1].relative == "for 3 timer siden")
        #expect(p.level == .error)
    }

    @Test("each value again beside the step that describes it, and the panel above the article")
    func besideSteps() throws {
        let (article, p) = try Self.presentation(Self.stale, language: "da", side: .target)
        let renderer = TerminalRenderer(mode: .single(.target), width: 80, uiLanguage: "da", status: p)
        let text = renderer.layout(article).map(\.plain).joined(separator: "\n")
        #expect(text.hasPrefix("┃ Status · provider"))
        let order = [
            "┃ Status", "Aktiver synkronisering af adgangskode", "3.  Nu kan du se din status",
            "◆ Synkronisering af adgangskode aktiveret:",
            "      ✓ Nu: Sand", "◆ Synkronisering af sidste adgangskode:",
            "      ! Nu: 12. november 2026 kl. 9.00 (for 6 dage siden) — mere end 3 dage",
        ]
        var position = text.startIndex
        for piece in order {
            let range = try #require(text.range(of: piece, range: position..<text.endIndex), "\(piece) in order")
            position = range.upperBound
        }
    }

    @Test("a source that failed: said once at the top, fields marked ? without a value, no remedy or link")
    func failedSource() throws {
        let article = try Fixtures.article("articles/password-sync.md")
        let binding = try StatusBinding(contentsOf: StatusBindingTests.contentBinding)
        var reading = StatusReading(origin: "./probe", readAt: Self.now, failure: .exitStatus(3))
        reading.standardError = "cannot reach the service\nmore detail"
        let evaluation = StatusEvaluator(now: Self.now, timeZone: Self.zone).evaluate(binding, reading: reading, article: article)
        let p = StatusPresentation(evaluation, side: .source, words: StatusWords(language: "en", timeZone: Self.zone), now: Self.now)
        let lines = TerminalStatusPanel(width: 80).layout(p).map(\.plain)
        #expect(
            lines == [
                "┃ Status · ./probe · read just now",
                "┃ ✗ ./probe exited with status 3: cannot reach the service",
                "┃ ? Password sync enabled  —",
                "┃ ? Last Password Sync     —",
            ])
    }

    @Test("colour: the mark and the bar take the level's colour; plain text has no escapes")
    func colour() throws {
        let (_, p) = try Self.presentation(Self.stale, language: "en", side: .source)
        let coloured = TerminalStatusPanel(width: 100, styler: TerminalStyler(color: true, hyperlinks: false)).render(p)
        #expect(coloured.contains("\u{1B}[1;33m! "))
        #expect(coloured.contains("\u{1B}[32m✓ "))
        #expect(!TerminalStatusPanel(width: 100).render(p).contains("\u{1B}"))
    }
}

@Suite("The README's TolkKit live-status example")
struct StatusLibraryExampleTests {
    @Test("evaluating a program's own values against the shipped binding, rendered beside the article")
    func readmeExample() throws {
        let article = try ArticleParser().parse(contentsOf: Fixtures.packageRoot.appendingPathComponent("content/password-sync.md").path)
        let binding = try StatusBinding(contentsOf: StatusBindingTests.contentBinding)
        let json = #"{"passwordSync": {"enabled": true, "lastSync": "2026-11-20T08:15:00Z"}}"#
        let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z: the sync is 2 days in the future
        let reading = StatusReading(origin: "my-agent", readAt: now, bytes: Array(json.utf8))
        let evaluation = StatusEvaluator(now: now.addingTimeInterval(5 * 86_400)).evaluate(binding, reading: reading, article: article)
        #expect(evaluation.level == .warning)
        let status = StatusPresentation(evaluation, side: .target, words: StatusWords(language: "da"), now: now)
        let text = TerminalRenderer(mode: .single(.target), width: 80, uiLanguage: "da", status: status).render(article)
        #expect(text.hasPrefix("┃ Status · my-agent · læst lige nu\n┃ ✓ Synkronisering af adgangskode aktiveret  Sand\n┃ ! "))
        #expect(TerminalStatusPanel(width: 80).render(status).contains("Advarsel: mere end 3 dage siden."))
    }
}
