/// Inline content of a paragraph, heading or table cell, as CommonMark/GFM defines it.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(Link)
    case image(Image)
    case html(InlineHTML)
    case softBreak
    case lineBreak
    /// The part of a translation unit that sits at this place in the tree. A unit
    /// whose emphasis crosses its edges shows up as several pieces with the same index.
    case unit(UnitSpan)
}

public struct Link: Hashable, Sendable {
    public var destination: String
    public var title: String
    public var children: [Inline]
    /// True for `<https://…>` autolinks and bare URLs recognised by GFM.
    public var isAutolink: Bool

    public init(destination: String, title: String, children: [Inline], isAutolink: Bool) {
        self.destination = destination
        self.title = title
        self.children = children
        self.isAutolink = isAutolink
    }
}

public struct Image: Hashable, Sendable {
    public var source: String
    public var title: String
    public var alt: [Inline]

    public init(source: String, title: String, alt: [Inline]) {
        self.source = source
        self.title = title
        self.alt = alt
    }
}

public struct UnitSpan: Hashable, Sendable {
    /// Index into `Article.units`.
    public var unit: Int
    public var children: [Inline]

    public init(unit: Int, children: [Inline]) {
        self.unit = unit
        self.children = children
    }
}

/// An inline HTML tag as libxml2 reads it, or text that only looks like a tag.
public struct InlineHTML: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// An element HTML knows (`br`, `img`, `a`, `span`, …).
        case element(name: String, attributes: [HTMLAttribute], isClosing: Bool)
        /// A pseudo-tag such as `<email address>`: literal text, never markup.
        case literal
        case comment
    }

    /// The tag exactly as written.
    public var raw: String
    public var kind: Kind

    public init(raw: String, kind: Kind) {
        self.raw = raw
        self.kind = kind
    }

    public var elementName: String? {
        if case .element(let name, _, _) = kind { return name }
        return nil
    }

    public func attribute(_ name: String) -> String? {
        guard case .element(_, let attributes, _) = kind else { return nil }
        return attributes.first { $0.name == name }?.value
    }
}

public struct HTMLAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

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
