/// TOLK303: a link whose text machine translation emptied: `[](url)`.
public struct EmptyLinkText: Rule {
    public static let id = "TOLK303"
    public static let name = "empty-link-text"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A link in the translation has empty text (`[](url)`) where the English link has text."
    public static let explanation = """
        Machine translation sometimes moves a link's words out of the brackets and leaves `[](url)` \
        behind, as in `**[](https://go.microsoft.com/fwlink/p/?linkid=842054)** **Køb licenser.**`. \
        An empty link is invisible: the reader cannot click it, and the words that should be the link \
        stand beside it as plain text. Put the translated link text back between the brackets. (A unit \
        whose whole target is empty inside a link that wraps it is TOLK201's business.)
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty && unit.target.containsBytes("](") {
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            var sourceLinks = source.links.filter { !$0.isImage && !$0.isAutolink }
            for link in target.links where !link.isImage && !link.isAutolink && target.text(link.text).allSatisfy(\.isWhitespace) {
                guard
                    let k = sourceLinks.firstIndex(where: {
                        LinkMismatch.comparable($0.destination) == LinkMismatch.comparable(link.destination)
                    })
                else { continue }
                let english = sourceLinks.remove(at: k)
                let englishText = source.text(english.text)
                guard !englishText.allSatisfy(\.isWhitespace) else { continue }
                report.add(
                    "the link \"\(target.text(link.range).excerpt)\" has no text; the English link text is \"\(englishText.excerpt)\"; "
                        + "put its translation between the brackets",
                    at: unit.location(.target, utf8Offset: link.range.lowerBound), unit: unit,
                    key: LinkMismatch.comparable(link.destination))
            }
        }
    }
}
