import Foundation
import Mustache

/// Renders a Mustache template once per *shape* of context and reuses the
/// result: a site renders thousands of pages through the same template with
/// contexts that differ in their text but rarely in their structure (which
/// sections are there, how long the lists are, the booleans).
///
/// The first context of a shape is rendered with every string replaced by a
/// numbered marker (`\u{1}&N\u{2}`), and the output split at the markers into a
/// skeleton. Mustache escapes the `&` of a marker in an escaped variable
/// (`{{x}}` → `&amp;`) and not in a raw one (`{{{x}}}`), so the skeleton knows
/// where each value goes and whether it is escaped there. Every later context of
/// that shape is the skeleton with its own values filled in, escaped as Mustache
/// would (`& < > " '`). A context the markers cannot stand for (a value of
/// another type, a string holding the marker characters) is rendered by
/// Mustache as usual.
final class TemplateSkeletons: @unchecked Sendable {
    private enum Piece {
        /// Cut from the template's output at ASCII markers, so always whole UTF-8.
        case text(String)
        case value(Int, escaped: Bool)
    }

    private let lock = NSLock()
    private var skeletons: [String: [Piece]] = [:]

    /// The template rendered with `context`, through `render` for a new shape.
    func render(_ context: [String: Any], template: String, with render: ([String: Any]) -> String?) -> String? {
        // The values and the shape only; the context with markers is made for a new shape alone.
        var markers = Markers()
        markers.convert(context, build: false)
        guard !markers.unsupported else { return render(context) }
        let key = template + "\u{0}" + String(decoding: markers.shape, as: UTF8.self)
        lock.lock()
        var skeleton = skeletons[key]
        lock.unlock()
        if skeleton == nil {
            var building = Markers()
            guard let marked = building.convert(context, build: true) as? [String: Any], let output = render(marked),
                let pieces = Self.pieces(output, count: markers.values.count)
            else {
                return render(context)
            }
            skeleton = pieces
            lock.lock()
            skeletons[key] = pieces
            lock.unlock()
        }
        // Strings appended to a String: every piece is valid UTF-8 already, so nothing is decoded again.
        var out = ""
        out.reserveCapacity(markers.values.reduce(4096) { $0 + $1.utf8.count })
        for piece in skeleton! {
            switch piece {
            case .text(let text): out += text
            case .value(let index, let escaped):
                if escaped { Self.escape(markers.values[index], into: &out) } else { out += markers.values[index] }
            }
        }
        return out
    }

    /// The output split at the markers; nil when it holds something unexpected.
    private static func pieces(_ output: String, count: Int) -> [Piece]? {
        let bytes = Array(output.utf8)
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x01 else {
                text.append(bytes[i])
                i += 1
                continue
            }
            var j = i + 1
            var escaped = false
            if bytes[j...].starts(with: Array("&amp;".utf8)) {
                escaped = true
                j += 5
            } else if j < bytes.count, bytes[j] == UInt8(ascii: "&") {
                j += 1
            } else {
                return nil
            }
            var number = 0
            var digits = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                number = number * 10 + Int(bytes[j] - 0x30)
                digits += 1
                j += 1
            }
            guard digits > 0, j < bytes.count, bytes[j] == 0x02, number < count else { return nil }
            if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
            text = []
            pieces.append(.value(number, escaped: escaped))
            i = j + 1
        }
        if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
        return pieces
    }

    /// swift-mustache's HTML escaping: `< > & " '`. Runs without those characters are
    /// appended whole (cut at ASCII characters, so whole UTF-8).
    private static func escape(_ value: String, into out: inout String) {
        let utf8 = value.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let entity: String
            switch utf8[i] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                utf8.formIndex(after: &i)
                continue
            }
            out += Substring(utf8[start..<i])
            out += entity
            utf8.formIndex(after: &i)
            start = i
        }
        out += Substring(utf8[start..<utf8.endIndex])
    }

    /// A context with its strings replaced by markers, and its shape: the keys (sorted:
    /// every dictionary instance orders its keys differently, and values must be
    /// numbered alike for every context of a shape), the booleans, the lengths of the lists.
    private struct Markers {
        var values: [String] = []
        var shape: [UInt8] = []
        var unsupported = false

        /// With `build`, returns the value with markers for its strings; else only collects
        /// the values and the shape (the same, in the same order) and returns nil.
        @discardableResult
        mutating func convert(_ value: Any, build: Bool) -> Any? {
            // The exact types of a page's context first: a conditional cast of a `[String: Any]`
            // to `[String: String]`, or of an array to `[Any]`, converts element by element and
            // cost more than all the rest of this walk. (A `[String: Any]` holding only strings
            // gives the same shape and values through either dictionary branch.)
            switch ObjectIdentifier(Swift.type(of: value)) {
            case Self.stringType: return string(value as! String, build: build)
            case Self.stringDictionaryType: return strings(value as! [String: String], build: build)
            case Self.dictionaryType: return dictionary(value as! [String: Any], build: build)
            case Self.dictionaryArrayType: return array(value as! [[String: Any]], build: build)
            case Self.stringDictionaryArrayType: return array(value as! [[String: String]], build: build)
            default: break
            }
            switch value {
            case let string as String:
                return self.string(string, build: build)
            case let bool as Bool:
                shape.append(bool ? 0x54 : 0x46)
                return bool
            case let int as Int:
                return marker(String(int), kind: 0x69, build: build)
            case let dictionary as [String: String]:
                return strings(dictionary, build: build)
            case let dictionary as [String: Any]:
                return self.dictionary(dictionary, build: build)
            case let array as [Any]:
                return self.array(array, build: build)
            default:
                unsupported = true
                return build ? value : nil
            }
        }

        private static let stringType = ObjectIdentifier(String.self)
        private static let stringDictionaryType = ObjectIdentifier([String: String].self)
        private static let dictionaryType = ObjectIdentifier([String: Any].self)
        private static let dictionaryArrayType = ObjectIdentifier([[String: Any]].self)
        private static let stringDictionaryArrayType = ObjectIdentifier([[String: String]].self)

        private mutating func string(_ value: String, build: Bool) -> Any? {
            var string = value
            if Self.holdsMarkerBytes(&string) { unsupported = true }
            return marker(string, kind: 0x73, build: build)
        }

        private mutating func strings(_ dictionary: [String: String], build: Bool) -> Any? {
            shape.append(0x7B)
            var out: [String: Any] = [:]
            if build { out.reserveCapacity(dictionary.count) }
            for key in dictionary.keys.sorted() {
                var string = dictionary[key]!
                shape += key.utf8
                shape.append(0x3A)
                if Self.holdsMarkerBytes(&string) { unsupported = true }
                let marked = marker(string, kind: 0x73, build: build)
                if build { out[key] = marked }
            }
            shape.append(0x7D)
            return build ? out : nil
        }

        private mutating func dictionary(_ dictionary: [String: Any], build: Bool) -> Any? {
            shape.append(0x7B)
            var out: [String: Any] = [:]
            if build { out.reserveCapacity(dictionary.count) }
            for key in dictionary.keys.sorted() {
                shape += key.utf8
                shape.append(0x3A)
                let converted = convert(dictionary[key]!, build: build)
                if build { out[key] = converted }
            }
            shape.append(0x7D)
            return build ? out : nil
        }

        private mutating func array<Element>(_ array: [Element], build: Bool) -> Any? {
            shape.append(0x5B)
            shape += String(array.count).utf8
            var out: [Any] = []
            if build { out.reserveCapacity(array.count) }
            for element in array {
                let converted = convert(element, build: build)
                if build, let converted { out.append(converted) }
            }
            shape.append(0x5D)
            return build ? out : nil
        }

        private mutating func marker(_ value: String, kind: UInt8, build: Bool) -> String? {
            shape.append(kind)
            values.append(value)
            return build ? "\u{1}&\(values.count - 1)\u{2}" : nil
        }

        static func holdsMarkerBytes(_ string: inout String) -> Bool {
            string.withUTF8 { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
                return memchr(base, 0x01, buffer.count) != nil || memchr(base, 0x02, buffer.count) != nil
            }
        }
    }
}
