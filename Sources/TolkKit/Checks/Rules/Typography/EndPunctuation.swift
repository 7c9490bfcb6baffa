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
        colon. The period of an abbreviation that ends the English (`etc.)`) is not a sentence's. End the \
        translation with the punctuation of the English.
        """

    public init() {}

    enum Kind: String {
        case period, colon, question, exclamation, comma, semicolon, ellipsis, none
    }

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let language = LocaleTraits.targetLanguage(of: article)
        for unit in article.units where !unit.isTargetEmpty && !Self.endsAlike(unit) {
            let source = article.syntax(.source, unit).proseTail(bytes: 160)
            guard let (sourceKind, sourceIndex) = Self.ending(source), [.period, .colon, .question, .exclamation].contains(sourceKind)
            else { continue }
            let target = article.syntax(.target, unit).proseTail(bytes: 160)
            guard let (targetKind, targetIndex) = Self.ending(target), targetKind != sourceKind else { continue }
            if Self.isAccepted(target: targetKind, source: sourceKind, language: language, title: Self.isTitle(unit, in: article)) {
                continue
            }
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

    /// Endings that differ from the English on purpose: Thai sentences end without a mark; Japanese
    /// and Chinese lead-ins end with 。 for an English colon; a colon where the English has a period
    /// introduces what follows; a period for an English `!` is the calmer style many languages
    /// prefer; and a heading or link text may drop the English `?` or turn the question into a
    /// statement (Japanese and Chinese titles never end with one).
    static func isAccepted(target: Kind, source: Kind, language: String, title: Bool) -> Bool {
        switch (source, target) {
        case (_, .none) where language == "th": true
        case (.colon, .period) where ["ja", "zh"].contains(language): true
        case (.period, .colon), (.exclamation, .period): true
        case (.question, .none) where title || ["ja", "zh", "ko"].contains(language): true
        case (.question, .period) where title: true
        default: false
        }
    }

    /// True when the unit is a heading (or the front matter's title) or the text of a link.
    static func isTitle(_ unit: TranslationUnit, in article: Article) -> Bool {
        if unit.area == .frontMatter { return true }
        let bytes = article.bytes
        var i = min(unit.range.start.offset, bytes.count)
        while i > 0, bytes[i - 1] == 0x20 { i -= 1 }
        if i > 0, bytes[i - 1] == UInt8(ascii: "[") { return true }
        while i > 0, bytes[i - 1] != 0x0A { i -= 1 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == UInt8(ascii: ">") { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "#")
    }

    /// True when both sides end, after ASCII spaces and closers, with the same kind of mark
    /// among `.:?!` (not an ellipsis; the translation's may be its full-width or its script's
    /// form, `。`, `：`, `？`, `！`) or the English with a letter or digit: nothing to report,
    /// found without reading characters.
    static func endsAlike(_ unit: TranslationUnit) -> Bool {
        // The last byte that counts, its index, and the byte before it.
        func last(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, before: UInt8)? {
            var k = bytes.count - 1
            while k >= 0 {
                switch bytes[k] {
                case 0x20, 0x0A, 0x09, 0x0D, 0x2A, 0x5F, 0x29, 0x22, 0x27: k -= 1
                default: return (k, k > 0 ? bytes[k - 1] : 0x20)
                }
            }
            return nil
        }
        guard let s = unit.source.withBytes({ b in last(b).map { (byte: b[$0.index], before: $0.before) } }) else { return true }
        if (s.byte | 0x20 >= 0x61 && s.byte | 0x20 <= 0x7A) || (s.byte >= 0x30 && s.byte <= 0x39) { return true }
        guard s.byte == 0x2E || s.byte == 0x3A || s.byte == 0x3F || s.byte == 0x21, s.before != 0x2E else { return false }
        return unit.target.withBytes { b in
            guard let t = last(b) else { return false }
            if b[t.index] < 0x80 { return b[t.index] == s.byte && t.before != 0x2E }
            // A mark of another script: the whole last character, by its kind.
            var start = t.index
            while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
            let scalars = String(decoding: UnsafeBufferPointer(rebasing: b[start...t.index]), as: UTF8.self).unicodeScalars
            guard scalars.count == 1, let c = scalars.first else { return false }
            return kind(of: c) == kind(of: Unicode.Scalar(s.byte))
        }
    }

    /// The kind of the final mark and the index of the last character that counts, or nil when
    /// the text ends in a link, code, URL, e-mail address or tag (or is blank).
    static func ending(_ text: ProseText) -> (Kind, Int)? {
        var k = text.count - 1
        let closers = "*_)\"'”’»«“‘›‹」』）\\".unicodeScalars
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
        // The period of an abbreviation (`etc.`, `e.g.`) ends the abbreviation, not a sentence: not checked.
        if c == ".", let p = text[k - 1], "cgeCdosx.".unicodeScalars.contains(p) {
            var start = k
            while k - start <= 7, let p = text[start - 1], p.properties.isAlphabetic || p == "." { start -= 1 }
            guard k - start <= 7 else { return (kind(of: c), k) }
            var word = text.text(start..<k).lowercased()
            while word.hasSuffix(".") { word.removeLast() }
            if abbreviations.contains(word) { return nil }
        }
        return (kind(of: c), k)
    }

    static let abbreviations: Set<String> = ["etc", "e.g", "i.e", "inc", "ltd", "vs", "approx", "co"]

    static func kind(of c: Unicode.Scalar) -> Kind {
        switch c {
        case ".", "。", "．", "｡", "।", "॥", "។", "៕", "။", "።", "։", "۔", "།": .period
        case ":", "：": .colon
        case "?", "？", "؟", "\u{037E}": .question
        case "!", "！": .exclamation
        case ",", "،", "，", "、", "၊", "፣": .comma
        case ";", "؛", "；": .semicolon
        default: .none
        }
    }
}
