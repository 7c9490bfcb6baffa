/// Finds UI paths — bold labels joined by `>` (written `\>`), such as
/// `**Users** \> **Active users**` — in both languages of a paragraph.
enum UIPathFinder {
    private enum Token: Equatable {
        case label(String)
        case separator
        case space
        case other
    }

    /// The paths of the English side, each paired with the translation's path at
    /// the same position when the translation has as many paths.
    static func paths(_ paragraph: Bilingual<[Inline]>, location: SourceLocation) -> [UIPath] {
        let source = paragraph.source.map(paths(in:)) ?? []
        let target = paragraph.target.map(paths(in:)) ?? []
        if paragraph.source == nil {
            // No English counterpart: keep what the translation shows.
            return target.map { UIPath(source: $0, target: $0, location: location) }
        }
        let aligned = target.count == source.count
        return source.enumerated().map { i, labels in
            UIPath(source: labels, target: aligned ? target[i] : nil, location: location)
        }
    }

    /// Label sequences of two or more joined by `>` separators.
    static func paths(in inlines: [Inline]) -> [[String]] {
        // Most paragraphs have no `>` at all outside bold text: no path then.
        guard hasSeparator(inlines) else { return [] }
        var tokens: [Token] = []
        tokenize(inlines, into: &tokens)
        return assemble(tokens.map { ($0, 0..<0) }).map { path in
            path.compactMap { if case .label(let l) = $0.token { l } else { nil } }
        }
    }

    /// The paths in a token stream: labels joined by separators, spaces aside; each
    /// path keeps its tokens (labels and separators) with their ranges.
    private static func assemble(_ tokens: [(token: Token, range: Range<Int>)]) -> [[(token: Token, range: Range<Int>)]] {
        var result: [[(token: Token, range: Range<Int>)]] = []
        var current: [(token: Token, range: Range<Int>)] = []
        var expectLabel = false
        func finish() {
            if expectLabel { current.removeLast() }
            if current.count >= 3 { result.append(current) }
            current = []
            expectLabel = false
        }
        for item in tokens {
            switch item.token {
            case .space: continue
            case .label:
                if expectLabel || current.isEmpty {
                    current.append(item)
                    expectLabel = false
                } else {
                    finish()
                    current = [item]
                }
            case .separator:
                if current.isEmpty || expectLabel {
                    finish()
                } else {
                    current.append(item)
                    expectLabel = true
                }
            case .other:
                finish()
            }
        }
        finish()
        return result
    }

    /// The UI paths written in one side of a unit, from the analysis the check rules
    /// read: bold runs and links are labels, `\>` in running text the separators.
    /// Each path is the byte range from its first label to its last, and the offsets
    /// of the separators it holds.
    static func paths(in syntax: UnitSyntax) -> [(range: Range<Int>, separators: [Int])] {
        guard !syntax.separators.isEmpty else { return [] }
        var labels = (syntax.emphasis.filter(\.isStrong).map(\.range) + syntax.links.filter { !$0.isImage }.map(\.range)).map {
            wrapped($0, in: syntax.bytes)
        }
        labels.sort { $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound > $1.upperBound) }
        var tokens: [(token: Token, range: Range<Int>)] = []
        var i = 0
        var labelIndex = 0
        var separatorIndex = 0
        let bytes = syntax.bytes
        while i < bytes.count {
            while labelIndex < labels.count, labels[labelIndex].lowerBound < i { labelIndex += 1 }
            if labelIndex < labels.count, labels[labelIndex].lowerBound == i {
                tokens.append((.label(syntax.text(labels[labelIndex])), labels[labelIndex]))
                i = labels[labelIndex].upperBound
                continue
            }
            while separatorIndex < syntax.separators.count, syntax.separators[separatorIndex] < i { separatorIndex += 1 }
            if separatorIndex < syntax.separators.count, syntax.separators[separatorIndex] == i {
                tokens.append((.separator, i..<(i + 2)))
                i += 2
                continue
            }
            let next = syntax.skippingSpaces(forwardFrom: i)
            if next > i {
                tokens.append((.space, i..<next))
                i = next
                continue
            }
            if tokens.last?.token != .other { tokens.append((.other, i..<(i + 1))) }
            i += 1
        }
        return assemble(tokens).map { path in
            (
                path[0].range.lowerBound..<path[path.count - 1].range.upperBound,
                path.filter { $0.token == .separator }.map(\.range.lowerBound)
            )
        }
    }

    /// Pairs of marks that wrap a label in CJK house styles (`“**账单**”`, `[**設定**]`, `「…」`).
    private static let wrappers: [([UInt8], [UInt8])] = [
        ("“", "”"), ("\"", "\""), ("「", "」"), ("『", "』"), ("[", "]"), ("【", "】"), ("［", "］"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// A label with the quotes or brackets written around it (one pair at most, spaces between allowed).
    static func wrapped(_ label: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var before = label.lowerBound
        while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
        var after = label.upperBound
        while after < bytes.count, bytes[after] == 0x20 { after += 1 }
        for (open, close) in wrappers
        where before >= open.count && after + close.count <= bytes.count
            && bytes[(before - open.count)..<before].elementsEqual(open)
            && bytes[after..<(after + close.count)].elementsEqual(close)
        {
            return (before - open.count)..<(after + close.count)
        }
        return label
    }

    private static func hasSeparator(_ inlines: [Inline]) -> Bool {
        for inline in inlines {
            switch inline {
            case .text(let t): if t.utf8.contains(0x3E) { return true }
            case .unit(let u): if hasSeparator(u.children) { return true }
            case .emphasis(let c): if hasSeparator(c) { return true }
            default: continue
            }
        }
        return false
    }

    private static func tokenize(_ inlines: [Inline], into tokens: inout [Token]) {
        for inline in inlines {
            switch inline {
            case .strong(let children):
                let label = children.plainText.trimmingSpaces
                tokens.append(label.isEmpty ? .other : .label(cleanLabel(label)))
            case .unit(let u): tokenize(u.children, into: &tokens)
            case .emphasis(let c): tokenize(c, into: &tokens)
            case .text(let t): tokenizeText(t, into: &tokens)
            case .softBreak: tokens.append(.space)
            default: tokens.append(.other)
            }
        }
    }

    /// Text between labels: only `>` separators and spaces keep a path going.
    private static func tokenizeText(_ text: String, into tokens: inout [Token]) {
        let bytes = text.utf8
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A || b == 0xC2 || b == 0xA0 }
        guard bytes.contains(0x3E) else {
            tokens.append(bytes.allSatisfy(isSpace) ? .space : .other)
            return
        }
        // Only `>` and spaces keep a path going; text around a `>` ends it, but
        // a `>` at the very start or end still counts ("**A** > text").
        guard bytes.contains(where: { $0 != 0x3E && !isSpace($0) }) else {
            tokens.append(.separator)
            return
        }
        if bytes.prefix(while: { $0 == 0x3E || isSpace($0) }).contains(0x3E) { tokens.append(.separator) }
        tokens.append(.other)
        if bytes.reversed().prefix(while: { $0 == 0x3E || isSpace($0) }).contains(0x3E) { tokens.append(.separator) }
    }

    /// Labels lose the sentence punctuation MT and authors leave inside the bold.
    private static func cleanLabel(_ label: String) -> String {
        var s = Substring(label)
        while let last = s.last, last == "." || last == "," || last == ";" { s.removeLast() }
        return String(s).trimmingSpaces
    }
}
