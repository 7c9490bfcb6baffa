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
        What is reported is prose: at least three words, with ordinary lower-case words among them, or \
        a unit of one or two words that is English for sure (`Two words`, `Unchanged`; in a language \
        written in another script, any lower-case English word). When the originals themselves are \
        not English (a Spanish or French article in an English set, told by counting common function \
        words of each language), the article gets one finding at its first unit instead of one per \
        unit. Translate the unit; if it must stay English, add its terms to `doNotTranslate`.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let latin = LocaleTraits.writesInLatinScript(LocaleTraits.targetLanguage(of: article))
        var checkedSource = false
        for unit in article.units where !unit.isTargetEmpty && unit.target.trimmingSpaces == unit.source.trimmingSpaces {
            let markup = article.syntax(.target, unit)
            let words = ProseWords(markup, terms: context.configuration.doNotTranslate).words
            guard Self.isProse(words, in: markup, unit: unit, latinTarget: latin) else { continue }
            // Originals that are not English are reported once, at the article, instead of unit by unit.
            if !checkedSource {
                checkedSource = true
                if let verdict = SourceLanguage.nonEnglish(article) {
                    SourceLanguage.report(verdict, in: article, &report)
                    return
                }
            }
            report.add(
                "unit \(unit.id) is not translated: the translation repeats the original \"\(unit.source.excerpt)\"; translate it, "
                    + "or list its terms under doNotTranslate in .tolk.yml if it must stay English",
                at: unit.location(.target, utf8Offset: markup.firstVisibleOffset), unit: unit)
        }
    }

    /// English words that no language written in Latin letters spells the same way; one of them
    /// makes a unit of one or two words English prose ("Two words").
    static let englishOnly: Set<String> = [
        "the", "two", "three", "your", "you", "my", "with", "and", "of", "to", "this", "that", "these", "what", "how", "why",
        "when", "where", "which", "who", "please", "here", "not", "it", "its", "our", "their", "them", "they", "we", "should",
    ]

    /// Prose: at least three words with ordinary lower-case words among them; or one or two words
    /// that are English for sure: in a translation written in another script, any ordinary word;
    /// in one written in Latin letters (where a short English word may be the same word, as
    /// "Internet" or "Global administrator" in Danish), an English-only word or a past participle
    /// ("Unchanged", "Enabled").
    static func isProse(_ words: [ProseWords.Word], in syntax: UnitSyntax, unit: TranslationUnit, latinTarget: Bool) -> Bool {
        let ordinary = ProseWords.ordinaryWords(words)
        if words.count >= 3 {
            let endsSentence = unit.target.trimmingSpaces.last.map { ".!?:".contains($0) } ?? false
            return ordinary >= (endsSentence ? 2 : 3)
        }
        // A short unit must be nothing but its words (not `Search-Mailbox cmdlet` or a list label `b.`).
        guard !words.isEmpty, words.contains(where: { $0.range.count >= 3 }) else { return false }
        var letters = 0
        for (i, byte) in syntax.bytes.enumerated() where syntax.regions[i] != .markup && !" *_[].:!?\n".utf8.contains(byte) {
            letters += 1
        }
        guard letters == words.reduce(0, { $0 + $1.range.count }) else { return false }
        let folded = words.map { $0.folded(in: syntax) }
        if !latinTarget { return ordinary >= 1 || folded.contains { $0.count >= 6 && $0.hasSuffix("ed") } }
        return folded.contains { englishOnly.contains($0) || ($0.count >= 6 && $0.hasSuffix("ed")) }
    }
}
