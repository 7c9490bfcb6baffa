internal import CXMLShim

/// Checks that generated XML (a sitemap) is well-formed, with libxml2's XML parser.
enum XMLParseCheck {
    /// The number of errors libxml2 reports for `xml`; 0 for a well-formed document.
    static func errorCount(_ xml: String) -> Int {
        let bytes = Array(xml.utf8)
        return Int(
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { tolk_xml_error_count($0, buffer.count) }
                } ?? 1
            })
    }
}
