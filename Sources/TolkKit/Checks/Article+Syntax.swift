import Foundation

extension Article {
    /// True when each unit's number is greater than the one before it, all with one kind of ID
    /// (sentence or `p`) and, with `onePrefix`, one prefix: then no ID repeats and none is out of
    /// order, as in nearly every article.
    func unitNumbersCountUp(onePrefix: Bool) -> Bool {
        !zip(units, units.dropFirst()).contains { a, b in
            guard let m = a.number, let n = b.number else { return true }
            return m >= n || a.isParagraph != b.isParagraph || (onePrefix && a.prefix != b.prefix)
        }
    }

    /// The syntax of one side of `unit`: from the analysis the checker asks the parser
    /// for, else (an article parsed only for rendering) from the side parsed on its own.
    func syntax(_ side: Side, _ unit: TranslationUnit) -> UnitSyntax {
        if let analysis, unit.index < analysis.target.count { return analysis[side, unit.index] }
        return UnitAnalyzer.alone(Array(unit.text(side).utf8))
    }
}

extension UnitSyntax {
    /// The offset before the spaces (ASCII, no-break, narrow no-break) that end at `offset`.
    func skippingSpaces(backFrom offset: Int) -> Int {
        var i = offset
        while i > 0 {
            if bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 {
                i -= 1
            } else if i >= 2, bytes[i - 2] == 0xC2, bytes[i - 1] == 0xA0 {
                i -= 2
            } else if i >= 3, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x80, bytes[i - 1] == 0xAF {
                i -= 3
            } else {
                break
            }
        }
        return i
    }

    /// The offset after the spaces that start at `offset`.
    func skippingSpaces(forwardFrom offset: Int) -> Int {
        var i = offset
        while i < bytes.count {
            if bytes[i] == 0x20 || bytes[i] == 0x09 {
                i += 1
            } else if i + 1 < bytes.count, bytes[i] == 0xC2, bytes[i + 1] == 0xA0 {
                i += 2
            } else if i + 2 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF {
                i += 3
            } else {
                break
            }
        }
        return i
    }

    /// Bold runs separated by spaces only, two or more in a row.
    var adjacentBoldRuns: [[Emphasis]] {
        var chains: [[Emphasis]] = []
        var current: [Emphasis] = []
        for span in emphasis where span.isStrong {
            if let last = current.last {
                if span.range.lowerBound < last.range.upperBound { continue }
                if skippingSpaces(forwardFrom: last.range.upperBound) == span.range.lowerBound
                    && last.range.upperBound < span.range.lowerBound
                {
                    current.append(span)
                    continue
                }
                if current.count > 1 { chains.append(current) }
            }
            current = [span]
        }
        if current.count > 1 { chains.append(current) }
        return chains
    }

    /// Where `needle` first occurs outside the given ranges.
    func offset(of needle: String, outside ranges: [Range<Int>]) -> Int? {
        var from = 0
        while let at = offset(of: needle, from: from) {
            if !ranges.contains(where: { $0.contains(at) }) { return at }
            from = at + 1
        }
        return nil
    }

    /// The first occurrence of `needle` at or after `from`.
    func offset(of needle: String, from: Int = 0) -> Int? {
        UnitScanner.find(Array(needle.utf8), in: bytes, from: from)
    }

    /// Up to `width` characters either side of `range`, on one line, for messages.
    func snippet(_ range: Range<Int>, width: Int = 24) -> String {
        let start = min(max(range.lowerBound, 0), bytes.count)
        let end = min(max(range.upperBound, start), bytes.count)
        let before = text(0..<start)
        let after = text(end..<bytes.count)
        let head = before.count > width ? "…" + String(before.suffix(width)) : before
        let tail = after.count > width ? String(after.prefix(width)) + "…" : after
        return (head + text(start..<end) + tail).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The tags that have no partner on this side: closing tags with no opening before
    /// them, then opening tags never closed, in text order.
    func unmatchedTags(named names: Set<String>) -> [Tag] {
        var open: [String: [Tag]] = [:]
        var stray: [Tag] = []
        for tag in tags where !tag.isPseudo && names.contains(tag.name) && !isSelfClosing(tag) {
            if tag.isClosing {
                if open[tag.name]?.isEmpty == false { open[tag.name]!.removeLast() } else { stray.append(tag) }
            } else {
                open[tag.name, default: []].append(tag)
            }
        }
        return (stray + open.values.flatMap { $0 }).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    func isSelfClosing(_ tag: Tag) -> Bool {
        tag.range.count >= 2 && bytes[tag.range.upperBound - 2] == 0x2F
    }
}

extension String {
    /// True when the UTF-8 of `needle` occurs in this string: a byte search, which the
    /// rules' quick tests need thousands of times per article (`contains` on strings goes
    /// through Foundation's comparison).
    func containsBytes(_ needle: String) -> Bool {
        needle.withBytes { n in
            withBytes { text in
                // A pair with a space is looked for eight bytes at a time: a byte search would
                // stop at every space.
                n.count == 2 && (n[0] == 0x20 || n[1] == 0x20)
                    ? ByteWords.containsPair(n[0], n[1], in: text) : UnitScanner.find(n, in: text, from: 0) != nil
            }
        }
    }

    /// True when any byte of the string is in `bytes`.
    func containsAnyByte(_ bytes: [UInt8]) -> Bool {
        withBytes { text in ByteWords.containsAny(of: bytes, in: text) }
    }

    /// The string's UTF-8 as a buffer: the rules' quick tests read every unit's bytes,
    /// and iterating `utf8` costs several times more than reading a buffer.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
