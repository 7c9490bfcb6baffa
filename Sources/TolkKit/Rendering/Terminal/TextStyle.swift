/// How a piece of terminal text is emphasised: typographic attributes plus semantic roles.
///
/// Semantic roles (`code`, `uiLabel`, `link`, `warning`, ...) say what the text *is*;
/// ``sgrParameters`` is the one place that decides how each role looks.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Bold (or bright) text.
    public static let bold = TextStyle(rawValue: 1 << 0)
    /// Italic text (shown by most terminals; others ignore it).
    public static let italic = TextStyle(rawValue: 1 << 1)
    /// Underlined text.
    public static let underline = TextStyle(rawValue: 1 << 2)
    /// Faint text, for secondary information.
    public static let dim = TextStyle(rawValue: 1 << 3)
    /// Swapped foreground and background.
    public static let inverse = TextStyle(rawValue: 1 << 4)
    /// Inline code, commands and file names.
    public static let code = TextStyle(rawValue: 1 << 5)
    /// A label of the user interface the reader should look for ("Settings", "Save").
    public static let uiLabel = TextStyle(rawValue: 1 << 6)
    /// A heading.
    public static let heading = TextStyle(rawValue: 1 << 7)
    /// The text of a hyperlink.
    public static let link = TextStyle(rawValue: 1 << 8)
    /// A warning.
    public static let warning = TextStyle(rawValue: 1 << 9)
    /// An error.
    public static let error = TextStyle(rawValue: 1 << 10)
    /// A success message.
    public static let success = TextStyle(rawValue: 1 << 11)
    /// A note or tip.
    public static let note = TextStyle(rawValue: 1 << 12)

    /// The SGR parameters (the numbers in `ESC [ … m`) that draw this style, in ascending
    /// order; empty for plain text.
    ///
    /// Attributes combine; of several foreground colours the most urgent wins:
    /// error, warning, success, note, link, UI label, code.
    public var sgrParameters: [Int] {
        var parameters: [Int] = []
        if !isDisjoint(with: [.bold, .heading, .uiLabel, .note]) { parameters.append(1) }
        if contains(.dim) { parameters.append(2) }
        if contains(.italic) { parameters.append(3) }
        if !isDisjoint(with: [.underline, .link]) { parameters.append(4) }
        if contains(.inverse) { parameters.append(7) }
        if let color = foregroundColor { parameters.append(color) }
        return parameters
    }

    /// The SGR foreground colour code of the most urgent semantic role, if any.
    private var foregroundColor: Int? {
        let red = 31
        let green = 32
        let yellow = 33
        let blue = 34
        let cyan = 36
        let byUrgency: [(TextStyle, Int)] = [
            (.error, red), (.warning, yellow), (.success, green), (.note, blue),
            (.link, blue), (.uiLabel, cyan), (.code, yellow),
        ]
        return byUrgency.first { contains($0.0) }?.1
    }

    /// The escape sequence that switches this style on, or "" for plain text.
    public var sgrSequence: String {
        let parameters = sgrParameters
        guard !parameters.isEmpty else { return "" }
        return "\u{1B}[" + parameters.map(String.init).joined(separator: ";") + "m"
    }

    /// The escape sequence that switches every style off.
    public static let sgrReset = "\u{1B}[0m"
}
