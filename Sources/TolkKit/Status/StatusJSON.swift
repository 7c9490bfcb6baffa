import Foundation

/// A status document: strict JSON (RFC 8259), read with line and column for
/// every error, booleans kept apart from numbers and object keys in order.
public indirect enum StatusJSON: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([StatusJSON])
    /// An object, its keys in document order.
    case object([(key: String, value: StatusJSON)])

    public static func == (a: StatusJSON, b: StatusJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o):
            for (k, v) in o {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }

    /// The member named `key` of an object.
    public subscript(key: String) -> StatusJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// What a reader calls this kind of value in an error message.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as compact JSON text, for messages and `--json`.
    public var compactText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): return JSONValue.string(s).serialized(indent: 0)
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { JSONValue.string($0.key).serialized(indent: 0) + ":" + $0.value.compactText }.joined(separator: ",")
                + "}"
        }
    }

    /// Parses one JSON document; errors carry the line and column (in Unicode scalars).
    public static func parse(_ bytes: [UInt8]) throws(StatusJSONError) -> StatusJSON {
        var reader = StatusJSONReader(bytes: bytes)
        return try reader.document()
    }
}

/// A status document that is not valid JSON, with the position of the error.
public struct StatusJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line of the error, from 1.
    public var line: Int
    /// The column of the error, from 1.
    public var column: Int
    /// What is wrong.
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
}

private struct StatusJSONReader {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    mutating func document() throws(StatusJSONError) -> StatusJSON {
        skipSpace()
        if i == bytes.count { throw error("the status document is empty; expected a JSON object") }
        let value = try self.value()
        skipSpace()
        if i < bytes.count { throw error("unexpected \(describe(bytes[i])) after the JSON value") }
        return value
    }

    mutating func value() throws(StatusJSONError) -> StatusJSON {
        guard i < bytes.count else { throw error("unexpected end of the document; expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[i] | 0x20) { return try literal("", .null) }
            throw error("unexpected \(describe(bytes[i])); expected a value")
        }
    }

    mutating func object() throws(StatusJSONError) -> StatusJSON {
        try enter()
        i += 1
        var members: [(key: String, value: StatusJSON)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error(
                    i < bytes.count
                        ? "expected a member name in double quotes, found \(describe(bytes[i]))" : "unexpected end inside an object")
            }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the member name \"\(key)\"") }
            i += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end inside an object; expected ',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                depth -= 1
                return .object(members)
            }
            throw error("expected ',' or '}' after the member \"\(key)\", found \(describe(bytes[i]))")
        }
    }

    mutating func array() throws(StatusJSONError) -> StatusJSON {
        try enter()
        i += 1
        var items: [StatusJSON] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end inside an array; expected ',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                depth -= 1
                return .array(items)
            }
            throw error("expected ',' or ']' in an array, found \(describe(bytes[i]))")
        }
    }

    mutating func enter() throws(StatusJSONError) {
        depth += 1
        if depth > 256 { throw error("the document nests deeper than 256 levels") }
    }

    mutating func string() throws(StatusJSONError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    i = start
                    throw error("the string is not valid UTF-8")
                }
                return s
            }
            if b < 0x20 { throw error("a control character must be escaped inside a string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"),
                        bytes[i + 2] == UInt8(ascii: "u")
                    {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("a high surrogate must be followed by a low one") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("\\u escape names no Unicode scalar") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw error("unknown escape \\\(describe(bytes[i]))")
                }
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        i = start
        throw error("unterminated string")
    }

    mutating func hex4() throws(StatusJSONError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            i += 1
            guard i < bytes.count, let d = hexDigit(bytes[i]) else { throw error("\\u must be followed by four hex digits") }
            v = v << 4 | d
        }
        return v
    }

    func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    mutating func number() throws(StatusJSONError) -> StatusJSON {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ r: inout Int, _ bytes: [UInt8]) -> Int {
            let s = r
            while r < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[r]) { r += 1 }
            return r - s
        }
        let intStart = i
        let n = digits(&i, bytes)
        if n == 0 { throw error("expected a digit") }
        if n > 1 && bytes[intStart] == UInt8(ascii: "0") {
            i = intStart
            throw error("numbers must not start with 0")
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits(&i, bytes) == 0 { throw error("expected a digit after the decimal point") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits(&i, bytes) == 0 { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text) else {
            i = start
            throw error("the number \(text) cannot be read")
        }
        return .number(value)
    }

    mutating func literal(_ word: String, _ value: StatusJSON) throws(StatusJSONError) -> StatusJSON {
        let w = Array(word.utf8)
        guard !w.isEmpty, bytes.count - i >= w.count, Array(bytes[i..<i + w.count]) == w else {
            var end = i
            while end < bytes.count, end - i < 12, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end] | 0x20) || bytes[end] >= 0x80
            {
                end += 1
            }
            let found = String(decoding: bytes[i..<max(end, i + 1)], as: UTF8.self)
            throw error("unexpected '\(found)'; expected a value (true, false, null, a number, a string, an array or an object)")
        }
        i += w.count
        return value
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b >= 0x80 {
            var end = i + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'\(String(decoding: bytes[i..<end], as: UTF8.self))'"
        }
        return String(format: "byte 0x%02X", b)
    }

    func error(_ message: String) -> StatusJSONError {
        var line = 1
        var lineStart = 0
        let end = min(i, bytes.count)
        for k in 0..<end where bytes[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).unicodeScalars.count + 1
        return StatusJSONError(line: line, column: column, message: message)
    }
}
