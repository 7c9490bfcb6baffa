/// TOLK106: English lookup markup (`sxs-lookup`, `data-stu-id`) inside a translation.
public struct LookupSpanInTarget: Rule {
    public static let id = "TOLK106"
    public static let name = "lookup-span-in-target"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A translation contains English lookup span markup."
    public static let explanation = """
        A unit's translation ends at the exact delimiter `</span><span class="sxs-lookup"><span \
        data-stu-id="ID">`. When that delimiter is damaged (a space inserted, an attribute translated or \
        reordered), the translation runs on through the English text and into the next unit, and the \
        English shows on the published page. Restore the delimiter byte for byte.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units {
            guard unit.target.containsBytes("sxs-lookup") || unit.target.containsBytes("data-stu-id") else { continue }
            let target = article.syntax(.target, unit)
            let hits = ["sxs-lookup", "data-stu-id"].compactMap { marker in target.offset(of: marker).map { (marker, $0) } }
            guard let (marker, offset) = hits.min(by: { $0.1 < $1.1 }) else { continue }
            // Point at the `<` of the tag that holds the marker, when it is close before it.
            let start = target.bytes[max(0, offset - 20)..<offset].lastIndex(of: 0x3C) ?? offset
            report.add(
                "unit \(unit.id)'s translation contains `\(marker)` markup: \"\(target.snippet(start..<(offset + marker.utf8.count)))\"; "
                    + "the delimiter `</span><span class=\"sxs-lookup\"><span data-stu-id=\"\(unit.id)\">` was damaged: restore it exactly",
                at: unit.location(.target, utf8Offset: start), unit: unit, key: marker)
        }
    }
}
