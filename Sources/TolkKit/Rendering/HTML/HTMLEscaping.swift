/// Escaping for HTML text and double-quoted attribute values: the one place
/// article text turns into markup.
enum HTMLEscaping {
    /// `& < > " '` as character references; characters HTML forbids in a
    /// document (C0 and C1 controls other than tab, line feed and carriage
    /// return, DEL, noncharacters) are dropped, so any text parses cleanly.
    static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// `escape(text)` appended to `out`: runs of text that need nothing are copied
    /// whole; only the five characters, control bytes and the lead bytes of forbidden
    /// characters (C1 controls, U+FDD0–U+FDEF and U+xFFFE/U+xFFFF start with 0xC2, 0xEF
    /// or 0xF0–0xF4) are looked at one by one.
    static func escape(_ text: String, into out: inout String) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            let entity: String
            switch byte {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            case 0x09, 0x0A, 0x0D:
                utf8.formIndex(after: &i)
                continue
            case 0x00..<0x20, 0x7F: entity = ""  // dropped
            case 0xC2, 0xEF, 0xF0...0xF4:
                let scalar = text.unicodeScalars[i]
                let next = text.unicodeScalars.index(after: i)
                if isAllowed(scalar) {
                    i = next
                    continue
                }
                out += Substring(utf8[start..<i])
                i = next
                start = i
                continue
            default:
                utf8.formIndex(after: &i)
                continue
            }
            out += Substring(utf8[start..<i])
            out += entity
            utf8.formIndex(after: &i)
            start = i
        }
        if start == utf8.startIndex {
            out += text  // nothing to escape: the text itself, without a copy when `out` is empty
        } else {
            out += Substring(utf8[start..<utf8.endIndex])
        }
    }

    /// The text without the characters `isAllowed` rejects, not escaped: for
    /// values a template escapes itself.
    static func clean(_ text: String) -> String {
        // Only control bytes and the lead bytes of forbidden characters need a closer look.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0xEF && $0 != 0x7F && $0 != 0xC2) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return text
        }
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
    }

    /// False for scalars that make an HTML parse error wherever they stand.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A || v == 0x0D { return true }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
        if (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE { return false }
        return true
    }

    /// A double-quoted attribute: ` name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escape(value))\""
    }
}
