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
    var html = InlineHTMLReader()

    /// Containers nested deeper than this are flattened: cmark accepts any depth,
    /// and parsing runs on threads with small stacks.
    static let maxDepth = 48

    init(projection: Projection, originalLines: LineTable, unitCount: Int) {
        self.projection = projection
        self.projectedLines = LineTable(projection.bytes)
        self.originalLines = originalLines
        self.unitCount = unitCount
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

    /// Inline content before unit markers are resolved into `.unit` pieces.
    fileprivate indirect enum RawInline {
        case leaf(Inline)
        case container(Container, [RawInline], hasMarkers: Bool)
        case start(Int)
        case end
    }

    fileprivate enum Container {
        case emphasis, strong, strikethrough
        case link(destination: String, title: String, isAutolink: Bool)
        case image(source: String, title: String)
    }

    mutating func inlines(of node: CmarkNode) -> [Inline] {
        let raw = rawInlines(node.children, depth: 0)
        var current: Int?
        return Self.resolveUnits(raw, current: &current)
    }

    private mutating func rawInlines(_ nodes: [CmarkNode], depth: Int) -> [RawInline] {
        var out: [RawInline] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            switch node.type {
            case CMARK_NODE_TEXT:
                out.append(.leaf(.text(node.literal)))
            case CMARK_NODE_SOFTBREAK:
                out.append(.leaf(.softBreak))
            case CMARK_NODE_LINEBREAK:
                out.append(.leaf(.lineBreak))
            case CMARK_NODE_CODE:
                out.append(contentsOf: codeWithMarkers(node.literal))
            case CMARK_NODE_HTML_INLINE:
                let literal = node.literal
                if let marker = marker(literal) { out.append(marker) } else { out.append(.leaf(.html(html.read(literal)))) }
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let container: Container
                switch node.type {
                case CMARK_NODE_EMPH: container = .emphasis
                case CMARK_NODE_STRONG: container = .strong
                case CMARK_NODE_LINK:
                    let url = node.url
                    let text = node.children.count == 1 && node.firstChild?.type == CMARK_NODE_TEXT ? node.firstChild!.literal : nil
                    let auto = text != nil && (text == url || "mailto:" + text! == url || "http://" + text! == url)
                    container = .link(destination: url, title: node.title, isAutolink: auto)
                default: container = .image(source: node.url, title: node.title)
                }
                out.append(containerNode(container, node, depth: depth))
            default:
                if node.typeString == "strikethrough" {
                    out.append(containerNode(.strikethrough, node, depth: depth))
                } else {
                    out.append(contentsOf: rawInlines(node.children, depth: depth))
                }
            }
        }
        return out
    }

    private mutating func containerNode(_ container: Container, _ node: CmarkNode, depth: Int) -> RawInline {
        if depth > Self.maxDepth { return .leaf(.text(flatText(node))) }
        let children = rawInlines(node.children, depth: depth + 1)
        return .container(container, children, hasMarkers: children.contains { $0.hasMarkers })
    }

    /// `<tolk-u i="N">` or `</tolk-u>`, when the index is one of this article's units.
    private func marker(_ literal: String) -> RawInline? {
        let bytes = literal.utf8
        if bytes.elementsEqual(Projection.markerClose) { return .end }
        guard bytes.starts(with: Projection.markerOpenPrefix), bytes.last == 0x3E else { return nil }
        let digits = bytes.dropFirst(Projection.markerOpenPrefix.count).dropLast(2)
        guard let index = Int(String(decoding: digits, as: UTF8.self)), index >= 0, index < unitCount else { return nil }
        return .start(index)
    }

    /// Inline code whose span crosses a unit edge keeps the marker text in its
    /// literal; split it there so the code stays byte-identical to the article.
    private func codeWithMarkers(_ literal: String) -> [RawInline] {
        guard Self.mayHoldMarker(literal) else { return [.leaf(.code(literal))] }
        var out: [RawInline] = []
        var rest = Substring(literal)
        while let range = rest.range(of: "<tolk-u i=\"") ?? rest.range(of: "</tolk-u>") {
            let open = rest[range].hasPrefix("<tolk-u")
            let before = rest[..<range.lowerBound]
            var after = rest[range.upperBound...]
            var node: RawInline = .end
            if open {
                guard let close = after.range(of: "\">"), let i = Int(after[..<close.lowerBound]), i < unitCount else { break }
                node = .start(i)
                after = after[close.upperBound...]
            }
            if !before.isEmpty { out.append(.leaf(.code(String(before)))) }
            out.append(node)
            rest = after
        }
        if !rest.isEmpty { out.append(.leaf(.code(String(rest)))) }
        return out
    }

    /// Wraps each run of inlines that came from one unit in `.unit`, splitting a
    /// unit into pieces where emphasis or a link crosses its edges.
    private static func resolveUnits(_ nodes: [RawInline], current: inout Int?) -> [Inline] {
        var out: [Inline] = []
        var run: [Inline] = []
        var startedHere: Int?
        func flush(keepEmpty: Bool = false) {
            if let c = current, !run.isEmpty || keepEmpty {
                out.append(.unit(UnitSpan(unit: c, children: run)))
            }
            run = []
        }
        for node in nodes {
            switch node {
            case .start(let i):
                flush()
                current = i
                startedHere = i
            case .end:
                flush(keepEmpty: startedHere == current && run.isEmpty)
                current = nil
                startedHere = nil
            case .leaf(let inline):
                if current != nil { run.append(inline) } else { out.append(inline) }
            case .container(let kind, let children, let hasMarkers):
                if hasMarkers {
                    flush()
                    startedHere = nil
                    out.append(build(kind, resolveUnits(children, current: &current)))
                } else {
                    var none: Int?
                    let inline = build(kind, resolveUnits(children, current: &none))
                    if current != nil { run.append(inline) } else { out.append(inline) }
                }
            }
        }
        flush()
        return out
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

extension MarkdownReader.RawInline {
    fileprivate var hasMarkers: Bool {
        switch self {
        case .start, .end: true
        case .leaf: false
        case .container(_, _, let has): has
        }
    }
}
