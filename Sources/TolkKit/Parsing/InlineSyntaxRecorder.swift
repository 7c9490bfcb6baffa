import CCmarkGFM
import Foundation

/// Records, from the cmark-gfm tree that builds the model, where each piece of
/// inline syntax sits in the article's bytes: text, code spans, emphasis, links,
/// images and inline HTML, with cmark's own source positions mapped back
/// through the projection. `UnitAnalyzer` cuts the record into one analysis per
/// unit side. Nothing here reads the bytes: cmark has decided what is syntax.
struct InlineSyntaxRecorder {
    enum Event {
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

    private let projected: [UInt8]
    private let lines: LineTable
    /// Maps projected offsets back to the file; the walk asks in document order, so a cursor
    /// into its segments replaces most binary searches.
    private let projection: Projection
    private var segment = 0
    private var shifts: [Int: Int] = [:]
    /// The unit whose marker opened last and has not closed.
    private var current: Int?
    /// The content ranges of the emphasis nodes around the node being visited.
    private var emphasisStack: [Range<Int>] = []

    /// - Parameters:
    ///   - projected: the text cmark parsed.
    ///   - projection: what maps a projected offset to the original file (none: the same offsets).
    ///   - lines: the line table of `projected`, when the caller has one.
    init(unitCount: Int, projected: [UInt8], projection: Projection = Projection(), lines: LineTable? = nil) {
        seen = Array(repeating: false, count: unitCount)
        blurred = Array(repeating: false, count: unitCount)
        self.projected = projected
        self.lines = lines ?? LineTable(projected)
        self.projection = projection
    }

    /// Records every paragraph, heading and table cell under `node`.
    mutating func recordBlocks(_ node: CmarkNode, depth: Int = 0) {
        // Containers deeper than the model reads stay unread: parsing runs on threads with small stacks.
        guard depth <= MarkdownReader.maxDepth else { return }
        var child = node.firstChild
        while let c = child {
            switch c.type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: record(c)
            default:
                if c.typeString == "table_cell" { record(c) } else { recordBlocks(c, depth: depth + 1) }
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
            visit(node, depth: 0)
            child = node.next
        }
    }

    /// The node's range in the projected text, as cmark reports it.
    private func projectedRange(_ node: CmarkNode) -> Range<Int> {
        let p = node.pointer
        let start = lines.offset(line: Int(cmark_node_get_start_line(p)), byteColumn: Int(cmark_node_get_start_column(p)))
        let last = lines.offset(line: Int(cmark_node_get_end_line(p)), byteColumn: Int(cmark_node_get_end_column(p)))
        return start..<max(start, last + 1)
    }

    /// A projected range in the original file.
    private mutating func toOriginal(_ offset: Int) -> Int {
        projection.originalOffset(offset, cursor: &segment)
    }

    private mutating func original(_ r: Range<Int>) -> Range<Int> {
        let start = toOriginal(r.lowerBound)
        return start..<max(start, r.isEmpty ? start : toOriginal(r.upperBound - 1) + 1)
    }

    /// A unit's opening marker is written once, so where it really is tells how far
    /// cmark's columns are off on its line.
    private mutating func learnShift(fromMarker marker: UnsafeBufferPointer<UInt8>, at reported: Int) {
        guard reported >= 0, reported < projected.count else { return }
        let found = projected.withUnsafeBufferPointer { projected -> Int? in
            if reported + marker.count <= projected.count, memcmp(projected.baseAddress! + reported, marker.baseAddress!, marker.count) == 0
            {
                return reported
            }
            // cmark's error is a few columns: look near where it says, not along a line that may be long.
            return UnitScanner.find(marker, in: projected, from: max(0, reported - 32))
        }
        // Where cmark is right (nearly always) and no shift was learnt on the line, nothing changes:
        // a line without a shift is read as one of zero.
        if found == reported && shifts.isEmpty { return }
        let line = lines.lineIndex(of: reported)
        let lineStart = lines.lineStarts[line]
        let lineEnd = line + 1 < lines.lineStarts.count ? lines.lineStarts[line + 1] : projected.count
        if found == reported {
            if shifts[line] != nil { shifts[line] = 0 }
            return
        }
        if let found, found >= lineStart, found < lineEnd, found - reported <= 32 { shifts[line] = found - reported }
    }

    /// cmark-gfm 0.29 counts the columns of a paragraph's continuation lines from
    /// where it expects the container's content to start; a lazy continuation line
    /// or one indented more than its list item shifts every position on it. Each
    /// position is checked against the bytes that must be there and, when they are
    /// not, moved along its line to where they are (the shift is kept for the line).
    private mutating func shift(_ offset: Int, _ holds: (Int) -> Bool) -> Int {
        guard offset >= 0, offset < projected.count else { return 0 }
        let line = lines.lineIndex(of: offset)
        let lineStart = lines.lineStarts[line]
        let lineEnd = line + 1 < lines.lineStarts.count ? lines.lineStarts[line + 1] - 1 : projected.count
        let valid = { (i: Int) in i >= lineStart && i < lineEnd }
        if let d = shifts[line], valid(offset + d), holds(offset + d) { return d }
        if holds(offset) { return 0 }
        for distance in 1...16 {
            for d in [-distance, distance] where valid(offset + d) && holds(offset + d) {
                shifts[line] = d
                return d
            }
        }
        return 0
    }

    private mutating func visit(_ node: CmarkNode, depth: Int) {
        // Inline containers nested deeper than the model reads: the unit is analysed on its own.
        guard depth <= MarkdownReader.maxDepth else {
            if let unit = current { blurred[unit] = true }
            return
        }
        switch node.type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            // Text is what lies between the recorded syntax; nothing to note.
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
                if literal.contains("</tolk-u>") { current = nil }
                return
            }
            let r = projectedRange(node)
            let bytes = projected
            let d = shift(r.lowerBound) { i in
                var k = i
                if k > 1, bytes[k - 1] == 0x20, bytes[k - 2] == 0x60 { k -= 1 }
                return k > 0 && bytes[k - 1] == 0x60
            }
            events.append(.code(original(r.lowerBound + d..<r.upperBound + d), literal: literal))
        case CMARK_NODE_HTML_INLINE:
            guard let literal = cmark_node_get_literal(node.pointer) else { return }
            // Two of every three tags are unit markers: told from the C string, without making a Swift one.
            if strncmp(literal, "</tolk-u>", 9) == 0 {
                current = nil
                return
            }
            if strncmp(literal, "<tolk-u i=\"", 11) == 0 {
                var unit = 0
                var p = literal + 11
                while p.pointee >= 0x30 && p.pointee <= 0x39 {
                    unit = unit * 10 + Int(p.pointee - 0x30)
                    p += 1
                }
                if unit < seen.count {
                    seen[unit] = true
                    current = unit
                    let marker = UnsafeBufferPointer(
                        start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                    learnShift(fromMarker: marker, at: projectedRange(node).lowerBound)
                    return
                }
            }
            let raw = String(cString: literal)
            let r = projectedRange(node)
            let bytes = projected
            let d = shift(r.lowerBound) { i in bytes[i] == 0x3C && i + r.count <= bytes.count && bytes[i + r.count - 1] == 0x3E }
            // The rules ask what a tag is, never its attributes: no HTML parser runs here.
            events.append(
                .html(
                    original(r.lowerBound + d..<r.upperBound + d),
                    InlineHTML(raw: raw, kind: InlineHTMLReader.classify(raw, readingAttributes: false))))
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            var r = projectedRange(node)
            let length = node.type == CMARK_NODE_STRONG ? 2 : 1
            let bytes = projected
            let marker = { (i: Int) in
                (bytes[i] == 0x2A || bytes[i] == 0x5F) && (length == 1 || (i + 1 < bytes.count && bytes[i + 1] == bytes[i]))
            }
            let open = r.lowerBound + shift(r.lowerBound, marker)
            let lastStart = r.upperBound - length
            let close = lastStart + shift(lastStart, marker)
            r = open..<max(open, close + length)
            // cmark reports an emphasis inside another up to the outer one's edges
            // (`***x***`, `**a *b***`): its markers are the inner ones.
            if let outer = emphasisStack.last {
                r = max(r.lowerBound, outer.lowerBound)..<max(max(r.lowerBound, outer.lowerBound), min(r.upperBound, outer.upperBound))
            }
            events.append(.emphasis(original(r), isStrong: length == 2))
            emphasisStack.append((r.lowerBound + length)..<max(r.lowerBound + length, r.upperBound - length))
            visitChildren(node, depth: depth)
            emphasisStack.removeLast()
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = node.type == CMARK_NODE_IMAGE
            var whole = projectedRange(node)
            let bytes = projected
            // A link whose text runs over a line break is reported as starting on its last line:
            // it starts just before its first child.
            if let first = node.firstChild, first.type == CMARK_NODE_TEXT {
                let childStart = projectedRange(first).lowerBound - (isImage ? 2 : 1)
                if childStart >= 0, childStart < whole.lowerBound, lines.lineIndex(of: childStart) < lines.lineIndex(of: whole.lowerBound) {
                    whole = childStart..<whole.upperBound
                }
            }
            let d = shift(whole.lowerBound) { i in bytes[i] == (isImage ? 0x21 : 0x5B) || bytes[i] == 0x3C }
            // The end may sit on a later line, with a shift of its own.
            let sameLine = lines.lineIndex(of: whole.lowerBound) == lines.lineIndex(of: max(whole.lowerBound, whole.upperBound - 1))
            let e = sameLine ? d : shift(whole.upperBound - 1) { i in bytes[i] == 0x29 || bytes[i] == 0x5D || bytes[i] == 0x3E }
            whole = whole.lowerBound + d..<max(whole.lowerBound + d, whole.upperBound + e)
            var childrenEnd: Int?
            var child = node.firstChild
            while let c = child {
                childrenEnd = max(childrenEnd ?? 0, projectedRange(c).upperBound + d)
                child = c.next
            }
            let url = node.url
            let only = node.firstChild
            let text = only != nil && only?.next == nil && only?.type == CMARK_NODE_TEXT ? only!.literal : nil
            let auto = node.type == CMARK_NODE_LINK && (text.map { $0 == url || "mailto:" + $0 == url || "http://" + $0 == url } ?? false)
            events.append(
                .link(
                    original(whole), destination: url, isImage: isImage, isAutolink: auto,
                    childrenEnd: childrenEnd.map { toOriginal(max(whole.lowerBound, $0 - 1)) + 1 }))
            visitChildren(node, depth: depth)
        default:
            if node.typeString == "strikethrough" {
                let r = projectedRange(node)
                let bytes = projected
                let d = shift(r.lowerBound) { i in bytes[i] == 0x7E }
                events.append(.strikethrough(original(r.lowerBound + d..<r.upperBound + d)))
            }
            visitChildren(node, depth: depth)
        }
    }

    private mutating func visitChildren(_ node: CmarkNode, depth: Int) {
        var child = node.firstChild
        while let c = child {
            visit(c, depth: depth + 1)
            child = c.next
        }
    }

    private static func openedUnit(in literal: String) -> Int? {
        guard let open = literal.range(of: "<tolk-u i=\"") else { return nil }
        return Int(literal[open.upperBound...].prefix { $0 != "\"" })
    }
}
