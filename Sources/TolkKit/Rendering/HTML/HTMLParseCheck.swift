internal import CXMLShim
import Foundation

/// Checks that generated HTML parses: libxml2's HTML parser reads the page and
/// counts its errors (unbalanced or misnested tags, bad references, forbidden
/// characters). For tests and for a site build that wants to verify its output.
enum HTMLParseCheck {
    /// HTML5 elements libxml2 2.9 (an HTML 4 parser) reports as unknown; they are
    /// read as `div` so that only real structural errors are counted.
    static let html5Elements = ["main", "nav", "header", "footer", "article", "aside", "section"]

    /// The number of errors libxml2 reports for `html`, or -1 when it cannot parse at all.
    static func errorCount(_ html: String) -> Int {
        var page = html
        for name in html5Elements {
            for (from, to) in [("<\(name)>", "<div>"), ("<\(name) ", "<div "), ("</\(name)>", "</div>")] {
                page = page.replacingOccurrences(of: from, with: to)
            }
        }
        let bytes = Array(page.utf8)
        return Int(
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { tolk_html_error_count($0, buffer.count) }
                } ?? 0
            })
    }
}
