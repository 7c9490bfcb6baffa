/// The rules of this group, in ID order.
public enum FrontMatterRules {
    /// The front-matter rules: the YAML and its localisation keys.
    public static let all: [any Rule.Type] = [FrontMatterYAML.self, ContentLocale.self, TranslationTypeKey.self, MachineTranslated.self]
}
