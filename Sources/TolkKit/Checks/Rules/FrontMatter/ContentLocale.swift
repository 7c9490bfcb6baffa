/// TOLK602: `ms.contentlocale` missing, or not the locale of the folder the article is in.
public struct ContentLocale: Rule {
    public static let id = "TOLK602"
    public static let name = "content-locale"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "`ms.contentlocale` is missing or does not match the article's locale folder."
    public static let explanation = """
        `ms.contentlocale` tells the docs site which language an article is in. Each locale keeps its \
        articles in a folder named after it (`da-DK/…`), so an article whose value is missing or names \
        another locale was copied from another tree or has damaged metadata, and is served to the wrong \
        readers. Set `ms.contentlocale` to the locale of the folder. Articles without front matter (include \
        files) are not checked.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        guard let frontMatter = article.frontMatter else { return }
        let folder = LocaleFolder(path: article.path)
        guard let entry = frontMatter.metadataEntry("ms.contentlocale"), let locale = frontMatter.localization.contentLocale else {
            let fix =
                folder.map { "add `ms.contentlocale: \($0.name)`" } ?? "add `ms.contentlocale:` with the article's locale, such as da-DK"
            let state = frontMatter.metadataEntry("ms.contentlocale") == nil ? "has no" : "has an empty"
            report.add("the front matter \(state) `ms.contentlocale`: \(fix)", at: frontMatter.range.start, key: "missing")
            return
        }
        guard let folder, locale.lowercased() != folder.key else { return }
        report.add(
            "`ms.contentlocale` is \(locale) but the article is in the \(folder.name) folder (\(folder.name)/\(folder.relativePath)): "
                + "set it to \(folder.name), or move the article to the \(locale) tree",
            at: FrontMatter.valueLocation(entry, in: article.bytes), key: "mismatch:" + folder.key)
    }
}
