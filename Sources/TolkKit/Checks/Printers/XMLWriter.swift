internal import CXMLShim

/// Writes an XML document through libxml2's text writer (via CXMLShim), which
/// escapes text and attribute values; owns the C writer and frees it in `deinit`.
///
/// Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
/// return, and U+FFFE, U+FFFF) are removed from names, values and text before they
/// reach libxml2, which would otherwise write them as character references that no
/// XML 1.0 parser accepts.
final class XMLWriter {
    private let handle: OpaquePointer
    private var finished = false

    /// A writer with the XML declaration written, indenting by two spaces.
    init() {
        guard let handle = tolk_xml_writer_new() else {
            preconditionFailure("libxml2 could not allocate an XML writer")
        }
        self.handle = handle
    }

    deinit { tolk_xml_writer_free(handle) }

    /// Opens element `name` with `attributes` in the given order.
    func startElement(_ name: String, _ attributes: [(String, String)] = []) {
        check(Self.xmlSafe(name).withCString { tolk_xml_start_element(handle, $0) })
        for (key, value) in attributes {
            check(Self.xmlSafe(key).withCString { k in Self.xmlSafe(value).withCString { v in tolk_xml_attribute(handle, k, v) } })
        }
    }

    /// Writes escaped character data.
    func text(_ text: String) {
        check(Self.xmlSafe(text).withCString { tolk_xml_text(handle, $0) })
    }

    /// Closes the innermost open element.
    func endElement() {
        check(tolk_xml_end_element(handle))
    }

    /// Closes all open elements and returns the document, ended by one newline.
    func finish() -> String {
        precondition(!finished, "XMLWriter.finish called twice")
        finished = true
        var length = 0
        guard let bytes = tolk_xml_writer_finish(handle, &length) else {
            preconditionFailure("libxml2 could not finish the XML document")
        }
        defer { tolk_free(bytes) }
        var document = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
        while document.last?.isNewline == true { document.removeLast() }
        return document + "\n"
    }

    /// libxml2 reports failure with a negative count; with valid UTF-8 and names that
    /// are ours, that means a bug here, not bad input.
    private func check(_ result: Int32) {
        assert(result >= 0, "libxml2 XML writer call failed")
    }

    /// `text` without the characters XML 1.0 does not allow (NUL among them, which
    /// would also cut the C string short).
    static func xmlSafe(_ text: String) -> String {
        // Bytes from 0x20 up, tab, LF and CR, without 0xEF (the lead byte of U+FFFE and
        // U+FFFF), are allowed whatever they encode: no need to decode the text.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 != 0xEF) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return text }
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above
    /// (Swift strings hold no surrogates).
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
