import CICUShim

/// A piece of styled text that the wrapper places whole (unless it is wider than a line).
struct LinePiece: Sendable {
    enum Kind: UInt8, Sendable {
        /// Visible text with no break opportunity inside.
        case text
        /// One or more U+0020 spaces.
        case space
        /// An explicit line break ("\n" or "\r\n").
        case newline
    }

    var kind: Kind
    /// Index of the run in the wrapped text.
    var run: Int
    /// UTF-8 offsets into the run's text.
    var start: Int
    var end: Int
    /// Display width.
    var width: Int
    /// A line may end before this piece (false where a word goes on in the next run).
    var breakBefore: Bool
}

/// Cuts styled text into ``LinePiece``s at every line-break opportunity: at spaces, at
/// line breaks, and inside words wherever ICU's line-break iterator allows (after a
/// hyphen, between CJK characters except before closing and after opening punctuation,
/// between the words of Thai, Lao, Khmer and Burmese by ICU's dictionaries). Words of
/// ASCII alone (URLs, paths, code), and URLs with Latin letters, break only after a
/// hyphen between letters, as they did before ICU.
///
/// A word that ICU would break nowhere inside, by the line-break classes of its
/// characters alone, does not go to ICU: letters and digits below U+0800 (Latin, Greek,
/// Cyrillic, Hebrew) with quotes, opening punctuation before them and closing
/// punctuation after them, such as `(Vælg`, `indstillinger».`, `f.eks.`. Most words of
/// European text are of this kind.
struct LineBreaker {
    private(set) var pieces: [LinePiece] = []
    /// UTF-8 offsets, in the joined text, where each run starts.
    private var runStarts: [Int] = [0]
    /// The run of the piece appended last (pieces come in order).
    private var run = 0
    /// ICU's answers for one word, grown as needed.
    private var breaks: [Int32] = []

    /// Scans every run of `text`.
    mutating func scan(_ text: StyledText) {
        let runs = text.runs
        guard runs.count > 1 else {
            runs.first?.text.withContiguousUTF8 { scan($0) }
            return
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(runs.reduce(0) { $0 + $1.text.utf8.count })
        for (index, run) in runs.enumerated() {
            if index > 0 { runStarts.append(joined.count) }
            run.text.withContiguousUTF8 { joined.append(contentsOf: $0) }
        }
        joined.withUnsafeBufferPointer { scan($0) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        pieces.reserveCapacity(count / 4)
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 {
                var end = index + 1
                while end < count && bytes[end] == 0x20 { end += 1 }
                append(.space, bytes, from: index, to: end, width: end - index)
                index = end
            } else if byte == 0x0A || (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) {
                let end = byte == 0x0A ? index + 1 : index + 2
                append(.newline, bytes, from: index, to: end, width: 0)
                index = end
            } else if byte < 0x80, let end = scanASCIIWord(bytes, from: index) {
                index = end
            } else {
                var end = index + 1
                while end < count {
                    let next = bytes[end]
                    if next == 0x20 || next == 0x0A { break }
                    if next == 0x0D && end + 1 < count && bytes[end + 1] == 0x0A { break }
                    end += 1
                }
                if let width = Self.widthWithoutInnerBreak(bytes, from: index, to: end) {
                    append(.text, bytes, from: index, to: end, width: width)
                } else if Self.isURL(bytes, from: index, to: end) {
                    appendSplitAtHyphens(bytes, from: index, to: end, ascii: false)
                } else {
                    scanWithICU(bytes, from: index, to: end)
                }
                index = end
            }
        }
    }

    /// A word of ASCII characters: a URL, a path, an option, code or an English word.
    /// ICU would break a URL after every `/` and an option such as `--color=never` after
    /// its dashes; such a token is kept whole where it fits, so that it can be read and
    /// copied, and the only opportunity inside is after a hyphen between two letters or
    /// digits (`e-mail`, `Windows-enheder`), where ICU breaks too. Returns the end of the
    /// word, or nil (having added nothing) when it is not all ASCII.
    private mutating func scanASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = bytes.count
        var end = start
        while end < count {
            let byte = bytes[end]
            if byte == 0x20 || byte == 0x0A || (byte == 0x0D && end + 1 < count && bytes[end + 1] == 0x0A) { break }
            if byte >= 0x80 { return nil }
            end += 1
        }
        appendSplitAtHyphens(bytes, from: start, to: end, ascii: true)
        return end
    }

    /// Adds a word cut only after each hyphen between two ASCII letters or digits.
    private mutating func appendSplitAtHyphens(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, ascii: Bool
    ) {
        var pieceStart = start
        var width = 0
        for index in start..<end {
            let byte = bytes[index]
            width &+= byte >= 0x20 && byte < 0x7F ? 1 : 0
            if byte == UInt8(ascii: "-") && index > start && index + 1 < end
                && Self.isASCIIAlphanumeric(bytes[index - 1]) && Self.isASCIIAlphanumeric(bytes[index + 1])
            {
                append(.text, bytes, from: pieceStart, to: index + 1, width: ascii ? width : nil)
                pieceStart = index + 1
                width = 0
            }
        }
        append(.text, bytes, from: pieceStart, to: end, width: ascii ? width : nil)
    }

    /// Whether a word holds a URL (`://` or `www.`) and nothing beyond U+07FF (Latin,
    /// Greek, Cyrillic…): it is kept whole as an ASCII one is, rather than cut after
    /// every `/` as ICU would.
    private static func isURL(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var hasMarker = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte >= 0xE0 { return false }
            if !hasMarker && byte == UInt8(ascii: ":") && index + 2 < end {
                hasMarker = bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
            } else if !hasMarker && byte | 0x20 == UInt8(ascii: "w") && index + 3 < end {
                hasMarker =
                    bytes[index + 1] | 0x20 == UInt8(ascii: "w") && bytes[index + 2] | 0x20 == UInt8(ascii: "w")
                    && bytes[index + 3] == UInt8(ascii: ".")
            }
            index += 1
        }
        return hasMarker
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Cuts a word where ICU's line-break iterator allows.
    private mutating func scanWithICU(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        let base = bytes.baseAddress! + start
        if breaks.isEmpty { breaks = Array(repeating: 0, count: 64) }
        var found = tolk_line_breaks(base, Int32(end - start), &breaks, Int32(breaks.count))
        if found > breaks.count {
            breaks = Array(repeating: 0, count: Int(found))
            found = tolk_line_breaks(base, Int32(end - start), &breaks, Int32(breaks.count))
        }
        var pieceStart = start
        for k in 0..<max(Int(found), 0) {
            let offset = start + Int(breaks[k])
            append(.text, bytes, from: pieceStart, to: offset, width: nil)
            pieceStart = offset
        }
        append(.text, bytes, from: pieceStart, to: end, width: nil)
    }

    /// The UTF-8 offsets inside `text` where ICU's line-break iterator lets a line end,
    /// whatever the text (spaces are not treated apart, as `scan` treats them).
    static func opportunities(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            let count = Int(tolk_line_breaks(base, Int32(bytes.count), nil, 0))
            guard count > 0 else { return [] }
            var out = [Int32](repeating: 0, count: count)
            _ = tolk_line_breaks(base, Int32(bytes.count), &out, Int32(count))
            return out.map(Int.init)
        }
    }

    /// Adds the piece `bytes[start..<end]` of the joined text, `width` cells wide (nil:
    /// to be measured), as one piece per run it touches; a line may end before the
    /// first of them only.
    @inline(__always)
    private mutating func append(
        _ kind: LinePiece.Kind, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, width: Int?
    ) {
        while run + 1 < runStarts.count && runStarts[run + 1] <= start { run += 1 }
        let runEnd = run + 1 < runStarts.count ? runStarts[run + 1] : Int.max
        if end <= runEnd {
            let cells = width ?? DisplayWidth.of(utf8: bytes, from: start, to: end)
            let offset = runStarts[run]
            pieces.append(
                LinePiece(
                    kind: kind, run: run, start: start - offset, end: end - offset, width: cells, breakBefore: true))
            return
        }
        appendAcrossRuns(kind, bytes, from: start, to: end)
    }

    /// A piece that a change of style cuts: each part measured on its own.
    private mutating func appendAcrossRuns(
        _ kind: LinePiece.Kind, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) {
        var lower = start
        var first = true
        while lower < end {
            while run + 1 < runStarts.count && runStarts[run + 1] <= lower { run += 1 }
            let upper = min(end, run + 1 < runStarts.count ? runStarts[run + 1] : end)
            let cells: Int
            switch kind {
            case .space: cells = upper - lower
            case .newline: cells = 0
            case .text: cells = DisplayWidth.of(utf8: bytes, from: lower, to: upper)
            }
            let offset = runStarts[run]
            pieces.append(
                LinePiece(
                    kind: kind, run: run, start: lower - offset, end: upper - offset, width: cells,
                    breakBefore: first))
            first = false
            lower = upper
        }
    }

    /// The cells of `bytes[start..<end]`, a word between spaces, when ICU would find no
    /// break opportunity inside it (else nil),
    /// by UAX #14's rules on the line-break classes of its characters
    /// (each below U+0800 and one cell wide): no break between letters and digits (AL,
    /// HL, NU: LB23, LB25, LB28), before or after a quote (QU: LB19), after opening
    /// punctuation (OP: LB14) nor before it after a letter or digit (LB30), before
    /// closing punctuation (CL, CP, EX, IS: LB13), nor between an infix separator and a
    /// letter (IS: LB29). Anything else, a hyphen or a slash, a digit after a period,
    /// a letter after a closing bracket, is left to ICU.
    static func widthWithoutInnerBreak(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let letter = UInt8(TOLK_LB_LETTER)
        let digit = UInt8(TOLK_LB_DIGIT)
        let quote = UInt8(TOLK_LB_QUOTE)
        let open = UInt8(TOLK_LB_OPEN)
        let infix = UInt8(TOLK_LB_INFIX)
        var previous: UInt8 = quote  // The start of the word allows anything after it.
        var width = 0
        var index = start
        while index < end {
            let lead = bytes[index]
            let value: UInt32
            if lead < 0x80 {
                value = UInt32(lead)
                index += 1
            } else if lead & 0xE0 == 0xC0 && index + 1 < end {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else {
                return nil
            }
            let traits = ScalarTraits.of(value)
            let kind = traits.lineBreak
            guard kind != 0, traits.width == 1 else { return nil }
            switch kind {
            case letter, digit:
                guard
                    previous == letter || previous == digit || previous == quote || previous == open
                        || (previous == infix && kind == letter)
                else { return nil }
            case open:
                guard previous == letter || previous == digit || previous == quote || previous == open else {
                    return nil
                }
            default:
                break
            }
            previous = kind
            width += 1
        }
        return width
    }
}
