/// A number written in the running text of one side of a unit, with every value
/// it can stand for: `1,000` is a thousand in English and one in Danish, so it
/// carries both readings, and two numbers match when their readings meet.
struct NumberToken {
    /// Scalar indices in the side's `ProseText`.
    var range: Range<Int>
    var text: String
    /// The runs of digits, in ASCII (`10.0.0.1` has four).
    var groups: [String]
    /// Canonical readings: `1000`, `0.5`, `t3:00` for a time, `=10.0.0.1` for a
    /// version, address or numeric date that only matches itself.
    var values: Set<String>
    /// A whole number from 0 to 12 written without separators, the kind translations spell out.
    var smallValue: Int?
    /// False when the number is part of an identifier, path, range or other code-like word
    /// (`KB4567523`, `CS008-009`, `C:\…\1.2\`, `6/23/2021`); such numbers are not checked, but
    /// still count when found in the translation.
    var isChecked: Bool

    /// Each digit group of a number that only matches itself (`23.06.2021`, `10.0.0.1`) as a
    /// number of its own; none for a number with an ordinary reading.
    var parts: [NumberToken] {
        guard values.contains(where: { $0.hasPrefix("=") }) else { return [] }
        return groups.map { group in
            NumberToken(range: range, text: group, groups: [group], values: [Self.canonical(group, "")], isChecked: false)
        }
    }

    /// The numbers in the running text of `text` (not in code, URLs, e-mail addresses or link destinations).
    static func all(in text: ProseText) -> [NumberToken] {
        var tokens: [NumberToken] = []
        var i = 0
        while i < text.count {
            guard text.isProse(i), digit(text.scalars[i]) != nil, text[i - 1].flatMap(digit) == nil else {
                i += 1
                continue
            }
            let token = read(text, at: i)
            tokens += token.listItems(in: text) ?? [token]
            i = token.range.upperBound
        }
        return tokens
    }

    /// The value of a decimal digit of any script (Unicode numeric type decimal: ASCII,
    /// Arabic-Indic, Devanagari, Bengali, Thai, Lao, Khmer, Myanmar, full-width, …).
    static func digit(_ c: Unicode.Scalar) -> Int? {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 ? Int(c.value - 0x30) : nil }
        guard c.value >= 0x660, c.properties.numericType == .decimal, let v = c.properties.numericValue else { return nil }
        return Int(v)
    }

    /// Separators that may sit between digit groups: `.` `,` either way, Arabic decimal
    /// and thousands signs, and no-break spaces used for grouping (fr, de-CH, sv).
    private static let separators: Set<Unicode.Scalar> = [".", ",", "\u{066B}", "\u{066C}", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// A plain space groups thousands (`5 000`, `1 000,00`) when one to three digits stand
    /// before it and exactly three after it; `Windows 10 2004` and `2013 2016` stay two numbers.
    private static func isSpaceGroup(_ text: ProseText, after j: Int, current: String) -> Bool {
        guard (1...3).contains(current.count) else { return false }
        for k in 1...3 where text[j + k].flatMap(digit) == nil || !text.isProse(j + k) { return false }
        return text[j + 4].flatMap(digit) == nil
    }

    /// `2013,2016,2019`: digit groups joined by commas without spaces that no number
    /// format reads, as a list of numbers of their own; nil for anything else.
    func listItems(in text: ProseText) -> [NumberToken]? {
        guard groups.count > 2, values.allSatisfy({ $0.hasPrefix("=") }), !text.text(range).unicodeScalars.contains(where: { $0 == "." })
        else { return nil }
        var items: [NumberToken] = []
        var start = range.lowerBound
        for group in groups {
            let r = start..<start + group.count
            items.append(
                NumberToken(range: r, text: group, groups: [group], values: [Self.canonical(group, "")], isChecked: isChecked))
            start = r.upperBound + 1
        }
        return items
    }

    private static func read(_ text: ProseText, at start: Int) -> NumberToken {
        var groups: [String] = []
        var seps: [Unicode.Scalar] = []
        var j = start
        var current = ""
        while let c = text[j], text.isProse(j) {
            if let d = digit(c) {
                current += String(d)
                j += 1
            } else if separators.contains(c) || (c == " " && isSpaceGroup(text, after: j, current: current)), let next = text[j + 1],
                digit(next) != nil, text.isProse(j + 1)
            {
                groups.append(current)
                current = ""
                seps.append(c)
                j += 1
            } else {
                break
            }
        }
        groups.append(current)
        let range = start..<j
        let raw = text.text(range)
        var token = NumberToken(range: range, text: raw, groups: groups, values: [], smallValue: nil, isChecked: true)
        // A time such as 3:00 (the colon is not a number separator).
        if groups.count == 1, groups[0].count <= 2, text[j] == ":", let m1 = text[j + 1].flatMap(digit),
            let m2 = text[j + 2].flatMap(digit),
            text[j + 3].flatMap(digit) == nil
        {
            token.range = start..<j + 3
            token.text = text.text(token.range)
            token.values = time(groups[0], "\(m1)\(m2)")
            token.groups = [groups[0], "\(m1)\(m2)"]
            token.isChecked = isFree(text, token.range)
            return token
        }
        token.values = readings(groups, seps)
        if groups.count == 2, groups[0].count <= 2, groups[1].count == 2, seps[0] == "." || seps[0] == "," {
            token.values.formUnion(time(groups[0], groups[1]).filter { $0.hasPrefix("t") })
        }
        if groups.count == 1, let n = Int(groups[0]), n <= 12, groups[0].count <= 2 { token.smallValue = n }
        token.values.formUnion(scaled(token.values, by: scaleWord(after: j, in: text)))
        token.isChecked = isFree(text, range)
        return token
    }

    /// Every way to read digit groups: `,` grouping with `.` decimals (English), the other way round
    /// (Danish, German), no-break spaces and the Arabic thousands sign only as grouping, the Arabic
    /// decimal sign only as decimals. A number no reading fits (`10.0.0.1`) only matches itself.
    static func readings(_ groups: [String], _ seps: [Unicode.Scalar]) -> Set<String> {
        var values: Set<String> = []
        for (group, decimal) in [(",", "."), (".", ",")] as [(Unicode.Scalar, Unicode.Scalar)] {
            let isGroup = { (s: Unicode.Scalar) in
                s == group || s == " " || s == "\u{066C}" || s == "\u{00A0}" || s == "\u{202F}" || s == "\u{2009}"
            }
            let isDecimal = { (s: Unicode.Scalar) in s == decimal || s == "\u{066B}" }
            let decimals = seps.indices.filter { isDecimal(seps[$0]) }
            guard decimals.count <= 1, seps.allSatisfy({ isGroup($0) || isDecimal($0) }) else { continue }
            if let d = decimals.first, d != seps.count - 1 { continue }
            let integerGroups = groups.prefix(decimals.isEmpty ? groups.count : groups.count - 1)
            if integerGroups.count > 1,
                !(1...3).contains(integerGroups.first!.count) || integerGroups.dropFirst().contains(where: { $0.count != 3 })
            {
                continue
            }
            values.insert(canonical(integerGroups.joined(), decimals.isEmpty ? "" : groups.last!))
        }
        if values.isEmpty { values.insert("=" + groups.joined(separator: ".")) }
        return values
    }

    static func canonical(_ integer: String, _ fraction: String) -> String {
        var whole = Substring(integer)
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        var part = Substring(fraction)
        while part.last == "0" { part.removeLast() }
        return (whole.isEmpty ? "0" : String(whole)) + (part.isEmpty ? "" : "." + part)
    }

    private static func time(_ hours: String, _ minutes: String) -> Set<String> {
        let h = canonical(hours, "")
        return minutes == "00" ? ["t\(h):\(minutes)", h] : ["t\(h):\(minutes)"]
    }

    /// `30 million` may be written `30.000.000` in the translation, `100K` `10 万`.
    private static func scaleWord(after end: Int, in text: ProseText) -> Int {
        var j = end
        if let c = text[j], c == "K" || c == "k", text[j + 1].map({ !$0.properties.isAlphabetic && digit($0) == nil }) ?? true {
            return 3
        }
        while text[j] == " " || text[j] == "\u{00A0}" { j += 1 }
        switch text[j] {
        case "千": return 3
        case "万", "萬": return 4
        case "亿", "億": return 8
        case "百" where text[j + 1] == "万" || text[j + 1] == "萬": return 6
        default: break
        }
        guard j > end else { return 0 }
        var word = ""
        while let c = text[j], c.properties.isAlphabetic { word.unicodeScalars.append(c); j += 1 }
        return scaleWords[word.lowercased()] ?? 0
    }

    /// Words for thousands, millions and billions in English, Danish, German, Swedish and Vietnamese.
    private static let scaleWords: [String: Int] = [
        "thousand": 3, "thousands": 3, "tusind": 3, "tusinde": 3, "tausend": 3, "tusen": 3, "nghìn": 3, "ngàn": 3,
        "million": 6, "millions": 6, "millioner": 6, "millionen": 6, "miljon": 6, "miljoner": 6, "mio": 6, "triệu": 6,
        "billion": 9, "billions": 9, "milliard": 9, "milliarder": 9, "milliarden": 9, "miljard": 9, "miljarder": 9, "mia": 9, "tỷ": 9,
    ]

    private static func scaled(_ values: Set<String>, by power: Int) -> Set<String> {
        guard power > 0 else { return [] }
        return Set(
            values.filter { !$0.hasPrefix("=") && !$0.hasPrefix("t") }.map { value in
                let parts = value.split(separator: ".", omittingEmptySubsequences: false)
                var fraction = parts.count > 1 ? String(parts[1]) : ""
                fraction += String(repeating: "0", count: max(0, power - fraction.count))
                return canonical(String(parts[0]) + fraction.prefix(power), String(fraction.dropFirst(power)))
            })
    }

    /// Words a number sits in that make it part of an identifier or code rather than a quantity.
    private static func isFree(_ text: ProseText, _ range: Range<Int>) -> Bool {
        let before = text[range.lowerBound - 1]
        let after = text[range.upperBound]
        if let b = before {
            if b.properties.isAlphabetic || "_\\/#+@".unicodeScalars.contains(b) { return false }
            if b == "-" || b == "." || b == ":", let bb = text[range.lowerBound - 2], bb.properties.isAlphabetic || digit(bb) != nil {
                return false
            }
        }
        if before == "<" && after == ">" { return false }
        if let a = after {
            let next = text[range.upperBound + 1]
            if "_\\/@".unicodeScalars.contains(a) { return false }
            if a == "-" || a == ".", let n = next, digit(n) != nil { return false }
            if a.properties.isAlphabetic && !hasUnitSuffix(text, from: range.upperBound) { return false }
        }
        // A word with a path or code separator anywhere in it (`C:\Program Files\…\1.2\x.psm1`).
        var k = range.lowerBound
        while let c = text[k - 1], !c.properties.isWhitespace { k -= 1 }
        var e = range.upperBound
        while let c = text[e], !c.properties.isWhitespace { e += 1 }
        return !text.text(k..<e).unicodeScalars.contains { "\\/=_@".unicodeScalars.contains($0) }
    }

    /// `21st`, `5GB`, `1.2Mbps`: letters after a number that still leave it a quantity.
    private static func hasUnitSuffix(_ text: ProseText, from start: Int) -> Bool {
        var j = start
        var word = ""
        while let c = text[j], c.isASCII, c.properties.isAlphabetic { word.unicodeScalars.append(c); j += 1 }
        if let c = text[j], c.properties.isAlphabetic || digit(c) != nil { return false }
        return unitSuffixes.contains(word.lowercased())
    }

    private static let unitSuffixes: Set<String> = [
        "st", "nd", "rd", "th", "kb", "mb", "gb", "tb", "pb", "khz", "mhz", "ghz", "kbps", "mbps", "gbps",
        "ms", "px", "pt", "am", "pm", "h", "k", "x", "p",
    ]
}
