/// Something the parser noticed about an article: it never stops the parse,
/// so one odd article still renders, but the reader and the checks see it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic or finding is, from note to error.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// From least to most serious: a note, a warning, an error.
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// A short stable code such as `front-matter-yaml` or `unpaired-target-span`.
    public var code: String
    /// What is wrong, in one sentence.
    public var message: String
    /// Where the problem is in the article file.
    public var location: SourceLocation

    /// A diagnostic with its severity, code and message at `location`.
    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// `path:line:col: severity: message`, the form compilers and editors read.
    public func formatted(path: String) -> String { "\(path):\(description)" }
}
