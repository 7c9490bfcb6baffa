/// One side of a unit as Unicode scalars, each marked with what it belongs to:
/// running text, inline code, a Markdown link destination, a URL or an e-mail
/// address. Every scalar keeps its UTF-8 offset in the side's text, which
/// `TranslationUnit.location(_:utf8Offset:)` turns into line:column.
///
/// The Literals and Typography rules read the text through this mask so that
/// they never look inside code or URLs, and the URL and e-mail rules get their
/// tokens from it. Everything else is opaque text (FORMAT.md §5.8).
struct MaskedText {
    enum Region: UInt8 {
        case prose
        /// An inline code span, backticks included.
        case code
        /// `(…)` after `](`, parentheses included.
        case destination
        /// A bare URL, or an autolink `<https://…>` with its brackets.
        case url
        /// An e-mail address, or an autolink `<user@example.com>` with its brackets.
        case email
    }

    /// A URL or e-mail address: where it is (scalar indices) and its text.
    struct Token: Hashable {
        var range: Range<Int>
        var text: String
    }

    let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, then the length of the text.
    let offsets: [Int]
    private(set) var regions: [Region]
    private(set) var urls: [Token] = []
    private(set) var emails: [Token] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
        regions = Array(repeating: .prose, count: scalars.count)
        scan()
        scanEmails()
    }

    var count: Int { scalars.count }

    subscript(i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// The UTF-8 offset of the first character that is not blank, where a finding about the
    /// whole text points.
    var firstVisibleOffset: Int {
        offsets[scalars.firstIndex { !$0.properties.isWhitespace } ?? 0]
    }

    func isProse(_ i: Int) -> Bool { i >= 0 && i < regions.count && regions[i] == .prose }

    func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
        return String(s)
    }

    // MARK: - Scanning

    private mutating func scan() {
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", let next = self[i + 1], next.isASCII, next.properties.isPatternSyntax {
                i += 2
            } else if c == "`" {
                i = codeSpan(at: i)
            } else if c == "]", self[i + 1] == "(", let close = closingParenthesis(from: i + 1) {
                mark(i + 1..<close + 1, .destination)
                i = close + 1
            } else if c == "<", let end = autolink(at: i) {
                i = end
            } else if let end = bareURL(at: i) {
                i = end
            } else {
                i += 1
            }
        }
    }

    /// A run of n backticks opens a code span closed by the next run of exactly n.
    private mutating func codeSpan(at start: Int) -> Int {
        var n = 0
        while self[start + n] == "`" { n += 1 }
        var j = start + n
        while j < scalars.count {
            guard scalars[j] == "`" else {
                j += 1
                continue
            }
            var m = 0
            while self[j + m] == "`" { m += 1 }
            if m == n {
                mark(start..<j + m, .code)
                return j + m
            }
            j += m
        }
        return start + n
    }

    private func closingParenthesis(from open: Int) -> Int? {
        var depth = 0
        var j = open
        while j < scalars.count, j - open < 2000 {
            switch scalars[j] {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return j }
            case "\\": j += 1
            default: break
            }
            j += 1
        }
        return nil
    }

    /// `<scheme:…>` or `<user@host>` with no spaces inside (CommonMark autolinks).
    private mutating func autolink(at start: Int) -> Int? {
        var j = start + 1
        var hasColon = false
        var hasAt = false
        while let c = self[j], c != ">" {
            if c == "<" || c == " " || c == "\n" || c == "\t" { return nil }
            if c == ":" { hasColon = true }
            if c == "@" { hasAt = true }
            j += 1
        }
        guard self[j] == ">", j > start + 1 else { return nil }
        let inner = start + 1..<j
        let body = text(inner)
        if hasColon, let colon = body.firstIndex(of: ":"), body.distance(from: body.startIndex, to: colon) >= 2,
            body[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        {
            mark(start..<j + 1, .url)
            urls.append(Token(range: inner, text: body))
        } else if hasAt, !hasColon, body.contains(".") {
            mark(start..<j + 1, .email)
            emails.append(Token(range: inner, text: body))
        } else {
            return nil
        }
        return j + 1
    }

    /// `http://`, `https://` or `www.` at a word start, to the first space, `<` (other than an
    /// escaped pseudo-tag `\<name>`), quote, backtick or `]`; trailing punctuation is not part of
    /// it (GFM's extended autolinks).
    private mutating func bareURL(at start: Int) -> Int? {
        guard "hHwW".unicodeScalars.contains(scalars[start]) else { return nil }
        if let before = self[start - 1], before.properties.isAlphabetic || ("0"..."9").contains(before) || before == "/" || before == "." {
            return nil
        }
        let head = text(start..<min(scalars.count, start + 8)).lowercased()
        guard head.hasPrefix("https://") || head.hasPrefix("http://") || head.hasPrefix("www.") else { return nil }
        var j = start
        while let c = self[j] {
            if c.properties.isWhitespace || c == "\"" || c == "`" || c == "]" || c == ">" { break }
            if c == "<" {
                guard self[j - 1] == "\\" else { break }
                var k = j + 1
                while let d = self[k], d != ">", !d.properties.isWhitespace, d != "<" { k += 1 }
                guard self[k] == ">" else { break }
                j = k + 1
                continue
            }
            j += 1
        }
        while j > start, let last = self[j - 1] {
            if "?!.,:;*_~'\\".unicodeScalars.contains(last) {
                j -= 1
            } else if last == ")", text(start..<j).filter({ $0 == "(" }).count < text(start..<j).filter({ $0 == ")" }).count {
                j -= 1
            } else {
                break
            }
        }
        guard j > start + 4 else { return nil }
        mark(start..<j, .url)
        urls.append(Token(range: start..<j, text: text(start..<j)))
        return j
    }

    /// Addresses in running text: `local@domain.tld`. A Danish compound such as
    /// `user@contoso.com-adressen` ends before the hyphen, since top-level domains have none.
    private mutating func scanEmails() {
        for at in scalars.indices where scalars[at] == "@" && regions[at] == .prose {
            var start = at
            while start > 0, isProse(start - 1), let c = self[start - 1], Self.isLocalPart(c) { start -= 1 }
            while start < at, self[start] == "." { start += 1 }
            var end = at + 1
            while isProse(end), let c = self[end], c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "-" {
                end += 1
            }
            var domain = text(at + 1..<end)
            while let last = domain.last, last == "." || last == "-" { domain.removeLast() }
            var labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard start < at, labels.count >= 2, var tld = labels.last else { continue }
            if let hyphen = tld.firstIndex(of: "-") { tld = tld[..<hyphen] }
            guard tld.count >= 2, tld.allSatisfy(\.isLetter), !labels.dropLast().contains(where: \.isEmpty) else { continue }
            labels[labels.count - 1] = tld
            let address = text(start..<at + 1) + labels.joined(separator: ".")
            let range = start..<start + address.unicodeScalars.count
            mark(range, .email)
            emails.append(Token(range: range, text: address))
        }
    }

    private static func isLocalPart(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "._%+-".unicodeScalars.contains(c))
    }

    private mutating func mark(_ range: Range<Int>, _ region: Region) {
        for k in range where k < regions.count { regions[k] = region }
    }
}
