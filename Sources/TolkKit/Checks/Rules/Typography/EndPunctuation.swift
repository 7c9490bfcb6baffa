/// TOLK505: a translation that ends with another kind of punctuation than the English.
public struct EndPunctuation: Rule {
    public static let id = "TOLK505"
    public static let name = "end-punctuation"
    public static let defaultSeverity = Diagnostic.Severity.note
    public static let summary = "The final punctuation of the translation is of another kind than the English one, or missing."
    public static let explanation = """
        When the English ends with a period, colon, question mark or exclamation mark, the \
        translation should end with the same kind: a lost colon before a list (`**Notes:**` → \
        `**Vejledningen**`), a question turned into a statement. The CJK marks (`。`, `：`, `？`, `！`) \
        and the Arabic ones (`؟`, `،`) count as their Western kinds, and a mark inside closing \
        emphasis, quotes or parentheses counts as the end (`.**`, `.*`, `.)`), since machine \
        translation moves the period inside bold or link text. Units ending in a link, code, a URL or \
        a tag are not checked, nor Thai translations without a final mark (Thai does not end \
        sentences with one), nor Japanese and Chinese lead-ins that end with `。` for an English \
        colon. End the translation with the punctuation of the English.
        """

    public init() {}

    enum Kind: String {
        case period, colon, question, exclamation, comma, semicolon, ellipsis, none
    }

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let language = LocaleTraits.language(of: article)
        for unit in article.units where !unit.isTargetEmpty {
            let source = article.syntax(.source, unit).proseTail(bytes: 160)
            guard let (sourceKind, sourceIndex) = Self.ending(source), [.period, .colon, .question, .exclamation].contains(sourceKind)
            else { continue }
            let target = article.syntax(.target, unit).proseTail(bytes: 160)
            guard let (targetKind, targetIndex) = Self.ending(target), targetKind != sourceKind else { continue }
            if targetKind == .none && language == "th" { continue }
            // Japanese and Chinese style guides end a lead-in sentence with 。 where English has a colon.
            if sourceKind == .colon && targetKind == .period && ["ja", "zh"].contains(language) { continue }
            let english = String(source.scalars[sourceIndex])
            let tail = target.text(max(0, targetIndex - 30)..<target.count).trimmingSpaces
            if targetKind == .none {
                report.add(
                    "the translation ends without punctuation (\"…\(tail)\") where the English ends with \"\(english)\"; add it",
                    at: unit.location(.target, utf8Offset: target.offsets[targetIndex + 1]), unit: unit, key: "end")
            } else {
                report.add(
                    "the translation ends with \"\(target.scalars[targetIndex])\" (\"…\(tail)\") where the English ends with \"\(english)\"; "
                        + "use the same kind of punctuation",
                    at: unit.location(.target, utf8Offset: target.offsets[targetIndex]), unit: unit, key: "end")
            }
        }
    }

    /// The kind of the final mark and the index of the last character that counts, or nil when
    /// the text ends in a link, code, URL, e-mail address or tag (or is blank).
    static func ending(_ text: ProseText) -> (Kind, Int)? {
        var k = text.count - 1
        let closers = "*_)\"'”’»」』）".unicodeScalars
        while k >= 0 {
            let c = text.scalars[k]
            guard text.isText(k) else { return nil }
            if c.properties.isWhitespace || closers.contains(c) {
                k -= 1
            } else if c == ">", let before = text[k - 1], before == " " || before == "\\" {
                k -= before == "\\" ? 2 : 1
            } else if c == ">" || c == "]" {
                return nil
            } else {
                break
            }
        }
        guard k >= 0 else { return nil }
        let c = text.scalars[k]
        if c == "…" || (c == "." && text[k - 1] == "." && text[k - 2] == ".") { return (.ellipsis, k) }
        return (kind(of: c), k)
    }

    static func kind(of c: Unicode.Scalar) -> Kind {
        switch c {
        case ".", "。", "．", "｡", "।": .period
        case ":", "：": .colon
        case "?", "？", "؟": .question
        case "!", "！": .exclamation
        case ",", "،", "，", "、": .comma
        case ";", "؛", "；": .semicolon
        default: .none
        }
    }
}
