import Foundation

/// The articles of a site and the folder each one's pages get: one slug per
/// article, from its file name, unique across the site. Articles nearer the
/// content folder's top keep the bare slug when two names meet (`-2`, `-3` for
/// the others), so links by name (`/AlchemyInsights/password-sync`) land on the
/// article a reader of the original site would have reached.
///
/// A content folder is one locale's articles, or a folder of locale folders named
/// by BCP 47 tag (`da-DK/`, `zh-CN/`, any depth below them): then the same path
/// below two locale folders is one article in two languages, with one slug, and
/// its language comes from the folder.
public struct SitePlan: Sendable {
    /// One article copy in the content folder: its paths, slug, locale folder and identity.
    public struct Entry: Hashable, Sendable {
        /// The path the article is read from.
        public var path: String
        /// The path below the content folder, such as `da-DK/AlchemyInsights/password-sync.md`.
        public var relativePath: String
        /// The article's slug on the site: the folder its pages get.
        public var slug: String
        /// The locale folder the article lies in (`da-DK`); nil outside one.
        public var localeFolder: String?
        /// What makes copies one article: the path below the locale folder
        /// (`AlchemyInsights/password-sync.md`), else the path below the content folder.
        public var identity: String
    }

    /// The content folder, without a trailing slash.
    public let contentRoot: String
    /// Every article copy, in path order.
    public let entries: [Entry]
    /// The articles: the indices in `entries` of each one's copies (in locale folder
    /// order), the articles in identity order.
    public let articles: [[Int]]
    /// The locale folders directly in the content folder, sorted; empty when it holds one locale's articles.
    public let localeFolders: [String]
    /// The folder of a locale folder's pages: the language (`da` for `da-DK`), or the
    /// whole tag in lower case (`zh-cn`, `zh-tw`) where two locales share a language.
    public let languageFolders: [String: String]
    /// The page folders of each slug's copies that lie in locale folders.
    let languagesBySlug: [String: Set<String>]
    /// Slugs by file name without `.md`, lower-cased: the shallowest article of that name.
    let slugByName: [String: String]
    /// Slugs by identity without `.md`, lower-cased.
    let slugByRelativePath: [String: String]
    /// The content folder's own name and the names of the folders below it, lower-cased:
    /// a site-relative link `/AlchemyInsights/name` names an article of this site by them.
    let folderNames: Set<String>

    /// - Parameters:
    ///   - contentRoot: the content folder the site is built from.
    ///   - articles: paths under `contentRoot` (as `ArticleLocator.articles(under:)` lists them).
    ///   - localeFolders: the folders directly in `contentRoot` named by a BCP 47 tag
    ///     (`ArticleLocator.localeFolders()`); articles in them are copies of one article by
    ///     their path below the folder.
    ///   - languages: page folders or languages to build (`da`, `zh-cn`, `sv-SE`); copies in
    ///     other locale folders are left out. Nil: all.
    public init(contentRoot: String, articles: [String], localeFolders: [String] = [], languages: Set<String>? = nil) {
        let root = contentRoot.count > 1 && contentRoot.hasSuffix("/") ? String(contentRoot.dropLast()) : contentRoot
        self.contentRoot = root
        let folderSet = Set(localeFolders)
        var codes: [String: [String]] = [:]
        for folder in localeFolders { codes[PageLanguage.code(folder), default: []].append(folder) }
        var languageFolders: [String: String] = [:]
        for (code, folders) in codes {
            for folder in folders { languageFolders[folder] = folders.count == 1 ? code : PageLanguage.tag(folder).lowercased() }
        }
        // Each copy: its locale folder and identity; copies outside the chosen languages go.
        var copies: [(path: String, relative: String, folder: String?, identity: String)] = []
        copies.reserveCapacity(articles.count)
        for path in articles {
            let relative = Self.relativePath(path, root: root)
            var folder: String?
            var identity = relative
            if !folderSet.isEmpty, let slash = relative.utf8.firstIndex(of: UInt8(ascii: "/")) {
                let first = String(relative[..<slash])
                if folderSet.contains(first) {
                    folder = first
                    identity = String(relative[relative.utf8.index(after: slash)...])
                }
            }
            if let languages, let folder, let code = languageFolders[folder],
                !languages.contains(code), !languages.contains(PageLanguage.code(folder)), !languages.contains(folder.lowercased())
            {
                continue
            }
            copies.append((path, relative, folder, identity))
        }
        // One article per identity of the copies in locale folders; each copy outside one is an article of its own.
        var articleOf: [String: Int] = [:]
        var members: [[Int]] = []
        var identities: [String] = []
        for (i, copy) in copies.enumerated() {
            let key = copy.folder == nil ? "\u{0}" + copy.relative : copy.identity
            if let k = articleOf[key] {
                members[k].append(i)
            } else {
                articleOf[key] = members.count
                members.append([i])
                identities.append(copy.identity)
            }
        }
        // Shallow first, then by identity: who gets the bare slug.
        let depths = identities.map { $0.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
        let order = members.indices.sorted {
            depths[$0] != depths[$1] ? depths[$0] < depths[$1] : (identities[$0], $0) < (identities[$1], $1)
        }
        var used: Set<String> = []
        var slugs = [String](repeating: "", count: copies.count)
        var byName: [String: String] = [:]
        var byPath: [String: String] = [:]
        var languagesBySlug: [String: Set<String>] = [:]
        // AlchemyInsights: the collection Microsoft's site-relative links name, wherever the content sits.
        var folders: Set<String> = [PathName.fileName(root).lowercased(), "alchemyinsights"]
        for k in order {
            let identity = identities[k]
            let fileName = PathName.fileName(identity)
            let base = SiteSlug.make(fromFileName: fileName)
            var slug = base
            var n = 2
            while used.contains(slug) {
                slug = "\(base)-\(n)"
                n += 1
            }
            used.insert(slug)
            for i in members[k] {
                slugs[i] = slug
                if let folder = copies[i].folder, let code = languageFolders[folder] { languagesBySlug[slug, default: []].insert(code) }
            }
            let name = Self.withoutExtension(fileName).lowercased()
            if byName[name] == nil { byName[name] = slug }
            let key = Self.withoutExtension(identity).lowercased()
            if byPath[key] == nil { byPath[key] = slug }
            // The folders on the way (split on the bytes: a split on characters cost more than the rest of a plan).
            let utf8 = identity.utf8
            if let lastSlash = utf8.lastIndex(of: UInt8(ascii: "/")) {
                for folder in utf8[..<lastSlash].split(separator: UInt8(ascii: "/")) {
                    folders.insert(String(Substring(folder)).lowercased())
                }
            }
        }
        let unsorted = copies.indices.map {
            Entry(
                path: copies[$0].path, relativePath: copies[$0].relative, slug: slugs[$0], localeFolder: copies[$0].folder,
                identity: copies[$0].identity)
        }
        let byPathOrder = unsorted.indices.sorted { unsorted[$0].path < unsorted[$1].path }
        var position = [Int](repeating: 0, count: unsorted.count)
        for (new, old) in byPathOrder.enumerated() { position[old] = new }
        entries = byPathOrder.map { unsorted[$0] }
        // The copies of an article in path order, which is locale folder order (they share the content folder).
        self.articles = order.sorted { (identities[$0], $0) < (identities[$1], $1) }.map { k in members[k].map { position[$0] }.sorted() }
        self.localeFolders = localeFolders.sorted()
        self.languageFolders = languageFolders
        self.languagesBySlug = languagesBySlug
        slugByName = byName
        slugByRelativePath = byPath
        folderNames = folders
    }

    /// True when the content folder is a folder of locale folders.
    public var isMultilingual: Bool { !localeFolders.isEmpty }

    /// A fingerprint of every slug and the names that lead to it: when it changes,
    /// links between articles may change, and an incremental build starts over.
    var fingerprint: String {
        var hash = ContentHash()
        for entry in entries {
            hash.add(entry.relativePath)
            hash.add(entry.slug)
            hash.add(entry.localeFolder.flatMap { languageFolders[$0] } ?? "")
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
        // Relative to the article's own folder, never above its locale folder or the content folder.
        var parts = entry.identity.split(separator: "/").dropLast().map(String.init)
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

    /// A language folder: two or three lower-case ASCII letters (`da`), or a whole tag in
    /// lower case (`zh-cn`) where two locales of a site share a language.
    static func isLanguageFolder(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.utf8.count), first.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
            return false
        }
        return parts.count <= 4
            && parts.dropFirst().allSatisfy { part in
                (1...8).contains(part.utf8.count) && part.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
            }
    }

    /// The page folder of the copy in `entry`'s locale folder; nil outside one.
    func languageFolder(of entry: Entry) -> String? { entry.localeFolder.flatMap { languageFolders[$0] } }

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
        return PathName.fileName(path)
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
