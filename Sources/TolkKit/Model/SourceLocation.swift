/// A position in an article file: 1-based line, 1-based column counted in
/// Unicode scalars (what editors and `path:line:col` readers expect), and the
/// 0-based UTF-8 byte offset into the file.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column in Unicode scalars, from 1.
    public var column: Int
    /// The UTF-8 byte offset into the file, from 0.
    public var offset: Int

    /// A location at `line` and `column` (1-based) and byte `offset`.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }

    public var description: String { "\(line):\(column)" }
}

/// A half-open byte range in an article file with the locations of both ends.
public struct SourceRange: Hashable, Sendable {
    /// The first byte's location.
    public var start: SourceLocation
    /// The location just past the last byte.
    public var end: SourceLocation

    /// The range from `start` to `end`.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The byte offsets the range covers.
    public var byteRange: Range<Int> { start.offset..<max(start.offset, end.offset) }
}
