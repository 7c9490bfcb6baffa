/// The allowlist for HTML written inside articles. Kept: `br`; `img` with a safe
/// `src` and `alt`, `width`, `height`, `title`; and the formatting tags
/// `b i em strong code kbd sup sub` without attributes. `a` is the writer's to
/// turn into a bare anchor (`anchorName`). Every other tag is dropped (its text
/// stays, escaped).
/// Formatting tags are tracked so that whatever an article leaves open is
/// closed where the surrounding element ends.
struct HTMLTagFilter {
    static let formatting: Set<String> = ["b", "i", "em", "strong", "code", "kbd", "sup", "sub"]

    /// Formatting tags opened and not yet closed, innermost last.
    private var open: [String] = []
    /// Turns an `<img src>` into the source to check and write (a site's copy of the image).
    var rewriteImage: (@Sendable (String) -> String)?

    init(rewriteImage: (@Sendable (String) -> String)? = nil) {
        self.rewriteImage = rewriteImage
    }

    /// The markup for one tag of an article ("" when it is dropped).
    mutating func markup(for html: InlineHTML) -> String {
        guard case .element(let name, let attributes, let isClosing) = html.kind else { return "" }
        switch name {
        case "br": return isClosing ? "" : "<br>"
        case "img": return isClosing ? "" : Self.image(attributes, rewrite: rewriteImage)
        case _ where Self.formatting.contains(name):
            guard isClosing else {
                open.append(name)
                return "<\(name)>"
            }
            guard let i = open.lastIndex(of: name) else { return "" }
            defer { open.removeSubrange(i...) }
            return open[i...].reversed().map { "</\($0)>" }.joined()
        default:
            return ""
        }
    }

    /// Closing tags for everything still open.
    mutating func closeAll() -> String {
        defer { open.removeAll() }
        return open.reversed().map { "</\($0)>" }.joined()
    }

    /// An `<img>` with a safe source, else its alt text.
    static func image(_ attributes: [HTMLAttribute], rewrite: (@Sendable (String) -> String)? = nil) -> String {
        func value(_ name: String) -> String? { attributes.first { $0.name.lowercased() == name }?.value }
        guard let src = value("src").map({ rewrite?($0) ?? $0 }).flatMap(SafeURL.imageSource) else {
            return HTMLEscaping.escape(value("alt") ?? "")
        }
        var tag = "<img" + HTMLEscaping.attribute("src", src) + HTMLEscaping.attribute("alt", value("alt") ?? "")
        for name in ["width", "height"] {
            if let v = value(name)?.trimmingSpaces, let n = Int(v.hasSuffix("px") ? String(v.dropLast(2)) : v), (1...10000).contains(n) {
                tag += HTMLEscaping.attribute(name, String(n))
            }
        }
        if let title = value("title"), !title.isEmpty { tag += HTMLEscaping.attribute("title", title) }
        return tag + " loading=\"lazy\">"
    }

    /// The anchor an `<a name="…">` (or `id`) of an article sets, if any; its
    /// `href` and everything else is dropped.
    static func anchorName(_ html: InlineHTML) -> String? {
        guard case .element("a", let attributes, false) = html.kind else { return nil }
        return attributes.first { $0.name.lowercased() == "id" }?.value ?? attributes.first { $0.name.lowercased() == "name" }?.value
    }

    /// An article's anchor as an `id`, or "" when it does not look like one. Anchors
    /// are DocFX slugs (every one of the corpus's 2,847 is `[a-z0-9][a-z0-9_.-]*`):
    /// a letter or digit, then letters, digits, `-`, `_`, `.`. Anything else is
    /// dropped, so an article cannot name an element `__proto__` or `_someGlobal`
    /// (DOM clobbering) or take one of the page's own `tolk-` IDs.
    static func pageID(_ anchor: String) -> String {
        let scalars = anchor.unicodeScalars
        let isAlphanumeric = { (s: Unicode.Scalar) in s.properties.isAlphabetic || s.properties.numericType != nil }
        guard let first = scalars.first, isAlphanumeric(first), scalars.count <= 256,
            scalars.allSatisfy({ isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }),
            !anchor.lowercased().hasPrefix("tolk-")
        else { return "" }
        return anchor
    }
}
