/// What cmark-gfm saw in one side of one unit, with byte ranges into that side's
/// text (the offsets `TranslationUnit.location(_:utf8Offset:)` turns into
/// line:column): emphasis as cmark paired it and the markers it left as text,
/// code spans, links and images, autolinks, inline HTML and pseudo-tags, the
/// `\>` of UI paths, and the literal tokens (URLs, e-mail addresses) of the
/// running text. Built once per unit side from the parse that builds the model
/// (`UnitAnalyzer`); every check rule reads it and none scans the text itself.
public struct UnitSyntax: Hashable, Sendable {
    /// What a byte of the side belongs to.
    public enum Region: UInt8, Hashable, Sendable {
        /// Running text (escapes, entities and the markers cmark left as text included).
        case prose
        /// An inline code span, backticks included.
        case code
        /// Emphasis markers and link brackets that cmark consumed as syntax.
        case markup
        /// `(destination "title")` of a link or image.
        case destination
        /// An autolink or bare URL.
        case url
        /// An e-mail address (autolink or in running text).
        case email
        /// An inline HTML tag or comment.
        case html
        /// A tag HTML does not know, such as `<email address>`: literal text on the page.
        case pseudoTag
    }

    /// Emphasis (`*x*`) or strong emphasis (`**x**`) that cmark paired inside the unit.
    public struct Emphasis: Hashable, Sendable {
        /// The opening marker run.
        public var open: Range<Int>
        /// The closing marker run.
        public var close: Range<Int>
        /// True for strong emphasis (`**x**`).
        public var isStrong: Bool
        /// From the opening to the closing marker run.
        public var range: Range<Int> { open.lowerBound..<close.upperBound }
    }

    /// A run of `*` or `_` that could open or close emphasis but that cmark left as
    /// text, or whose partner lies outside the unit: where machine translation broke bold.
    public struct Marker: Hashable, Sendable {
        /// The marker run.
        public var range: Range<Int>
    }

    /// An inline code span of the unit.
    public struct CodeSpan: Hashable, Sendable {
        /// From the opening to the closing backtick run.
        public var range: Range<Int>
        /// The code as cmark read it.
        public var content: String
    }

    /// `[text](destination)`, `![alt](source)`, `<https://…>` or a bare URL or address.
    public struct Link: Hashable, Sendable {
        /// The whole link, from its first to its last byte.
        public var range: Range<Int>
        /// The link text (or alt text) between the brackets; the address itself for autolinks.
        public var text: Range<Int>
        /// Where the link points, as cmark read it.
        public var destination: String
        /// True for an image (`![alt](source)`).
        public var isImage: Bool
        /// True for an autolink or a bare URL or address.
        public var isAutolink: Bool
    }

    /// An inline HTML tag or a pseudo-tag.
    public struct Tag: Hashable, Sendable {
        /// The whole tag, from `<` to `>`.
        public var range: Range<Int>
        /// The element name, lower-cased; empty for pseudo-tags and comments.
        public var name: String
        /// True for a closing tag (`</b>`).
        public var isClosing: Bool
        /// True for a pseudo-tag (literal text such as `<email address>`).
        public var isPseudo: Bool
    }

    /// A URL or e-mail address in the text.
    public struct Token: Hashable, Sendable {
        /// Where the token lies.
        public var range: Range<Int>
        /// The token's text.
        public var text: String
    }

    /// What the analysis records of one side; `UnitAnalyzer` builds it, then wraps it.
    struct Fields: Hashable {
        typealias Region = UnitSyntax.Region
        typealias Emphasis = UnitSyntax.Emphasis
        typealias Marker = UnitSyntax.Marker
        typealias CodeSpan = UnitSyntax.CodeSpan
        typealias Link = UnitSyntax.Link
        typealias Tag = UnitSyntax.Tag
        typealias Token = UnitSyntax.Token

        var bytes: [UInt8]
        var regions: [Region]
        var emphasis: [Emphasis] = []
        var markers: [Marker] = []
        var codeSpans: [CodeSpan] = []
        var strayBackticks: [Range<Int>] = []
        var links: [Link] = []
        var tags: [Tag] = []
        var separators: [Int] = []
        var urls: [Token] = []
        var emails: [Token] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            regions = Array(repeating: .prose, count: bytes.count)
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, max(range.lowerBound, range.upperBound))], as: UTF8.self)
        }
    }

    /// The fields in one object that is never changed once built: handing a unit's syntax
    /// to a rule costs one reference count, and reading a field needs no exclusivity check.
    private final class Storage: @unchecked Sendable {
        let fields: Fields
        /// Made when a rule first asks for it; the analysis of one article is read by one thread.
        var prose: ProseText?

        init(_ fields: consuming Fields) { self.fields = fields }
    }

    private let storage: Storage

    init(_ fields: consuming Fields) {
        storage = Storage(fields)
    }

    /// The side's text as UTF-8 bytes.
    public var bytes: [UInt8] { _read { yield storage.fields.bytes } }
    /// What each byte belongs to, one region per byte.
    public var regions: [Region] { _read { yield storage.fields.regions } }
    /// The emphasis cmark paired, in order.
    public var emphasis: [Emphasis] { _read { yield storage.fields.emphasis } }
    /// The emphasis markers cmark left as text, in order.
    public var markers: [Marker] { _read { yield storage.fields.markers } }
    /// The inline code spans, in order.
    public var codeSpans: [CodeSpan] { _read { yield storage.fields.codeSpans } }
    /// Backtick runs that open no code span.
    public var strayBackticks: [Range<Int>] { _read { yield storage.fields.strayBackticks } }
    /// The links, images and autolinks, in order.
    public var links: [Link] { _read { yield storage.fields.links } }
    /// The inline HTML tags and pseudo-tags, in order.
    public var tags: [Tag] { _read { yield storage.fields.tags } }
    /// Offsets of the `\\>` UI-path separators in running text.
    public var separators: [Int] { _read { yield storage.fields.separators } }
    /// The URLs, in order.
    public var urls: [Token] { _read { yield storage.fields.urls } }
    /// The e-mail addresses, in order.
    public var emails: [Token] { _read { yield storage.fields.emails } }
    /// The side as scalars marked by region, for the rules that read characters.
    public var prose: ProseText {
        if let prose = storage.prose { return prose }
        let prose = ProseText(self)
        storage.prose = prose
        return prose
    }

    /// The last characters of the side (at least `bytes` bytes' worth) as scalars marked by
    /// region, with offsets into the whole side, for rules that read only the end.
    public func proseTail(bytes count: Int) -> ProseText {
        if let prose = storage.prose { return prose }
        var start = max(0, bytes.count - count)
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start == 0 ? prose : ProseText(self, from: start)
    }

    public static func == (a: UnitSyntax, b: UnitSyntax) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes)
        hasher.combine(regions)
    }

    /// The number of bytes in the side.
    public var count: Int { bytes.count }

    /// Whether the byte at `offset` is prose (not code, markup or a link destination).
    public func isProse(_ offset: Int) -> Bool { offset >= 0 && offset < regions.count && regions[offset] == .prose }

    /// The text of the bytes in `range`.
    public func text(_ range: Range<Int>) -> String { storage.fields.text(range) }

    /// The text of `range` on one line, shortened to `limit` characters, for messages.
    public func quote(_ range: Range<Int>, limit: Int = 100) -> String {
        let flat = text(range).split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// The offset of the first byte that is not whitespace, where a finding about the whole side points.
    public var firstVisibleOffset: Int {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count ? i : 0
    }

    /// `**` and `__` markers, paired or not.
    public var strongMarkerCount: Int {
        emphasis.count(where: \.isStrong) * 2 + markers.reduce(0) { $0 + $1.range.count / 2 }
    }

    /// Single `*` and `_` markers, paired or not.
    public var singleMarkerCount: Int {
        emphasis.count { !$0.isStrong } * 2 + markers.reduce(0) { $0 + $1.range.count % 2 }
    }

    /// Backticks of code spans and stray runs.
    public var backtickCount: Int {
        codeSpans.reduce(0) { total, span in
            var n = 0
            while span.range.lowerBound + n < span.range.upperBound, bytes[span.range.lowerBound + n] == 0x60 { n += 1 }
            return total + 2 * n
        } + strayBackticks.reduce(0) { $0 + $1.count }
    }

    /// Byte ranges that hold no prose words: code, destinations, URLs, addresses, tags.
    public var opaqueRanges: [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < regions.count {
            let r = regions[i]
            guard r != .prose && r != .markup else {
                i += 1
                continue
            }
            var j = i
            while j < regions.count, regions[j] == r { j += 1 }
            out.append(i..<j)
            i = j
        }
        return out
    }
}
