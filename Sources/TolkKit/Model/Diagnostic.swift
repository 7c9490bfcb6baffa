/// Something the parser noticed about an article: it never stops the parse,
/// so one odd article still renders, but the reader and the checks see it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// A short stable code such as `front-matter-yaml` or `unpaired-target-span`.
    public var code: String
    public var message: String
    public var location: SourceLocation

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
