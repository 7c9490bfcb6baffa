/// A block of an article's Markdown body, as cmark-gfm parsed one side's projection.
public indirect enum Block: Hashable, Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case list(ListBlock)
    case note(Note)
    case quote(BlockQuote)
    case code(CodeBlock)
    case table(Table)
    case html(HTMLBlock)
    case thematicBreak(SourceLocation)

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

public struct Heading: Hashable, Sendable {
    public var level: Int
    /// The `<a name="…">` anchor the article gives the heading, if any.
    public var anchor: String?
    public var content: [Inline]
    public var location: SourceLocation
}

public struct Paragraph: Hashable, Sendable {
    public var content: [Inline]
    public var location: SourceLocation
}

public struct ListBlock: Hashable, Sendable {
    /// The number of the first item for ordered lists; nil for bullet lists.
    public var start: Int?
    public var isTight: Bool
    public var items: [ListItem]
    public var location: SourceLocation

    public var isOrdered: Bool { start != nil }
}

public struct ListItem: Hashable, Sendable {
    public var blocks: [Block]
    public var location: SourceLocation
}

/// A DocFX alert (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`)
/// or a `> [!VIDEO url]` embed.
public struct Note: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case note, tip, important, warning, caution
        case video(url: String)
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

    public var kind: Kind
    public var blocks: [Block]
    public var location: SourceLocation
}

public struct BlockQuote: Hashable, Sendable {
    public var blocks: [Block]
    public var location: SourceLocation
}

public struct CodeBlock: Hashable, Sendable {
    public var info: String
    public var text: String
    public var location: SourceLocation
}

public struct Table: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var location: SourceLocation
}

public struct HTMLBlock: Hashable, Sendable {
    public var html: String
    public var location: SourceLocation
}
