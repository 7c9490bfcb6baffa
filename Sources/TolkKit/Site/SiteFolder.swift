internal import CSystem
import Foundation

/// The output folder of a site and how a build replaces it: everything is
/// written to a temporary folder beside it (`.NAME.tolk-build-PID-N`), which
/// takes the output's place in one rename when the build has succeeded. A
/// failed or interrupted build only ever removes its temporary folder. The
/// previous site is removed after the swap, in the background unless told
/// otherwise (removing thousands of folders can take seconds on some disks).
struct SiteFolder: Sendable {
    /// The output folder, absolute and standardized.
    let path: String
    let parent: String
    let name: String
    let removeInBackground: Bool

    /// Checks that `output` may be (re)placed: not `/`, not the content folder or a
    /// folder holding it, not a symbolic link, and, if it exists, empty or a site
    /// Tolk built (it has `.tolk-site`): a build never swaps away a folder of
    /// someone else's files.
    init(output: String, content: String, removeInBackground: Bool = true) throws(SiteError) {
        let absolute = Self.absolute(output)
        guard absolute != "/" else { throw .usage("--out / would replace the whole file system; give a folder for the site") }
        let name = (absolute as NSString).lastPathComponent
        var parent = (absolute as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw .io(parent, "cannot create the folder for --out: \(error.localizedDescription)")
            }
        }
        parent = Self.resolved(parent)
        let path = parent == "/" ? "/" + name : parent + "/" + name
        let contentPath = Self.resolved(Self.absolute(content))
        if path == contentPath || contentPath.hasPrefix(path + "/") {
            throw .usage("--out \(output) is the content folder or holds it; the build would replace the articles. Choose another folder")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw .usage("--out \(output) is a symbolic link; give the folder itself")
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .usage("--out \(output) exists and is not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty && !entries.contains(SiteFileWriter.manifestName) {
                throw .usage(
                    "--out \(output) is a folder Tolk did not build (no \(SiteFileWriter.manifestName)); it would be replaced. "
                        + "Give a new or empty folder, or remove it first")
            }
        }
        self.path = path
        self.parent = parent
        self.name = name
        self.removeInBackground = removeInBackground
    }

    var exists: Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// A new, empty temporary folder beside the output: `build` for a whole site,
    /// `stage` for the files of an incremental build.
    func makeTemporary(kind: String = "build") throws(SiteError) -> String {
        for _ in 0..<100 {
            let candidate = parent + "/." + name + ".tolk-\(kind)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            if mkdir(candidate, 0o755) == 0 { return candidate }
            if errno != EEXIST { throw .io(candidate, "cannot create the temporary build folder: " + String(cString: strerror(errno))) }
        }
        throw .io(parent, "cannot create a temporary build folder")
    }

    /// Puts `temporary` in the output's place in one step (or two renames where the
    /// file system cannot exchange), then removes the previous site.
    func commit(_ temporary: String) throws(SiteError) {
        guard exists else {
            guard rename(temporary, path) == 0 else {
                throw .io(path, "cannot move the new site into place: " + String(cString: strerror(errno)))
            }
            return
        }
        if tolk_exchange_paths(temporary, path) == 0 {
            discard(temporary)  // now the previous site
            return
        }
        let old = parent + "/." + name + ".tolk-old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard rename(path, old) == 0 else { throw .io(path, "cannot move the previous site aside: " + String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, path)
            throw .io(path, "cannot move the new site into place: " + reason)
        }
        discard(old)
    }

    /// Removes a folder of this build's (a temporary folder, or the previous site
    /// after the swap): renamed out of the way at once, deleted in the background.
    func discard(_ folder: String) {
        var target = folder
        let old = parent + "/." + name + ".tolk-old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if !folder.contains(".tolk-old-"), rename(folder, old) == 0 { target = old }
        if removeInBackground, Self.spawnRemoval(target) { return }
        try? FileManager.default.removeItem(atPath: target)
    }

    /// Removes what earlier builds left beside the output: the previous sites of
    /// swaps, and temporary folders of builds whose process is gone (killed).
    func removeLeftovers() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let prefix = "." + name + ".tolk-"
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            if rest.hasPrefix("old-") {
                discard(parent + "/" + entry)
            } else if rest.hasPrefix("build-") || rest.hasPrefix("stage-") {
                let pid = rest.split(separator: "-").dropFirst().first.flatMap { pid_t($0) } ?? 0
                if pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { discard(parent + "/" + entry) }
            }
        }
    }

    private static func spawnRemoval(_ folder: String) -> Bool {
        let rm = ["/bin/rm", "/usr/bin/rm"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let rm else { return false }
        let arguments = ["rm", "-rf", "--", folder]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        return tolk_spawn_detached(rm, &argv) > 0
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    /// The path with symbolic links resolved, when it exists.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
