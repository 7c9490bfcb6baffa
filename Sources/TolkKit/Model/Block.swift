/// A block of an article's Markdown body, as cmark-gfm parsed one side's projection.
public indirect enum Block: Hashable, Sendable {
    /// A heading (`#` or setext).
    case heading(Heading)
    /// A paragraph.
    case paragraph(Paragraph)
    /// A bullet or ordered list.
    case list(ListBlock)
    /// A DocFX alert or video embed.
    case note(Note)
    /// A block quote that is not a note.
    case quote(BlockQuote)
    /// A fenced or indented code block.
    case code(CodeBlock)
    /// A table.
    case table(Table)
    /// A block of raw HTML.
    case html(HTMLBlock)
    /// A thematic break (`---`) at its location.
    case thematicBreak(SourceLocation)

    /// Where the block starts in the article file.
    public var location: SourceLocation {
        switch self {
        case .heading(let b): b.location
        case .paragraph(let b): b.location
        case .list(let b): b.location
        case .note(let b): b.location
        case .quote(let b): b.location
        case .code(let b): b.location
        case .table(let b): b.location
        case .html(let b): b.location
        case .thematicBreak(let l): l
        }
    }
}

/// A heading: its level (1–6) and its inlines.
public struct Heading: Hashable, Sendable {
    /// The level, 1 for `#` to 6 for `######`.
    public var level: Int
    /// The `<a name="…">` anchor the article gives the heading, if any.
    public var anchor: String?
    /// The heading's text.
    public var content: [Inline]
    /// Where the heading starts in the article file.
    public var location: SourceLocation
}

/// A paragraph of inlines.
public struct Paragraph: Hashable, Sendable {
    /// The paragraph's text.
    public var content: [Inline]
    /// Where the paragraph starts in the article file.
    public var location: SourceLocation
}

/// A bullet or ordered list.
public struct ListBlock: Hashable, Sendable {
    /// The number of the first item for ordered lists; nil for bullet lists.
    public var start: Int?
    /// Whether the list is tight (no blank lines between items).
    public var isTight: Bool
    /// The list's items, in order.
    public var items: [ListItem]
    /// Where the list starts in the article file.
    public var location: SourceLocation

    /// Whether the list is numbered.
    public var isOrdered: Bool { start != nil }
}

/// One item of a list, with its blocks.
public struct ListItem: Hashable, Sendable {
    /// The item's blocks.
    public var blocks: [Block]
    /// Where the item starts in the article file.
    public var location: SourceLocation
}

/// A DocFX alert (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`)
/// or a `> [!VIDEO url]` embed.
public struct Note: Hashable, Sendable {
    /// The kind of a note, as its `[!KIND]` marker names it.
    public enum Kind: Hashable, Sendable {
        /// A DocFX alert: `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`.
        case note, tip, important, warning, caution
        /// A `[!VIDEO url]` embed of the video at `url`.
        case video(url: String)
        /// An alert with a keyword DocFX does not define, as written.
        case other(String)

        init(keyword: String) {
            switch keyword.uppercased() {
            case "NOTE": self = .note
            case "TIP": self = .tip
            case "IMPORTANT": self = .important
            case "WARNING": self = .warning
            case "CAUTION": self = .caution
            default: self = .other(keyword)
            }
        }

        /// The keyword as DocFX spells it (`NOTE`, `TIP`, …).
        public var keyword: String {
            switch self {
            case .note: "NOTE"
            case .tip: "TIP"
            case .important: "IMPORTANT"
            case .warning: "WARNING"
            case .caution: "CAUTION"
            case .video: "VIDEO"
            case .other(let s): s.uppercased()
            }
        }
    }

    /// What kind of alert or embed the note is.
    public var kind: Kind
    /// The note's blocks, without the marker.
    public var blocks: [Block]
    /// Where the note starts in the article file.
    public var location: SourceLocation
}

/// A block quote that is not a note.
public struct BlockQuote: Hashable, Sendable {
    /// The quote's blocks.
    public var blocks: [Block]
    /// Where the quote starts in the article file.
    public var location: SourceLocation
}

/// A fenced or indented code block.
public struct CodeBlock: Hashable, Sendable {
    /// The info string after the opening fence (its language); empty for none.
    public var info: String
    /// The code's text.
    public var text: String
    /// Where the code block starts in the article file.
    public var location: SourceLocation
}

/// A GitHub-flavoured Markdown table.
public struct Table: Hashable, Sendable {
    /// How a table column is aligned.
    public enum Alignment: String, Hashable, Sendable {
        /// No alignment (`---`), left (`:--`), centred (`:-:`) or right (`--:`).
        case none, left, center, right
    }
    /// The alignment of each column.
    public var alignments: [Alignment]
    /// The header row's cells.
    public var header: [[Inline]]
    /// The body rows, each a list of cells.
    public var rows: [[[Inline]]]
    /// Where the table starts in the article file.
    public var location: SourceLocation
}

/// A block of raw HTML.
public struct HTMLBlock: Hashable, Sendable {
    /// The HTML, as written.
    public var html: String
    /// Where the HTML block starts in the article file.
    public var location: SourceLocation
}
