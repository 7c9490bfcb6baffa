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
        guard !LocaleTraits.writesWithoutSpaces(LocaleTraits.language(of: article)) else { return }
        for unit in article.units where unit.target.contains("**") {
            let target = MaskedText(unit.target)
            guard let spans = Self.boldSpans(target) else { continue }
            let hits = spans.filter { Self.runsIntoWord(target, $0) }
            guard !hits.isEmpty else { continue }
            let source = MaskedText(unit.source)
            let englishRunsIn =
                Self.boldSpans(source).map { $0.contains { Self.runsIntoWord(source, $0) } } ?? Self.anyCloserBeforeLetter(source)
            if englishRunsIn { continue }
            var keys = OccurrenceKeys()
            for span in hits {
                let bold = target.text(span).excerpt
                var word = ""
                var j = span.upperBound
                while LocaleTraits.isLetter(target[j]) {
                    word.unicodeScalars.append(target.scalars[j])
                    j += 1
                }
                report.add(
                    "the bold text \"\(bold)\" runs into \"\(word)\" with no space, which the English never does; add a space after the "
                        + "closing ** (or, if \"\(word)\" is part of the bold word, move the ** after it)",
                    at: unit.location(.target, utf8Offset: target.offsets[span.upperBound]), unit: unit, key: keys.key(bold + "|" + word))
            }
        }
    }

    /// The bold spans of a text, from the opening `**` to after the closing one, or nil when
    /// the markers do not pair up (an odd count, or a run of four or more asterisks).
    static func boldSpans(_ text: MaskedText) -> [Range<Int>]? {
        var spans: [Range<Int>] = []
        var open: Int?
        var i = 0
        while i < text.count {
            guard text.isProse(i) else {
                i += 1
                continue
            }
            let c = text.scalars[i]
            if c == "\\" {
                i += 2
                continue
            }
            guard c == "*" else {
                i += 1
                continue
            }
            var n = 0
            while text[i + n] == "*", text.isProse(i + n) { n += 1 }
            if n >= 4 { return nil }
            if n >= 2 {
                if let start = open {
                    spans.append(start..<i + n)
                    open = nil
                } else {
                    open = i
                }
            }
            i += n
        }
        return open == nil ? spans : nil
    }

    /// The closing marker follows text (not a space) and is followed by a letter of a spaced script.
    static func runsIntoWord(_ text: MaskedText, _ span: Range<Int>) -> Bool {
        guard let next = text[span.upperBound], next.properties.isAlphabetic, !LocaleTraits.isUnspacedScript(next) else { return false }
        var k = span.upperBound - 1
        while text[k] == "*" { k -= 1 }
        return text[k].map { !$0.properties.isWhitespace } ?? false
    }

    /// Any `**` after text and before a letter, for texts whose markers do not pair up.
    static func anyCloserBeforeLetter(_ text: MaskedText) -> Bool {
        var i = 1
        while i + 2 < text.count {
            if text.scalars[i] == "*", text.scalars[i + 1] == "*", text.scalars[i + 2].properties.isAlphabetic,
                !text.scalars[i - 1].properties.isWhitespace, text.scalars[i - 1] != "*"
            {
                return true
            }
            i += 1
        }
        return false
    }
}
