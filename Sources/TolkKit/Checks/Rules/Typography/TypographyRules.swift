/// The rules of this group, in ID order.
public enum TypographyRules {
    /// The typography rules: spaces, punctuation and doubled words.
    public static let all: [any Rule.Type] = [
        MissingSpaceAfterBold.self, SpaceBeforePunctuation.self, DoubleSpace.self, DoubledWord.self, EndPunctuation.self,
        SuspiciousCharacter.self,
    ]
}
