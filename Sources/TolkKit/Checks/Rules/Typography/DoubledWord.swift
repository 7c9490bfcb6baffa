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
        for mange`), `det det` and `der der`; the particle of a Danish, Swedish or Norwegian particle \
        verb before the same preposition (`logget på på siden`, `skjutas upp upp till`), and a label \
        ending in `i` before the preposition `i` (`rullelisten Søg i i dialogboksen`); German \
        `Sie sie`, `der der`, `die die`, `das das`, `den den`, `dem dem`; Dutch `die die` and `dat \
        dat`; French `vous vous` and `nous nous`; Sesotho `o o`, `ba ba`, `le le`; English `that \
        that` and `had had`. Vietnamese is not checked: it puts spaces between syllables, and the \
        same syllable often ends one word and starts the next (`thiết bị bị xóa`). A lower-case word followed by the same word \
        capitalised is a UI label or title being quoted (`til Til`, `se Se dine data`, `vælg Vælg \
        din konto`) and is not reported either; a word after an apostrophe is an ending (`ID'er er`). \
        Delete one of the two words.
        """

    public init() {}

    /// Particles of particle verbs, which meet the same word as a preposition (`logget på på siden`,
    /// `skjutas upp upp till`).
    private static let danishParticles: Set<String> = ["på", "op", "ind", "ud", "af", "til", "over", "om", "med", "ned", "frem"]
    private static let swedishParticles: Set<String> = ["på", "upp", "in", "ut", "av", "till", "över", "om", "med", "ner", "fram"]
    private static let norwegianParticles: Set<String> = ["på", "opp", "inn", "ut", "av", "til", "over", "om", "med", "ned", "fram"]

    static let grammatical: [String: Set<String>] = [
        "da": danishParticles.union(["for", "det", "der", "i"]),
        "sv": swedishParticles.union(["det", "i"]),
        "nb": norwegianParticles.union(["det", "der"]),
        "no": norwegianParticles.union(["det", "der"]),
        "nn": norwegianParticles.union(["det", "der"]),
        "de": ["der", "die", "das", "den", "dem", "sie"],
        "nl": ["die", "dat"],
        "fr": ["vous", "nous"],
        "en": ["that", "had"],
        "st": ["o", "ba", "le"],
    ]

    /// Languages written with a space between syllables rather than words, where the same
    /// syllable ends one word and starts the next (Vietnamese `thiết bị bị xóa`, `thông tin tin cậy`).
    static let spacesSyllables: Set<String> = ["vi"]

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let language = LocaleTraits.targetLanguage(of: article)
        guard !Self.spacesSyllables.contains(language) else { return }
        let allowed = Self.grammatical[language] ?? []
        for unit in article.units where !unit.isTargetEmpty {
            let syntax = article.syntax(.target, unit)
            guard syntax.bytes.withUnsafeBufferPointer(Self.mayRepeatWord) else { continue }
            let target = syntax.prose
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

    /// False when no two neighbouring words separated only by spaces are equal (ASCII
    /// case aside; other letters compared by their bytes, with Latin-1 case folded): most
    /// units, found without decoding their text.
    static func mayRepeatWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        /// Latin-1's letters (`æ`, `ö`, `é`) are two bytes after 0xC3, all but `×` and `÷`: no decoding for them.
        @inline(__always) func isLetter(_ c: UInt8, at i: Int) -> Bool {
            if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
            if c == 0xC3, i + 1 < b.count { return b[i + 1] != 0x97 && b[i + 1] != 0xB7 }
            return ProseTokens.scalar(at: i, in: b)?.properties.isAlphabetic ?? false
        }
        var previous: Range<Int>?
        var gapIsSpaces = false
        var i = 0
        while i < b.count {
            let c = b[i]
            let width = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            guard isLetter(c, at: i) else {
                let isSpace = c == 0x20 || (c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0)
                gapIsSpaces = gapIsSpaces && isSpace
                i += width
                continue
            }
            var end = i + width
            while end < b.count {
                let d = b[end]
                let w = d < 0x80 ? 1 : d >= 0xF0 ? 4 : d >= 0xE0 ? 3 : 2
                guard isLetter(d, at: end) else { break }
                end += w
            }
            if let p = previous, gapIsSpaces, p.upperBound < i, p.count == end - i,
                (0..<p.count).allSatisfy({ (b[p.lowerBound + $0] | 0x20) == (b[i + $0] | 0x20) })
            {
                return true
            }
            previous = i..<end
            gapIsSpaces = true
            i = end
        }
        return false
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
