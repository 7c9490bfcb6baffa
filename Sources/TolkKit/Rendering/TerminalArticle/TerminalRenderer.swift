/// Renders an article as terminal help: headings, numbered steps with hanging
/// indents, UI labels highlighted, notes as callouts, tables, links, and — in
/// `both` mode — each English original under its translation.
public struct TerminalRenderer: ArticleRenderer {
    public var mode: LanguageChoice.Mode
    public var width: Int
    public var styler: TerminalStyler
    /// The language of Tolk's own words (note titles, "image"); `da` or `en`.
    public var uiLanguage: String

    public init(mode: LanguageChoice.Mode, width: Int = 80, styler: TerminalStyler = .plain, uiLanguage: String = "en") {
        self.mode = mode
        self.width = max(width, TextWrapper.minimumWidth)
        self.styler = styler
        self.uiLanguage = uiLanguage
    }

    public func render(_ article: Article) -> String {
        let lines = layout(article)
        return lines.map { styler.render($0) }.joined(separator: "\n") + "\n"
    }

    /// The styled lines, before escape codes: what tests and other front ends use.
    public func layout(_ article: Article) -> [StyledText] {
        var writer = TerminalWriter(renderer: self, article: article)
        writer.renderDocument()
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
}
