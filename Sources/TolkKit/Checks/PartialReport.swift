import Foundation

/// One shard's share of a check, as `tolk check --shard K/N --format partial` writes it
/// and `tolk check --merge` reads it back.
///
/// A shard checks the articles whose path below the checked root hashes to it (adding
/// an article moves no other article to another shard) and keeps, for each, what the
/// final report needs: its findings (inline suppressions applied), its statistics, its
/// suppressions, and the facts the rules that compare articles judge at the merge
/// (``SetRule/Facts``). Each article keeps its index among all the run's articles, so
/// the merge sees them in the unsharded order and prints the same report byte for byte.
///
/// The file is JSON with sorted keys. It names the Tolk build that wrote it and carries
/// the effective configuration with its hash: the merge refuses files from another build,
/// another configuration or other checked paths, and a set of shards with one missing.
public struct PartialReport: Sendable {
    /// The version of this file format.
    public static let formatVersion = 1

    /// `K/N`: the K-th of N shards (1-based).
    public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
        /// K, the shard's number, from 1.
        public var index: Int
        /// N, the number of shards.
        public var count: Int

        /// `K/N` with 1 ≤ K ≤ N, or nil.
        public init?(_ text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
                return nil
            }
            self.index = index
            self.count = count
        }

        public var description: String { "\(index)/\(count)" }

        /// Whether the article at `pathBelowRoot` (relative to the checked root) is this shard's.
        public func contains(_ pathBelowRoot: String) -> Bool {
            var hash = ContentHash()
            hash.add(pathBelowRoot)
            return Int(hash.value % UInt64(count)) == index - 1
        }

        /// This shard's articles of `files`, each with its index among them all.
        public func articles(of files: CheckedFiles) -> [(index: Int, file: CheckedFiles.File)] {
            files.files.enumerated().filter { contains(files.pathBelowRoot($0.element)) }.map { (index: $0.offset, file: $0.element) }
        }
    }

    /// One article's own check, at `index` among all the articles of the run.
    public struct Entry: Sendable {
        /// The article's place among all the articles of the run.
        public var index: Int
        /// The article's canonical path.
        public var path: String
        /// The article's own check.
        public var check: Checker.ArticleCheck

        /// The check of the article at `path`, the `index`-th of the checked articles.
        public init(index: Int, path: String, check: Checker.ArticleCheck) {
            self.index = index
            self.path = path
            self.check = check
        }
    }

    /// The Tolk build that wrote the file.
    public var tool: String
    /// The effective configuration of the run.
    public var configuration: CheckConfiguration
    /// Which shard the file holds.
    public var shard: Shard
    /// The checked paths as written, and canonical.
    public var checkedPaths: [String]
    /// The checked paths, canonical.
    public var roots: [String]
    /// How the report prints this shard's articles' paths.
    public var paths: ReportPaths
    /// Articles in the whole run, all shards together.
    public var articleTotal: Int
    /// This shard's articles' checks.
    public var entries: [Entry]

    /// A shard's partial report, with what the merge compares to accept it.
    public init(
        configuration: CheckConfiguration, shard: Shard, checkedPaths: [String], roots: [String], paths: ReportPaths, articleTotal: Int,
        entries: [Entry], tool: String = PartialReport.toolIdentity
    ) {
        self.tool = tool
        self.configuration = configuration
        self.shard = shard
        self.checkedPaths = checkedPaths
        self.roots = roots
        self.paths = paths
        self.articleTotal = articleTotal
        self.entries = entries
    }

    /// Checks `shard`'s share of `files` with `checker`: the articles whose path below the
    /// checked root hashes to it. `checkedPaths` are the paths as the user wrote them.
    public static func check(
        _ files: CheckedFiles, checkedPaths: [String], shard: Shard, with checker: Checker, progress: (@Sendable (Int) -> Void)? = nil
    ) -> PartialReport {
        let mine = shard.articles(of: files)
        let checks = checker.checkEach(mine.map(\.file.path), progress: progress)
        let entries = zip(mine, checks).map { Entry(index: $0.index, path: $0.file.path, check: $1) }
        let display = Dictionary(mine.map { ($0.file.path, $0.file.display) }, uniquingKeysWith: { a, _ in a })
        return PartialReport(
            configuration: checker.context.configuration, shard: shard, checkedPaths: checkedPaths, roots: files.checkedPaths,
            paths: ReportPaths(baseDirectory: files.repositoryRoot, display: display), articleTotal: files.files.count, entries: entries)
    }

    /// This build of Tolk: its version and a hash of the running executable's bytes.
    public static let toolIdentity: String = {
        var hash = ContentHash()
        let executable = Platform.executablePath.flatMap(FileManager.default.contents)
        executable?.withUnsafeBytes { hash.add($0) }
        return "tolk \(Tolk.version) build \(hash.hex)"
    }()

    /// A hash of the configuration's effect (where it was read from left out).
    public static func hash(_ configuration: CheckConfiguration) -> String {
        var effective = configuration
        effective.path = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash = ContentHash()
        hash.add(Array((try? encoder.encode(effective)) ?? Data()))
        return hash.hex
    }

    /// The file's JSON, for `checker` (the checker that checked the entries).
    public func encoded(checker: Checker) -> Data {
        let rules = checker.activeRules.map(\.0)
        let document = Document(
            tolkPartial: Self.formatVersion, tool: tool, configuration: configuration, configurationHash: Self.hash(configuration),
            shard: shard, checkedPaths: checkedPaths, roots: roots, paths: paths, articleTotal: articleTotal,
            articles: entries.map { entry in
                var facts: [String: any Sendable] = [:]
                for (index, value) in entry.check.facts where index < rules.count { facts[rules[index].id] = value }
                return Record(
                    index: entry.index, path: entry.path, findings: entry.check.findings, statistics: entry.check.statistics,
                    suppressions: entry.check.suppressions, facts: Facts(byRule: facts))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(document)) ?? Data()
    }

    /// A partial file that cannot be merged, with why and what to do.
    public struct MergeError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The whole run the partial files make: the checker to judge it with, its configuration,
    /// how its paths print, and every article's check in the unsharded order.
    public struct Merged: Sendable {
        /// The checker that judges the merged run.
        public var checker: Checker
        /// The run's configuration.
        public var configuration: CheckConfiguration
        /// How the report prints the articles' paths.
        public var paths: ReportPaths
        /// Every article's check with its path, in the unsharded order.
        public var checks: [(path: String, check: Checker.ArticleCheck)]
    }

    /// Reads the partial files (name and bytes) of one sharded run, refusing files from another
    /// build of Tolk, another configuration or other checked paths, and incomplete sets.
    public static func merge(_ files: [(name: String, bytes: Data)]) throws(MergeError) -> Merged {
        var documents: [(name: String, document: Document)] = []
        for (name, bytes) in files {
            let fail = { (message: String) in MergeError(description: "\(name):1:1: error: \(message)") }
            let version = (try? JSONSerialization.jsonObject(with: bytes) as? [String: Any])?["tolkPartial"]
            guard let version = version as? Int else {
                throw fail("not a tolk partial report; write one with tolk check PATHS --shard K/N --format partial -o FILE")
            }
            guard version == formatVersion else {
                throw fail(
                    "a partial report of format \(version), this tolk reads format \(formatVersion); run the shards again with this tolk")
            }
            let document: Document
            do { document = try JSONDecoder().decode(Document.self, from: bytes) } catch {
                throw fail("not a readable tolk partial report (\(error)); run the shard again")
            }
            guard document.tool == toolIdentity else {
                throw fail(
                    "written by \(document.tool), not by this \(toolIdentity); run the shards and the merge with the same build of Tolk")
            }
            if let (firstName, first) = documents.first {
                guard document.configurationHash == first.configurationHash else {
                    throw fail(
                        "checked with another configuration (\(document.configurationHash)) than \(firstName) (\(first.configurationHash)); "
                            + "run every shard with the same .tolk.yml")
                }
                guard document.roots == first.roots, document.checkedPaths == first.checkedPaths,
                    document.paths.baseDirectory == first.paths.baseDirectory
                else {
                    throw fail(
                        "checked \(document.checkedPaths.joined(separator: " ")), not the paths of \(firstName); merge the shards of one run"
                    )
                }
                guard document.shard.count == first.shard.count else {
                    throw fail(
                        "shard \(document.shard) of another run than \(firstName) (shard \(first.shard)); merge the shards of one run")
                }
            }
            if let twin = documents.first(where: { $0.document.shard == document.shard }) {
                throw fail("shard \(document.shard) is given twice (also \(twin.name))")
            }
            guard document.configurationHash == hash(document.configuration) else {
                throw fail("the configuration does not match its hash; run the shard again")
            }
            documents.append((name, document))
        }
        guard let first = documents.first?.document else { throw MergeError(description: "tolk: error: no partial files to merge") }
        let given = Set(documents.map(\.document.shard.index))
        if let missing = (1...first.shard.count).first(where: { !given.contains($0) }) {
            throw MergeError(description: "tolk: error: shard \(missing)/\(first.shard.count) is missing; merge every shard's partial file")
        }
        var records = documents.flatMap(\.document.articles)
        records.sort { $0.index < $1.index }
        guard records.count == first.articleTotal, records.enumerated().allSatisfy({ $0.offset == $0.element.index }) else {
            throw MergeError(
                description: "tolk: error: the shards saw different articles (\(records.count) checked of \(first.articleTotal)); "
                    + "run every shard on the same files")
        }
        let checker = Checker(configuration: first.configuration)
        let ids = Dictionary(checker.activeRules.enumerated().map { ($0.element.0.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var display: [String: String] = [:]
        for (_, document) in documents { display.merge(document.paths.display) { a, _ in a } }
        let checks = records.map { record in
            var check = Checker.ArticleCheck()
            check.findings = record.findings
            check.statistics = record.statistics
            check.suppressions = record.suppressions
            for (id, value) in record.facts.byRule { if let index = ids[id] { check.facts[index] = value } }
            return (path: record.path, check: check)
        }
        return Merged(
            checker: checker, configuration: first.configuration,
            paths: ReportPaths(baseDirectory: first.paths.baseDirectory, display: display), checks: checks)
    }

    /// The file as JSON.
    private struct Document: Codable {
        var tolkPartial: Int
        var tool: String
        var configuration: CheckConfiguration
        var configurationHash: String
        var shard: Shard
        var checkedPaths: [String]
        var roots: [String]
        var paths: ReportPaths
        var articleTotal: Int
        var articles: [Record]
    }

    private struct Record: Codable {
        var index: Int
        var path: String
        var findings: [Finding]
        var statistics: ArticleStatistics?
        var suppressions: Suppressions?
        var facts: Facts
    }

    /// The facts of the rules that compare articles, by rule ID, each in its rule's own type.
    private struct Facts: Codable {
        var byRule: [String: any Sendable]

        init(byRule: [String: any Sendable]) { self.byRule = byRule }

        private static var setRules: [any SetRule] { RuleRegistry.all.compactMap { $0.init() as? any SetRule } }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: RuleKey.self)
            for rule in Self.setRules { if let facts = byRule[type(of: rule).id] { try rule.encodeFacts(facts, in: &container) } }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: RuleKey.self)
            byRule = [:]
            for rule in Self.setRules { if let facts = try rule.decodeFacts(from: container) { byRule[type(of: rule).id] = facts } }
        }
    }
}

/// A rule ID as a JSON key.
struct RuleKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension SetRule {
    func encodeFacts(_ facts: any Sendable, in container: inout KeyedEncodingContainer<RuleKey>) throws {
        if let facts = facts as? Facts { try container.encode(facts, forKey: RuleKey(stringValue: Self.id)) }
    }

    func decodeFacts(from container: KeyedDecodingContainer<RuleKey>) throws -> (any Sendable)? {
        try container.decodeIfPresent(Facts.self, forKey: RuleKey(stringValue: Self.id))
    }
}
