/// TOLK301: bold, italic or code markers that the translation lost, added or unpaired.
public struct EmphasisMismatch: Rule {
    public static let id = "TOLK301"
    public static let name = "emphasis-mismatch"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary =
        "The translation has a different number of `**`, `*`/`_` or backtick markers, or markers that no longer pair up."
    public static let explanation = """
        Machine translation moves and drops Markdown markers: a `**` goes missing, a label is bolded in \
        two pieces, or a marker ends up next to a space where it can no longer close (`**Fakturering **`). \
        The reader then sees stray asterisks or text in bold that should not be. The rule counts `**` \
        (and `__`), single `*`/`_` emphasis markers and backticks on both sides, ignoring escaped `\\*`, \
        markers inside code, URLs and pseudo-tags, list bullets and `*` between spaces, and checks that \
        the target's markers pair up wherever the English ones do. In Japanese, Chinese and Korean, a \
        UI label quoted (`“保存”`, `「保存」`) where the English bolds it counts as its bold. Put the markers around the same words \
        as in the English.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let cjk = ["ja", "zh", "ko"].contains(LocaleTraits.targetLanguage(of: article))
        for unit in article.units where !unit.isTargetEmpty {
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            if target.emphasis.isEmpty && target.markers.isEmpty && source.emphasis.isEmpty && source.markers.isEmpty
                && target.codeSpans.isEmpty && source.codeSpans.isEmpty && target.strayBackticks.isEmpty && source.strayBackticks.isEmpty
            {
                continue
            }
            checkEmphasis(strong: true, unit, target, source, quotesForBold: cjk, &report)
            checkEmphasis(strong: false, unit, target, source, quotesForBold: false, &report)
            checkBackticks(unit, target, source, &report)
        }
    }

    private func checkEmphasis(
        strong: Bool, _ unit: TranslationUnit, _ target: UnitSyntax, _ source: UnitSyntax, quotesForBold: Bool,
        _ report: inout FindingReport
    ) {
        let marker = strong ? "**" : "*"
        let what = strong ? "bold" : "italic"
        let targetCount = strong ? target.strongMarkerCount : target.singleMarkerCount
        let sourceCount = strong ? source.strongMarkerCount : source.singleMarkerCount
        let targetUnpaired = target.markers.filter { ($0.range.count >= 2) == strong }
        let sourceUnpaired = source.markers.filter { ($0.range.count >= 2) == strong }
        var context: String { "the translation is \"\(unit.target.excerpt)\", the English \"\(unit.source.excerpt)\"" }
        // Japanese, Chinese and Korean translations often quote a UI label (`“保存”`, `「保存」`) where the
        // English bolds it: as many quoted labels as lost bold runs is a style, not lost markup.
        let quotedForBold =
            quotesForBold && targetCount < sourceCount && targetUnpaired.isEmpty && !target.bytes.containsEscapedAsterisk
            && targetCount + 2 * Self.quotedLabels(target) >= sourceCount
        if targetCount != sourceCount && !quotedForBold {
            let first = targetUnpaired.first?.range.lowerBound ?? firstMarker(strong: strong, in: target) ?? target.firstVisibleOffset
            report.add(
                "the translation has \(targetCount) `\(marker)` \(what) markers where the English has \(sourceCount); \(context); "
                    + "put the markers around the same words as in the English",
                at: unit.location(.target, utf8Offset: first), unit: unit, key: "count\(marker)")
        } else if targetUnpaired.count > sourceUnpaired.count, let first = targetUnpaired.first {
            let end = targetUnpaired.count > 1 ? targetUnpaired[1].range.upperBound : min(target.bytes.count, first.range.lowerBound + 40)
            report.add(
                "the `\(marker)` markers of \"\(target.text(first.range.lowerBound..<end).excerpt)\" no longer pair up "
                    + "(a closing marker cannot follow a space, nor stand between punctuation and a letter as in `:**https`); \(context)",
                at: unit.location(.target, utf8Offset: first.range.lowerBound), unit: unit, key: "unpaired\(marker)")
        }
    }

    private func checkBackticks(_ unit: TranslationUnit, _ target: UnitSyntax, _ source: UnitSyntax, _ report: inout FindingReport) {
        guard target.backtickCount != source.backtickCount else { return }
        let first = target.strayBackticks.first?.lowerBound ?? target.codeSpans.first?.range.lowerBound ?? target.firstVisibleOffset
        report.add(
            "the translation has \(target.backtickCount) backticks where the English has \(source.backtickCount); "
                + "the translation is \"\(unit.target.excerpt)\", the English \"\(unit.source.excerpt)\"; mark the same code as in the English",
            at: unit.location(.target, utf8Offset: first), unit: unit, key: "count`")
    }

    /// Quoted text outside bold in running text: `“…”`, `「…」`, `『…』` and `"…"` pairs.
    static func quotedLabels(_ syntax: UnitSyntax) -> Int {
        let pairs: [([UInt8], [UInt8])] = [("“", "”"), ("「", "」"), ("『", "』"), ("\"", "\"")].map { (Array($0.0.utf8), Array($0.1.utf8)) }
        let bytes = syntax.bytes
        var count = 0
        for (open, close) in pairs {
            var i = 0
            var opened: Int?
            while i + open.count <= bytes.count {
                if let start = opened, bytes[i..<min(bytes.count, i + close.count)].elementsEqual(close), i > start, syntax.isProse(i) {
                    count += 1
                    opened = nil
                    i += close.count
                } else if opened == nil, bytes[i..<(i + open.count)].elementsEqual(open), syntax.isProse(i) {
                    opened = i + open.count
                    i += open.count
                } else {
                    i += 1
                }
            }
        }
        return count
    }

    private func firstMarker(strong: Bool, in syntax: UnitSyntax) -> Int? {
        syntax.emphasis.first { $0.isStrong == strong }?.open.lowerBound
    }
}

extension [UInt8] {
    /// True when the bytes hold `\*`, an asterisk escaped to show as itself.
    fileprivate var containsEscapedAsterisk: Bool {
        zip(self, dropFirst()).contains { $0 == UInt8(ascii: "\\") && $1 == UInt8(ascii: "*") }
    }
}
