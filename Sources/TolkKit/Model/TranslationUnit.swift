/// One translation unit: a sentence (or, for `p` IDs, a paragraph) carried twice,
/// as the translation (`data-ttu-id` span) and the English original (`sxs-lookup`).
public struct TranslationUnit: Hashable, Sendable {
    /// Where in the article a unit sits.
    public enum Area: String, Sendable, Hashable {
        /// A unit in the YAML front matter.
        case frontMatter = "front-matter"
        /// A unit in the Markdown body.
        case body
    }

    /// The fields, kept in one immutable object: a copy of a unit (every `for unit
    /// in article.units` of every rule makes one) costs one reference count, and
    /// reading a field needs no exclusivity check. A unit is never changed once its
    /// article is parsed; a setter makes a new object.
    private struct Fields: Hashable {
        var index: Int
        var id: String
        var sourceID: String
        var prefix: String?
        var number: Int?
        var isParagraph: Bool
        var target: String
        var source: String
        var area: Area
        var range: SourceRange
        var targetRange: SourceRange
        var sourceRange: SourceRange
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func update<Value>(_ field: WritableKeyPath<Fields, Value>, _ value: Value) {
        var fields = storage.fields
        fields[keyPath: field] = value
        storage = Storage(fields)
    }

    /// A unit with its IDs, both sides' text and their positions in the file.
    public init(
        index: Int, id: String, sourceID: String, prefix: String?, number: Int?, isParagraph: Bool, target: String, source: String,
        area: Area, range: SourceRange, targetRange: SourceRange, sourceRange: SourceRange
    ) {
        storage = Storage(
            Fields(
                index: index, id: id, sourceID: sourceID, prefix: prefix, number: number, isParagraph: isParagraph, target: target,
                source: source, area: area, range: range, targetRange: targetRange, sourceRange: sourceRange))
    }

    /// The unit's position in `Article.units` (document order).
    public var index: Int {
        _read { yield storage.fields.index }
        set { update(\.index, newValue) }
    }
    /// The ID as written, such as `4d25d-103` or `b748c-p101`.
    public var id: String {
        _read { yield storage.fields.id }
        set { update(\.id, newValue) }
    }
    /// The ID of the `data-stu-id` span; in every article measured it equals `id`.
    public var sourceID: String {
        _read { yield storage.fields.sourceID }
        set { update(\.sourceID, newValue) }
    }
    /// The five-hex build nonce before the dash, when the ID has the usual shape.
    public var prefix: String? {
        _read { yield storage.fields.prefix }
        set { update(\.prefix, newValue) }
    }
    /// The counter after the dash (without `p`), when the ID has the usual shape.
    public var number: Int? {
        _read { yield storage.fields.number }
        set { update(\.number, newValue) }
    }
    /// True for paragraph-level `p` IDs that replace several sentence units.
    public var isParagraph: Bool {
        _read { yield storage.fields.isParagraph }
        set { update(\.isParagraph, newValue) }
    }
    /// The translation's Markdown, as written in the article.
    public var target: String {
        _read { yield storage.fields.target }
        set { update(\.target, newValue) }
    }
    /// The English original's Markdown, as written in the article.
    public var source: String {
        _read { yield storage.fields.source }
        set { update(\.source, newValue) }
    }
    /// Whether the unit is in the front matter or the body.
    public var area: Area {
        _read { yield storage.fields.area }
        set { update(\.area, newValue) }
    }
    /// The whole unit, from `<span data-ttu-id=` to the closing `</span></span>`.
    public var range: SourceRange {
        _read { yield storage.fields.range }
        set { update(\.range, newValue) }
    }
    /// The target text between its span tags.
    public var targetRange: SourceRange {
        _read { yield storage.fields.targetRange }
        set { update(\.targetRange, newValue) }
    }
    /// The source text between its span tags.
    public var sourceRange: SourceRange {
        _read { yield storage.fields.sourceRange }
        set { update(\.sourceRange, newValue) }
    }

    public static func == (a: TranslationUnit, b: TranslationUnit) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// Where the unit starts in the article file.
    public var location: SourceLocation { range.start }
    /// True when the translation is empty or only whitespace.
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

    /// The other side.
    public var other: Side { self == .target ? .source : .target }
}
