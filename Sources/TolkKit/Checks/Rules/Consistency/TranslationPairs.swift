/// The English-to-translation pairs of one article that consistency is judged on:
/// whole source sentences, and bold UI labels (`**Save**`) with the translation's
/// label beside them.
public struct TranslationPairs: Sendable, Codable {
    public enum Kind: String, Sendable, Codable, Comparable {
        case sentence, label
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// One place where an English text is translated.
    public struct Pair: Sendable, Codable {
        public var kind: Kind
        /// The English, whitespace normalised (labels also lose closing punctuation).
        public var english: String
        /// The translation, normalised the same way.
        public var translation: String
        public var unitID: String
        /// Where the translation starts in the file.
        public var location: SourceLocation
    }

    /// The target locale, lowercased, so that different languages are never compared.
    public var locale: String
    public var pairs: [Pair] = []

    /// Sentences shorter than this many words (names, "Yes", numbers) are not compared.
    static let minimumSentenceWords = 3

    init(_ article: Article) {
        locale = (article.targetLocale ?? LocaleFolder(path: article.path)?.name ?? "").lowercased()
        for unit in article.units where !unit.isTargetEmpty {
            let english = Self.normalized(unit.source)
            if english.split(separator: " ").count >= Self.minimumSentenceWords {
                pairs.append(
                    Pair(
                        kind: .sentence, english: english, translation: Self.normalized(unit.target), unitID: unit.id,
                        location: unit.targetRange.start))
            }
            addWholeUnitLabel(unit)
        }
    }

    /// A unit that is only a short bold label (`**Save**`) on both sides pairs the two labels.
    /// Bold runs inside sentences, and the labels of UI paths (`**A** \> **B**`), are not
    /// paired: on the corpus, machine translation moves the bold to other words
    /// (`**Settings**` → `**af**`) too often for position to say which words translate a label.
    private mutating func addWholeUnitLabel(_ unit: TranslationUnit) {
        guard let source = Self.singleBoldRun(unit.source), let target = Self.singleBoldRun(unit.target),
            Self.isOnlyBold(unit.source, source), Self.isOnlyBold(unit.target, target)
        else { return }
        let label = Self.label(String(decoding: Array(unit.source.utf8)[source], as: UTF8.self))
        let translation = Self.label(String(decoding: Array(unit.target.utf8)[target], as: UTF8.self))
        // Longer ones are compared as sentences.
        guard !label.isEmpty, !translation.isEmpty, label.split(separator: " ").count < Self.minimumSentenceWords else { return }
        pairs.append(
            Pair(
                kind: .label, english: label, translation: translation, unitID: unit.id,
                location: unit.location(.target, utf8Offset: target.lowerBound - 2)))
    }

    /// True when nothing but spaces and closing punctuation stands around the bold run `inside`.
    private static func isOnlyBold(_ text: String, _ inside: Range<Int>) -> Bool {
        let b = Array(text.utf8)
        let isFiller = { (c: UInt8) in c == 0x20 || c == 0x2E || c == 0x3A || c == 0x0A }
        return b[..<(inside.lowerBound - 2)].allSatisfy(isFiller) && b[(inside.upperBound + 2)...].allSatisfy(isFiller)
    }

    /// Whitespace runs (including no-break spaces) as one space, trimmed.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A label as compared: normalised, without closing punctuation MT moves into the bold.
    static func label(_ text: String) -> String {
        var s = Substring(normalized(text))
        while let last = s.last, ".,:;!?".contains(last) || last == " " { s.removeLast() }
        return String(s)
    }

    /// The byte range inside the only `**…**` of `text`: exactly two unescaped runs
    /// of two asterisks outside code spans, or nil.
    static func singleBoldRun(_ text: String) -> Range<Int>? {
        let b = Array(text.utf8)
        var runs: [Range<Int>] = []
        var i = 0
        var inCode = false
        while i < b.count {
            switch b[i] {
            case 0x5C: i += 2
            case 0x60:
                inCode.toggle()
                i += 1
            case 0x2A where !inCode:
                var j = i
                while j < b.count, b[j] == 0x2A { j += 1 }
                runs.append(i..<j)
                i = j
            default: i += 1
            }
        }
        guard runs.count == 2, runs.allSatisfy({ $0.count == 2 }), runs[0].upperBound < runs[1].lowerBound else { return nil }
        let inside = runs[0].upperBound..<runs[1].lowerBound
        guard !String(decoding: b[inside], as: UTF8.self).contains("](") else { return nil }
        return inside
    }
}
