/// The rules of this group, in ID order.
public enum LiteralRules {
    /// The literal rules: URLs, email addresses, numbers and placeholders that must not change.
    public static let all: [any Rule.Type] = [URLChanged.self, EmailChanged.self, NumberChanged.self, PlaceholderChanged.self]
}
