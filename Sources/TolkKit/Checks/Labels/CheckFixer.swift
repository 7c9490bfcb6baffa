/// Fixes the findings of one article file that `ArticleFix` can fix, in rounds until a
/// check of the result finds nothing more to fix (a repair may leave a double space the
/// next round removes), so that a second `tolk check --fix` changes nothing.
public struct CheckFixer: Sendable {
    /// The checker whose findings are fixed.
    public var checker: Checker
    /// Label memories by locale, from the whole checked set.
    public var memories: [String: LabelMemory]
    static let rounds = 4

    /// A fixer that checks with `checker` and repairs with the label memory of each language in `memories`.
    public init(checker: Checker, memories: [String: LabelMemory]) {
        self.checker = checker
        self.memories = memories
    }

    /// What fixing one file did.
    public struct FileFix: Sendable {
        /// The article file.
        public var path: String
        /// The file's bytes before the fix.
        public var original: [UInt8]
        /// The file's bytes after the fix.
        public var fixed: [UInt8]
        /// One edit per changed unit, against the original bytes, naming every fix made in it.
        public var edits: [ArticleFix.Edit]
        /// Fixable findings before, and after, the fix.
        public var fixedFindings: Int
        /// Fixable findings left after the last round.
        public var remainingFixable: Int
    }

    /// The file at `path` fixed in memory, given its findings; nil when nothing could be fixed.
    public func fix(_ article: Article, findings: [Finding]) -> FileFix? {
        let article = Checker.analyzed(article)
        let memory = memories[LabelFacts.locale(of: article)]
        var current = article
        var currentFindings = findings.filter { ArticleFix.fixableRules.contains($0.ruleID) }
        let before = currentFindings.count
        var summaries: [Int: [ArticleFix.Edit]] = [:]
        for _ in 0..<Self.rounds {
            let edits = ArticleFix.edits(current, findings: currentFindings, memory: memory)
            guard !edits.isEmpty else { break }
            for edit in edits { summaries[edit.unit, default: []].append(edit) }
            let bytes = ArticleFix.apply(edits, to: current.bytes)
            guard let next = try? ArticleParser(analyzesUnits: true).parse(bytes: bytes, path: article.path),
                next.units.count == article.units.count
            else { break }
            current = next
            currentFindings = checker.check(current).findings.filter { ArticleFix.fixableRules.contains($0.ruleID) }
        }
        guard current.bytes != article.bytes else { return nil }
        var edits: [ArticleFix.Edit] = []
        for (old, new) in zip(article.units, current.units) where old.target != new.target {
            let made = summaries[old.index] ?? []
            var edit = ArticleFix.Edit(
                unit: old.index, range: old.targetRange.byteRange, replacement: new.target, rule: made.first?.rule ?? "",
                location: made.map(\.location).min() ?? old.targetRange.start, summary: made.map(\.summary).joined(separator: "; "))
            edit.sources = Array(Set(made.flatMap(\.sources))).sorted()
            edits.append(edit)
        }
        return FileFix(
            path: article.path, original: article.bytes, fixed: current.bytes, edits: edits,
            fixedFindings: max(0, before - currentFindings.count), remainingFixable: currentFindings.count)
    }
}
