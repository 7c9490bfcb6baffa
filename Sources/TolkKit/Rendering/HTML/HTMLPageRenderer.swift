/// Renders one language of an article as a complete HTML5 page through the
/// Mustache templates of `HTMLTemplates`. The article body is built here from
/// the model, every piece of text escaped and article HTML filtered; the
/// template lays out the page around it (head, header, banner, language
/// switch, the originals toggle, footer).
///
/// On the translation's page every unit is a `span.tu` holding its English
/// original in a `span.tu-o` that CSS shows on hover, on focus of the unit's run
/// (`span.tu-run`, see `HTMLInlineWriter`), or for the whole page with the
/// `#tolk-show-originals` checkbox.
public struct HTMLPageRenderer: ArticleRenderer, Sendable {
    /// How the page gets its stylesheet.
    public enum Stylesheet: Hashable, Sendable {
        /// `tolk.css` inlined in a `<style>` element: a standalone page.
        case inline
        /// A `<link rel="stylesheet">` to this URL (a site's shared file).
        case linked(href: String)
    }

    /// The language of the page: the translation or the English original.
    public var side: Side
    /// The Mustache templates the page is laid out with.
    public var templates: HTMLTemplates
    /// How the page gets its stylesheet.
    public var stylesheet: Stylesheet
    /// The URL of this article's page in each language, keyed by locale (`da-DK`,
    /// `en-US`), relative to this page: the entries in other languages become the
    /// language switch; with the page's own entry they become `<link rel="alternate"
    /// hreflang>` elements in the head. Empty: a page without either.
    public var pageURLs: [String: String]
    /// The absolute URL of this page; when given, alternate links in the head are absolute.
    public var baseURL: String?
    /// Resolves site-relative links (`/microsoft-365/…`) against Microsoft's site in
    /// the page's language.
    public var linkResolver: LinkResolver?
    /// Called with each resolved link destination; returns the URL to use instead
    /// (a site maps other articles to its own pages). The result is still checked.
    public var rewriteLink: (@Sendable (String) -> String)?
    /// Called with each image source of the article; returns the source to use
    /// instead (a site points at its copy of the image). The result is still checked.
    public var rewriteImage: (@Sendable (String) -> String)?
    /// Links to the site's other pages and the status panel, on a page of a site.
    public var site: HTMLSitePage?

    /// A renderer of the page for `side` through `templates`.
    public init(
        side: Side, templates: HTMLTemplates, stylesheet: Stylesheet = .inline, pageURLs: [String: String] = [:],
        baseURL: String? = nil, linkResolver: LinkResolver? = nil, rewriteLink: (@Sendable (String) -> String)? = nil,
        rewriteImage: (@Sendable (String) -> String)? = nil, site: HTMLSitePage? = nil
    ) {
        self.side = side
        self.templates = templates
        self.stylesheet = stylesheet
        self.pageURLs = pageURLs
        self.baseURL = baseURL
        self.linkResolver = linkResolver
        self.rewriteLink = rewriteLink
        self.rewriteImage = rewriteImage
        self.site = site
    }

    /// The page's `lang`: the article's `ms.contentlocale` (`da-DK`) or `en-US`.
    public static func pageLocale(of article: Article, side: Side) -> String {
        PageLanguage.tag(side == .target ? (article.targetLocale ?? "und") : article.sourceLocale)
    }

    /// The page's `lang`: on a site, the locale the site places the translation in.
    func pageLocale(of article: Article) -> String {
        guard side == .target, let locale = site?.locale else { return Self.pageLocale(of: article, side: side) }
        return PageLanguage.tag(locale)
    }

    /// The article's page as a complete HTML document.
    public func render(_ article: Article) -> String {
        templates.renderPage(pageContext(article))
    }

    /// What the page template of `article` is rendered with: the body built, the rest of the page's values.
    func pageContext(_ article: Article) -> TemplateObject {
        let locale = pageLocale(of: article)
        let words = HTMLWords(locale: locale)
        let resolver =
            linkResolver ?? LinkResolver(locale: side == .target ? (locale == "und" ? article.sourceLocale : locale) : article.sourceLocale)
        let rewrite = rewriteLink
        var inline = HTMLInlineWriter(article: article, side: side, words: words, pageLanguage: locale) { destination in
            // `/da-dk/…` already names its locale: only the site goes in front.
            let resolved = Self.hasLocaleSegment(destination) ? resolver.site + destination : resolver.resolve(destination)
            return rewrite?(resolved) ?? resolved
        }
        inline.rewriteImage = rewriteImage
        var body = HTMLBodyWriter(inline: inline, document: article[side], words: words, status: site?.status)
        var blocks = article[side].blocks
        var heading = ""
        // A status panel goes under the article's title, not above it.
        if site?.status != nil, let first = blocks.first, case .heading = first { heading = body.block(blocks.removeFirst()) }
        let html = body.blocks(blocks)
        var page = HTMLPageContext(article: article, side: side, locale: locale, words: words, renderer: self)
        page.heading = heading
        page.body = html
        page.hasOriginals = body.inline.originalsWritten > 0
        return page.object
    }

    /// True for site-relative paths that start with a locale segment, such as `/da-dk/…`.
    static func hasLocaleSegment(_ path: String) -> Bool {
        // `/xx-yy/`: ASCII letters around a dash, between the first two slashes (by bytes:
        // this runs for every link of every page).
        let b = path.utf8
        guard b.count >= 7 else { return false }
        var i = b.startIndex
        func next() -> UInt8 {
            defer { b.formIndex(after: &i) }
            return b[i]
        }
        func letter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        return next() == UInt8(ascii: "/") && letter(next()) && letter(next()) && next() == UInt8(ascii: "-") && letter(next())
            && letter(next()) && next() == UInt8(ascii: "/")
    }
}
