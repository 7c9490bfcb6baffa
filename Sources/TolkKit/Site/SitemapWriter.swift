/// Writes `sitemap.xml` (sitemaps.org 0.9) through libxml2's XML writer: every
/// page of every language with its language versions as `xhtml:link
/// rel="alternate" hreflang` (and English as `x-default`), as search engines read
/// multilingual sites. A sitemap needs absolute URLs: without `--base-url` they
/// start with `SitemapWriter.placeholderBase`, a host that never resolves, to be
/// replaced when the site's address is known.
struct SitemapWriter {
    /// The base of `<loc>` when the site has no `--base-url` (RFC 6761 reserves `.invalid`).
    static let placeholderBase = "https://example.invalid/"

    let baseURL: String
    let languages: [(code: String, locale: String)]

    func render(_ articles: [SiteArticle]) -> String {
        let writer = XMLWriter()
        writer.startElement(
            "urlset", [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"), ("xmlns:xhtml", "http://www.w3.org/1999/xhtml")])
        let localeOf = Dictionary(languages.map { ($0.code, $0.locale) }, uniquingKeysWith: { a, _ in a })
        url(writer, path: "", alternates: languages.map { (PageLanguage.tag($0.locale), $0.code + "/") })
        let indexes = languages.map { (PageLanguage.tag($0.locale), $0.code + "/") } + [("x-default", "en/")]
        for language in languages { url(writer, path: language.code + "/", alternates: indexes) }
        for article in articles.sorted(by: { $0.slug < $1.slug }) {
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
