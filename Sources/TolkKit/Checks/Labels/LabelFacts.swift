/// The UI labels one article translates: each English label (bold text, or a label of a
/// UI path) paired with the translation that stands at the same place in intact units.
/// Gathered from the analysis the check rules read; `LabelMemory` adds up the facts of
/// a whole article set.
public struct LabelFacts: Hashable, Sendable, Codable {
    /// One English label and its translation in one unit.
    public struct Pair: Hashable, Sendable, Codable {
        /// The English label.
        public var english: String
        /// The translation at the same place.
        public var translation: String
        /// True for a label of an intact UI path, paired by its separators (bold labels
        /// outside paths are paired by their order only, and more often wrongly).
        public var inPath: Bool

        /// A pair of an English label and its translation; `inPath` when it came from an intact UI path.
        public init(english: String, translation: String, inPath: Bool = false) {
            self.english = english
            self.translation = translation
            self.inPath = inPath
        }
    }

    /// `ms.contentlocale` of the article, or the locale its folder names.
    public var locale: String
    /// The article's file name without `.md`.
    public var slug: String
    /// The article's label pairs.
    public var pairs: [Pair]

    /// Labels longer than this are sentences in bold, not things on a screen.
    static let longestLabel = 60

    /// The label pairs of one article, in `locale`, for the article `slug`.
    public init(locale: String, slug: String, pairs: [Pair]) {
        self.locale = locale
        self.slug = slug
        self.pairs = pairs
    }

    /// The labels of `article`, which must carry its unit analysis (`ArticleParser(analyzesUnits: true)`).
    public init(_ article: Article) {
        locale = LabelFacts.locale(of: article)
        slug = article.slug
        pairs = []
        for unit in article.units where !unit.isTargetEmpty && unit.source.containsBytes("**") {
            pairs += Self.pairs(article.syntax(.source, unit), article.syntax(.target, unit))
        }
    }

    /// The article's locale: `ms.contentlocale`, else the locale folder it lies in, else "".
    public static func locale(of article: Article) -> String {
        if let locale = article.targetLocale, !locale.isEmpty { return locale }
        return LocaleFolder(path: article.path)?.name ?? ""
    }

    /// The labels of one unit: the labels of each intact UI path, in order, and the bold
    /// labels outside paths when both sides have as many and none is split.
    static func pairs(_ source: UnitSyntax, _ target: UnitSyntax) -> [Pair] {
        var pairs: [Pair] = []
        let sourcePaths = UIPathFinder.paths(in: source)
        let targetPaths = UIPathFinder.paths(in: target)
        if !source.separators.isEmpty {
            // Without as many `\>` as the English, no separator can be matched with its English one.
            guard source.separators.count == target.separators.count else { return [] }
            var aligned = 0
            for path in sourcePaths {
                let mapped = path.separators.compactMap { source.separators.firstIndex(of: $0) }.map { target.separators[$0] }
                guard let match = targetPaths.first(where: { $0.separators == mapped }) else { continue }
                let english = source.pathLabels(path)
                let translated = target.pathLabels(match)
                guard english.count == translated.count else { continue }
                aligned += 1
                // A path is learnt whole or not at all: one label that does not pair cleanly (`[brugere,](…)`
                // for `[Active Users](…)`) means machine translation moved words across it.
                var labels: [Pair] = []
                for (e, t) in zip(english, translated) { append(source.labelText(e), target.labelText(t), inPath: true, to: &labels) }
                if labels.count == english.count { pairs += labels }
            }
            // A unit with a broken path pairs nothing else: its bold runs are out of place.
            guard aligned == sourcePaths.count else { return pairs }
        }
        let sourceBold = source.boldOutside(sourcePaths.map(\.range))
        let targetBold = target.boldOutside(targetPaths.map(\.range))
        guard sourceBold.count == targetBold.count, sourceBold.count <= 8,
            target.adjacentBoldRuns.count <= source.adjacentBoldRuns.count
        else { return pairs }
        for (e, t) in zip(sourceBold, targetBold) {
            append(source.labelText(e.range), target.labelText(t.range), inPath: false, to: &pairs)
        }
        return pairs
    }

    private static func append(_ english: String, _ translation: String, inPath: Bool, to pairs: inout [Pair]) {
        guard !english.isEmpty, !translation.isEmpty, english.count <= longestLabel, translation.count <= longestLabel,
            !english.contains("\n"), !translation.contains("\n"), english.unicodeScalars.contains(where: \.properties.isAlphabetic),
            // Punctuation the English label has not (`(det`, `rolle, skal du`) is bold moved onto other words.
            startsAlike(english, translation), english.contains(",") || !translation.contains(",")
        else { return }
        pairs.append(Pair(english: english, translation: translation, inPath: inPath))
    }
}

extension LabelFacts {
    /// True when both labels start with a letter or digit, or with the same character.
    static func startsAlike(_ english: String, _ translation: String) -> Bool {
        guard let e = english.first, let t = translation.first else { return false }
        return e == t || ((e.isLetter || e.isNumber) && (t.isLetter || t.isNumber))
    }
}

extension UnitSyntax {
    /// The ranges of the labels of a UI path: the text between its separators, spaces trimmed.
    func pathLabels(_ path: (range: Range<Int>, separators: [Int])) -> [Range<Int>] {
        var labels: [Range<Int>] = []
        var start = path.range.lowerBound
        for separator in path.separators + [path.range.upperBound] {
            let lower = skippingSpaces(forwardFrom: start)
            let upper = max(lower, skippingSpaces(backFrom: separator))
            labels.append(lower..<upper)
            start = separator + 2
        }
        return labels
    }

    /// Strong emphasis that lies outside every range of `excluded`.
    func boldOutside(_ excluded: [Range<Int>]) -> [Emphasis] {
        emphasis.filter { span in span.isStrong && !excluded.contains { $0.overlaps(span.range) } }
    }

    /// The inner range of a label: inside its bold markers, or its link text, else itself.
    func labelInner(_ range: Range<Int>) -> Range<Int> {
        if let bold = emphasis.filter({ $0.isStrong && range.contains($0.range.lowerBound) && $0.range.upperBound <= range.upperBound })
            .min(by: { $0.range.lowerBound < $1.range.lowerBound })
        {
            if let link = links.first(where: { !$0.isImage && bold.range.contains($0.range.lowerBound) }) { return link.text }
            return bold.open.upperBound..<bold.close.lowerBound
        }
        if let link = links.first(where: { !$0.isImage && range.contains($0.range.lowerBound) }) { return link.text }
        return range
    }

    /// The words of a label as the memory keys them: inside the markers, spaces trimmed,
    /// a colon or full stop the translation moved into the bold dropped.
    func labelText(_ range: Range<Int>) -> String {
        LabelFacts.clean(text(labelInner(range)))
    }
}

extension LabelFacts {
    private static let trailing: Set<Character> = [".", ",", ":", ";", "。", "：", "，"]

    /// Label text without outer spaces, markers left inside, or trailing punctuation.
    static func clean(_ label: String) -> String {
        // By scalars: a Character's properties cost a grapheme break and a table lookup each.
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || s == "\n" || s == "\r" || (s.value >= 0x80 && s.properties.isWhitespace)
        }
        let scalars = label.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) || scalars[start] == "*" || scalars[start] == "_" {
            start = scalars.index(after: start)
        }
        while start < end {
            let last = scalars[scalars.index(before: end)]
            guard isSpace(last) || last == "*" || last == "_" || trailing.contains(Character(last)) else { break }
            end = scalars.index(before: end)
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars[start..<end] {
            if isSpace(scalar) {
                pendingSpace = true
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
