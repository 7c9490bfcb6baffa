/// The rules of this group, in ID order.
public enum MarkdownRules {
    public static let all: [any Rule.Type] = [
        EmphasisMismatch.self, LinkMismatch.self, EmptyLinkText.self, InlineCodeChanged.self, UIPathBroken.self, UILabelSplit.self,
    ]
}
