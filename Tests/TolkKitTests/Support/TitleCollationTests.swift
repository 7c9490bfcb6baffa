import Foundation
import Testing

@testable import TolkKit

@Suite("Title collation: the order a reader of the language expects")
struct TitleCollationTests {
    /// `titles` shuffled (the same way every run), then sorted for `language`.
    func sorted(_ titles: [String], _ language: String) -> [String] {
        var generator = SplitMix(seed: 7)
        return TitleCollation(language: language).sorted(titles.shuffled(using: &generator)) { $0 }
    }

    @Test("Danish: æ, ø, å after z, aa as å; numbers by value")
    func danish() {
        let titles = [
            "2 trin til en sikker konto", "10 trin til en sikker konto", "Aktivér synkronisering af adgangskode", "Outlook på nettet",
            "Zoom i Teams", "Æ, ø og å i filnavne", "Øg postkassens størrelse", "Åbn Outlook på nettet", "Aarhus-kontorets printere",
        ]
        #expect(sorted(titles, "da") == titles)
        #expect(sorted(titles, "da-DK") == titles)
    }

    @Test("Swedish: å, ä, ö after z")
    func swedish() {
        let titles = ["Aktivera MFA", "Använda Teams", "Zoom-möten", "Åtkomst nekad", "Ändra lösenord", "Översikt"]
        #expect(sorted(titles, "sv-SE") == titles)
    }

    @Test("English: case ignored, accents after the plain letter, Danish letters among the Latin ones, numbers by value")
    func english() {
        let titles = ["apple", "Banana", "Éclair", "Item 2", "Item 10", "OneDrive", "Øresund", "Outlook", "Zoom"]
        #expect(sorted(titles, "en-US") == titles)
        // The same titles in Danish: Ø after Z.
        #expect(sorted(titles, "da").suffix(2) == ["Zoom", "Øresund"])
    }

    @Test("Vietnamese: ă, â after a, đ after d, ô and ơ after o")
    func vietnamese() {
        let titles = ["Anh em", "Ăn uống", "Bạn bè", "Dịch vụ", "Đăng nhập", "Ô tô", "Ông bà", "Ơn"]
        #expect(sorted(titles, "vi-VN") == titles)
        // Not the order of a language without those letters: there ă is an a with a mark.
        #expect(sorted(titles, "en").prefix(2) == ["Ăn uống", "Anh em"])
    }

    @Test("Chinese: pinyin for simplified Chinese, Han before Latin; strokes for zh-TW")
    func chinese() {
        let titles = ["2 步验证", "10 步验证", "安全中心", "北京办公室", "上海", "中文帮助", "Outlook 设置"]
        #expect(sorted(titles, "zh-CN") == titles)
        #expect(sorted(["安全", "北京", "上海", "中文"], "zh-TW") == ["上海", "中文", "北京", "安全"])
    }

    @Test("titles the same but for case keep the tie-break's order, then their given order")
    func ties() {
        struct Entry: Equatable {
            var title: String
            var slug: String
        }
        let entries = [Entry(title: "outlook", slug: "b"), Entry(title: "Zoom", slug: "z"), Entry(title: "Outlook", slug: "a")]
        let collation = TitleCollation(language: "da")
        #expect(collation.compare("outlook", "Outlook") == .orderedSame)
        #expect(collation.sorted(entries, by: \.title, then: { $0.slug < $1.slug }).map(\.slug) == ["a", "b", "z"])
        #expect(collation.sorted(entries, by: \.title).map(\.slug) == ["b", "a", "z"])
        #expect(collation.order(of: []) == [] && collation.order(of: ["x"]) == [0])
    }

    @Test("a long list comes out in order, each title once", arguments: ["da", "sv", "vi", "zh-CN"])
    func longList(_ language: String) {
        var generator = SplitMix(seed: 42)
        let words = ["aa", "Å", "æble", "Ø", "z", "Ă", "đ", "中", "安", "10", "2", "Outlook", "outlook", "ö", "ä", "a"]
        let titles = (0..<600).map { _ in (0..<3).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
        let collation = TitleCollation(language: language)
        let order = collation.order(of: titles)
        #expect(order.sorted() == Array(titles.indices))
        for (a, b) in zip(order, order.dropFirst()) {
            let result = collation.compare(titles[a], titles[b])
            #expect(result != .orderedDescending, "\(titles[a]) after \(titles[b])")
            if result == .orderedSame { #expect(a < b, "equal titles out of their given order") }
        }
    }
}

/// A small seeded generator, so shuffles and random titles are the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
