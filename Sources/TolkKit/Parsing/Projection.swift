/// One side of an article with every unit replaced by that side's text
/// (the projection rule: every byte outside units kept, which reproduces what the pipeline published), and a map back to the original bytes.
///
/// Two flavours: `plain` is byte-exact with what the publishing pipeline
/// published; `marked` wraps each unit's text in `<tolk-u i="N">…</tolk-u>` and
/// blanks the front matter, and is what cmark-gfm parses, so the tree knows
/// which inline text came from which unit.
struct Projection {
    static let markerOpenPrefix = Array(#"<tolk-u i=""#.utf8)
    static let markerClose = Array("</tolk-u>".utf8)

    var bytes: [UInt8]
    /// Discontinuities: from `projected` on, bytes map to `original` + delta when
    /// `linear`, or all to `original` (markers, blanked front matter).
    private(set) var segments: [(projected: Int, original: Int, linear: Bool)] = []

    init(bytes: [UInt8] = []) { self.bytes = bytes }

    /// The plain projection of one side: every byte outside units kept.
    static func plain(_ file: [UInt8], units: [TranslationUnit], side: Side, dropping frontMatter: Range<Int>? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(file.count)
        var pos = frontMatter?.upperBound ?? 0
        for unit in units where unit.range.start.offset >= pos {
            out.append(contentsOf: file[pos..<unit.range.start.offset])
            let text = side == .target ? unit.targetRange.byteRange : unit.sourceRange.byteRange
            out.append(contentsOf: file[text])
            pos = unit.range.end.offset
        }
        if pos < file.count { out.append(contentsOf: file[pos...]) }
        return out
    }

    /// The marked projection of one side, for cmark-gfm.
    static func marked(_ file: [UInt8], units: [TranslationUnit], side: Side, frontMatter: Range<Int>?) -> Projection {
        var p = Projection()
        p.bytes.reserveCapacity(file.count + units.count * 24)
        var pos = 0
        if let fm = frontMatter {
            p.mark(original: 0, linear: false)
            for byte in file[fm] where byte == 0x0A { p.bytes.append(0x0A) }
            pos = fm.upperBound
        }
        for unit in units where unit.range.start.offset >= pos {
            p.copy(file, pos..<unit.range.start.offset)
            let text = side == .target ? unit.targetRange.byteRange : unit.sourceRange.byteRange
            var lo = text.lowerBound
            var hi = text.upperBound
            while lo < hi, isSpace(file[lo]) { lo += 1 }
            while hi > lo, isSpace(file[hi - 1]) { hi -= 1 }
            // A side that opens with a line break and deep indentation (ja HT) would
            // turn into an indented code block; it is a sentence, so for parsing
            // the break is dropped (the byte-exact `plain` projection keeps it).
            if !file[text.lowerBound..<lo].contains(0x0A) { p.copy(file, text.lowerBound..<lo) }
            let contentStart = p.atLineStart() ? blockPrefixEnd(file, lo, hi) : lo
            p.copy(file, lo..<contentStart)
            lo = contentStart
            p.mark(original: unit.range.start.offset, linear: false)
            p.bytes.append(contentsOf: markerOpenPrefix)
            p.bytes.append(contentsOf: Array(String(unit.index).utf8))
            p.bytes.append(contentsOf: [0x22, 0x3E])
            p.copy(file, lo..<hi)
            p.mark(original: hi, linear: false)
            p.bytes.append(contentsOf: markerClose)
            p.copy(file, hi..<text.upperBound)
            pos = unit.range.end.offset
        }
        p.copy(file, pos..<file.count)
        return p
    }

    private mutating func copy(_ file: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        mark(original: range.lowerBound, linear: true)
        bytes.append(contentsOf: file[range])
    }

    private mutating func mark(original: Int, linear: Bool) {
        if let last = segments.last, last.projected == bytes.count { segments.removeLast() }
        segments.append((bytes.count, original, linear))
    }

    /// True when only indentation, `>` and list markers precede the end of `bytes` on its line.
    private func atLineStart() -> Bool {
        var i = bytes.count - 1
        while i >= 0, bytes[i] != 0x0A {
            switch bytes[i] {
            case 0x20, 0x09, 0x3E, 0x2D, 0x2A, 0x2B, 0x2E, 0x29, 0x30...0x39: i -= 1
            default: return false
            }
        }
        return true
    }

    /// Where a unit's text starts once block syntax it begins with (`4. `, `- `,
    /// `> `, `# `) is left outside the marker, so projection keeps its block
    /// structure (a target that begins with `4. ` is a list item once projected).
    private static func blockPrefixEnd(_ b: [UInt8], _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            var j = i
            if b[j] == 0x3E {  // >
                j += 1
            } else if b[j] == 0x23 {  // #
                while j < end, j - i < 6, b[j] == 0x23 { j += 1 }
                guard j < end, b[j] == 0x20 || b[j] == 0x09 else { return i }
            } else if b[j] == 0x2D || b[j] == 0x2A || b[j] == 0x2B {
                j += 1
                guard j < end, b[j] == 0x20 || b[j] == 0x09 else { return i }
            } else if b[j] >= 0x30 && b[j] <= 0x39 {
                while j < end, j - i < 9, b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
                guard j + 1 < end, b[j] == 0x2E || b[j] == 0x29, b[j + 1] == 0x20 || b[j + 1] == 0x09 else { return i }
                j += 1
            } else {
                return i
            }
            while j < end, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
            i = j
        }
        return i
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The original byte offset of a projected offset.
    /// `originalOffset(_:)` for offsets asked mostly in increasing order: the search starts at
    /// `cursor`, the segment of the previous answer, and walks forward.
    func originalOffset(_ projected: Int, cursor: inout Int) -> Int {
        guard !segments.isEmpty else { return projected }
        var k = min(max(cursor, 0), segments.count - 1)
        if segments[k].projected > projected { return originalOffset(projected) }
        while k + 1 < segments.count, segments[k + 1].projected <= projected { k += 1 }
        cursor = k
        let s = segments[k]
        return s.linear ? s.original + (projected - s.projected) : s.original
    }

    func originalOffset(_ projected: Int) -> Int {
        guard !segments.isEmpty else { return projected }
        var lo = 0
        var hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].projected <= projected { lo = mid } else { hi = mid - 1 }
        }
        let s = segments[lo]
        return s.linear ? s.original + (projected - s.projected) : s.original
    }
}
