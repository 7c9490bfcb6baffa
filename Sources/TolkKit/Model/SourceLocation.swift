/// A position in an article file: 1-based line, 1-based column counted in
/// Unicode scalars (what editors and `path:line:col` readers expect), and the
/// 0-based UTF-8 byte offset into the file.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

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
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    public var byteRange: Range<Int> { start.offset..<max(start.offset, end.offset) }
}
