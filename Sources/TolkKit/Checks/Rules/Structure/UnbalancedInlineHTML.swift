/// TOLK105: an inline HTML tag opened and not closed (or closed and not opened)
/// in one side of a unit while the other side is balanced.
public struct UnbalancedInlineHTML: Rule {
    public static let id = "TOLK105"
    public static let name = "unbalanced-inline-html"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "An inline HTML tag is opened and not closed, or closed and not opened, on one side of a unit."
    public static let explanation = """
        Inside a unit, inline tags such as `<b>`, `<i>`, `<a href="…">`, `<kbd>` or `<sup>` must be \
        closed on the same side. When one side lost or gained a tag that the other side pairs up, the \
        rest of the page turns bold, becomes a link, or loses its formatting. Make the tags of that side \
        match the other side. Tags the English already leaves unpaired (the source's own quirks, such \
        as a stray `</a>`) are not reported, and pseudo-tags like `<email address>` are text, not tags.
        """

    public init() {}

    /// Inline elements help articles use; `span` is TOLK101's.
    static let names: Set<String> = ["a", "b", "i", "em", "strong", "kbd", "sup", "sub", "code", "u"]

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where unit.target.containsBytes("<") || unit.source.containsBytes("<") {
            let syntax = Side.allCases.map { article.syntax($0, unit) }
            guard syntax.contains(where: { $0.tags.contains { Self.names.contains($0.name) } }) else { continue }
            for (index, side) in Side.allCases.enumerated() {
                let other = syntax[1 - index]
                var reported = Set<String>()
                for stray in syntax[index].unmatchedTags(named: Self.names) where reported.insert(stray.name).inserted {
                    // The other side leaves the same element unpaired: a copy of the English quirk.
                    guard !other.unmatchedTags(named: Self.names).contains(where: { $0.name == stray.name }) else { continue }
                    report.add(
                        message(unit, side, syntax[index], stray, other), at: unit.location(side, utf8Offset: stray.range.lowerBound),
                        unit: unit, key: "\(side.rawValue):\(stray.name)")
                }
            }
        }
    }

    private func message(_ unit: TranslationUnit, _ side: Side, _ syntax: UnitSyntax, _ stray: UnitSyntax.Tag, _ other: UnitSyntax)
        -> String
    {
        let quoted = syntax.snippet(stray.range)
        let what =
            stray.isClosing ? "closes `<\(stray.name)>` that it never opened" : "opens `\(syntax.text(stray.range))` and never closes it"
        let pairs = other.tags.filter { $0.name == stray.name && !$0.isClosing && !other.isSelfClosing($0) }.count
        let english =
            pairs == 0 ? "has no `<\(stray.name)>`" : "opens and closes `<\(stray.name)>` \(pairs == 1 ? "once" : "\(pairs) times")"
        if side == .target {
            return "unit \(unit.id)'s translation \(what): \"\(quoted)\"; the English \(english): make the translation's tags match"
        }
        return "unit \(unit.id)'s English \(what): \"\(quoted)\"; the translation \(english): report the English to its authors"
    }
}
