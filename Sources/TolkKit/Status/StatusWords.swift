import Foundation

/// Tolk's own words for live status, and values formatted for the reader:
/// Danish or English (other languages fall back to English), dates in the
/// reader's locale and time zone.
public struct StatusWords: Sendable {
    /// `da` or `en`.
    public var language: String
    /// The locale numbers and dates are written in.
    public var locale: Locale
    /// The time zone dates are shown in.
    public var timeZone: TimeZone

    /// `language` other than da falls back to en. `locale` defaults to da_DK or en_US.
    public init(language: String, locale: Locale? = nil, timeZone: TimeZone = .current) {
        self.language = language == "da" ? "da" : "en"
        self.locale = locale ?? Locale(identifier: self.language == "da" ? "da_DK" : "en_US")
        self.timeZone = timeZone
    }

    /// The words for a reader: the language shown, and the reader's locale
    /// (LC_ALL, LC_TIME, LANG) when it is in that language.
    public static func forReader(language: String, environment: [String: String], timeZone: TimeZone = .current) -> StatusWords {
        let lang = language == "da" ? "da" : "en"
        for key in ["LC_ALL", "LC_TIME", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let identifier = String(value.prefix { $0 != "." && $0 != "@" })
            if LanguageChoice.language(of: identifier) == lang {
                return StatusWords(language: lang, locale: Locale(identifier: identifier), timeZone: timeZone)
            }
            break
        }
        return StatusWords(language: lang, timeZone: timeZone)
    }

    var da: Bool { language == "da" }

    // MARK: Panel words

    /// The panel's title: "Status".
    public var title: String { "Status" }
    /// "Now".
    public var now: String { da ? "Nu" : "Now" }
    /// "source".
    public var source: String { da ? "kilde" : "source" }
    /// "Warning".
    public var warning: String { da ? "Advarsel" : "Warning" }
    /// "Error".
    public var error: String { da ? "Fejl" : "Error" }
    /// "no value".
    public var noValue: String { da ? "ingen værdi" : "no value" }
    /// "See", before a link.
    public var moreInformation: String { da ? "Se" : "See" }
    /// "All good".
    public var allGood: String { da ? "Alt er i orden" : "All good" }
    /// "English original".
    public var englishOriginal: String { da ? "Engelsk original" : "English original" }

    /// "læst for 3 sekunder siden" / "read 3 seconds ago".
    public func read(_ date: Date, now: Date) -> String { (da ? "læst " : "read ") + relative(date, now: now) }

    /// "data fra for 5 minutter siden" reads badly; "målt for 5 minutter siden" / "observed 5 minutes ago".
    public func observed(_ date: Date, now: Date) -> String { (da ? "målt " : "observed ") + relative(date, now: now) }

    /// The watch footer: "Refreshing every 2 seconds · Ctrl-C to quit".
    public func refreshing(every seconds: Double) -> String {
        let whole = seconds == seconds.rounded() || seconds >= 60
        let d = whole ? duration(seconds) : number((seconds * 10).rounded() / 10) + (da ? " sekunder" : " seconds")
        return da ? "Opdateres hvert \(d) · Ctrl-C afslutter" : "Refreshing every \(d) · Ctrl-C to quit"
    }

    // MARK: Values

    /// `date` in the reader's locale and time zone.
    public func date(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(date: .long, time: .shortened, locale: locale, calendar: Calendar(identifier: .gregorian), timeZone: timeZone))
    }

    /// "for 6 dage siden" / "6 days ago"; "lige nu" / "just now" under 2 seconds.
    public func relative(_ date: Date, now: Date) -> String {
        let age = now.timeIntervalSince(date)
        if abs(age) < 2 { return da ? "lige nu" : "just now" }
        var style = Date.AnchoredRelativeFormatStyle(anchor: date, presentation: .numeric, unitsStyle: .wide)
        style.locale = locale
        // Days rather than "2 weeks": an administrator counts sync age in days.
        style.allowedFields = abs(age) < 86_400 * 365 ? [.day, .hour, .minute, .second] : [.year, .month, .day]
        return style.format(now)
    }

    /// `n` in the reader's locale.
    public func number(_ n: Double) -> String { n.formatted(.number.locale(locale)) }

    /// `b` in the article's own words when given, else true or false in the reader's language.
    public func bool(_ b: Bool, article words: (true: String, false: String)? = nil) -> String {
        if let words { return b ? words.true : words.false }
        return da ? (b ? "Sand" : "Falsk") : (b ? "True" : "False")
    }

    /// "3 dage", "1 dag og 12 timer" / "3 days", "1 day and 12 hours".
    public func duration(_ seconds: Double) -> String {
        var left = Int(seconds.rounded())
        let units: [(Int, String, String, String, String)] = [
            (604_800, "uge", "uger", "week", "weeks"), (86_400, "dag", "dage", "day", "days"), (3_600, "time", "timer", "hour", "hours"),
            (60, "minut", "minutter", "minute", "minutes"), (1, "sekund", "sekunder", "second", "seconds"),
        ]
        var parts: [String] = []
        for (size, d1, dn, e1, en) in units where left >= size {
            let n = left / size
            left -= n * size
            parts.append("\(n) " + (da ? (n == 1 ? d1 : dn) : (n == 1 ? e1 : en)))
        }
        if parts.isEmpty { return da ? "0 sekunder" : "0 seconds" }
        if parts.count == 1 { return parts[0] }
        return parts.dropLast().joined(separator: ", ") + (da ? " og " : " and ") + parts[parts.count - 1]
    }

    func kind(_ type: StatusBinding.ValueType) -> String {
        switch type {
        case .boolean: da ? "en sandhedsværdi (true/false)" : "a boolean (true/false)"
        case .dateTime: da ? "et tidspunkt (ISO 8601)" : "a date-time (ISO 8601)"
        case .number: da ? "et tal" : "a number"
        case .text: da ? "en tekst" : "a string"
        case .enumeration: da ? "en af værdierne" : "one of the values"
        }
    }

    func kind(_ value: StatusJSON) -> String {
        switch value {
        case .null: "null"
        case .bool: da ? "en sandhedsværdi" : "a boolean"
        case .number: da ? "et tal" : "a number"
        case .string: da ? "en tekst" : "a string"
        case .array: da ? "en liste" : "an array"
        case .object: da ? "et objekt" : "an object"
        }
    }

    // MARK: What went wrong

    /// The source's failure, said once.
    public func failure(_ failure: StatusReading.Failure, origin: String, standardError: String) -> String {
        let detail = standardError.split(separator: "\n").first.map { ": " + $0 } ?? ""
        switch failure {
        case .unreadable(let why): return (da ? "kan ikke læse \(origin): " : "cannot read \(origin): ") + why
        case .cannotRun(let why): return (da ? "kan ikke køre \(origin): " : "cannot run \(origin): ") + why
        case .exitStatus(let code): return (da ? "\(origin) sluttede med status \(code)" : "\(origin) exited with status \(code)") + detail
        case .signal(let s): return (da ? "\(origin) blev stoppet af signal \(s)" : "\(origin) was stopped by signal \(s)") + detail
        case .timedOut(let limit):
            return da
                ? "\(origin) blev ikke færdig inden for \(duration(limit.seconds)) og blev stoppet"
                : "\(origin) did not finish within \(duration(limit.seconds)); stopped"
        case .interrupted: return da ? "afbrudt" : "interrupted"
        case .invalidJSON(let e):
            return (da ? "\(origin) gav ugyldig JSON (\(e.line):\(e.column)): " : "\(origin) gave invalid JSON (\(e.line):\(e.column)): ")
                + e.message
        }
    }

    /// Why one field is not ✓, in a sentence.
    public func finding(_ finding: StatusFieldResult.Finding, field: StatusBinding.Field, boolWords: (true: String, false: String)?)
        -> String
    {
        switch finding {
        case .unexpected(.bool(let b)): return (da ? "forventet " : "expected ") + bool(b, article: boolWords)
        case .unexpected(.number(let n)): return (da ? "forventet " : "expected ") + number(n) + (field.unit.map { " " + $0 } ?? "")
        case .unexpected(.oneOf(let values)):
            let shown = values.map { enumLabel($0, field: field) }
            return (da ? "forventet " : "expected ") + shown.joined(separator: da ? " eller " : " or ")
        case .stale(_, let limit): return da ? "mere end \(duration(limit.seconds)) siden" : "more than \(duration(limit.seconds)) ago"
        case .belowMinimum(let m):
            return (da ? "under grænsen på " : "below the limit of ") + number(m) + (field.unit.map { " " + $0 } ?? "")
        case .aboveMaximum(let m):
            return (da ? "over grænsen på " : "above the limit of ") + number(m) + (field.unit.map { " " + $0 } ?? "")
        case .sourceFailed: return da ? "ingen værdi: status kunne ikke læses" : "no value: the status could not be read"
        case .missingKey(let missing):
            let found = missing.path.components.prefix(missing.depth).joined(separator: ".")
            let lacking = missing.path.components[missing.depth]
            return da
                ? "statusdokumentet har ingen '\(missing.path)'" + (found.isEmpty ? "" : " ('\(found)' findes, men ikke '\(lacking)')")
                : "the status document has no '\(missing.path)'" + (found.isEmpty ? "" : " ('\(found)' is there, '\(lacking)' is not)")
        case .wrongType(let expected, let found):
            let shown = found.compactText.count > 40 ? String(found.compactText.prefix(40)) + "…" : found.compactText
            return da
                ? "'\(field.key)' skal være \(kind(expected)), men er \(kind(found)): \(shown)"
                : "'\(field.key)' should be \(kind(expected)), but is \(kind(found)): \(shown)"
        case .unknownValue(let v, let allowed):
            return da
                ? "'\(v)' er ikke en af værdierne \(allowed.joined(separator: ", "))"
                : "'\(v)' is not one of the values \(allowed.joined(separator: ", "))"
        }
    }

    /// An enumeration value in the reader's language.
    public func enumLabel(_ value: String, field: StatusBinding.Field) -> String {
        field.values.first { $0.value == value }?.labels[language] ?? value
    }

    /// The word for `level`: OK, warning or error.
    public func levelWord(_ level: StatusLevel) -> String {
        switch level {
        case .ok: da ? "OK" : "OK"
        case .warning: warning
        case .error: error
        }
    }
}
