/// A placeholder in the text of a unit: a format item (`{0}`, `{IncidentId}`), a printf or
/// positional item (`%s`, `%1`), an environment variable (`%temp%`), a variable (`$true`,
/// `$_`) or a pseudo-tag (`<email address>`, `\<name\>`, `<**sitename**>`, `< topic >`).
struct Placeholder {
    /// Scalar indices in the side's `ProseText`, escapes included.
    var range: Range<Int>
    /// As written.
    var text: String
    /// What is compared: case is ignored where the consumer ignores it (variables,
    /// environment variables, pseudo-tags) and Markdown escapes are dropped.
    var key: String

    /// The placeholders outside code spans, link destinations and e-mail addresses.
    static func all(in text: ProseText) -> [Placeholder] {
        var found: [Placeholder] = []
        var i = 0
        while i < text.count {
            if text.regions[i] == .pseudoTag, text.regions[i - 1 >= 0 ? i - 1 : i] != .pseudoTag || i == 0 {
                // A tag HTML does not know, such as `<email address>`: cmark kept it as raw HTML.
                var j = i
                while j < text.count, text.regions[j] == .pseudoTag { j += 1 }
                let written = text.text(i..<j)
                found.append(Placeholder(range: i..<j, text: written, key: written.lowercased()))
                i = j
                continue
            }
            guard text.regions[i] == .prose || text.regions[i] == .url else {
                i += 1
                continue
            }
            let c = text.scalars[i]
            let next: Placeholder?
            switch c {
            case "\\" where text[i + 1] == "<": next = pseudoTag(text, open: i + 1, start: i)
            case "<" where text[i - 1] != "\\": next = pseudoTag(text, open: i, start: i)
            case "{": next = formatItem(text, at: i)
            case "%": next = percent(text, at: i)
            case "$": next = variable(text, at: i)
            default: next = nil
            }
            if let next {
                found.append(next)
                i = next.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    private static func isWordCharacter(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.properties.isAlphabetic || NumberToken.digit(c) != nil || c == "_"
    }

    /// A character a placeholder may not follow: a letter or digit of a script that spaces its
    /// words. Chinese, Japanese and Korean text runs up to a placeholder (`…、$search`).
    private static func gluesBefore(_ c: Unicode.Scalar?) -> Bool {
        guard let c, isWordCharacter(c) else { return false }
        if c.isASCII { return true }
        switch c.value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return false
        default: return true
        }
    }

    private static func isASCIIWord(_ c: Unicode.Scalar?) -> Bool {
        guard let c, c.isASCII else { return false }
        return c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_"
    }

    /// `<…>` or `\<…\>` on one line, at most 60 characters, that is neither HTML nor an autolink.
    private static func pseudoTag(_ text: ProseText, open: Int, start: Int) -> Placeholder? {
        var j = open + 1
        var end: Int?
        var contentEnd = j
        while let c = text[j], j - open <= 62 {
            if text.regions[j] == .code {
                j += 1
                continue
            }
            if c == "\n" || c == "<" { return nil }
            if c == "\\", text[j + 1] == ">" {
                contentEnd = j
                end = j + 2
                break
            }
            if c == ">" {
                contentEnd = j
                end = j + 1
                break
            }
            j += 1
        }
        guard let end, contentEnd > open + 1 else { return nil }
        let content = text.text(open + 1..<contentEnd)
        let trimmed = content.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        if content.hasPrefix("* ") || content.hasPrefix("** ") || content.hasSuffix(" *") || content.hasSuffix(" **") { return nil }
        if isHTML(trimmed) || isAutolink(trimmed) { return nil }
        return Placeholder(range: start..<end, text: text.text(start..<end), key: "<" + content.lowercased() + ">")
    }

    private static let htmlElements: Set<String> = [
        "a", "b", "big", "blockquote", "br", "code", "del", "div", "em", "font", "hr", "i", "iframe", "img", "ins",
        "kbd", "li", "ol", "p", "pre", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "td", "th",
        "tr", "tt", "u", "ul", "video", "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    private static func isHTML(_ content: String) -> Bool {
        if content.hasPrefix("!") || content.hasPrefix("?") { return true }
        var name = Substring(content)
        if name.hasPrefix("/") { name = name.dropFirst() }
        if name.hasSuffix("/") { name = name.dropLast() }
        let element = name.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let rest = name.dropFirst(element.count)
        return htmlElements.contains(element.lowercased()) && (rest.isEmpty || rest.first!.isWhitespace)
    }

    private static func isAutolink(_ content: String) -> Bool {
        if !content.contains(where: \.isWhitespace) && content.contains("@") { return true }
        guard let colon = content.firstIndex(of: ":") else { return false }
        let scheme = content[..<colon]
        return scheme.count >= 2 && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
            && content[content.index(after: colon)...].first.map { !$0.isWhitespace } ?? false
    }

    /// `{0}`, `{name}`, `{0:N2}`, `${var}`, `{}`: no spaces or quotes inside.
    private static func formatItem(_ text: ProseText, at open: Int) -> Placeholder? {
        guard isASCIIWord(text[open + 1]) || text[open + 1] == "}" else { return nil }
        var j = open + 1
        while let c = text[j], c != "}" {
            guard c.isASCII, isASCIIWord(c) || ".:,-#".unicodeScalars.contains(c), j - open <= 40 else { return nil }
            j += 1
        }
        guard text[j] == "}" else { return nil }
        let start = text[open - 1] == "$" ? open - 1 : open
        let written = text.text(start..<j + 1)
        return Placeholder(range: start..<j + 1, text: written, key: written)
    }

    /// `%temp%`, `%1`, `%1$s`, `%s`, `%-5.2f`, `%'d`, `%lld`, `%(name)s`; `%dMB` is `%d` and a
    /// unit. Not a percentage (`50%`, `50 % of`).
    private static func percent(_ text: ProseText, at start: Int) -> Placeholder? {
        guard let first = text[start + 1] else { return nil }
        let isDigit = { (c: Unicode.Scalar?) in c.map { ("0"..."9").contains($0) } ?? false }
        var j = start + 1
        var lowercased = false
        // An environment variable may be glued to the word before it (`mappen%appdata%`).
        if first.isASCII, first.properties.isAlphabetic || first == "_" {
            var k = j
            while isASCIIWord(text[k]) || text[k] == "(" || text[k] == ")" { k += 1 }
            if text[k] == "%", k - j >= 2, !isWordCharacter(text[k + 1]) {
                j = k + 1
                lowercased = true
            }
        }
        if !lowercased, gluesBefore(text[start - 1]) { return nil }
        if !lowercased, ("1"..."9").contains(first) {
            while isDigit(text[j]) { j += 1 }
            if text[j] == "$", let end = conversion(text, from: j + 1) {
                j = end
            } else if text[j] == "%" {
                j += 1  // Boost's `%1%`
            }
            guard !isWordCharacter(text[j]) || hasUnit(text, at: j) else { return nil }
        } else if !lowercased {
            if first == "(" {
                // Python's `%(name)s`.
                var k = j + 1
                while isASCIIWord(text[k]) { k += 1 }
                guard k > j + 1, text[k] == ")" else { return nil }
                j = k + 1
            }
            guard let end = conversion(text, from: j), !isWordCharacter(text[end]) || hasUnit(text, at: end) else { return nil }
            j = end
        }
        let written = text.text(start..<j)
        return Placeholder(range: start..<j, text: written, key: lowercased ? written.lowercased() : written)
    }

    /// The end of printf flags, width, precision, length and conversion from `start`, if they are one.
    private static func conversion(_ text: ProseText, from start: Int) -> Int? {
        let isDigit = { (c: Unicode.Scalar?) in c.map { ("0"..."9").contains($0) } ?? false }
        var j = start
        while let c = text[j], "-+0#'".unicodeScalars.contains(c), j - start < 4 { j += 1 }
        while isDigit(text[j]) { j += 1 }
        if text[j] == ".", isDigit(text[j + 1]) {
            j += 1
            while isDigit(text[j]) { j += 1 }
        }
        var length = 0
        while let c = text[j], "hlLqjzt".unicodeScalars.contains(c), length < 2 {
            j += 1
            length += 1
        }
        guard let c = text[j], "sdifuxXcpeEgG@".unicodeScalars.contains(c) else { return nil }
        return j + 1
    }

    /// `MB`, `GB`, `KB`, `ms`, `px`: a unit written straight after a printf item (`%dMB`).
    private static func hasUnit(_ text: ProseText, at start: Int) -> Bool {
        var j = start
        var word = ""
        while let c = text[j], c.isASCII, c.properties.isAlphabetic {
            word.unicodeScalars.append(c)
            j += 1
        }
        return !isWordCharacter(text[j]) && ["KB", "MB", "GB", "TB", "kB", "ms", "px", "pt", "Mbps", "Kbps", "Gbps"].contains(word)
    }

    /// `$true`, `$_`, `$select`; not money (`$50`) and not `US$`.
    private static func variable(_ text: ProseText, at start: Int) -> Placeholder? {
        guard !gluesBefore(text[start - 1]), let first = text[start + 1], first.isASCII,
            first.properties.isAlphabetic || first == "_"
        else { return nil }
        var j = start + 1
        while isASCIIWord(text[j]) { j += 1 }
        let written = text.text(start..<j)
        return Placeholder(range: start..<j, text: written, key: written.lowercased())
    }
}
