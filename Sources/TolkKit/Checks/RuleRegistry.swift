/// Every rule Tolk knows, by group. Each group lists its rules in its own file
/// (`Rules/<Group>/<Group>Rules.swift`).
public enum RuleRegistry {
    /// Every rule Tolk has, in ID order.
    public static let all: [any Rule.Type] =
        [UnreadableArticle.self] + StructureRules.all + MissingRules.all + MarkdownRules.all + LiteralRules.all
        + TypographyRules.all + FrontMatterRules.all + ConsistencyRules.all

    /// A rule by ID (`TOLK201`, any case) or name (`empty-target`).
    public static func rule(named name: String) -> (any Rule.Type)? {
        all.first { $0.id.caseInsensitiveCompare(name) == .orderedSame || $0.name == name.lowercased() }
    }
}

/// TOLK001: a file that cannot be read as an article at all.
public struct UnreadableArticle: Rule {
    public static let id = "TOLK001"
    public static let name = "unreadable-article"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "The file cannot be read as a bilingual article."
    public static let explanation = """
        The file is not valid UTF-8, is binary, has no translation units, is too large, or cannot be \
        opened. Nothing else can be checked in it; the other articles are still checked. Fix the file \
        or add it to `skip:` in .tolk.yml.
        """
    public init() {}
    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {}
}
