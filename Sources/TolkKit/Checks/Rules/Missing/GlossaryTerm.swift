import Foundation

/// TOLK204: an English glossary term whose agreed translation the unit does not use.
public struct GlossaryTerm: Rule {
    public static let id = "TOLK204"
    public static let name = "glossary-term"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "The English has a glossary term, but the translation uses none of its agreed translations."
    public static let explanation = """
        `glossary:` in .tolk.yml maps English terms to the translations a team agreed on \
        (`Active users: [Aktive brugere]`). When a unit's source contains a term (as a whole word, in \
        any case) and its target contains none of the listed forms (in any case), the reader may meet \
        another word for the same thing than in the UI or in other articles. Emphasis markers, link \
        brackets and backticks are ignored when looking for a term or a translation. Use one of the agreed \
        translations, or add the form you need to the glossary. Units left entirely in English are \
        TOLK202's business and are not reported here.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        let glossary = context.configuration.glossary.filter { !$0.key.allSatisfy(\.isWhitespace) }.sorted { $0.key < $1.key }
        guard !glossary.isEmpty else { return }
        for unit in article.units where !unit.isTargetEmpty && unit.target.trimmingSpaces != unit.source.trimmingSpaces {
            let source = Self.plain(unit.source)
            let target = Self.plain(unit.target)
            for (term, translations) in glossary where Self.wordRange(of: term, in: source) != nil {
                guard !translations.contains(where: { target.range(of: $0, options: [.caseInsensitive]) != nil }) else { continue }
                let forms = translations.map { "\"\($0)\"" }.joined(separator: " or ")
                if let english = Self.wordRange(of: term, in: unit.target) {
                    let offset = unit.target.utf8.distance(from: unit.target.startIndex, to: english.lowerBound)
                    report.add(
                        "the glossary term \"\(term)\" is left in English in the translation; the glossary says \(forms)",
                        at: unit.location(.target, utf8Offset: offset), unit: unit, key: term)
                } else {
                    let offset = unit.target.utf8.prefix { $0 == 0x20 || $0 == 0x0A }.count
                    report.add(
                        "the English has the glossary term \"\(term)\" but the translation \"\(unit.target.excerpt)\" uses none of \(forms); "
                            + "use an agreed translation or add this one to the glossary",
                        at: unit.location(.target, utf8Offset: offset), unit: unit, key: term)
                }
            }
        }
    }

    /// The text with emphasis markers, brackets and backticks dropped and spaces collapsed, so that
    /// a term MT split with markup (`**til Aktive** brugere`) is still found; TOLK301 reports the markup.
    static func plain(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for character in text where !"*[]`".contains(character) {
            let isSpace = character.isWhitespace
            if isSpace && lastWasSpace { continue }
            out.append(isSpace ? " " : character)
            lastWasSpace = isSpace
        }
        return out
    }

    /// The first case-insensitive occurrence of `term` in `text` with no letter or digit on either side.
    static func wordRange(of term: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let found = text.range(of: term, options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : nil
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : nil
            if !(before.map { $0.isLetter || $0.isNumber } ?? false) && !(after.map { $0.isLetter || $0.isNumber } ?? false) {
                return found
            }
            searchStart = text.index(after: found.lowerBound)
        }
        return nil
    }
}
