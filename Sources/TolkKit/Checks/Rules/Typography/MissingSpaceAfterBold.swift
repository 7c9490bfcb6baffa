/// TOLK501: bold text that runs into the next word because the space after it is gone.
public struct MissingSpaceAfterBold: Rule {
    public static let id = "TOLK501"
    public static let name = "missing-space-after-bold"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "A closing ** is followed directly by a letter where the English has a space or punctuation."
    public static let explanation = """
        Machine translation often drops the comma or space after a bold UI label, so the label runs \
        into the next word (`**Gå til DirSync-administration**i ruden`, `**Start**og derefter`). \
        The `**` markers are paired per unit, so only a closing marker counts, and only when the \
        unit's bold markers pair up. Units whose English has a closing `**` directly before a letter \
        are left alone, as are languages written without spaces (Japanese, Chinese, Thai and the \
        like). Add a space (or the punctuation of the English) after the closing `**`.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        guard !LocaleTraits.writesWithoutSpaces(LocaleTraits.targetLanguage(of: article)) else { return }
        for unit in article.units where unit.target.containsBytes("**") {
            let target = article.syntax(.target, unit)
            let hits = target.emphasis.filter { $0.isStrong && Self.runsIntoWord(target, $0) }
            guard !hits.isEmpty else { continue }
            let source = article.syntax(.source, unit)
            if source.emphasis.contains(where: { $0.isStrong && Self.runsIntoWord(source, $0) }) { continue }
            var keys = OccurrenceKeys()
            for span in hits {
                let bold = target.text(span.range).excerpt
                var end = span.range.upperBound
                while let c = ProseTokens.scalar(at: end, in: target.bytes), LocaleTraits.isLetter(c) { end += c.utf8.count }
                let word = target.text(span.range.upperBound..<end)
                report.add(
                    "the bold text \"\(bold)\" runs into \"\(word)\" with no space, which the English never does; add a space after the "
                        + "closing ** (or, if \"\(word)\" is part of the bold word, move the ** after it)",
                    at: unit.location(.target, utf8Offset: span.range.upperBound), unit: unit, key: keys.key(bold + "|" + word))
            }
        }
    }

    /// The closing marker follows text (not a space) and is followed by a letter of a spaced script.
    static func runsIntoWord(_ syntax: UnitSyntax, _ span: UnitSyntax.Emphasis) -> Bool {
        guard let next = ProseTokens.scalar(at: span.range.upperBound, in: syntax.bytes), next.properties.isAlphabetic,
            !LocaleTraits.isUnspacedScript(next)
        else { return false }
        return ProseTokens.scalar(before: span.close.lowerBound, in: syntax.bytes).map { !$0.properties.isWhitespace } ?? false
    }
}
