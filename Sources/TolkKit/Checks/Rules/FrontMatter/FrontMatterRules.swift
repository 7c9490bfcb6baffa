/// The rules of this group, in ID order.
public enum FrontMatterRules {
    public static let all: [any Rule.Type] = [FrontMatterYAML.self, ContentLocale.self, TranslationTypeKey.self, MachineTranslated.self]
}
