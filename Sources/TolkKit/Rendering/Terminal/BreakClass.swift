/// The line-breaking properties of one grapheme cluster, a small subset of UAX #14
/// that is enough for help text: spaces are handled by the scanner, everything else
/// here decides whether a line may end between two clusters that touch.
struct BreakClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// A letter or digit, for "break after a hyphen between letters".
    static let letter = BreakClass(rawValue: 1 << 0)
    /// A hyphen (U+002D or U+2010).
    static let hyphen = BreakClass(rawValue: 1 << 1)
    /// Ideographic (Han, kana, Hangul, fullwidth forms, emoji): a line may end on
    /// either side of it.
    static let wide = BreakClass(rawValue: 1 << 2)
    /// Must not start a line: closing brackets, 。、, small kana, combining marks.
    static let noBreakBefore = BreakClass(rawValue: 1 << 3)
    /// Must not end a line: opening brackets, Thai leading vowels, word joiners.
    static let noBreakAfter = BreakClass(rawValue: 1 << 4)
    /// Zero-width space: a line may end after it.
    static let breakAfter = BreakClass(rawValue: 1 << 5)
    /// A script written without spaces between words (Thai, Lao, Khmer, Myanmar).
    static let spaceless = BreakClass(rawValue: 1 << 6)

    /// Whether a line may end between `before` and `after` in ordinary wrapping.
    /// `hyphenFollowsLetter` tells whether the cluster before `before` is a letter.
    @inline(__always)
    static func allowsBreak(
        between before: BreakClass, and after: BreakClass, hyphenFollowsLetter: Bool
    ) -> Bool {
        if after.contains(.noBreakBefore) || before.contains(.noBreakAfter) { return false }
        if before.contains(.breakAfter) { return true }
        if before.contains(.hyphen) && hyphenFollowsLetter && after.contains(.letter) {
            return true
        }
        return before.contains(.wide) || after.contains(.wide)
    }

    /// Whether a line may end between the two clusters when a word is too long for a
    /// line and must be cut: between syllables rather than inside them where we can tell.
    @inline(__always)
    static func allowsEmergencyBreak(between before: BreakClass, and after: BreakClass) -> Bool {
        !(after.contains(.noBreakBefore) || before.contains(.noBreakAfter))
    }

    /// Classes of the 128 ASCII characters.
    static let ascii: [BreakClass] = (0..<128).map { (value: Int) -> BreakClass in
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .letter
        case UInt8(ascii: "-"):
            return .hyphen
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","),
            UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: "%"):
            return .noBreakBefore
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            return .noBreakAfter
        case 0..<0x20, 0x7F:
            return [.noBreakBefore]
        default:
            return []
        }
    }

    /// The class of a cluster that is not a single ASCII character, given its width.
    static func of(_ cluster: Character, width: Int) -> BreakClass {
        guard let first = cluster.unicodeScalars.first else { return [] }
        var result = of(first, width: width)
        if needsFinalConsonant(cluster, first.value) {
            result.insert(.noBreakAfter)
        }
        return result
    }

    /// The class of a cluster that starts with `first` and is `width` columns wide.
    static func of(_ first: Unicode.Scalar, width: Int) -> BreakClass {
        let value = first.value
        if value < 0x80 {
            return ascii[Int(value)]
        }
        if width == 0 {
            switch value {
            case 0x200B: return [.noBreakBefore, .breakAfter]
            case 0x2060, 0xFEFF: return [.noBreakBefore, .noBreakAfter]
            // Thai and Lao marks of a closed syllable: its final consonant follows.
            case 0x0E31, 0x0E47, 0x0EB1: return [.noBreakBefore, .noBreakAfter]
            default: return .noBreakBefore
            }
        }
        var result: BreakClass = []
        if width == 2 || (0xFF61...0xFF9F).contains(value) {
            result.insert(.wide)
        } else if first.properties.isAlphabetic {
            result.insert(.letter)
        }
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x19E0...0x19FF,
            0xA9E0...0xA9FF, 0xAA60...0xAA7F:
            result.insert(.spaceless)
        default:
            break
        }
        if mustNotStartLine(value) { result.insert(.noBreakBefore) }
        if mustNotEndLine(value) { result.insert(.noBreakAfter) }
        if value == 0x2010 { result.insert(.hyphen) }
        return result
    }

    /// Closing punctuation, small kana, iteration marks and Thai/Lao following vowels.
    private static func mustNotStartLine(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01,
            0x309B, 0x309C, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x3005, 0x303B, 0x30FC,
            0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
            0x308E, 0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3,
            0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x31F0...0x31FF,
            0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B,
            0x301E, 0x301F, 0xFF09, 0xFF3D, 0xFF5D, 0xFF60, 0xFF61, 0xFF63, 0xFF64,
            0xFF65, 0xFF70, 0xFF9E, 0xFF9F, 0x2019, 0x201D, 0x00BB, 0x203A, 0x301C,
            0xFF5E, 0x2026, 0x2025, 0xFF05, 0x00A0, 0x202F, 0x2007, 0x2011:
            return true
        // Thai and Lao vowels that follow a consonant, and repetition marks.
        case 0x0E2F, 0x0E30, 0x0E32, 0x0E33, 0x0E45, 0x0E46,
            0x0EAF, 0x0EB0, 0x0EB2, 0x0EB3, 0x0EC6:
            return true
        default:
            return false
        }
    }

    /// A Thai or Lao cluster marked as a closed syllable (mai han-akat, mai taikhu,
    /// mai kan) always continues with its final consonant.
    private static func needsFinalConsonant(_ cluster: Character, _ first: UInt32) -> Bool {
        guard (0x0E01...0x0EFF).contains(first) else { return false }
        return cluster.unicodeScalars.contains { [0x0E31, 0x0E47, 0x0EB1].contains($0.value) }
    }

    /// Opening punctuation, non-breaking spaces and Thai/Lao leading vowels.
    private static func mustNotEndLine(_ value: UInt32) -> Bool {
        switch value {
        case 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A,
            0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62, 0x2018, 0x201C, 0x00AB,
            0x2039, 0x00A0, 0x202F, 0x2007, 0x2011,
            0x0E40...0x0E44, 0x0EC0...0x0EC4:
            return true
        default:
            return false
        }
    }
}
