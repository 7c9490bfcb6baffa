/// TOLK203: English words of the original left inside an otherwise translated unit.
public struct SourceLeak: Rule {
    public static let id = "TOLK203"
    public static let name = "source-leak"
    public static let defaultSeverity = Diagnostic.Severity.warning
    /// The shortest run of English words that counts as leaked.
    static let minimumRun = 5

    public static let summary = "Five or more consecutive words of the English original stand unchanged in the translation."
    public static let explanation = """
        Machine translation sometimes leaves part of a sentence in English — often a UI label it did \
        not recognise, such as `**Block the user from signing in**`, or the clause after a link. The \
        rule looks for a run of five or more consecutive words of the source that appears verbatim \
        (ignoring case) in a target that otherwise differs from it. Code, URLs, link destinations, \
        product names, `doNotTranslate` terms, numbers and identifiers are not counted and end a run, \
        and neither a run of capitalised words (a name or a title), nor text in double quotes (an error \
        message, an English article's title), nor an English title next to its translation in \
        parentheses (the Japanese way of citing a link's title) is reported. When the originals \
        themselves are not English, the article gets one finding (from TOLK202, or here when TOLK202 \
        has no unit to report) instead of one per unit. Translate the run; if it must stay English (a UI \
        label the product does not translate), add it to `doNotTranslate` in .tolk.yml.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let terms = context.configuration.doNotTranslate
        var checkedSource = false
        for unit in article.units
        where unit.area == .body && !unit.isTargetEmpty && unit.target.trimmingSpaces != unit.source.trimmingSpaces {
            // A leak is five English words in a row: most translations share fewer with their English at all.
            let targetSyntax = article.syntax(.target, unit)
            let sourceSyntax = article.syntax(.source, unit)
            guard Self.sharedASCIIWords(targetSyntax, sourceSyntax) >= Self.minimumRun else { continue }
            let target = ProseWords(targetSyntax, terms: terms, ignoringQuotations: true)
            guard target.words.count >= Self.minimumRun else { continue }
            let source = ProseWords(sourceSyntax, terms: terms, ignoringQuotations: true)
            var sourcePositions: [UInt64: [(run: Int, index: Int)]] = [:]
            for (r, run) in source.runs.enumerated() {
                for (i, word) in run.enumerated() { sourcePositions[word.key, default: []].append((r, i)) }
            }
            for run in target.runs where run.count >= Self.minimumRun {
                var i = 0
                while i + Self.minimumRun <= run.count {
                    var best = 0
                    for (r, j) in sourcePositions[run[i].key] ?? [] {
                        let english = source.runs[r]
                        var length = 0
                        while i + length < run.count, j + length < english.count, run[i + length].key == english[j + length].key {
                            length += 1
                        }
                        best = max(best, length)
                    }
                    guard best >= Self.minimumRun else {
                        i += 1
                        continue
                    }
                    let leaked = run[i..<(i + best)]
                    // A run of capitalised words is a name or a title ("Security and Compliance Center"), not prose.
                    guard ProseWords.ordinaryWords(leaked) >= 2 else {
                        i += best
                        continue
                    }
                    let start = leaked.first!.range.lowerBound
                    // An English title next to its translation in parentheses is a convention, not a leak.
                    if Self.isGloss(start..<leaked.last!.range.upperBound, in: targetSyntax) {
                        i += best
                        continue
                    }
                    // Originals that are not English are reported once, at the article: by TOLK202 when
                    // it has a unit to report, else here.
                    if !checkedSource {
                        checkedSource = true
                        if let verdict = SourceLanguage.nonEnglish(article) {
                            if !Self.untranslatedReports(article, context) { SourceLanguage.report(verdict, in: article, &report) }
                            return
                        }
                    }
                    let text = String(decoding: Array(unit.target.utf8)[start..<leaked.last!.range.upperBound], as: UTF8.self)
                    report.add(
                        "\(best) words of the original stand untranslated in the translation: \"\(text.excerpt)\"; translate them, "
                            + "or list them under doNotTranslate in .tolk.yml if they must stay English",
                        at: unit.location(.target, utf8Offset: start), unit: unit,
                        key: leaked.map { $0.folded(in: targetSyntax) }.joined(separator: " "))
                    i += best
                }
            }
        }
    }

    /// True when TOLK202 has a unit of the article to report (and so reports its originals' language).
    private static func untranslatedReports(_ article: Article, _ context: CheckContext) -> Bool {
        let latin = LocaleTraits.writesInLatinScript(LocaleTraits.targetLanguage(of: article))
        return article.units.contains { unit in
            guard !unit.isTargetEmpty, unit.target.trimmingSpaces == unit.source.trimmingSpaces else { return false }
            let syntax = article.syntax(.target, unit)
            let words = ProseWords(syntax, terms: context.configuration.doNotTranslate).words
            return Untranslated.isProse(words, in: syntax, unit: unit, latinTarget: latin)
        }
    }

    /// True when the English run is followed by its translation in parentheses (`Set up your
    /// subscription (サブスクリプションを設定する)`, the Japanese way of citing an English title), or
    /// stands in parentheses after the translated words it glosses (`… (Set up your subscription)`).
    static func isGloss(_ run: Range<Int>, in syntax: UnitSyntax) -> Bool {
        let bytes = syntax.bytes
        func isOpen(_ i: Int) -> Bool {
            bytes[i] == UInt8(ascii: "(") || (i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x88)
        }
        func isClose(_ i: Int) -> Bool {
            bytes[i] == UInt8(ascii: ")") || (i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x89)
        }
        func skipMarkup(forwardFrom offset: Int) -> Int {
            var i = syntax.skippingSpaces(forwardFrom: offset)
            while i < bytes.count, syntax.regions[i] == .markup || bytes[i] == UInt8(ascii: "*") || bytes[i] == UInt8(ascii: "\"") {
                i = syntax.skippingSpaces(forwardFrom: i + 1)
            }
            return i
        }
        func skipMarkup(backFrom offset: Int) -> Int {
            var i = syntax.skippingSpaces(backFrom: offset)
            while i > 0, syntax.regions[i - 1] == .markup || bytes[i - 1] == UInt8(ascii: "*") || bytes[i - 1] == UInt8(ascii: "\"") {
                i = syntax.skippingSpaces(backFrom: i - 1)
            }
            return i
        }
        // Translation after the run, in parentheses: mostly letters outside ASCII up to the closing parenthesis.
        var after = skipMarkup(forwardFrom: run.upperBound)
        while after < bytes.count, bytes[after] != UInt8(ascii: "(") && bytes[after] != 0xEF, bytes[after] < 0x80,
            !((bytes[after] | 0x20) >= 0x61 && (bytes[after] | 0x20) <= 0x7A), after - run.upperBound < 8
        {
            after += 1  // a closing quote, a period or a digit between the title and its translation
        }
        if after < bytes.count, isOpen(after) {
            var nonASCII = 0
            var ascii = 0
            var k = after + 1
            while k < bytes.count, !isClose(k), bytes[k] != 0x0A {
                if bytes[k] >= 0xC0 { nonASCII += 1 } else if (bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A { ascii += 1 }
                k += 1
            }
            if nonASCII >= 2 && nonASCII * 2 >= ascii { return true }
        }
        // The run in parentheses, after translated words.
        let before = skipMarkup(backFrom: run.lowerBound)
        let end = skipMarkup(forwardFrom: run.upperBound)
        if before > 0, isOpen(before - 1) || (before >= 3 && isOpen(before - 3)), end < bytes.count, isClose(end) {
            // Only after words of another script: in Latin letters, English in parentheses is as often a leak.
            return bytes[..<max(0, before - 3)].contains { $0 >= 0xCE && $0 < 0xF8 }
        }
        return false
    }

    /// The longest stretch of ASCII letter runs in the running text of `target` that all
    /// occur in `source`, ignoring case: an upper bound of the length of a leaked run of
    /// English words (URLs, code and destinations are never prose words).
    static func sharedASCIIWords(_ target: UnitSyntax, _ source: UnitSyntax) -> Int {
        // First by shape: a word shared with the English has the first letter and the length
        // of an English word. Five translated words in a row with English shapes are rare,
        // and finding them hashes nothing.
        var shapes = SIMD8<UInt64>()
        var englishCount = 0
        forEachASCIIWord(source) { bytes, word in
            let shape = Self.shape(bytes, word)
            shapes[shape >> 6] |= 1 << UInt64(shape & 63)
            englishCount += 1
        }
        guard englishCount >= minimumRun else { return englishCount }
        var run = 0
        var longestShapeRun = 0
        forEachASCIIWord(target) { bytes, word in
            let shape = Self.shape(bytes, word)
            run = shapes[shape >> 6] & (1 << UInt64(shape & 63)) != 0 ? run + 1 : 0
            longestShapeRun = max(longestShapeRun, run)
        }
        guard longestShapeRun >= minimumRun else { return longestShapeRun }
        // Then by the words themselves. A unit has a few dozen words: a sorted array beats a hashed set.
        var english: [UInt64] = []
        english.reserveCapacity(englishCount)
        forEachASCIIWord(source) { bytes, word in english.append(Self.hash(bytes, word)) }
        english.sort()
        var longest = 0
        var current = 0
        english.withUnsafeBufferPointer { english in
            forEachASCIIWord(target) { bytes, word in
                let hash = Self.hash(bytes, word)
                var lo = 0
                var hi = english.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if english[mid] < hash { lo = mid + 1 } else { hi = mid }
                }
                current = lo < english.count && english[lo] == hash ? current + 1 : 0
                longest = max(longest, current)
            }
        }
        return longest
    }

    /// The first letter (lower-cased) and the length (up to 15) of an ASCII word, as 0..<416.
    @inline(__always)
    private static func shape(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int {
        Int((bytes[word.lowerBound] | 0x20) - 0x61) << 4 | min(word.count, 15)
    }

    /// FNV-1a of an ASCII word, lower-cased.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in word { hash = (hash ^ UInt64(bytes[i] | 0x20)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Calls `body` with each run of ASCII letters in the running text, in order.
    @inline(__always)
    private static func forEachASCIIWord(_ text: UnitSyntax, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        let regions = text.regions
        text.bytes.withUnsafeBufferPointer { bytes in
            regions.withUnsafeBufferPointer { regions in
                var start = -1
                for i in 0..<bytes.count {
                    let lower = bytes[i] | 0x20
                    if lower >= 0x61 && lower <= 0x7A && regions[i] == .prose {
                        if start < 0 { start = i }
                    } else if start >= 0 {
                        body(bytes, start..<i)
                        start = -1
                    }
                }
                if start >= 0 { body(bytes, start..<bytes.count) }
            }
        }
    }
}
