import CCmarkGFM
import Foundation

/// Owns one cmark-gfm parse: the tree lives as long as this object.
final class CmarkDocument {
    let root: OpaquePointer

    /// Parses CommonMark + GFM (tables, strikethrough, autolinks) with source
    /// positions, keeping raw HTML (`UNSAFE`) so units and tags stay visible.
    init?(_ bytes: [UInt8]) {
        Self.registerExtensions
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_SOURCEPOS
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in Self.extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        Self.parseLock.lock()
        bytes.withUnsafeBufferPointer { b in
            b.baseAddress?.withMemoryRebound(to: CChar.self, capacity: b.count) { cmark_parser_feed(parser, $0, b.count) }
        }
        let finished = cmark_parser_finish(parser)
        Self.parseLock.unlock()
        guard let doc = finished else { return nil }
        root = doc
    }

    deinit { cmark_node_free(root) }

    private static let extensions = ["table", "strikethrough", "autolink"]

    private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// cmark-gfm 0.29 keeps the inline parser's special characters in one global table:
    /// a parse adds its extensions' characters (`:` and `w` for bare URLs, `~`, `|`) when
    /// it starts parsing inlines (and for each table row) and removes them when it is
    /// done. Two parses on two threads race: the one still running loses them, and a bare
    /// URL stays text in one article out of many, differently from run to run. Handing the
    /// extensions empty lists instead makes the inline parser loop forever on `~`; so one
    /// parse runs at a time, and the rest of the article's reading stays parallel.
    private static let parseLock = NSLock()
}

/// Read-only accessors over a cmark node.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var typeString: String { String(cString: cmark_node_get_type_string(pointer)) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    var children: [CmarkNode] {
        var out: [CmarkNode] = []
        var child = firstChild
        while let c = child {
            out.append(c)
            child = c.next
        }
        return out
    }

    var tableAlignments: [Table.Alignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard count > 0, let raw = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<count).map {
            switch raw[$0] {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
    }
}
