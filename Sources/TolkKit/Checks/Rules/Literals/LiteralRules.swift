/// The rules of this group, in ID order.
public enum LiteralRules {
    public static let all: [any Rule.Type] = [URLChanged.self, EmailChanged.self, NumberChanged.self, PlaceholderChanged.self]
}
