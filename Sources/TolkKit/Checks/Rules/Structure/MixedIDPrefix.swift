/// TOLK103: unit IDs with more than one prefix in an article.
public struct MixedIDPrefix: Rule {
    public static let id = "TOLK103"
    public static let name = "mixed-id-prefix"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "An article's unit IDs use more than one prefix."
    public static let explanation = """
        The five hex digits before the dash of a unit ID are a nonce of the build that produced the \
        article, so every unit of one file shares them. Units with another prefix were pasted in from \
        another build or another article, and their IDs no longer match the English file they came \
        from. Replace the pasted units with the ones of this article's current build.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        // One prefix (or none) in the whole article, as nearly always: nothing to count.
        let firstPrefix = article.units.lazy.compactMap(\.prefix).first
        guard article.units.contains(where: { $0.prefix != nil && $0.prefix != firstPrefix }) else { return }
        var counts: [String: Int] = [:]
        var firstUnit: [String: TranslationUnit] = [:]
        for unit in article.units {
            guard let prefix = unit.prefix else { continue }
            counts[prefix, default: 0] += 1
            if firstUnit[prefix] == nil { firstUnit[prefix] = unit }
        }
        guard counts.count > 1 else { return }
        // The article's own prefix is the most common one; on a tie, the first in the file.
        let main = counts.keys.max { a, b in
            counts[a]! != counts[b]! ? counts[a]! < counts[b]! : firstUnit[a]!.index > firstUnit[b]!.index
        }!
        for (prefix, unit) in firstUnit.sorted(by: { $0.value.index < $1.value.index }) where prefix != main {
            let n = counts[prefix]!
            report.add(
                "unit \(unit.id) has prefix \(prefix) (\(n) unit\(n == 1 ? "" : "s")) but \(counts[main]!) units of this article use "
                    + "\(main); units with another prefix come from another build or article: replace them with this article's units",
                at: unit.location, unit: unit, key: "prefix:" + prefix)
        }
    }
}
