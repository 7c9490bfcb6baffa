/// TOLK506: invisible or broken characters in a translation that the English does not have.
public struct SuspiciousCharacter: Rule {
    public static let id = "TOLK506"
    public static let name = "suspicious-character"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "The translation contains a replacement, control or zero-width character the English does not have."
    public static let explanation = """
        U+FFFD marks text lost in a bad conversion; control characters (C0 other than tab and line \
        breaks, DEL, C1) and zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) are \
        invisible, break search and copy-paste, and usually come from the translation tool. The \
        direction marks U+200E and U+200F are expected in right-to-left languages (Arabic, Hebrew, \
        Persian, Urdu) and reported elsewhere; the joiners U+200C and U+200D are expected in those \
        languages and in Indic scripts, and U+200D after an emoji; U+200B is how Khmer, Thai, Lao, \
        Myanmar and Tibetan mark word breaks in text written without spaces, and is expected there. A character the English has in \
        the same unit is left alone. Delete the character, or retype the text around a U+FFFD.
        """

    public init() {}

    static let joinerLanguages: Set<String> = [
        "fa", "ur", "ps", "ckb", "ku", "hi", "mr", "ne", "bn", "pa", "gu", "or", "ta", "te", "kn", "ml", "si",
    ]

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let language = LocaleTraits.targetLanguage(of: article)
        let rightToLeft = LocaleTraits.isRightToLeft(language)
        let joiners = rightToLeft || Self.joinerLanguages.contains(language)
        let wordSeparator = LocaleTraits.usesZeroWidthSpace(language)
        for unit in article.units where Self.mayHaveSuspicious(unit.target) {
            let scalars = Array(unit.target.unicodeScalars)
            guard scalars.contains(where: Self.isSuspicious) else { continue }
            let inSource = Set(unit.source.unicodeScalars.filter(Self.isSuspicious))
            var keys = OccurrenceKeys()
            var offset = 0
            for (i, c) in scalars.enumerated() {
                defer { offset += UTF8.width(c) }
                guard Self.isSuspicious(c), !inSource.contains(c) else { continue }
                if rightToLeft, c == "\u{200E}" || c == "\u{200F}" { continue }
                if joiners, c == "\u{200C}" || c == "\u{200D}" { continue }
                if wordSeparator, c == "\u{200B}" { continue }
                if c == "\u{200D}", i > 0, scalars[i - 1].properties.isEmoji, scalars[i - 1].value > 0xFF { continue }
                let code = "U+" + String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)
                let name = c.properties.name ?? c.properties.nameAlias ?? "CONTROL CHARACTER"
                var before = String.UnicodeScalarView()
                before.append(contentsOf: scalars[max(0, i - 20)..<i].filter { !Self.isSuspicious($0) })
                report.add(
                    "the translation has an invisible or broken character \(code) \(name) after \"\(String(before).excerpt)\"; "
                        + "the English has none — delete it",
                    at: unit.location(.target, utf8Offset: offset), unit: unit, key: keys.key(code))
            }
        }
    }

    /// False when no byte of the text can start a suspicious character: control bytes,
    /// and the lead bytes of U+0080–U+009F, U+200B–U+2060 and U+FEFF/U+FFFD.
    static func mayHaveSuspicious(_ text: String) -> Bool {
        text.withBytes { bytes in
            let isCandidate = { (b: UInt8) in
                (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF
            }
            guard let base = bytes.baseAddress else { return false }
            // Eight bytes at a time: only a word with a byte below 0x20, 0x7F or a byte beyond
            // ASCII (Latin-1's letters have them too) is looked at byte by byte.
            var i = 0
            while i + 8 <= bytes.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let beyond = x & 0x8080_8080_8080_8080
                let control = (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080
                if beyond | control | ByteWords.matches(x, 0x7F) != 0, bytes[i..<(i + 8)].contains(where: isCandidate) { return true }
                i += 8
            }
            return bytes[i...].contains(where: isCandidate)
        }
    }

    static func isSuspicious(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0xFFFD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F: true
        default: false
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
