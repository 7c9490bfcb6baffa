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
///
/// So is every context of a template whose output depends on more than the
/// shape and the places of the values (`substitutable`): one that uses, itself or
/// in a partial it reaches, a transform of a value (`{{uppercased(title)}}`,
/// `{{#empty(note)}}`, `{{plusone(count)}}`: the marker would be transformed, not
/// the value), a dynamic partial (`{{>*name}}`: its name is a value), an indented
/// partial or block (Mustache indents the line after a value that ends in a line
/// break), other delimiters or a pragma (the tags are no longer `{{…}}`, so this
/// reading cannot follow them). The transforms of a list element's position
/// (`{{^last()}}`, `{{index()}}`) depend on the shape alone and keep the skeleton.
final class TemplateSkeletons: @unchecked Sendable {
    private enum Piece {
        /// Cut from the template's output at ASCII markers, so always whole UTF-8.
        case text(String)
        case value(Int, escaped: Bool)
    }

    private let lock = NSLock()
    private var skeletons: [String: [Piece]] = [:]
    /// The templates whose every page the skeletons may give; the others go to Mustache each time.
    let substitutable: Set<String>

    /// Skeletons for the templates of one folder: each template's text by its name
    /// (the name its partial tags use).
    init(templates: [String: String]) {
        substitutable = TemplateTags.substitutable(templates)
    }

    /// The template rendered with `context`, through `render` for a new shape.
    func render(_ context: [String: Any], template: String, with render: ([String: Any]) -> String?) -> String? {
        guard substitutable.contains(template) else { return render(context) }
        return self.render(TemplateValue(context), template: template, with: render)
    }

    /// The template rendered with `context` (an object), through `render` for a new shape.
    func render(_ context: TemplateValue, template: String, with render: ([String: Any]) -> String?) -> String? {
        guard substitutable.contains(template) else { return render(context.any as? [String: Any] ?? [:]) }
        // The values and the shape only; the context with markers is made for a new shape alone.
        var markers = Markers()
        markers.collect(context)
        guard !markers.unsupported, case .object = context else { return render(context.any as? [String: Any] ?? [:]) }
        let key = template + "\u{0}" + markers.shape
        lock.lock()
        var skeleton = skeletons[key]
        lock.unlock()
        if skeleton == nil {
            var numbering = 0
            guard let marked = Markers.marked(context, numbering: &numbering) as? [String: Any], let output = render(marked),
                let pieces = Self.pieces(output, count: markers.values.count)
            else {
                return render(context.any as? [String: Any] ?? [:])
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
        // On the string's own bytes; most values have none of the five characters and go whole.
        let done = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
                out += value
                return true
            }
            return false
        }
        if done == true { return }
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

    /// A context's values in the order of a walk through it, and its shape: the keys
    /// (in their order in the tree), the booleans, the lengths of the lists. The context
    /// with its strings replaced by numbered markers is made by `marked` in the same walk.
    private struct Markers {
        var values: [String] = []
        /// Strings append whole (a key is copied at once, not byte by byte).
        var shape = ""
        var unsupported = false

        mutating func collect(_ value: TemplateValue) {
            switch value {
            case .string(let string):
                var string = string
                if Self.holdsMarkerBytes(&string) { unsupported = true }
                shape += "s"
                values.append(string)
            case .number(let number):
                shape += "i"
                values.append(String(number))
            case .bool(let bool):
                shape += bool ? "T" : "F"
            case .list(let list):
                shape += "["
                shape += String(list.count)
                for element in list { collect(element) }
                shape += "]"
            case .object(let object):
                shape += "{"
                for field in object.fields {
                    shape += field.key
                    shape += ":"
                    collect(field.value)
                }
                shape += "}"
            case .other:
                unsupported = true
            }
        }

        /// `value` for Mustache with every string and number replaced by its marker,
        /// numbered from `numbering` in the order `collect` finds the values.
        static func marked(_ value: TemplateValue, numbering: inout Int) -> Any {
            switch value {
            case .string, .number:
                numbering += 1
                return "\u{1}&\(numbering - 1)\u{2}"
            case .bool(let bool):
                return bool
            case .list(let list):
                return list.map { marked($0, numbering: &numbering) }
            case .object(let object):
                var out: [String: Any] = [:]
                out.reserveCapacity(object.fields.count)
                for field in object.fields { out[field.key] = marked(field.value, numbering: &numbering) }
                return out
            case .other(let value):
                return value
            }
        }

        static func holdsMarkerBytes(_ string: inout String) -> Bool {
            string.withUTF8 { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
                return memchr(base, 0x01, buffer.count) != nil || memchr(base, 0x02, buffer.count) != nil
            }
        }
    }
}
