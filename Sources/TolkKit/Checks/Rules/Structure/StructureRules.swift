/// The rules of this group, in ID order.
public enum StructureRules {
    public static let all: [any Rule.Type] = []
}
