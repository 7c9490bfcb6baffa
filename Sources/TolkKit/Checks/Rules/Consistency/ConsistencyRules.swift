/// The rules of this group, in ID order.
public enum ConsistencyRules {
    /// The consistency rules: translations that disagree across the articles.
    public static let all: [any Rule.Type] = [InconsistentTranslation.self, MissingInLocale.self, OutdatedTranslation.self]
}
