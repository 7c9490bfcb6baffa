/// TOLK504: the same word twice in a row.
public struct DoubledWord: Rule {
    public static let id = "TOLK504"
    public static let name = "doubled-word"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "The translation repeats a word (`at at`, `socialt socialt`) where the English repeats none."
    public static let explanation = """
        A word written twice in a row, ignoring case, is almost always a slip of machine translation \
        (`et bedst, sikkert og privat socialt socialt netværk`, `køre køre`). Only words of letters \
        separated by spaces count, and units whose English has a doubled word are left alone. Some \
        doublings are grammatical and are not reported: Danish `for for` (`brug for for at`, `for \
        for mange`), `det det` and `der der`; German `der der`, `die die`, `das das`, `den den`, \
        `dem dem`; English `that that` and `had had`. A lower-case word followed by the same word \
        capitalised is a UI label or title being quoted (`til Til`, `se Se dine data`, `vælg Vælg \
        din konto`) and is not reported either; a word after an apostrophe is an ending (`ID'er er`). \
        Delete one of the two words.
        """

    public init() {}

    static let grammatical: [String: Set<String>] = [
        "da": ["for", "det", "der"],
        "de": ["der", "die", "das", "den", "dem"],
        "en": ["that", "had"],
    ]

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let allowed = Self.grammatical[LocaleTraits.language(of: article)] ?? []
        for unit in article.units where !unit.isTargetEmpty {
            let target = article.syntax(.target, unit).prose
            let pairs = Self.doubledWords(target).filter { !allowed.contains($0.word.lowercased()) }
            guard !pairs.isEmpty, Self.doubledWords(article.syntax(.source, unit).prose).isEmpty else { continue }
            var keys = OccurrenceKeys()
            for pair in pairs {
                let written = target.text(pair.first.lowerBound..<pair.second.upperBound)
                report.add(
                    "\"\(written)\" repeats the word \"\(pair.word)\"; delete one (the English \"\(unit.source.excerpt)\" has no doubled word)",
                    at: unit.location(.target, utf8Offset: target.offsets[pair.second.lowerBound]), unit: unit,
                    key: keys.key(pair.word.lowercased()))
            }
        }
    }

    /// Two equal words (ignoring case) separated only by spaces, both in running text.
    static func doubledWords(_ text: ProseText) -> [(first: Range<Int>, second: Range<Int>, word: String)] {
        var words: [Range<Int>] = []
        var i = 0
        while i < text.count {
            guard LocaleTraits.isLetter(text.scalars[i]) else {
                i += 1
                continue
            }
            var j = i
            while LocaleTraits.isLetter(text[j]) { j += 1 }
            words.append(i..<j)
            i = j
        }
        var pairs: [(Range<Int>, Range<Int>, String)] = []
        for (a, b) in zip(words, words.dropFirst()) where a.count == b.count {
            guard b.lowerBound > a.upperBound, (a.upperBound..<b.lowerBound).allSatisfy({ text[$0] == " " || text[$0] == "\u{00A0}" })
            else { continue }
            guard (a.lowerBound..<b.upperBound).allSatisfy(text.isProse) else { continue }
            let first = text.text(a)
            let second = text.text(b)
            guard first.lowercased() == second.lowercased() else { continue }
            if let c = first.first, let d = second.first, c.isLowercase && d.isUppercase { continue }
            if let before = text[a.lowerBound - 1], isJoined(before) || before == "'" || before == "’" { continue }
            if let after = text[b.upperBound], isJoined(after) { continue }
            if text[b.upperBound] == ".", let next = text[b.upperBound + 1], next.properties.isAlphabetic || NumberToken.digit(next) != nil
            {
                continue
            }
            pairs.append((a, b, second))
        }
        return pairs
    }

    /// Characters that make a letter run part of a longer token (`til/fra`, `re-run`, `a_b`, `x1`).
    private static func isJoined(_ c: Unicode.Scalar) -> Bool {
        NumberToken.digit(c) != nil || "-/_@\\.".unicodeScalars.contains(c)
    }
}
