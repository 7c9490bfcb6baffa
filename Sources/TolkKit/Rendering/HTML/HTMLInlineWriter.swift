/// Writes inline content as escaped HTML: translation units as `span.tu` with
/// their English original (`span.tu-o`) after the unit's last piece, links and
/// images through `SafeURL`, article HTML through `HTMLTagFilter`.
///
/// Keyboard and screen readers: a sentence is never a tab stop (a page would have
/// thousands, and one inside a link is invalid HTML). A run of inline content
/// (paragraph, heading, list item, cell) that shows originals is wrapped in one
/// `span.tu-run` with `tabindex="-1"`: focusing it (a tap, a click, the arrow keys)
/// shows that run's originals. The page script makes the first run the article's
/// one tab stop and moves it with the arrow keys (a roving tab stop); without the
/// script the page-wide switch shows every original. Each sentence names its
/// original (`span.tu-o` with `id="tolk-o-N"`) in `aria-describedby`, and so does
/// the run, for all of its originals.
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
    /// Per unit, the pieces still to come on the page (0 or less: this is the last).
    private var piecesLeft: [Int]
    /// The language of Tolk's words on the page: the page's own when they are in it (Danish), else English.
    private var wordsLanguage: String { PageLanguage.code(pageLanguage) == words.language ? pageLanguage : words.language }
    /// How many originals were written: a page without any needs no toggle.
    private(set) var originalsWritten = 0
    /// IDs given out so far: an article that repeats an anchor gets `-2`, `-3`, ….
    private var usedIDs: Set<String> = []
    /// The IDs of the originals written in the current run, for the run's `aria-describedby`.
    private var runOriginalIDs: [String] = []
    /// The originals' IDs written so far on the page.
    private var writtenOriginalIDs: Set<String> = []

    init(article: Article, side: Side, words: HTMLWords, pageLanguage: String, resolveLink: @escaping (String) -> String) {
        self.article = article
        self.withOriginals = side == .target
        self.words = words
        self.pageLanguage = pageLanguage
        self.resolveLink = resolveLink
        self.originals =
            side == .target
            ? UnitOriginals(source: article.source, page: article.target, unitCount: article.units.count)
            : UnitOriginals()
        self.piecesLeft = originals.pieceCounts
        // The originals' IDs are taken first: an article anchor never gets one of them.
        for (index, english) in originals.originals.enumerated() where !english.isEmpty {
            usedIDs.insert(Self.originalID(index))
        }
    }

    /// The `id` of unit `index`'s original on the page.
    static func originalID(_ index: Int) -> String { "tolk-o-\(index)" }

    /// One run of inline content (a paragraph, heading, cell), balanced on its own.
    mutating func render(_ inlines: [Inline]) -> String {
        var out = ""
        write(inlines, into: &out)
        return out
    }

    /// Appends one run of inline content to `out`, balanced on its own; a run that
    /// shows originals inside one focusable `span.tu-run` (no tab stop of its own: the
    /// page script gives the article one, and moves it between runs with the arrow keys).
    mutating func write(_ inlines: [Inline], into out: inout String) {
        guard withOriginals else { return write(inlines, Context(), into: &out) }
        runOriginalIDs = []
        var run = ""
        write(inlines, Context(), into: &run)
        guard !runOriginalIDs.isEmpty else {
            out += run
            return
        }
        out += "<span class=\"tu-run\" tabindex=\"-1\""
        out += HTMLEscaping.attribute("aria-describedby", runOriginalIDs.joined(separator: " ")) + ">"
        out += run
        out += "</span>"
        runOriginalIDs = []
    }

    /// Appends the run to `out`: one buffer for a whole paragraph, not a string per inline.
    private mutating func write(_ inlines: [Inline], _ context: Context, into out: inout String) {
        var tags = HTMLTagFilter(rewriteImage: rewriteImage)
        for inline in inlines {
            switch inline {
            case .text(let s): HTMLEscaping.escape(s, into: &out)
            case .code(let s):
                out += "<code>"
                HTMLEscaping.escape(s, into: &out)
                out += "</code>"
            case .emphasis(let c): wrap("em", c, context, into: &out)
            case .strong(let c): wrap("strong", c, context, into: &out)
            case .strikethrough(let c): wrap("del", c, context, into: &out)
            case .link(let l): link(l, context, into: &out)
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
            case .unit(let u): unit(u, context, into: &out)
            }
        }
        out += tags.closeAll()
    }

    private mutating func wrap(_ element: String, _ inlines: [Inline], _ context: Context, into out: inout String) {
        out += "<" + element + ">"
        write(inlines, context, into: &out)
        out += "</" + element + ">"
    }

    private mutating func link(_ link: Link, _ context: Context, into out: inout String) {
        // A link inside a link, or to somewhere unsafe, keeps only its text.
        let href = context.inLink ? nil : SafeURL.link(resolveLink(link.destination))
        var inner = context
        inner.inLink = context.inLink || href != nil
        guard let href else { return write(link.children, inner, into: &out) }
        out += "<a" + HTMLEscaping.attribute("href", href)
        if !link.title.isEmpty { out += HTMLEscaping.attribute("title", link.title) }
        out += ">"
        let before = out.utf8.count
        write(link.children, inner, into: &out)
        if out.utf8.count == before { out += HTMLEscaping.escape(href) }
        out += "</a>"
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

    private mutating func unit(_ piece: UnitSpan, _ context: Context, into out: inout String) {
        guard article.units.indices.contains(piece.unit) else { return write(piece.children, context, into: &out) }
        let unit = article.units[piece.unit]
        // ` data-unit="…"`: unit IDs are plain ASCII, escaped all the same.
        let id = HTMLEscaping.attribute("data-unit", unit.id)
        guard withOriginals, !context.inOriginal else {
            out += "<span class=\"tu\""
            out += id
            out += ">"
            write(piece.children, context, into: &out)
            out += "</span>"
            return
        }

        var isLast = true
        if piecesLeft.indices.contains(piece.unit) {
            piecesLeft[piece.unit] -= 1
            isLast = piecesLeft[piece.unit] <= 0
        }
        var original = context
        original.inOriginal = true
        let english = isLast && originals.originals.indices.contains(piece.unit) ? originals.originals[piece.unit] : nil

        if unit.isTargetEmpty || unit.target.trimmingSpaces == unit.source.trimmingSpaces {
            // No original to show: the unit is the English text, marked "not translated".
            out += "<span class=\"tu tu-untranslated\" lang=\"en\" dir=\"ltr\""
            out += id
            out += HTMLEscaping.attribute("title", words.notTranslated) + ">"
            if !unit.isTargetEmpty {
                write(piece.children, context, into: &out)
            } else if let english {
                write(english, original, into: &out)
            }
            if isLast {
                out += "<span class=\"tolk-vh\"" + HTMLEscaping.attribute("lang", wordsLanguage) + "> ("
                out += HTMLEscaping.escape(words.notTranslated) + ")</span>"
            }
            out += "</span>"
            return
        }

        // Every piece names the original (written after the last piece) as its description.
        let originalID = Self.originalID(piece.unit)
        let hasOriginal = originals.originals.indices.contains(piece.unit) && !originals.originals[piece.unit].isEmpty
        out += "<span class=\"tu\""
        out += id
        if hasOriginal { out += HTMLEscaping.attribute("aria-describedby", originalID) }
        out += ">"
        if let repair = article.repaired[piece.unit] {
            repaired(piece, repair, isLast: isLast, context, into: &out)
        } else {
            write(piece.children, context, into: &out)
        }
        if let english, !english.isEmpty {
            // The ID once per page, even if a unit's pieces were miscounted.
            let written = writtenOriginalIDs.insert(originalID).inserted
            out += "<span class=\"tu-o\" lang=\"en\" dir=\"ltr\"" + (written ? HTMLEscaping.attribute("id", originalID) : "") + ">"
            write(english, original, into: &out)
            out += "</span>"
            originalsWritten += 1
            if written { runOriginalIDs.append(originalID) }
        }
        out += "</span>"
    }

    /// The `id` of a repaired unit's published text on the page.
    static func publishedID(_ index: Int) -> String { "tolk-p-\(index)" }

    /// A repaired unit's piece in `span.tu-repaired`, focusable (outside links; not a tab stop: the
    /// article keeps its one, and focusing the run shows the published text too) whose published
    /// text (`span.tu-published`, after the last piece) shows on hover and focus and describes it.
    private mutating func repaired(_ piece: UnitSpan, _ repair: RepairedUnit, isLast: Bool, _ context: Context, into out: inout String) {
        let id = Self.publishedID(piece.unit)
        out += "<span class=\"tu-repaired\"" + (context.inLink ? "" : " tabindex=\"-1\"")
        out += HTMLEscaping.attribute("aria-describedby", id) + ">"
        write(piece.children, context, into: &out)
        if isLast, usedIDs.insert(id).inserted {
            var inner = context
            inner.inOriginal = true
            out += "<span class=\"tu-published\"" + HTMLEscaping.attribute("id", id) + ">"
            HTMLEscaping.escape(words.asPublished + ": ", into: &out)
            out += "<span" + HTMLEscaping.attribute("lang", pageLanguage) + ">"
            write(repair.published, inner, into: &out)
            out += "</span></span>"
        }
        out += "</span>"
    }
}
