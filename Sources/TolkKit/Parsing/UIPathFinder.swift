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
        var result: [[String]] = []
        var current: [String] = []
        var expectLabel = false
        func finish() {
            if current.count >= 2 { result.append(current) }
            current = []
            expectLabel = false
        }
        for token in tokens {
            switch token {
            case .space: continue
            case .label(let l):
                if expectLabel || current.isEmpty {
                    current.append(l)
                    expectLabel = false
                } else {
                    finish()
                    current = [l]
                }
            case .separator:
                if current.isEmpty || expectLabel { finish() } else { expectLabel = true }
            case .other:
                finish()
            }
        }
        finish()
        return result
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
