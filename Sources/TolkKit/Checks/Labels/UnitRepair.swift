/// A translation unit's target text with what machine translation broke put right: a
/// broken UI path rewritten from the label memory, a split bold label joined, an emptied
/// link text or an empty target filled with the English. What `tolk show` reads instead
/// of the published text, and what `tolk check --fix` writes back.
public struct UnitRepair: Hashable, Sendable {
    /// What was repaired, by the rule that reports it.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A broken UI path rewritten from the label memory (TOLK305).
        case uiPath = "TOLK305"
        /// A split bold label joined (TOLK306).
        case labelSplit = "TOLK306"
        /// An emptied link text filled (TOLK303).
        case emptyLinkText = "TOLK303"
        /// An empty target filled with the English (TOLK201).
        case emptyTarget = "TOLK201"
    }

    /// One label written into a repaired UI path or a joined bold run.
    public struct Label: Hashable, Sendable {
        /// The English label.
        public var english: String
        /// The memory's most frequent translation, or nil when it has none (the English is written).
        public var translation: String?
        /// How often the memory saw that translation, and in which articles.
        public var count: Int
        /// The articles the translation was seen in.
        public var articles: [String]
        /// What the repair writes.
        public var written: String { translation ?? english }
    }

    /// One change inside the unit's target text.
    public struct Edit: Hashable, Sendable {
        /// Bytes of the target text replaced.
        public var range: Range<Int>
        /// The text written in their place.
        public var replacement: String
        /// What the edit repairs.
        public var kind: Kind
        /// The labels the replacement writes (UI paths and joined labels).
        public var labels: [Label]
    }

    /// The unit's index in `Article.units`.
    public var unit: Int
    /// The edits, in order.
    public var edits: [Edit]
    /// The target text as published.
    public var published: String
    /// The target text with every edit made.
    public var repaired: String

    /// The kinds of repair made, each once, in the order of the edits.
    public var kinds: [Kind] {
        var seen: [Kind] = []
        for edit in edits where !seen.contains(edit.kind) { seen.append(edit.kind) }
        return seen
    }

    /// True when some label of the repair had no translation in the memory and is written in English.
    public var fallsBackToEnglish: Bool { edits.contains { $0.labels.contains { $0.translation == nil } } }

    /// The articles the labels' translations come from, sorted.
    public var sources: [String] { Array(Set(edits.flatMap { $0.labels.flatMap(\.articles) })).sorted() }

    init?(unit: Int, published: String, edits: [Edit]) {
        let kept = Self.disjoint(edits)
        guard !kept.isEmpty else { return nil }
        var bytes = Array(published.utf8)
        for edit in kept.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        let repaired = String(decoding: bytes, as: UTF8.self)
        guard repaired != published else { return nil }
        self.unit = unit
        self.edits = kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.published = published
        self.repaired = repaired
    }

    /// The edits that do not overlap one before them (the first found wins).
    private static func disjoint(_ edits: [Edit]) -> [Edit] {
        var kept: [Edit] = []
        for edit in edits where !kept.contains(where: { $0.range.overlaps(edit.range) || $0.range.lowerBound == edit.range.lowerBound }) {
            kept.append(edit)
        }
        return kept
    }
}
