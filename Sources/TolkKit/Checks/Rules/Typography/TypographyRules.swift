/// The rules of this group, in ID order.
public enum TypographyRules {
    public static let all: [any Rule.Type] = []
}
