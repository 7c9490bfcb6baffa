import Foundation

/// Turns the paths findings carry into the paths and URIs CI systems expect:
/// relative to a base directory (the repository root) when one is given.
enum ArtifactPath {
    /// `path` relative to `baseDirectory`, or nil when it lies outside it (or no base
    /// is given). Both are resolved against the current directory first, so
    /// `articles/a.md` with base `.` gives `articles/a.md`.
    static func relative(_ path: String, to baseDirectory: String?) -> String? {
        guard let baseDirectory else { return nil }
        let base = absolute(baseDirectory)
        let file = absolute(path)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard file.hasPrefix(prefix), file.count > prefix.count else { return nil }
        return String(file.dropFirst(prefix.count))
    }

    /// `path` made absolute against the current directory, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardized.path
    }

    /// A URI reference for `path`: a relative reference for a relative path, a
    /// `file://` URI for an absolute one.
    static func uri(_ path: String) -> String {
        if path.hasPrefix("/") { return "file://" + percentEncoded(path) }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return percentEncoded(String(relative))
    }

    /// The `file://` URI of a directory, ending in `/` as SARIF wants for base URIs.
    static func directoryURI(_ directory: String) -> String {
        let path = absolute(directory)
        return "file://" + percentEncoded(path.hasSuffix("/") ? path : path + "/")
    }

    /// `path` with every byte that is not unreserved (RFC 3986) or `/` percent-encoded,
    /// so spaces, `:` (which would read as a scheme), `#`, `%` and non-ASCII such as
    /// U+200B survive every URI parser.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        result.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += hex.count == 1 ? "%0" + hex : "%" + hex
            }
        }
        return result
    }
}
