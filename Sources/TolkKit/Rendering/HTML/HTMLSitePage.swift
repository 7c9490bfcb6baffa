/// What a page of a site has around its article that a standalone page does
/// not: links to the site's other pages, a canonical URL, the translation's
/// locale as the site places it, and the live-status panel.
public struct HTMLSitePage: Sendable {
    /// The index of the page's language, relative to the page.
    public var indexURL: String
    /// The site's root (the language choice), relative to the page.
    public var rootURL: String
    /// The translation-status page, relative to the page.
    public var statusPageURL: String?
    /// The page's absolute URL, when the site has a base URL.
    public var canonicalURL: String?
    /// The translation's locale as the site places it: its locale folder's, which wins over
    /// the front matter's `ms.contentlocale`, or the site's for an article that names none.
    public var locale: String?
    /// The live-status panel, for an article with a status binding.
    public var status: HTMLStatusPanel?
    /// The page's `<meta name="robots">` directive (`noindex, nofollow`); nil: none.
    public var robots: String?
    /// The URLs (as the renderer's `pageURLs` give them) of the article's pages that search
    /// engines may index: the page's `hreflang` alternates name only these, and a page not
    /// among them names none. Nil: every page of the article.
    public var indexedPages: Set<String>?

    /// The site's parts of a page, with URLs relative to the page.
    public init(
        indexURL: String, rootURL: String, statusPageURL: String? = nil, canonicalURL: String? = nil, locale: String? = nil,
        status: HTMLStatusPanel? = nil
    ) {
        self.indexURL = indexURL
        self.rootURL = rootURL
        self.statusPageURL = statusPageURL
        self.canonicalURL = canonicalURL
        self.locale = locale
        self.status = status
    }
}

/// A status panel as the page shows it: plain text only (the template escapes
/// it), in the page's language. `live` carries what the page script needs to
/// refresh the panel from a status URL in the browser.
public struct HTMLStatusPanel: Sendable {
    /// One value of the status panel, with its label, level and message.
    public struct Field: Sendable {
        /// The label in the page's language.
        public var label: String
        /// The article's English label: how a step's status field finds its value.
        public var englishLabel: String
        /// The value as the reader reads it; nil when there is none.
        public var value: String?
        /// For date-times: "for 6 dage siden".
        public var relative: String?
        /// ✓ ! ✗ ?, or "–" when there is no status.
        public var mark: String
        /// `ok`, `warning`, `error` or `none` (no status): a CSS class.
        public var level: String
        /// Why it is not ✓, with the level word ("Advarsel: mere end 3 dage siden").
        public var message: String?
        /// What to do about it, for a failed rule.
        public var remedy: String?
        /// A checked http(s) URL.
        public var link: String?

        /// A field of the panel, its words already in the page's language.
        public init(
            label: String, englishLabel: String, value: String? = nil, relative: String? = nil, mark: String, level: String,
            message: String? = nil, remedy: String? = nil, link: String? = nil
        ) {
            self.label = label
            self.englishLabel = englishLabel
            self.value = value
            self.relative = relative
            self.mark = mark
            self.level = level
            self.message = message
            self.remedy = remedy
            self.link = link
        }
    }

    /// "Status".
    public var title: String
    /// "kilde: status.json · læst lige nu", or "ingen status".
    public var summary: String
    /// What went wrong with the source, said once.
    public var problem: String?
    /// The panel's fields, in order.
    public var fields: [Field]
    /// The worst level: `ok`, `warning`, `error` or `none`.
    public var level: String
    /// Tolk's words for a step's value: "Nu" / "Now".
    public var nowWord: String
    /// "Se" / "See", before a link.
    public var seeWord: String
    /// JSON for the page script (`data-tolk-status`) when the page refreshes the
    /// panel from a URL; nil for a panel filled at build time only.
    public var live: String?
    /// The origin the script fetches from, for the Content-Security-Policy's `connect-src`.
    public var connectSource: String?

    /// A status panel with its title, summary, fields and overall level.
    public init(
        title: String, summary: String, problem: String? = nil, fields: [Field], level: String, nowWord: String, seeWord: String,
        live: String? = nil, connectSource: String? = nil
    ) {
        self.title = title
        self.summary = summary
        self.problem = problem
        self.fields = fields
        self.level = level
        self.nowWord = nowWord
        self.seeWord = seeWord
        self.live = live
        self.connectSource = connectSource
    }

    /// The panel for `{{#status}}` in the page template.
    var dictionary: [String: Any] {
        var out: [String: Any] = [
            "title": HTMLEscaping.clean(title), "summary": HTMLEscaping.clean(summary), "level": level,
            "fields": fields.enumerated().map { index, field in Self.dictionary(field, index: index, see: seeWord) },
        ]
        if let problem { out["problem"] = HTMLEscaping.clean(problem) }
        if let live { out["live"] = HTMLEscaping.clean(live) }
        return out
    }

    static func dictionary(_ field: Field, index: Int, see: String) -> [String: Any] {
        var out: [String: Any] = [
            "index": index, "label": HTMLEscaping.clean(field.label), "mark": field.mark, "level": field.level,
            "value": HTMLEscaping.clean(field.value ?? "—"),
        ]
        if let relative = field.relative { out["relative"] = HTMLEscaping.clean(relative) }
        if let message = field.message { out["message"] = HTMLEscaping.clean(message) }
        if let remedy = field.remedy { out["remedy"] = HTMLEscaping.clean(remedy) }
        if let link = field.link.flatMap(SafeURL.link), link.lowercased().hasPrefix("http") {
            out["link"] = ["href": link, "text": see]
        }
        return out
    }

    /// The value shown again beside the step that describes the field, or "" when
    /// the panel has no field with this English label.
    func stepMarkup(forEnglishLabel label: String) -> String {
        guard let index = fields.firstIndex(where: { StatusBinding.sameLabel($0.englishLabel, label) }) else { return "" }
        let field = fields[index]
        var out =
            "<p class=\"tolk-status-now tolk-status-\(field.level)\" data-status-field=\"\(index)\">"
            + "<span class=\"tolk-status-mark\" aria-hidden=\"true\">" + HTMLEscaping.escape(field.mark) + "</span> "
            + "<strong>" + HTMLEscaping.escape(nowWord) + ":</strong> <span class=\"tolk-status-value\">"
            + HTMLEscaping.escape(field.value ?? "—") + "</span>"
        out += "<span class=\"tolk-status-relative\">" + (field.relative.map { " (" + HTMLEscaping.escape($0) + ")" } ?? "") + "</span>"
        out += "<span class=\"tolk-status-message\">" + (field.message.map { " — " + HTMLEscaping.escape($0) } ?? "") + "</span>"
        return out + "</p>"
    }
}
