import Foundation

/// Renders the pages of one article from its parsed copies: each copy's
/// translation (`da/slug/`, `sv/slug/` …) and the English original (`en/slug/`)
/// from the copy with the newest English, each page's language switch and
/// alternates naming all of them; links to other articles of the site mapped
/// onto their pages in the same language (else English), images pointed at the
/// site's copies, the status panel.
struct SiteArticlePages: Sendable {
    /// One copy of the article and the pages it gives.
    struct Copy {
        var article: Article
        var entry: SitePlan.Entry
        /// The translation's `lang`: `da-DK`.
        var locale: String
        /// The folder of its pages: `da`.
        var language: String
        var binding: StatusBinding?
        /// Write the page in its own language.
        var translation: Bool
        /// Write the article's English page from it.
        var english: Bool
    }

    let plan: SitePlan
    let templates: HTMLTemplates
    /// The site's absolute base URL, ending in `/`, when given.
    let baseURL: String?
    let status: SiteStatus
    let media: SiteMedia
    /// Ignore the articles' robots directives (`--index-all`): no robots meta tag, every page indexable.
    var indexAll = false

    /// Every page of a site sits two folders deep: `da/slug/index.html`.
    static let toRoot = "../../"

    /// The `lang` of English pages.
    static let englishLocale = "en-US"

    /// Writes the pages; returns the images each copy's pages show (to be copied).
    func write(_ copies: [Copy], to writer: SiteFileWriter) throws(SiteError) -> [Set<SiteMedia.Image>] {
        guard let slug = copies.first?.entry.slug else { return [] }
        var pageURLs: [String: String] = [:]
        for copy in copies where copy.translation { pageURLs[copy.locale] = Self.toRoot + copy.language + "/" + slug + "/index.html" }
        if copies.contains(where: \.english) { pageURLs[Self.englishLocale] = Self.toRoot + "en/" + slug + "/index.html" }
        // Each page follows the robots directive of the copy it is rendered from.
        let robots = copies.map { indexAll ? nil : SiteSearchEngines.robots(of: $0.article) }
        var indexed: Set<String> = []
        for (copy, directive) in zip(copies, robots) where !SiteSearchEngines.isNoindex(directive) {
            if copy.translation, let url = pageURLs[copy.locale] { indexed.insert(url) }
            if copy.english, let url = pageURLs[Self.englishLocale] { indexed.insert(url) }
        }
        return try zip(copies, robots).map { copy, robots throws(SiteError) -> Set<SiteMedia.Image> in
            let images = ImageCollector()
            let search = (robots: robots, indexed: indexed)
            if copy.translation {
                try write(copy, side: .target, folder: copy.language, pageURLs: pageURLs, search: search, images: images, to: writer)
            }
            if copy.english {
                try write(copy, side: .source, folder: "en", pageURLs: pageURLs, search: search, images: images, to: writer)
            }
            return images.images
        }
    }

    /// One page of `copy`: its translation (`.target`) or its English (`.source`), with the
    /// copy's robots directive and the URLs of the article's indexable pages (`search`).
    private func write(
        _ copy: Copy, side: Side, folder: String, pageURLs: [String: String], search: (robots: String?, indexed: Set<String>),
        images: ImageCollector, to writer: SiteFileWriter
    ) throws(SiteError) {
        let entry = copy.entry
        let pageLocale = side == .target ? copy.locale : Self.englishLocale
        var site = HTMLSitePage(
            indexURL: "../index.html", rootURL: Self.toRoot + "index.html#choose",
            statusPageURL: Self.toRoot + "translation-status/index.html",
            canonicalURL: baseURL.map { $0 + folder + "/" + entry.slug + "/" }, locale: copy.locale)
        site.robots = search.robots
        site.indexedPages = search.indexed
        if let binding = copy.binding {
            site.status = status.panel(binding, article: copy.article, side: side, language: folder == "da" ? "da" : "en")
        }
        let renderer = HTMLPageRenderer(
            side: side, templates: templates, stylesheet: .linked(href: Self.toRoot + "assets/tolk.css"), pageURLs: pageURLs,
            baseURL: baseURL.map { $0 + folder + "/" + entry.slug + "/" },
            linkResolver: LinkResolver(locale: pageLocale),
            rewriteLink: linkRewriter(entry: entry, locale: pageLocale, folder: folder),
            rewriteImage: imageRewriter(entry: entry, collector: images), site: site)
        try writer.write(renderer.render(copy.article), to: folder + "/" + entry.slug + "/index.html")
    }

    /// Links to an article of the site go to its page in the same language (its English
    /// page where it is not translated into the page's language); other site-relative
    /// links go to Microsoft's site in the page's language.
    private func linkRewriter(entry: SitePlan.Entry, locale: String, folder: String) -> @Sendable (String) -> String {
        let plan = self.plan
        let localeSegment = locale.lowercased()
        return { destination in
            if let target = plan.linkTarget(destination, from: entry) {
                if target.slug == entry.slug { return target.fragment }
                // In a folder of locale folders the plan knows which languages each article has.
                if folder != "en", plan.isMultilingual, let languages = plan.languagesBySlug[target.slug], !languages.contains(folder) {
                    return "../../en/" + target.slug + "/index.html" + target.fragment
                }
                return "../" + target.slug + "/index.html" + target.fragment
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
