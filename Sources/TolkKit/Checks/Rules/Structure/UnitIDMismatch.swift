/// TOLK107: a unit whose `data-stu-id` differs from its `data-ttu-id`.
public struct UnitIDMismatch: Rule {
    public static let id = "TOLK107"
    public static let name = "unit-id-mismatch"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A unit's `data-stu-id` differs from its `data-ttu-id`."
    public static let explanation = """
        The translation span and the English lookup span of a unit carry the same ID; the pipeline \
        never writes two different ones. A mismatch means the translation was pasted next to another \
        unit's English, so the pair no longer belongs together. Check that the translation renders this \
        English sentence, then make both IDs equal.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where unit.sourceID != unit.id {
            // A damaged delimiter made this unit swallow the next one: TOLK106 or TOLK101 reports it.
            if ["sxs-lookup", "data-stu-id", "<span data-ttu-id=\""].contains(where: { article.syntax(.target, unit).offset(of: $0) != nil }
            ) {
                continue
            }
            // The ID sits just before the `">` that opens the source text, on the same line.
            let start = unit.sourceRange.start
            let idLength = unit.sourceID.unicodeScalars.count
            let location =
                unit.sourceID.contains("\n") || start.column <= idLength + 2
                ? unit.location
                : SourceLocation(line: start.line, column: start.column - idLength - 2, offset: start.offset - unit.sourceID.utf8.count - 2)
            report.add(
                "unit \(unit.id)'s English lookup span has data-stu-id=\"\(unit.sourceID)\"; both IDs of a unit must be equal: "
                    + "check that the translation belongs to this English sentence (\"\(unit.source.excerpt)\"), then set it to \(unit.id)",
                at: location, unit: unit, key: "stu:" + unit.sourceID)
        }
    }
}
