/// TOLK201: a unit whose translation is empty while its original has text.
public struct EmptyTarget: Rule {
    public static let id = "TOLK201"
    public static let name = "empty-target"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A unit's translation is empty while the English original has text."
    public static let explanation = """
        The target span of the unit holds nothing (or only spaces) while the source has text, so the \
        reader of the translated article sees a gap — often an empty link text, as in \
        `[<span data-ttu-id="…"></span>…](url)`. Translate the unit; if the text should stay English, \
        copy the source into the target.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where unit.isTargetEmpty && !unit.source.allSatisfy(\.isWhitespace) {
            report.add(
                "unit \(unit.id) has an empty translation; the original is \"\(unit.source.excerpt)\"", at: unit.targetRange.start,
                unit: unit)
        }
    }
}

extension String {
    /// At most 60 characters of the text on one line, for messages.
    ///
    /// The text's lines joined by single spaces and trimmed, cut to 57 characters and "…"
    /// when longer than 60. Read one character at a time and only as far as the cut: units
    /// can be whole paragraphs, and messages quote them often.
    public var excerpt: String {
        var kept: [Character] = []
        var afterNewline = false
        var last = -1  // the index in `kept` of its last character that is not whitespace
        for c in self {
            if c.isNewline {
                afterNewline = true
                continue
            }
            // A run of newlines between two lines is one space; leading whitespace is trimmed.
            if afterNewline, !kept.isEmpty, kept.count <= 60 { kept.append(" ") }
            afterNewline = false
            if c.isWhitespace {
                if !kept.isEmpty, kept.count <= 60 { kept.append(c) }
                continue
            }
            if kept.count >= 60 { return String(kept.prefix(57)) + "…" }
            kept.append(c)
            last = kept.count - 1
        }
        return String(kept.prefix(last + 1))
    }
}
