/// Renders an article as terminal help: headings, numbered steps with hanging
/// indents, UI labels highlighted, notes as callouts, tables, links, and — in
/// `both` mode — each English original under its translation.
public struct TerminalRenderer: ArticleRenderer {
    /// Which language or languages to show.
    public var mode: LanguageChoice.Mode
    /// The width to wrap to, in columns.
    public var width: Int
    /// How styles become escape codes.
    public var styler: TerminalStyler
    /// The language of Tolk's own words (note titles, "image"); `da` or `en`.
    public var uiLanguage: String
    /// Live status: a panel above the article, and each value again beside the step that describes it.
    public var status: StatusPresentation?
    /// A last line for the panel, such as "Refreshing every 2 seconds".
    public var statusFooter: String?

    /// A renderer for `mode` at `width` columns, styled by `styler`.
    public init(
        mode: LanguageChoice.Mode, width: Int = 80, styler: TerminalStyler = .plain, uiLanguage: String = "en",
        status: StatusPresentation? = nil
    ) {
        self.mode = mode
        self.width = max(width, TextWrapper.minimumWidth)
        self.styler = styler
        self.uiLanguage = uiLanguage
        self.status = status
    }

    /// The article as terminal text, with the styler's escape codes.
    public func render(_ article: Article) -> String {
        let lines = layout(article)
        return lines.map { styler.render($0) }.joined(separator: "\n") + "\n"
    }

    /// The styled lines, before escape codes: what tests and other front ends use.
    public func layout(_ article: Article) -> [StyledText] {
        var writer = TerminalWriter(renderer: self, article: article)
        if let status {
            writer.lines = TerminalStatusPanel(width: width, styler: styler).layout(status, footer: statusFooter)
            writer.lines.append(StyledText())
        }
        writer.renderDocument()
        writer.repairNote()
        return writer.finish()
    }
}

/// Tolk's own words in the terminal, in Danish or English.
enum TerminalWords {
    static func noteTitle(_ kind: Note.Kind, _ language: String) -> String {
        let da = language == "da"
        switch kind {
        case .note: return da ? "Bemærk" : "Note"
        case .tip: return da ? "Tip" : "Tip"
        case .important: return da ? "Vigtigt" : "Important"
        case .warning: return da ? "Advarsel" : "Warning"
        case .caution: return da ? "Forsigtig" : "Caution"
        case .video: return "Video"
        case .other(let s): return s.capitalized
        }
    }

    static func image(_ language: String) -> String { language == "da" ? "billede" : "image" }

    /// The mark after a repaired unit.
    static let repairMark = "†"

    static func repairNote(_ language: String) -> String {
        language == "da"
            ? "rettet: en UI-sti, et linkord eller en tom oversættelse, som maskinoversættelsen ødelagde, vises ud fra de andre artikler eller den engelske tekst (tolk show --no-repair viser teksten som udgivet)"
            : "repaired: a UI path, link text or empty translation that machine translation broke, shown from the other articles or the English (tolk show --no-repair shows the text as published)"
    }

    static func asPublished(_ language: String) -> String { language == "da" ? "Udgivet:" : "As published:" }
}
