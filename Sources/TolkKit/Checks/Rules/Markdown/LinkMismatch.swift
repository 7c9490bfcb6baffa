/// TOLK302: links that the translation lost, added, re-pointed or broke.
public struct LinkMismatch: Rule {
    public static let id = "TOLK302"
    public static let name = "link-mismatch"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A unit's translation has other links, or other link destinations, than the English."
    public static let explanation = """
        Inside a unit the translation must link to exactly the places the English links to: on the \
        Danish corpus the destinations are identical in every unit that machine translation did not \
        break. A link whose destination changed, that is missing, or whose syntax MT damaged (a space \
        between `]` and `(`, or spaces inside the parentheses as in `[her]( https://…141) .`) sends the \
        reader nowhere or shows raw Markdown. Only a locale segment such as `/en-us/` → `/da-dk/` may \
        differ. Copy the link syntax and destination from the English and translate only the link text.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty {
            let target = InlineMarkup(unit.target)
            let source = InlineMarkup(unit.source)
            guard !(target.links.isEmpty && source.links.isEmpty) else { continue }
            var unmatchedSource = source.links
            var unmatchedTarget: [InlineMarkup.Link] = []
            for link in target.links {
                if let k = unmatchedSource.firstIndex(where: { $0.url == link.url && $0.isClosed == link.isClosed }) {
                    unmatchedSource.remove(at: k)
                } else {
                    unmatchedTarget.append(link)
                }
            }
            for (t, s) in zip(unmatchedTarget, unmatchedSource) {
                report.add(
                    changedMessage(t, in: target, s, in: source), at: unit.location(.target, utf8Offset: t.range.lowerBound), unit: unit,
                    key: "changed:" + s.url)
            }
            for t in unmatchedTarget.dropFirst(unmatchedSource.count) {
                report.add(
                    "the translation has a link \(quote(t, in: target)) that the English does not have (\"\(unit.source.excerpt)\"); remove it",
                    at: unit.location(.target, utf8Offset: t.range.lowerBound), unit: unit, key: "extra:" + t.url)
            }
            for s in unmatchedSource.dropFirst(unmatchedTarget.count) {
                let english = quote(s, in: source)
                if let found = target.offset(of: s.destination, outside: target.links.map(\.range)) {
                    let offset = linkStart(before: found, in: target)
                    report.add(
                        "the link \(english) of the English is no longer a link in the translation: \"\(target.text(offset..<target.bytes.count).excerpt)\"; "
                            + "restore the syntax `[text](\(s.destination))`",
                        at: unit.location(.target, utf8Offset: offset), unit: unit, key: "missing:" + s.url)
                } else {
                    report.add(
                        "the translation lacks the link \(english) of the English; the translation is \"\(unit.target.excerpt)\"",
                        at: unit.location(.target, utf8Offset: target.firstVisibleOffset), unit: unit, key: "missing:" + s.url)
                }
            }
        }
    }

    private func changedMessage(_ t: InlineMarkup.Link, in target: InlineMarkup, _ s: InlineMarkup.Link, in source: InlineMarkup) -> String
    {
        if t.compact == s.compact {
            return
                "machine translation put spaces into the link syntax: \(quote(t, in: target)) where the English has \(quote(s, in: source)); "
                + "copy the link syntax from the English"
        }
        if t.url == s.url {
            return "the link syntax \(quote(t, in: target)) differs from the English \(quote(s, in: source))"
                + (t.isClosed ? "" : " (its parentheses are not closed)") + "; copy the link syntax from the English"
        }
        return
            "the link \(quote(t, in: target)) points to `\(t.destination)` where the English \(quote(s, in: source)) points to `\(s.destination)`; "
            + "use the English destination"
    }

    /// The `[` of `[text] (url)` when a destination at `offset` follows such broken syntax, else `offset`.
    private func linkStart(before offset: Int, in markup: InlineMarkup) -> Int {
        let bytes = markup.bytes
        guard offset > 0, bytes[offset - 1] == UInt8(ascii: "(") else { return offset }
        let close = markup.skippingSpaces(backFrom: offset - 1)
        guard close > 0, bytes[close - 1] == UInt8(ascii: "]"), let open = bytes[..<(close - 1)].lastIndex(of: UInt8(ascii: "[")) else {
            return offset
        }
        return open
    }

    private func quote(_ link: InlineMarkup.Link, in markup: InlineMarkup) -> String {
        "\"" + markup.quote(link.range) + "\""
    }
}
