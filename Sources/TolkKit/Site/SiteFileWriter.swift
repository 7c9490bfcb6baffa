import Foundation

/// Writes the files of a site below one folder with plain POSIX calls, from
/// any thread. Every path is relative and checked before use: only the
/// characters slugs, language codes and media names are made of, no empty,
/// `.` or `..` component, no leading `/`, so nothing can be written outside the
/// folder whatever an article's file name or front matter says; and no folder
/// on the way may be a symbolic link.
final class SiteFileWriter: @unchecked Sendable {
    /// The folder written into, without a trailing slash.
    let root: String
    private let lock = NSLock()
    private var directories: Set<String> = [""]
    /// Bytes and files written, for the report.
    private(set) var fileCount = 0
    private(set) var byteCount = 0

    /// The folder, open: files and folders are made relative to it (`openat`, `mkdirat`),
    /// so the kernel does not walk the folder's own path again for each of thousands of
    /// files. `AT_FDCWD` (with `root` in front of every path) when it cannot be opened.
    private let rootDescriptor: Int32

    init(root: String) {
        self.root = root
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        rootDescriptor = fd
    }

    deinit {
        if rootDescriptor >= 0 { close(rootDescriptor) }
    }

    /// `relative` as `*at` calls take it: below the open folder, else with the folder in front.
    private func atPath(_ relative: String) -> (Int32, String) {
        rootDescriptor >= 0 ? (rootDescriptor, relative) : (AT_FDCWD, root + "/" + relative)
    }

    /// Writes `bytes` to `relative` (creating its folders), replacing any file there.
    func write(_ bytes: [UInt8], to relative: String) throws(SiteError) {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(SiteError) in try write(buffer, to: relative) } }
        try result.get()
    }

    /// Writes the UTF-8 of `text` without copying it first.
    func write(_ text: String, to relative: String) throws(SiteError) {
        var text = text
        let result = text.withUTF8 { buffer in Result { () throws(SiteError) in try write(UnsafeRawBufferPointer(buffer), to: relative) } }
        try result.get()
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to relative: String) throws(SiteError) {
        try Self.check(relative)
        try makeParents(of: relative)
        var path: String { root + "/" + relative }  // for messages
        let (base, name) = atPath(relative)
        let fd = openat(base, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw SiteError.io(path, "cannot write: " + String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        while written < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                throw SiteError.io(path, "cannot write: " + String(cString: strerror(errno)))
            }
            written += n
        }
        lock.lock()
        fileCount += 1
        byteCount += buffer.count
        lock.unlock()
    }

    /// Copies the file at `source` (outside the site) to `relative`.
    func copy(from source: String, to relative: String) throws(SiteError) {
        let fd = open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SiteError.io(source, "cannot read: " + String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes += buffer[0..<n]
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw SiteError.io(source, "cannot read: " + String(cString: strerror(errno)))
            }
        }
        try write(bytes, to: relative)
    }

    /// Checks `relative` and creates the folders above it: for a file moved in from elsewhere.
    func prepare(_ relative: String) throws(SiteError) {
        try Self.check(relative)
        try makeParents(of: relative)
    }

    /// Creates the folders above `relative`, refusing symbolic links on the way.
    private func makeParents(of relative: String) throws(SiteError) {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let folder = String(relative[..<slash])
        lock.lock()
        let known = directories.contains(folder)
        lock.unlock()
        if known { return }
        var prefix = ""
        for component in folder.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            lock.lock()
            let seen = directories.contains(prefix)
            lock.unlock()
            if seen { continue }
            var path: String { root + "/" + prefix }  // for messages
            let (base, name) = atPath(prefix)
            if mkdirat(base, name, 0o755) != 0 {
                let error = errno
                var info = stat()
                guard error == EEXIST, fstatat(base, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    throw SiteError.io(path, "cannot create the folder: " + String(cString: strerror(error)))
                }
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw SiteError.io(path, "is not a folder (a symbolic link or a file); remove it")
                }
            }
            lock.lock()
            directories.insert(prefix)
            lock.unlock()
        }
    }

    /// The manifest is the one name allowed to start with a dot.
    static let manifestName = ".tolk-site"

    /// Throws unless `relative` stays inside the folder: see the type's summary.
    static func check(_ relative: String) throws(SiteError) {
        guard isSafe(relative) else { throw SiteError.unsafePath(relative) }
    }

    static func isSafe(_ relative: String) -> Bool {
        // One pass over the bytes (this runs for every file of a site): each component
        // non-empty, of safe bytes, at most 200 of them, not starting with a dot — except
        // the manifest's name.
        let bytes = relative.utf8
        guard !bytes.isEmpty, bytes.count < 1024 else { return false }
        var length = 0  // of the component so far
        var dotted = false  // the component starts with a dot
        var dots = false  // the path has `..` somewhere
        var previous: UInt8 = 0
        var start = bytes.startIndex
        var i = start
        func componentIsSafe(_ end: String.UTF8View.Index) -> Bool {
            guard length > 0, length <= 200 else { return false }
            return !dotted || Substring(bytes[start..<end]) == manifestName[...]
        }
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "/") {
                guard componentIsSafe(i) else { return false }
                length = 0
                dotted = false
            } else {
                guard isSafeByte(b) else { return false }
                if length == 0 {
                    start = i
                    dotted = b == UInt8(ascii: ".")
                }
                if b == UInt8(ascii: "."), previous == UInt8(ascii: ".") { dots = true }
                length += 1
            }
            previous = b
            bytes.formIndex(after: &i)
        }
        guard componentIsSafe(bytes.endIndex) else { return false }
        // The same check once more on the standardized path, in case a rule above is ever loosened.
        return !dots || standardized(relative).first != ".."
    }

    /// The path with `.` and empty components dropped and `..` applied, as a file
    /// system would resolve it below the folder; a leading `..` means it left.
    static func standardized(_ relative: String) -> [Substring] {
        var out: [Substring] = []
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if out.isEmpty || out.last == ".." { out.append(component) } else { out.removeLast() }
            default: out.append(component)
            }
        }
        return out
    }

    private static func isSafeByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
    }
}
