import CCmarkGFM
import Foundation

/// Records, from the cmark-gfm tree that builds the model, where each piece of
/// inline syntax sits in the article's bytes: text, code spans, emphasis, links,
/// images and inline HTML, with cmark's own source positions mapped back
/// through the projection. `UnitAnalyzer` cuts the record into one analysis per
/// unit side. Nothing here reads the bytes: cmark has decided what is syntax.
struct InlineSyntaxRecorder {
    enum Event {
        case text(Range<Int>)
        /// The code's content (cmark reports it without the backtick runs).
        case code(Range<Int>, literal: String)
        case html(Range<Int>, InlineHTML)
        /// An emphasis or strong node: its whole range, opening and closing markers included.
        case emphasis(Range<Int>, isStrong: Bool)
        case link(Range<Int>, destination: String, isImage: Bool, isAutolink: Bool, childrenEnd: Int?)
        case strikethrough(Range<Int>)
    }

    /// Events in document order, with ranges in the original file.
    private(set) var events: [Event] = []
    /// Units whose opening marker the inline walk met (the others sit in HTML
    /// blocks, code blocks or the front matter, outside any inline parse).
    private(set) var seen: [Bool]
    /// Units whose marker cmark folded into a code span: positions inside them cannot be trusted.
    private(set) var blurred: [Bool]

    private let map: (_ startLine: Int, _ startColumn: Int) -> Int
    private(set) var html: InlineHTMLReader
    /// The unit whose marker opened last and has not closed.
    private var current: Int?

    /// - Parameter map: the original offset of a projected (line, byte column), both 1-based.
    init(unitCount: Int, html: InlineHTMLReader, map: @escaping (Int, Int) -> Int) {
        seen = Array(repeating: false, count: unitCount)
        blurred = Array(repeating: false, count: unitCount)
        self.map = map
        self.html = html
    }

    /// Records every paragraph, heading and table cell under `node`.
    mutating func recordBlocks(_ node: CmarkNode) {
        var child = node.firstChild
        while let c = child {
            switch c.type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: record(c)
            default:
                if c.typeString == "table_cell" { record(c) } else { recordBlocks(c) }
            }
            child = c.next
        }
    }

    /// Treats `unit` as reached and trustworthy (a unit side parsed on its own has no markers).
    mutating func markSeen(_ unit: Int) {
        seen[unit] = true
        blurred[unit] = false
    }

    /// Records the inline content of a paragraph, heading or table cell.
    mutating func record(_ block: CmarkNode) {
        var child = block.firstChild
        while let node = child {
            visit(node)
            child = node.next
        }
    }

    private func range(_ node: CmarkNode) -> Range<Int> {
        let p = node.pointer
        let start = map(Int(cmark_node_get_start_line(p)), Int(cmark_node_get_start_column(p)))
        let last = map(Int(cmark_node_get_end_line(p)), Int(cmark_node_get_end_column(p)))
        return start..<max(start, last + 1)
    }

    private mutating func visit(_ node: CmarkNode) {
        switch node.type {
        case CMARK_NODE_TEXT:
            events.append(.text(range(node)))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            break
        case CMARK_NODE_CODE:
            let literal = node.literal
            if MarkdownReader.mayHoldMarker(literal), literal.contains("tolk-u") {
                // cmark read a marker as code: a code span crosses a unit edge.
                if let unit = current { blurred[unit] = true }
                if let unit = Self.openedUnit(in: literal), unit < blurred.count {
                    blurred[unit] = true
                    seen[unit] = true
                }
                current = literal.hasSuffix("</tolk-u>") || literal.range(of: "</tolk-u>") != nil ? nil : current
                return
            }
            events.append(.code(range(node), literal: literal))
        case CMARK_NODE_HTML_INLINE:
            guard let literal = cmark_node_get_literal(node.pointer) else { return }
            let raw = String(cString: literal)
            if raw.hasPrefix("</tolk-u") {
                current = nil
                return
            }
            if raw.hasPrefix("<tolk-u i=\""), let unit = Int(raw.dropFirst(11).prefix { $0 != "\"" }), unit < seen.count {
                seen[unit] = true
                current = unit
                return
            }
            events.append(.html(range(node), html.read(raw)))
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            events.append(.emphasis(range(node), isStrong: node.type == CMARK_NODE_STRONG))
            visitChildren(node)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let whole = range(node)
            var childrenEnd: Int?
            var child = node.firstChild
            while let c = child {
                childrenEnd = max(childrenEnd ?? 0, range(c).upperBound)
                child = c.next
            }
            let url = node.url
            let only = node.firstChild
            let text = only != nil && only?.next == nil && only?.type == CMARK_NODE_TEXT ? only!.literal : nil
            let auto = node.type == CMARK_NODE_LINK && (text.map { $0 == url || "mailto:" + $0 == url || "http://" + $0 == url } ?? false)
            events.append(
                .link(whole, destination: url, isImage: node.type == CMARK_NODE_IMAGE, isAutolink: auto, childrenEnd: childrenEnd))
            visitChildren(node)
        default:
            if node.typeString == "strikethrough" { events.append(.strikethrough(range(node))) }
            visitChildren(node)
        }
    }

    private mutating func visitChildren(_ node: CmarkNode) {
        var child = node.firstChild
        while let c = child {
            visit(c)
            child = c.next
        }
    }

    private static func openedUnit(in literal: String) -> Int? {
        guard let open = literal.range(of: "<tolk-u i=\"") else { return nil }
        return Int(literal[open.upperBound...].prefix { $0 != "\"" })
    }
}
