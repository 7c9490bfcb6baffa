/// TOLK202: a unit whose translation is still the English prose of the original.
public struct Untranslated: Rule {
    public static let id = "TOLK202"
    public static let name = "untranslated"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "A unit's translation is the English original, and the original is prose."
    public static let explanation = """
        The target span holds exactly the text of the source span, so the reader gets English where \
        the article promises their language. Many such units are fine and are not reported: product \
        names (Microsoft 365, Outlook, Azure Active Directory), terms listed under `doNotTranslate` in \
        .tolk.yml, code, cmdlets, URLs, numbers and dates, and short names made of capitalised words. \
        What is reported is prose: at least three words, with ordinary lower-case words among them. \
        Translate the unit; if it must stay English, add its terms to `doNotTranslate`.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty && unit.target.trimmingSpaces == unit.source.trimmingSpaces {
            let markup = article.syntax(.target, unit)
            let words = ProseWords(markup, terms: context.configuration.doNotTranslate).words
            let ordinary = ProseWords.ordinaryWords(words)
            let endsSentence = unit.target.trimmingSpaces.last.map { ".!?:".contains($0) } ?? false
            guard words.count >= 3, ordinary >= (endsSentence ? 2 : 3) else { continue }
            report.add(
                "unit \(unit.id) is not translated: the translation repeats the original \"\(unit.source.excerpt)\"; translate it, "
                    + "or list its terms under doNotTranslate in .tolk.yml if it must stay English",
                at: unit.location(.target, utf8Offset: markup.firstVisibleOffset), unit: unit)
        }
    }
}
