import Foundation

/// The folder name of an article's pages: lowercase ASCII letters, digits and
/// single dashes, made from the file name alone (never from front matter), so
/// no name can reach outside its language folder or carry markup into a URL.
///
/// `Aktivér Sync.md` → `aktiver-sync`; `x"><img src=x onerror=alert(1)>.md` →
/// `x-img-src-x-onerror-alert-1`; `x%2F..%2Fevil.md` → `x-2f-2fevil`. A name with
/// nothing left (`日本語.md`) becomes `article-` and eight hex digits of a hash of
/// the name. `SitePlan` makes slugs unique with `-2`, `-3`, ….
enum SiteSlug {
    /// The longest slug, in bytes: far below any file system's name limit.
    static let maximumLength = 96

    static func make(fromFileName fileName: String) -> String {
        var name = fileName
        if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
        // The slug is ASCII whatever the name: built as bytes.
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingDash = false
        func append(_ byte: UInt8) {
            if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(byte)
        }
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte + 0x20)
                default: pendingDash = true
                }
            }
        } else {
            for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar {
                case "a"..."z", "0"..."9": append(UInt8(scalar.value))
                case "A"..."Z": append(UInt8(scalar.value) + 0x20)
                default:
                    if let spelled = transliterations[scalar] {
                        spelled.utf8.forEach(append)
                    } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isDefaultIgnorableCodePoint {
                        continue  // accents of decomposed letters, zero-width characters
                    } else {
                        pendingDash = true
                    }
                }
            }
        }
        if out.count > maximumLength {
            out.removeSubrange(maximumLength...)
            while out.last == UInt8(ascii: "-") { out.removeLast() }
        }
        return out.isEmpty ? "article-" + ContentHash.hex32(Array(fileName.utf8)) : String(decoding: out, as: UTF8.self)
    }

    /// Letters that do not decompose into an ASCII letter and a mark.
    private static let transliterations: [Unicode.Scalar: String] = [
        "æ": "ae", "Æ": "ae", "ø": "oe", "Ø": "oe", "ß": "ss", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th",
        "œ": "oe", "Œ": "oe", "ı": "i",
    ]

    /// True for a string `make` could have returned: what a path inside the output may use.
    static func isSafe(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.count <= maximumLength + 8 && !slug.hasPrefix("-")
            && slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
