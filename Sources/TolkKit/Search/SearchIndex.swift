import CSQLite
import Foundation

/// The full-text index of a content folder: SQLite with FTS5, one table of search words
/// per locale (so each language's word statistics rank its own articles), kept as a
/// cache beside the check cache and brought up to date before every use. A file whose
/// size and modification time are unchanged is taken as read; otherwise its content hash
/// decides whether it is parsed and indexed again. Deleting the index loses nothing.
public final class SearchIndex {
    /// What an update did.
    public struct Update: Equatable, Sendable {
        /// Articles added or indexed again.
        public var indexed = 0
        /// Articles taken out of the index.
        public var removed = 0
        /// Articles left as they were.
        public var unchanged = 0
        /// Files that are not readable bilingual articles (left out of the index).
        public var unreadable = 0
        /// True when the index was built from nothing.
        public var fromScratch = false
    }

    /// The content folder, absolute, without a trailing slash.
    public let contentRoot: String
    /// The content folder as the caller named it: paths in results start with it.
    let givenRoot: String
    /// Where the index lives; nil when it is kept in memory only.
    public let file: String?
    private let database: SQLiteDatabase
    private let jobs: Int
    /// The locales indexed, with the number of each one's word table.
    private(set) var tables: [String: Int] = [:]

    /// Bumped whenever what is indexed, or how, changes: an index of another format is built again.
    static let format = "tolk-search-1"

    /// Opens the index of `contentRoot` in `cacheDirectory` (nil: in memory), creating
    /// or rebuilding it as needed. `note` receives one line for the user when the index
    /// file was damaged or foreign, or cannot be kept.
    public init(
        contentRoot: String, cacheDirectory: String?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, note: (String) -> Void
    ) {
        let root = Self.absolute(contentRoot)
        self.contentRoot = root
        var given = contentRoot
        while given.count > 1 && given.hasSuffix("/") { given.removeLast() }
        givenRoot = given
        self.jobs = jobs
        var opened: (SQLiteDatabase, String?)?
        if let cacheDirectory {
            let file = cacheDirectory + "/search-" + Self.name(of: root) + ".sqlite"
            opened = Self.openFile(file, root: root, note: note).map { ($0, file) }
            if opened == nil {
                note("cannot keep the search index in \(cacheDirectory) (\(Self.reason(cacheDirectory))); searching in memory")
            }
        }
        // An in-memory database always opens.
        let (database, file) = opened ?? ((try? SQLiteDatabase(path: ":memory:")).map { ($0, nil) })!
        self.database = database
        self.file = file
        if file == nil { try? Self.createSchema(database, root: root) }
        loadTables()
    }

    /// The locales the index holds, sorted.
    public var locales: [String] { tables.keys.sorted() }

    // MARK: Opening

    private static func openFile(_ file: String, root: String, note: (String) -> Void) -> SQLiteDatabase? {
        let folder = (file as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
            access(folder, W_OK) == 0
        else { return nil }
        let existed = FileManager.default.fileExists(atPath: file)
        if let database = try? SQLiteDatabase(path: file) {
            if !existed {
                if (try? createSchema(database, root: root)) != nil { return database }
                return nil
            }
            if isCurrent(database) { return database }
        }
        // Damaged, foreign, or of an older format: start again.
        note("the search index \(file) was damaged or not Tolk's; building it again")
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(file + suffix) }
        guard let database = try? SQLiteDatabase(path: file), (try? createSchema(database, root: root)) != nil else { return nil }
        return database
    }

    private static func isCurrent(_ database: SQLiteDatabase) -> Bool {
        guard (try? configure(database)) != nil, let statement = try? database.statement("SELECT value FROM meta WHERE key = 'format'")
        else { return false }
        defer { statement.reset() }
        guard (try? statement.step()) == true, statement.text(0) == format else { return false }
        return (try? database.execute("SELECT count(*) FROM files; SELECT count(*) FROM docs")) != nil
    }

    private static func configure(_ database: SQLiteDatabase) throws(SQLiteError) {
        // A cache: speed over durability (a damaged file is noticed and built again).
        try database.execute("PRAGMA busy_timeout = 5000; PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY;")
    }

    private static func createSchema(_ database: SQLiteDatabase, root: String) throws(SQLiteError) {
        try configure(database)
        try database.execute(
            """
            BEGIN;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, hash TEXT, doc INTEGER);
            CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT, slug TEXT, identity TEXT, locale TEXT,
                title TEXT, english_title TEXT, body TEXT, english_body TEXT);
            CREATE INDEX docs_identity ON docs(identity);
            CREATE TABLE locales(locale TEXT PRIMARY KEY, tab INTEGER UNIQUE);
            INSERT INTO meta VALUES ('format', '\(format)');
            INSERT INTO meta VALUES ('root', '\(root.replacingOccurrences(of: "'", with: "''"))');
            COMMIT;
            """)
    }

    private func loadTables() {
        tables = [:]
        guard let statement = try? database.statement("SELECT locale, tab FROM locales") else { return }
        while (try? statement.step()) == true { tables[statement.text(0)] = Int(statement.int(1)) }
    }

    /// The word table of `locale`, created when new.
    private func table(for locale: String) throws(SQLiteError) -> String {
        if let n = tables[locale] { return "words\(n)" }
        let n = (tables.values.max() ?? 0) + 1
        try database.execute(
            "CREATE VIRTUAL TABLE words\(n) USING fts5(title, english_title, body, english_body, tokenize = 'ascii')")
        try database.statement("INSERT INTO locales VALUES (?1, ?2)").bind(.text(locale), .integer(Int64(n))).run()
        tables[locale] = n
        return "words\(n)"
    }

    static func absolute(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + (path == "." ? "" : "/" + path)
    }

    private static func name(of root: String) -> String {
        var hash = ContentHash()
        hash.add(root)
        return hash.hex
    }

    private static func reason(_ folder: String) -> String {
        access(folder, F_OK) == 0 ? "not writable" : "cannot create it"
    }

    // MARK: Updating

    private struct Stored {
        var size: Int64
        var mtime: Int64
        var hash: String
        var doc: Int64?
    }

    private struct Found {
        var path: String
        var size: Int64
        var mtime: Int64
        /// The document the index has of the file's earlier content.
        var doc: Int64?
    }

    /// Brings the index up to date with the content folder: only added, changed and
    /// removed articles are read again.
    /// With `paths` (absolute, as `absolute(_:)` gives), only those files are looked at.
    @discardableResult
    public func update(only paths: Set<String>? = nil) throws(SQLiteError) -> Update {
        var summary = Update()
        var stored: [String: Stored] = [:]
        let rows = try database.statement("SELECT path, size, mtime, hash, doc FROM files")
        while try rows.step() {
            stored[rows.text(0)] = Stored(
                size: rows.int(1), mtime: rows.int(2), hash: rows.text(3), doc: rows.isNull(4) ? nil : rows.int(4))
        }
        summary.fromScratch = stored.isEmpty
        var touched: [Found] = []
        var toRead: [Found] = []
        var firstFolders = Set<Substring>()
        for path in paths.map({ $0.sorted() }) ?? ArticleLocator.articles(under: contentRoot) {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let known = stored.removeValue(forKey: path)
            let file = Found(path: path, size: Int64(info.st_size), mtime: Platform.modificationNanoseconds(info), doc: known?.doc)
            let relative = path.utf8.dropFirst(contentRoot.utf8.count + 1)
            if let slash = relative.firstIndex(of: UInt8(ascii: "/")) { firstFolders.insert(Substring(relative[..<slash])) }
            if let known {
                if known.size == file.size && known.mtime == file.mtime {
                    summary.unchanged += 1
                } else if let bytes = try? Self.read(path), Self.hash(bytes) == known.hash {
                    touched.append(file)
                    summary.unchanged += 1
                } else {
                    toRead.append(file)
                }
            } else {
                toRead.append(file)
            }
        }
        // What is left of the stored files is no longer there.
        let gone = paths == nil ? stored.keys.sorted() : []
        guard !toRead.isEmpty || !gone.isEmpty || !touched.isEmpty else { return summary }
        // Locale folders: the folders directly in the content folder named by a BCP 47 tag.
        let localeFolders = Set(firstFolders.map(String.init).filter(ArticleLocator.isLocaleTag))

        let root = contentRoot
        let parsed = ArticleParser().parseAll(toRead.map(\.path), jobs: jobs) { path, result -> Parsed in
            let place = Self.place(of: path, root: root, localeFolders: localeFolders)
            switch result {
            case .success(let article):
                let locale = place.locale ?? article.targetLocale ?? "und"
                let language = LanguageChoice.language(of: locale) ?? "und"
                return Parsed(
                    hash: Self.hash(article.bytes), locale: locale, identity: place.identity, slug: article.slug,
                    document: SearchDocument(article, language: language))
            case .failure:
                return Parsed(
                    hash: (try? Self.read(path)).map(Self.hash) ?? "", locale: "", identity: place.identity, slug: "", document: nil)
            }
        }
        try database.transaction { () throws(SQLiteError) in
            for path in gone {
                try removeDocument(of: stored[path]?.doc)
                try database.statement("DELETE FROM files WHERE path = ?1").bind(.text(path)).run()
                summary.removed += 1
            }
            for file in touched {
                try database.statement("UPDATE files SET size = ?2, mtime = ?3 WHERE path = ?1")
                    .bind(.text(file.path), .integer(file.size), .integer(file.mtime)).run()
            }
            for (file, item) in zip(toRead, parsed) {
                try removeDocument(of: file.doc)
                var doc: SQLiteValue = .null
                if let document = item.document {
                    doc = .integer(try insert(document, path: file.path, item: item))
                    summary.indexed += 1
                } else {
                    summary.unreadable += 1
                }
                try database.statement("INSERT OR REPLACE INTO files VALUES (?1, ?2, ?3, ?4, ?5)")
                    .bind(.text(file.path), .integer(file.size), .integer(file.mtime), .text(item.hash), doc).run()
            }
        }
        return summary
    }

    private func insert(_ document: SearchDocument, path: String, item: Parsed) throws(SQLiteError) -> Int64 {
        try database.statement("INSERT INTO docs VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bind(
                .text(path), .text(item.slug), .text(item.identity), .text(item.locale), .text(document.title),
                .text(document.englishTitle), .text(document.body), .text(document.englishBody)
            ).run()
        let id = sqlite3_last_insert_rowid(database.handle)
        let words = document.words
        try database.statement(
            "INSERT INTO \(try table(for: item.locale)) (rowid, title, english_title, body, english_body) VALUES (?1, ?2, ?3, ?4, ?5)"
        )
        .bind(.integer(id), .text(words[0]), .text(words[1]), .text(words[2]), .text(words[3])).run()
        return id
    }

    private func removeDocument(of doc: Int64?) throws(SQLiteError) {
        guard let doc else { return }
        let lookup = try database.statement("SELECT locale FROM docs WHERE id = ?1").bind(.integer(doc))
        let locale = try lookup.step() ? lookup.text(0) : nil
        lookup.reset()
        if let locale, let n = tables[locale] {
            try database.statement("DELETE FROM words\(n) WHERE rowid = ?1").bind(.integer(doc)).run()
        }
        try database.statement("DELETE FROM docs WHERE id = ?1").bind(.integer(doc)).run()
    }

    /// The locale folder a file lies in (nil outside one) and what makes its copies one
    /// article: its path below the locale folder, else below the content folder.
    static func place(of path: String, root: String, localeFolders: Set<String>) -> (locale: String?, identity: String) {
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        if let slash = relative.firstIndex(of: "/"), localeFolders.contains(String(relative[..<slash])) {
            return (String(relative[..<slash]), String(relative[relative.index(after: slash)...]))
        }
        return (nil, relative)
    }

    /// The bytes of an article file, read as the parser reads them.
    private static func read(_ path: String) throws(ArticleError) -> [UInt8] {
        try FileBytes.read(path, limit: ArticleParser().maximumSize)
    }

    static func hash(_ bytes: [UInt8]) -> String {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.hex
    }

    /// A copy parsed by someone else (the site build), to keep as `update()` would have.
    struct Parsed: Sendable {
        var hash: String
        var locale: String
        var identity: String
        var slug: String
        var document: SearchDocument?
    }

    /// Keeps copies already parsed, by absolute path, so that the next update need not
    /// read them again.
    func store(_ copies: [(path: String, parsed: Parsed)]) throws(SQLiteError) {
        var known: [String: Int64?] = [:]
        let rows = try database.statement("SELECT path, doc FROM files")
        while try rows.step() { known[rows.text(0)] = rows.isNull(1) ? nil : rows.int(1) }
        try database.transaction { () throws(SQLiteError) in
            for (path, item) in copies {
                var info = stat()
                guard stat(path, &info) == 0, let document = item.document else { continue }
                if let old = known[path] { try removeDocument(of: old) }
                let doc = try insert(document, path: path, item: item)
                try database.statement("INSERT OR REPLACE INTO files VALUES (?1, ?2, ?3, ?4, ?5)")
                    .bind(
                        .text(path), .integer(Int64(info.st_size)), .integer(Platform.modificationNanoseconds(info)), .text(item.hash),
                        .integer(doc)
                    ).run()
            }
        }
    }

    /// The indexed documents of files, by absolute path (none for a file not indexed).
    func documents(_ paths: [String]) throws(SQLiteError) -> [String: SearchDocument] {
        var out: [String: SearchDocument] = [:]
        for path in paths {
            let doc = try database.statement("SELECT id, locale, title, english_title, body, english_body FROM docs WHERE path = ?1")
                .bind(.text(path))
            guard try doc.step() else { continue }
            let (id, locale) = (doc.int(0), doc.text(1))
            var document = SearchDocument(
                title: doc.text(2), englishTitle: doc.text(3), body: doc.text(4), englishBody: doc.text(5), words: [])
            doc.reset()
            guard let n = tables[locale] else { continue }
            let words = try database.statement("SELECT title, english_title, body, english_body FROM words\(n) WHERE rowid = ?1")
                .bind(.integer(id))
            if try words.step() { document.words = (0..<4).map { words.text(Int32($0)) } }
            words.reset()
            out[path] = document
        }
        return out
    }

    // MARK: Reading

    /// One copy of an article, as the index holds it.
    struct Copy {
        var id: Int64
        var path: String
        var slug: String
        var identity: String
        var locale: String
        var title: String
        var englishTitle: String
    }

    /// Every indexed copy, in path order.
    func copies() throws(SQLiteError) -> [Copy] {
        try copies("SELECT id, path, slug, identity, locale, title, english_title FROM docs ORDER BY path")
    }

    /// A path of the index as the caller would write it: below the content folder as named.
    func shown(_ path: String) -> String {
        path.hasPrefix(contentRoot + "/") ? givenRoot + path.dropFirst(contentRoot.count) : path
    }

    /// The copy with the id `id`.
    func copy(_ id: Int64) throws(SQLiteError) -> Copy? {
        try copies("SELECT id, path, slug, identity, locale, title, english_title FROM docs WHERE id = ?1", .integer(id)).first
    }

    private func copies(_ sql: String, _ value: SQLiteValue = .null) throws(SQLiteError) -> [Copy] {
        var out: [Copy] = []
        let rows = try database.statement(sql).bind(value)
        while try rows.step() {
            out.append(
                Copy(
                    id: rows.int(0), path: rows.text(1), slug: rows.text(2), identity: rows.text(3), locale: rows.text(4),
                    title: rows.text(5), englishTitle: rows.text(6)))
        }
        return out
    }

    /// The locales an article (by identity) has a copy in, sorted.
    func locales(of identity: String) throws(SQLiteError) -> [String] {
        var out: [String] = []
        let rows = try database.statement("SELECT locale FROM docs WHERE identity = ?1 ORDER BY locale").bind(.text(identity))
        while try rows.step() { out.append(rows.text(0)) }
        return out
    }

    /// The ids of matching copies in one locale's table with their scores (higher is better),
    /// best first: `match` is an FTS5 query, `weights` the four columns' weights.
    func match(_ match: String, locale: String, weights: [Double], limit: Int) throws(SQLiteError) -> [(id: Int64, score: Double)] {
        guard let n = tables[locale] else { return [] }
        let list = weights.map { String($0) }.joined(separator: ", ")
        let rows = try database.statement(
            "SELECT rowid, bm25(words\(n), \(list)) AS rank FROM words\(n) WHERE words\(n) MATCH ?1 ORDER BY rank LIMIT ?2")
        rows.bind(.text(match), .integer(Int64(limit)))
        var out: [(Int64, Double)] = []
        while try rows.step() { out.append((rows.int(0), -rows.double(1))) }
        return out
    }

    /// The body text of a copy, both sides.
    func bodies(of id: Int64) throws(SQLiteError) -> (body: String, englishBody: String) {
        let rows = try database.statement("SELECT body, english_body FROM docs WHERE id = ?1").bind(.integer(id))
        defer { rows.reset() }
        guard try rows.step() else { return ("", "") }
        return (rows.text(0), rows.text(1))
    }
}
