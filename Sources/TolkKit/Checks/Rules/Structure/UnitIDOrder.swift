/// TOLK104: unit numbers that do not increase in document order.
public struct UnitIDOrder: Rule {
    public static let id = "TOLK104"
    public static let name = "unit-id-order"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Unit numbers do not increase in document order."
    public static let explanation = """
        The pipeline numbers the units of an article with one counter in document order (paragraph \
        `p` IDs with a counter of their own), so a number not greater than the one before it means \
        units were moved or IDs edited by hand, and the translation no longer lines up with the \
        English file it was made from. Put the units back in order, or take the article again from \
        the pipeline.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        // Almost every article counts up with one prefix and one kind of ID: nothing to find then.
        guard !article.unitNumbersCountUp(onePrefix: true) else { return }
        // The previous unit per counter: sentence and `p` IDs, per prefix.
        var previous: [String: TranslationUnit] = [:]
        var seenIDs = Set<String>(minimumCapacity: article.units.count)
        for unit in article.units {
            guard let number = unit.number, let prefix = unit.prefix else { continue }
            // A repeated ID is TOLK102's finding, not an ordering one.
            guard seenIDs.insert(unit.id).inserted else { continue }
            let counter = (unit.isParagraph ? "p" : "") + prefix
            defer { previous[counter] = unit }
            guard let before = previous[counter], let beforeNumber = before.number, number <= beforeNumber else { continue }
            report.add(
                "unit \(unit.id) comes after unit \(before.id) (line \(before.location.line)) but its number is not greater; "
                    + "unit numbers increase in document order: a unit was moved or its ID edited",
                at: unit.location, unit: unit, key: "after:" + (before.isParagraph ? "p" : "") + String(beforeNumber))
        }
    }
}
