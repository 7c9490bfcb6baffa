/// TOLK306: one bold UI label of the English split into several bold runs, or several merged.
public struct UILabelSplit: Rule {
    public static let id = "TOLK306"
    public static let name = "ui-label-split"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary =
        "Bold runs stand next to each other in the translation (a label split in pieces), or the English ones were merged."
    public static let explanation = """
        A bold run names one thing on the screen. Machine translation often bolds the words of one \
        label separately (`**Active users**` becomes `**Aktive** **brugere**`) or moves the markers so \
        that two bold runs meet with only a space between them; the reader then sees two labels where \
        there is one. The rule reports bold runs separated only by spaces in the translation when the \
        English has fewer such neighbours, and the opposite case, English neighbours that the \
        translation merged (fewer bold runs than the English). A comma the translation moved inside the \
        bold of a list (`**Start,** **Fakturering**` for `**Home**, **Billing**`) does not make a split, \
        nor, in Japanese, Chinese and Korean, labels of a UI path joined by spaces and closed by \
        `の順に` in place of the English `\\>`. Put each label in one bold run, as in the English.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let cjk = ["ja", "zh", "ko"].contains(LocaleTraits.targetLanguage(of: article))
        for unit in article.units where !unit.isTargetEmpty && unit.target.containsBytes("**") {
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            let targetChains = target.adjacentBoldRuns
            let sourceChains = source.adjacentBoldRuns
            let sourcePairs = sourceChains.reduce(0) { $0 + $1.count - 1 }
            // Pairs that are a list, not a split label: `**Start,** **Fakturering**` with the comma of the
            // English `**Home**, **Billing**` moved into the bold; and, in Japanese, Chinese and Korean, a UI
            // path written as labels joined by spaces and closed by `の順に` instead of `\>`.
            let split = targetChains.reduce(0) { $0 + $1.count - 1 }
            var listed = split > sourcePairs ? min(Self.commaJoined(targetChains, target), Self.commaSeparated(source)) : 0
            if cjk, source.separators.count > target.separators.count, UIPathBroken.houseStyleJoins(target) > 0 {
                listed += source.separators.count - target.separators.count
            }
            let targetPairs = split - listed
            if targetPairs > sourcePairs {
                let labels = source.emphasis.filter(\.isStrong).prefix(4).map { "\"" + source.quote($0.range, limit: 60) + "\"" }
                    .joined(separator: ", ")
                for chain in targetChains {
                    let range = chain[0].range.lowerBound..<chain[chain.count - 1].range.upperBound
                    let text = target.quote(range)
                    report.add(
                        "the translation has \(chain.count) bold runs in a row, \"\(text)\", where the English has "
                            + (labels.isEmpty ? "no bold label" : "the labels \(labels)")
                            + "; bold the same labels as in the English, each in one run",
                        at: unit.location(.target, utf8Offset: range.lowerBound), unit: unit, key: target.text(range))
                }
            } else if sourcePairs > targetPairs, let chain = sourceChains.first,
                target.emphasis.filter(\.isStrong).count < source.emphasis.filter(\.isStrong).count
            {
                let english = source.quote(chain[0].range.lowerBound..<chain[chain.count - 1].range.upperBound)
                let offset = target.emphasis.first(where: \.isStrong)?.range.lowerBound ?? target.firstVisibleOffset
                report.add(
                    "the English has the separate bold labels \"\(english)\" but the translation \"\(unit.target.excerpt)\" merges them; "
                        + "keep one bold run per label",
                    at: unit.location(.target, utf8Offset: offset), unit: unit, key: "merged:" + english)
            }
        }
    }

    /// Pairs of neighbouring bold runs in `chains` whose first run ends with a comma inside the bold.
    static func commaJoined(_ chains: [[UnitSyntax.Emphasis]], _ syntax: UnitSyntax) -> Int {
        chains.reduce(0) { total, chain in
            total
                + chain.dropLast().filter { span in
                    let end = syntax.skippingSpaces(backFrom: span.close.lowerBound)
                    return end > 0
                        && (syntax.bytes[end - 1] == UInt8(ascii: ",") || syntax.text((max(0, end - 3))..<end) == "、"
                            || syntax.text((max(0, end - 3))..<end) == "，")
                }.count
        }
    }

    /// Bold runs separated by a comma alone (`**Home**, **Billing**`), a list in the English.
    static func commaSeparated(_ syntax: UnitSyntax) -> Int {
        let strong = syntax.emphasis.filter(\.isStrong)
        return zip(strong, strong.dropFirst()).filter { a, b in
            let start = syntax.skippingSpaces(forwardFrom: a.range.upperBound)
            return start < b.range.lowerBound && syntax.bytes[start] == UInt8(ascii: ",")
                && syntax.skippingSpaces(forwardFrom: start + 1) == b.range.lowerBound
        }.count
    }
}
