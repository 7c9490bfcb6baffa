/// The repaired reading of an article: every unit whose UI path machine translation broke
/// (TOLK305, TOLK306), whose link text it emptied (TOLK303) or whose target is empty
/// (TOLK201) read as repaired, each marked with the text as published. The terminal and
/// HTML renderers and the site show it; the Markdown projection never does.
public enum RepairedReading {
    /// `article` with its repairs made, parsed again from the repaired bytes, and each
    /// repaired unit in `Article.repaired`; the article itself when nothing needs repair.
    public static func apply(_ article: Article, memory: LabelMemory?) -> Article {
        let repairs = UnitRepairer(memory: memory, fillsEmptyTargets: true).repairs(article)
        guard !repairs.isEmpty else { return article }
        var edits: [ArticleFix.Edit] = []
        for repair in repairs {
            let unit = article.units[repair.unit]
            guard let edit = ArticleFix.Edit(repair, unit: unit, in: article.bytes) else { continue }
            edits.append(edit)
        }
        let bytes = ArticleFix.apply(edits, to: article.bytes)
        guard var repaired = try? ArticleParser().parse(bytes: bytes, path: article.path), repaired.units.count == article.units.count
        else { return article }
        let published = UnitOriginals(source: article.target, page: repaired.target, unitCount: article.units.count)
        let done = Set(edits.map(\.unit))
        for repair in repairs where done.contains(repair.unit) {
            repaired.repaired[repair.unit] = RepairedUnit(
                published: published.originals[repair.unit], rules: repair.kinds.map(\.rawValue))
        }
        repaired.analysis = nil
        return repaired
    }
}
