import Foundation

/// The UI labels of one article that consistency is judged on, each English label
/// with the translation's label beside it: units that are only a short bold label
/// (`**Save**`) on both sides. Labels inside sentences and UI paths are not paired:
/// machine translation moves the bold to other words (`**Settings**` → `**af**`,
/// `**Billing**` → `**toán Sản**`) too often for position to say which words
/// translate a label.
public struct TranslationPairs: Sendable, Codable {
    /// One place where an English label is translated.
    public struct Pair: Sendable, Codable {
        /// The English label, whitespace normalised, without closing punctuation.
        public var english: String
        /// The translation, normalised the same way.
        public var translation: String
        /// The ID of the unit that holds the pair.
        public var unitID: String
        /// Where the translation's label starts in the file.
        public var location: SourceLocation
    }

    /// The target locale, lowercased, so that different languages are never compared.
    public var locale: String
    /// The article's label pairs.
    public var pairs: [Pair] = []

    /// Labels of this many words or more are titles or sentences, which may be paraphrased.
    static let maximumLabelWords = 4

    init(_ article: Article) {
        locale = (article.targetLocale ?? LocaleFolder(path: article.path)?.name ?? "").lowercased()
        for unit in article.units where !unit.isTargetEmpty {
            let source = article.syntax(.source, unit)
            guard !source.emphasis.isEmpty || !source.links.isEmpty else { continue }
            let target = article.syntax(.target, unit)
            addWholeUnitLabel(unit, source, target)
        }
    }

    private mutating func add(_ unit: TranslationUnit, english: String, translation: String, at offset: Int) {
        let label = Self.label(english)
        let translated = Self.label(translation)
        // `label` is normalised: its words are separated by single spaces.
        guard !label.isEmpty, !translated.isEmpty, label.utf8.count(where: { $0 == 0x20 }) + 1 < Self.maximumLabelWords else { return }
        // A label that starts with punctuation (`, Tilføjelser`) is bold that moved, TOLK306's business.
        guard let first = translated.unicodeScalars.first, !ProseTokens.isPunctuation(first) || first == "[" else { return }
        pairs.append(Pair(english: label, translation: translated, unitID: unit.id, location: unit.location(.target, utf8Offset: offset)))
    }

    /// A unit that is only a short bold label (`**Save**`) on both sides pairs the two labels.
    private mutating func addWholeUnitLabel(_ unit: TranslationUnit, _ sourceSyntax: UnitSyntax, _ targetSyntax: UnitSyntax) {
        guard let source = Self.singleBoldRun(sourceSyntax), let target = Self.singleBoldRun(targetSyntax),
            Self.isOnlyBold(unit.source, source), Self.isOnlyBold(unit.target, target)
        else { return }
        add(
            unit, english: Self.visibleText(source, of: sourceSyntax), translation: Self.visibleText(target, of: targetSyntax),
            at: target.lowerBound - 2)
    }

    /// True when nothing but spaces and closing punctuation stands around the bold run `inside`.
    private static func isOnlyBold(_ text: String, _ inside: Range<Int>) -> Bool {
        let isFiller = { (c: UInt8) in c == 0x20 || c == 0x2E || c == 0x3A || c == 0x0A }
        let b = text.utf8
        return b.prefix(inside.lowerBound - 2).allSatisfy(isFiller) && b.dropFirst(inside.upperBound + 2).allSatisfy(isFiller)
    }

    /// Whitespace runs (including no-break spaces) as one space, trimmed.
    static func normalized(_ text: String) -> String {
        // Written as UTF-8 bytes: appending to a String's scalar view goes through replaceSubrange.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20) }
            space = false
            UTF8.encode(scalar) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A label as compared: normalised, without closing punctuation MT moves into the bold.
    static func label(_ text: String) -> String {
        // Full-width forms as their ASCII twins (`（MCA）：` is `(MCA):`), then without the
        // closing punctuation and quotes machine translation moves into the bold.
        // Text in ASCII and Latin-1's letters (most labels) is its own compatibility form.
        let stable = text.unicodeScalars.allSatisfy { $0.value < 0x80 || ($0.value >= 0xC0 && $0.value < 0x100) }
        var s = Substring(normalized(stable ? text : text.precomposedStringWithCompatibilityMapping))
        while let last = s.last, Self.trimmedAtEnd.contains(last) { s.removeLast() }
        while let first = s.first, first == "\"" || first == "“" || first == "「" || first == " " { s.removeFirst() }
        return String(s)
    }

    /// Closing punctuation and quotes machine translation moves into the bold.
    private static let trimmedAtEnd: Set<Character> = [".", ",", ":", ";", "!", "?", " ", "\"", "“", "”", "「", "」", "'", "。", "、"]

    /// The visible text of a label: its running text, without link syntax or markers.
    static func visibleText(_ range: Range<Int>, of syntax: UnitSyntax) -> String {
        let kept = range.filter { syntax.regions[$0] == .prose || syntax.regions[$0] == .code }
        return String(decoding: kept.map { syntax.bytes[$0] }, as: UTF8.self)
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
