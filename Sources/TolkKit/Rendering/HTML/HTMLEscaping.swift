/// Escaping for HTML text and double-quoted attribute values: the one place
/// article text turns into markup.
enum HTMLEscaping {
    /// `& < > " '` as character references; characters HTML forbids in a
    /// document (C0 and C1 controls other than tab, line feed and carriage
    /// return, DEL, noncharacters) are dropped, so any text parses cleanly.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// The text without the characters `isAllowed` rejects, not escaped: for
    /// values a template escapes itself.
    static func clean(_ text: String) -> String {
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
