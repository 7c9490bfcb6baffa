import Foundation

/// Renders the two pages of one article, its translation (`da/slug/`) and the
/// English original (`en/slug/`), from the one parsed model: links between
/// them, links to other articles of the site mapped onto their pages in the
/// same language, images pointed at the site's copies, the status panel.
struct SiteArticlePages: Sendable {
    let plan: SitePlan
    let templates: HTMLTemplates
    /// The site's absolute base URL, ending in `/`, when given.
    let baseURL: String?
    let status: SiteStatus
    let media: SiteMedia

    /// Every page of a site sits two folders deep: `da/slug/index.html`.
    static let toRoot = "../../"

    /// Writes the pages; returns the images they show (to be copied).
    func write(
        _ article: Article, entry: SitePlan.Entry, language: String, locale: String, binding: StatusBinding?, to writer: SiteFileWriter
    ) throws(SiteError) -> Set<SiteMedia.Image> {
        let images = ImageCollector()
        let languages = language == "en" ? ["en"] : [language, "en"]
        var pageURLs: [String: String] = [:]
        for lang in languages {
            pageURLs[lang == language ? locale : "en-US"] = Self.toRoot + lang + "/" + entry.slug + "/index.html"
        }
        for lang in languages {
            let side: Side = lang == language && language != "en" ? .target : .source
            let pageLocale = side == .target ? locale : "en-US"
            var site = HTMLSitePage(
                indexURL: "../index.html", rootURL: Self.toRoot + "index.html#choose",
                statusPageURL: Self.toRoot + "translation-status/index.html",
                canonicalURL: baseURL.map { $0 + lang + "/" + entry.slug + "/" }, fallbackLocale: locale)
            if let binding {
                site.status = status.panel(binding, article: article, side: side, language: lang == "da" ? "da" : "en")
            }
            let renderer = HTMLPageRenderer(
                side: side, templates: templates, stylesheet: .linked(href: Self.toRoot + "assets/tolk.css"), pageURLs: pageURLs,
                baseURL: baseURL.map { $0 + lang + "/" + entry.slug + "/" },
                linkResolver: LinkResolver(locale: pageLocale),
                rewriteLink: linkRewriter(entry: entry, locale: pageLocale),
                rewriteImage: imageRewriter(entry: entry, collector: images), site: site)
            try writer.write(renderer.render(article), to: lang + "/" + entry.slug + "/index.html")
        }
        return images.images
    }

    /// Links to an article of the site go to its page in the same language; other
    /// site-relative links go to Microsoft's site in the page's language.
    private func linkRewriter(entry: SitePlan.Entry, locale: String) -> @Sendable (String) -> String {
        let plan = self.plan
        let localeSegment = locale.lowercased()
        return { destination in
            if let target = plan.linkTarget(destination, from: entry) {
                return (target.slug == entry.slug ? "" : "../" + target.slug + "/index.html") + target.fragment
            }
            if destination.hasPrefix("/"), !destination.hasPrefix("//") {
                return "https://learn.microsoft.com/" + localeSegment + destination
            }
            return destination
        }
    }

    /// Relative image sources point at the site's copy; sources that name no file of
    /// the content folder are dropped (the alt text shows).
    private func imageRewriter(entry: SitePlan.Entry, collector: ImageCollector) -> @Sendable (String) -> String {
        let media = self.media
        return { source in
            let trimmed = source.trimmingSpaces
            guard SafeURL.scheme(of: trimmed) == nil, !trimmed.hasPrefix("/"), !trimmed.hasPrefix("\\") else { return source }
            guard let image = media.image(trimmed, articleAt: entry.relativePath) else { return "" }
            collector.add(image)
            return Self.toRoot + image.output
        }
    }
}

/// The images one article's pages show, collected while they render.
private final class ImageCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var found: Set<SiteMedia.Image> = []

    func add(_ image: SiteMedia.Image) {
        lock.lock()
        found.insert(image)
        lock.unlock()
    }

    var images: Set<SiteMedia.Image> {
        lock.lock()
        defer { lock.unlock() }
        return found
    }
}
