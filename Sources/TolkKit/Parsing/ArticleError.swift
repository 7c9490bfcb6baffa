/// Why a file could not be read as a bilingual article at all. Problems inside
/// an article that can still be read are `Diagnostic`s instead.
public struct ArticleError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be opened or read (missing, a directory, no permission).
        case unreadable
        case invalidUTF8 = "invalid-utf8"
        case binary
        case noUnits = "no-units"
        case tooLarge = "too-large"
    }

    public var kind: Kind
    public var path: String
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, path: String, at location: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0), _ message: String)
    {
        self.kind = kind
        self.path = path
        self.location = location
        self.message = message
    }

    /// `path:line:col: error: message`.
    public var description: String { "\(path):\(location.line):\(location.column): error: \(message)" }

    /// I/O problems are exit code 2 (like usage errors); content problems are 1.
    public var isIOError: Bool { kind == .unreadable }
}
