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
    static func paths(_ paragraph: Bilingual<[Inline]>, side: Side, location: SourceLocation) -> [UIPath] {
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
        var sawOther = false
        var pieces: [Token] = []
        for ch in text {
            if ch == ">" {
                pieces.append(.separator)
            } else if !ch.isWhitespace {
                sawOther = true
                break
            }
        }
        if sawOther {
            // Text before the first word may still end a path ("**A** > text").
            let leading = text.prefix { $0 == ">" || $0.isWhitespace }
            if leading.contains(">") { tokens.append(.separator) }
            tokens.append(.other)
            let trailing = String(text.reversed()).prefix { $0 == ">" || $0.isWhitespace }
            if trailing.contains(">") { tokens.append(.separator) }
            return
        }
        tokens.append(contentsOf: pieces.isEmpty ? [.space] : pieces.prefix(1))
    }

    /// Labels lose the sentence punctuation MT and authors leave inside the bold.
    private static func cleanLabel(_ label: String) -> String {
        var s = Substring(label)
        while let last = s.last, last == "." || last == "," || last == ";" { s.removeLast() }
        return String(s).trimmingSpaces
    }
}
