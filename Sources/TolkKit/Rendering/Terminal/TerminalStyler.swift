/// Turns styled lines into the characters to print: SGR colour sequences and OSC 8
/// hyperlinks when enabled, plain text otherwise.
///
/// Control characters in the text (C0 except "\n", DEL, C1, and so every ESC) are
/// removed, so article content can never inject escape sequences of its own.
public struct TerminalStyler: Sendable {
    /// Whether to emit SGR sequences. When false the output has no escape codes at all.
    public var color: Bool
    /// Whether to emit OSC 8 hyperlinks; only takes effect together with ``color``.
    public var hyperlinks: Bool
    /// Whether a link printed without OSC 8 is followed by its target, as `text <URL>`.
    public var showURLs: Bool

    /// Creates a styler; take `color` and `hyperlinks` from ``TerminalEnvironment``.
    public init(color: Bool, hyperlinks: Bool, showURLs: Bool = true) {
        self.color = color
        self.hyperlinks = hyperlinks
        self.showURLs = showURLs
    }

    /// A styler that prints plain text with link targets shown, for pipes and tests.
    public static let plain = TerminalStyler(color: false, hyperlinks: false)

    /// Whether links become OSC 8 hyperlinks.
    public var emitsHyperlinks: Bool { color && hyperlinks }

    /// Whether link targets are printed as text after the link.
    private var printsURLs: Bool { showURLs && !emitsHyperlinks }

    /// The text to wrap: when link targets will be printed as text, each link is
    /// followed by a run ` <URL>`, so that line widths account for it and a link cut
    /// over two lines shows its target once. ``render(_:)`` of the wrapped lines then
    /// prints no target again.
    public func prepareForLayout(_ text: StyledText) -> StyledText {
        guard printsURLs, text.runs.contains(where: { $0.link != nil }) else { return text }
        var result = StyledText()
        forEachLinkGroup(in: text.runs) { group, link in
            var linkText = ""
            for run in group {
                result.append(StyledRun(run.text, style: run.style))
                linkText += run.text
            }
            if let link, !Self.textShowsURL(linkText, link) {
                result.append(StyledRun(" <\(link)>", style: .dim))
            }
        }
        return result
    }

    /// The characters that print `line`: styled runs each followed by a reset, links as
    /// OSC 8 hyperlinks or followed by ` <URL>`, control characters removed.
    public func render(_ line: StyledText) -> String {
        var output = ""
        forEachLinkGroup(in: line.runs) { group, link in
            if let link, emitsHyperlinks {
                output += "\u{1B}]8;;" + Self.hyperlinkTarget(link) + "\u{1B}\\"
                for run in group { appendStyled(Self.sanitized(run.text), run.style, to: &output) }
                output += "\u{1B}]8;;\u{1B}\\"
                return
            }
            var linkText = ""
            for run in group {
                appendStyled(Self.sanitized(run.text), run.style, to: &output)
                linkText += run.text
            }
            if let link, printsURLs, !Self.textShowsURL(linkText, link) {
                appendStyled(" <" + Self.sanitized(link) + ">", .dim, to: &output)
            }
        }
        return output
    }

    /// The characters that print `lines`, each ended by "\n".
    public func render(lines: [StyledText]) -> String {
        var output = ""
        for line in lines {
            output += render(line)
            output += "\n"
        }
        return output
    }

    private func appendStyled(_ text: String, _ style: TextStyle, to output: inout String) {
        guard color, !text.isEmpty else {
            output += text
            return
        }
        let start = style.sgrSequence
        if start.isEmpty {
            output += text
        } else {
            output += start + text + TextStyle.sgrReset
        }
    }

    /// Calls `body` for each maximal group of neighbouring runs with the same link
    /// (a run without a link is a group of its own).
    private func forEachLinkGroup(
        in runs: [StyledRun], _ body: (ArraySlice<StyledRun>, String?) -> Void
    ) {
        var start = runs.startIndex
        while start < runs.endIndex {
            var end = start + 1
            if let link = runs[start].link {
                while end < runs.endIndex && runs[end].link == link { end += 1 }
            }
            body(runs[start..<end], runs[start].link)
            start = end
        }
    }

    /// Whether the visible text already is the target, so printing it again adds nothing.
    static func textShowsURL(_ text: String, _ url: String) -> Bool {
        text == url || "mailto:" + text == url
    }

    /// `text` without control characters: C0 other than "\n", DEL and C1.
    static func sanitized(_ text: String) -> String {
        guard containsControl(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isControl(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// A byte-level check, as most text has nothing to remove.
    private static func containsControl(_ text: String) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            // C1 controls are U+0080...U+009F, encoded as C2 80...C2 9F.
            if (byte < 0x20 && byte != 0x0A) || byte == 0x7F || (afterC2 && byte < 0xA0) {
                return true
            }
            afterC2 = byte == 0xC2
        }
        return false
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A) || (value >= 0x7F && value < 0xA0)
    }

    /// A link target fit for OSC 8: printable ASCII only (RFC 3986 percent-encoding
    /// for everything else, so a space or "é" cannot end or corrupt the sequence).
    static func hyperlinkTarget(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case 0..<0x20, 0x7F:
                continue
            case 0x21...0x7E:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += hex.count == 1 ? "%0" + hex : "%" + hex
            }
        }
        return result
    }
}
