/// Reads an HTML block of an article (`Block.html`, which cmark-gfm does not
/// parse) into inline content: text with its character references decoded,
/// tags read the way inline HTML is read (`InlineHTMLReader`), so the same
/// allowlist applies; block-level tags become line breaks, comments vanish.
enum HTMLBlockReader {
    /// Tags whose boundaries separate lines of text.
    static let lineTags: Set<String> = [
        "p", "div", "li", "tr", "ul", "ol", "dl", "dt", "dd", "table", "blockquote", "pre", "hr", "section",
        "h1", "h2", "h3", "h4", "h5", "h6", "address", "center", "form", "fieldset", "noscript",
    ]

    static func inlines(_ html: String) -> [Inline] {
        let bytes = Array(html.utf8)
        var out: [Inline] = []
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { out.append(.text(CharacterReferences.decode(String(decoding: text, as: UTF8.self)))) }
            text.removeAll()
        }
        func lineBreak() {
            flushText()
            if let last = out.last, last != .lineBreak { out.append(.lineBreak) }
        }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), let end = tagEnd(bytes, from: i) else {
                text.append(bytes[i])
                i += 1
                continue
            }
            let raw = String(decoding: bytes[i..<end], as: UTF8.self)
            i = end
            if raw.hasPrefix("<!") || raw.hasPrefix("<?") { continue }
            let kind = InlineHTMLReader.classify(raw)
            if case .element(let name, _, _) = kind, lineTags.contains(name) {
                lineBreak()
            } else if case .element(let name, _, _) = kind, name == "td" || name == "th" {
                text.append(UInt8(ascii: " "))
            } else {
                flushText()
                out.append(.html(InlineHTML(raw: raw, kind: kind)))
            }
        }
        flushText()
        while out.first == .lineBreak { out.removeFirst() }
        while out.last == .lineBreak { out.removeLast() }
        return out
    }

    /// The index after a tag, comment or declaration that starts at `start`, or nil
    /// when the `<` starts none (then it is text).
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let next = start + 1 < bytes.count ? bytes[start + 1] : 0
        if bytes[start...].starts(with: Array("<!--".utf8)) {
            var j = start + 4
            while j + 2 < bytes.count {
                if bytes[j] == UInt8(ascii: "-"), bytes[j + 1] == UInt8(ascii: "-"), bytes[j + 2] == UInt8(ascii: ">") { return j + 3 }
                j += 1
            }
            return bytes.count
        }
        let startsName = { (b: UInt8) in (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        let closingName = next == UInt8(ascii: "/") && start + 2 < bytes.count && startsName(bytes[start + 2])
        guard startsName(next) || closingName || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else { return nil }
        var quote: UInt8?
        var j = start + 1
        while j < bytes.count {
            let b = bytes[j]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return j + 1
            }
            j += 1
        }
        return nil
    }
}

/// Decodes HTML character references in text (`&amp;`, `&#228;`, `&#xE4;`, and every
/// name of HTML5: ``HTMLEntities``); anything else stays as written. The result is
/// escaped again on output, so decoding can never produce markup.
enum CharacterReferences {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            let body = rest.dropFirst().prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }
            guard body.count <= 32, rest.dropFirst(body.count + 1).first == ";", let decoded = value(of: body) else {
                out.append("&")
                rest = rest.dropFirst()
                continue
            }
            out += decoded
            rest = rest.dropFirst(body.count + 2)
        }
        return out + rest
    }

    private static func value(of body: Substring) -> String? {
        guard body.first == "#" else { return HTMLEntities.value(of: body) }
        let digits = body.dropFirst()
        let number: UInt32?
        if digits.first == "x" || digits.first == "X" {
            number = UInt32(digits.dropFirst(), radix: 16)
        } else {
            number = UInt32(digits, radix: 10)
        }
        guard let number else { return nil }
        guard number != 0, let scalar = Unicode.Scalar(number) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}
