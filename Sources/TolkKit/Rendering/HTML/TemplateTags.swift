import Foundation

/// A reading of Mustache templates' tags, just enough to tell which templates
/// `TemplateSkeletons` may serve: a template it is unsure of is left to Mustache,
/// so a mistake here costs time, never a wrong page. Mustache itself has parsed
/// every template before this reads it.
enum TemplateTags {
    /// The names of `templates` (each template's text by its name) whose output,
    /// for every context of one shape, is the same text around the same values:
    /// neither the template nor any partial it reaches has a tag `scan` rejects.
    static func substitutable(_ templates: [String: String]) -> Set<String> {
        var read: [String: (plain: Bool, partials: [String])] = [:]
        for (name, text) in templates { read[name] = scan(text) }
        var out: Set<String> = []
        for name in templates.keys {
            var seen: Set<String> = [name]
            var queue = [name]
            var plain = true
            while plain, let next = queue.popLast() {
                // A partial the folder lacks renders nothing, whatever the values.
                guard let entry = read[next] else { continue }
                plain = entry.plain
                for partial in entry.partials where seen.insert(partial).inserted { queue.append(partial) }
            }
            if plain { out.insert(name) }
        }
        return out
    }

    /// Whether every tag of `text` renders the same for every context of a shape, with
    /// the markers standing for the values; and the partials it names. Rejected: a
    /// transform of a value (`{{uppercased(title)}}`; one of the element's position,
    /// `{{^last()}}`, is kept), a dynamic partial (`{{>*name}}`), a partial, parent or
    /// block tag indented on its line, a delimiter change (`{{=<% %>=}}`: the tags
    /// after it are no longer read) and a pragma (`{{%…}}`).
    static func scan(_ text: String) -> (plain: Bool, partials: [String]) {
        let bytes = Array(text.utf8)
        var partials: [String] = []
        var i = 0
        while let open = find(UInt8(ascii: "{"), UInt8(ascii: "{"), in: bytes, from: i) {
            // A tag ends at the first `}}` (a triple mustache's third brace is left behind: text).
            guard let close = find(UInt8(ascii: "}"), UInt8(ascii: "}"), in: bytes, from: open + 2) else { return (false, partials) }
            i = close + 2
            let tag = bytes[(open + 2)..<close]
            guard let sigil = tag.first else { continue }
            switch sigil {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "="), UInt8(ascii: "%"):
                return (false, partials)
            case UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                if indented(bytes, open) { return (false, partials) }
                guard sigil != UInt8(ascii: "$") else { continue }
                let name = String(decoding: tag.dropFirst(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if name.hasPrefix("*") { return (false, partials) }
                partials.append(name)
            default:
                // `a(b(c))` transforms `c`; `a(b())` the position in a list, which the shape fixes.
                if let paren = tag.lastIndex(of: UInt8(ascii: "(")),
                    tag.index(after: paren) == tag.endIndex || tag[tag.index(after: paren)] != UInt8(ascii: ")")
                {
                    return (false, partials)
                }
            }
        }
        return (true, partials)
    }

    /// The index of the first `a` followed by `b` at or after `start`.
    private static func find(_ a: UInt8, _ b: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == a, bytes[i + 1] == b { return i }
            i += 1
        }
        return nil
    }

    /// True when only spaces and tabs, at least one, stand between the line's start and `index`.
    private static func indented(_ bytes: [UInt8], _ index: Int) -> Bool {
        var i = index
        while i > 0, bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t") { i -= 1 }
        return i < index && (i == 0 || bytes[i - 1] == UInt8(ascii: "\n"))
    }
}
