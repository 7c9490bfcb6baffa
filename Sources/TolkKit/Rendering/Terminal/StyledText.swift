/// A stretch of text drawn in one style, optionally the text of a hyperlink.
public struct StyledRun: Hashable, Sendable {
    /// The characters, as written in the article (control characters are removed only
    /// when rendering).
    public var text: String
    /// How the text is emphasised.
    public var style: TextStyle
    /// The target of the hyperlink this text belongs to, if any.
    public var link: String?

    /// Creates a run of `text` in `style`, linking to `link` when given.
    public init(_ text: String, style: TextStyle = [], link: String? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }

    /// Whether two runs look alike and point to the same place, so they can be merged.
    func hasSameAttributes(as other: StyledRun) -> Bool {
        style == other.style && link == other.link
    }
}

/// Text made of styled runs: one paragraph, one line of output, or a prefix.
///
/// Empty runs are dropped and neighbouring runs with the same style and link are
/// merged, so two texts that look the same compare equal.
public struct StyledText: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The runs in reading (logical) order.
    public private(set) var runs: [StyledRun]

    /// Creates text from runs, dropping empty ones and merging alike neighbours.
    public init(_ runs: [StyledRun] = []) {
        self.runs = []
        self.runs.reserveCapacity(runs.count)
        for run in runs {
            append(run)
        }
    }

    /// Creates text of a single run.
    public init(_ text: String, style: TextStyle = [], link: String? = nil) {
        self.init([StyledRun(text, style: style, link: link)])
    }

    /// Creates unstyled text from a literal, handy for prefixes such as `"1.  "`.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The characters without any styling.
    public var plain: String {
        var result = ""
        for run in runs {
            result += run.text
        }
        return result
    }

    /// Whether there is no text at all.
    public var isEmpty: Bool {
        runs.isEmpty
    }

    /// Terminal columns the text occupies (it should not contain line breaks).
    public var displayWidth: Int {
        runs.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    /// Appends a run, merging it into the last run when style and link match.
    public mutating func append(_ run: StyledRun) {
        guard !run.text.isEmpty else { return }
        if let last = runs.indices.last, runs[last].hasSameAttributes(as: run) {
            runs[last].text += run.text
        } else {
            runs.append(run)
        }
    }

    /// Appends `text` in `style`, linking to `link` when given.
    public mutating func append(_ text: String, style: TextStyle = [], link: String? = nil) {
        append(StyledRun(text, style: style, link: link))
    }

    /// Appends all runs of another text.
    public mutating func append(_ other: StyledText) {
        for run in other.runs {
            append(run)
        }
    }

    /// The two texts one after the other.
    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// Appends `rhs` to `lhs`.
    public static func += (lhs: inout StyledText, rhs: StyledText) {
        lhs.append(rhs)
    }
}
