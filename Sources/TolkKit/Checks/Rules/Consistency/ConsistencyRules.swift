/// The rules of this group, in ID order.
public enum ConsistencyRules {
    public static let all: [any Rule.Type] = [InconsistentTranslation.self, MissingInLocale.self, OutdatedTranslation.self]
}
