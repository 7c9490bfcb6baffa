/// Names taken apart from paths, on the bytes, for the parser and the site plan.
enum PathName {
    /// The last component of a path (Foundation's `lastPathComponent` costs more than the rest of a plan).
    static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
