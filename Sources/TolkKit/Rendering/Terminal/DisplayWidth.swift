internal import CWidth

/// Terminal column widths of text, measured per grapheme cluster.
///
/// A cluster takes the width of its first scalar (so a base letter with combining
/// marks, or a Thai consonant with its vowel and tone marks, is one column), except
/// that emoji sequences — ZWJ sequences, flags, keycaps, skin tones and anything
/// forced to emoji presentation with U+FE0F — take two. East Asian wide and
/// fullwidth characters take two; combining marks, zero-width characters and
/// control characters take none. Tabs are not handled: callers expand them first.
public enum DisplayWidth {
    /// Columns that one grapheme cluster occupies in a terminal: 0, 1 or 2.
    @inlinable
    public static func of(_ c: Character) -> Int {
        if let ascii = c.asciiValue {
            // "\r\n" reports 0x0A and so measures 0, like any control character.
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        return clusterWidth(c)
    }

    /// Columns that a string occupies in a terminal (the sum over its grapheme clusters).
    public static func of(_ s: some StringProtocol) -> Int {
        var width = 0
        var sawNonASCII = false
        for byte in s.utf8 {
            if byte >= 0x80 {
                sawNonASCII = true
                break
            }
            width &+= byte >= 0x20 && byte < 0x7F ? 1 : 0
        }
        guard sawNonASCII else { return width }
        let string = String(s)
        return string.withContiguousUTF8 { bytes in
            var total = 0
            var cursor = ClusterCursor(text: string, bytes: bytes, from: 0, to: bytes.count)
            while let cluster = cursor.next() {
                total &+= cluster.width
            }
            return total
        }
    }

    /// Columns of a cluster that is not a single ASCII character.
    @usableFromInline
    static func clusterWidth(_ c: Character) -> Int {
        var scalars = c.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        let base = scalarWidth(first)
        guard base < 2, let second = scalars.next() else { return base }
        if isRegionalIndicator(first) && isRegionalIndicator(second) {
            return 2
        }
        guard first.properties.isEmoji else { return base }
        var next: Unicode.Scalar? = second
        while let scalar = next {
            switch scalar.value {
            // VS16, ZWJ, combining keycap, skin-tone modifiers, tag characters.
            case 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F:
                return 2
            default:
                next = scalars.next()
            }
        }
        return base
    }

    /// Columns of one scalar on its own (0, 1 or 2).
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        if value < 0x10000 {
            return ScalarInfo.of(value).width
        }
        return supplementaryWidth(scalar)
    }

    private static func supplementaryWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Newer emoji than the C library knows are still shown two columns wide.
        if value >= 0x1F000 && value < 0x20000 && scalar.properties.isEmojiPresentation {
            return 2
        }
        // CJK extension planes (B onwards, and plane 3).
        if value >= 0x20000 && value < 0x40000 {
            return 2
        }
        return normalized(Int(tolk_wcwidth(value)), scalar)
    }

    /// Maps `wcwidth`'s answer to 0...2, deciding the "-1: not printable" cases.
    static func normalized(_ width: Int, _ scalar: Unicode.Scalar) -> Int {
        if width >= 0 {
            return min(width, 2)
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .lineSeparator, .paragraphSeparator,
            .nonspacingMark, .enclosingMark:
            return 0
        default:
            return 1
        }
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1F1E6 && scalar.value <= 0x1F1FF
    }
}
