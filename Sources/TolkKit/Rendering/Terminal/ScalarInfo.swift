internal import CWidth

/// What the layout needs to know about one Unicode scalar, packed in 16 bits: its
/// display width, its line-break class, and how it takes part in grapheme clusters.
///
/// The Basic Multilingual Plane is looked up once into a table so that hot loops
/// neither cross into C, switch locales, nor run Unicode property look-ups.
struct ScalarInfo: Sendable {
    let rawValue: UInt16

    private static let simpleBit: UInt16 = 1 << 2
    private static let attachingBit: UInt16 = 1 << 3

    /// Display columns of the scalar on its own: 0, 1 or 2.
    var width: Int { Int(rawValue & 0b11) }

    /// A grapheme cluster boundary lies between any two simple scalars (both have
    /// Grapheme_Cluster_Break=Other), and a simple scalar takes attaching marks after it.
    var isSimple: Bool { rawValue & Self.simpleBit != 0 }

    /// An ordinary combining or spacing mark that always joins the cluster before it
    /// and changes neither its width nor how the clusters after it are formed (no
    /// virama, variation selector, joiner or keycap).
    var isAttaching: Bool { rawValue & Self.attachingBit != 0 }

    /// The line-break class of a cluster that starts with this scalar.
    var breakClass: BreakClass { BreakClass(rawValue: UInt8(truncatingIfNeeded: rawValue >> 8)) }

    private init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    private init(width: Int, simple: Bool, attaching: Bool, breakClass: BreakClass) {
        var raw = UInt16(width) | UInt16(breakClass.rawValue) << 8
        if simple { raw |= Self.simpleBit }
        if attaching { raw |= Self.attachingBit }
        rawValue = raw
    }

    /// Facts about the scalar with this value (which must be a valid scalar).
    @inline(__always)
    static func of(_ value: UInt32) -> ScalarInfo {
        if value < 0x10000 {
            return ScalarInfo(rawValue: basicPlane[Int(value)])
        }
        return supplementary(value)
    }

    private static let basicPlane: [UInt16] = (0..<0x10000).map { (value: Int) -> UInt16 in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        return compute(scalar).rawValue
    }

    private static func supplementary(_ value: UInt32) -> ScalarInfo {
        guard let scalar = Unicode.Scalar(value) else { return ScalarInfo(rawValue: 0) }
        let width = DisplayWidth.scalarWidth(scalar)
        let isCJKExtension = value >= 0x20000 && value < 0x40000
        let isPlainEmoji =
            value >= 0x1F000 && value < 0x1FB00 && !(0x1F1E6...0x1F1FF).contains(value)
            && !(0x1F3FB...0x1F3FF).contains(value)
        return ScalarInfo(
            width: width, simple: isCJKExtension || isPlainEmoji, attaching: false,
            breakClass: BreakClass.of(scalar, width: width))
    }

    /// Facts about one scalar of the Basic Multilingual Plane.
    private static func compute(_ scalar: Unicode.Scalar) -> ScalarInfo {
        let value = scalar.value
        // Hangul medial vowels and final consonants join the syllable before them.
        let joinsSyllable = (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value)
        let width = joinsSyllable ? 0 : DisplayWidth.normalized(Int(tolk_wcwidth(value)), scalar)
        let breakClass = BreakClass.of(scalar, width: width)
        var simple = false
        var attaching = false
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            attaching =
                scalar.properties.canonicalCombiningClass != .virama
                && !(0xFE00...0xFE0F).contains(value) && value != 0x20E3
                && !isOtherSpacingMark(value)
        case .control, .format, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator:
            break
        default:
            simple =
                !isHangulJamo(value) && ![0x0D4E, 0x0E33, 0x0EB3, 0xFF9E, 0xFF9F].contains(value)
            attaching = [0x0E33, 0x0EB3, 0xFF9E, 0xFF9F].contains(value)
        }
        return ScalarInfo(
            width: width, simple: simple, attaching: attaching, breakClass: breakClass)
    }

    /// Hangul jamo, which join into syllables (syllables themselves are simple).
    private static func isHangulJamo(_ value: UInt32) -> Bool {
        (0x1100...0x11FF).contains(value) || (0xA960...0xA97F).contains(value)
            || (0xD7B0...0xD7FF).contains(value)
    }

    /// Spacing marks that Unicode leaves out of Grapheme_Cluster_Break=SpacingMark, so
    /// they start clusters of their own.
    private static func isOtherSpacingMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x102B, 0x102C, 0x1038, 0x1062...0x1064, 0x1067...0x106D, 0x1083,
            0x1087...0x108C, 0x108F, 0x109A...0x109C, 0x1A61, 0x1A63, 0x1A64, 0xAA7B, 0xAA7D:
            return true
        default:
            return false
        }
    }
}
