/// TOLK305: a UI path (`**Users** \> **Active users**`) that the translation broke.
public struct UIPathBroken: Rule {
    public static let id = "TOLK305"
    public static let name = "ui-path-broken"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A `\\>` UI-path separator was lost, added, or no longer stands between two labels."
    public static let explanation = """
        A UI path tells the reader where to click: bold labels joined by `\\>`, as in \
        `**Users** \\> **Active users**`. Machine translation keeps the `\\>` but moves the words around \
        it, so the translation reads `**Aktive** **brugere** \\> ,` or `**skal** \\> du vælge`: the arrow \
        now points at a comma or at ordinary words, and the reader cannot follow the path. The rule \
        compares the number of `\\>` separators and, for each one that stands between two labels (bold \
        text or a link) in the English, checks that it still does in the translation. Rewrite the path \
        as translated label, `\\>`, translated label, in the English order.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty && (unit.target.contains("\\>") || unit.source.contains("\\>")) {
            let target = InlineMarkup(unit.target)
            let source = InlineMarkup(unit.source)
            guard target.separators.count == source.separators.count else {
                let offset = target.separators.dropFirst(source.separators.count).first ?? target.firstVisibleOffset
                report.add(
                    "the translation has \(target.separators.count) `\\>` UI-path separators where the English has \(source.separators.count); "
                        + "the translation is \"\(unit.target.excerpt)\", the English \"\(unit.source.excerpt)\"; keep one `\\>` between each two labels",
                    at: unit.location(.target, utf8Offset: offset), unit: unit, key: "count")
                continue
            }
            for (index, (t, s)) in zip(target.separators, source.separators).enumerated() {
                guard source.separatorJoinsLabels(s), !target.separatorJoinsLabels(t) else { continue }
                let broken = brokenText(around: t, in: target)
                let english = source.quote(source.path(around: s))
                report.add(
                    "the UI path is broken: the translation has \"\(target.quote(broken))\" where the English has \"\(english)\"; "
                        + "put a translated label in bold on each side of `\\>`, as in the English",
                    at: unit.location(.target, utf8Offset: broken.lowerBound), unit: unit, key: "\(index):\(english)")
            }
        }
    }

    /// The separator with what stands around it: the labels (or the word) before
    /// it and the label, or up to three words or a punctuation mark, after it.
    private func brokenText(around separator: Int, in markup: InlineMarkup) -> Range<Int> {
        let bytes = markup.bytes
        let left = markup.skippingSpaces(backFrom: separator)
        var start = separator
        if let chain = markup.labelChain(endingAt: left) {
            start = chain.lowerBound
        } else if left < separator {
            start = left
            while start > 0, !InlineMarkup.isSpace(bytes[start - 1]), bytes[start - 1] != 0xA0 { start -= 1 }
        }
        let right = markup.skippingSpaces(forwardFrom: separator + 2)
        if let label = markup.label(startingAt: right) { return start..<label.upperBound }
        var end = separator + 2
        var position = right
        var words = 0
        while position < bytes.count, words < 3 {
            let b = bytes[position]
            if Array(",.;:!?".utf8).contains(b) {
                end = position + 1
                break
            }
            if b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "[") || markup.separators.contains(position) { break }
            while position < bytes.count, !InlineMarkup.isSpace(bytes[position]), !Array(",.;:!?*[".utf8).contains(bytes[position]) {
                position += 1
            }
            end = position
            words += 1
            position = markup.skippingSpaces(forwardFrom: position)
        }
        return start..<end
    }
}
