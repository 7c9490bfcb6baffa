import Foundation

/// Writes `sitemap.xml` (sitemaps.org 0.9) through libxml2's XML writer: every
/// page of every language with its language versions as `xhtml:link
/// rel="alternate" hreflang` (and English as `x-default`), as search engines read
/// multilingual sites. A sitemap needs absolute URLs: without `--base-url` they
/// start with `SitemapWriter.placeholderBase`, a host that never resolves, to be
/// replaced when the site's address is known.
struct SitemapWriter: Sendable {
    /// The base of `<loc>` when the site has no `--base-url` (RFC 6761 reserves `.invalid`).
    static let placeholderBase = "https://example.invalid/"

    let baseURL: String
    let languages: [(code: String, locale: String)]

    func render(_ articles: [SiteArticle]) -> String {
        let pieces = self.pieces(articles, count: 2)
        return Self.join(pieces.map { $0() }) ?? document(articles.sorted(by: { $0.slug < $1.slug })[...], withIndexes: true)
    }

    /// The sitemap in `count` pieces to render at once (each by its own libxml2 writer,
    /// as a whole document of some of the articles), to be put together by `join`. A
    /// site's sitemap lists thousands of pages; one writer took longer than any other
    /// page of a build's last step.
    func pieces(_ articles: [SiteArticle], count: Int) -> [@Sendable () -> String] {
        let sorted = articles.sorted(by: { $0.slug < $1.slug })
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

    /// A sitemap of `articles` (in slug order), with the root and the indexes first when asked.
    private func document(_ articles: ArraySlice<SiteArticle>, withIndexes: Bool) -> String {
        let writer = XMLWriter()
        writer.startElement(
            "urlset", [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"), ("xmlns:xhtml", "http://www.w3.org/1999/xhtml")])
        let localeOf = Dictionary(languages.map { ($0.code, $0.locale) }, uniquingKeysWith: { a, _ in a })
        if withIndexes {
            url(writer, path: "", alternates: languages.map { (PageLanguage.tag($0.locale), $0.code + "/") })
            let indexes = languages.map { (PageLanguage.tag($0.locale), $0.code + "/") } + [("x-default", "en/")]
            for language in languages { url(writer, path: language.code + "/", alternates: indexes) }
        }
        for article in articles {
            var versions = article.languages.map { code in
                (
                    code == article.language ? PageLanguage.tag(article.locale) : PageLanguage.tag(localeOf[code] ?? code),
                    code + "/" + article.slug + "/"
                )
            }
            if article.languages.count > 1 { versions.append(("x-default", "en/" + article.slug + "/")) }
            for code in article.languages { url(writer, path: code + "/" + article.slug + "/", alternates: versions) }
        }
        writer.endElement()
        return writer.finish()
    }

    private func url(_ writer: XMLWriter, path: String, alternates: [(String, String)]) {
        writer.startElement("url")
        writer.startElement("loc")
        writer.text(baseURL + path)
        writer.endElement()
        if alternates.count > 1 {
            for (hreflang, target) in alternates {
                writer.startElement("xhtml:link", [("rel", "alternate"), ("hreflang", hreflang), ("href", baseURL + target)])
                writer.endElement()
            }
        }
        writer.endElement()
    }
}
