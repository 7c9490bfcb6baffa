/// TOLK604: the article is machine translated.
public struct MachineTranslated: Rule {
    public static let id = "TOLK604"
    public static let name = "machine-translated"
    public static let defaultSeverity = Diagnostic.Severity.note
    public static let summary = "The article is machine translated (`ms.translationtype: MT`)."
    public static let explanation = """
        A note, one per article, at the `ms.translationtype: MT` line, so a team can gate on machine \
        translation: raise it to `warning` or `error` in .tolk.yml to require human review before \
        publishing, or turn it `off`. Nothing is wrong with the file itself; after a person has reviewed \
        the translation, set `ms.translationtype: HT`.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        guard let frontMatter = article.frontMatter, frontMatter.localization.translationType == .machine,
            let entry = frontMatter.metadataEntry("ms.translationtype")
        else { return }
        report.add(
            "the article is machine translated (ms.translationtype: MT); have a person review it, then set HT",
            at: FrontMatter.valueLocation(entry, in: article.bytes), key: "MT")
    }
}
