/// The changes `tolk check --fix` makes to one article file: byte edits inside units'
/// target text, for the findings it knows how to fix, each naming where its words come from.
public enum ArticleFix {
    /// One change to the file's bytes.
    public struct Edit: Hashable, Sendable {
        /// The unit's index in `Article.units`.
        public var unit: Int
        /// Bytes of the file replaced.
        public var range: Range<Int>
        /// The text written in their place.
        public var replacement: String
        /// The rule whose finding the edit fixes.
        public var rule: String
        /// Where the edit starts in the file.
        public var location: SourceLocation
        /// What the edit does, for the report.
        public var summary: String
        /// The articles the translations written come from.
        public var sources: [String]

        /// A unit repair as one edit of the unit's whole target text; nil when the file's bytes
        /// there are not the unit's target (an article read from something else).
        init?(_ repair: UnitRepair, unit: TranslationUnit, in bytes: [UInt8]) {
            let range = unit.targetRange.byteRange
            guard range.upperBound <= bytes.count, bytes[range].elementsEqual(unit.target.utf8) else { return nil }
            guard let first = repair.edits.first else { return nil }
            self.unit = repair.unit
            self.range = range
            self.replacement = repair.repaired
            self.rule = first.kind.rawValue
            self.location = unit.location(.target, utf8Offset: first.range.lowerBound)
            self.summary = repair.edits.map { edit in
                let labels = edit.labels.map {
                    "\"\($0.english)\" → \"\($0.written)\"" + ($0.translation == nil ? " (English: not in the label memory)" : "")
                }
                return "[\(edit.kind.rawValue)] " + (labels.isEmpty ? "\"\(edit.replacement.excerpt)\"" : labels.joined(separator: ", "))
            }.joined(separator: "; ")
            self.sources = repair.sources
        }

        init(unit: Int, range: Range<Int>, replacement: String, rule: String, location: SourceLocation, summary: String) {
            self.unit = unit
            self.range = range
            self.replacement = replacement
            self.rule = rule
            self.location = location
            self.summary = summary
            self.sources = []
        }
    }

    /// The rules whose findings `--fix` fixes.
    public static let fixableRules: Set<String> = [
        UIPathBroken.id, UILabelSplit.id, EmptyLinkText.id, MissingSpaceAfterBold.id, SpaceBeforePunctuation.id, DoubleSpace.id,
        DoubledWord.id,
    ]

    /// The edits that fix `findings` (of `article`, analysed) that can be fixed: UI paths and split
    /// labels from `memory`, emptied link texts from the English, and the typography rules'
    /// spaces and doubled words. A unit rewritten by a repair gets no other edit in the same pass.
    public static func edits(_ article: Article, findings: [Finding], memory: LabelMemory?) -> [Edit] {
        let article = Checker.analyzed(article)
        let fixable = findings.filter { fixableRules.contains($0.ruleID) && $0.path == article.path }
        guard !fixable.isEmpty else { return [] }
        var edits: [Edit] = []
        var byUnit: [String: Set<String>] = [:]
        for finding in fixable { if let unit = finding.unitID { byUnit[unit, default: []].insert(finding.ruleID) } }
        for var repair in UnitRepairer(memory: memory, fillsEmptyTargets: false).repairs(article) {
            let unit = article.units[repair.unit]
            let rules = byUnit[unit.id] ?? []
            // Only what a finding reports (rules switched off or suppressed are left alone).
            let kept = repair.edits.filter { edit in
                // A file is not fixed with an English label: where the memory lacks one, reading shows
                // the English, but the translation is left for a translator (its words may stand nearby).
                if edit.kind == .uiPath || edit.kind == .labelSplit, edit.labels.contains(where: { $0.translation == nil }) { return false }
                return edit.kind == .uiPath
                    ? !rules.isDisjoint(with: [UIPathBroken.id, UILabelSplit.id]) : rules.contains(edit.kind.rawValue)
            }
            guard !kept.isEmpty, let narrowed = UnitRepair(unit: repair.unit, published: repair.published, edits: kept) else { continue }
            repair = narrowed
            if let edit = Edit(repair, unit: unit, in: article.bytes) { edits.append(edit) }
        }
        let repairedUnits = Set(edits.map(\.unit))
        for finding in fixable
        where [MissingSpaceAfterBold.id, SpaceBeforePunctuation.id, DoubleSpace.id, DoubledWord.id].contains(finding.ruleID) {
            guard let unit = article.units.first(where: { $0.targetRange.byteRange.contains(finding.location.offset) }),
                !repairedUnits.contains(unit.index), let edit = typography(finding, unit: unit, bytes: article.bytes)
            else { continue }
            if !edits.contains(where: { $0.range.overlaps(edit.range) || $0.range.lowerBound == edit.range.lowerBound }) {
                edits.append(edit)
            }
        }
        return edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The edit for one typography finding, read at the finding's offset.
    static func typography(_ finding: Finding, unit: TranslationUnit, bytes: [UInt8]) -> Edit? {
        let at = finding.location.offset
        let end = unit.targetRange.byteRange.upperBound
        func spaces(from i: Int) -> Int {
            var j = i
            while j < end, bytes[j] == 0x20 { j += 1 }
            return j
        }
        func edit(_ range: Range<Int>, _ replacement: String, _ summary: String) -> Edit {
            Edit(
                unit: unit.index, range: range, replacement: replacement, rule: finding.ruleID, location: finding.location, summary: summary
            )
        }
        switch finding.ruleID {
        case MissingSpaceAfterBold.id:
            guard at >= 2, bytes[at - 1] == 0x2A, bytes[at - 2] == 0x2A else { return nil }
            return edit(at..<at, " ", "[\(finding.ruleID)] a space after the bold text")
        case SpaceBeforePunctuation.id:
            let after = spaces(from: at)
            guard after > at, after < end, Array(".,:;!?".utf8).contains(bytes[after]) else { return nil }
            return edit(at..<after, "", "[\(finding.ruleID)] the space before \"\(Character(Unicode.Scalar(bytes[after])))\" removed")
        case DoubleSpace.id:
            let after = spaces(from: at)
            guard after - at >= 2 else { return nil }
            return edit(at..<after, " ", "[\(finding.ruleID)] \(after - at) spaces made one")
        case DoubledWord.id:
            var wordEnd = at
            while let c = ProseTokens.scalar(at: wordEnd, in: bytes), wordEnd < end, LocaleTraits.isLetter(c) { wordEnd += c.utf8.count }
            var start = at
            while start > unit.targetRange.start.offset, bytes[start - 1] == 0x20 { start -= 1 }
            guard wordEnd > at, start < at else { return nil }
            let word = String(decoding: bytes[at..<wordEnd], as: UTF8.self)
            return edit(start..<wordEnd, "", "[\(finding.ruleID)] the repeated \"\(word)\" removed")
        default:
            return nil
        }
    }

    /// `bytes` with `edits` (which do not overlap) made.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return out
    }
}
