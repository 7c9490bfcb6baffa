import Foundation

/// The site's own pages, rendered from what was kept of every article (no
/// article is read again): the root page that chooses a language, one index per
/// language listing the articles by title with a search box, and the
/// translation-status page.
struct SiteIndexPages: Sendable {
    let templates: HTMLTemplates
    /// Every article built, in any order.
    let articles: [SiteArticle]
    /// The site's languages: the translations' (by code), then English.
    let languages: [(code: String, locale: String)]
    /// The site's absolute base URL, ending in `/`, when given.
    let baseURL: String?

    /// The templates a site needs besides `page.mustache`.
    static let requiredTemplates = ["index", "index-entry", "root", "translation-status", "translation-status-row"]

    init(templates: HTMLTemplates, articles: [SiteArticle], baseURL: String?) {
        self.templates = templates
        self.articles = articles
        self.baseURL = baseURL
        var locales: [String: [String: Int]] = [:]
        for article in articles where article.language != "en" { locales[article.language, default: [:]][article.locale, default: 0] += 1 }
        var out = locales.keys.sorted().map { code in
            (code: code, locale: locales[code]!.max { a, b in (a.value, b.key) < (b.value, a.key) }!.key)
        }
        out.append((code: "en", locale: "en-US"))
        languages = out
    }

    /// Writes the root, the indexes and the status page, and runs `also` (the sitemap,
    /// the manifest), all at once on the cores there are. Each job returns its error, if any.
    func write(to writer: SiteFileWriter, also: [@Sendable () -> SiteError?] = []) throws(SiteError) {
        let pages = self
        // The longest first (the status page, then the sitemap in `also`), so that two cores finish together.
        var jobs: [@Sendable () -> SiteError?] = [
            {
                pages.write(to: writer, "translation-status/index.html") { () throws(SiteError) in
                    try pages.render(try pages.status(), template: "translation-status", cached: false)
                }
            }
        ] + also
        jobs.append {
            pages.write(to: writer, "index.html") { () throws(SiteError) in
                try pages.render(pages.root(), template: "root", cached: false)
            }
        }
        for language in languages {
            jobs.append {
                pages.write(to: writer, language.code + "/index.html") { () throws(SiteError) in
                    try pages.render(try pages.index(language), template: "index", cached: false)
                }
            }
        }
        let all = jobs
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: all.count) { i in
            if let error = all[i]() { failure.set(error) }
        }
        if let error = failure.error { throw error }
    }

    /// Renders one page and writes it; the error, if any.
    private func write(to writer: SiteFileWriter, _ path: String, _ render: () throws(SiteError) -> String) -> SiteError? {
        do throws(SiteError) {
            try writer.write(try render(), to: path)
            return nil
        } catch {
            return error
        }
    }

    /// `cached`: through the skeleton cache, for templates rendered many times with contexts of one shape.
    private func render(_ context: [String: Any], template: String, cached: Bool = true) throws(SiteError) -> String {
        guard let html = cached ? templates.render(context, template: template) : templates.renderDirectly(context, template: template)
        else { throw missing(template) }
        return html
    }

    /// A template rendered many times with contexts of one shape, through the skeleton cache.
    private func render(_ context: TemplateObject, template: String) throws(SiteError) -> String {
        guard let html = templates.render(context, template: template) else { throw missing(template) }
        return html
    }

    private func missing(_ template: String) -> SiteError {
        .templates(HTMLTemplateError(path: templates.directory + "/\(template).mustache", message: "the template is missing"))
    }

    // MARK: Pages

    /// What every page of the site's own has: head, header words, the script.
    private func common(lang: String, locale: String, toRoot: String, title: String) -> [String: Any] {
        let html = HTMLWords(locale: locale)
        let site = SiteWords(language: lang)
        var words: [String: String] = html.dictionary
        for (k, v) in site.dictionary { words[k] = v }
        var page: [String: Any] = [
            "lang": PageLanguage.tag(locale), "dir": PageLanguage.direction(locale), "title": HTMLEscaping.clean(title), "words": words,
            "stylesheetURL": toRoot + "assets/tolk.css",
            "csp": HTMLPageContext.contentSecurityPolicy(scriptHash: templates.scriptHash),
        ]
        if let script = templates.script { page["script"] = script }
        if site.language != PageLanguage.code(locale) { page["foreignWords"] = site.language }
        return page
    }

    private func root() -> [String: Any] {
        var page = common(lang: "en", locale: "en", toRoot: "", title: "Tolk")
        page["languages"] = languages.map { language -> [String: Any] in
            let count = articles.filter { $0.languages.contains(language.code) }.count
            return [
                "name": PageLanguage.autonym(language.locale), "lang": language.code, "href": language.code + "/index.html",
                "title": Self.articlesTitle(language), "count": SiteWords(language: language.code).count(count),
            ]
        }
        var seen: Set<String> = []
        page["choose"] = languages.compactMap { language -> [String: String]? in
            let text = SiteWords(language: language.code).chooseLanguage
            guard seen.insert(text).inserted else { return nil }
            return ["lang": language.code, "text": text]
        }
        page["site"] = ["statusPageURL": "translation-status/index.html"]
        if let baseURL { page["canonical"] = baseURL }
        return page
    }

    private func index(_ language: (code: String, locale: String)) throws(SiteError) -> [String: Any] {
        let words = SiteWords(language: language.code)
        // A language Tolk has no words for is named in its own words.
        let title = words.language == language.code ? words.articlesTitle : PageLanguage.autonym(language.locale)
        var page = common(lang: language.code, locale: language.locale, toRoot: "../", title: title)
        let english = language.code == "en"
        var entries: [(key: String, article: SiteArticle, title: String)] = []
        var sortParts: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for article in articles where article.languages.contains(language.code) {
            let title = english ? article.englishTitle : article.title
            entries.append((SortKey.make(title, language: language.code, cache: &sortParts), article, title))
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.article.slug < $1.article.slug }
        // One entry template per article, each rendered from the same cached skeleton.
        var list = ""
        for (_, article, title) in entries {
            var entry = TemplateObject(strings: [("href", article.slug + "/index.html"), ("title", HTMLEscaping.clean(title))])
            if !english, article.englishTitle != title { entry.append("original", .string(HTMLEscaping.clean(article.englishTitle))) }
            entry.append("machineTranslated", .bool(!english && article.type == "MT"))
            list += try render(entry, template: "index-entry")
        }
        page["entries"] = list
        page["intro"] = words.intro
        page["count"] = entries.count
        page["countText"] = words.count(entries.count)
        page["languages"] = languages.map { other -> [String: Any] in
            other.code == language.code
                ? ["name": PageLanguage.autonym(other.locale), "lang": other.code, "current": true]
                : [
                    "name": PageLanguage.autonym(other.locale), "lang": other.code, "hreflang": other.code,
                    "href": "../" + other.code + "/index.html", "current": false,
                ]
        }
        page["hasLanguages"] = languages.count > 1
        page["alternates"] =
            languages.map {
                ["hreflang": PageLanguage.tag($0.locale), "href": absolute("\($0.code)/", relative: "../\($0.code)/index.html")]
            }
            + [["hreflang": "x-default", "href": absolute("en/", relative: "../en/index.html")]]
        page["site"] = [
            "indexURL": "index.html", "rootURL": "../index.html#choose", "statusPageURL": "../translation-status/index.html",
            "allArticles": title,
        ]
        if let baseURL { page["canonical"] = baseURL + language.code + "/" }
        return page
    }

    private func status() throws(SiteError) -> [String: Any] {
        var page = common(lang: "en", locale: "en", toRoot: "../", title: "Translation status")
        let total = articles.reduce(into: (units: 0, translated: 0, mt: 0, ht: 0, findings: FindingCounts())) { t, a in
            t.units += a.units
            t.translated += a.translated
            if a.type == "MT" { t.mt += 1 }
            if a.type == "HT" { t.ht += 1 }
            if a.checked { t.findings = t.findings + a.allFindings }
        }
        let unchecked = articles.filter { !$0.checked }.count
        let words = SiteWords(language: "en")
        page["totals"] = [
            "articles": words.number(articles.count), "units": words.number(total.units),
            "coverage": Self.percent(total.units == 0 ? 100 : Double(total.translated) * 100 / Double(total.units)),
            "mt": words.number(total.mt), "ht": words.number(total.ht), "errors": words.number(total.findings.errors),
            "warnings": words.number(total.findings.warnings), "notes": words.number(total.findings.notes),
            "checked": unchecked < articles.count,
        ]
        if unchecked > 0 {
            page["uncheckedNote"] =
                unchecked == articles.count
                ? "The rules of tolk check did not run (tolk site --no-checks): no findings are counted."
                : "\(words.number(unchecked)) articles were not checked (skipped by .tolk.yml): their findings show as —."
        }
        // Least covered first, then most errors: what a localization team looks at first.
        let rows = articles.map { (coverage: $0.coverage, findings: $0.allFindings, article: $0) }.sorted {
            ($0.coverage, -$0.findings.errors, -$0.findings.warnings, $0.article.path) < (
                $1.coverage, -$1.findings.errors, -$1.findings.warnings, $1.article.path
            )
        }.map(\.article)
        var table = ""
        for a in rows {
            let f = a.allFindings
            var row = TemplateObject(strings: [
                ("title", HTMLEscaping.clean(a.title)), ("lang", PageLanguage.tag(a.locale)),
                ("englishTitle", HTMLEscaping.clean(a.englishTitle)),
                ("href", "../" + a.pagePath(a.language)), ("englishHref", "../" + a.pagePath("en")), ("language", a.language),
                ("path", HTMLEscaping.clean(a.path)), ("coverage", Self.percent(a.coverage)), ("type", a.type ?? "—"),
                ("errors", a.checked ? String(f.errors) : "—"), ("warnings", a.checked ? String(f.warnings) : "—"),
                ("notes", a.checked ? String(f.notes) : "—"),
            ])
            row.append("units", .number(a.units))
            row.append("translated", .number(a.translated))
            row.append("full", .bool(a.translated == a.units))
            row.append("mt", .bool(a.type == "MT"))
            row.append("hasErrors", .bool(a.checked && f.errors > 0))
            row.append("hasWarnings", .bool(a.checked && f.warnings > 0))
            row.append("hasStatus", .bool(a.hasStatus))
            table += try render(row, template: "translation-status-row")
        }
        page["rows"] = table
        page["site"] = ["indexURL": "../en/index.html", "rootURL": "../index.html#choose", "allArticles": words.articlesTitle]
        if let baseURL { page["canonical"] = baseURL + "translation-status/" }
        return page
    }

    /// The index's title: Tolk's words in Danish or English, else the language's own name.
    static func articlesTitle(_ language: (code: String, locale: String)) -> String {
        let words = SiteWords(language: language.code)
        return words.language == language.code ? words.articlesTitle : PageLanguage.autonym(language.locale)
    }

    /// An absolute URL below the base when there is one, else the relative one.
    private func absolute(_ path: String, relative: String) -> String {
        baseURL.map { $0 + path } ?? relative
    }

    /// `87.3 %`: rounded down to a tenth, so that only a complete translation shows 100 %.
    /// (Digits by hand: `String(format:)` took a third of the status page's time.)
    static func percent(_ value: Double) -> String {
        guard value < 100 else { return "100 %" }
        let tenths = max(0, Int((value * 10).rounded(.down)))
        return String(tenths / 10) + "." + String(tenths % 10) + " %"
    }
}

/// Sorts titles the way a reader of the language expects: case and accents
/// ignored, and for Danish (and Norwegian) æ, ø, å after z.
enum SortKey {
    static func make(_ title: String, language: String) -> String {
        var cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        return make(title, language: language, cache: &cache)
    }

    /// `cache` keeps each non-ASCII character's lower-case decomposition (Foundation's,
    /// which costs more than the rest) for the titles of one index.
    static func make(_ title: String, language: String, cache: inout [Unicode.Scalar: [Unicode.Scalar]]) -> String {
        let nordic = language == "da" || language == "nb" || language == "nn" || language == "no"
        var out = String.UnicodeScalarView()
        for scalar in title.unicodeScalars {
            if scalar.isASCII {
                switch scalar {
                case "A"..."Z": out.append(Unicode.Scalar(scalar.value | 0x20)!)
                case "a"..."z", "0"..."9", " ": out.append(scalar)
                default: continue
                }
            } else if nordic, let letter = nordicLetters[scalar] {
                out.append(contentsOf: letter.unicodeScalars)
            } else {
                // Accents go; letters and digits of any script stay, in lower case.
                let parts: [Unicode.Scalar]
                if let known = cache[scalar] {
                    parts = known
                } else {
                    parts = Array(String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars)
                    cache[scalar] = parts
                }
                for part in parts {
                    if nordic, part == "\u{030A}", out.last == "a" {
                        out.removeLast()  // å written as a and a combining ring
                        out.append(contentsOf: "{2".unicodeScalars)
                    } else if part.properties.generalCategory == .nonspacingMark {
                        continue
                    } else if part.properties.isAlphabetic || part.properties.numericType != nil {
                        out.append(part)
                    }
                }
            }
        }
        return String(out).trimmingSpaces
    }

    private static let nordicLetters: [Unicode.Scalar: String] = [
        "æ": "{0", "Æ": "{0", "ø": "{1", "Ø": "{1", "å": "{2", "Å": "{2",
    ]
}
