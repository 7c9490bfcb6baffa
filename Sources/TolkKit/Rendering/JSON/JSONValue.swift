/// A JSON document with object keys kept in the order they were written, so the
/// output is stable byte for byte.
public indirect enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, its keys in the order given.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// The JSON text; `indent` spaces per level, or one line when 0.
    public func serialized(indent: Int = 2) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private static let spaces = String(repeating: " ", count: 64)

    private func write(into out: inout String, indent: Int, level: Int) {
        let newline = indent > 0 ? "\n" : ""
        func pad(_ n: Int) {
            var count = n * indent
            while count > 0 {
                let run = min(count, Self.spaces.utf8.count)
                out += Self.spaces[..<Self.spaces.utf8.index(Self.spaces.startIndex, offsetBy: run)]
                count -= run
            }
        }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            out += newline
            for (i, item) in items.enumerated() {
                pad(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
                if i + 1 < items.count { out += "," }
                out += newline
            }
            pad(level)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            out += newline
            for (i, (key, value)) in members.enumerated() {
                pad(level + 1)
                Self.writeString(key, into: &out)
                out += indent > 0 ? ": " : ":"
                value.write(into: &out, indent: indent, level: level + 1)
                if i + 1 < members.count { out += "," }
                out += newline
            }
            pad(level)
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Runs that need no escape are copied whole; messages quote text, so most strings have some.
        let utf8 = s.utf8
        var run = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            let escape: String
            var width = 1
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2:
                // U+2028 and U+2029 end a line in JavaScript: escaped for readers that eval.
                let rest = utf8[utf8.index(after: i)...].prefix(2)
                guard rest.elementsEqual([0x80, 0xA8]) || rest.elementsEqual([0x80, 0xA9]) else {
                    i = utf8.index(after: i)
                    continue
                }
                escape = rest.last == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                guard b < 0x20 || b == 0x7F else {
                    i = utf8.index(after: i)
                    continue
                }
                let hex = String(b, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            out += s[run..<i]
            out += escape
            i = utf8.index(i, offsetBy: width)
            run = i
        }
        out += s[run..<i]
        out += "\""
    }
}
