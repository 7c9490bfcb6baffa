/// One translation unit: a sentence (or, for `p` IDs, a paragraph) carried twice,
/// as the translation (`data-ttu-id` span) and the English original (`sxs-lookup`).
public struct TranslationUnit: Hashable, Sendable {
    /// Where in the article a unit sits.
    public enum Area: String, Sendable, Hashable {
        case frontMatter = "front-matter"
        case body
    }

    /// The unit's position in `Article.units` (document order).
    public var index: Int
    /// The ID as written, such as `4d25d-103` or `b748c-p101`.
    public var id: String
    /// The ID of the `data-stu-id` span; in every article measured it equals `id`.
    public var sourceID: String
    /// The five-hex build nonce before the dash, when the ID has the usual shape.
    public var prefix: String?
    /// The counter after the dash (without `p`), when the ID has the usual shape.
    public var number: Int?
    /// True for paragraph-level `p` IDs that replace several sentence units.
    public var isParagraph: Bool
    public var target: String
    public var source: String
    public var area: Area
    /// The whole unit, from `<span data-ttu-id=` to the closing `</span></span>`.
    public var range: SourceRange
    /// The target text between its span tags.
    public var targetRange: SourceRange
    /// The source text between its span tags.
    public var sourceRange: SourceRange

    public var location: SourceLocation { range.start }
    public var isTargetEmpty: Bool {
        // Almost every target starts with a visible ASCII byte: no character walk then.
        if let first = target.utf8.first, first > 0x20, first < 0x80 { return false }
        return target.allSatisfy(\.isWhitespace)
    }

    /// The text of one side.
    public func text(_ side: Side) -> String { side == .target ? target : source }

    /// Where in the file the byte at `utf8Offset` of one side's text is.
    public func location(_ side: Side, utf8Offset: Int) -> SourceLocation {
        let start = side == .target ? targetRange.start : sourceRange.start
        var line = start.line
        var column = start.column
        var consumed = 0
        for byte in text(side).utf8 {
            if consumed >= utf8Offset { break }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            consumed += 1
        }
        return SourceLocation(line: line, column: column, offset: start.offset + consumed)
    }
}

/// The two languages of a bilingual article.
public enum Side: String, Sendable, Hashable, CaseIterable {
    /// The translation (the `data-ttu-id` spans), in `ms.contentlocale`.
    case target
    /// The English original (the `sxs-lookup` spans).
    case source

    public var other: Side { self == .target ? .source : .target }
}
