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
        "Two columns for emoji sequences",
        arguments: ["👩‍💻", "🇩🇰", "👍🏽", "1\u{FE0F}\u{20E3}", "©\u{FE0F}", "😀"])
    func emoji(_ emoji: String) throws {
        #expect(emoji.count == 1)
        #expect(DisplayWidth.of(try #require(emoji.first)) == 2)
        #expect(DisplayWidth.of(emoji) == 2)
    }

    @Test("Thai: a consonant with its vowel and tone marks is one column")
    func thai() {
        #expect("กำ".count == 1)
        #expect(DisplayWidth.of("กำ" as Character) == 1)
        #expect(DisplayWidth.of("กำ") == 1)
        #expect(DisplayWidth.of("ที่") == 1)
        #expect(DisplayWidth.of("ภาษาไทย") == 7)
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
            "\u{9B}", "\r\n", "\u{301}",
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

    /// The fast cluster walk must find the same clusters as Swift for every scalar of
    /// the Basic Multilingual Plane and the emoji, CJK, Brahmic and tag blocks beyond,
    /// between and after the kinds of letters it meets.
    @Test("Cluster boundaries agree with Character")
    func clusterBoundariesAgree() {
        let ranges: [Range<UInt32>] = [
            0x20..<0x10000, 0x11000..<0x11300, 0x1F000..<0x1FB00, 0x20000..<0x20100,
            0xE0000..<0xE0200,
        ]
        let neighbours: [String] = ["a", "日", "ก", "क", "한", "\u{301}", "😀"]
        var disagreements: [String] = []
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), value != 0x0D else { continue }
            for neighbour in neighbours {
                for text in [neighbour + String(scalar) + "b", String(scalar) + neighbour] {
                    if clusterEnds(text) != characterEnds(text) {
                        disagreements.append(
                            text.unicodeScalars.map { String($0.value, radix: 16) }.joined(
                                separator: " "))
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    private func clusterEnds(_ text: String) -> [Int] {
        text.withContiguousUTF8 { bytes in
            var cursor = ClusterCursor(text: text, bytes: bytes, from: 0, to: bytes.count)
            var ends: [Int] = []
            while let cluster = cursor.next() { ends.append(cluster.end) }
            return ends
        }
    }

    private func characterEnds(_ text: String) -> [Int] {
        var offset = 0
        return text.map { character in
            offset += character.utf8.count
            return offset
        }
    }
}
