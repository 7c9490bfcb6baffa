/// DocFX conventions on top of CommonMark: heading anchors and alerts.
extension MarkdownReader {
    static let alertKeywords: Set<String> = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION", "VIDEO"]

    /// Removes a leading `<a name="slug"></a>` from heading content and returns the slug.
    static func takeAnchor(_ content: inout [Inline]) -> String? {
        guard case .html(let open)? = content.first, open.elementName == "a",
            let name = open.attribute("name") ?? open.attribute("id")
        else { return nil }
        content.removeFirst()
        if case .html(let close)? = content.first, close.elementName == "a", case .element(_, _, true) = close.kind {
            content.removeFirst()
        }
        while case .text(let t)? = content.first, t.allSatisfy(\.isWhitespace) { content.removeFirst() }
        return name
    }

    /// When a block quote's first line is `[!NOTE]` (any case, outside any unit),
    /// removes that line and returns the alert's kind.
    static func takeAlertKeyword(_ blocks: inout [Block]) -> Note.Kind? {
        guard case .paragraph(var paragraph)? = blocks.first else { return nil }
        var lineEnd = paragraph.content.count
        for (i, inline) in paragraph.content.enumerated() {
            if case .unit = inline { return nil }
            if inline == .softBreak || inline == .lineBreak {
                lineEnd = i
                break
            }
        }
        let line = paragraph.content[..<lineEnd].map(\.plainText).joined().trimmingSpaces
        guard line.hasPrefix("[!"), line.hasSuffix("]") else { return nil }
        let inner = line.dropFirst(2).dropLast()
        let keyword = inner.prefix { $0.isLetter && $0.isASCII }
        let argument = inner.dropFirst(keyword.count)
        guard alertKeywords.contains(keyword.uppercased()),
            argument.isEmpty || argument.first?.isWhitespace == true
        else { return nil }
        let kind: Note.Kind =
            keyword.uppercased() == "VIDEO" ? .video(url: String(argument).trimmingSpaces) : Note.Kind(keyword: String(keyword))
        paragraph.content.removeFirst(min(lineEnd + 1, paragraph.content.count))
        if paragraph.content.isEmpty {
            blocks.removeFirst()
        } else {
            blocks[0] = .paragraph(paragraph)
        }
        return kind
    }
}
