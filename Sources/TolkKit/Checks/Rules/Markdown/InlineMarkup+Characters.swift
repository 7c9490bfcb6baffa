/// Byte and character classes for the scanner (CommonMark's whitespace and
/// punctuation), and the locale-neutral form of a URL.
extension InlineMarkup {
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIIPunctuation(UInt8(s.value)) }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func titleCloser(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "'"): UInt8(ascii: "'")
        case UInt8(ascii: "("): UInt8(ascii: ")")
        default: nil
        }
    }

    /// The Unicode scalar that ends just before `offset`, nil at the start.
    static func scalar(before offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes)
    }

    /// The Unicode scalar that starts at `offset`, nil at the end.
    static func scalar(at offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first
    }

    static func isAutolinkTarget(_ inner: String) -> Bool {
        guard !inner.contains(where: \.isWhitespace) else { return false }
        if let colon = inner.firstIndex(of: ":") {
            let scheme = inner[..<colon]
            if (2...32).contains(scheme.count), scheme.first?.isLetter == true,
                scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
            {
                return true
            }
        }
        let parts = inner.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
    }

    /// A URL with its locale path segment (`/en-us/`, `/da-dk/`, any `xx-xx`) neutralised,
    /// since localizing that segment is allowed.
    static func normalizedURL(_ url: String) -> String {
        // Bytes, not String.split: this runs for every link of every unit.
        let bytes = Array(url.utf8)
        guard bytes.contains(UInt8(ascii: "-")) else { return url }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        var changed = false
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
            let segment = bytes[start..<i]
            if start > 0, isLocaleSegment(segment) {
                out += Array("xx-xx".utf8)
                changed = true
            } else {
                out += segment
            }
            if i < bytes.count { out.append(UInt8(ascii: "/")) }
            start = i + 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : url
    }

    /// `da-dk`, `en-US`, `zh-Hant`: two letters, a hyphen, two to four letters.
    static func isLocaleSegment(_ segment: ArraySlice<UInt8>) -> Bool {
        let b = Array(segment)
        guard (5...7).contains(b.count), b[2] == UInt8(ascii: "-") else { return false }
        let isLetter = { (c: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c | 0x20) }
        return b.indices.allSatisfy { $0 == 2 || isLetter(b[$0]) }
    }
}
