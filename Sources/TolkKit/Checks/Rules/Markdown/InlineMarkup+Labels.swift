/// UI labels — bold or italic runs and links — and the spaces between them,
/// for the rules about UI paths (`**Users** \> **Active users**`).
extension InlineMarkup {
    /// The innermost label (emphasis span or link) that ends exactly at `end`.
    func label(endingAt end: Int) -> Range<Int>? {
        let spans = emphasis.map(\.range).filter { $0.upperBound == end } + links.map(\.range).filter { $0.upperBound == end }
        return spans.max { $0.lowerBound < $1.lowerBound }
    }

    /// The innermost label (emphasis span or link) that starts exactly at `start`.
    func label(startingAt start: Int) -> Range<Int>? {
        let spans = emphasis.map(\.range).filter { $0.lowerBound == start } + links.map(\.range).filter { $0.lowerBound == start }
        return spans.min { $0.upperBound < $1.upperBound }
    }

    /// Labels joined by spaces only, the last one ending at `end`: `**Aktive** **brugere**`.
    func labelChain(endingAt end: Int) -> Range<Int>? {
        guard var chain = label(endingAt: end) else { return nil }
        while let previous = label(endingAt: skippingSpaces(backFrom: chain.lowerBound)), previous.upperBound < chain.lowerBound {
            chain = previous.lowerBound..<chain.upperBound
        }
        return chain
    }

    /// True when the separator at `offset` has a label on each side, spaces aside.
    func separatorJoinsLabels(_ offset: Int) -> Bool {
        label(endingAt: skippingSpaces(backFrom: offset)) != nil && label(startingAt: skippingSpaces(forwardFrom: offset + 2)) != nil
    }

    /// The whole path around the separator at `offset`: labels joined by `\>`, as far as they go.
    func path(around offset: Int) -> Range<Int> {
        var start = offset
        var separator = offset
        while let left = label(endingAt: skippingSpaces(backFrom: separator)) {
            start = left.lowerBound
            let before = skippingSpaces(backFrom: left.lowerBound)
            guard before >= 2, separators.contains(before - 2) else { break }
            separator = before - 2
        }
        var end = offset + 2
        separator = offset
        while let right = label(startingAt: skippingSpaces(forwardFrom: separator + 2)) {
            end = right.upperBound
            let after = skippingSpaces(forwardFrom: right.upperBound)
            guard separators.contains(after) else { break }
            separator = after
        }
        return start..<end
    }

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
    var adjacentBoldRuns: [[EmphasisSpan]] {
        var chains: [[EmphasisSpan]] = []
        var current: [EmphasisSpan] = []
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
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern), !ranges.contains(where: { $0.contains(start) }) {
                return start
            }
        }
        return nil
    }
}
