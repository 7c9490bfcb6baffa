/// Which URLs may stand in an `href` or `src` of a rendered page. Checked on
/// the final URL, after site-relative links are resolved.
enum SafeURL {
    /// Schemes a link may use; anything else (javascript:, vbscript:, data:,
    /// file:, …) renders the link text without `<a>`.
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// Raster image types a `data:` image may carry. SVG is not one: it can hold script.
    static let dataImagePrefixes = [
        "data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,", "data:image/webp;base64,",
    ]

    /// The link destination as it may be written into `href`, or nil when it is not
    /// http, https, mailto, a relative path or a `#fragment`. Characters a URL may not
    /// hold (`{`, `|`, `[`, `"`, spaces, a `%` without two hex digits) are percent-encoded
    /// as CommonMark renderers do, so the `href` is a valid URL. Non-ASCII stays as it
    /// is (valid in an HTML URL, and a host name must not be percent-encoded).
    static func link(_ destination: String) -> String? {
        let cleaned = cleanedForOutput(destination)
        guard !cleaned.isEmpty else { return nil }
        for form in forms(of: destination) {
            guard let scheme = scheme(of: form) else {
                if isNetworkPath(form) { return nil }
                continue
            }
            guard linkSchemes.contains(scheme) else { return nil }
        }
        return percentEncoded(cleaned)
    }

    /// Characters kept as they are in a link (besides ASCII letters and digits): the
    /// URL delimiters and the unreserved marks, as in CommonMark's reference renderers.
    private static let keptInURL = Set(";/?:@&=+$,-_.!~*'()#".unicodeScalars)

    /// The URL with every other ASCII character percent-encoded; non-ASCII stays; `%`
    /// stays only where two hex digits follow it (an escape already), else it becomes `%25`.
    static func percentEncoded(_ url: String) -> String {
        percentEncoded(url) { b in
            b >= 0x80 || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                || keptInURL.contains(Unicode.Scalar(b))
        }
    }

    /// The URL with every byte `isKept` refuses percent-encoded (UTF-8), except a `%` that
    /// starts an escape already: escaping twice changes nothing.
    static func percentEncoded(_ url: String, keeping isKept: (UInt8) -> Bool) -> String {
        let bytes = Array(url.utf8)
        func isHex(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b) }
        guard bytes.contains(where: { !isKept($0) }) else { return url }
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (i, b) in bytes.enumerated() {
            if (isKept(b) && b != 0x25) || (b == 0x25 && i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append(b)
            } else {
                out += [0x25, digits[Int(b >> 4)], digits[Int(b & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The image source as it may be written into `src`, or nil: a relative path
    /// (no scheme, not `//host`) or a base64 PNG, JPEG, GIF or WebP `data:` URL.
    static func imageSource(_ source: String) -> String? {
        let cleaned = cleanedForOutput(source)
        guard !cleaned.isEmpty else { return nil }
        for form in forms(of: source) {
            switch scheme(of: form) {
            case nil: if isNetworkPath(form) { return nil }
            case "data":
                let compact = String(String.UnicodeScalarView(form.unicodeScalars.filter { !isIgnorable($0) })).lowercased()
                guard dataImagePrefixes.contains(where: { compact.hasPrefix($0) }) else { return nil }
                guard compact.drop(while: { $0 != "," }).dropFirst().unicodeScalars.allSatisfy(isBase64) else { return nil }
            default: return nil
            }
        }
        return cleaned
    }

    /// The URL as written and with character references decoded: cmark-gfm decodes
    /// them in link destinations already, but a URL that reaches a page some other
    /// way must not hide `javascript&colon;` either. Both forms must pass.
    private static func forms(of url: String) -> [String] {
        let decoded = CharacterReferences.decode(url)
        return decoded == url ? [url] : [url, decoded]
    }

    /// What a browser would take as the URL's scheme, lowercased, with every ASCII
    /// whitespace and control character removed first (so `java\tscript:` and
    /// ` JAVASCRIPT:` are caught). A colon before the first `/ ? #` that does not end
    /// a well-formed scheme gives the unknown scheme "" (never allowed); nil means
    /// there is no scheme: a relative reference.
    static func scheme(of url: String) -> String? {
        var name = ""
        for scalar in url.unicodeScalars where !isIgnorable(scalar) {
            switch scalar {
            case ":":
                let valid =
                    name.unicodeScalars.first.map(isASCIILetter) == true
                    && name.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
                return valid ? name.lowercased() : ""
            case "/", "?", "#", "\\": return nil
            default: name.unicodeScalars.append(scalar)
            }
        }
        return nil
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }

    /// `//host/…` (or with backslashes, which browsers read as slashes): another
    /// host under whatever scheme the page has.
    private static func isNetworkPath(_ url: String) -> Bool {
        var seen = 0
        for scalar in url.unicodeScalars where !isIgnorable(scalar) {
            guard scalar == "/" || scalar == "\\" else { return false }
            seen += 1
            if seen == 2 { return true }
        }
        return false
    }

    /// ASCII whitespace and controls: browsers strip or ignore them in URLs.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool { scalar.value <= 0x20 || scalar.value == 0x7F }

    private static func isBase64(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "/" || scalar == "="
    }

    /// The URL without controls (tab, line feed, …) and without leading and trailing spaces.
    private static func cleanedForOutput(_ url: String) -> String {
        if let first = url.utf8.first, let last = url.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last),
            url.utf8.allSatisfy({ $0 > 0x1F && $0 != 0x7F && $0 != 0xC2 })
        {
            return url  // nothing to remove (C1 controls start with 0xC2)
        }
        let kept = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x1F && $0.value != 0x7F }))
        return kept.trimmingSpaces
    }
}
