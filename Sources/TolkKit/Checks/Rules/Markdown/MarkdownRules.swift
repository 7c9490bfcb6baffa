/// The rules of this group, in ID order.
public enum MarkdownRules {
    /// The Markdown rules: emphasis, links, inline code and UI paths.
    public static let all: [any Rule.Type] = [
        EmphasisMismatch.self, LinkMismatch.self, EmptyLinkText.self, InlineCodeChanged.self, UIPathBroken.self, UILabelSplit.self,
    ]
}
