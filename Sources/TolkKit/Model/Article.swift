/// A bilingual help article, parsed once: everything renderers, checks and the
/// site need, with source locations into the original file.
public struct Article: Hashable, Sendable {
    /// The path the article was read from, as given.
    public var path: String
    /// The file name without `.md`, used to find an article by name.
    public var slug: String
    /// The YAML front matter, if the article has one.
    public var frontMatter: FrontMatter?
    /// The translation units, in file order.
    public var units: [TranslationUnit]
    /// The body parsed from the target projection (the translation).
    public var target: Document
    /// The body parsed from the source projection (the English original).
    public var source: Document
    /// Problems found while reading the article.
    public var diagnostics: [Diagnostic]
    /// The bytes of the file, kept so projections are byte-exact.
    public var bytes: [UInt8]
    /// The syntax of every unit side, when the parser was asked for it (`ArticleParser.analyzesUnits`).
    public var analysis: ArticleAnalysis?
    /// The units a repair layer rewrote (`RepairedReading`), by index: what the renderers mark
    /// as repaired, with the text as published. Empty for an article as parsed.
    public var repaired: [Int: RepairedUnit] = [:]

    /// The document of one side: the translation or the English original.
    public subscript(side: Side) -> Document { side == .target ? target : source }

    /// `ms.contentlocale`, such as `da-DK`.
    public var targetLocale: String? { frontMatter?.localization.contentLocale }
    /// The locale of the originals: always English in this format.
    public var sourceLocale: String { "en-US" }
    /// `ms.translationtype`: how the article was translated.
    public var translationType: TranslationType? { frontMatter?.localization.translationType }

    /// The article title in one language: the first heading, else the front matter `title`.
    public func title(_ side: Side) -> String {
        for block in self[side].blocks {
            if case .heading(let h) = block { return h.content.plainText.trimmingSpaces }
        }
        return frontMatter?["title"]?.text ?? slug
    }
}

/// A unit shown repaired: its target text as published, for readers who want to see it.
public struct RepairedUnit: Hashable, Sendable {
    /// The published target's inlines (inside the emphasis and links around them).
    public var published: [Inline]
    /// What was repaired, by rule ID (`TOLK305`, `TOLK303` …).
    public var rules: [String]

    /// A repaired unit: its published inlines and the rules whose findings the repair fixed.
    public init(published: [Inline], rules: [String]) {
        self.published = published
        self.rules = rules
    }
}

/// What cmark-gfm saw in each unit, both sides, by unit index.
public struct ArticleAnalysis: Hashable, Sendable {
    /// The syntax of each unit's translation.
    public var target: [UnitSyntax]
    /// The syntax of each unit's English original.
    public var source: [UnitSyntax]

    /// The syntax of unit `unit` on `side`.
    public subscript(side: Side, unit: Int) -> UnitSyntax { side == .target ? target[unit] : source[unit] }
}

/// One side of an article's body: its blocks and the procedures found in them.
public struct Document: Hashable, Sendable {
    /// Which language the document is.
    public var side: Side
    /// The body's blocks, in order.
    public var blocks: [Block]
    /// The numbered procedures in the body, in order.
    public var procedures: [Procedure]

    /// Every status field its procedures describe, in order, substeps included.
    public var statusFields: [StatusField] {
        func collect(_ steps: [Step]) -> [StatusField] { steps.flatMap { $0.statusFields + collect($0.substeps) } }
        return procedures.flatMap { collect($0.steps) }
    }
}

extension String {
    var trimmingSpaces: String {
        // Most text has nothing to trim: no copy then. Text that starts and ends with
        // printable ASCII other than a space is told from its bytes, without finding
        // its first and last characters (a character ending in such a byte is never
        // whitespace).
        if let head = utf8.first, let tail = utf8.last, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F { return self }
        guard let first = first, let last = last, first.isWhitespace || last.isWhitespace else { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
