/// TOLK404: placeholders and pseudo-tags that differ between the English and the translation.
public struct PlaceholderChanged: Rule {
    public static let id = "TOLK404"
    public static let name = "placeholder-changed"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "The placeholders or pseudo-tags of the translation differ from the English ones."
    public static let explanation = """
        Placeholders stand for something the reader fills in or the software substitutes: format \
        items (`{0}`, `{IncidentId}`, `{}`), printf items (`%s`, `%1$s`, `%'d`, `%(name)s`; `%dMB` is \
        `%d` and a unit), environment variables (`%temp%`), variables (`$true`, `$_`, also right after \
        Chinese or Japanese text: `使用$select`) and pseudo-tags (`<email address>`, `\\<name\\>`, `<**sitename**>`). \
        Machine translation translates them (`<**webstedsnavn**>`), puts spaces into them (`$ _`, \
        `< "Contoso" >`), drops them or leaks its own (`<2>` in Thai). The two sides are compared \
        as multisets, so numbering items (`%s` → `%1$s`) is a change; variables, environment variables and pseudo-tags without regard to case, and a \
        pseudo-tag kept verbatim is fine however the text around it is translated. Copy each \
        placeholder from the English unchanged, and remove ones the English does not have.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let marks: [UInt8] = [0x7B, 0x25, 0x24, 0x3C]  // { % $ <
        for unit in article.units
        where !unit.isTargetEmpty && (unit.source.containsAnyByte(marks) || unit.target.containsAnyByte(marks)) {
            let source = Placeholder.all(in: article.syntax(.source, unit).prose)
            let targetText = article.syntax(.target, unit).prose
            var extra = Placeholder.all(in: targetText)
            guard !source.isEmpty || !extra.isEmpty else { continue }
            var missing: [Placeholder] = []
            for placeholder in source {
                if let k = extra.firstIndex(where: { $0.key == placeholder.key }) {
                    extra.remove(at: k)
                } else {
                    missing.append(placeholder)
                }
            }
            var keys = OccurrenceKeys()
            for (s, t) in zip(missing, extra) {
                report.add(
                    "the placeholder \"\(t.text)\" differs from the English \"\(s.text)\"; copy it from the English unchanged",
                    at: unit.location(.target, utf8Offset: targetText.offsets[t.range.lowerBound]), unit: unit, key: keys.key(s.key))
            }
            for s in missing.dropFirst(extra.count) {
                report.add(
                    "the English placeholder \"\(s.text)\" is missing from the translation \"\(unit.target.excerpt)\"; copy it unchanged",
                    at: unit.location(.target, utf8Offset: targetText.firstVisibleOffset), unit: unit, key: keys.key(s.key))
            }
            for t in extra.dropFirst(missing.count) {
                report.add(
                    "the translation has the placeholder \"\(t.text)\", which the English \"\(unit.source.excerpt)\" does not have; remove it",
                    at: unit.location(.target, utf8Offset: targetText.offsets[t.range.lowerBound]), unit: unit,
                    key: keys.key("extra:" + t.key))
            }
        }
    }
}
