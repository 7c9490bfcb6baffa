/// One translation unit: a sentence (or, for `p` IDs, a paragraph) carried twice,
/// as the translation (`data-ttu-id` span) and the English original (`sxs-lookup`).
public struct TranslationUnit: Hashable, Sendable {
    /// Where in the article a unit sits.
    public enum Area: String, Sendable, Hashable {
        case frontMatter = "front-matter"
        case body
    }

    /// The fields live in one object, so a copy of a unit (every `for unit in
    /// article.units` of every rule makes one) costs one reference count, not one
    /// per string; a unit is never changed once its article is parsed.
    private final class Storage: @unchecked Sendable {
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

        init(
            index: Int, id: String, sourceID: String, prefix: String?, number: Int?, isParagraph: Bool, target: String, source: String,
            area: Area, range: SourceRange, targetRange: SourceRange, sourceRange: SourceRange
        ) {
            self.index = index
            self.id = id
            self.sourceID = sourceID
            self.prefix = prefix
            self.number = number
            self.isParagraph = isParagraph
            self.target = target
            self.source = source
            self.area = area
            self.range = range
            self.targetRange = targetRange
            self.sourceRange = sourceRange
        }

        func copy() -> Storage {
            Storage(
                index: index, id: id, sourceID: sourceID, prefix: prefix, number: number, isParagraph: isParagraph, target: target,
                source: source, area: area, range: range, targetRange: targetRange, sourceRange: sourceRange)
        }
    }

    private var storage: Storage

    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public init(
        index: Int, id: String, sourceID: String, prefix: String?, number: Int?, isParagraph: Bool, target: String, source: String,
        area: Area, range: SourceRange, targetRange: SourceRange, sourceRange: SourceRange
    ) {
        storage = Storage(
            index: index, id: id, sourceID: sourceID, prefix: prefix, number: number, isParagraph: isParagraph, target: target,
            source: source, area: area, range: range, targetRange: targetRange, sourceRange: sourceRange)
    }

    /// The unit's position in `Article.units` (document order).
    public var index: Int {
        _read { yield storage.index }
        set { unique.index = newValue }
    }
    /// The ID as written, such as `4d25d-103` or `b748c-p101`.
    public var id: String {
        _read { yield storage.id }
        set { unique.id = newValue }
    }
    /// The ID of the `data-stu-id` span; in every article measured it equals `id`.
    public var sourceID: String {
        _read { yield storage.sourceID }
        set { unique.sourceID = newValue }
    }
    /// The five-hex build nonce before the dash, when the ID has the usual shape.
    public var prefix: String? {
        _read { yield storage.prefix }
        set { unique.prefix = newValue }
    }
    /// The counter after the dash (without `p`), when the ID has the usual shape.
    public var number: Int? {
        _read { yield storage.number }
        set { unique.number = newValue }
    }
    /// True for paragraph-level `p` IDs that replace several sentence units.
    public var isParagraph: Bool {
        _read { yield storage.isParagraph }
        set { unique.isParagraph = newValue }
    }
    public var target: String {
        _read { yield storage.target }
        set { unique.target = newValue }
    }
    public var source: String {
        _read { yield storage.source }
        set { unique.source = newValue }
    }
    public var area: Area {
        _read { yield storage.area }
        set { unique.area = newValue }
    }
    /// The whole unit, from `<span data-ttu-id=` to the closing `</span></span>`.
    public var range: SourceRange {
        _read { yield storage.range }
        set { unique.range = newValue }
    }
    /// The target text between its span tags.
    public var targetRange: SourceRange {
        _read { yield storage.targetRange }
        set { unique.targetRange = newValue }
    }
    /// The source text between its span tags.
    public var sourceRange: SourceRange {
        _read { yield storage.sourceRange }
        set { unique.sourceRange = newValue }
    }

    public static func == (a: TranslationUnit, b: TranslationUnit) -> Bool {
        a.storage === b.storage
            || (a.index == b.index
                && a.id == b.id
                && a.sourceID == b.sourceID
                && a.prefix == b.prefix
                && a.number == b.number
                && a.isParagraph == b.isParagraph
                && a.target == b.target
                && a.source == b.source
                && a.area == b.area
                && a.range == b.range
                && a.targetRange == b.targetRange
                && a.sourceRange == b.sourceRange)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(id)
        hasher.combine(sourceID)
        hasher.combine(prefix)
        hasher.combine(number)
        hasher.combine(isParagraph)
        hasher.combine(target)
        hasher.combine(source)
        hasher.combine(area)
        hasher.combine(range)
        hasher.combine(targetRange)
        hasher.combine(sourceRange)
    }

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
