/// The rules of this group, in ID order.
public enum MarkdownRules {
    public static let all: [any Rule.Type] = []
}
