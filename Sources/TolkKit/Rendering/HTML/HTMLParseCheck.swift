internal import CXMLShim
import Foundation

/// Checks that generated HTML parses: libxml2's HTML parser reads the page and
/// counts its errors (unbalanced or misnested tags, bad references, forbidden
/// characters). For tests and for a site build that wants to verify its output.
enum HTMLParseCheck {
    /// HTML5 elements libxml2 2.9 (an HTML 4 parser) reports as unknown; they are
    /// read as `div` so that only real structural errors are counted.
    static let html5Elements = ["main", "nav", "header", "footer", "article", "aside", "section"]
    /// HTML5 elements of running text, read as `span`.
    static let html5InlineElements = ["time"]

    /// The page with every `<main>`, `<main …>` and `</main>` (and the other HTML5
    /// elements) written as `div`, in one pass over the bytes.
    static func html5AsDiv(_ bytes: [UInt8]) -> [UInt8] {
        let names = (html5Elements + html5InlineElements).map { Array($0.utf8) }
        let inline = html5Elements.count
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            let start = i + (closing ? 2 : 1)
            var replaced = false
            for (k, name) in names.enumerated()
            where start + name.count < bytes.count && bytes[start..<(start + name.count)].elementsEqual(name) {
                let after = bytes[start + name.count]
                if after == UInt8(ascii: ">") || (!closing && after == UInt8(ascii: " ")) {
                    let element = k < inline ? "div" : "span"
                    out += Array(((closing ? "</" : "<") + element).utf8)
                    i = start + name.count
                    replaced = true
                    break
                }
            }
            if !replaced {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// The number of errors libxml2 reports for `html`, or -1 when it cannot parse at all.
    static func errorCount(_ html: String) -> Int {
        let bytes = html5AsDiv(Array(html.utf8))
        return Int(
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { tolk_html_error_count($0, buffer.count) }
                } ?? 0
            })
    }
}
