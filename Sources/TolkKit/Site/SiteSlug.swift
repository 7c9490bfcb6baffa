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
        var out = ""
        var pendingDash = false
        func append(_ c: Character) {
            if pendingDash && !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(c)
        }
        let ascii = name.utf8.allSatisfy { $0 < 0x80 }
        for scalar in (ascii ? name : name.decomposedStringWithCanonicalMapping).unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": append(Character(scalar))
            case "A"..."Z": append(Character(String(scalar).lowercased()))
            default:
                if let spelled = transliterations[scalar] {
                    spelled.forEach(append)
                } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isDefaultIgnorableCodePoint {
                    continue  // accents of decomposed letters, zero-width characters
                } else {
                    pendingDash = true
                }
            }
        }
        if out.utf8.count > maximumLength {
            out = String(out.prefix(maximumLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? "article-" + ContentHash.hex32(Array(fileName.utf8)) : out
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
