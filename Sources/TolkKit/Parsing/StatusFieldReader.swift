/// Recognises status-field descriptions: a paragraph that opens with a bold
/// label ending in a colon, followed by a parenthesised description —
/// `**Password sync enabled:** (True or False).`.
enum StatusFieldReader {
    static func field(_ paragraph: Bilingual<[Inline]>, location: SourceLocation) -> StatusField? {
        // Decided on the English side; the translation only supplies its words.
        guard let english = paragraph.source ?? paragraph.target, let source = parts(english) else { return nil }
        let target = paragraph.target.flatMap(parts)
        return StatusField(
            label: Bilingual(target: target?.label, source: paragraph.source == nil ? nil : source.label),
            valueDescription: Bilingual(target: target?.description, source: paragraph.source == nil ? nil : source.description),
            paragraph: paragraph, location: location)
    }

    /// The label and description of one language's paragraph.
    static func parts(_ inlines: [Inline]) -> (label: String, description: String)? {
        var flat: [Inline] = []
        flatten(inlines, into: &flat)
        guard let first = flat.firstIndex(where: { !($0.plainText.allSatisfy(\.isWhitespace)) }),
            case .strong(let labelInlines) = flat[first]
        else { return nil }
        var label = labelInlines.plainText.trimmingSpaces
        guard label.hasSuffix(":") || label.hasSuffix("：") else { return nil }
        label.removeLast()
        let rest = Array(flat[(first + 1)...]).plainText.trimmingSpaces
        guard rest.hasPrefix("("), let close = rest.firstIndex(of: ")") else { return nil }
        let description = String(rest[rest.index(after: rest.startIndex)..<close]).trimmingSpaces
        guard !label.isEmpty, !description.isEmpty else { return nil }
        return (label.trimmingSpaces, description)
    }

    private static func flatten(_ inlines: [Inline], into out: inout [Inline]) {
        for inline in inlines {
            if case .unit(let u) = inline { flatten(u.children, into: &out) } else { out.append(inline) }
        }
    }
}
