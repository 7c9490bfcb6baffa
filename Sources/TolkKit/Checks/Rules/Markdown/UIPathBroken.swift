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
        text or a link) in the English, checks that it still does in the translation. Quotes or brackets around a label \
        (`“**账单**”`, `[**設定**]`) are part of it, and in Japanese, Chinese and Korean a path written \
        in the house style — labels joined by `、`, or by spaces and closed by `の順に` — stands for \
        the English `\\>`. Rewrite the path as translated label, `\\>`, translated label, in the \
        English order.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let cjk = ["ja", "zh", "ko"].contains(LocaleTraits.targetLanguage(of: article))
        for unit in article.units where !unit.isTargetEmpty && (unit.target.containsBytes("\\>") || unit.source.containsBytes("\\>")) {
            let target = article.syntax(.target, unit)
            let source = article.syntax(.source, unit)
            // Japanese, Chinese and Korean house styles write a path as labels joined by `、` (and closed by
            // `の順に`, "in this order") instead of `\>`.
            if cjk, target.separators.count < source.separators.count,
                target.separators.count + Self.houseStyleJoins(target) >= source.separators.count
            {
                continue
            }
            guard target.separators.count == source.separators.count else {
                let offset = target.separators.dropFirst(source.separators.count).first ?? target.firstVisibleOffset
                report.add(
                    "the translation has \(target.separators.count) `\\>` UI-path separators where the English has \(source.separators.count); "
                        + "the translation is \"\(unit.target.excerpt)\", the English \"\(unit.source.excerpt)\"; keep one `\\>` between each two labels",
                    at: unit.location(.target, utf8Offset: offset), unit: unit, key: "count")
                continue
            }
            let sourcePaths = UIPathFinder.paths(in: source)
            let targetJoined = Set(UIPathFinder.paths(in: target).flatMap(\.separators))
            for (index, (t, s)) in zip(target.separators, source.separators).enumerated() {
                guard let path = sourcePaths.first(where: { $0.separators.contains(s) }), !targetJoined.contains(t) else { continue }
                let broken = Self.brokenText(around: t, in: target)
                let english = source.quote(path.range)
                report.add(
                    "the UI path is broken: the translation has \"\(target.quote(broken))\" where the English has \"\(english)\"; "
                        + "put a translated label in bold on each side of `\\>`, as in the English",
                    at: unit.location(.target, utf8Offset: broken.lowerBound), unit: unit, key: "\(index):\(english)")
            }
        }
    }

    /// Labels (bold text or links, with the quotes or brackets around them) that follow each other
    /// joined by `、`, `，`, `,`, `＞`, `>` or `→` alone, or by spaces alone in a chain that `の順` ("in
    /// this order") closes: the joins of a UI path written in a CJK house style.
    private static let houseStyleJoiners: Set<[UInt8]> = Set(["、", "，", ",", "＞", ">", "→"].map { Array($0.utf8) })
    private static let inOrder = Array("の順".utf8)

    static func houseStyleJoins(_ syntax: UnitSyntax) -> Int {
        let bytes = syntax.bytes
        let labels = (syntax.emphasis.filter(\.isStrong).map(\.range) + syntax.links.filter { !$0.isImage }.map(\.range))
            .map { UIPathFinder.wrapped($0, in: bytes) }.sorted { $0.lowerBound < $1.lowerBound }
        let joiners = Self.houseStyleJoiners
        let inOrder = Self.inOrder
        var joins = 0
        var spaced = 0
        for (a, b) in zip(labels, labels.dropFirst()) where b.lowerBound >= a.upperBound {
            let start = syntax.skippingSpaces(forwardFrom: a.upperBound)
            let end = syntax.skippingSpaces(backFrom: b.lowerBound)
            if start >= end {
                spaced += 1
            } else if joiners.contains(Array(bytes[start..<end])) {
                joins += 1
            }
        }
        if spaced > 0, let last = labels.last {
            let after = syntax.skippingSpaces(forwardFrom: last.upperBound)
            if after + inOrder.count <= bytes.count, bytes[after..<(after + inOrder.count)].elementsEqual(inOrder) { joins += spaced }
        }
        return joins
    }

    /// The separator with what stands around it: the bold labels (or the word) before
    /// it and the label, or up to three words or a punctuation mark, after it.
    static func brokenText(around separator: Int, in syntax: UnitSyntax) -> Range<Int> {
        let bytes = syntax.bytes
        let labels = syntax.emphasis.map(\.range) + syntax.links.map(\.range)
        let left = syntax.skippingSpaces(backFrom: separator)
        var start = separator
        if var chain = labels.filter({ $0.upperBound == left }).min(by: { $0.lowerBound > $1.lowerBound }) {
            while let previous = labels.filter({
                $0.upperBound == syntax.skippingSpaces(backFrom: chain.lowerBound) && $0.upperBound < chain.lowerBound
            }).first {
                chain = previous.lowerBound..<chain.upperBound
            }
            start = chain.lowerBound
        } else if left < separator {
            start = left
            while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A, bytes[start - 1] != 0xA0 { start -= 1 }
        }
        let right = syntax.skippingSpaces(forwardFrom: separator + 2)
        if let label = labels.filter({ $0.lowerBound == right }).min(by: { $0.upperBound < $1.upperBound }) {
            return start..<label.upperBound
        }
        var end = separator + 2
        var position = right
        var words = 0
        while position < bytes.count, words < 3 {
            let b = bytes[position]
            if Array(",.;:!?".utf8).contains(b) {
                end = position + 1
                break
            }
            if b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "[") || syntax.separators.contains(position) { break }
            while position < bytes.count, bytes[position] != 0x20, bytes[position] != 0x0A,
                !Array(",.;:!?*[".utf8).contains(bytes[position])
            {
                position += 1
            }
            end = position
            words += 1
            position = syntax.skippingSpaces(forwardFrom: position)
        }
        return start..<end
    }
}
