#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole files read into bytes: articles, and the templates, status bindings,
/// configuration and manifests that are read the same way, with an error that
/// names the file for each way it can fail.
enum FileBytes {
    /// Reads a whole file with one open, fstat and read, with a message for each failure;
    /// files larger than `limit` bytes are refused.
    static func read(_ path: String, limit: Int) throws(ArticleError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw ArticleError(.unreadable, path: path, reason)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ArticleError(.unreadable, path: path, String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ArticleError(.unreadable, path: path, "is a directory; give an article file (.md)")
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw ArticleError(.tooLarge, path: path, "file is \(size) bytes; articles larger than \(limit) bytes are not read")
        }
        // One byte more than the file: the read that finds its end needs room, and a
        // full buffer would otherwise be doubled (and copied) only to learn that.
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                // Files that grow, and pipes, report no reliable size: read on.
                guard bytes.count <= limit else {
                    throw ArticleError(.tooLarge, path: path, "articles larger than \(limit) bytes are not read")
                }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ArticleError(.unreadable, path: path, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// The C library's `read`, named apart from `FileBytes.read`.
    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(fd, buffer, count)
        #else
            Darwin.read(fd, buffer, count)
        #endif
    }
}
