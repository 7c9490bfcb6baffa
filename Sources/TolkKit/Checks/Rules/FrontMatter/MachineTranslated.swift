/// TOLK604: machine-translated articles, counted once per locale folder.
public struct MachineTranslated: SetRule {
    public static let id = "TOLK604"
    public static let name = "machine-translated"
    public static let defaultSeverity = Diagnostic.Severity.note
    public static let summary = "Articles are machine translated (`ms.translationtype: MT`); counted once per locale folder."
    public static let explanation = """
        One note per locale folder (and one for the checked articles outside any), at the \
        `ms.translationtype: MT` line of its first machine-translated article, saying how many of the \
        folder's articles are machine translated. One note per article would bury every other finding: \
        most of a localization repository is MT (GitHub shows 5,000 results of a SARIF run). Raise it to \
        `warning` or `error` in .tolk.yml to gate on machine translation, or turn it `off`; `tolk stats` \
        lists the MT articles. Nothing is wrong with the files themselves; after a person has reviewed a \
        translation, set `ms.translationtype: HT`. An article with `<!-- tolk-ignore-file TOLK604 -->` \
        is not counted.
        """

    public init() {}

    /// Where an article says it is machine translated (nil: it does not, or it silences this rule).
    public struct Facts: Sendable, Codable {
        /// The location of the article's machine-translation key.
        public var location: SourceLocation?
    }

    public func facts(_ article: Article, _ context: CheckContext) -> Facts {
        guard let frontMatter = article.frontMatter, frontMatter.localization.translationType == .machine,
            let entry = frontMatter.metadataEntry("ms.translationtype")
        else { return Facts(location: nil) }
        let location = FrontMatter.valueLocation(entry, in: article.bytes)
        let suppressions = Suppressions(article)
        let silenced =
            !suppressions.isEmpty && suppressions.suppresses(Finding(rule: Self.self, message: "", path: article.path, location: location))
        return Facts(location: silenced ? nil : location)
    }

    public func judge(_ facts: [(path: String, facts: Facts)], _ context: CheckContext) -> [Finding] {
        struct Folder {
            var name: String?
            var articles = 0
            var first: (path: String, location: SourceLocation)?
            var machine = 0
        }
        var folders: [String: Folder] = [:]
        for (path, fact) in facts {
            let folder = LocaleFolder(path: path)
            let key = folder.map { $0.root + "/" + $0.name } ?? ""
            folders[key, default: Folder(name: folder?.name)].articles += 1
            guard let location = fact.location else { continue }
            folders[key]?.machine += 1
            if let first = folders[key]?.first, first.path <= path { continue }
            folders[key]?.first = (path, location)
        }
        return folders.values.compactMap { folder in
            guard let first = folder.first else { return nil }
            let scope = folder.name.map { " in \($0)" } ?? ""
            let articles = folder.articles == 1 ? "article" : "articles"
            let verb = folder.machine == 1 ? "is" : "are"
            let message =
                "\(folder.machine) of \(folder.articles) \(articles)\(scope) \(verb) machine translated (ms.translationtype: MT; "
                + "this is the first); have a person review them, then set HT"
            return Finding(rule: Self.self, message: message, path: first.path, location: first.location, key: "MT")
        }.sorted(by: Finding.ordered)
    }
}
