/// The rules of this group, in ID order.
public enum StructureRules {
    /// The structure rules: unit spans and their IDs, inline HTML.
    public static let all: [any Rule.Type] = [
        UnpairedSpan.self, DuplicateUnitID.self, MixedIDPrefix.self, UnitIDOrder.self, UnbalancedInlineHTML.self,
        LookupSpanInTarget.self, UnitIDMismatch.self,
    ]
}
