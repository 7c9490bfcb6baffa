import Foundation

/// Finds an article by path or by slug in a content folder.
public struct ArticleLocator: Sendable {
    /// The folder searched for slugs.
    public var contentDirectory: String?

    /// A locator that finds slugs in `contentDirectory` (nil: paths only).
    public init(contentDirectory: String?) {
        self.contentDirectory = contentDirectory
    }

    /// The slug shown when no article is named.
    public static let defaultSlug = "password-sync"

    /// A path as given when it exists (or looks like a path); otherwise
    /// `<content>/<slug>.md`, also searched in subfolders.
    public func resolve(_ name: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: name) || name.contains("/") || name.hasSuffix(".md") { return name }
        guard let dir = contentDirectory else { return name }
        let direct = dir + "/" + name + ".md"
        if fm.fileExists(atPath: direct) { return direct }
        if let walker = fm.enumerator(atPath: dir) {
            for case let relative as String in walker where (relative as NSString).lastPathComponent == name + ".md" {
                return dir + "/" + relative
            }
        }
        return name
    }

    /// All `.md` articles under a folder, sorted by path; a file is returned as is.
    /// Hidden entries, `README.md` and `LICENSE.md` are skipped.
    public static func articles(under path: String) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        var out: [String] = []
        collect(base, into: &out, depth: 0)
        return out.sorted()
    }

    /// A readdir walk: FileManager's enumerator costs more than parsing small folders.
    private static func collect(_ directory: String, into out: inout [String], depth: Int) {
        guard depth < 32, let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            // readdir's records are only as long as the name: read it in place,
            // never copy the whole 256-byte `d_name` field (found by AddressSanitizer).
            let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name.hasPrefix(".") { continue }
            let path = directory + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                collect(path, into: &out, depth: depth + 1)
            } else if name.hasSuffix(".md"), name != "README.md", name != "LICENSE.md" {
                out.append(path)
            }
        }
    }
}
