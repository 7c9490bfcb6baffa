/// TOLK403: a number of the English that the translation lost or changed.
public struct NumberChanged: Rule {
    public static let id = "TOLK403"
    public static let name = "number-changed"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "A number in the English is missing from the translation or has another value."
    public static let explanation = """
        Limits, prices, versions and dates must survive translation; machine translation drops or \
        garbles them (`August 20, 2020` became `2020-`, `10.0.0.1` became `10.0.1`). Numbers are \
        compared by value, so the translation may use its own separators (`2,000` = `2.000`, `0.5` = \
        `0,5`, `30 million` = `30.000.000`) and its own date order (`June 23, 2021` = `23. juni 2021`). \
        Numbers from 0 to 12 may be written as words in Danish, German, Swedish or English (`4 hours` = \
        `fire timer`, `3rd` = `tredje`, `12 months` = `tolfte månad`); in other languages the numbers \
        0 to 10 are not checked, and Thai may count years in the Buddhist era (2021 = 2564). `24 \
        hours` may be one day (`døgn`, `dygn`), and `100%` before an adjective (`100% available`) \
        only means "fully". Scale words and signs count (`100K` = `10 万`, `1 million` = `100 万`), a \
        space may group thousands (`1,000.00` = `1 000,00`), and `2013,2016,2019` is three numbers. \
        Numbers in code, URLs, e-mail addresses, identifiers (`KB4567523`, `CS008-009`), paths and \
        slashed dates are not checked. Restore the number of the English, written the way the \
        translation's language writes numbers.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let language = LocaleTraits.language(of: article)
        let spellsNumbers = ["da", "de", "en", "sv"].contains(language)
        for unit in article.units where !unit.isTargetEmpty && Self.mayHaveDigit(unit.source) && !Self.targetHasEveryNumber(unit) {
            let source = article.syntax(.source, unit).prose
            var numbers = NumberToken.all(in: source).filter { number in
                guard number.isChecked else { return false }
                if let n = number.smallValue, !spellsNumbers { return n > 10 }
                return true
            }
            guard !numbers.isEmpty else { continue }
            if language == "th" { numbers = numbers.map(Self.withBuddhistYear) }
            let target = article.syntax(.target, unit).prose
            let found = NumberToken.all(in: target)
            // A date or version the translation writes as one token (`23.06.2021`) also offers its parts.
            var pool: [NumberToken?] = found + found.flatMap(\.parts)
            lazy var words = Self.words(of: unit.target)
            var missing: [NumberToken] = []
            // Same text first, then same value, so `1,000` does not take the `1` meant for a `1`.
            var open = numbers.filter { number in
                guard let k = pool.firstIndex(where: { $0?.text == number.text }) else { return true }
                pool[k] = nil
                return false
            }
            open = open.filter { number in
                guard let k = pool.firstIndex(where: { $0.map { !$0.values.isDisjoint(with: number.values) } ?? false }) else {
                    return true
                }
                pool[k] = nil
                return false
            }
            for number in open {
                if let n = number.smallValue, Self.isSpelled(n, in: words) { continue }
                if number.text == "24", Self.isDay(after: number, in: source, words: words) { continue }
                if number.text == "100", Self.isIntensifier(after: number, in: source) { continue }
                if Self.contains(target, number.text) { continue }
                missing.append(number)
            }
            guard !missing.isEmpty else { continue }
            let leftover = pool.prefix(found.count).compactMap { $0 }.filter { $0.smallValue == nil }
            var keys = OccurrenceKeys()
            for (k, number) in missing.enumerated() {
                let key = keys.key(number.text)
                if missing.count == leftover.count {
                    let other = leftover[k]
                    report.add(
                        "the English number \"\(number.text)\" (\(Self.context(of: number, in: source))) is \"\(other.text)\" in the translation; "
                            + "write the English value in the translation's number format",
                        at: unit.location(.target, utf8Offset: target.offsets[other.range.lowerBound]), unit: unit, key: key)
                } else {
                    report.add(
                        "the English number \"\(number.text)\" (\(Self.context(of: number, in: source))) is missing from the translation "
                            + "\"\(unit.target.excerpt)\"; add it in the translation's number format",
                        at: unit.location(.target, utf8Offset: target.firstVisibleOffset), unit: unit, key: key)
                }
            }
        }
    }

    /// True when every run of ASCII digits in the English (with the `.` and `,` between
    /// them) is in the translation too, between non-digits, and the English has no other
    /// digits: then every number is found by its text, and there is nothing to report.
    static func targetHasEveryNumber(_ unit: TranslationUnit) -> Bool {
        unit.source.withBytes { source in
            unit.target.withBytes { target in
                let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
                var i = 0
                while i < source.count {
                    let b = source[i]
                    if b >= 0x80, b >= 0xD9 { return false }  // a lead byte of a script with digits of its own
                    guard isDigit(b) else {
                        i += 1
                        continue
                    }
                    var end = i
                    while end < source.count,
                        isDigit(source[end])
                            || ((source[end] == 0x2E || source[end] == 0x2C) && end + 1 < source.count && isDigit(source[end + 1]))
                    {
                        end += 1
                    }
                    if !containsBetweenNonDigits(target, UnsafeBufferPointer(rebasing: source[i..<end])) { return false }
                    i = end
                }
                return true
            }
        }
    }

    private static func containsBetweenNonDigits(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= hay.count else { return false }
        var from = 0
        while let at = UnitScanner.find(needle, in: hay, from: from) {
            let before = at > 0 ? hay[at - 1] : 0x20
            let after = at + needle.count < hay.count ? hay[at + needle.count] : 0x20
            if !(before >= 0x30 && before <= 0x39), !(after >= 0x30 && after <= 0x39) { return true }
            from = at + 1
        }
        return false
    }

    /// True when the text may hold a digit of some script: ASCII digits, or any byte beyond ASCII.
    static func mayHaveDigit(_ text: String) -> Bool {
        let found = text.withBytes { bytes -> UInt8? in
            let isCandidate = { (b: UInt8) in (b >= 0x30 && b <= 0x39) || b >= 0xD9 }
            // Eight bytes at a time; only a word that may hold an ASCII digit or a byte at or
            // above 0xD9 (lead bytes of scripts with digits of their own) is looked at closer.
            let words = bytes.count / 8
            if words > 0, let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                for w in 0..<words where Self.mayHoldDigitByte(raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)) {
                    if let b = bytes[(w * 8)..<(w * 8 + 8)].first(where: isCandidate) { return b }
                }
            }
            return bytes[(words * 8)...].first(where: isCandidate)
        }
        guard let byte = found else { return false }
        if byte <= 0x39 { return true }
        return text.unicodeScalars.contains { NumberToken.digit($0) != nil }
    }

    /// True when one of the eight bytes may be an ASCII digit or a byte at or above 0xD9
    /// (never false when one is; sometimes true when none is).
    @inline(__always) private static func mayHoldDigitByte(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        if x & high != 0 { return true }
        // Bytes below 0x80: the high bit of (b + 0x50) is set for b >= 0x30, of (b + 0x46) for b >= 0x3A.
        let atLeast30 = (x &+ ones &* 0x50) & high
        let atLeast3A = (x &+ ones &* 0x46) & high
        return atLeast30 & ~atLeast3A != 0
    }

    /// The number with up to 25 characters of the English on either side, on one line.
    static func context(of number: NumberToken, in text: ProseText) -> String {
        let start = max(0, number.range.lowerBound - 25)
        let end = min(text.count, number.range.upperBound + 25)
        let flat = text.text(start..<end).split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (start > 0 ? "…" : "") + flat + (end < text.count ? "…" : "") + "\""
    }

    /// Thai dates may count years in the Buddhist era (2021 is 2564).
    static func withBuddhistYear(_ number: NumberToken) -> NumberToken {
        guard number.groups.count == 1, let year = Int(number.groups[0]), (1900...2100).contains(year) else { return number }
        var copy = number
        copy.values.insert(String(year + 543))
        return copy
    }

    /// Lower-cased words of a text (letters only).
    static func words(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// A word for `n`, alone or at the start of a compound (`totrinsbekræftelse`, `tolvte`).
    static func isSpelled(_ n: Int, in words: [String]) -> Bool {
        let spellings = numberWords[n]
        return words.contains { word in spellings.contains { $0.count >= 2 ? word.hasPrefix($0) : word == $0 } }
    }

    /// `24 hours` translated as one day: Danish and Norwegian `døgn`, Swedish `dygn`.
    static func isDay(after number: NumberToken, in source: ProseText, words: [String]) -> Bool {
        var j = number.range.upperBound
        while source[j] == " " || source[j] == "\u{00A0}" || source[j] == "-" { j += 1 }
        guard source.text(j..<j + 4).lowercased() == "hour" else { return false }
        return words.contains { $0.hasPrefix("døgn") || $0.hasPrefix("dygn") }
    }

    /// `100% available`, `100% secure`: a percentage that only means "fully", which a
    /// translation may say with a word or leave out; `100% of users`, `at 100%` stay numbers.
    static func isIntensifier(after number: NumberToken, in source: ProseText) -> Bool {
        var j = number.range.upperBound
        guard source[j] == "%" else { return false }
        j += 1
        guard source[j] == " " else { return false }
        j += 1
        var word = ""
        while let c = source[j], c.isASCII, c.properties.isLowercase {
            word.unicodeScalars.append(c)
            j += 1
        }
        return ["able", "ible", "ed", "ful", "free", "sure", "safe", "secure", "complete", "ready", "compliant", "correct", "accurate"]
            .contains { word.hasSuffix($0) }
    }

    /// Cardinals and ordinals from 0 to 12 in Danish, German, Swedish and English.
    static let numberWords: [[String]] = [
        ["nul", "ingen", "null", "kein", "noll", "zero", "no"],
        ["en", "et", "én", "ét", "første", "ein", "eins", "erst", "ett", "första", "one", "first", "a", "single"],
        ["to", "anden", "andet", "begge", "zwei", "zweit", "beide", "två", "andra", "båda", "two", "second", "both"],
        ["tre", "tredje", "drei", "dritt", "three", "third"],
        ["fire", "fjerde", "vier", "fyra", "fjärde", "four", "fourth"],
        ["fem", "femte", "fünf", "five", "fifth"],
        ["seks", "sjette", "sechs", "sex", "sjätte", "six", "sixth"],
        ["syv", "syvende", "sieben", "siebt", "sju", "sjunde", "seven", "seventh"],
        ["otte", "ottende", "acht", "åtta", "åttonde", "eight", "eighth"],
        ["ni", "niende", "neun", "nio", "nionde", "nine", "ninth"],
        ["ti", "tiende", "zehn", "tio", "tionde", "ten", "tenth"],
        ["elleve", "ellevte", "elf", "elva", "elfte", "eleven", "eleventh"],
        ["tolv", "tolvte", "zwölf", "tolfte", "twelve", "twelfth", "dusin", "dutzend", "dussin", "dozen"],
    ]

    /// The text occurs anywhere in the target (code and URLs included) between non-digits.
    static func contains(_ target: ProseText, _ text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= target.count else { return false }
        for start in 0...(target.count - needle.count) where target.scalars[start] == needle[0] {
            guard Array(target.scalars[start..<start + needle.count]) == needle else { continue }
            let before = target[start - 1].flatMap(NumberToken.digit)
            let after = target[start + needle.count].flatMap(NumberToken.digit)
            if before == nil && after == nil { return true }
        }
        return false
    }
}
