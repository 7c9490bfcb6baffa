/// The rules of this group, in ID order.
public enum StructureRules {
    public static let all: [any Rule.Type] = [
        UnpairedSpan.self, DuplicateUnitID.self, MixedIDPrefix.self, UnitIDOrder.self, UnbalancedInlineHTML.self,
        LookupSpanInTarget.self, UnitIDMismatch.self,
    ]
}
