import Testing

@testable import TolkKit

@Suite("Display width")
struct DisplayWidthTests {
    @Test("One column for ASCII and Latin letters with combining marks")
    func narrow() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("Vælg e\u{301}") == 6)
        #expect(DisplayWidth.of("hello, world") == 12)
    }

    @Test("Two columns for CJK wide and fullwidth characters")
    func wide() {
        #expect(DisplayWidth.of(Character("日")) == 2)
        #expect(DisplayWidth.of(Character("Ａ")) == 2)
        #expect(DisplayWidth.of(Character("한")) == 2)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}" as Character) == 2)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("\u{20000}") == 2)
    }

    @Test(
        "Two cells for emoji and emoji presentation sequences",
        arguments: ["1\u{FE0F}\u{20E3}", "©\u{FE0F}", "☁\u{FE0F}", "😀", "✅"])
    func emoji(_ emoji: String) throws {
        #expect(emoji.count == 1)
        #expect(DisplayWidth.of(try #require(emoji.first)) == 2)
        #expect(DisplayWidth.of(emoji) == 2)
    }

    /// Terminals that count with wcwidth give each emoji of a sequence its own cells;
    /// counting so never puts more on a line than any terminal can show.
    @Test("Other emoji sequences count per code point", arguments: ["👩‍💻", "🇩🇰", "👍🏽"])
    func emojiSequences(_ emoji: String) throws {
        #expect(emoji.count == 1)
        #expect(DisplayWidth.of(try #require(emoji.first)) == 4)
        #expect(DisplayWidth.of(emoji) == 4)
    }

    @Test("Text-presentation symbols take one cell without U+FE0F")
    func textPresentation() {
        #expect(DisplayWidth.of("©") == 1)
        #expect(DisplayWidth.of("☁") == 1)
        #expect(DisplayWidth.of("☁\u{FE0E}") == 1)
        #expect(DisplayWidth.of("1") == 1)
    }

    /// A terminal gives a spacing vowel a cell of its own: กำ (U+0E01 U+0E33) is one
    /// grapheme cluster but two cells, and the tone mark of ที่ takes none.
    @Test("Thai: spacing vowels take a cell, marks above and below take none")
    func thai() {
        #expect("กำ".count == 1)
        #expect(DisplayWidth.of("กำ" as Character) == 2)
        #expect(DisplayWidth.of("กำ") == 2)
        #expect(DisplayWidth.of("ที่") == 1)
        #expect(DisplayWidth.of("ภาษาไทย") == 7)
        #expect(DisplayWidth.of("ทำงาน") == 5)
        #expect(DisplayWidth.of("น้ำ") == 2)
    }

    @Test("Lao, Khmer and Myanmar: dependent vowels that follow take a cell, marks none")
    func southeastAsian() {
        #expect(DisplayWidth.of("ຄຳ") == 2)
        #expect(DisplayWidth.of("ខ្មែរ") == 4)
        #expect(DisplayWidth.of("မြန်မာ") == 5)
    }

    @Test("Widths come from ICU's Unicode data")
    func unicodeVersion() throws {
        let major = try #require(Int(DisplayWidth.unicodeVersion.prefix { $0 != "." }))
        #expect(major >= 13)
    }

    @Test("Hebrew letters are one column each")
    func hebrew() {
        #expect(DisplayWidth.of("שלום") == 4)
        #expect(DisplayWidth.of("שָׁלוֹם") == 4)
    }

    @Test(
        "Zero columns for zero-width and control characters",
        arguments: [
            "\u{200B}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{FEFF}", "\u{1B}", "\u{7}", "\u{7F}",
            "\u{9B}", "\r\n", "\u{301}", "\u{20DD}", "\u{2060}", "\u{1160}",
        ])
    func zeroWidth(_ text: String) throws {
        #expect(DisplayWidth.of(text) == 0)
        #expect(DisplayWidth.of(try #require(text.first)) == 0)
    }

    @Test("A string measures the sum of its clusters")
    func sumOfClusters() {
        let samples = [
            "Vælg 日本 👩‍💻!", "ภาษาไทยไม่มีการเว้นวรรค", "नमस्ते दुनिया", "안녕하세요 세계",
            "שָׁלוֹם עולם", "مرحبا بالعالم", "ｶﾞｷﾞ", "🇩🇰🇸🇪👨‍👩‍👧‍👦", "a\u{301}\u{302}b", "\u{0600}1",
        ]
        for sample in samples {
            #expect(
                DisplayWidth.of(sample) == sample.reduce(0) { $0 + DisplayWidth.of($1) },
                "\(sample)")
            #expect(DisplayWidth.of(sample[...]) == DisplayWidth.of(sample))
        }
    }
}
