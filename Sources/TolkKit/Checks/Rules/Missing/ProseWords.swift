/// The words of one side of a unit that a reader reads as prose, in runs. A run
/// ends wherever something that is the same in every language stands between
/// two words: code, a URL or link destination, a pseudo-tag, a product name or
/// a `doNotTranslate` term, or an identifier such as `Get-Mailbox`, `-Identity`,
/// `$true`, `REG_DWORD` or `iCloud`. Numbers, emphasis and link brackets do not
/// end a run (and numbers are not words).
struct ProseWords {
    struct Word: Hashable {
        /// UTF-8 offsets in the side's text.
        var range: Range<Int>
        /// A hash of the word in lower case, for comparing.
        var key: UInt64
        var startsLowercase: Bool

        /// The word in lower case, as written at `range` of `syntax`.
        func folded(in syntax: UnitSyntax) -> String { syntax.text(range).lowercased() }
    }

    private(set) var runs: [[Word]] = []

    /// Lower-case words that also appear inside capitalised names ("Skype for Business",
    /// "Security and Compliance Center"), so they do not make a name read as prose.
    static let nameConnectors: Set<String> = [
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "per", "the", "to", "via", "vs", "with",
    ]

    /// Lower-case words other than connectors: what tells prose from a title-case name.
    static func ordinaryWords<C: Collection>(_ words: C) -> Int where C.Element == Word {
        words.filter { $0.startsLowercase && !connectorKeys.contains($0.key) }.count
    }

    private static let connectorKeys = Set(nameConnectors.map { key(Array($0.unicodeScalars)[...]) })

    /// FNV-1a over the lower-cased scalars of a word.
    static func key(_ core: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in core {
            var v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { v |= 0x20 }
            } else if (0xC0...0xDE).contains(v) && v != 0xD7 {
                v += 0x20
            } else if scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
                v = lower.value
            }
            for shift in stride(from: 0, to: 32, by: 8) { hash = (hash ^ UInt64((v >> UInt32(shift)) & 0xFF)) &* 0x100_0000_01b3 }
        }
        return hash
    }

    var words: [Word] { runs.flatMap { $0 } }

    /// - Parameter ignoringQuotations: also leave out text in double quotes, which is
    ///   often English on purpose: an error message or the title of an English article.
    init(_ syntax: UnitSyntax, terms: [String], ignoringQuotations: Bool = false) {
        // Placeholders (`\<value from previous command>`, `{0}`) stand for something else: no words.
        let placeholders = Placeholder.all(in: syntax.prose).map {
            syntax.prose.offsets[$0.range.lowerBound]..<syntax.prose.offsets[$0.range.upperBound]
        }
        var blocked = syntax.opaqueRanges + placeholders + ProductNames.ranges(in: syntax.bytes, terms: terms)
        if ignoringQuotations { blocked += Self.quotations(syntax.bytes) }
        blocked.sort { $0.lowerBound < $1.lowerBound }
        var current: [Word] = []
        func endRun() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        var token: [Unicode.Scalar] = []
        var tokenStart = 0
        var offset = 0
        var blockIndex = 0
        func flush() {
            defer { token.removeAll(keepingCapacity: true) }
            guard !token.isEmpty else { return }
            if let word = Self.word(token, start: tokenStart) {
                current.append(word)
            } else if !Self.isNumber(token) {
                endRun()
            }
        }
        for scalar in syntax.prose.scalars {
            let width = scalar.utf8.count
            while blockIndex < blocked.count, blocked[blockIndex].upperBound <= offset { blockIndex += 1 }
            if blockIndex < blocked.count, blocked[blockIndex].contains(offset) {
                flush()
                endRun()
            } else if Self.isBreak(scalar) {
                flush()
            } else {
                if token.isEmpty { tokenStart = offset }
                token.append(scalar)
            }
            offset += width
        }
        flush()
        endRun()
    }

    /// Text between straight (`"…"`) or curly (`“…”`) double quotes on one line, quotes included.
    private static func quotations(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var open: Int?
        var i = 0
        while i < bytes.count {
            let isCurlyOpen = i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9C
            let isCurlyClose = i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9D
            if bytes[i] == 0x0A {
                open = nil
            } else if bytes[i] == UInt8(ascii: "\"") || isCurlyOpen || isCurlyClose {
                let width = bytes[i] == UInt8(ascii: "\"") ? 1 : 3
                if let start = open, !isCurlyOpen {
                    ranges.append(start..<(i + width))
                    open = nil
                } else if !isCurlyClose {
                    open = i
                }
                i += width
                continue
            }
            i += 1
        }
        return ranges
    }

    /// Characters that end a token but not a run: Markdown syntax and sentence punctuation around words.
    private static let separators = Set("*[](){}<>|`\",;!?“”„«»·•…–—".unicodeScalars)

    /// Whitespace, separators and direction marks end a token. ASCII is answered
    /// from a table: this runs for every character of every unit.
    @inline(__always) private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return asciiBreaks[Int(scalar.value)] }
        return scalar.properties.isWhitespace || separators.contains(scalar) || scalar.value == 0x200E || scalar.value == 0x200F
    }

    private static let asciiBreaks: [Bool] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return scalar.properties.isWhitespace || separators.contains(scalar)
    }

    @inline(__always) private static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.numericType != nil
    }

    @inline(__always) private static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value) : s.properties.isAlphabetic
    }

    @inline(__always) private static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x41...0x5A).contains(s.value) : s.properties.isUppercase
    }

    @inline(__always) private static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x61...0x7A).contains(s.value) : s.properties.isLowercase
    }

    /// Trimmed from both ends of a token before it is judged: `. : ' ’ ‘ _ -` (a switch, not a
    /// set: this runs for every word of every unit compared).
    @inline(__always) private static func isEdge(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x3A, 0x27, 0x2019, 0x2018, 0x5F, 0x2D: true
        default: false
        }
    }

    /// Numbers read the same in both languages, so they neither count nor end a run.
    private static func isNumber(_ token: [Unicode.Scalar]) -> Bool {
        token.contains(where: isNumeric)
            && token.allSatisfy {
                switch $0.value {
                case 0x2E, 0x2C, 0x3A, 0x2F, 0x2D: true  // . , : / -
                default: isNumeric($0)
                }
            }
    }

    /// A token as a prose word, or nil when it is a number, an identifier or symbols.
    private static func word(_ token: [Unicode.Scalar], start: Int) -> Word? {
        guard let first = token.first else { return nil }
        switch first.value {
        case 0x2D, 0x24, 0x25, 0x5C, 0x2F, 0x40, 0x23:  // - $ % \ / @ #
            if token.count > 1 && !isEdge(token[1]) { return nil }
        default: break
        }
        var lower = 0
        var upper = token.count
        while lower < upper, isEdge(token[lower]) { lower += 1 }
        while upper > lower, isEdge(token[upper - 1]) { upper -= 1 }
        let core = token[lower..<upper]
        let isWordScalar = { (s: Unicode.Scalar) in
            switch s.value {
            case 0x2D, 0x27, 0x2019: true  // - ' ’
            default: isAlphabetic(s)
            }
        }
        guard !core.isEmpty, core.allSatisfy(isWordScalar) else { return nil }
        // Capitals after the first letter mark an identifier or acronym (iCloud, DNS, Get-Mailbox, Multi-Geo).
        if core.dropFirst().contains(where: isUppercase) { return nil }
        let startOffset = start + token[..<lower].reduce(0) { $0 + $1.utf8.count }
        let length = core.reduce(0) { $0 + $1.utf8.count }
        return Word(range: startOffset..<(startOffset + length), key: key(core), startsLowercase: core.first.map(isLowercase) ?? false)
    }
}
