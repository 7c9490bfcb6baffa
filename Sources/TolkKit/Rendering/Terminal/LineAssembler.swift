/// Fills lines greedily with the pieces of one wrapped text and builds the output lines.
struct LineAssembler {
    /// A stretch of one run's text that is on the current line.
    private struct Span {
        var run: Int
        var start: Int
        var end: Int
    }

    private let runs: [StyledRun]
    private let firstPrefix: StyledText
    private let restPrefix: StyledText
    private let firstWidth: Int
    private let restWidth: Int

    private(set) var lines: [StyledText] = []
    private var spans: [Span] = []
    private var width = 0
    private var hasText = false
    /// Spaces at the start of the text or after a hard break are indentation and kept.
    private var keepsLeadingSpaces = true
    private var pendingSpaces: [Span] = []
    private var pendingWidth = 0

    /// Prepares to lay out `runs` on lines `width` columns wide, after the prefixes.
    init(runs: [StyledRun], width: Int, firstPrefix: StyledText, restPrefix: StyledText) {
        self.runs = runs
        self.firstPrefix = firstPrefix
        self.restPrefix = restPrefix
        firstWidth = max(width - firstPrefix.displayWidth, 1)
        restWidth = max(width - restPrefix.displayWidth, 1)
    }

    /// Columns available for content on the current line.
    private var available: Int { lines.isEmpty ? firstWidth : restWidth }

    private var countsPendingSpaces: Bool { hasText || keepsLeadingSpaces }

    private func fits(_ extra: Int) -> Bool {
        width + (countsPendingSpaces ? pendingWidth : 0) + extra <= available
    }

    /// Remembers spaces; they reach the line only if text follows on the same line.
    mutating func addSpaces(_ piece: LinePiece) {
        pendingSpaces.append(Span(run: piece.run, start: piece.start, end: piece.end))
        pendingWidth += piece.width
    }

    /// Ends the current line where the text has a "\n".
    mutating func addHardBreak() {
        endLine()
        keepsLeadingSpaces = true
    }

    /// Places a segment: pieces with no ordinary break opportunity between them.
    mutating func addSegment(_ segment: ArraySlice<LinePiece>, width segmentWidth: Int) {
        if fits(segmentWidth) {
            place(segment)
        } else if !hasText {
            dropPendingSpaces()
            if segmentWidth <= available { place(segment) } else { fill(segment) }
        } else if segmentWidth <= restWidth {
            endLine()
            place(segment)
        } else {
            endLine()
            fill(segment)
        }
    }

    /// Ends the last line and returns all lines.
    mutating func finish() -> [StyledText] {
        endLine()
        return lines
    }

    /// Places a segment that is wider than a line (a word that runs on through several
    /// runs): piece by piece, cutting a piece that is itself too wide at grapheme
    /// cluster boundaries.
    private mutating func fill(_ segment: ArraySlice<LinePiece>) {
        for index in segment.indices {
            let piece = segment[index]
            if fits(piece.width) {
                place(segment[index...index])
            } else if hasText && piece.width <= restWidth {
                endLine()
                place(segment[index...index])
            } else {
                placeClusters(of: piece)
            }
        }
    }

    /// Places a piece cluster by cluster, ending lines wherever the next cluster would
    /// overflow (never before a zero-width cluster, which belongs to the one before it).
    private mutating func placeClusters(of piece: LinePiece) {
        let text = runs[piece.run].text
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: piece.start)
        let upper = utf8.index(utf8.startIndex, offsetBy: piece.end)
        var offset = piece.start
        for cluster in text[lower..<upper] {
            let clusterWidth = DisplayWidth.of(cluster)
            let end = offset + cluster.utf8.count
            if hasText && clusterWidth > 0 && !fits(clusterWidth) {
                endLine()
            }
            commitPendingSpaces()
            append(Span(run: piece.run, start: offset, end: end), width: clusterWidth)
            offset = end
        }
    }

    private mutating func place(_ pieces: ArraySlice<LinePiece>) {
        commitPendingSpaces()
        for piece in pieces {
            append(Span(run: piece.run, start: piece.start, end: piece.end), width: piece.width)
        }
    }

    private mutating func append(_ span: Span, width spanWidth: Int) {
        appendSpan(span)
        width += spanWidth
        hasText = true
    }

    /// Adds a span, extending the last one when it continues the same run's text.
    private mutating func appendSpan(_ span: Span) {
        if let last = spans.indices.last, spans[last].run == span.run,
            spans[last].end == span.start
        {
            spans[last].end = span.end
        } else {
            spans.append(span)
        }
    }

    private mutating func commitPendingSpaces() {
        if countsPendingSpaces {
            for span in pendingSpaces {
                appendSpan(span)
            }
            width += pendingWidth
        }
        dropPendingSpaces()
    }

    private mutating func dropPendingSpaces() {
        pendingSpaces.removeAll(keepingCapacity: true)
        pendingWidth = 0
    }

    private mutating func endLine() {
        var line = lines.isEmpty ? firstPrefix : restPrefix
        if spans.isEmpty {
            line = line.trimmingTrailingSpaces()
        } else {
            for span in spans {
                let run = runs[span.run]
                let utf8 = run.text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: span.start)
                let upper = utf8.index(utf8.startIndex, offsetBy: span.end)
                line.append(
                    StyledRun(String(run.text[lower..<upper]), style: run.style, link: run.link))
            }
            line = line.trimmingTrailingSpaces()
        }
        lines.append(line)
        spans.removeAll(keepingCapacity: true)
        dropPendingSpaces()
        width = 0
        hasText = false
        keepsLeadingSpaces = false
    }
}

extension StyledText {
    /// The text without U+0020 spaces at its end.
    func trimmingTrailingSpaces() -> StyledText {
        guard runs.last?.text.utf8.last == 0x20 else { return self }
        var trimmed = runs
        while let last = trimmed.indices.last, trimmed[last].text.utf8.last == 0x20 {
            var text = trimmed[last].text
            while text.utf8.last == 0x20 { text.removeLast() }
            if !text.isEmpty {
                trimmed[last].text = text
                break
            }
            trimmed.removeLast()
        }
        return StyledText(trimmed)
    }
}
