/// Escaping for HTML text and double-quoted attribute values: the one place
/// article text turns into markup.
enum HTMLEscaping {
    /// `& < > " '` as character references; characters HTML forbids in a
    /// document (C0 and C1 controls other than tab, line feed and carriage
    /// return, DEL, noncharacters) are dropped, so any text parses cleanly.
    static func escape(_ text: String) -> String {
        // Most text needs nothing: printable ASCII and UTF-8 without the five characters
        // or any byte that could start a forbidden character (C0, DEL, C1 and U+FDxx/U+FFFx
        // start with bytes below 0x20, 0x7F, 0xC2 or 0xEF).
        var plain = true
        for byte in text.utf8 {
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F, 0xC2, 0xEF, 0xF0...0xF4: plain = false
            case 0x00..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D: plain = false
            default: continue
            }
            break
        }
        if plain { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case "<": out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case ">": out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case "\"": out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case "'": out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default:
                if scalar.isASCII {
                    if isAllowed(scalar) { out.append(UInt8(scalar.value)) }
                } else if isAllowed(scalar) {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
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
