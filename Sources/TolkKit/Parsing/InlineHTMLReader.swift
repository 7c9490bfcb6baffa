internal import CXMLShim

/// Reads the inline HTML cmark-gfm leaves as raw tags. libxml2 decides what is
/// an HTML element (and reads its attributes); anything it does not know, such
/// as `<email address>` or `<Role Name>`, is a pseudo-tag and stays literal text.
struct InlineHTMLReader {
    private var cache: [String: InlineHTML.Kind] = [:]

    mutating func read(_ raw: String) -> InlineHTML {
        if let kind = cache[raw] { return InlineHTML(raw: raw, kind: kind) }
        let kind = Self.classify(raw)
        if cache.count < 4096 { cache[raw] = kind }
        return InlineHTML(raw: raw, kind: kind)
    }

    /// - Parameter readingAttributes: false when only what the tag is matters: its
    ///   attributes are then left empty, and libxml2 is not asked.
    static func classify(_ raw: String, readingAttributes: Bool = true) -> InlineHTML.Kind {
        let bytes = Array(raw.utf8)
        guard bytes.count >= 3, bytes[0] == 0x3C else { return .literal }
        if bytes.starts(with: Array("<!--".utf8)) { return .comment }
        let closing = bytes[1] == 0x2F
        var i = closing ? 2 : 1
        var name: [UInt8] = []
        while i < bytes.count, isNameByte(bytes[i]) {
            name.append(bytes[i] | (bytes[i] >= 0x41 && bytes[i] <= 0x5A ? 0x20 : 0))
            i += 1
        }
        guard let first = name.first, first >= 0x61 && first <= 0x7A else { return .literal }
        let lowerName = String(decoding: name, as: UTF8.self)
        let known = lowerName.withCString { tolk_html_tag_known($0) } != 0
        guard known else { return .literal }
        if closing { return .element(name: lowerName, attributes: [], isClosing: true) }
        // Only tags with attributes need the parser; `<br/>`, `<b>` do not.
        var rest = i
        while rest < bytes.count, bytes[rest] == 0x20 || bytes[rest] == 0x2F || bytes[rest] == 0x3E || bytes[rest] == 0x0A { rest += 1 }
        guard rest < bytes.count, readingAttributes else { return .element(name: lowerName, attributes: [], isClosing: false) }
        return .element(name: lowerName, attributes: attributes(of: bytes), isClosing: false)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }

    private static func attributes(of bytes: [UInt8]) -> [HTMLAttribute] {
        var length = 0
        guard
            let buffer = bytes.withUnsafeBufferPointer({ b in
                b.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: b.count) { tolk_html_first_element($0, b.count, &length) }
                }
            })
        else { return [] }
        defer { tolk_free(buffer) }
        let raw = UnsafeRawBufferPointer(start: buffer, count: length)
        let strings = raw.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var out: [HTMLAttribute] = []
        var k = 1
        while k + 1 < strings.count {
            out.append(HTMLAttribute(name: strings[k], value: strings[k + 1]))
            k += 2
        }
        return out
    }
}
