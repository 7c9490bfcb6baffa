/// TOLK304: inline code that the translation changed, dropped or added.
public struct InlineCodeChanged: Rule {
    public static let id = "TOLK304"
    public static let name = "inline-code-changed"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "The inline code spans of the translation differ from the English ones."
    public static let explanation = """
        Text in backticks is a command, a path or a value the reader types or looks for, so it must \
        stay byte for byte as in the English (it does in every unit of the Danish corpus). A translated \
        cmdlet (`Hent-Postkasse` for `Get-Mailbox`), a dropped span or an added one makes the \
        instructions wrong. Copy the code spans from the English unchanged; translate only the text \
        around them.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty && (unit.target.containsBytes("`") || unit.source.containsBytes("`")) {
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            var unmatchedSource = source.codeSpans
            var unmatchedTarget: [UnitSyntax.CodeSpan] = []
            for span in target.codeSpans {
                if let k = unmatchedSource.firstIndex(where: { $0.content == span.content }) {
                    unmatchedSource.remove(at: k)
                } else {
                    unmatchedTarget.append(span)
                }
            }
            for (t, s) in zip(unmatchedTarget, unmatchedSource) {
                report.add(
                    "the code \(quote(t, target)) differs from the English \(quote(s, source)); copy the code from the English unchanged",
                    at: unit.location(.target, utf8Offset: t.range.lowerBound), unit: unit, key: "changed:" + s.content)
            }
            for t in unmatchedTarget.dropFirst(unmatchedSource.count) {
                report.add(
                    "the code \(quote(t, target)) is not in the English (\"\(unit.source.excerpt)\"); remove it or copy the English code",
                    at: unit.location(.target, utf8Offset: t.range.lowerBound), unit: unit, key: "extra:" + t.content)
            }
            for s in unmatchedSource.dropFirst(unmatchedTarget.count) {
                if let offset = target.offset(of: s.content, outside: target.codeSpans.map(\.range)) {
                    report.add(
                        "the English code \(quote(s, source)) lost its backticks in the translation: "
                            + "\"\(target.text(offset..<target.bytes.count).excerpt)\"; mark it as code again",
                        at: unit.location(.target, utf8Offset: offset), unit: unit, key: "missing:" + s.content)
                    continue
                }
                report.add(
                    "the English code \(quote(s, source)) is missing from the translation \"\(unit.target.excerpt)\"; copy it unchanged",
                    at: unit.location(.target, utf8Offset: target.firstVisibleOffset), unit: unit, key: "missing:" + s.content)
            }
        }
    }

    private func quote(_ span: UnitSyntax.CodeSpan, _ markup: UnitSyntax) -> String {
        "\"" + markup.quote(span.range) + "\""
    }
}
