import Foundation

/// An evaluation put into the reader's words: what the terminal panel, the
/// step annotations, `tolk status` and the HTML page show.
public struct StatusPresentation: Sendable {
    /// One field as the reader sees it.
    public struct Field: Sendable {
        /// The label in the reader's language (the article's own words when it has them).
        public var label: String
        /// The article's English label.
        public var englishLabel: String
        /// The value as the reader reads it: `Sand`, `20. november 2026 kl. 09.15`, `87 %`.
        public var value: String?
        /// For date-times: `for 6 dage siden`.
        public var relative: String?
        /// The field's level.
        public var level: StatusLevel
        /// ✓ ! ✗ or ? (unreadable).
        public var mark: String
        /// Why it is not ✓.
        public var message: String?
        /// For a failed rule: what to do, in the article's own words unless the binding gives them.
        public var remedy: String?
        /// A page that explains the field, for a failed rule.
        public var link: String?
        /// The evaluation the field shows.
        public var result: StatusFieldResult
    }

    /// The reader's words.
    public var words: StatusWords
    /// The file, command or "standard input" the status was read from.
    public var origin: String
    /// `læst for 3 sekunder siden`.
    public var read: String
    /// `målt for 5 minutter siden`, when the data is older than the reading.
    public var observed: String?
    /// What went wrong with the source, said once.
    public var sourceProblem: String?
    /// The fields, in the binding's order.
    public var fields: [Field]
    /// The worst level of the fields; an error when the source failed.
    public var level: StatusLevel

    /// What the reader sees of `evaluation`: the panel and the value beside each step.
    /// - Parameters:
    ///   - evaluation: the status fields as the binding's rules judged them.
    ///   - side: the article language the reader sees (labels and remedies come from it).
    ///   - words: Tolk's own words, dates and numbers, in the reader's language.
    ///   - now: the time relative ages ("read 2 minutes ago") are measured from.
    public init(_ evaluation: StatusEvaluation, side: Side, words: StatusWords, now: Date = Date()) {
        self.words = words
        origin = evaluation.reading.origin
        read = words.read(evaluation.reading.readAt, now: now)
        if evaluation.reading.readAt.timeIntervalSince(evaluation.observedAt) >= 2 {
            observed = words.observed(evaluation.observedAt, now: now)
        }
        sourceProblem = evaluation.reading.failure.map {
            words.failure($0, origin: evaluation.reading.origin, standardError: evaluation.reading.standardError)
        }
        level = evaluation.level
        fields = evaluation.fields.map { Self.field($0, side: side, words: words, now: now) }
    }

    static func field(_ r: StatusFieldResult, side: Side, words: StatusWords, now: Date) -> Field {
        let lang = side == .source ? "en" : words.language
        let described = r.statusField
        let label = r.field.labels[lang] ?? described?.label[side] ?? r.field.label
        let boolWords = described.flatMap { booleanWords($0, side: side) }
        var value: String?
        var relative: String?
        switch r.value {
        case .bool(let b): value = words.bool(b, article: boolWords)
        case .number(let n): value = words.number(n) + (r.field.unit.map { " " + $0 } ?? "")
        case .text(let s): value = r.field.type == .enumeration ? words.enumLabel(s, field: r.field) : s
        case .date(let d):
            value = words.date(d)
            relative = words.relative(d, now: now)
        case nil: value = nil
        }
        let message = r.finding.map { words.finding($0, field: r.field, boolWords: boolWords) }
        var remedy: String?
        if r.finding?.isReadingProblem == false {
            remedy =
                r.field.remedy[lang] ?? (lang == "en" ? nil : r.field.remedy["en"]) ?? described.flatMap { explanation($0, side: side) }
        }
        return Field(
            label: label, englishLabel: described?.label.source ?? r.field.label, value: value, relative: relative, level: r.level,
            mark: r.mark, message: message, remedy: remedy, link: r.finding?.isReadingProblem == false ? r.field.link : nil, result: r)
    }

    /// The words the article uses for true and false: "(True or False)" in
    /// English and "(Sand eller Falsk)" in Danish give Sand and Falsk.
    static func booleanWords(_ field: StatusField, side: Side) -> (true: String, false: String)? {
        guard let english = field.valueDescription.source?.split(separator: " "), english.count == 3,
            let local = field.valueDescription[side]?.split(separator: " "), local.count == 3
        else { return nil }
        let trueFirst = english[0].lowercased() == "true" && english[2].lowercased() == "false"
        let falseFirst = english[0].lowercased() == "false" && english[2].lowercased() == "true"
        guard trueFirst || falseFirst else { return nil }
        let a = String(local[0])
        let b = String(local[2]).trimmingCharacters(in: .punctuationCharacters)
        return trueFirst ? (a, b) : (b, a)
    }

    /// The article's sentences about a field after its description: "This will
    /// display a warning and a link … more than three days ago."
    static func explanation(_ field: StatusField, side: Side) -> String? {
        guard let text = field.paragraph[side]?.plainText, let open = text.firstIndex(of: "("),
            let close = text[open...].firstIndex(of: ")")
        else { return nil }
        let rest = text[text.index(after: close)...].drop { $0 == "." || $0 == ":" || $0.isWhitespace }
        let sentence = String(rest).split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        return sentence.isEmpty ? nil : sentence
    }
}
