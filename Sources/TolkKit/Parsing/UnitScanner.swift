/// Finds translation units by their exact delimiters (`<span data-ttu-id="`, `</span><span class="sxs-lookup"><span data-stu-id="`, `</span></span>`), the way
/// `<span data-ttu-id="(.*?)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]*)">(.*?)</span></span>`
/// with DOTALL would, but in one pass over bytes and without an HTML parser:
/// units may hold stray `</span>`, inner spans and pseudo-tags.
struct UnitScanner {
    static let open = Array(#"<span data-ttu-id=""#.utf8)
    static let middle = Array(#"</span><span class="sxs-lookup"><span data-stu-id=""#.utf8)
    static let close = Array("</span></span>".utf8)

    /// Byte ranges of one unit in the file.
    struct Match: Equatable {
        var whole: Range<Int>
        var id: Range<Int>
        var target: Range<Int>
        var sourceID: Range<Int>
        var source: Range<Int>
    }

    /// What the scan found: the units, and delimiters no unit accounts for.
    struct Result {
        var matches: [Match] = []
        /// Offsets of `<span data-ttu-id="` that start no unit.
        var strayOpenings: [Int] = []
    }

    static func scan(_ bytes: [UInt8]) -> Result {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        var result = Result()
        var pos = 0
        while let start = find(open, in: b, from: pos) {
            if let match = matchUnit(at: start, in: b) {
                result.matches.append(match)
                pos = match.whole.upperBound
            } else {
                result.strayOpenings.append(start)
                pos = start + 1
            }
        }
        return result
    }

    /// Tries the regex at `start`, with its backtracking: the target is the shortest
    /// text before a middle delimiter followed by `ID">`, the source the shortest
    /// text before `</span></span>`.
    private static func matchUnit(at start: Int, in b: UnsafeBufferPointer<UInt8>) -> Match? {
        let idStart = start + open.count
        guard let idEnd = index(of: 0x22, in: b, from: idStart),
            idEnd + 1 < b.count, b[idEnd + 1] == 0x3E
        else { return nil }
        let targetStart = idEnd + 2
        var search = targetStart
        while let mid = find(middle, in: b, from: search) {
            let sidStart = mid + middle.count
            if let sidEnd = index(of: 0x22, in: b, from: sidStart), sidEnd + 1 < b.count, b[sidEnd + 1] == 0x3E {
                let sourceStart = sidEnd + 2
                guard let end = find(close, in: b, from: sourceStart) else { return nil }
                return Match(
                    whole: start..<(end + close.count), id: idStart..<idEnd, target: targetStart..<mid,
                    sourceID: sidStart..<sidEnd, source: sourceStart..<end)
            }
            search = mid + 1
        }
        return nil
    }

    private static func index(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while i < b.count {
            if b[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// First occurrence of `needle` in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { find(needle, in: $0, from: from) }
    }

    /// First occurrence of `needle` at or after `from`.
    static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        needle.withUnsafeBufferPointer { find($0, in: b, from: from) }
    }

    /// The index of the needle byte that text (prose, Markdown and the units' HTML) has
    /// least of: a rare mark, then a rare letter; spaces, letters such as `e` and the
    /// bytes of tags (`<`, `=`, `"`, `-`) last.
    private static func pivot(_ needle: UnsafeBufferPointer<UInt8>) -> Int {
        Self.commonness.withUnsafeBufferPointer { commonness in
            var best = 0
            var bestRank = UInt8.max
            for k in 0..<needle.count where commonness[Int(needle[k])] < bestRank {
                best = k
                bestRank = commonness[Int(needle[k])]
            }
            return best
        }
    }

    /// How common a byte is in the articles, by rank (0: rare). Letters by their frequency
    /// in English and the Scandinavian languages; every byte not named here counts as rare.
    private static let commonness: [UInt8] = {
        var rank = [UInt8](repeating: 0, count: 256)
        let common = Array("zqxjkvbpygfwmucldhrsnioate".utf8) + Array("-/.,\"=<> ".utf8)
        for (k, byte) in common.enumerated() {
            rank[Int(byte)] = UInt8(k + 1)
            if byte >= 0x61 && byte <= 0x7A { rank[Int(byte) - 0x20] = UInt8(k / 2 + 1) }
        }
        return rank
    }()

    /// First occurrence of `needle` at or after `from`, both as buffers.
    static func find(_ nd: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = nd.count
        guard n > 0, b.count >= n, let base = b.baseAddress, let needle = nd.baseAddress else { return nil }
        // memchr is far faster than a Swift loop: it looks for the needle's least common
        // byte (the `p` of `span`, the `!` of `<!--`), and memcmp checks the rest.
        let pivot = n == 1 ? 0 : Self.pivot(nd)
        var i = max(from, 0)
        let last = b.count - n
        while i <= last {
            guard let hit = memchr(base + i + pivot, Int32(needle[pivot]), last - i + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - pivot
            if memcmp(base + at, needle, n) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
