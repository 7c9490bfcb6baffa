/// The pieces of inline syntax `InlineMarkup` finds, and how emphasis markers pair up.
extension InlineMarkup {
    /// An inline code span, from its opening to its closing backtick run.
    struct CodeSpan: Hashable {
        var range: Range<Int>
        /// The bytes between the backtick runs, as written.
        var content: String
    }

    /// `[text](destination)`, `![alt](source)` or an autolink `<https://…>`.
    struct Link: Hashable {
        /// From `[` (or `!`, or `<`) to after the closing `)` — or, when the
        /// parentheses are never closed, to the end of the destination.
        var range: Range<Int>
        /// The link text between the brackets.
        var text: Range<Int>
        /// The destination as written: the first word inside the parentheses.
        var destination: String
        /// The destination with its locale segment neutralised, for comparing.
        var url: String
        /// Everything from `(` to the end of the link with whitespace removed,
        /// which tells spaces that machine translation put into the syntax apart
        /// from a changed destination.
        var compact: String
        var isClosed: Bool
        var isImage: Bool
        var isAutolink: Bool
    }

    /// A run of `*` or `_` that can open or close emphasis (CommonMark's flanking rules).
    struct DelimiterRun: Hashable {
        var offset: Int
        var character: UInt8
        var length: Int
        var canOpen: Bool
        var canClose: Bool
        var range: Range<Int> { offset..<(offset + length) }
    }

    /// Emphasis (`*x*`) or strong emphasis (`**x**`) whose markers pair up.
    struct EmphasisSpan: Hashable {
        var open: Range<Int>
        var close: Range<Int>
        var isStrong: Bool
        var range: Range<Int> { open.lowerBound..<close.upperBound }
    }

    /// One emphasis marker (`*`, `**`, `_` or `__`) left without a partner.
    struct UnpairedMarker: Hashable {
        var range: Range<Int>
        var isStrong: Bool
    }

    /// Pairs delimiter runs the way CommonMark's "process emphasis" does, without
    /// the rule of three: a closer takes the nearest opener of the same character,
    /// two markers at a time when both runs have two left.
    static func pair(_ delimiterRuns: [DelimiterRun]) -> (emphasis: [EmphasisSpan], unpaired: [UnpairedMarker]) {
        var emphasis: [EmphasisSpan] = []
        var unpaired: [UnpairedMarker] = []
        // An opener's leftover markers sit at its start, a closer's at its end.
        func markUnpaired(_ runIndex: Int, _ count: Int, fromStart: Bool) {
            let run = delimiterRuns[runIndex]
            var offset = fromStart ? run.offset : run.offset + run.length - count
            var left = count
            while left > 0 {
                let size = left >= 2 ? 2 : 1
                unpaired.append(UnpairedMarker(range: offset..<(offset + size), isStrong: size == 2))
                offset += size
                left -= size
            }
        }
        var openers: [(run: Int, remaining: Int)] = []
        for (index, run) in delimiterRuns.enumerated() {
            var remaining = run.length
            if run.canClose {
                while remaining > 0, let k = openers.lastIndex(where: { delimiterRuns[$0.run].character == run.character }) {
                    for dropped in openers[(k + 1)...] { markUnpaired(dropped.run, dropped.remaining, fromStart: true) }
                    openers.removeSubrange((k + 1)...)
                    let opener = delimiterRuns[openers[k].run]
                    let use = remaining >= 2 && openers[k].remaining >= 2 ? 2 : 1
                    let openEnd = opener.offset + openers[k].remaining
                    let closeStart = run.offset + run.length - remaining
                    emphasis.append(
                        EmphasisSpan(open: (openEnd - use)..<openEnd, close: closeStart..<(closeStart + use), isStrong: use == 2))
                    openers[k].remaining -= use
                    remaining -= use
                    if openers[k].remaining == 0 { openers.remove(at: k) }
                }
            }
            if remaining > 0 {
                if run.canOpen {
                    openers.append((index, remaining))
                } else {
                    markUnpaired(index, remaining, fromStart: false)
                }
            }
        }
        for opener in openers { markUnpaired(opener.run, opener.remaining, fromStart: true) }
        emphasis.sort { $0.open.lowerBound < $1.open.lowerBound }
        unpaired.sort { $0.range.lowerBound < $1.range.lowerBound }
        return (emphasis, unpaired)
    }
}
