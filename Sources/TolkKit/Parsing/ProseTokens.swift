/// Readers of what the running text of a unit holds once cmark has taken its
/// syntax: which `*`/`_` runs it left could have opened or closed emphasis
/// (CommonMark's flanking rules, the same classes cmark applies), and the URLs
/// and e-mail addresses written in text that cmark did not link.
enum ProseTokens {
    /// True when the run of `*` or `_` at `run` is left- or right-flanking (for `_`:
    /// not inside a word), i.e. a marker a reader expects to pair.
    static func canOpenOrClose(_ bytes: [UInt8], _ run: Range<Int>) -> Bool {
        let before = scalar(before: run.lowerBound, in: bytes)
        let after = scalar(at: run.upperBound, in: bytes)
        let beforeSpace = before.map(\.properties.isWhitespace) ?? true
        let afterSpace = after.map(\.properties.isWhitespace) ?? true
        let beforePunctuation = before.map(isPunctuation) ?? false
        let afterPunctuation = after.map(isPunctuation) ?? false
        let leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        if bytes[run.lowerBound] == 0x5F {
            // `/_layouts/`, `C:\_temp`, `file_1`: part of a path or name, which a reader reads as text.
            let pathLike: (Unicode.Scalar?) -> Bool = { $0.map { "/.-".unicodeScalars.contains($0) || ("0"..."9").contains($0) } ?? false }
            if pathLike(before) || pathLike(after) { return false }
            return (leftFlanking && (!rightFlanking || beforePunctuation)) || (rightFlanking && (!leftFlanking || afterPunctuation))
        }
        return leftFlanking || rightFlanking
    }

    /// Unicode punctuation and symbols, as CommonMark classes them for flanking.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let b = s.value
            return (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
        }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// The Unicode scalar that ends just before `offset`, nil at the start.
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(before offset: Int, in bytes: Bytes) -> Unicode.Scalar?
    where Bytes.Index == Int {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes)
    }

    /// The Unicode scalar that starts at `offset`, nil at the end.
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(at offset: Int, in bytes: Bytes) -> Unicode.Scalar? where Bytes.Index == Int {
        guard offset < bytes.count else { return nil }
        let b0 = bytes[offset]
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        // The text is valid UTF-8 (the parser refuses anything else): decode by hand.
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard offset + length <= bytes.count else { return nil }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[offset + k]) & 0x3F) }
        return Unicode.Scalar(value)
    }

    private static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// `http://`, `https://` or `www.` at a word start in running text, to the first space,
    /// quote, backtick, `]` or `>`, through escaped pseudo-tags (`\<tenant\>`); trailing
    /// punctuation is not part of it (GFM's rule for extended autolinks).
    static func bareURLEnd(_ bytes: [UInt8], _ regions: [UnitSyntax.Region], at start: Int) -> Int? {
        // The scheme first: this is asked at every h and w of running text.
        func at(_ k: Int, _ c: UInt8) -> Bool { start + k < bytes.count && bytes[start + k] | 0x20 == c | 0x20 }
        let isWWW = at(0, 0x77) && at(1, 0x77) && at(2, 0x77) && at(3, 0x2E)
        let isHTTP = at(0, 0x68) && at(1, 0x74) && at(2, 0x74) && at(3, 0x70)
        let schemeEnd = isHTTP ? (at(4, 0x73) ? 5 : 4) : 0
        guard isWWW || (isHTTP && at(schemeEnd, 0x3A) && at(schemeEnd + 1, 0x2F) && at(schemeEnd + 2, 0x2F)) else { return nil }
        // After a letter of a spaced script a URL is part of a word; after CJK text
        // (`链接：https://…`) it starts one, as it does after a space.
        if let p = scalar(before: start, in: bytes) {
            if p == "/" || p == "." || (p.properties.isAlphabetic && p.value < 0x2E80) || ("0"..."9").contains(p) { return nil }
        }
        var j = start
        while j < bytes.count, regions[j] == .prose {
            let c = bytes[j]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x22 || c == 0x60 || c == 0x5D || c == 0x3E { break }
            if c >= 0x80, let s = scalar(at: j, in: bytes) {
                // No-break spaces, CJK text and full-width punctuation end a URL written in text.
                if s.properties.isWhitespace || s.value >= 0x2E80 || isPunctuation(s) { break }
            }
            if c == 0x3C {
                guard j > 0, bytes[j - 1] == 0x5C else { break }
                var k = j + 1
                while k < bytes.count, bytes[k] != 0x3E, bytes[k] != 0x20, bytes[k] != 0x3C, bytes[k] != 0x0A { k += 1 }
                guard k < bytes.count, bytes[k] == 0x3E else { break }
                j = k + 1
                continue
            }
            j += 1
        }
        let trailing = Array("?!.,:;*_~'\\".utf8)
        while j > start {
            let last = bytes[j - 1]
            if trailing.contains(last) {
                j -= 1
            } else if last == 0x29, bytes[start..<j].filter({ $0 == 0x28 }).count < bytes[start..<j].filter({ $0 == 0x29 }).count {
                j -= 1
            } else {
                break
            }
        }
        j = start + trimmingTrailingPunctuation(bytes[start..<j])
        return j > start + 4 ? j : nil
    }

    /// The length of `text` without the punctuation of other scripts that ends it
    /// (`https://aka.ms/x。`): no URL ends in a CJK full stop or comma.
    static func trimmingTrailingPunctuation(_ text: ArraySlice<UInt8>) -> Int {
        var end = text.endIndex
        while end > text.startIndex, text[end - 1] >= 0x80 {
            var start = end - 1
            while start > text.startIndex, text[start] & 0xC0 == 0x80 { start -= 1 }
            guard let s = String(decoding: text[start..<end], as: UTF8.self).unicodeScalars.first else { break }
            switch s.properties.generalCategory {
            case .otherPunctuation, .closePunctuation, .finalPunctuation, .openPunctuation, .initialPunctuation: end = start
            default: return end - text.startIndex
            }
        }
        return end - text.startIndex
    }

    /// The address around the `@` at `at` in running text: `local@domain.tld`. A
    /// compound ending such as `user@contoso.com-adressen` stops before the hyphen,
    /// since top-level domains have none.
    static func emailRange(_ bytes: [UInt8], _ regions: [UnitSyntax.Region], at: Int) -> Range<Int>? {
        let isLocal = { (b: UInt8) in isASCIIAlphanumeric(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D }
        var start = at
        while start > 0, regions[start - 1] == .prose, isLocal(bytes[start - 1]) { start -= 1 }
        while start < at, bytes[start] == 0x2E { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < bytes.count, regions[end] == .prose, isASCIIAlphanumeric(bytes[end]) || bytes[end] == 0x2E || bytes[end] == 0x2D {
            end += 1
        }
        while end > at + 1, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2D { end -= 1 }
        let domain = bytes[(at + 1)..<end]
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, var tld = labels.last, !labels.dropLast().contains(where: \.isEmpty) else { return nil }
        if let hyphen = tld.firstIndex(of: 0x2D) {
            tld = tld[..<hyphen]
            end = hyphen
        }
        guard tld.count >= 2, tld.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        return start..<end
    }
}
