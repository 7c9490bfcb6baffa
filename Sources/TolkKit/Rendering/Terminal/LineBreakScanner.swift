/// A piece of styled text that the wrapper places whole (unless it is wider than a line).
struct LinePiece: Sendable {
    enum Kind: UInt8, Sendable {
        /// Visible text with no ordinary break opportunity inside.
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
    /// A line may end before this piece in ordinary wrapping.
    var breakBefore: Bool
    /// A line may end before this piece when a too-long word must be cut.
    var emergencyBreakBefore: Bool
    /// The piece holds text of a script written without spaces (Thai and kin).
    var spaceless: Bool
}

/// Cuts styled text into ``LinePiece``s at every break opportunity, one pass over the
/// UTF-8 bytes: words made only of ASCII never go through grapheme segmentation.
struct LineBreakScanner {
    private(set) var pieces: [LinePiece] = []
    /// The class of the last text cluster, or nil after a space, a line break or at the start.
    private var previous: BreakClass?
    /// Whether the cluster before `previous` was a letter (for the hyphen rule).
    private var previousFollowsLetter = false

    /// Scans every run of `text`.
    mutating func scan(_ text: StyledText) {
        for (index, run) in text.runs.enumerated() {
            scan(run.text, run: index)
        }
    }

    private mutating func scan(_ text: String, run: Int) {
        text.withContiguousUTF8 { bytes in
            scan(bytes, of: text, run: run)
        }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, of text: String, run: Int) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 {
                var end = index + 1
                while end < count && bytes[end] == 0x20 { end += 1 }
                append(.space, run: run, start: index, end: end, width: end - index)
                index = end
            } else if byte == 0x0A
                || (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A)
            {
                let end = byte == 0x0A ? index + 1 : index + 2
                append(.newline, run: run, start: index, end: end, width: 0)
                index = end
            } else {
                var end = index
                var isASCII = true
                while end < count {
                    let next = bytes[end]
                    if next == 0x20 || next == 0x0A { break }
                    if next == 0x0D && end + 1 < count && bytes[end + 1] == 0x0A { break }
                    if next >= 0x80 { isASCII = false }
                    end += 1
                }
                if isASCII {
                    scanASCIIWord(bytes, run: run, from: index, to: end)
                } else {
                    scanWord(text, bytes, run: run, from: index, to: end)
                }
                index = end
            }
        }
    }

    private mutating func append(_ kind: LinePiece.Kind, run: Int, start: Int, end: Int, width: Int) {
        pieces.append(
            LinePiece(
                kind: kind, run: run, start: start, end: end, width: width,
                breakBefore: true, emergencyBreakBefore: true, spaceless: false))
        previous = nil
        previousFollowsLetter = false
    }

    /// A word of ASCII characters: one column per printable byte, and the only break
    /// opportunity inside is after a hyphen between letters.
    private mutating func scanASCIIWord(
        _ bytes: UnsafeBufferPointer<UInt8>, run: Int, from start: Int, to end: Int
    ) {
        let classes = BreakClass.ascii
        var piece = startPiece(run: run, at: start, class: classes[Int(bytes[start])])
        for index in start..<end {
            let byte = bytes[index]
            piece.width &+= byte >= 0x20 && byte < 0x7F ? 1 : 0
            if byte == UInt8(ascii: "-") && index > start && index + 1 < end
                && classes[Int(bytes[index - 1])].contains(.letter)
                && classes[Int(bytes[index + 1])].contains(.letter)
            {
                piece.end = index + 1
                pieces.append(piece)
                piece = LinePiece(
                    kind: .text, run: run, start: index + 1, end: index + 1, width: 0,
                    breakBefore: true, emergencyBreakBefore: true, spaceless: false)
            }
        }
        piece.end = end
        pieces.append(piece)
        let last = classes[Int(bytes[end - 1])]
        previousFollowsLetter =
            end - 1 > start
            ? classes[Int(bytes[end - 2])].contains(.letter)
            : (previous?.contains(.letter) ?? false)
        previous = last
    }

    /// A word with non-ASCII characters, walked cluster by cluster.
    private mutating func scanWord(
        _ text: String, _ bytes: UnsafeBufferPointer<UInt8>, run: Int, from start: Int, to end: Int
    ) {
        var cursor = ClusterCursor(text: text, bytes: bytes, from: start, to: end)
        var offset = start
        var piece = LinePiece(
            kind: .text, run: run, start: start, end: start, width: 0,
            breakBefore: true, emergencyBreakBefore: true, spaceless: false)
        var isFirst = true
        while let cluster = cursor.next() {
            let width = cluster.width
            let breakClass = cluster.breakClass
            if isFirst {
                piece = startPiece(run: run, at: offset, class: breakClass)
                isFirst = false
            } else if cuts(before: breakClass) {
                piece.end = offset
                pieces.append(piece)
                piece = startPiece(run: run, at: offset, class: breakClass)
            }
            piece.width &+= width
            if breakClass.contains(.spaceless) { piece.spaceless = true }
            offset = cluster.end
            previousFollowsLetter = previous?.contains(.letter) ?? false
            previous = breakClass
        }
        if !isFirst {
            piece.end = end
            pieces.append(piece)
        }
    }

    /// Whether a new piece starts at a cluster of class `next`: at every ordinary break
    /// opportunity, and in spaceless scripts also at every place a too-long run may be cut.
    private func cuts(before next: BreakClass) -> Bool {
        if allowsBreak(before: next) { return true }
        let spaceless = next.contains(.spaceless) || previous?.contains(.spaceless) == true
        return spaceless && allowsEmergencyBreak(before: next)
    }

    /// A text piece starting at `offset` with a cluster of class `breakClass`, with its
    /// break opportunities decided against the cluster before it (possibly in an earlier run).
    private func startPiece(run: Int, at offset: Int, class breakClass: BreakClass) -> LinePiece {
        LinePiece(
            kind: .text, run: run, start: offset, end: offset, width: 0,
            breakBefore: allowsBreak(before: breakClass),
            emergencyBreakBefore: allowsEmergencyBreak(before: breakClass),
            spaceless: false)
    }

    private func allowsBreak(before next: BreakClass) -> Bool {
        guard let previous else { return true }
        return BreakClass.allowsBreak(
            between: previous, and: next, hyphenFollowsLetter: previousFollowsLetter)
    }

    private func allowsEmergencyBreak(before next: BreakClass) -> Bool {
        guard let previous else { return true }
        return BreakClass.allowsEmergencyBreak(between: previous, and: next)
    }
}
