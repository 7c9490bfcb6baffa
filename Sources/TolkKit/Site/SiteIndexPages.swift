import Foundation

/// The site's own pages, rendered from what was kept of every article (no
/// article is read again): the root page that chooses a language, one index per
/// language listing every article with a search box (the ones not translated
/// into that language under their English title, marked and linking to the
/// English page), and the translation-status matrix of articles × languages.
struct SiteIndexPages: Sendable {
    let templates: HTMLTemplates
    let catalog: SiteCatalog
    /// The site's absolute base URL, ending in `/`, when given.
    let baseURL: String?

    /// The site's languages: the translations' (by page folder), then English.
    var languages: [(code: String, locale: String)] { catalog.languages }

    /// The templates a site needs besides `page.mustache`.
    static let requiredTemplates = [
        "index", "index-entry", "root", "translation-status", "translation-status-row", "translation-status-cell",
    ]

    /// True when the site has full-text search data (`LANG/search/`) for the indexes' search box.
    let hasSearchData: Bool

    init(templates: HTMLTemplates, catalog: SiteCatalog, baseURL: String?, hasSearchData: Bool = false) {
        self.templates = templates
        self.catalog = catalog
        self.baseURL = baseURL
        self.hasSearchData = hasSearchData
    }

    /// Writes the root, the indexes and the status page, and runs `also` (the sitemap,
    /// the manifest), all at once on the cores there are. Each job returns its error, if any.
    func write(to writer: SiteFileWriter, also: [@Sendable () -> SiteError?] = []) throws(SiteError) {
        let pages = self
        // The status matrix's rows in pieces, the longest jobs, first: so that the cores finish together.
        let rows = statusRows()
        let pieces = Swift.max(1, Swift.min(4, rows.count / 256))
        let table = Slots<String>(count: pieces)
        var jobs: [@Sendable () -> SiteError?] = (0..<pieces).map { i in
            {
                do throws(SiteError) {
                    table.set(i, try pages.render(rows[(i * rows.count / pieces)..<((i + 1) * rows.count / pieces)]))
                    return nil
                } catch {
                    return error
                }
            }
        }
        jobs += also
        for language in languages {
            jobs.append {
                pages.write(to: writer, language.code + "/index.html") { () throws(SiteError) in
                    try pages.render(try pages.index(language), template: "index", cached: false)
                }
            }
        }
        jobs.append {
            pages.write(to: writer, "index.html") { () throws(SiteError) in
                try pages.render(pages.root(), template: "root", cached: false)
            }
        }
        let all = jobs
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: all.count) { i in
            if let error = all[i]() { failure.set(error) }
        }
        if let error = failure.error { throw error }
        let rendered = table.values.compactMap { $0 }
        guard rendered.count == pieces else { throw SiteError.interrupted }
        if let error = write(
            to: writer, "translation-status/index.html",
            { () throws(SiteError) in
                try render(status(rows: rendered.joined()), template: "translation-status", cached: false)
            })
        {
            throw error
        }
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
            let count = catalog.entries.filter { SiteCatalog.copy($0, in: language.code) != nil }.count
            return [
                "name": PageLanguage.autonym(language.locale), "lang": language.code, "locale": PageLanguage.tag(language.locale),
                "href": language.code + "/index.html", "title": Self.articlesTitle(language),
                "count": SiteWords(language: language.code).count(count),
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
        page["alternates"] = alternates(toRoot: "")
        return page
    }

    private func index(_ language: (code: String, locale: String)) throws(SiteError) -> [String: Any] {
        let words = SiteWords(language: language.code)
        // A language Tolk has no words for is named in its own words.
        let title = words.language == language.code ? words.articlesTitle : PageLanguage.autonym(language.locale)
        var page = common(lang: language.code, locale: language.locale, toRoot: "../", title: title)
        let english = language.code == "en"
        // Every article: in this language where it is translated, else its English page.
        var entries: [(title: String, slug: String, entry: TemplateObject)] = []
        entries.reserveCapacity(catalog.entries.count)
        for item in catalog.entries {
            if let copy = SiteCatalog.copy(item, in: language.code) {
                let shown = english ? item.englishTitle : copy.title
                var entry = TemplateObject(strings: [("href", item.slug + "/index.html"), ("title", HTMLEscaping.clean(shown))])
                if !english, item.englishTitle != shown { entry.append("original", .string(HTMLEscaping.clean(item.englishTitle))) }
                entry.append("machineTranslated", .bool(!english && copy.type == "MT"))
                entries.append((shown, item.slug, entry))
            } else if !english, item.english != nil {
                var entry = TemplateObject(strings: [
                    ("href", "../en/" + item.slug + "/index.html"), ("title", HTMLEscaping.clean(item.englishTitle)),
                    ("englishOnly", words.englishOnly), ("wordsLang", words.language),
                ])
                entry.append("machineTranslated", .bool(false))
                entries.append((item.englishTitle, item.slug, entry))
            }
        }
        let order = TitleCollation(language: language.locale).order(of: entries.map(\.title)) { entries[$0].slug < entries[$1].slug }
        // One entry template per article, each rendered from the same cached skeleton.
        var list = ""
        for i in order { list += try render(entries[i].entry, template: "index-entry") }
        page["entries"] = list
        page["intro"] = words.intro
        page["count"] = entries.count
        page["countText"] = words.count(entries.count)
        page["translatedCount"] = catalog.entries.filter { SiteCatalog.copy($0, in: language.code) != nil }.count
        page["languages"] = languages.map { other -> [String: Any] in
            other.code == language.code
                ? ["name": PageLanguage.autonym(other.locale), "lang": other.code, "current": true]
                : [
                    "name": PageLanguage.autonym(other.locale), "lang": other.code, "hreflang": other.code,
                    "href": "../" + other.code + "/index.html", "current": false,
                ]
        }
        page["hasLanguages"] = languages.count > 1
        page["alternates"] = alternates(toRoot: "../")
        page["site"] = [
            "indexURL": "index.html", "rootURL": "../index.html#choose", "statusPageURL": "../translation-status/index.html",
            "allArticles": title,
        ]
        if let baseURL { page["canonical"] = baseURL + language.code + "/" }
        if hasSearchData {
            // The script fetches the search data from the site itself, and from nowhere else.
            page["searchData"] = "../search/" + language.code + "/"
            page["csp"] = HTMLPageContext.contentSecurityPolicy(scriptHash: templates.scriptHash, connect: "'self'")
        }
        return page
    }

    /// The languages of the status matrix's columns: every translation's.
    private var columns: [(code: String, locale: String)] { languages.filter { $0.code != "en" } }

    /// The matrix's rows in their first order: least covered first (a missing translation
    /// covers nothing), then most errors — what a localization lead looks at first.
    private func statusRows() -> [SiteCatalog.Entry] {
        let columns = self.columns
        func coverage(_ entry: SiteCatalog.Entry) -> Double {
            columns.map { entry.translations[$0.code]?.coverage ?? 0 }.min() ?? 100
        }
        func errors(_ entry: SiteCatalog.Entry) -> Int { entry.translations.values.reduce(0) { $0 + $1.allFindings.errors } }
        return catalog.entries.map { (coverage: coverage($0), errors: errors($0), entry: $0) }.sorted {
            ($0.coverage, -$0.errors, $0.entry.identity) < ($1.coverage, -$1.errors, $1.entry.identity)
        }.map(\.entry)
    }

    /// Some rows of the matrix, rendered (their rank is their place in `statusRows()`).
    private func render(_ rows: ArraySlice<SiteCatalog.Entry>) throws(SiteError) -> String {
        let columns = self.columns
        var table = ""
        for (rank, item) in zip(rows.indices, rows) {
            var cells = ""
            for language in columns {
                cells += try render(cell(item.translations[language.code], language: language), template: "translation-status-cell")
            }
            var tr = TemplateObject(strings: [
                ("title", HTMLEscaping.clean(item.englishTitle)), ("path", HTMLEscaping.clean(item.identity)), ("cells", cells),
            ])
            if item.english != nil { tr.append("href", .string("../en/" + item.slug + "/index.html")) }
            tr.append("rank", .number(rank))
            let problems =
                item.translations.count < columns.count || item.translations.values.contains { $0.outdated || $0.allFindings.errors > 0 }
            tr.append("problems", .bool(problems))
            table += try render(tr, template: "translation-status-row")
        }
        return table
    }

    /// The translation-status page around its rendered `rows`: a matrix of articles ×
    /// languages (coverage, MT or HT, findings by severity, missing, outdated in each
    /// cell) under a total row per language.
    private func status(rows: String) -> [String: Any] {
        var page = common(lang: "en", locale: "en", toRoot: "../", title: "Translation status")
        if let script = templates.statusPageScript {
            page["script"] = script
            page["csp"] = HTMLPageContext.contentSecurityPolicy(scriptHash: templates.statusPageScriptHash)
        }
        let words = SiteWords(language: "en")
        let columns = self.columns
        let copies = catalog.entries.flatMap { $0.translations.values }
        let unchecked = copies.filter { !$0.checked }.count
        page["totals"] = columns.map { language -> [String: Any] in
            let present = catalog.entries.compactMap { $0.translations[language.code] }
            var units = 0
            var translated = 0
            var findings = FindingCounts()
            for copy in present {
                units += copy.units
                translated += copy.translated
                if copy.checked { findings = findings + copy.allFindings }
            }
            return [
                "name": PageLanguage.autonym(language.locale), "lang": PageLanguage.tag(language.locale), "code": language.code,
                "href": "../" + language.code + "/index.html", "articles": words.number(present.count),
                "missing": words.number(catalog.entries.count - present.count),
                "outdated": words.number(present.filter(\.outdated).count),
                "coverage": Self.percent(units == 0 ? 100 : Double(translated) * 100 / Double(units)),
                "units": words.number(units), "mt": words.number(present.filter { $0.type == "MT" }.count),
                "ht": words.number(present.filter { $0.type == "HT" }.count),
                "errors": words.number(findings.errors), "warnings": words.number(findings.warnings), "notes": words.number(findings.notes),
            ]
        }
        page["articles"] = words.number(catalog.entries.count)
        page["checked"] = unchecked < copies.count
        page["columns"] = columns.enumerated().map { i, c in
            ["name": PageLanguage.autonym(c.locale), "lang": PageLanguage.tag(c.locale), "code": c.code, "index": i + 1]
        }
        if unchecked > 0 {
            page["uncheckedNote"] =
                unchecked == copies.count
                ? "The rules of tolk check did not run (tolk site --no-checks): no findings are counted."
                : "\(words.number(unchecked)) article copies were not checked (skipped by .tolk.yml): their findings show as —."
        }
        page["rows"] = rows
        page["site"] = ["indexURL": "../en/index.html", "rootURL": "../index.html#choose", "allArticles": words.articlesTitle]
        if let baseURL { page["canonical"] = baseURL + "translation-status/" }
        return page
    }

    /// One cell of the matrix: the copy in that language, or a missing translation.
    private func cell(_ copy: SiteArticle?, language: (code: String, locale: String)) -> TemplateObject {
        guard let copy else {
            var cell = TemplateObject(strings: [("lang", language.code)])
            cell.append("missing", .bool(true))
            return cell
        }
        let f = copy.allFindings
        var cell = TemplateObject(strings: [
            ("lang", language.code), ("title", HTMLEscaping.clean(copy.title)), ("locale", PageLanguage.tag(copy.locale)),
            ("href", "../" + copy.pagePath(copy.language)), ("coverage", Self.percent(copy.coverage)), ("type", copy.type ?? "—"),
            ("errors", copy.checked ? String(f.errors) : "—"), ("warnings", copy.checked ? String(f.warnings) : "—"),
            ("notes", copy.checked ? String(f.notes) : "—"), ("sort", String(Int((copy.coverage * 10).rounded(.down)))),
        ])
        cell.append("missing", .bool(false))
        cell.append("units", .number(copy.units))
        cell.append("translated", .number(copy.translated))
        cell.append("full", .bool(copy.translated == copy.units))
        cell.append("mt", .bool(copy.type == "MT"))
        cell.append("outdated", .bool(copy.outdated))
        cell.append("hasErrors", .bool(copy.checked && f.errors > 0))
        cell.append("hasWarnings", .bool(copy.checked && f.warnings > 0))
        cell.append("hasStatus", .bool(copy.hasStatus))
        return cell
    }

    /// The `hreflang` alternates of the root and the indexes, as the sitemap lists them: every
    /// language's index and the root (the language choice) as `x-default`; absolute under the
    /// base URL when there is one, else relative to a page `toRoot` below the root.
    private func alternates(toRoot: String) -> [[String: String]] {
        languages.map {
            ["hreflang": PageLanguage.tag($0.locale), "href": absolute("\($0.code)/", relative: toRoot + "\($0.code)/index.html")]
        }
            + [["hreflang": "x-default", "href": absolute("", relative: toRoot + "index.html")]]
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
