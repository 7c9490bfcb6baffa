import Foundation

/// Writes `sitemap.xml` (sitemaps.org 0.9) through libxml2's XML writer: every
/// page search engines may index, in every language, with `<lastmod>` from its
/// copy's `ms.date` and its language versions as `xhtml:link rel="alternate"
/// hreflang`, as search engines read multilingual sites: each `<url>` names
/// itself, the other listed pages of its article and `x-default` (English, else
/// its first translation), so that the alternates are reciprocal; the root (the
/// language choice) is the `x-default` of the language indexes. A page whose copy
/// says `ROBOTS: NOINDEX` is left out, unless `indexAll`. A sitemap needs absolute
/// URLs: without `--base-url` they start with `SitemapWriter.placeholderBase`, a
/// host that never resolves, to be replaced when the site's address is known.
struct SitemapWriter: Sendable {
    /// The base of `<loc>` when the site has no `--base-url` (RFC 6761 reserves `.invalid`).
    static let placeholderBase = "https://example.invalid/"

    /// The site's address, ending in `/`, percent-encoded.
    let baseURL: String
    let languages: [(code: String, locale: String)]
    /// List the pages of articles marked `NOINDEX` too (`--index-all`).
    let indexAll: Bool

    init(baseURL: String, languages: [(code: String, locale: String)], indexAll: Bool = false) {
        self.baseURL = SiteSearchEngines.escaped(baseURL)
        self.languages = languages
        self.indexAll = indexAll
    }

    func render(_ entries: [SiteCatalog.Entry]) -> String {
        let pieces = self.pieces(entries, count: 2)
        return Self.join(pieces.map { $0() }) ?? document(entries.sorted(by: { $0.slug < $1.slug })[...], withIndexes: true)
    }

    /// The sitemap in `count` pieces to render at once (each by its own libxml2 writer,
    /// as a whole document of some of the articles), to be put together by `join`. A
    /// site's sitemap lists thousands of pages; one writer took longer than any other
    /// page of a build's last step.
    func pieces(_ entries: [SiteCatalog.Entry], count: Int) -> [@Sendable () -> String] {
        // Only articles with a page to list: a piece of articles marked NOINDEX alone would be empty.
        let sorted = entries.filter { entry in indexAll || entry.languages.contains { SiteCatalog.copy(entry, in: $0)?.indexable == true } }
            .sorted(by: { $0.slug < $1.slug })
        // No empty piece: a document without a url is one empty element, which `join` cannot cut.
        let count = max(1, min(count, sorted.count))
        let writer = self
        return (0..<count).map { i in
            let part = sorted[(i * sorted.count / count)..<((i + 1) * sorted.count / count)]
            return { writer.document(part, withIndexes: i == 0) }
        }
    }

    /// One document from the pieces' documents: the first without its end tag, the
    /// middle ones without their start and end, the last without its start. Nil when a
    /// piece is not shaped as expected (then the caller renders the sitemap in one piece).
    static func join(_ documents: [String]) -> String? {
        guard documents.count > 1 else { return documents.first }
        var out = ""
        out.reserveCapacity(documents.reduce(0) { $0 + $1.utf8.count })
        for (i, document) in documents.enumerated() {
            var body = Substring(document)
            if i > 0 {
                guard let start = body.range(of: startTagEnd) else { return nil }
                body = body[start.upperBound...]
            }
            if i < documents.count - 1 {
                guard body.hasSuffix(endTag) else { return nil }
                body = body.dropLast(endTag.count)
            }
            out += body
        }
        return out
    }

    private static let startTagEnd = "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    private static let endTag = "</urlset>\n"

    /// A sitemap of the articles of `entries` (in slug order), each listed page with the
    /// article's other listed pages as alternates; the root and the indexes first when asked.
    private func document(_ entries: ArraySlice<SiteCatalog.Entry>, withIndexes: Bool) -> String {
        let writer = XMLWriter()
        writer.startElement(
            "urlset", [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"), ("xmlns:xhtml", "http://www.w3.org/1999/xhtml")])
        if withIndexes {
            // The root chooses a language: the indexes' `x-default`.
            let indexes = languages.map { (PageLanguage.tag($0.locale), $0.code + "/") } + [("x-default", "")]
            url(writer, path: "", lastModified: nil, alternates: indexes)
            for language in languages { url(writer, path: language.code + "/", lastModified: nil, alternates: indexes) }
        }
        for entry in entries {
            var pages: [(code: String, path: String, lastModified: String?)] = []
            var versions: [(String, String)] = []
            for code in entry.languages {
                guard let copy = SiteCatalog.copy(entry, in: code), indexAll || copy.indexable else { continue }
                let path = code + "/" + entry.slug + "/"
                pages.append((code, path, copy.lastModified))
                versions.append((PageLanguage.tag(code == "en" ? SiteArticlePages.englishLocale : copy.locale), path))
            }
            guard let fallback = pages.first(where: { $0.code == "en" }) ?? pages.first else { continue }
            versions.append(("x-default", fallback.path))
            for page in pages { url(writer, path: page.path, lastModified: page.lastModified, alternates: versions) }
        }
        writer.endElement()
        return writer.finish()
    }

    /// One `<url>`: `alternates` name every version of the page, itself among them, and `x-default`.
    private func url(_ writer: XMLWriter, path: String, lastModified: String?, alternates: [(String, String)]) {
        writer.startElement("url")
        writer.startElement("loc")
        writer.text(baseURL + path)
        writer.endElement()
        if let lastModified {
            writer.startElement("lastmod")
            writer.text(lastModified)
            writer.endElement()
        }
        for (hreflang, target) in alternates {
            writer.startElement("xhtml:link", [("rel", "alternate"), ("hreflang", hreflang), ("href", baseURL + target)])
            writer.endElement()
        }
        writer.endElement()
    }
}
