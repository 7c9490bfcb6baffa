/// Lays a status presentation out for the terminal: a panel for above the
/// article, and the one-line annotation shown again beside the step that
/// describes each field.
///
/// ```
/// ┃ Status · ./password-sync-status.sh · læst lige nu
/// ┃ ✓ Synkronisering af adgangskode aktiveret  Sand
/// ┃ ! Synkronisering af sidste adgangskode     20. november 2026 kl. 09.15 (for 6 dage siden)
/// ┃     Advarsel: mere end 3 dage siden.
/// ┃     Dette viser en advarsel og et link til et fejlfindingsværktøj, …
/// ┃     Se https://learn.microsoft.com/…
/// ```
public struct TerminalStatusPanel: Sendable {
    /// The panel's width in columns.
    public var width: Int
    /// How styles become escape codes.
    public var styler: TerminalStyler
    private let wrapper = TextWrapper()

    /// A panel `width` columns wide (no narrower than the wrapper's minimum), styled by `styler`.
    public init(width: Int = 80, styler: TerminalStyler = .plain) {
        self.width = max(width, TextWrapper.minimumWidth)
        self.styler = styler
    }

    /// The style for `level`: success, or bold warning or error.
    public static func style(_ level: StatusLevel) -> TextStyle {
        switch level {
        case .ok: .success
        case .warning: [.warning, .bold]
        case .error: [.error, .bold]
        }
    }

    /// The panel's styled lines, before escape codes.
    public func layout(_ p: StatusPresentation, footer: String? = nil) -> [StyledText] {
        let bar = StyledText("┃ ", style: Self.style(p.level).subtracting(.bold))
        var lines: [StyledText] = []
        var header = StyledText(p.words.title, style: [.heading])
        header += StyledText(" · " + p.origin, style: .dim)
        header += StyledText(" · " + p.read + (p.observed.map { " · " + $0 } ?? ""), style: .dim)
        lines += wrapper.wrap(styler.prepareForLayout(header), width: width, firstPrefix: bar, restPrefix: bar + "  ")
        if let problem = p.sourceProblem {
            lines += wrapper.wrap(
                StyledText("✗ ", style: Self.style(.error)) + StyledText(problem, style: .error), width: width, firstPrefix: bar,
                restPrefix: bar + "  ")
        }
        let labelWidth = min(p.fields.map { StyledText($0.label).displayWidth }.max() ?? 0, max(12, (width - 4) * 2 / 3))
        for field in p.fields {
            let mark = StyledText(field.mark + " ", style: Self.style(field.level))
            let label = StyledText(field.label, style: .uiLabel)
            let value = self.value(field)
            let labelCells = label.displayWidth
            let indent = StyledText(String(repeating: " ", count: 2 + labelWidth + 2))
            if labelCells <= labelWidth, 2 + labelWidth + 2 + value.displayWidth <= width - 2 || value.isEmpty {
                let pad = StyledText(String(repeating: " ", count: labelWidth - labelCells + 2))
                lines += wrapper.wrap(
                    styler.prepareForLayout(value), width: width, firstPrefix: bar + mark + label + pad, restPrefix: bar + indent)
            } else {
                lines += wrapper.wrap(styler.prepareForLayout(label), width: width, firstPrefix: bar + mark, restPrefix: bar + "  ")
                if !value.isEmpty {
                    lines += wrapper.wrap(styler.prepareForLayout(value), width: width, firstPrefix: bar + "    ", restPrefix: bar + "    ")
                }
            }
            lines += details(field, prefix: bar + "    ", words: p.words)
        }
        if let footer { lines.append(bar + StyledText(footer, style: .dim)) }
        return lines
    }

    /// Explanation lines under a field that is not ✓: the message, the remedy and the link.
    func details(_ field: StatusPresentation.Field, prefix: StyledText, words: StatusWords) -> [StyledText] {
        guard field.level != .ok, field.result.finding != .sourceFailed else { return [] }
        var lines: [StyledText] = []
        if let message = field.message {
            let head = field.result.finding?.isReadingProblem == true ? "" : words.levelWord(field.level) + ": "
            let text = StyledText(head + message + ".", style: Self.style(field.level).subtracting(.bold))
            lines += wrapper.wrap(styler.prepareForLayout(text), width: width, prefix: prefix)
        }
        if let remedy = field.remedy { lines += wrapper.wrap(styler.prepareForLayout(StyledText(remedy)), width: width, prefix: prefix) }
        if let link = field.link { lines += linkLines(link, words: words, prefix: prefix) }
        return lines
    }

    func value(_ field: StatusPresentation.Field) -> StyledText {
        guard let value = field.value else { return StyledText(field.result.finding?.isReadingProblem == true ? "—" : "", style: .dim) }
        var text = StyledText(value, style: field.level == .ok ? [.bold] : Self.style(field.level))
        if let relative = field.relative { text += StyledText(" (" + relative + ")", style: .dim) }
        return text
    }

    /// The annotation beside a step: `! Nu: 20. november 2026 kl. 09.15 (for 6 dage siden) — mere end 3 dage siden`,
    /// and the link when a rule failed.
    public func stepLines(_ field: StatusPresentation.Field, words: StatusWords, prefix: StyledText) -> [StyledText] {
        var text = StyledText(field.mark + " ", style: Self.style(field.level))
        text += StyledText(words.now + ": ", style: .bold)
        if field.value != nil { text += value(field) } else { text += StyledText(words.noValue, style: .error) }
        if let message = field.message, field.result.finding != .sourceFailed {
            text += StyledText(" — " + message, style: Self.style(field.level).subtracting(.bold))
        }
        var lines = wrapper.wrap(styler.prepareForLayout(text), width: width, firstPrefix: prefix, restPrefix: prefix + "  ")
        if let link = field.link { lines += linkLines(link, words: words, prefix: prefix + "  ") }
        return lines
    }

    /// "See URL", with the URL never broken inside (it may run past the width, so it can be copied).
    func linkLines(_ link: String, words: StatusWords, prefix: StyledText) -> [StyledText] {
        let url = StyledText(link, style: .link, link: link)
        let see = StyledText(words.moreInformation + " ")
        if prefix.displayWidth + see.displayWidth + url.displayWidth <= width { return [prefix + see + url] }
        return [prefix + StyledText(words.moreInformation + ":"), prefix + url]
    }

    /// The panel as terminal text.
    public func render(_ p: StatusPresentation, footer: String? = nil) -> String {
        layout(p, footer: footer).map { styler.render($0) }.joined(separator: "\n") + "\n"
    }
}
