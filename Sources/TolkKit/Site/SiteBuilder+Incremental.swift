import Foundation

extension SiteBuilder {
    /// An incremental build over a site whose manifest matches this build's settings:
    /// articles with the content hash they had are not read again and their pages stay;
    /// the others, the site's own pages, the sitemap and the manifest are rendered into
    /// a staging folder beside the site. Only when all of it is written are the staged
    /// files renamed into the site, one atomic rename each, the manifest last: an
    /// interrupted or failed build before that point leaves the site as it was.
    ///
    /// The findings of the rules that compare articles (TOLK701, TOLK702, TOLK703) need every
    /// article: they keep the previous full build's counts.
    func buildIncrementally(
        _ setup: SiteSetup, previous: SiteManifest, timings: SiteTimings, progress: (@Sendable (Int, Int) -> Void)?,
        shouldStop: @escaping @Sendable () -> Bool
    ) throws(SiteError) -> Report {
        let stage = try setup.folder.makeTemporary(kind: "stage")
        do throws(SiteError) {
            let writer = SiteFileWriter(root: stage)
            let site = setup.folder.path
            let old = Dictionary(previous.articles.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            var (report, articles) = try renderSite(
                setup, previous: old, writer: writer, existingMedia: { Self.exists(site + "/" + $0) }, timings: timings, progress: progress,
                shouldStop: shouldStop)
            if shouldStop() { throw SiteError.interrupted }
            // Articles built before that cannot be read now lose their pages, as in a full build.
            let kept = Set(articles.map(\.path))
            let gone = previous.articles.filter { !kept.contains($0.path) }.flatMap { a in a.languages.map { $0 + "/" + a.slug } }
            try Self.moveIn(stage, into: site, removing: gone)
            setup.folder.discard(stage)
            timings.mark("files moved into place")
            report.incremental = true
            return report
        } catch {
            setup.folder.discard(stage)
            throw error
        }
    }

    /// Renames every file of `stage` to the same place in `site` (the manifest last),
    /// then removes the folders in `removing`.
    static func moveIn(_ stage: String, into site: String, removing: [String]) throws(SiteError) {
        var files: [String] = []
        collectFiles(stage, relative: "", into: &files)
        files.sort { a, b in (a == SiteFileWriter.manifestName ? 1 : 0, a) < (b == SiteFileWriter.manifestName ? 1 : 0, b) }
        let target = SiteFileWriter(root: site)
        for file in files {
            try target.prepare(file)
            guard rename(stage + "/" + file, site + "/" + file) == 0 else {
                throw SiteError.io(site + "/" + file, "cannot move the new file into place: " + String(cString: strerror(errno)))
            }
        }
        for folder in removing where SiteFileWriter.isSafe(folder) {
            try? FileManager.default.removeItem(atPath: site + "/" + folder)
        }
    }

    private static func collectFiles(_ root: String, relative: String, into files: inout [String]) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            let path = relative.isEmpty ? entry : relative + "/" + entry
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                collectFiles(root, relative: path, into: &files)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                files.append(path)
            }
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
