/// TOLK503: two or more spaces between words inside a translation.
public struct DoubleSpace: Rule {
    public static let id = "TOLK503"
    public static let name = "double-space"
    public static let defaultSeverity = Diagnostic.Severity.note
    public static let summary = "The translation has two or more spaces between words where the English has none."
    public static let explanation = """
        A run of spaces between two words is a leftover of machine translation or editing \
        (`forsinkes,  er det`). HTML hides it, but it shows in the Markdown, in diffs and in any \
        plain-text use of the article. Runs at the edges of a unit, before a line break (a Markdown \
        hard break is two spaces before the newline), inside code, and around a separator (the `>` \
        of a UI path, the `+` of a key combination, `|`, `/`, `&`, dashes) are not counted, and \
        units whose English has a run of spaces are left alone. Replace the run with one space.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where unit.target.containsBytes("  ") {
            let target = article.syntax(.target, unit).prose
            let runs = Self.runs(target)
            guard !runs.isEmpty, Self.runs(article.syntax(.source, unit).prose).isEmpty else { continue }
            var keys = OccurrenceKeys()
            for run in runs {
                let before = Self.word(target, endingAt: run.lowerBound)
                let after = Self.word(target, startingAt: run.upperBound)
                report.add(
                    "\(run.count) spaces between \"\(before)\" and \"\(after)\"; use one space",
                    at: unit.location(.target, utf8Offset: target.offsets[run.lowerBound]), unit: unit, key: keys.key(before + "|" + after))
            }
        }
    }

    /// Runs of two or more spaces in running text, between two characters on the same line
    /// that are not separators such as `>`, `+`, `|`, `/`, `&` or dashes.
    static func runs(_ text: ProseText) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = 0
        while i < text.count {
            guard text.scalars[i] == " " else {
                i += 1
                continue
            }
            var j = i
            while text[j] == " " { j += 1 }
            defer { i = j }
            guard j - i >= 2, (i..<j).allSatisfy(text.isProse), let before = text[i - 1], let after = text[j] else { continue }
            let separators = "<>|\\+/&=~-–—•·".unicodeScalars
            if before.properties.isWhitespace || after.properties.isWhitespace { continue }
            if separators.contains(before) || separators.contains(after) { continue }
            runs.append(i..<j)
        }
        return runs
    }

    static func word(_ text: ProseText, endingAt end: Int) -> String {
        var k = end
        while let c = text[k - 1], !c.properties.isWhitespace, end - k < 30 { k -= 1 }
        return text.text(k..<end)
    }

    static func word(_ text: ProseText, startingAt start: Int) -> String {
        var k = start
        while let c = text[k], !c.properties.isWhitespace, k - start < 30 { k += 1 }
        return text.text(start..<k)
    }
}
