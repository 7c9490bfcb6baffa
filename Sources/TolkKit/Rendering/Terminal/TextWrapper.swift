/// Lays styled text out on terminal lines of a given width, with hanging indents.
///
/// Lines break at spaces and wherever ICU's line-break iterator allows inside a word
/// (see `LineBreaker`): after a hyphen, between CJK characters but never before
/// closing punctuation such as 。、」） nor after opening punctuation, and between the
/// words of Thai, Lao, Khmer and Burmese, which are written without spaces. A word
/// wider than a line is cut at grapheme cluster boundaries. No grapheme cluster is ever
/// split, text stays in logical order (right-to-left scripts are left to the terminal),
/// and styles and links carry over to every line a run ends up on.
///
/// Spaces at a soft line break are dropped, so continuation lines never start with
/// spaces; spaces at the start of the text or after a "\n" (a hard line break) are
/// kept as indentation. Lines never end with spaces.
public struct TextWrapper: Sendable {
    /// Lines narrower than this are laid out at this width instead.
    public static let minimumWidth = 20

    /// Creates a wrapper.
    public init() {}

    /// Lays `text` out on lines of at most `width` columns, counting the prefix.
    ///
    /// - Parameters:
    ///   - text: the text; "\n" in it starts a new line.
    ///   - width: columns per line; values below ``minimumWidth`` count as ``minimumWidth``.
    ///   - firstPrefix: printed before the first line, such as a list marker `"1.  "`.
    ///   - restPrefix: printed before every other line, such as the hanging indent `"    "`.
    /// - Returns: the lines, each starting with its prefix; at least one line.
    public func wrap(
        _ text: StyledText, width: Int, firstPrefix: StyledText = StyledText(),
        restPrefix: StyledText = StyledText()
    ) -> [StyledText] {
        var scanner = LineBreaker()
        scanner.scan(text)
        let pieces = scanner.pieces
        var assembler = LineAssembler(
            runs: text.runs, width: max(width, Self.minimumWidth),
            firstPrefix: firstPrefix, restPrefix: restPrefix)
        var index = pieces.startIndex
        while index < pieces.endIndex {
            let piece = pieces[index]
            switch piece.kind {
            case .space:
                assembler.addSpaces(piece)
                index += 1
            case .newline:
                assembler.addHardBreak()
                index += 1
            case .text:
                var end = index + 1
                var segmentWidth = piece.width
                while end < pieces.endIndex && pieces[end].kind == .text && !pieces[end].breakBefore {
                    segmentWidth += pieces[end].width
                    end += 1
                }
                assembler.addSegment(pieces[index..<end], width: segmentWidth)
                index = end
            }
        }
        return assembler.finish()
    }

    /// Lays out `text` with the same prefix on every line.
    public func wrap(_ text: StyledText, width: Int, prefix: StyledText) -> [StyledText] {
        wrap(text, width: width, firstPrefix: prefix, restPrefix: prefix)
    }
}
