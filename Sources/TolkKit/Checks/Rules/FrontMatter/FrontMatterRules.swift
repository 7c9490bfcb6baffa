/// The rules of this group, in ID order.
public enum FrontMatterRules {
    public static let all: [any Rule.Type] = []
}
