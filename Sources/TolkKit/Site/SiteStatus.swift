import Foundation

/// The live-status panels of a site: one per page of an article that has a
/// status binding. With a status document read at build time (`--status FILE`)
/// the panel shows its values as `tolk show` would; without one it shows the
/// fields with "no status". With a status URL (`--status-url`) the page script
/// fetches that document in the browser and applies the same rules, so the
/// panel refreshes; without JavaScript the build-time panel stays.
///
/// Status commands in bindings are never run by a site build.
struct SiteStatus: Sendable {
    /// The `--status` document, read once for every article.
    let reading: StatusReading?
    /// The `--status-url` URL, checked.
    let url: String?
    /// When the build evaluates: one time for every page.
    let now: Date
    let timeZone: TimeZone

    init(reading: StatusReading?, url: String?, now: Date = Date(), timeZone: TimeZone = .current) {
        var shown = reading
        // A published page names the file, not the build machine's folders.
        if let origin = reading?.origin { shown?.origin = (origin as NSString).lastPathComponent }
        self.reading = shown
        self.url = url
        self.now = now
        self.timeZone = timeZone
    }

    /// The Content-Security-Policy source the script may fetch from.
    var connectSource: String? {
        guard let url else { return nil }
        guard let scheme = SafeURL.scheme(of: url) else { return "'self'" }
        guard let parsed = URLComponents(string: url), let host = parsed.host, !host.isEmpty else { return "'self'" }
        let port = parsed.port.map { ":\($0)" } ?? ""
        let origin = scheme + "://" + host + port
        return origin.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0 != ";" && $0 != "," && $0 != "'" })
            ? origin : "'none'"
    }

    /// `url` when it may be fetched by a page: http, https, or a relative URL.
    static func checkedURL(_ url: String) -> String? {
        guard let safe = SafeURL.link(url) else { return nil }
        switch SafeURL.scheme(of: safe) {
        case nil, "http", "https": return safe
        default: return nil
        }
    }

    /// The panel for one page: `side` and `language` (`da`, `en`) choose the labels and words.
    func panel(_ binding: StatusBinding, article: Article, side: Side, language: String) -> HTMLStatusPanel {
        let words = StatusWords(language: language, timeZone: timeZone)
        let evaluator = StatusEvaluator(now: now, timeZone: timeZone)
        let noStatus = words.language == "da" ? "ingen status" : "no status"
        var panel: HTMLStatusPanel
        if let reading {
            let p = StatusPresentation(evaluator.evaluate(binding, reading: reading, article: article), side: side, words: words, now: now)
            let summary = words.source + ": " + p.origin + " · " + p.read + (p.observed.map { " · " + $0 } ?? "")
            let fields = p.fields.map { f -> HTMLStatusPanel.Field in
                var message: String?
                if f.level != .ok, let text = f.message, f.result.finding != .sourceFailed {
                    message = (f.result.finding?.isReadingProblem == true ? "" : words.levelWord(f.level) + ": ") + text
                }
                return HTMLStatusPanel.Field(
                    label: f.label, englishLabel: f.englishLabel, value: f.value ?? (p.sourceProblem == nil ? words.noValue : noStatus),
                    relative: f.relative, mark: f.mark, level: f.level.rawValue, message: message, remedy: f.level == .ok ? nil : f.remedy,
                    link: f.link)
            }
            panel = HTMLStatusPanel(
                title: words.title, summary: summary, problem: p.sourceProblem, fields: fields, level: p.level.rawValue, nowWord: words.now,
                seeWord: words.moreInformation)
        } else {
            // Labels in the page's language, from an evaluation that read nothing.
            let empty = StatusReading(origin: "", readAt: now, failure: .unreadable(""))
            let p = StatusPresentation(evaluator.evaluate(binding, reading: empty, article: article), side: side, words: words, now: now)
            let fields = p.fields.map {
                HTMLStatusPanel.Field(label: $0.label, englishLabel: $0.englishLabel, value: noStatus, mark: "–", level: "none")
            }
            panel = HTMLStatusPanel(
                title: words.title, summary: noStatus, fields: fields, level: "none", nowWord: words.now, seeWord: words.moreInformation)
        }
        if let url {
            panel.live = liveDocument(binding, article: article, side: side, words: words, url: url)
            panel.connectSource = connectSource
        }
        return panel
    }

    /// What the page script needs to evaluate the binding in the browser: the fields'
    /// keys and rules, and every word it shows, already in the page's language.
    func liveDocument(_ binding: StatusBinding, article: Article, side: Side, words: StatusWords, url: String) -> String {
        let index = StatusFieldIndex(article)
        var fields: [StatusJSON] = []
        for field in binding.fields {
            let described = index.field(labelled: field.label)
            let boolWords = described.flatMap { StatusPresentation.booleanWords($0, side: side) }
            var members: [(key: String, value: StatusJSON)] = [
                ("key", .array(field.key.components.map { .string($0) })), ("type", .string(field.type.rawValue)),
                ("severity", .string(field.severity.rawValue)),
                ("true", .string(words.bool(true, article: boolWords))), ("false", .string(words.bool(false, article: boolWords))),
                (
                    "missing",
                    .string(words.finding(.missingKey(StatusKeyPath.Missing(path: field.key, depth: 0)), field: field, boolWords: nil))
                ),
                ("wrongType", .string(wrongType(field, words: words))),
            ]
            if let expected = field.expected {
                switch expected {
                case .bool(let b): members.append(("expect", .bool(b)))
                case .number(let n): members.append(("expect", .number(n)))
                case .oneOf(let values): members.append(("expect", .array(values.map { .string($0) })))
                }
                members.append(("expectMessage", .string(words.finding(.unexpected(expected), field: field, boolWords: boolWords))))
            }
            if let min = field.minimum {
                members += [
                    ("min", .number(min)), ("minMessage", .string(words.finding(.belowMinimum(min), field: field, boolWords: nil))),
                ]
            }
            if let max = field.maximum {
                members += [
                    ("max", .number(max)), ("maxMessage", .string(words.finding(.aboveMaximum(max), field: field, boolWords: nil))),
                ]
            }
            if let stale = field.staleAfter {
                members += [
                    ("staleAfter", .number(stale.seconds)),
                    ("staleMessage", .string(words.finding(.stale(age: 0, limit: stale), field: field, boolWords: nil))),
                ]
            }
            if let unit = field.unit { members.append(("unit", .string(unit))) }
            let lang = side == .source ? "en" : words.language
            let remedy =
                field.remedy[lang] ?? (lang == "en" ? nil : field.remedy["en"])
                ?? described.flatMap { StatusPresentation.explanation($0, side: side) }
            if let remedy { members.append(("remedy", .string(remedy))) }
            if let link = field.link.flatMap(SafeURL.link), link.lowercased().hasPrefix("http") { members.append(("link", .string(link))) }
            if !field.values.isEmpty {
                members.append(("values", .object(field.values.map { ($0.value, .string(words.enumLabel($0.value, field: field))) })))
                members.append(
                    ("unknownValue", .string(words.language == "da" ? "ikke en af de kendte værdier" : "not one of the known values")))
            }
            fields.append(.object(members))
        }
        let da = words.language == "da"
        var document: [(key: String, value: StatusJSON)] = [
            ("url", .string(url)), ("lang", .string(words.language == "da" ? "da-DK" : "en-US")),
            ("read", .string(da ? "læst" : "read")),
            ("failed", .string(da ? "Status kunne ikke hentes" : "The status could not be fetched")),
            ("warning", .string(words.warning)), ("error", .string(words.error)), ("source", .string(words.source)),
            ("see", .string(words.moreInformation)),
            ("fields", .array(fields)),
        ]
        if let observed = binding.source?.observedAtKey {
            document.append(("observedAt", .array(observed.components.map { .string($0) })))
            document.append(("observed", .string(da ? "målt" : "observed")))
        }
        return StatusJSON.object(document).compactText
    }

    private func wrongType(_ field: StatusBinding.Field, words: StatusWords) -> String {
        words.language == "da" ? "'\(field.key)' skal være \(words.kind(field.type))" : "'\(field.key)' should be \(words.kind(field.type))"
    }
}
