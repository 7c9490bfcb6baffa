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
            if english.utf8.lazy.filter({ $0 == 0x20 }).count + 1 >= Self.minimumSentenceWords {
                pairs.append(
                    Pair(
                        kind: .sentence, english: english, translation: Self.normalized(unit.target), unitID: unit.id,
                        location: unit.targetRange.start))
            }
            addWholeUnitLabel(unit, in: article)
        }
    }

    /// A unit that is only a short bold label (`**Save**`) on both sides pairs the two labels.
    /// Bold runs inside sentences, and the labels of UI paths (`**A** \> **B**`), are not
    /// paired: on the corpus, machine translation moves the bold to other words
    /// (`**Settings**` → `**af**`) too often for position to say which words translate a label.
    private mutating func addWholeUnitLabel(_ unit: TranslationUnit, in article: Article) {
        let sourceSyntax = article.syntax(.source, unit)
        let targetSyntax = article.syntax(.target, unit)
        guard let source = Self.singleBoldRun(sourceSyntax), let target = Self.singleBoldRun(targetSyntax),
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
        // Most text is already normal: printable at both ends, no tab, line break,
        // other space (U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000) or double space
        // inside; it is returned as it is.
        var previous: UInt8 = 0x20
        var normal = true
        var bytes = text.utf8.makeIterator()
        var window: (UInt8, UInt8) = (0, 0)
        while let byte = bytes.next() {
            defer {
                window = (window.1, byte)
                previous = byte
            }
            switch byte {
            case 0x09, 0x0A, 0x0D: normal = false
            case 0x20: if previous == 0x20 { normal = false }
            case 0xA0: if window.1 == 0xC2 { normal = false }
            case 0x80...0x8A, 0xAF: if window == (0xE2, 0x80) { normal = false }
            case 0x9F: if window == (0xE2, 0x81) { normal = false }
            case 0x80: if window == (0xE3, 0x80) { normal = false }
            default: break
            }
            if !normal { break }
        }
        if normal, previous != 0x20 { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A label as compared: normalised, without closing punctuation MT moves into the bold.
    static func label(_ text: String) -> String {
        var s = Substring(normalized(text))
        while let last = s.last, ".,:;!?".contains(last) || last == " " { s.removeLast() }
        return String(s)
    }

    /// The byte range inside the only bold run of a side, when cmark paired exactly one
    /// `**…**` there, no other markers are left, and no link sits inside it.
    static func singleBoldRun(_ syntax: UnitSyntax) -> Range<Int>? {
        guard syntax.emphasis.count == 1, let bold = syntax.emphasis.first, bold.isStrong, bold.open.count == 2, syntax.markers.isEmpty
        else { return nil }
        let inside = bold.open.upperBound..<bold.close.lowerBound
        guard !syntax.links.contains(where: { inside.overlaps($0.range) }), !inside.isEmpty else { return nil }
        return inside
    }
}
