/// TOLK603: `ms.translationtype` missing, or neither MT nor HT.
public struct TranslationTypeKey: Rule {
    public static let id = "TOLK603"
    public static let name = "translation-type"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "`ms.translationtype` is missing or is not MT or HT."
    public static let explanation = """
        `ms.translationtype` says whether the article was machine translated (`MT`) or translated by \
        people (`HT`); the docs site shows a machine-translation notice from it and teams decide what to \
        review by it. A missing or other value hides that. Set it to `MT` or `HT`. Articles without front \
        matter (include files) are not checked.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        guard let frontMatter = article.frontMatter else { return }
        guard let entry = frontMatter.metadataEntry("ms.translationtype"), let type = frontMatter.localization.translationType else {
            let state = frontMatter.metadataEntry("ms.translationtype") == nil ? "has no" : "has an empty"
            report.add(
                "the front matter \(state) `ms.translationtype`: add `ms.translationtype: MT` or `HT`", at: frontMatter.range.start,
                key: "missing")
            return
        }
        guard case .other(let value) = type else { return }
        report.add(
            "`ms.translationtype` is \"\(value)\"; it must be MT (machine translation) or HT (human translation)",
            at: FrontMatter.valueLocation(entry, in: article.bytes), key: "value")
    }
}
