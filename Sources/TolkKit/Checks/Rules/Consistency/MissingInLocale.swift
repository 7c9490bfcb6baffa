/// TOLK702: an article present in one locale folder of the checked set and missing in another.
public struct MissingInLocale: SetRule {
    public static let id = "TOLK702"
    public static let name = "missing-in-locale"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "An article exists in one locale folder of the checked set but not in another."
    public static let explanation = """
        When the checked paths hold two or more locale folders (`…/da-DK/…`, `…/ja-JP/…`) under the \
        same root, every article (the same path below its locale folder) should be in each of them. An \
        article missing from one locale leaves its readers with a broken link or the English page. \
        Translate the article for that locale, or delete the orphaned copy from the others. Only the \
        checked paths are compared: check whole locale folders, not single files.
        """

    public init() {}

    /// Presence is all this rule needs: the path comes with the facts.
    public struct Present: Sendable, Codable {}

    public func facts(_ article: Article, _ context: CheckContext) -> Present { Present() }

    public func judge(_ facts: [(path: String, facts: Present)], _ context: CheckContext) -> [Finding] {
        // root → locale key → relative path → article path
        var trees: [String: [String: [String: String]]] = [:]
        var localeNames: [String: String] = [:]
        for (path, _) in facts {
            guard let folder = LocaleFolder(path: path) else { continue }
            trees[folder.root, default: [:]][folder.key, default: [:]][folder.relativePath] = path
            localeNames[folder.root + "\u{0}" + folder.key] = localeNames[folder.root + "\u{0}" + folder.key] ?? folder.name
        }
        var findings: [Finding] = []
        for (root, locales) in trees where locales.count > 1 {
            let keys = locales.keys.sorted()
            let articles = Set(locales.values.flatMap(\.keys)).sorted()
            for relative in articles {
                // Reported once per missing locale, at the article of the first locale that has it.
                guard let present = keys.first(where: { locales[$0]?[relative] != nil }), let path = locales[present]?[relative] else {
                    continue
                }
                for missing in keys where locales[missing]?[relative] == nil {
                    let name = localeNames[root + "\u{0}" + missing] ?? missing
                    // Beside the locale folders, not from the file system's root: the same message on every machine.
                    let presentName = localeNames[root + "\u{0}" + present] ?? present
                    findings.append(
                        Finding(
                            rule: Self.self,
                            message:
                                "\(relative) is missing in \(name): expected \(name)/\(relative) beside \(presentName)/\(relative); "
                                + "translate it for \(name) or remove it from the other locales",
                            path: path, location: SourceLocation(line: 1, column: 1, offset: 0), key: "missing:" + missing))
                }
            }
        }
        return findings.sorted(by: Finding.ordered)
    }
}
