/// TOLK601: front matter that is not valid YAML.
public struct FrontMatterYAML: Rule {
    public static let id = "TOLK601"
    public static let name = "front-matter-yaml"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "The front matter is not valid YAML."
    public static let explanation = """
        The block between the `---` lines must be YAML, or the docs build drops the article's metadata \
        (title, locale, translation type). Machine translation sometimes segments the front matter as \
        text, so keys are translated or units appear inside it. Fix the line the YAML error points at; \
        keys stay English, and only the `title` and `description` values are translated.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for diagnostic in article.diagnostics where diagnostic.code == "front-matter-yaml" {
            let unit = article.units.first { $0.area == .frontMatter }
            var message = diagnostic.message.replacingOccurrences(of: "; keys were recovered line by line", with: "")
            if let unit {
                message += "; it holds translation unit \(unit.id) (\"\(unit.target.excerpt)\"), so the front matter was translated as text"
            }
            report.add(message + ": restore the English keys and YAML syntax", at: diagnostic.location, key: "yaml")
        }
    }
}
