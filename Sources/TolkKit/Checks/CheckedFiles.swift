import Foundation

/// The articles one check covers, each known by its canonical path and printed as
/// the user spelled it.
///
/// The canonical path is absolute, with `.`, `..` and the symbolic links of the
/// checked paths resolved; below a checked folder the walk's own names are kept, so
/// every article stays inside the folder it was found in. Rules, fingerprints, sorting
/// and sharding see only canonical paths, so `tolk check ..` from `da-DK/AlchemyInsights`
/// and `tolk check da-DK` from the corpus give the same findings: the locale folder
/// the rules read from a path is always there. A file named twice (itself and its
/// folder) is checked once, under the first spelling.
///
/// What is printed is the checked path as written, without `./` and doubled slashes,
/// followed by the article's path below it: `tolk check ./content/` prints
/// `content/a.md`, `tolk check ..` prints `../AlchemyInsights/a.md`.
public struct CheckedFiles: Sendable {
    /// One article to check: its canonical path, the path to print and its path below the checked path.
    public struct File: Sendable, Hashable {
        /// The canonical path (absolute, resolved).
        public var path: String
        /// The path to print.
        public var display: String
        /// The path below the checked path it was found under (the file name for a file).
        public var belowCheckedPath: String
    }

    /// The articles, in the order of the checked paths, each path's articles sorted.
    public private(set) var files: [File]
    /// The checked paths, canonical.
    public let checkedPaths: [String]
    /// The deepest folder holding every checked path (canonical).
    public let root: String
    /// The git work tree holding `root` (the nearest folder at or above it with a
    /// `.git` entry), else `root`: where report URIs are made relative to.
    public let repositoryRoot: String

    /// A checked path that does not exist.
    public struct MissingPath: Error, CustomStringConvertible {
        /// The path as given.
        public var path: String
        public var description: String { "\(path):1:1: error: no such file or folder" }
    }

    /// Lists the `.md` articles under `paths` (files or folders, as the user wrote them).
    public init(paths: [String]) throws(MissingPath) {
        var files: [File] = []
        var seen = Set<String>()
        var folders: [String] = []
        var canonicalPaths: [String] = []
        for spelled in paths {
            guard let canonical = Self.resolved(spelled) else { throw MissingPath(path: spelled) }
            canonicalPaths.append(canonical)
            let shown = Self.tidied(spelled)
            var info = stat()
            let isFolder = stat(canonical, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            folders.append(isFolder ? canonical : (canonical as NSString).deletingLastPathComponent)
            let found = isFolder ? ArticleLocator.articles(under: canonical) : [canonical]
            for path in found where seen.insert(path).inserted {
                let below =
                    isFolder
                    ? Self.dropping(canonical == "/" ? 1 : canonical.utf8.count + 1, from: path) : (path as NSString).lastPathComponent
                let display = isFolder ? (shown.isEmpty ? below : shown == "/" ? "/" + below : shown + "/" + below) : shown
                files.append(File(path: path, display: display, belowCheckedPath: below))
            }
        }
        self.files = files
        checkedPaths = canonicalPaths
        root = Self.commonFolder(folders)
        repositoryRoot = Self.repositoryRoot(containing: root) ?? root
    }

    /// `path` below `root` (the checked root), what shards are chosen by.
    public func pathBelowRoot(_ file: File) -> String {
        Self.dropping(root == "/" ? 1 : root.utf8.count + 1, from: file.path)
    }

    /// `path` without its first `count` bytes (a folder and its `/`): counted in bytes, not
    /// characters, which would walk every path's grapheme clusters.
    static func dropping(_ count: Int, from path: String) -> String {
        String(path[path.utf8.index(path.startIndex, offsetBy: min(count, path.utf8.count))...])
    }

    /// Leaves out the files the configuration skips: its patterns match paths relative to
    /// the folder of the `.tolk.yml`, or, without one, below the checked path.
    public func skipping(_ configuration: CheckConfiguration) -> CheckedFiles {
        guard !configuration.skip.isEmpty else { return self }
        let folder = configuration.path.flatMap { Self.resolved(($0 as NSString).deletingLastPathComponent) }
        var copy = self
        copy.files = files.filter { file in
            let relative: String
            if let folder, file.path.hasPrefix(folder == "/" ? "/" : folder + "/") {
                relative = String(file.path.dropFirst(folder == "/" ? 1 : folder.count + 1))
            } else {
                relative = file.belowCheckedPath
            }
            return !configuration.skips(relative)
        }
        return copy
    }

    /// How reports print these files' paths.
    public var reportPaths: ReportPaths {
        let display = Dictionary(files.map { ($0.path, $0.display) }, uniquingKeysWith: { a, _ in a })
        return ReportPaths(baseDirectory: repositoryRoot, display: display)
    }

    /// `path` absolute, standardized and with symbolic links resolved; nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `path` without `.` components and doubled or trailing slashes; "" for the current folder.
    static func tidied(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    /// The deepest folder that holds every one of `folders` (absolute paths).
    static func commonFolder(_ folders: [String]) -> String {
        guard var common = folders.first?.split(separator: "/", omittingEmptySubsequences: true) else { return "/" }
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/", omittingEmptySubsequences: true)
            common = Array(zip(common, parts).prefix { $0 == $1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }

    /// The nearest folder at or above `folder` with a `.git` entry (a folder in a clone,
    /// a file in a worktree or submodule), without running git.
    static func repositoryRoot(containing folder: String) -> String? {
        var current = folder
        while true {
            if access(current == "/" ? "/.git" : current + "/.git", F_OK) == 0 { return current }
            if current == "/" || current.isEmpty { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }
}
