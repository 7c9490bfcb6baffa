import Foundation
import Testing

@testable import TolkKit

/// Line breaks from ICU: the sentences in Fixtures/breaks carry, marked with `|`, the
/// opportunities ICU's line-break iterator gave when they were written.
@Suite("Line breaks")
struct LineBreakTests {
    let wrapper = TextWrapper()

    /// The sentences of a fixture, each as its pieces between marked breaks.
    static func sentences(_ name: String) throws -> [[String]] {
        let text = try String(contentsOfFile: Fixtures.path("breaks/\(name).txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "|").map(String.init)
        }
    }

    /// UTF-8 offsets of the ends of all pieces but the last.
    static func breakOffsets(_ pieces: [String]) -> [Int] {
        var offsets: [Int] = []
        var offset = 0
        for piece in pieces.dropLast() {
            offset += piece.utf8.count
            offsets.append(offset)
        }
        return offsets
    }

    @Test("Thai, Lao and Khmer lines end only between words", arguments: ["th", "lo", "km"])
    func spacelessScripts(_ name: String) throws {
        for pieces in try Self.sentences(name) {
            let sentence = pieces.joined()
            let breaks = Set(Self.breakOffsets(pieces))
            #expect(LineBreaker.opportunities(in: sentence) == Self.breakOffsets(pieces), "\(sentence)")
            var sawBreak = false
            // Lines 20 cells wide after a prefix of 0 to 8 cells: 12 to 20 for the text.
            for indent in 0...8 {
                let width = 20
                let prefix = StyledText(String(repeating: "-", count: indent))
                let lines = wrapper.wrap(StyledText(sentence), width: width, prefix: prefix).map {
                    String($0.plain.dropFirst(indent))
                }
                #expect(lines.joined() == sentence)
                var end = 0
                for line in lines.dropLast() {
                    end += line.utf8.count
                    sawBreak = true
                    #expect(breaks.contains(end), "indent \(indent): line ends inside a word: \(line)")
                }
                for line in lines { #expect(TerminalCells.of(line) <= width - indent, "\(line)") }
            }
            #expect(sawBreak, "\(sentence) never needed a break")
        }
    }

    @Test("CJK punctuation never starts or ends a line")
    func cjkPunctuation() throws {
        let sentences = try Self.sentences("cjk")
        for pieces in sentences {
            #expect(LineBreaker.opportunities(in: pieces.joined()) == Self.breakOffsets(pieces))
        }
        let paragraph = String(repeating: sentences.map { $0.joined() }.joined(), count: 3)
        for width in 20...40 {
            let lines = wrapper.wrap(StyledText(paragraph), width: width).map(\.plain)
            #expect(lines.joined() == paragraph)
            for line in lines {
                #expect(!"。、」）”，…】".contains(line.first!), "width \(width): \(line)")
                #expect(!"「（“【".contains(line.last!), "width \(width): \(line)")
                #expect(DisplayWidth.of(line) <= width)
            }
        }
    }

    @Test("Danish words go to ICU only when it may break inside them")
    func fastPath() {
        func noInnerBreak(_ word: String) -> Bool {
            var word = word
            return word.withUTF8 { LineBreaker.widthWithoutInnerBreak($0, from: 0, to: $0.count) } != nil
        }
        for word in ["Vælg", "(Indstillinger).", "f.eks.", "Microsofts", "\"Gem\"", "365", "Ålborg,", "ÆØÅ!?"] {
            #expect(noInnerBreak(word), "\(word)")
            #expect(LineBreaker.opportunities(in: word).isEmpty, "\(word)")
        }
        for word in ["e-mail", "https://example.com/a", "1.5", "a)b", "日本", "ภาษา", "a\u{301}"] {
            #expect(!noInnerBreak(word), "\(word)")
        }
    }

    /// Every word of the fixture articles and of up to 300 articles per corpus locale that takes
    /// the fast path is one in which ICU finds no break either.
    @Test("The fast path agrees with ICU on every word it takes")
    func fastPathAgreesWithICU() throws {
        var files: [String] = []
        for folder in ["articles", "cases", "spaceless"] {
            files += try FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder)).map {
                Fixtures.path(folder + "/" + $0)
            }
        }
        if let corpus = Fixtures.corpus {
            let root = URL(fileURLWithPath: corpus).deletingLastPathComponent().deletingLastPathComponent()
            for locale in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
                let folder = root.appendingPathComponent(locale).appendingPathComponent("AlchemyInsights").path
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
                files += names.filter { $0.hasSuffix(".md") }.prefix(300).map { folder + "/" + $0 }
            }
        }
        var checked = 0
        var disagreements: [String] = []
        for file in files where file.hasSuffix(".md") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r\n" }) {
                var word = String(word)
                let fast = word.withUTF8 { LineBreaker.widthWithoutInnerBreak($0, from: 0, to: $0.count) } != nil
                guard fast else { continue }
                checked += 1
                if !LineBreaker.opportunities(in: word).isEmpty { disagreements.append(word) }
            }
        }
        #expect(checked > 1000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test("Thai with spacing vowels fits the width as a terminal counts it", arguments: [40, 60, 80])
    func thaiSpacingVowels(width: Int) {
        // กำ, น้ำ, ทำ: one grapheme cluster each but with U+0E33 taking a cell of its own.
        let paragraph = String(repeating: "คำแนะนำการทำงาน น้ำดำ กำหนดเวลา ", count: 12)
        let lines = wrapper.wrap(StyledText(paragraph), width: width).map(\.plain)
        for line in lines { #expect(TerminalCells.of(line) <= width, "\(line)") }
        #expect(lines.dropLast().allSatisfy { TerminalCells.of($0) > width - 20 })
    }

    @Test(
        "Thai, Lao and Khmer articles fit at widths 40, 60 and 80",
        arguments: ["th-TH", "lo-LA", "km-KH"])
    func spacelessArticles(_ locale: String) throws {
        let article = try Fixtures.article("spaceless/\(locale).md")
        for width in [40, 60, 80] {
            for mode in [LanguageChoice.Mode.single(.target), .single(.source), .both] {
                let text = TerminalRenderer(mode: mode, width: width, styler: .plain, uiLanguage: "da").render(article)
                #expect(text.split(separator: "\n").count > 3)
                for line in text.split(separator: "\n") {
                    #expect(TerminalCells.of(String(line)) <= width, "\(locale) --width \(width): \(line)")
                }
            }
        }
    }
}

/// Cells as a terminal counts them for the scripts of these tests, from Swift's own
/// Unicode data rather than Tolk's: none for nonspacing and enclosing marks and format
/// characters, two for Han, kana and fullwidth forms, one for anything else.
enum TerminalCells {
    static func of(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default:
                let v = scalar.value
                let wide =
                    (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                    || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
                return total + (wide ? 2 : 1)
            }
        }
    }
}
