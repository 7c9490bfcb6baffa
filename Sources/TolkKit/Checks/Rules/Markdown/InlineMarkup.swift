/// The inline Markdown syntax of one side of a unit, read byte by byte so that
/// every piece keeps its UTF-8 offset in that side's text (the offset
/// `TranslationUnit.location(_:utf8Offset:)` turns into line:column).
///
/// The rules of the Markdown group compare this syntax between target and
/// source. Everything that is not syntax stays opaque text (FORMAT.md §2, §5.8):
/// pseudo-tags such as `<email address>` are skipped, never read as HTML.
struct InlineMarkup {
    let bytes: [UInt8]
    private(set) var codeSpans: [CodeSpan] = []
    private(set) var links: [Link] = []
    private(set) var delimiterRuns: [DelimiterRun] = []
    private(set) var emphasis: [EmphasisSpan] = []
    private(set) var unpaired: [UnpairedMarker] = []
    /// Offsets of the `\>` UI-path separators.
    private(set) var separators: [Int] = []
    /// Backtick runs that close no code span.
    private(set) var strayBackticks: [Range<Int>] = []
    /// Unescaped backticks, in code spans and outside them.
    private(set) var backtickCount = 0
    /// Ranges that hold no prose: code spans, link destinations, autolinks,
    /// pseudo-tags, bare URLs and character references.
    private(set) var opaque: [Range<Int>] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        scan()
        (emphasis, unpaired) = Self.pair(delimiterRuns)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
    }

    /// The text of `range` on one line, shortened to `limit` characters, for messages.
    func quote(_ range: Range<Int>, limit: Int = 100) -> String {
        let flat = text(range).split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// Strong emphasis markers (`**`, `__`) and single ones (`*`, `_`) outside code.
    var strongMarkerCount: Int { delimiterRuns.reduce(0) { $0 + $1.length / 2 } }
    var singleMarkerCount: Int { delimiterRuns.reduce(0) { $0 + $1.length % 2 } }

    /// The offset of the first byte that is not whitespace.
    var firstVisibleOffset: Int {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count ? i : 0
    }

    // MARK: - Scanning

    private mutating func scan() {
        let n = bytes.count
        var brackets: [(offset: Int, isImage: Bool)] = []
        var i = 0
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: "\\"):
                if i + 1 < n, bytes[i + 1] == UInt8(ascii: "<"), let end = scanPseudoTag(at: i) {
                    i = end
                } else if i + 1 < n, Self.isASCIIPunctuation(bytes[i + 1]) {
                    if bytes[i + 1] == UInt8(ascii: ">") { separators.append(i) }
                    i += 2
                } else {
                    i += 1
                }
            case UInt8(ascii: "`"):
                i = scanBackticks(at: i)
            case UInt8(ascii: "<"):
                i = scanAngle(at: i)
            case UInt8(ascii: "&"):
                i = scanEntity(at: i)
            case UInt8(ascii: "!") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "["):
                brackets.append((i, true))
                i += 2
            case UInt8(ascii: "["):
                brackets.append((i, false))
                i += 1
            case UInt8(ascii: "]"):
                if let open = brackets.popLast(), i + 1 < n, bytes[i + 1] == UInt8(ascii: "(") {
                    i = scanDestination(open: open.offset, isImage: open.isImage, close: i)
                } else {
                    i += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                i = scanDelimiterRun(at: i)
            case UInt8(ascii: "h"), UInt8(ascii: "w"):
                i = scanBareURL(at: i)
            default:
                i += 1
            }
        }
    }

    private mutating func scanBackticks(at start: Int) -> Int {
        let n = bytes.count
        var end = start
        while end < n, bytes[end] == UInt8(ascii: "`") { end += 1 }
        let length = end - start
        var j = end
        while j < n {
            guard bytes[j] == UInt8(ascii: "`") else {
                j += 1
                continue
            }
            var k = j
            while k < n, bytes[k] == UInt8(ascii: "`") { k += 1 }
            if k - j == length {
                codeSpans.append(CodeSpan(range: start..<k, content: text(end..<j)))
                opaque.append(start..<k)
                backtickCount += 2 * length
                return k
            }
            j = k
        }
        strayBackticks.append(start..<end)
        backtickCount += length
        return end
    }

    /// `<scheme:…>` and `<user@host>` are autolinks; any other `<…>` on one line is a
    /// pseudo-tag or inline HTML, kept opaque.
    private mutating func scanAngle(at start: Int) -> Int {
        let n = bytes.count
        guard start + 1 < n, !Self.isSpace(bytes[start + 1]) else { return start + 1 }
        var j = start + 1
        while j < n, j - start < 200, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<"), bytes[j] != 0x0A,
            bytes[j] != UInt8(ascii: "`")
        {
            j += 1
        }
        guard j < n, bytes[j] == UInt8(ascii: ">") else { return start + 1 }
        let inner = text((start + 1)..<j)
        opaque.append(start..<(j + 1))
        if Self.isAutolinkTarget(inner) {
            links.append(
                Link(
                    range: start..<(j + 1), text: (start + 1)..<j, destination: inner, url: Self.normalizedURL(inner), compact: inner,
                    isClosed: true, isImage: false, isAutolink: true))
        }
        return j + 1
    }

    /// An escaped pseudo-tag such as `\<value from previous command>` or `\<name\>`:
    /// literal text (FORMAT.md §5.8), kept opaque; its closing `\>` is no UI-path separator.
    private mutating func scanPseudoTag(at start: Int) -> Int? {
        let n = bytes.count
        var j = start + 2
        while j < n, j - start < 200, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<"), bytes[j] != 0x0A,
            bytes[j] != UInt8(ascii: "`")
        {
            j += 1
        }
        guard j < n, j > start + 2, bytes[j] == UInt8(ascii: ">"), !Self.isSpace(bytes[start + 2]) else { return nil }
        opaque.append(start..<(j + 1))
        return j + 1
    }

    private mutating func scanEntity(at start: Int) -> Int {
        var j = start + 1
        while j < bytes.count, j - start <= 32, Self.isAlphanumeric(bytes[j]) || bytes[j] == UInt8(ascii: "#") { j += 1 }
        if j < bytes.count, j > start + 1, bytes[j] == UInt8(ascii: ";") {
            opaque.append(start..<(j + 1))
            return j + 1
        }
        return start + 1
    }

    /// Reads `(destination "title")` after `]`. A destination whose parentheses
    /// never close still counts as a link, so a broken one can be compared.
    private mutating func scanDestination(open: Int, isImage: Bool, close: Int) -> Int {
        let n = bytes.count
        var i = close + 2
        while i < n, Self.isSpace(bytes[i]) { i += 1 }
        let urlStart = i
        var depth = 0
        while i < n, !Self.isSpace(bytes[i]) {
            if bytes[i] == UInt8(ascii: "\\") && i + 1 < n {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "(") { depth += 1 }
            if bytes[i] == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            i += 1
        }
        let urlEnd = i
        var end = urlEnd
        var closed = false
        var j = urlEnd
        while j < n, Self.isSpace(bytes[j]) { j += 1 }
        if j < n, bytes[j] == UInt8(ascii: ")") {
            end = j + 1
            closed = true
        } else if j < n, let closer = Self.titleCloser(bytes[j]) {
            var k = j + 1
            while k < n, bytes[k] != closer { k += bytes[k] == UInt8(ascii: "\\") ? 2 : 1 }
            k += 1
            while k < n, Self.isSpace(bytes[k]) { k += 1 }
            if k < n, bytes[k] == UInt8(ascii: ")") {
                end = k + 1
                closed = true
            }
        }
        if !closed {
            // What follows a broken destination up to the next word: MT's ` .` in `( https://…) .`.
            end = j
            while end < n, Self.isASCIIPunctuation(bytes[end]), bytes[end] != UInt8(ascii: "["), bytes[end] != UInt8(ascii: "*") {
                end += 1
            }
            if end == j { end = urlEnd }
        }
        let compact = text((close + 1)..<end).filter { !$0.isWhitespace }
        let destination = text(urlStart..<urlEnd)
        links.append(
            Link(
                range: open..<end, text: (open + (isImage ? 2 : 1))..<close, destination: destination, url: Self.normalizedURL(destination),
                compact: Self.normalizedURL(compact), isClosed: closed, isImage: isImage, isAutolink: false))
        opaque.append((close + 1)..<max(close + 1, closed ? end : urlEnd))
        return closed ? end : urlEnd
    }

    private mutating func scanDelimiterRun(at start: Int) -> Int {
        let n = bytes.count
        let character = bytes[start]
        var end = start
        while end < n, bytes[end] == character { end += 1 }
        let before = Self.scalar(before: start, in: bytes)
        let after = Self.scalar(at: end, in: bytes)
        let beforeSpace = before.map(Self.isWhitespace) ?? true
        let afterSpace = after.map(Self.isWhitespace) ?? true
        let beforePunctuation = before.map(Self.isPunctuation) ?? false
        let afterPunctuation = after.map(Self.isPunctuation) ?? false
        let leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        var canOpen = leftFlanking
        var canClose = rightFlanking
        if character == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || beforePunctuation)
            canClose = rightFlanking && (!leftFlanking || afterPunctuation)
        }
        if canOpen || canClose {
            delimiterRuns.append(
                DelimiterRun(offset: start, character: character, length: end - start, canOpen: canOpen, canClose: canClose))
        }
        return end
    }

    /// `https://…`, `http://…` and `www.…` outside link syntax, up to a space, kept opaque.
    private mutating func scanBareURL(at start: Int) -> Int {
        if start > 0, Self.isAlphanumeric(bytes[start - 1]) || bytes[start - 1] >= 0x80 { return start + 1 }
        let rest = bytes[start..<min(bytes.count, start + 8)]
        let prefixes = ["https://", "http://", "www."].map { Array($0.utf8) }
        guard prefixes.contains(where: { rest.starts(with: $0) }) else { return start + 1 }
        var end = start
        while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: ">") { end += 1 }
        while end > start, Array(".,;:!?*_)'\"".utf8).contains(bytes[end - 1]) { end -= 1 }
        opaque.append(start..<end)
        return end
    }
}
