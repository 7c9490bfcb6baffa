import CCmarkGFM

/// The named character references of HTML5 (`&euro;`, `&szlig;`, `&NotEqualTilde;`),
/// from the table cmark-gfm decodes Markdown with: the whole of WHATWG's list, the same
/// in articles' raw HTML as in their Markdown.
///
/// cmark-gfm keeps its table internal (houdini, with no header), so a name is looked
/// up through the public API: `&name;` alone parsed as a document is a paragraph of one
/// text node holding the character when the name is known, and the name as written
/// when it is not. Each name is asked once per process.
enum HTMLEntities {
    /// The cmark-gfm whose table this is, such as `0.29.0.gfm.6`.
    static let cmarkVersion = String(cString: cmark_version_string())

    private static let known = OnceEach<String, String?>()

    /// The characters `&name;` stands for, or nil when HTML5 names no such reference.
    static func value(of name: Substring) -> String? {
        // The longest name, CounterClockwiseContourIntegral, has 31 letters.
        guard !name.isEmpty, name.utf8.count <= 32, name.utf8.allSatisfy(isNameByte) else { return nil }
        let key = String(name)
        return known.value(for: key) { lookUp(key) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private static func lookUp(_ name: String) -> String? {
        let reference = "&\(name);"
        guard let document = cmark_parse_document(reference, reference.utf8.count, CMARK_OPT_DEFAULT) else {
            return nil
        }
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_first_child(document), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
            cmark_node_next(text) == nil, cmark_node_next(paragraph) == nil,
            let literal = cmark_node_get_literal(text)
        else { return nil }
        let value = String(cString: literal)
        return value == reference || value.isEmpty ? nil : value
    }
}
