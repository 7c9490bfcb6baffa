/// Writes inline content as escaped HTML: translation units as `span.tu` with
/// their English original (`span.tu-o`) after the unit's last piece, links and
/// images through `SafeURL`, article HTML through `HTMLTagFilter`.
struct HTMLInlineWriter {
    /// Where inlines stand: inside a link there is no other link or anchor;
    /// inside an original there are no units and no anchors.
    struct Context {
        var inLink = false
        var inOriginal = false
    }

    let article: Article
    /// True on a translation's page: units carry their originals.
    let withOriginals: Bool
    let words: HTMLWords
    /// The page's `lang`, for the "not translated" marker.
    let pageLanguage: String
    /// Turns a link destination into the URL to check and write.
    let resolveLink: (String) -> String
    /// Turns an image source into the one to check and write (a site's copy of the image).
    var rewriteImage: (@Sendable (String) -> String)?
    private let originals: UnitOriginals
    private var piecesLeft: [Int: Int]
    /// The language of Tolk's words on the page: the page's own when they are in it (Danish), else English.
    private var wordsLanguage: String { PageLanguage.code(pageLanguage) == words.language ? pageLanguage : words.language }
    /// How many originals were written: a page without any needs no toggle.
    private(set) var originalsWritten = 0
    /// IDs given out so far: an article that repeats an anchor gets `-2`, `-3`, ….
    private var usedIDs: Set<String> = []

    init(article: Article, side: Side, words: HTMLWords, pageLanguage: String, resolveLink: @escaping (String) -> String) {
        self.article = article
        self.withOriginals = side == .target
        self.words = words
        self.pageLanguage = pageLanguage
        self.resolveLink = resolveLink
        self.originals = side == .target ? UnitOriginals(source: article.source, page: article.target) : UnitOriginals()
        self.piecesLeft = originals.pieceCounts
    }

    /// One run of inline content (a paragraph, heading, cell), balanced on its own.
    mutating func render(_ inlines: [Inline]) -> String {
        write(inlines, Context())
    }

    private mutating func write(_ inlines: [Inline], _ context: Context) -> String {
        var out = ""
        var tags = HTMLTagFilter(rewriteImage: rewriteImage)
        for inline in inlines {
            switch inline {
            case .text(let s): out += HTMLEscaping.escape(s)
            case .code(let s): out += "<code>" + HTMLEscaping.escape(s) + "</code>"
            case .emphasis(let c): out += "<em>" + write(c, context) + "</em>"
            case .strong(let c): out += "<strong>" + write(c, context) + "</strong>"
            case .strikethrough(let c): out += "<del>" + write(c, context) + "</del>"
            case .link(let l): out += link(l, context)
            case .image(let i): out += image(i)
            case .html(let h):
                switch h.kind {
                case .literal: out += HTMLEscaping.escape(h.raw)
                case .comment: break
                case .element:
                    if h.elementName == "a" {
                        // Anchors stay empty so they never wrap or nest; none inside links or repeated in originals.
                        if !context.inLink && !context.inOriginal, let id = HTMLTagFilter.anchorName(h).flatMap({ uniqueID($0) }) {
                            out += "<a" + HTMLEscaping.attribute("id", id) + "></a>"
                        }
                    } else {
                        out += tags.markup(for: h)
                    }
                }
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br>\n"
            case .unit(let u): out += unit(u, context)
            }
        }
        return out + tags.closeAll()
    }

    private mutating func link(_ link: Link, _ context: Context) -> String {
        // A link inside a link, or to somewhere unsafe, keeps only its text.
        let href = context.inLink ? nil : SafeURL.link(resolveLink(link.destination))
        var inner = context
        inner.inLink = context.inLink || href != nil
        let text = write(link.children, inner)
        guard let href else { return text }
        var tag = "<a" + HTMLEscaping.attribute("href", href)
        if !link.title.isEmpty { tag += HTMLEscaping.attribute("title", link.title) }
        return tag + ">" + (text.isEmpty ? HTMLEscaping.escape(href) : text) + "</a>"
    }

    private func image(_ image: Image) -> String {
        let alt = image.alt.plainText
        guard let src = SafeURL.imageSource(rewriteImage?(image.source) ?? image.source) else { return HTMLEscaping.escape(alt) }
        var tag = "<img" + HTMLEscaping.attribute("src", src) + HTMLEscaping.attribute("alt", alt)
        if !image.title.isEmpty { tag += HTMLEscaping.attribute("title", image.title) }
        return tag + " loading=\"lazy\">"
    }

    /// An anchor of the article as a unique `id` for the page, or nil when it has none.
    mutating func uniqueID(_ anchor: String) -> String? {
        let id = HTMLTagFilter.pageID(anchor)
        guard !id.isEmpty else { return nil }
        var candidate = id
        var n = 2
        while usedIDs.contains(candidate) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        usedIDs.insert(candidate)
        return candidate
    }

    // MARK: Units

    private mutating func unit(_ piece: UnitSpan, _ context: Context) -> String {
        guard article.units.indices.contains(piece.unit) else { return write(piece.children, context) }
        let unit = article.units[piece.unit]
        let id = HTMLEscaping.attribute("data-unit", unit.id)
        guard withOriginals, !context.inOriginal else { return "<span class=\"tu\"\(id)>" + write(piece.children, context) + "</span>" }

        piecesLeft[piece.unit, default: 1] -= 1
        let isLast = piecesLeft[piece.unit, default: 0] <= 0
        // Every unit takes focus, also inside a link (the DOM contract): a keyboard or
        // touch reader reaches each original the same way.
        let focus = " tabindex=\"0\""
        var original = context
        original.inOriginal = true
        let english = isLast ? originals.originals[piece.unit] : nil

        if unit.isTargetEmpty || unit.target.trimmingSpaces == unit.source.trimmingSpaces {
            let content = unit.isTargetEmpty ? (english.map { write($0, original) } ?? "") : write(piece.children, context)
            let marker =
                isLast
                ? "<span class=\"tolk-vh\"" + HTMLEscaping.attribute("lang", wordsLanguage) + "> ("
                    + HTMLEscaping.escape(words.notTranslated)
                    + ")</span>" : ""
            return "<span class=\"tu tu-untranslated\" lang=\"en\" dir=\"ltr\"\(focus)\(id)"
                + HTMLEscaping.attribute("title", words.notTranslated) + ">" + content + marker + "</span>"
        }

        var out = "<span class=\"tu\"\(focus)\(id)>" + write(piece.children, context)
        if let english, !english.isEmpty {
            out += "<span class=\"tu-o\" lang=\"en\" dir=\"ltr\">" + write(english, original) + "</span>"
            originalsWritten += 1
        }
        return out + "</span>"
    }
}
