import Foundation

/// Maps byte offsets of a UTF-8 buffer to 1-based lines and scalar columns.
struct LineTable: Sendable {
    private let bytes: [UInt8]
    /// Byte offset where each line starts.
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var i = 0
            while i < buf.count, let hit = memchr(base + i, 0x0A, buf.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(at + 1)
                i = at + 1
            }
        }
        lineStarts = starts
    }

    /// The 0-based line index holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(of: clamped)
        var column = 1
        var i = lineStarts[line]
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line + 1, column: column, offset: clamped)
    }

    /// Locations of ascending offsets in one forward pass: columns are counted
    /// on from the previous offset instead of from the start of the line.
    func locations(ascending offsets: [Int]) -> [SourceLocation] {
        var out: [SourceLocation] = []
        out.reserveCapacity(offsets.count)
        var line = 0
        var position = 0
        var column = 1
        bytes.withUnsafeBufferPointer { b in
            for raw in offsets {
                let offset = min(max(raw, 0), b.count)
                if offset < position {
                    out.append(location(of: offset))
                    continue
                }
                while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset {
                    line += 1
                    position = lineStarts[line]
                    column = 1
                }
                while position < offset {
                    if b[position] & 0xC0 != 0x80 { column += 1 }
                    position += 1
                }
                out.append(SourceLocation(line: line + 1, column: column, offset: offset))
            }
        }
        return out
    }

    /// The byte offset of 1-based `line` and 1-based byte `column` (cmark's positions).
    func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[line - 1] + max(byteColumn - 1, 0), bytes.count)
    }

    func range(_ r: Range<Int>) -> SourceRange {
        SourceRange(start: location(of: r.lowerBound), end: location(of: r.upperBound))
    }
}
