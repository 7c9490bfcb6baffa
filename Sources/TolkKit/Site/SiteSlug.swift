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
        var name = Substring(fileName)
        if SitePlan.hasMarkdownExtension(fileName) { name = name.dropLast(3) }
        // The slug is ASCII whatever the name: built as bytes.
        var out = Builder()
        out.bytes.reserveCapacity(name.utf8.count)
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 0x20)
                default: out.pendingDash = true
                }
            }
        } else {
            for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar {
                case "a"..."z", "0"..."9": out.append(UInt8(scalar.value))
                case "A"..."Z": out.append(UInt8(scalar.value) + 0x20)
                default:
                    if let spelled = transliterations[scalar] {
                        for byte in spelled.utf8 { out.append(byte) }
                    } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isDefaultIgnorableCodePoint {
                        continue  // accents of decomposed letters, zero-width characters
                    } else {
                        out.pendingDash = true
                    }
                }
            }
        }
        var bytes = out.bytes
        if bytes.count > maximumLength {
            bytes.removeSubrange(maximumLength...)
            while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        }
        return bytes.isEmpty ? "article-" + ContentHash.hex32(Array(fileName.utf8)) : String(decoding: bytes, as: UTF8.self)
    }

    /// Letters and digits with single dashes between the runs.
    private struct Builder {
        var bytes: [UInt8] = []
        var pendingDash = false

        mutating func append(_ byte: UInt8) {
            if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            pendingDash = false
            bytes.append(byte)
        }
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
