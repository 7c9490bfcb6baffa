import Foundation
import Testing

@testable import TolkKit

@Suite("Status words: Danish and English, the reader's locale and time zone")
struct StatusWordsTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    @Test("a date in Danish and English, in the reader's time zone")
    func dates() {
        #expect(StatusWords(language: "da", timeZone: Self.copenhagen).date(Self.now) == "18. november 2026 kl. 12.06")
        #expect(StatusWords(language: "en", timeZone: Self.copenhagen).date(Self.now) == "November 18, 2026 at 12:06\u{202F}PM")
        #expect(StatusWords(language: "en", timeZone: Self.newYork).date(Self.now) == "November 18, 2026 at 6:06\u{202F}AM")
        #expect(StatusWords(language: "da", timeZone: TimeZone(identifier: "UTC")!).date(Self.now) == "18. november 2026 kl. 11.06")
    }

    @Test("the time zone moves the day too")
    func dayChange() {
        let lateUTC = Date(timeIntervalSince1970: 1_795_041_000)  // 2026-11-18T22:30:00Z
        #expect(StatusWords(language: "da", timeZone: Self.copenhagen).date(lateUTC) == "18. november 2026 kl. 23.30")
        #expect(StatusWords(language: "da", timeZone: TimeZone(identifier: "Asia/Tokyo")!).date(lateUTC) == "19. november 2026 kl. 7.30")
    }

    @Test("ages: for 6 dage siden / 6 days ago, in days rather than weeks; just now")
    func relative() {
        let da = StatusWords(language: "da")
        let en = StatusWords(language: "en")
        #expect(da.relative(Self.now.addingTimeInterval(-6 * 86_400), now: Self.now) == "for 6 dage siden")
        #expect(en.relative(Self.now.addingTimeInterval(-6 * 86_400), now: Self.now) == "6 days ago")
        #expect(da.relative(Self.now.addingTimeInterval(-12 * 86_400), now: Self.now) == "for 12 dage siden")
        #expect(da.relative(Self.now.addingTimeInterval(-3), now: Self.now) == "for 3 sekunder siden")
        #expect(en.relative(Self.now.addingTimeInterval(-1), now: Self.now) == "just now")
        #expect(da.read(Self.now.addingTimeInterval(-3), now: Self.now) == "læst for 3 sekunder siden")
        #expect(en.read(Self.now.addingTimeInterval(-3), now: Self.now) == "read 3 seconds ago")
    }

    @Test("numbers, booleans and durations")
    func values() {
        let da = StatusWords(language: "da")
        let en = StatusWords(language: "en")
        #expect(da.number(1234.5) == "1.234,5")
        #expect(en.number(1234.5) == "1,234.5")
        #expect(da.bool(true) == "Sand" && da.bool(false) == "Falsk")
        #expect(en.bool(true) == "True")
        #expect(da.duration(259_200) == "3 dage")
        #expect(da.duration(129_600) == "1 dag og 12 timer")
        #expect(en.duration(90) == "1 minute and 30 seconds")
    }

    @Test("other languages fall back to English; the reader's locale is used when it is in the language shown")
    func fallback() {
        #expect(StatusWords(language: "de").language == "en")
        #expect(StatusWords(language: "de").bool(true) == "True")
        let gb = StatusWords.forReader(language: "en", environment: ["LANG": "en_GB.UTF-8"], timeZone: Self.copenhagen)
        #expect(gb.date(Self.now) == "18 November 2026 at 12:06")
        let daReaderEnglishText = StatusWords.forReader(language: "en", environment: ["LANG": "da_DK.UTF-8"], timeZone: Self.copenhagen)
        #expect(daReaderEnglishText.date(Self.now) == "November 18, 2026 at 12:06\u{202F}PM")
    }
}
