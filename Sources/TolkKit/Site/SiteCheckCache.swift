import Foundation

/// What the rules of `tolk check` counted in each article at the last full build of
/// a content folder, kept outside the site (in the user's cache folder), so that a
/// build does not run them again on an article whose content did not change — also
/// into an empty output folder, where the incremental manifest cannot help. The rules
/// cost more than the rest of a build together.
///
/// One file per content folder, `site-checks-<hash of its path>.tolk-site`, in the
/// manifest's format (`SiteManifest`); its settings are the fingerprint of what the
/// counts depend on besides an article's own content (Tolk's build and the check
/// configuration) and of the set of checked articles with their content hashes. An
/// article is taken from the cache only when that fingerprint and its content hash
/// match; the findings of the rules that compare articles (TOLK701, TOLK702, TOLK703) are taken
/// only when the whole set matches, else they are judged anew from every article's facts.
/// A missing, unreadable or foreign file is no cache; a cache that cannot be written is
/// left out silently (the site does not depend on it).
struct SiteCheckCache: Sendable {
    /// The cache file.
    let path: String
    /// What the counts depend on besides the articles: Tolk's build and the check configuration.
    let checkFingerprint: String
    /// The last full build's checked articles by path below the content folder (`hash` is the content hash).
    let articles: [String: SiteArticle]
    /// The fingerprint of that build's set of checked articles and their content hashes.
    let setFingerprint: String

    /// The cache for `content` in `directory`, read when it holds one for `checkFingerprint`.
    init(directory: String, content: String, checkFingerprint: String) {
        var name = ContentHash()
        name.add(content)
        path = directory + "/site-checks-" + String(name.hex.prefix(24)) + ".tolk-site"
        self.checkFingerprint = checkFingerprint
        let manifest = SiteManifest.read(path)
        let parts = manifest?.settings.split(separator: "-", maxSplits: 1) ?? []
        guard let manifest, parts.count == 2, parts[0] == checkFingerprint else {
            articles = [:]
            setFingerprint = ""
            return
        }
        articles = Dictionary(manifest.articles.filter(\.checked).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        setFingerprint = String(parts[1])
    }

    /// The article's cached counts when its content hash is still `digest`.
    func hit(_ relativePath: String, digest: String) -> SiteArticle? {
        guard let cached = articles[relativePath], cached.hash == digest else { return nil }
        return cached
    }

    /// The fingerprint of a set of checked articles: (path below the content folder, content hash).
    static func fingerprint(_ articles: [(path: String, digest: String)]) -> String {
        var hash = ContentHash()
        for (path, digest) in articles.sorted(by: { $0.path < $1.path }) {
            hash.add(path)
            hash.add(digest)
        }
        return hash.hex
    }

    /// Replaces the cache with `articles` (their `hash` the content hash) of a full build.
    /// False when it could not be written (it is then simply not there next time).
    @discardableResult
    func save(_ articles: [SiteArticle], setFingerprint: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        let bytes = SiteManifest(settings: checkFingerprint + "-" + setFingerprint, articles: articles).encoded()
        return (try? AtomicFile.write(bytes, to: path)) != nil
    }
}
