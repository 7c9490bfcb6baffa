/// Walks the grapheme clusters of a stretch of UTF-8 text, yielding each cluster's end,
/// display width and line-break class.
///
/// Most clusters are a letter, possibly with ordinary combining marks, between
/// letters: the cursor finds those from per-scalar facts (``ScalarInfo``) alone. Any
/// other cluster (emoji sequences, Hangul jamo, viramas, joiners, prepended marks) is
/// left to Swift's own grapheme segmentation, so boundaries always agree with
/// `Character`; this is several times faster than iterating `Character`s throughout.
struct ClusterCursor {
    /// One grapheme cluster.
    struct Cluster {
        /// UTF-8 offset just past the cluster.
        var end: Int
        var width: Int
        var breakClass: BreakClass
    }

    private let text: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    /// UTF-8 offset of the next cluster.
    private(set) var offset: Int

    /// A cursor over `bytes[start..<end]`, which must be `text`'s UTF-8 storage and
    /// start and end at cluster boundaries.
    init(text: String, bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        self.text = text
        self.bytes = bytes
        self.offset = start
        self.end = end
    }

    /// The next cluster, or nil at the end.
    @inline(__always)
    mutating func next() -> Cluster? {
        guard offset < end else { return nil }
        let start = offset
        let (base, baseLength) = decode(at: start)
        let info = ScalarInfo.of(base)
        if info.isSimple {
            var breakClass = info.breakClass
            var position = start + baseLength
            while true {
                if position >= end {
                    offset = position
                    return Cluster(end: position, width: info.width, breakClass: breakClass)
                }
                let (scalar, length) = decode(at: position)
                let next = ScalarInfo.of(scalar)
                if next.isSimple {
                    offset = position
                    return Cluster(end: position, width: info.width, breakClass: breakClass)
                }
                guard next.isAttaching else { break }
                // A mark of a closed Thai syllable keeps the line from ending after it.
                breakClass.formUnion(next.breakClass.intersection(.noBreakAfter))
                position += length
            }
        }
        return segmentedCluster(at: start)
    }

    /// The cluster at `start` as Swift segments it.
    private mutating func segmentedCluster(at start: Int) -> Cluster {
        let utf8 = text.utf8
        let cluster = text[utf8.index(utf8.startIndex, offsetBy: start)]
        let width = DisplayWidth.of(cluster)
        offset = min(start + cluster.utf8.count, end)
        return Cluster(end: offset, width: width, breakClass: BreakClass.of(cluster, width: width))
    }

    /// The scalar value at a UTF-8 offset and the number of bytes it takes.
    @inline(__always)
    private func decode(at index: Int) -> (UInt32, Int) {
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
