/// Inline content of a paragraph, heading or table cell, as CommonMark/GFM defines it.
public indirect enum Inline: Hashable, Sendable {
    /// Plain text.
    case text(String)
    /// An inline code span's content.
    case code(String)
    /// Emphasis (`*x*`).
    case emphasis([Inline])
    /// Strong emphasis (`**x**`).
    case strong([Inline])
    /// Strikethrough (`~~x~~`).
    case strikethrough([Inline])
    /// A link or autolink.
    case link(Link)
    /// An image.
    case image(Image)
    /// An inline HTML tag, comment or pseudo-tag.
    case html(InlineHTML)
    /// A soft line break: a newline inside a paragraph.
    case softBreak
    /// A hard line break (two spaces or `\` before the newline).
    case lineBreak
    /// The part of a translation unit that sits at this place in the tree. A unit
    /// whose emphasis crosses its edges shows up as several pieces with the same index.
    case unit(UnitSpan)
}

/// A link: its destination, title and text.
public struct Link: Hashable, Sendable {
    /// Where the link points, as written.
    public var destination: String
    /// The link's title; empty for none.
    public var title: String
    /// The link's text.
    public var children: [Inline]
    /// True for `<https://…>` autolinks and bare URLs recognised by GFM.
    public var isAutolink: Bool

    /// A link to `destination` with `children` as its text.
    public init(destination: String, title: String, children: [Inline], isAutolink: Bool) {
        self.destination = destination
        self.title = title
        self.children = children
        self.isAutolink = isAutolink
    }
}

/// An image: its source, title and alternative text.
public struct Image: Hashable, Sendable {
    /// The image's source, as written.
    public var source: String
    /// The image's title; empty for none.
    public var title: String
    /// The image's alternative text.
    public var alt: [Inline]

    /// An image of `source` with `alt` as its alternative text.
    public init(source: String, title: String, alt: [Inline]) {
        self.source = source
        self.title = title
        self.alt = alt
    }
}

/// The inlines of one translation unit's span.
public struct UnitSpan: Hashable, Sendable {
    /// Index into `Article.units`.
    public var unit: Int
    /// The inlines inside the span.
    public var children: [Inline]

    /// The span of unit `unit` holding `children`.
    public init(unit: Int, children: [Inline]) {
        self.unit = unit
        self.children = children
    }
}

/// An inline HTML tag as libxml2 reads it, or text that only looks like a tag.
public struct InlineHTML: Hashable, Sendable {
    /// What an inline HTML tag is.
    public enum Kind: Hashable, Sendable {
        /// An element HTML knows (`br`, `img`, `a`, `span`, …).
        case element(name: String, attributes: [HTMLAttribute], isClosing: Bool)
        /// A pseudo-tag such as `<email address>`: literal text, never markup.
        case literal
        /// An HTML comment (`<!-- … -->`).
        case comment
    }

    /// The tag exactly as written.
    public var raw: String
    /// What the tag is.
    public var kind: Kind

    /// An inline HTML tag with its raw text and what it is.
    public init(raw: String, kind: Kind) {
        self.raw = raw
        self.kind = kind
    }

    /// The element's name, or nil for a pseudo-tag or comment.
    public var elementName: String? {
        if case .element(let name, _, _) = kind { return name }
        return nil
    }

    /// The value of the attribute `name`, for an element that has it.
    public func attribute(_ name: String) -> String? {
        guard case .element(_, let attributes, _) = kind else { return nil }
        return attributes.first { $0.name == name }?.value
    }
}

/// An HTML attribute's name and value.
public struct HTMLAttribute: Hashable, Sendable {
    /// The attribute's name.
    public var name: String
    /// The attribute's value.
    public var value: String

    /// An attribute `name` with `value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Inline {
    /// The visible text, with markup dropped (pseudo-tags kept as written).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .emphasis(let c), .strong(let c), .strikethrough(let c): c.plainText
        case .link(let l): l.children.plainText
        case .image(let i): i.alt.plainText
        case .html(let h):
            switch h.kind {
            case .literal: h.raw
            case .element(let name, _, let closing): name == "br" && !closing ? "\n" : ""
            case .comment: ""
            }
        case .softBreak: " "
        case .lineBreak: "\n"
        case .unit(let u): u.children.plainText
        }
    }
}

extension Array where Element == Inline {
    /// The visible text of the inlines, with markup dropped.
    public var plainText: String { map(\.plainText).joined() }

    /// Indices of the units that appear in these inlines, in order, without repeats.
    public var unitIndices: [Int] {
        var out: [Int] = []
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .unit(let u):
                    if out.last != u.unit && !out.contains(u.unit) { out.append(u.unit) }
                    walk(u.children)
                case .emphasis(let c), .strong(let c), .strikethrough(let c): walk(c)
                case .link(let l): walk(l.children)
                case .image(let i): walk(i.alt)
                default: break
                }
            }
        }
        walk(self)
        return out
    }
}
