/// TOLK102: two units in one article with the same ID.
public struct DuplicateUnitID: Rule {
    public static let id = "TOLK102"
    public static let name = "duplicate-unit-id"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "The same unit ID occurs twice in an article."
    public static let explanation = """
        Each unit ID (`PREFIX-NUMBER`) names one sentence of the article, and the localization pipeline \
        never repeats one in a file. A repeated ID usually means a unit was copied and pasted, so \
        translation memory, reviews and suppressions cannot tell the two apart. Remove the copy, or \
        restore the unit's own ID from the article the pipeline delivered.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        // Unit numbers count up through a file: a repeated ID can only follow a number that did not grow.
        guard !article.unitNumbersCountUp(onePrefix: false) else { return }
        var first: [String: Int] = [:]
        var seen: [String: Int] = [:]
        for unit in article.units {
            seen[unit.id, default: 0] += 1
            guard let originalIndex = first[unit.id] else {
                first[unit.id] = unit.index
                continue
            }
            let original = article.units[originalIndex]
            let occurrence = seen[unit.id]!
            report.add(
                "unit ID \(unit.id) is used again (first at line \(original.location.line), column \(original.location.column)); "
                    + "this copy's English is \"\(unit.source.excerpt)\"; remove the duplicate or restore the unit's own ID",
                at: unit.location, unit: unit, key: "occurrence:\(occurrence)")
        }
    }
}
