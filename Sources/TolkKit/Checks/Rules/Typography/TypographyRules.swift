/// The rules of this group, in ID order.
public enum TypographyRules {
    public static let all: [any Rule.Type] = [
        MissingSpaceAfterBold.self, SpaceBeforePunctuation.self, DoubleSpace.self, DoubledWord.self, EndPunctuation.self,
        SuspiciousCharacter.self,
    ]
}
