import CCmarkGFM
import Foundation

/// Turns the cmark-gfm tree of one side's marked projection into the model's
/// blocks and inlines, with locations in the original file and each piece of
/// text tied to the unit it came from.
struct MarkdownReader {
    let projection: Projection
    let projectedLines: LineTable
    let originalLines: LineTable
    let unitCount: Int
    /// Shared by both sides of an article: their tags are mostly the same.
    var html: InlineHTMLReader
    /// Where inline syntax sits, for the check rules (`ArticleParser.analyzesUnits`).
    private(set) var recorder: InlineSyntaxRecorder?

    /// Containers nested deeper than this are flattened: cmark accepts any depth,
    /// and parsing runs on threads with small stacks.
    static let maxDepth = 48

    init(projection: Projection, originalLines: LineTable, unitCount: Int, html: InlineHTMLReader = InlineHTMLReader()) {
        self.html = html
        self.projection = projection
        self.projectedLines = LineTable(projection.bytes)
        self.originalLines = originalLines
        self.unitCount = unitCount
    }

    /// Records every inline node's position while the blocks are read.
    mutating func startRecording() {
        recorder = InlineSyntaxRecorder(unitCount: unitCount, projected: projection.bytes, projection: projection, lines: projectedLines)
    }

    /// Records the inline syntax of every block without building the model's blocks.
    mutating func recordOnly(_ document: CmarkNode) {
        recorder?.recordBlocks(document)
    }

    mutating func blocks(of document: CmarkNode) -> [Block] {
        blocks(document.children, depth: 0)
    }

    func location(_ node: CmarkNode) -> SourceLocation {
        let projected = projectedLines.offset(line: node.startLine, byteColumn: node.startColumn)
        return originalLines.location(of: projection.originalOffset(projected))
    }

    private mutating func blocks(_ nodes: [CmarkNode], depth: Int) -> [Block] {
        nodes.compactMap { block($0, depth: depth) }
    }

    private mutating func block(_ node: CmarkNode, depth: Int) -> Block? {
        let loc = location(node)
        if depth > Self.maxDepth {
            return .paragraph(Paragraph(content: [.text(flatText(node))], location: loc))
        }
        switch node.type {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(Paragraph(content: inlines(of: node), location: loc))
        case CMARK_NODE_HEADING:
            var content = inlines(of: node)
            let anchor = Self.takeAnchor(&content)
            return .heading(Heading(level: node.headingLevel, anchor: anchor, content: content, location: loc))
        case CMARK_NODE_LIST:
            let items = node.children.map { item in
                ListItem(blocks: blocks(item.children, depth: depth + 1), location: location(item))
            }
            return .list(
                ListBlock(start: node.isOrderedList ? node.listStart : nil, isTight: node.isTightList, items: items, location: loc))
        case CMARK_NODE_BLOCK_QUOTE:
            var inner = blocks(node.children, depth: depth + 1)
            if let kind = Self.takeAlertKeyword(&inner) {
                return .note(Note(kind: kind, blocks: inner, location: loc))
            }
            return .quote(BlockQuote(blocks: inner, location: loc))
        case CMARK_NODE_CODE_BLOCK:
            return .code(CodeBlock(info: node.fenceInfo, text: Self.stripMarkers(node.literal), location: loc))
        case CMARK_NODE_HTML_BLOCK:
            return .html(HTMLBlock(html: Self.stripMarkers(node.literal), location: loc))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(loc)
        default:
            if node.typeString == "table" { return .table(table(node, loc)) }
            let children = blocks(node.children, depth: depth + 1)
            return children.isEmpty ? nil : .quote(BlockQuote(blocks: children, location: loc))
        }
    }

    private mutating func table(_ node: CmarkNode, _ loc: SourceLocation) -> Table {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children where row.typeString == "table_row" || row.typeString == "table_header" {
            let cells = row.children.map { inlines(of: $0) }
            if (row.typeString == "table_header" || row.isHeaderRow) && header.isEmpty { header = cells } else { rows.append(cells) }
        }
        return Table(alignments: node.tableAlignments, header: header, rows: rows, location: loc)
    }

    // MARK: Inlines

    /// Builds one list of sibling inlines, wrapping each run that came from one
    /// unit in `.unit`; a unit is split into pieces where emphasis or a link
    /// crosses its edges.
    private struct InlineBuilder {
        var out: [Inline] = []
        var run: [Inline] = []
        /// The unit open at this point in document order.
        var current: Int?
        /// The unit that opened among these siblings (an empty unit is kept).
        var startedHere: Int?

        init(current: Int?) { self.current = current }

        mutating func leaf(_ inline: Inline) {
            if current != nil { run.append(inline) } else { out.append(inline) }
        }

        mutating func start(_ unit: Int) {
            flush()
            current = unit
            startedHere = unit
        }

        mutating func end() {
            flush(keepEmpty: current != nil && startedHere == current)
            current = nil
            startedHere = nil
        }

        mutating func flush(keepEmpty: Bool = false) {
            if let c = current, !run.isEmpty || keepEmpty { out.append(.unit(UnitSpan(unit: c, children: run))) }
            run = []
        }

        /// A container whose content holds unit edges: it stands outside any unit
        /// piece, and the unit state carries through it.
        mutating func crossing(_ inline: Inline, currentAfter: Int?) {
            flush()
            out.append(inline)
            current = currentAfter
            startedHere = nil
        }

        mutating func finish() -> [Inline] {
            flush()
            return out
        }
    }

    fileprivate enum Container {
        case emphasis, strong, strikethrough
        case link(destination: String, title: String, isAutolink: Bool)
        case image(source: String, title: String)
    }

    mutating func inlines(of node: CmarkNode) -> [Inline] {
        recorder?.record(node)
        var builder = InlineBuilder(current: nil)
        append(children: node, depth: 0, to: &builder)
        return builder.finish()
    }

    private mutating func append(children parent: CmarkNode, depth: Int, to builder: inout InlineBuilder) {
        var child = parent.firstChild
        while let node = child {
            append(node, depth: depth, to: &builder)
            child = node.next
        }
    }

    private mutating func append(_ node: CmarkNode, depth: Int, to builder: inout InlineBuilder) {
        switch node.type {
        case CMARK_NODE_TEXT:
            builder.leaf(.text(node.literal))
        case CMARK_NODE_SOFTBREAK:
            builder.leaf(.softBreak)
        case CMARK_NODE_LINEBREAK:
            builder.leaf(.lineBreak)
        case CMARK_NODE_CODE:
            appendCode(node.literal, to: &builder)
        case CMARK_NODE_HTML_INLINE:
            // Most inline HTML is unit markers: told from the C string, without making a Swift one.
            guard let literal = cmark_node_get_literal(node.pointer) else {
                builder.leaf(.html(html.read("")))
                break
            }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            switch marker(bytes) {
            case .start(let unit)?: builder.start(unit)
            case .end?: builder.end()
            case nil: builder.leaf(.html(html.read(String(cString: literal))))
            }
        case CMARK_NODE_EMPH:
            appendContainer(.emphasis, node, depth: depth, to: &builder)
        case CMARK_NODE_STRONG:
            appendContainer(.strong, node, depth: depth, to: &builder)
        case CMARK_NODE_LINK:
            let url = node.url
            let only = node.firstChild
            let text = only != nil && only?.next == nil && only?.type == CMARK_NODE_TEXT ? only!.literal : nil
            let auto = text.map { $0 == url || "mailto:" + $0 == url || "http://" + $0 == url } ?? false
            appendContainer(.link(destination: url, title: node.title, isAutolink: auto), node, depth: depth, to: &builder)
        case CMARK_NODE_IMAGE:
            appendContainer(.image(source: node.url, title: node.title), node, depth: depth, to: &builder)
        default:
            if node.typeString == "strikethrough" {
                appendContainer(.strikethrough, node, depth: depth, to: &builder)
            } else {
                append(children: node, depth: depth, to: &builder)
            }
        }
    }

    private mutating func appendContainer(_ container: Container, _ node: CmarkNode, depth: Int, to builder: inout InlineBuilder) {
        if depth > Self.maxDepth {
            builder.leaf(.text(flatText(node)))
            return
        }
        if Self.holdsMarker(node) {
            var inner = InlineBuilder(current: builder.current)
            append(children: node, depth: depth + 1, to: &inner)
            let after = inner.current
            builder.crossing(Self.build(container, inner.finish()), currentAfter: after)
        } else {
            var inner = InlineBuilder(current: nil)
            append(children: node, depth: depth + 1, to: &inner)
            builder.leaf(Self.build(container, inner.finish()))
        }
    }

    /// True when a unit marker sits anywhere inside `node` (checked on the C
    /// strings, before any Swift text is made).
    private static func holdsMarker(_ node: CmarkNode) -> Bool {
        var child = node.firstChild
        while let c = child {
            let type = c.type
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(c.pointer), strstr(literal, "tolk-u") != nil { return true }
            } else if c.firstChild != nil, holdsMarker(c) {
                return true
            }
            child = c.next
        }
        return false
    }

    private enum Marker {
        case start(Int)
        case end
    }

    /// `<tolk-u i="N">` or `</tolk-u>`, when the index is one of this article's units.
    private func marker(_ bytes: some BidirectionalCollection<UInt8>) -> Marker? {
        guard bytes.count >= 9, bytes.first == 0x3C, bytes.dropFirst().first == 0x74 || bytes.dropFirst().first == 0x2F else { return nil }
        if bytes.elementsEqual(Projection.markerClose) { return .end }
        guard bytes.starts(with: Projection.markerOpenPrefix), bytes.last == 0x3E else { return nil }
        let digits = bytes.dropFirst(Projection.markerOpenPrefix.count).dropLast(2)
        guard let index = Int(String(decoding: digits, as: UTF8.self)), index >= 0, index < unitCount else { return nil }
        return .start(index)
    }

    /// Inline code whose span crosses a unit edge keeps the marker text in its
    /// literal; split it there so the code stays byte-identical to the article.
    private func appendCode(_ literal: String, to builder: inout InlineBuilder) {
        guard Self.mayHoldMarker(literal) else {
            builder.leaf(.code(literal))
            return
        }
        var rest = Substring(literal)
        while let range = rest.range(of: "<tolk-u i=\"") ?? rest.range(of: "</tolk-u>") {
            let open = rest[range].hasPrefix("<tolk-u")
            let before = rest[..<range.lowerBound]
            var after = rest[range.upperBound...]
            var unit: Int?
            if open {
                guard let close = after.range(of: "\">"), let i = Int(after[..<close.lowerBound]), i < unitCount else { break }
                unit = i
                after = after[close.upperBound...]
            }
            if !before.isEmpty { builder.leaf(.code(String(before))) }
            if let unit { builder.start(unit) } else { builder.end() }
            rest = after
        }
        if !rest.isEmpty { builder.leaf(.code(String(rest))) }
    }

    private static func build(_ container: Container, _ children: [Inline]) -> Inline {
        switch container {
        case .emphasis: .emphasis(children)
        case .strong: .strong(children)
        case .strikethrough: .strikethrough(children)
        case .link(let d, let t, let a): .link(Link(destination: d, title: t, children: children, isAutolink: a))
        case .image(let s, let t): .image(Image(source: s, title: t, alt: children))
        }
    }

    private func flatText(_ node: CmarkNode) -> String {
        var out = node.literal
        for child in node.children { out += flatText(child) }
        return Self.stripMarkers(out)
    }

    /// A cheap byte test before searching for `<tolk-u` or `</tolk-u>`.
    static func mayHoldMarker(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x74 && (previous == 0x3C || previous == 0x2F) { return true }  // "<t" or "/t"
            previous = byte
        }
        return false
    }

    /// Removes unit markers from literal text (code blocks, HTML blocks).
    static func stripMarkers(_ text: String) -> String {
        guard mayHoldMarker(text) else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<tolk-u i=\"") {
            out += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            if let close = rest.range(of: "\">") { rest = rest[close.upperBound...] }
        }
        out += rest
        return out.replacingOccurrences(of: "</tolk-u>", with: "")
    }
}
