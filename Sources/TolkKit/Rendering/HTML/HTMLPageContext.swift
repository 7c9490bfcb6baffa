import Foundation

/// What the page template sees (see templates/README.md): plain values, which
/// Mustache escapes, and `body`, `css` and `script`, which it writes as they are.
struct HTMLPageContext {
    let article: Article
    let side: Side
    /// The page's `lang`, such as `da-DK`.
    let locale: String
    let words: HTMLWords
    let renderer: HTMLPageRenderer
    /// The article's HTML, already escaped and filtered.
    var body = ""
    /// The article's title heading when it is rendered apart from `body` (above a status panel).
    var heading = ""
    /// The page URLs the renderer was given, safe ones only: the translations by
    /// locale, then English.
    private let pages: [(locale: String, url: String)]

    init(article: Article, side: Side, locale: String, words: HTMLWords, renderer: HTMLPageRenderer) {
        self.article = article
        self.side = side
        self.locale = locale
        self.words = words
        self.renderer = renderer
        // The same order on every page of an article: the translations by locale, then English.
        func rank(_ locale: String) -> Int { PageLanguage.code(locale) == "en" ? 1 : 0 }
        pages = renderer.pageURLs.compactMap { key, value in SafeURL.link(value).map { (PageLanguage.tag(key), $0) } }
            .map { (rank: rank($0.0), locale: $0.0, url: $0.1) }
            .sorted { ($0.rank, $0.locale) < ($1.rank, $1.locale) }
            .map { (locale: $0.locale, url: $0.url) }
    }
    /// True when the body holds at least one English original: then the page gets the toggle.
    var hasOriginals = false

    /// The context, built in one order (see `TemplateValue`).
    var object: TemplateObject {
        var page = TemplateObject(capacity: 24)
        page.append("lang", .string(locale))
        page.append("dir", .string(PageLanguage.direction(locale)))
        page.append("title", .string(HTMLEscaping.clean(article.title(side))))
        page.append("slug", .string(HTMLEscaping.clean(article.slug)))
        page.append("side", .string(side.rawValue))
        page.append("body", .string(body))
        page.append("words", words.templateValue)
        let languages = self.languages
        page.append("languages", .list(languages))
        page.append("hasLanguages", .bool(!languages.isEmpty))
        page.append("alternates", .list(alternates))
        if let robots = renderer.site?.robots { page.append("robots", .string(HTMLEscaping.clean(robots))) }
        if side == .target {
            if let description = article.frontMatter?["description"]?.text.trimmingSpaces, !description.isEmpty {
                page.append("description", .string(HTMLEscaping.clean(description)))
            }
            if let handoff = article.frontMatter?.localization.lastHandoff, !handoff.isEmpty {
                // In the page's language (`19. maj 2021`), with the day for machines; as written when it is no date.
                var date = TemplateObject(strings: [("text", HTMLEscaping.clean(handoff))])
                if let day = FrontMatter.day(handoff) {
                    date = TemplateObject(strings: [("text", PageDate.text(day: day, locale: locale)), ("iso", PageDate.iso(day: day))])
                }
                page.append("lastHandoff", .object(date))
            }
            if let type = article.translationType { page.append("translationType", .string(HTMLEscaping.clean(type.code))) }
            if article.translationType == .machine {
                var banner = TemplateObject(strings: [("text", words.machineTranslated), ("linkText", words.readEnglish)])
                if let english = url(forLanguage: "en") { banner.append("href", .string(english)) }
                page.append("banner", .object(banner))
            }
        }
        let live = renderer.site?.status?.live != nil
        let wantsScript = (side == .target && hasOriginals) || live
        let templates = renderer.templates
        let script = wantsScript ? (live ? templates.liveScript : templates.script) : nil
        if side == .target && hasOriginals { page.append("toggle", .object(TemplateObject(strings: [("label", words.showOriginals)]))) }
        if let script { page.append("script", .string(script)) }
        page.append(
            "csp",
            .string(
                Self.contentSecurityPolicy(
                    scriptHash: script == nil ? nil : (live ? templates.liveScriptHash : templates.scriptHash),
                    connect: live ? renderer.site?.status?.connectSource : nil)))
        if !heading.isEmpty { page.append("heading", .string(heading)) }
        // Tolk's own words are Danish or English; on a page in another language they carry their `lang`.
        if words.language != PageLanguage.code(locale) { page.append("foreignWords", .string(words.language)) }
        if let site = renderer.site {
            var links = TemplateObject(strings: [
                ("indexURL", site.indexURL), ("rootURL", site.rootURL), ("allArticles", words.allArticles),
            ])
            if let status = site.statusPageURL { links.append("statusPageURL", .string(status)) }
            page.append("site", .object(links))
            if let canonical = site.canonicalURL.flatMap(SafeURL.link) { page.append("canonical", .string(canonical)) }
            if let status = site.status { page.append("status", TemplateValue(status.dictionary)) }
        }
        switch renderer.stylesheet {
        case .inline: if !renderer.templates.stylesheet.isEmpty { page.append("css", .string(renderer.templates.stylesheet)) }
        case .linked(let href): if let safe = SafeURL.link(href) { page.append("stylesheetURL", .string(safe)) }
        }
        return page
    }

    /// Nothing but the page's own script, styles and same-origin or inline images:
    /// a script injected into the body could not run even if escaping failed.
    static func contentSecurityPolicy(script: String?) -> String {
        contentSecurityPolicy(scriptHash: script.map(SHA256.cspSource))
    }

    /// The policy for a script with this hash (none: no script runs), and `connect` as
    /// the only place the script may fetch from (a live status URL's origin).
    static func contentSecurityPolicy(scriptHash: String?, connect: String? = nil) -> String {
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline' 'self'; script-src " + (scriptHash ?? "'none'")
            + (connect.map { "; connect-src " + $0 } ?? "") + "; base-uri 'none'; form-action 'none'"
    }

    // MARK: Languages

    /// True for a page URL of the page's own locale.
    private func isOwn(_ page: (locale: String, url: String)) -> Bool { page.locale.lowercased() == locale.lowercased() }

    private var hasOtherLanguages: Bool { pages.contains { !isOwn($0) } }

    private func url(forLanguage code: String) -> String? {
        guard PageLanguage.code(locale) != code else { return nil }
        return pages.first { PageLanguage.code($0.locale) == code }?.url
    }

    /// The language switch: the page's own language (`current`, no link) and a link per other
    /// language. Each name carries its `lang` (with the script where the language has several,
    /// so `繁體中文` gets traditional Chinese fonts) and, when it is written in the other
    /// direction than the page, `nameDir` (`English` on an Arabic page, `עברית` on a Danish one).
    private var languages: [TemplateValue] {
        guard hasOtherLanguages else { return [] }
        let direction = PageLanguage.direction(locale)
        func name(_ locale: String) -> [(String, String)] {
            let name = [("name", PageLanguage.autonym(locale)), ("lang", PageLanguage.nameTag(locale))]
            let nameDirection = PageLanguage.direction(locale)
            return nameDirection == direction ? name : name + [("nameDir", nameDirection)]
        }
        var current = TemplateObject(strings: name(locale))
        current.append("current", .bool(true))
        var out: [TemplateValue] = [.object(current)]
        for page in pages where !isOwn(page) {
            let code = PageLanguage.code(page.locale)
            var other = TemplateObject(strings: name(page.locale) + [("hreflang", code), ("href", page.url)])
            other.append("current", .bool(false))
            out.append(.object(other))
        }
        return out
    }

    /// `<link rel="alternate">` entries: every language's page, and English as `x-default`.
    /// On a site, the pages that search engines treat as this one does: an indexable page
    /// lists the article's indexable pages, as the sitemap does (reciprocal links, and
    /// `x-default` the first translation's when the English page is not one of them); a
    /// `noindex` page lists the article's other `noindex` pages, so that an article no
    /// search engine indexes still names all of its languages.
    private var alternates: [TemplateValue] {
        guard hasOtherLanguages else { return [] }
        var listed = pages
        if let indexed = renderer.site?.indexedPages {
            let ownIndexed = pages.contains { isOwn($0) && indexed.contains($0.url) }
            listed = pages.filter { indexed.contains($0.url) == ownIndexed }
            guard listed.count > 1 else { return [] }
        }
        var out = listed.map { TemplateValue.object(TemplateObject(strings: [("hreflang", $0.locale), ("href", absolute($0.url))])) }
        if let fallback = listed.first(where: { PageLanguage.code($0.locale) == "en" }) ?? listed.first {
            out.append(.object(TemplateObject(strings: [("hreflang", "x-default"), ("href", absolute(fallback.url))])))
        }
        return out
    }

    private func absolute(_ url: String) -> String {
        guard let base = renderer.baseURL.flatMap({ URL(string: $0) }), let resolved = URL(string: url, relativeTo: base) else {
            return url
        }
        // An absolute URL names the page's folder (a pretty URL), not its index.html.
        var absolute = resolved.absoluteString
        if absolute.hasSuffix("/index.html") { absolute.removeLast("index.html".count) }
        return SafeURL.link(absolute) ?? url
    }
}
