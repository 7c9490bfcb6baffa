import Foundation

/// The binding's rules applied to one reading: a result per field.
public struct StatusEvaluation: Sendable {
    /// The binding whose rules were applied.
    public var binding: StatusBinding
    /// The reading they were applied to.
    public var reading: StatusReading
    /// When the data was observed: the document's `observedAt` key, a file's
    /// modification time, or when Tolk read it.
    public var observedAt: Date
    /// The result of each field, in the binding's order.
    public var fields: [StatusFieldResult]

    /// The worst level of any field: what `tolk status` exits with.
    public var level: StatusLevel { fields.map(\.level).max() ?? (reading.failure == nil ? .ok : .error) }

    /// The result for a status field of the article, by its English label.
    public func result(for statusField: StatusField) -> StatusFieldResult? {
        guard let english = statusField.label.source else { return nil }
        return fields.first { StatusBinding.sameLabel($0.field.label, english) }
    }
}

/// The outcome for one field: its value, its level and any finding.
public struct StatusFieldResult: Sendable {
    /// A value read and typed.
    public enum Value: Hashable, Sendable {
        /// A boolean.
        case bool(Bool)
        /// A date-time.
        case date(Date)
        /// A number.
        case number(Double)
        /// Text or an enumeration value.
        case text(String)
    }

    /// Why a field is not ✓.
    public enum Finding: Hashable, Sendable {
        // The rules:
        /// The value is not the expected one.
        case unexpected(StatusBinding.Expected)
        /// The date-time is `age` seconds old, more than `limit`.
        case stale(age: Double, limit: StatusDuration)
        /// The number is below the minimum.
        case belowMinimum(Double)
        /// The number is above the maximum.
        case aboveMaximum(Double)
        // Reading problems:
        /// The status source could not be read.
        case sourceFailed
        /// The document lacks the field's key.
        case missingKey(StatusKeyPath.Missing)
        /// The value is not of the field's type.
        case wrongType(expected: StatusBinding.ValueType, found: StatusJSON)
        /// The value is none of the enumeration's allowed values.
        case unknownValue(String, allowed: [String])

        /// The rule that failed (`expect`, `staleAfter`, `min`, `max`); nil for a reading problem.
        public var rule: String? {
            switch self {
            case .unexpected: "expect"
            case .stale: "staleAfter"
            case .belowMinimum: "min"
            case .aboveMaximum: "max"
            default: nil
            }
        }

        /// True for a problem reading the value rather than a failed rule.
        public var isReadingProblem: Bool { rule == nil }
    }

    /// The field evaluated.
    public var field: StatusBinding.Field
    /// The article's description of the field, when the article has it.
    public var statusField: StatusField?
    /// The JSON value at the field's key, if there is one.
    public var raw: StatusJSON?
    /// The value read and typed, if it could be.
    public var value: Value?
    /// The field's level.
    public var level: StatusLevel
    /// What failed, if anything.
    public var finding: Finding?

    /// ✓, ! or ✗, and ? when the value could not be read.
    public var mark: String { finding?.isReadingProblem == true ? "?" : level.mark }
}

/// Applies a binding's rules to a reading.
public struct StatusEvaluator: Sendable {
    /// The time date-times are compared with.
    public var now: Date
    /// Times without a zone are read in this one.
    public var timeZone: TimeZone

    /// An evaluator that compares dates with `now`, reading times without a zone in `timeZone`.
    public init(now: Date = Date(), timeZone: TimeZone = .current) {
        self.now = now
        self.timeZone = timeZone
    }

    /// Evaluates every field of `binding` in `reading`.
    public func evaluate(_ binding: StatusBinding, reading: StatusReading, article: Article? = nil) -> StatusEvaluation {
        let described = article.map { StatusFieldIndex($0) }
        var observedAt = reading.modifiedAt ?? reading.readAt
        if let key = binding.source?.observedAtKey, let document = reading.document, case .success(let v) = key.lookup(in: document),
            let date = StatusDate.parse(v, zone: timeZone)
        {
            observedAt = date
        }
        let fields = binding.fields.map { field -> StatusFieldResult in
            var result = evaluate(field, document: reading.document)
            result.statusField = described?.field(labelled: field.label)
            return result
        }
        return StatusEvaluation(binding: binding, reading: reading, observedAt: observedAt, fields: fields)
    }

    /// Evaluates one field in a status document (nil: none was read).
    public func evaluate(_ field: StatusBinding.Field, document: StatusJSON?) -> StatusFieldResult {
        var result = StatusFieldResult(field: field, level: .ok)
        func fail(_ finding: StatusFieldResult.Finding, _ level: StatusLevel) -> StatusFieldResult {
            result.finding = finding
            result.level = level
            return result
        }
        guard let document else { return fail(.sourceFailed, .error) }
        let raw: StatusJSON
        switch field.key.lookup(in: document) {
        case .success(let v): raw = v
        case .failure(let missing): return fail(.missingKey(missing), .error)
        }
        result.raw = raw
        switch field.type {
        case .boolean:
            guard case .bool(let b) = raw else { return fail(.wrongType(expected: .boolean, found: raw), .error) }
            result.value = .bool(b)
            if case .bool(let wanted) = field.expected, wanted != b { return fail(.unexpected(.bool(wanted)), field.severity) }
        case .number:
            guard case .number(let n) = raw else { return fail(.wrongType(expected: .number, found: raw), .error) }
            result.value = .number(n)
            if case .number(let wanted) = field.expected, wanted != n { return fail(.unexpected(.number(wanted)), field.severity) }
            if let min = field.minimum, n < min { return fail(.belowMinimum(min), field.severity) }
            if let max = field.maximum, n > max { return fail(.aboveMaximum(max), field.severity) }
        case .text, .enumeration:
            guard case .string(let s) = raw else { return fail(.wrongType(expected: field.type, found: raw), .error) }
            result.value = .text(s)
            if field.type == .enumeration, !field.values.contains(where: { $0.value == s }) {
                return fail(.unknownValue(s, allowed: field.values.map(\.value)), .error)
            }
            if case .oneOf(let wanted) = field.expected, !wanted.contains(s) { return fail(.unexpected(.oneOf(wanted)), field.severity) }
        case .dateTime:
            guard let date = StatusDate.parse(raw, zone: timeZone) else { return fail(.wrongType(expected: .dateTime, found: raw), .error) }
            result.value = .date(date)
            let age = now.timeIntervalSince(date)
            if let limit = field.staleAfter, age > limit.seconds { return fail(.stale(age: age, limit: limit), field.severity) }
        }
        return result
    }
}

/// The status fields an article describes, by English label.
struct StatusFieldIndex {
    let fields: [StatusField]

    init(_ article: Article) {
        // Both documents' procedures carry the same fields; the target's has the translated words too.
        fields = article.target.statusFields + article.source.statusFields
    }

    func field(labelled label: String) -> StatusField? {
        fields.first { $0.label.source.map { StatusBinding.sameLabel($0, label) } ?? false }
    }
}
