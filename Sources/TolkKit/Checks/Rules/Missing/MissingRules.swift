/// The rules of this group, in ID order.
public enum MissingRules {
    /// The missing-translation rules: empty, untranslated or leaked English, glossary terms.
    public static let all: [any Rule.Type] = [EmptyTarget.self, Untranslated.self, SourceLeak.self, GlossaryTerm.self]
}
