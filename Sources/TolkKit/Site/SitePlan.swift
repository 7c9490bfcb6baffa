import Foundation

/// The articles of a site and the folder each one's pages get: one slug per
/// article, from its file name, unique across the site. Articles nearer the
/// content folder's top keep the bare slug when two names meet (`-2`, `-3` for
/// the others), so links by name (`/AlchemyInsights/password-sync`) land on the
/// article a reader of the original site would have reached.
public struct SitePlan: Sendable {
    public struct Entry: Hashable, Sendable {
        /// The path the article is read from.
        public var path: String
        /// The path below the content folder, such as `AlchemyInsights/password-sync.md`.
        public var relativePath: String
        public var slug: String
    }

    /// The content folder, without a trailing slash.
    public let contentRoot: String
    /// Every article, in path order.
    public let entries: [Entry]
    /// Slugs by file name without `.md`, lower-cased: the shallowest article of that name.
    let slugByName: [String: String]
    /// Slugs by relative path without `.md`, lower-cased.
    let slugByRelativePath: [String: String]
    /// The content folder's own name and the names of the folders below it, lower-cased:
    /// a site-relative link `/AlchemyInsights/name` names an article of this site by them.
    let folderNames: Set<String>

    /// - Parameter articles: paths under `contentRoot` (as `ArticleLocator.articles(under:)` lists them).
    public init(contentRoot: String, articles: [String]) {
        let root = contentRoot.count > 1 && contentRoot.hasSuffix("/") ? String(contentRoot.dropLast()) : contentRoot
        self.contentRoot = root
        let relatives = articles.map { Self.relativePath($0, root: root) }
        // Shallow first, then by path: who gets the bare slug.
        let depths = relatives.map { $0.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
        let order = articles.indices.sorted { depths[$0] != depths[$1] ? depths[$0] < depths[$1] : articles[$0] < articles[$1] }
        var used: Set<String> = []
        var slugs = [String](repeating: "", count: articles.count)
        var byName: [String: String] = [:]
        var byPath: [String: String] = [:]
        // AlchemyInsights: the collection Microsoft's site-relative links name, wherever the content sits.
        var folders: Set<String> = [Self.fileName(root).lowercased(), "alchemyinsights"]
        for i in order {
            let fileName = Self.fileName(articles[i])
            let base = SiteSlug.make(fromFileName: fileName)
            var slug = base
            var n = 2
            while used.contains(slug) {
                slug = "\(base)-\(n)"
                n += 1
            }
            used.insert(slug)
            slugs[i] = slug
            let name = Self.withoutExtension(fileName).lowercased()
            if byName[name] == nil { byName[name] = slug }
            byPath[Self.withoutExtension(relatives[i]).lowercased()] = slug
            // The folders on the way (split on the bytes: a split on characters cost more than the rest of a plan).
            let utf8 = relatives[i].utf8
            if let lastSlash = utf8.lastIndex(of: UInt8(ascii: "/")) {
                for folder in utf8[..<lastSlash].split(separator: UInt8(ascii: "/")) {
                    folders.insert(String(Substring(folder)).lowercased())
                }
            }
        }
        entries = articles.indices.map { Entry(path: articles[$0], relativePath: relatives[$0], slug: slugs[$0]) }
            .sorted { $0.path < $1.path }
        slugByName = byName
        slugByRelativePath = byPath
        folderNames = folders
    }

    /// A fingerprint of every slug and the names that lead to it: when it changes,
    /// links between articles may change, and an incremental build starts over.
    var fingerprint: String {
        var hash = ContentHash()
        for entry in entries {
            hash.add(entry.relativePath)
            hash.add(entry.slug)
        }
        return hash.hex
    }

    // MARK: Links between articles

    /// The slug of the article a link destination names, and the rest of the link
    /// (`#fragment`), when the article is part of this site. Understood: a relative
    /// path (`other.md`, `../x/other.md#part`), a site-relative path whose folders
    /// are this site's (`/AlchemyInsights/other`, `/da-dk/AlchemyInsights/other`), and
    /// the same on docs.microsoft.com or learn.microsoft.com.
    func linkTarget(_ destination: String, from entry: Entry) -> (slug: String, fragment: String)? {
        let utf8 = destination.utf8
        var end = utf8.endIndex
        var fragment = ""
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(destination[hash...])
            end = hash
        }
        if let query = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        guard end > utf8.startIndex else { return nil }
        var path = String(destination[..<end])
        if let colon = path.utf8.firstIndex(of: UInt8(ascii: ":")), path.utf8[..<colon].allSatisfy({ $0 != UInt8(ascii: "/") }) {
            // An absolute URL: only Microsoft's documentation hosts can name an article of the site.
            guard let host = Self.documentationHosts.first(where: { Self.hasPrefixIgnoringCase(path, $0) }) else { return nil }
            path = "/" + path.dropFirst(host.count)
        }
        // Most site-relative links lead elsewhere on Microsoft's site: a link to an article
        // of this site names one of its folders.
        if path.utf8.first == UInt8(ascii: "/"), !folderNames.contains(where: { Self.containsIgnoringCase(path, $0) }) { return nil }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding : path
        guard let decoded, !decoded.hasPrefix("//"), SafeURL.scheme(of: decoded) == nil else { return nil }
        if decoded.hasPrefix("/") {
            var segments = decoded.split(separator: "/").map { $0.lowercased() }
            if let first = segments.first, HTMLPageRenderer.hasLocaleSegment("/" + first + "/") { segments.removeFirst() }
            guard segments.count >= 2, segments.dropLast().allSatisfy(folderNames.contains), let name = segments.last else { return nil }
            return slugByName[Self.withoutExtension(name)].map { ($0, fragment) }
        }
        // Relative to the article's own folder, never above the content folder.
        var parts = entry.relativePath.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return slugByRelativePath[Self.withoutExtension(parts.joined(separator: "/")).lowercased()].map { ($0, fragment) }
    }

    /// A language folder: two or three lower-case ASCII letters.
    static func isLanguageFolder(_ code: String) -> Bool {
        (2...3).contains(code.utf8.count) && code.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// True when `text` starts with `prefix` (lower-case ASCII), ignoring ASCII case.
    static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        var a = text.utf8.makeIterator()
        for b in prefix.utf8 {
            guard let c = a.next(), c | (c >= 0x41 && c <= 0x5A ? 0x20 : 0) == b else { return false }
        }
        return true
    }

    /// True when `text` contains `needle` (lower-case), ignoring ASCII case.
    static func containsIgnoringCase(_ text: String, _ needle: String) -> Bool {
        // On the strings' own bytes: this runs for every site-relative link and folder.
        if let found = text.utf8.withContiguousStorageIfAvailable({ a in
            needle.utf8.withContiguousStorageIfAvailable { b in contains(a, b) }
        }), let found {
            return found
        }
        return Array(text.utf8).withUnsafeBufferPointer { a in Array(needle.utf8).withUnsafeBufferPointer { b in contains(a, b) } }
    }

    private static func contains(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty, a.count >= b.count else { return b.isEmpty }
        outer: for i in 0...(a.count - b.count) {
            for j in 0..<b.count {
                let c = a[i + j]
                if c | (c >= 0x41 && c <= 0x5A ? 0x20 : 0) != b[j] { continue outer }
            }
            return true
        }
        return false
    }

    static let documentationHosts = ["https://docs.microsoft.com/", "https://learn.microsoft.com/", "http://docs.microsoft.com/"]

    // MARK: Paths

    static func relativePath(_ path: String, root: String) -> String {
        let prefix = root == "/" ? "/" : root + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        return fileName(path)
    }

    /// The last component of a path (Foundation's `lastPathComponent` costs more than the rest of a plan).
    static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    static func withoutExtension(_ name: String) -> String {
        hasMarkdownExtension(name) ? String(name.dropLast(3)) : name
    }

    /// True when `name` ends in `.md`, in any case (without lower-casing the whole name).
    static func hasMarkdownExtension(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count >= 3 else { return false }
        let tail = utf8.suffix(3).map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
        return tail == [UInt8(ascii: "."), UInt8(ascii: "m"), UInt8(ascii: "d")]
    }
}
