/// Byte-level reading of the HTML written inside one side of a unit, for the
/// structure rules. FORMAT.md §4 and §5.8: a unit's text is opaque Markdown that
/// can hold stray `</span>`, inner spans, `</a>` and pseudo-tags such as
/// `<email address>`, so tags are recognised by shape, never by an HTML parser.
enum UnitMarkup {
    /// An HTML tag in one side's text.
    struct Tag: Equatable {
        /// The element name, lowercased.
        var name: String
        var isClosing: Bool
        /// UTF-8 offset of the `<` in the side's text.
        var offset: Int
        /// The tag as written.
        var raw: String
    }

    /// Tags named in `names` (lowercase) in `text`, in order. Skips code spans,
    /// `\<` escapes, self-closing tags and pseudo-tags: an opening tag counts
    /// only when it is `<name>` or every attribute has a value (`<a href="…">`),
    /// so `<b user name>` stays text.
    static func tags(in text: String, named names: Set<String>) -> [Tag] {
        let b = Array(text.utf8)
        var tags: [Tag] = []
        var i = 0
        while i < b.count {
            let byte = b[i]
            if byte == 0x60 {
                i = afterCodeSpan(b, at: i)
                continue
            }
            if byte == 0x5C {  // a backslash escapes the next byte
                i += 2
                continue
            }
            if byte == 0x3C, let (tag, end) = tag(b, at: i, names: names) {
                tags.append(tag)
                i = end
                continue
            }
            i += 1
        }
        return tags
    }

    /// The tags that have no partner on the same side: closing tags with no
    /// opening before them, then opening tags never closed, in text order.
    static func unmatched(_ tags: [Tag]) -> [Tag] {
        var open: [String: [Tag]] = [:]
        var stray: [Tag] = []
        for tag in tags {
            if tag.isClosing {
                if open[tag.name]?.isEmpty == false { open[tag.name]!.removeLast() } else { stray.append(tag) }
            } else {
                open[tag.name, default: []].append(tag)
            }
        }
        return (stray + open.values.flatMap { $0 }).sorted { $0.offset < $1.offset }
    }

    /// The UTF-8 offset of the first occurrence of `needle` in `text` at or after `from`.
    static func find(_ needle: String, in text: String, from: Int = 0) -> Int? {
        let h = Array(text.utf8)
        let n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count, from <= h.count - n.count else { return nil }
        for i in max(from, 0)...(h.count - n.count) where h[i] == n[0] && h[i..<(i + n.count)].elementsEqual(n) {
            return i
        }
        return nil
    }

    /// Up to `width` characters either side of the byte at `offset`, on one line, for messages:
    /// `…følge instruktionerne </span> i denne…`.
    static func snippet(_ text: String, at offset: Int, length: Int, width: Int = 24) -> String {
        let b = Array(text.utf8)
        let start = min(max(offset, 0), b.count)
        let end = min(start + max(length, 0), b.count)
        let before = String(decoding: b[..<start], as: UTF8.self)
        let middle = String(decoding: b[start..<end], as: UTF8.self)
        let after = String(decoding: b[end...], as: UTF8.self)
        let head = before.count > width ? "…" + String(before.suffix(width)) : before
        let tail = after.count > width ? String(after.prefix(width)) + "…" : after
        return (head + middle + tail).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Where the code span starting at the backtick run at `i` ends; just past the
    /// run when no closing run of the same length follows (the backticks are text).
    private static func afterCodeSpan(_ b: [UInt8], at i: Int) -> Int {
        var runEnd = i
        while runEnd < b.count, b[runEnd] == 0x60 { runEnd += 1 }
        let length = runEnd - i
        var j = runEnd
        while j < b.count {
            if b[j] != 0x60 {
                j += 1
                continue
            }
            var k = j
            while k < b.count, b[k] == 0x60 { k += 1 }
            if k - j == length { return k }
            j = k
        }
        return runEnd
    }

    /// A tag of one of `names` starting at the `<` at `i`, and the offset after its `>`.
    private static func tag(_ b: [UInt8], at i: Int, names: Set<String>) -> (Tag, Int)? {
        var j = i + 1
        let closing = j < b.count && b[j] == 0x2F
        if closing { j += 1 }
        let nameStart = j
        while j < b.count, isLetter(b[j]) { j += 1 }
        guard j > nameStart, j < b.count else { return nil }
        let name = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
        guard names.contains(name) else { return nil }
        guard let end = closing ? closingTagEnd(b, from: j) : openingTagEnd(b, from: j) else { return nil }
        let raw = String(decoding: b[i..<end.offset], as: UTF8.self)
        if end.selfClosing { return nil }
        return (Tag(name: name, isClosing: closing, offset: i, raw: raw), end.offset)
    }

    private static func closingTagEnd(_ b: [UInt8], from: Int) -> (offset: Int, selfClosing: Bool)? {
        var j = from
        while j < b.count, isSpace(b[j]) { j += 1 }
        guard j < b.count, b[j] == 0x3E else { return nil }
        return (j + 1, false)
    }

    /// Attributes as CommonMark's raw HTML allows, but each with a value.
    private static func openingTagEnd(_ b: [UInt8], from: Int) -> (offset: Int, selfClosing: Bool)? {
        var j = from
        while true {
            let spaceStart = j
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j < b.count else { return nil }
            if b[j] == 0x3E { return (j + 1, false) }
            if b[j] == 0x2F { return j + 1 < b.count && b[j + 1] == 0x3E ? (j + 2, true) : nil }
            guard j > spaceStart, isLetter(b[j]) || b[j] == 0x5F || b[j] == 0x3A else { return nil }
            while j < b.count, isLetter(b[j]) || isDigit(b[j]) || b[j] == 0x5F || b[j] == 0x3A || b[j] == 0x2E || b[j] == 0x2D {
                j += 1
            }
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j < b.count, b[j] == 0x3D else { return nil }
            j += 1
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j < b.count else { return nil }
            if b[j] == 0x22 || b[j] == 0x27 {
                let quote = b[j]
                j += 1
                while j < b.count, b[j] != quote { j += 1 }
                guard j < b.count else { return nil }
                j += 1
            } else {
                let valueStart = j
                while j < b.count, !isSpace(b[j]), ![0x22, 0x27, 0x3D, 0x3C, 0x3E, 0x60].contains(b[j]) { j += 1 }
                guard j > valueStart else { return nil }
            }
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
