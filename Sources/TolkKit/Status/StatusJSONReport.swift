import Foundation

/// `tolk status --json`: the evaluation for scripts, versioned like the
/// article JSON (`tolkStatus: 1`), with the reader's words beside the raw values.
public struct StatusJSONReport: Sendable {
    /// The article the status is for.
    public var article: Article
    /// The evaluation reported.
    public var evaluation: StatusEvaluation
    /// The evaluation in the reader's words.
    public var presentation: StatusPresentation

    /// A report of `evaluation` for `article`, as `presentation` words it.
    public init(article: Article, evaluation: StatusEvaluation, presentation: StatusPresentation) {
        self.article = article
        self.evaluation = evaluation
        self.presentation = presentation
    }

    /// The report as a JSON value (`tolkStatus: 1`).
    public var json: JSONValue {
        let reading = evaluation.reading
        var source: [(String, JSONValue)] = [
            ("origin", .string(reading.origin)),
            ("readAt", .string(StatusDate.rfc3339(reading.readAt))),
            ("observedAt", .string(StatusDate.rfc3339(evaluation.observedAt))),
        ]
        if let failure = reading.failure {
            source.append(
                ("error", .object([("kind", .string(Self.kind(failure))), ("message", .string(presentation.sourceProblem ?? ""))])))
        } else {
            source.append(("error", .null))
        }
        if !reading.standardError.isEmpty { source.append(("stderr", .string(reading.standardError))) }
        let fields: [JSONValue] = presentation.fields.map { f in
            let r = f.result
            var members: [(String, JSONValue)] = [
                ("label", .string(r.field.label)),
                ("localLabel", .string(f.label)),
                ("key", .string(r.field.key.description)),
                ("type", .string(r.field.type.rawValue)),
                ("value", Self.value(r)),
                ("display", f.value.map { .string($0 + (f.relative.map { " (" + $0 + ")" } ?? "")) } ?? .null),
                ("level", .string(r.level.rawValue)),
                ("mark", .string(f.mark)),
                ("rule", r.finding?.rule.map { .string($0) } ?? .null),
                ("problem", r.finding.map { .bool($0.isReadingProblem) } ?? .bool(false)),
                ("message", f.message.map { .string($0) } ?? .null),
                ("remedy", f.remedy.map { .string($0) } ?? .null),
                ("link", f.link.map { .string($0) } ?? .null),
            ]
            if let described = r.statusField {
                members.append(("line", .int(described.location.line)))
            }
            return .object(members)
        }
        return .object([
            ("tolkStatus", .int(1)),
            ("article", .string(article.path)),
            ("binding", .string(evaluation.binding.path)),
            ("language", .string(presentation.words.language)),
            ("level", .string(evaluation.level.rawValue)),
            ("source", .object(source)),
            ("fields", .array(fields)),
        ])
    }

    static func value(_ r: StatusFieldResult) -> JSONValue {
        switch r.value {
        case .bool(let b): .bool(b)
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n)
        case .text(let s): .string(s)
        case .date(let d): .string(StatusDate.rfc3339(d))
        case nil: .null
        }
    }

    static func kind(_ failure: StatusReading.Failure) -> String {
        switch failure {
        case .unreadable: "unreadable"
        case .cannotRun: "cannotRun"
        case .exitStatus: "exitStatus"
        case .signal: "signal"
        case .timedOut: "timeout"
        case .interrupted: "interrupted"
        case .invalidJSON: "invalidJSON"
        }
    }
}
