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
        guard url.contains("-") else { return url }
        var segments = url.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (i, segment) in segments.enumerated() where i > 0 && isLocaleSegment(segment) {
            segments[i] = "xx-xx"
        }
        return segments.joined(separator: "/")
    }

    static func isLocaleSegment(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, (2...4).contains(parts[1].count) else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isLetter } }
    }
}
