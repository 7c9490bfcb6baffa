/// TOLK502: a space before a period, comma, colon, semicolon, exclamation or question mark.
public struct SpaceBeforePunctuation: Rule {
    public static let id = "TOLK502"
    public static let name = "space-before-punctuation"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "The translation has a space before . , : ; ! or ? where the English has none."
    public static let explanation = """
        Machine translation leaves a space before punctuation, typically after bold text, a link or \
        code (`**Katalogsynkronisering** .`, `[artikel](…) ,`). Only a punctuation mark that ends a \
        word is considered (not `.NET` or `.pst`), not an ellipsis, and nothing inside code, URLs or \
        link destinations. A mark is left alone when the English has a space before the same mark \
        in that unit, and French translations, which space these marks by rule, are not checked. \
        Delete the space.
        """

    public init() {}

    static let marks: Set<Unicode.Scalar> = [".", ",", ":", ";", "!", "?"]

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        guard LocaleTraits.targetLanguage(of: article) != "fr" else { return }
        for unit in article.units where Self.mayHaveSpacedMark(unit.target) {
            let target = article.syntax(.target, unit).prose
            let hits = Self.spacedMarks(target)
            guard !hits.isEmpty else { continue }
            let inSource = Set(Self.spacedMarks(article.syntax(.source, unit).prose).map { $0.mark })
            var keys = OccurrenceKeys()
            for hit in hits where !inSource.contains(hit.mark) {
                var start = hit.space
                while let c = target[start - 1], !c.properties.isWhitespace { start -= 1 }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: target.scalars[start..<hit.space])
                let written =
                    (hit.space - start > 30 ? "…" + String(word.suffix(29)) : String(word))
                    + target.text(hit.space..<hit.markIndex + 1)
                report.add(
                    "a space before \"\(hit.mark)\" in \"\(written)\"; delete the space (the English has none there)",
                    at: unit.location(.target, utf8Offset: target.offsets[hit.space]), unit: unit,
                    key: keys.key(String(word) + " " + String(hit.mark)))
            }
        }
    }

    static func mayHaveSpacedMark(_ text: String) -> Bool {
        text.withBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            // Eight bytes at a time: a byte mask of the spaces, moved one byte on, meets the
            // mask of the marks where a mark follows a space (the last space of the word before
            // carries over).
            let matches = ByteWords.matches
            var carry: UInt64 = 0
            var i = 0
            while i + 8 <= bytes.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let spaces = matches(x, 0x20)
                let marks =
                    matches(x, 0x2E) | matches(x, 0x2C) | matches(x, 0x3A) | matches(x, 0x3B) | matches(x, 0x21) | matches(x, 0x3F)
                if ((spaces << 8) | carry) & marks != 0 { return true }
                carry = spaces >> 56
                i += 8
            }
            var previous: UInt8 = i > 0 ? bytes[i - 1] : 0
            while i < bytes.count {
                let byte = bytes[i]
                if previous == 0x20, byte == 0x2E || byte == 0x2C || byte == 0x3A || byte == 0x3B || byte == 0x21 || byte == 0x3F {
                    return true
                }
                previous = byte
                i += 1
            }
            return false
        }
    }

    /// Marks that end a word and follow one or more spaces, which follow text on the same line.
    static func spacedMarks(_ text: ProseText) -> [(space: Int, markIndex: Int, mark: Unicode.Scalar)] {
        var hits: [(Int, Int, Unicode.Scalar)] = []
        for i in 1..<max(1, text.count) where text.scalars[i - 1] == " " && marks.contains(text.scalars[i]) && text.isProse(i) {
            let c = text.scalars[i]
            if let next = text[i + 1] {
                if c == ".", next == "." || next == "…" { continue }
                let closes = next.properties.isWhitespace || "*_)]\"'”’»<".unicodeScalars.contains(next)
                guard closes else { continue }
            }
            var k = i - 1
            while text[k] == " ", text.isProse(k) { k -= 1 }
            guard let before = text[k], !before.properties.isWhitespace, !"><|\\([".unicodeScalars.contains(before), text[k + 1] == " "
            else { continue }
            if text.isProse(k + 1) == false { continue }
            hits.append((k + 1, i, c))
        }
        return hits
    }
}
