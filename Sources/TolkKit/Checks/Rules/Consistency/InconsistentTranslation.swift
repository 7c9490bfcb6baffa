/// TOLK701: the same English UI label translated in more than one way across the
/// checked articles.
public struct InconsistentTranslation: SetRule {
    public static let id = "TOLK701"
    public static let name = "inconsistent-translation"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "The same English UI label is translated in more than one way."
    public static let explanation = """
        Across the checked articles of one language, the same English UI label has different \
        translations: a bold label standing as a unit of its own (`**Save**`, `**Cause**`), or a label of \
        a UI path (`**Users** \\> **Active users**`) where both languages write the path with as many \
        labels. Readers look for one button under two names, and machine translation drifts with every \
        build. Labels are compared without case, spacing and closing punctuation; a label whose bold only \
        took in a neighbouring word (`**på Gem**` for `**Gem**`) is left to the Markdown rules, and whole \
        sentences are not compared (two wordings of a sentence can both be right). Each translation in use \
        is reported once, where it first occurs, with the others beside it; none is called right. Agree on \
        one, and put it in the glossary in .tolk.yml.
        """

    public init() {}

    public func facts(_ article: Article, _ context: CheckContext) -> TranslationPairs { TranslationPairs(article) }

    /// One occurrence of a translation in the set.
    private struct Occurrence {
        var path: String
        var pair: TranslationPairs.Pair
    }

    /// One way an English label is translated, with every place it is used.
    private struct Variant {
        var translation: String
        var occurrences: [Occurrence]
        var first: Occurrence { occurrences[0] }
    }

    public func judge(_ facts: [(path: String, facts: TranslationPairs)], _ context: CheckContext) -> [Finding] {
        struct GroupKey: Hashable {
            var locale: String
            var english: String
        }
        var groups: [GroupKey: [Occurrence]] = [:]
        for (path, article) in facts {
            for pair in article.pairs {
                groups[GroupKey(locale: article.locale, english: pair.english.lowercased()), default: []].append(
                    Occurrence(path: path, pair: pair))
            }
        }
        var findings: [Finding] = []
        for (_, occurrences) in groups where occurrences.count > 1 {
            let all = Self.variants(occurrences)
            // A variant that is another with words around it: the bold moved, the translation did not.
            let variants = all.filter { v in
                !all.contains { $0.translation != v.translation && Self.isShiftedBold(v.translation, $0.translation) }
            }
            guard variants.count > 1 else { continue }
            for variant in variants {
                findings.append(finding(variant, others: variants.filter { $0.translation != variant.translation }))
            }
        }
        return findings.sorted(by: Finding.ordered)
    }

    /// The distinct translations (without case), each with its places in set order; the
    /// variants in the order they are first met.
    private static func variants(_ occurrences: [Occurrence]) -> [Variant] {
        var byTranslation: [String: [Occurrence]] = [:]
        for occurrence in occurrences {
            byTranslation[Self.comparable(occurrence.pair.translation), default: []].append(occurrence)
        }
        let ordered: (Occurrence, Occurrence) -> Bool = { a, b in
            a.path != b.path ? a.path < b.path : a.pair.location.offset < b.pair.location.offset
        }
        return byTranslation.values.map { list in
            let sorted = list.sorted(by: ordered)
            return Variant(translation: sorted[0].pair.translation, occurrences: sorted)
        }.sorted { ordered($0.first, $1.first) }
    }

    /// A translation as compared: without case, and without spaces where the language
    /// writes none (`Microsoft 客户协议 (MCA)` is `Microsoft 客户协议(MCA)`).
    static func comparable(_ translation: String) -> String {
        let lower = translation.lowercased()
        guard lower.unicodeScalars.contains(where: LocaleTraits.isUnspacedScript) else { return lower }
        return lower.filter { !$0.isWhitespace }
    }

    /// True when one label is the other with words added around it: the bold moved, the
    /// translation did not change (`på Gem` and `Gem`).
    static func isShiftedBold(_ a: String, _ b: String) -> Bool {
        let x = " " + a.lowercased() + " "
        let y = " " + b.lowercased() + " "
        return x.contains(y) || y.contains(x)
    }

    private func finding(_ variant: Variant, others: [Variant]) -> Finding {
        let occurrence = variant.first
        let pair = occurrence.pair
        let count = variant.occurrences.count
        let shown = others.prefix(2).map { other in
            let place = other.first
            return "\"\(other.translation.excerpt)\" (\(other.occurrences.count)×, e.g. "
                + "\(Self.display(place.path, from: occurrence.path)):\(place.pair.location))"
        }
        let more = others.count > 2 ? " and \(others.count - 2) more" : ""
        let message =
            "the UI label **\(pair.english.excerpt)** is translated \"\(pair.translation.excerpt)\" here (\(count)×) "
            + "and \(shown.joined(separator: " and "))\(more) elsewhere; agree on one translation and add it to the glossary"
        return Finding(
            rule: Self.self, message: message, path: occurrence.path, location: pair.location, unitID: pair.unitID,
            key: "label:\(pair.english.lowercased())|\(variant.translation.lowercased())")
    }

    /// At most 60 characters of `text`, starting shortly before where it first differs from `other`,
    /// so two long translations that share a beginning show their difference.
    static func excerpt(_ text: String, against other: String) -> String {
        let common = zip(text.lowercased(), other.lowercased()).prefix { $0 == $1 }.count
        guard text.count > 60, common > 25 else { return text.excerpt }
        return "…" + String(text.dropFirst(common - 20)).excerpt
    }

    /// `path` relative to the folder it shares with `base`, to keep messages short.
    static func display(_ path: String, from base: String) -> String {
        let a = path.split(separator: "/", omittingEmptySubsequences: false)
        let b = base.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let shared = zip(a.dropLast(), b).prefix { $0 == $1 }.count
        return a.dropFirst(shared).joined(separator: "/")
    }
}
