/// TOLK201: a unit whose translation is empty while its original has text.
public struct EmptyTarget: Rule {
    public static let id = "TOLK201"
    public static let name = "empty-target"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A unit's translation is empty while the English original has text."
    public static let explanation = """
        The target span of the unit holds nothing (or only spaces) while the source has text, so the \
        reader of the translated article sees a gap — often an empty link text, as in \
        `[<span data-ttu-id="…"></span>…](url)`. Translate the unit; if the text should stay English, \
        copy the source into the target.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where unit.isTargetEmpty && !unit.source.allSatisfy(\.isWhitespace) {
            report.add(
                "unit \(unit.id) has an empty translation; the original is \"\(unit.source.excerpt)\"", at: unit.targetRange.start,
                unit: unit)
        }
    }
}

extension String {
    /// At most 60 characters of the text on one line, for messages.
    public var excerpt: String {
        let flat = self.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        return flat.count <= 60 ? flat : String(flat.prefix(57)) + "…"
    }
}
