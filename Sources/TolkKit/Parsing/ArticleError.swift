/// Why a file could not be read as a bilingual article at all. Problems inside
/// an article that can still be read are `Diagnostic`s instead.
public struct ArticleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure stopped the article being read.
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be opened or read (missing, a directory, no permission).
        case unreadable
        /// The file is not valid UTF-8.
        case invalidUTF8 = "invalid-utf8"
        /// The file is binary, not text.
        case binary
        /// The file has no translation units: not a side-by-side article.
        case noUnits = "no-units"
        /// The file is larger than the parser's `maximumSize`.
        case tooLarge = "too-large"
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// The article file.
    public var path: String
    /// Where the problem is in the file.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String

    /// An error of `kind` in the article at `path`, at `location`.
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
