import CICUShim

/// Terminal cells of text, counted per code point as terminals count them, from one
/// Unicode version: ICU's.
///
/// East Asian Wide and Fullwidth characters and emoji shown as emoji by default take
/// two cells; nonspacing and enclosing marks, format and control characters, and
/// Hangul medial vowels and final consonants take none; everything else takes one,
/// spacing vowels such as Thai U+0E33 included, so a Thai syllable with a following
/// vowel is as wide as the terminal draws it. An emoji presentation sequence (an emoji
/// shown as text by default, then U+FE0F: ☁️, 1️⃣) takes two. Other sequences count
/// per code point (a flag, 👍🏽 and 👩‍💻 four cells), as terminals that count with
/// `wcwidth` do: never less than a terminal draws. Tabs are not handled: callers
/// expand them first.
public enum DisplayWidth {
    /// Cells that one grapheme cluster occupies in a terminal.
    public static func of(_ c: Character) -> Int {
        if let ascii = c.asciiValue {
            // "\r\n" reports 0x0A and so measures 0, like any control character.
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        var counter = CellCounter()
        for scalar in c.unicodeScalars {
            counter.add(scalar.value)
        }
        return counter.cells
    }

    /// Cells that a string occupies in a terminal.
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
        var counter = CellCounter()
        for scalar in s.unicodeScalars {
            counter.add(scalar.value)
        }
        return counter.cells
    }

    /// Cells of the UTF-8 text `bytes[start..<end]`, which must start and end at
    /// scalar boundaries.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var counter = CellCounter()
        var index = start
        while index < end {
            let (value, length) = UTF8Bytes.decode(bytes, at: index)
            counter.add(value)
            index += length
        }
        return counter.cells
    }

    /// The Unicode version the widths and line breaks come from (ICU's data).
    public static var unicodeVersion: String {
        String(cString: tolk_unicode_version())
    }
}

/// Adds up the cells of scalars one after another, an emoji presentation sequence as two.
struct CellCounter {
    private(set) var cells = 0
    /// The last scalar is an emoji that takes one cell, which U+FE0F makes two.
    private var afterNarrowEmoji = false

    @inline(__always)
    mutating func add(_ value: UInt32) {
        if value < 0x80 {
            cells &+= value >= 0x20 && value < 0x7F ? 1 : 0
            // Digits, # and * are emoji when U+FE0F follows (keycaps).
            afterNarrowEmoji = (value >= 0x30 && value <= 0x39) || value == 0x23 || value == 0x2A
            return
        }
        if value == 0xFE0F {
            if afterNarrowEmoji { cells &+= 1 }
            afterNarrowEmoji = false
            return
        }
        let traits = ScalarTraits.of(value)
        cells &+= traits.width
        afterNarrowEmoji = traits.isEmoji && traits.width == 1
    }
}

/// What terminal layout needs to know of one scalar, from ICU (see `tolk_scalar_traits`).
struct ScalarTraits {
    let rawValue: UInt8

    /// Terminal cells of the scalar on its own: 0, 1 or 2.
    var width: Int { Int(rawValue & UInt8(TOLK_SCALAR_WIDTH)) }
    var isEmoji: Bool { rawValue & UInt8(TOLK_SCALAR_EMOJI) != 0 }
    /// The line-break class, as one of the `TOLK_LB_` values (0 for any other class).
    var lineBreak: UInt8 { rawValue & UInt8(TOLK_LB_MASK) }

    /// Scalars below U+0800 (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic), looked up
    /// once; the rest are asked of ICU each time. Never written after it is filled.
    nonisolated(unsafe) private static let twoByte: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x800)
        for value in 0..<0x800 { table[value] = tolk_scalar_traits(UInt32(value)) }
        return UnsafePointer(table)
    }()

    @inline(__always)
    static func of(_ value: UInt32) -> ScalarTraits {
        if value < 0x800 {
            return ScalarTraits(rawValue: twoByte[Int(value)])
        }
        return ScalarTraits(rawValue: tolk_scalar_traits(value))
    }
}

/// Decoding of valid UTF-8, as Swift strings hold it.
enum UTF8Bytes {
    /// The scalar value at a UTF-8 offset and the number of bytes it takes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            return (lead, 1)
        }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            let value =
                (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
            return (value, 3)
        }
        let value =
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes in contiguous memory.
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) {
            return result
        }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
