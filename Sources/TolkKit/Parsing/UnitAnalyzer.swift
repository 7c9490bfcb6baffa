import Foundation

/// Cuts what `InlineSyntaxRecorder` saw of one side of an article into one
/// `UnitSyntax` per unit. A unit the article's parse did not reach inline (in
/// the front matter, an HTML block or a code block) is parsed on its own.
struct UnitAnalyzer {
    let file: [UInt8]
    /// Each unit's text on this side, in file order.
    let ranges: [Range<Int>]

    init(file: [UInt8], units: [TranslationUnit], side: Side) {
        self.file = file
        ranges = units.map { side == .target ? $0.targetRange.byteRange : $0.sourceRange.byteRange }
    }

    init(file: [UInt8], ranges: [Range<Int>]) {
        self.file = file
        self.ranges = ranges
    }

    func analyses(_ recorder: InlineSyntaxRecorder) -> [UnitSyntax] {
        var builders = ranges.map { UnitSyntax.Fields(bytes: Array(file[$0])) }
        let starts = ranges.map(\.lowerBound)
        /// The unit whose side holds `offset`, if any.
        func owner(_ offset: Int) -> Int? {
            var lo = 0
            var hi = starts.count - 1
            guard hi >= 0, offset >= starts[0] else { return nil }
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return ranges[lo].contains(offset) ? lo : nil
        }
        for event in recorder.events {
            switch event {
            case .code(let r, let literal):
                guard let u = owner(r.lowerBound), !recorder.blurred[u] else { continue }
                builders[u].addCode(content: local(r, u), literal: literal)
            case .html(let r, let html):
                guard let u = owner(r.lowerBound), owner(r.upperBound - 1) == u, !recorder.blurred[u] else { continue }
                builders[u].addTag(local(r, u), html)
            case .emphasis(let r, let isStrong):
                let length = isStrong ? 2 : 1
                let open = r.lowerBound..<(r.lowerBound + length)
                let close = (r.upperBound - length)..<r.upperBound
                let (a, b) = (owner(open.lowerBound), owner(close.lowerBound))
                if let a, a == b, !recorder.blurred[a] {
                    builders[a].emphasis.append(UnitSyntax.Emphasis(open: local(open, a), close: local(close, a), isStrong: isStrong))
                    builders[a].mark(local(open, a), .markup)
                    builders[a].mark(local(close, a), .markup)
                    continue
                }
                // One marker in this unit, its partner elsewhere: for this unit it pairs with nothing.
                for (marker, u) in [(open, a), (close, b)] {
                    guard let u, !recorder.blurred[u] else { continue }
                    let m = local(marker, u)
                    builders[u].markers.append(UnitSyntax.Marker(range: m))
                    builders[u].mark(m, .markup)
                }
            case .link(let r, let destination, let isImage, let isAutolink, let childrenEnd):
                if let u = owner(r.lowerBound), owner(r.upperBound - 1) == u, !recorder.blurred[u],
                    builders[u].addLink(
                        local(r, u), destination: destination, isImage: isImage, childrenEnd: childrenEnd.map { $0 - starts[u] })
                {
                    continue
                }
                // A link that opens in this unit and runs past its end (`[text](url` with the `)` after
                // the unit): the unit's part of it is still a link to the reader.
                if !isAutolink, let u = owner(r.lowerBound), owner(r.upperBound - 1) != u, !recorder.blurred[u] {
                    let end = ranges[u].upperBound
                    _ = builders[u].addLink(
                        local(r.lowerBound..<end, u), destination: MarkdownReader.stripMarkers(destination), isImage: isImage,
                        childrenEnd: childrenEnd.map { min($0, end) - starts[u] })
                    continue
                }
                // GFM's extension autolinks carry no reliable end: find the address as written, from
                // where cmark puts the link.
                guard isAutolink, let u = owner(r.lowerBound), !recorder.blurred[u] else { continue }
                builders[u].addExtensionAutolink(destination: destination, from: r.lowerBound - starts[u])
            case .strikethrough(let r):
                for marker in [r.lowerBound..<(r.lowerBound + 2), (r.upperBound - 2)..<r.upperBound] {
                    if let u = owner(marker.lowerBound), owner(marker.upperBound - 1) == u { builders[u].mark(local(marker, u), .markup) }
                }
            }
        }
        var analyses: [UnitSyntax] = []
        analyses.reserveCapacity(builders.count)
        for index in builders.indices {
            if !recorder.seen[index] || recorder.blurred[index] {
                analyses.append(Self.alone(builders[index].bytes))
            } else {
                // Moved out of the array, not copied: a copy retains each of its eleven arrays.
                var fields = UnitSyntax.Fields(bytes: [])
                swap(&fields, &builders[index])
                fields.finish()
                analyses.append(UnitSyntax(consume fields))
            }
        }
        return analyses
    }

    private func local(_ r: Range<Int>, _ unit: Int) -> Range<Int> {
        let base = ranges[unit].lowerBound
        return (r.lowerBound - base)..<(r.upperBound - base)
    }

    /// The syntax of a unit side parsed on its own, for units outside every inline parse.
    static func alone(_ bytes: [UInt8]) -> UnitSyntax {
        var recorder = InlineSyntaxRecorder(unitCount: 1, projected: bytes)
        if let doc = CmarkDocument(bytes) {
            recorder.recordBlocks(CmarkNode(pointer: doc.root))
        }
        recorder.markSeen(0)
        return UnitAnalyzer(file: bytes, ranges: [0..<bytes.count]).analyses(recorder)[0]
    }
}

extension UnitSyntax.Fields {
    mutating func mark(_ r: Range<Int>, _ region: Region) {
        let lo = max(0, r.lowerBound)
        let hi = min(bytes.count, r.upperBound)
        guard lo < hi else { return }
        regions.withUnsafeMutableBufferPointer { buffer in
            for k in lo..<hi { buffer[k] = region }
        }
    }

    /// cmark reports a code span's content; the backtick runs (and the one space
    /// it strips on each side) are around it.
    mutating func addCode(content r: Range<Int>, literal: String) {
        guard r.lowerBound >= 0, r.upperBound <= bytes.count else { return }
        var lo = r.lowerBound
        var hi = r.upperBound
        if lo > 1, bytes[lo - 1] == 0x20, bytes[lo - 2] == 0x60 { lo -= 1 }
        while lo > 0, bytes[lo - 1] == 0x60 { lo -= 1 }
        if hi + 1 < bytes.count, bytes[hi] == 0x20, bytes[hi + 1] == 0x60 { hi += 1 }
        while hi < bytes.count, bytes[hi] == 0x60 { hi += 1 }
        guard lo < r.lowerBound || bytes.isEmpty || r.isEmpty || bytes[lo] == 0x60 else { return }
        codeSpans.append(CodeSpan(range: lo..<hi, content: literal))
        mark(lo..<hi, .code)
    }

    mutating func addTag(_ r: Range<Int>, _ html: InlineHTML) {
        guard r.lowerBound >= 0, r.upperBound <= bytes.count else { return }
        switch html.kind {
        case .element(let name, _, let isClosing):
            tags.append(Tag(range: r, name: name, isClosing: isClosing, isPseudo: false))
            mark(r, .html)
        case .literal:
            tags.append(Tag(range: r, name: "", isClosing: false, isPseudo: true))
            mark(r, .pseudoTag)
        case .comment:
            mark(r, .html)
        }
    }

    /// A link or image whose position cmark reported; false when the bytes do not look like one.
    mutating func addLink(_ r: Range<Int>, destination: String, isImage: Bool, childrenEnd: Int?) -> Bool {
        guard r.lowerBound >= 0, r.upperBound <= bytes.count, r.count >= 2 else { return false }
        let first = bytes[r.lowerBound]
        if first == 0x3C, bytes[r.upperBound - 1] == 0x3E {
            let inner = (r.lowerBound + 1)..<(r.upperBound - 1)
            let isMail = destination.hasPrefix("mailto:") && !text(inner).hasPrefix("mailto:")
            links.append(Link(range: r, text: inner, destination: destination, isImage: false, isAutolink: true))
            mark(r, isMail ? .email : .url)
            if isMail {
                emails.append(Token(range: inner, text: text(inner)))
            } else {
                urls.append(Token(range: inner, text: text(inner)))
            }
            return true
        }
        let textStart = r.lowerBound + (isImage ? 2 : 1)
        guard first == (isImage ? 0x21 : 0x5B), textStart <= r.upperBound else { return false }
        var close = min(max(textStart, childrenEnd ?? textStart), r.upperBound)
        while close < r.upperBound, bytes[close] != 0x5D { close += 1 }
        if close >= r.upperBound {
            // Positions of the link text were off: the text ends at the last `](` of the link.
            close = r.upperBound - 1
            while close > textStart, !(bytes[close] == 0x5D && close + 1 < r.upperBound && bytes[close + 1] == 0x28) { close -= 1 }
            guard close >= textStart, bytes[close] == 0x5D else { return false }
        }
        links.append(Link(range: r, text: textStart..<close, destination: destination, isImage: isImage, isAutolink: false))
        mark(r.lowerBound..<textStart, .markup)
        mark(close..<(close + 1), .markup)
        mark((close + 1)..<r.upperBound, .destination)
        return true
    }

    /// A bare URL or address GFM's autolink extension recognised, found as written at or after `from`.
    mutating func addExtensionAutolink(destination: String, from: Int) {
        let isMail = destination.hasPrefix("mailto:")
        var written = destination
        if isMail { written.removeFirst(7) }
        var needle = Array(written.utf8)
        var at = UnitScanner.find(needle, in: bytes, from: max(0, from))
        if at == nil, written.hasPrefix("http://") {
            needle = Array(written.dropFirst(7).utf8)
            at = UnitScanner.find(needle, in: bytes, from: max(0, from))
        }
        guard let start = at else { return }
        var r = start..<(start + ProseTokens.trimmingTrailingPunctuation(bytes[start..<(start + needle.count)]))
        if isMail {
            // A compound ending (`user@contoso.com-adressen`) is not part of the address: top-level domains have no hyphen.
            if let dot = bytes[r].lastIndex(of: 0x2E), let hyphen = bytes[dot..<r.upperBound].firstIndex(of: 0x2D), hyphen - dot > 2 {
                r = r.lowerBound..<hyphen
            }
            emails.append(Token(range: r, text: text(r)))
        } else {
            urls.append(Token(range: r, text: text(r)))
        }
        links.append(Link(range: r, text: r, destination: destination, isImage: false, isAutolink: true))
        mark(r, isMail ? .email : .url)
    }

    /// Where `http`, `https` (before a colon) or `www` (before a period) starts, if it ends at `end`.
    private static func urlStart(_ bytes: [UInt8], before end: Int, colon: Bool) -> Int? {
        func spells(_ word: StaticString, at start: Int) -> Bool {
            guard start >= 0 else { return false }
            return word.withUTF8Buffer { w in (0..<w.count).allSatisfy { bytes[start + $0] | 0x20 == w[$0] } }
        }
        if !colon { return spells("www", at: end - 3) ? end - 3 : nil }
        if spells("http", at: end - 4) { return end - 4 }
        return spells("https", at: end - 5) ? end - 5 : nil
    }

    /// What the running text itself holds: the markers cmark left, stray backticks, `\>`,
    /// and URLs and addresses cmark did not link (`https://\<tenant\>.sharepoint.com`).
    mutating func finish() {
        emphasis.sort { $0.open.lowerBound < $1.open.lowerBound }
        codeSpans.sort { $0.range.lowerBound < $1.range.lowerBound }
        links.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Local copies: the loop reads every byte.
        let bytes = self.bytes
        var regions = self.regions
        self.regions = []
        var separators: [Int] = []
        var markers = self.markers
        var strayBackticks: [Range<Int>] = []
        var urls = self.urls
        var emails = self.emails
        var i = 0
        let n = bytes.count
        func mark(_ r: Range<Int>, _ region: Region) {
            for k in r where k < n { regions[k] = region }
        }
        // The bytes that start or end something here (`* . :`; `@ \\ _` and the backtick) as
        // bits of 0x00-0x3F and of 0x40-0x7F. A URL is found at its `:` or `.` (`http:`,
        // `https:`, `www.`), far rarer bytes than the h or w it starts with.
        let low: UInt64 = 0x0400_4400_0000_0000
        let high: UInt64 = 0x1_9000_0001
        /// Where the last token found ends: a URL starting before it was part of it.
        var consumed = 0
        bytes.withUnsafeBufferPointer { raw in
            while i < n {
                // Eight bytes without any of them are skipped at once.
                if i + 8 <= n, let base = raw.baseAddress.map(UnsafeRawPointer.init) {
                    let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let found =
                        ByteWords.matches(x, 0x2A) | ByteWords.matches(x, 0x2E) | ByteWords.matches(x, 0x3A) | ByteWords.matches(x, 0x40)
                        | ByteWords.matches(x, 0x5C) | ByteWords.matches(x, 0x5F) | ByteWords.matches(x, 0x60)
                    if found == 0 {
                        i += 8
                        continue
                    }
                    i += found.trailingZeroBitCount >> 3
                }
                let b = bytes[i]
                // Most bytes are none of them.
                let starts = b < 0x40 ? (low >> b) & 1 != 0 : b < 0x80 && (high >> (b - 0x40)) & 1 != 0
                guard starts, regions[i] == .prose else {
                    i += 1
                    continue
                }
                switch b {
                case 0x5C:  // backslash: the next byte is literal
                    if i + 1 < n, bytes[i + 1] == 0x3E, regions[i + 1] == .prose { separators.append(i) }
                    i += 2
                    consumed = i
                case 0x2A, 0x5F:
                    var j = i
                    while j < n, bytes[j] == b, regions[j] == .prose { j += 1 }
                    if ProseTokens.canOpenOrClose(bytes, i..<j) { markers.append(Marker(range: i..<j)) }
                    i = j
                    consumed = i
                case 0x60:
                    var j = i
                    while j < n, bytes[j] == 0x60, regions[j] == .prose { j += 1 }
                    strayBackticks.append(i..<j)
                    i = j
                    consumed = i
                case 0x40:
                    if let r = ProseTokens.emailRange(bytes, regions, at: i) {
                        emails.append(Token(range: r, text: text(r)))
                        mark(r, .email)
                        i = r.upperBound
                        consumed = i
                    } else {
                        i += 1
                    }
                default:  // `:` or `.`: the end of a scheme or of `www` that starts a URL cmark left as text
                    let start = Self.urlStart(bytes, before: i, colon: b == 0x3A)
                    if let start, start >= consumed, regions[start] == .prose, let end = ProseTokens.bareURLEnd(bytes, regions, at: start) {
                        urls.append(Token(range: start..<end, text: text(start..<end)))
                        mark(start..<end, .url)
                        i = end
                        consumed = i
                    } else {
                        i += 1
                    }
                }
            }
        }
        markers.sort { $0.range.lowerBound < $1.range.lowerBound }
        urls.sort { $0.range.lowerBound < $1.range.lowerBound }
        emails.sort { $0.range.lowerBound < $1.range.lowerBound }
        self.regions = regions
        self.separators = separators
        self.markers = markers
        self.strayBackticks = strayBackticks
        self.urls = urls
        self.emails = emails
    }
}
