/// The rules of this group, in ID order.
public enum MissingRules {
    public static let all: [any Rule.Type] = [EmptyTarget.self, Untranslated.self, SourceLeak.self, GlossaryTerm.self]
}
