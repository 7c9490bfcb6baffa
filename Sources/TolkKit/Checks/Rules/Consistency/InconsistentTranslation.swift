/// TOLK701: the same English sentence or bold UI label translated in more than
/// one way across the checked articles.
public struct InconsistentTranslation: SetRule {
    public static let id = "TOLK701"
    public static let name = "inconsistent-translation"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "The same English sentence or UI label is translated in more than one way."
    public static let explanation = """
        Across the checked articles of one language, the same English sentence (of three words or more, \
        compared without whitespace and case differences) or the same short bold UI label standing as a \
        unit of its own (`**Save**`, `**Cause**`) has different translations. Readers meet one button or \
        instruction under two names, and machine translation drifts with every build. Each place that \
        differs from the most common translation is reported with the other translation and where it is: \
        use one translation everywhere, or add the term to the glossary in .tolk.yml. A label whose bold \
        only took in a neighbouring word (`**på Gem**` for `**Gem**`) is left to the Markdown rules.
        """

    public init() {}

    public func facts(_ article: Article, _ context: CheckContext) -> TranslationPairs { TranslationPairs(article) }

    /// One occurrence of a translation in the set.
    private struct Occurrence {
        var path: String
        var pair: TranslationPairs.Pair
    }

    /// One way an English text is translated, with every place it is used.
    private struct Variant {
        var translation: String
        var occurrences: [Occurrence]
        var first: Occurrence { occurrences[0] }
    }

    public func judge(_ facts: [(path: String, facts: TranslationPairs)], _ context: CheckContext) -> [Finding] {
        struct GroupKey: Hashable {
            var locale: String
            var kind: TranslationPairs.Kind
            var english: String
        }
        var groups: [GroupKey: [Occurrence]] = [:]
        for (path, article) in facts {
            for pair in article.pairs {
                let english = pair.kind == .label ? pair.english.lowercased() : pair.english
                groups[GroupKey(locale: article.locale, kind: pair.kind, english: english), default: []].append(
                    Occurrence(path: path, pair: pair))
            }
        }
        var findings: [Finding] = []
        for (key, occurrences) in groups where occurrences.count > 1 {
            let variants = Self.variants(occurrences, kind: key.kind)
            guard variants.count > 1 else { continue }
            let reference = variants[0]
            for variant in variants.dropFirst() {
                if key.kind == .label && Self.isShiftedBold(variant.translation, reference.translation) { continue }
                for occurrence in variant.occurrences {
                    findings.append(
                        finding(occurrence, variant: variant, others: variants.filter { $0.translation != variant.translation }))
                }
            }
        }
        // A label repeated in one unit's UI path is one finding.
        var seen = Set<String>()
        return findings.sorted(by: Finding.ordered).filter { seen.insert($0.fingerprint).inserted }
    }

    /// The distinct translations (without case), most used first; on a tie, the one met first in the set.
    private static func variants(_ occurrences: [Occurrence], kind: TranslationPairs.Kind) -> [Variant] {
        var byTranslation: [String: [Occurrence]] = [:]
        for occurrence in occurrences {
            let key = occurrence.pair.translation.lowercased()
            byTranslation[key, default: []].append(occurrence)
        }
        let ordered: (Occurrence, Occurrence) -> Bool = { a, b in
            a.path != b.path ? a.path < b.path : a.pair.location.offset < b.pair.location.offset
        }
        return byTranslation.values.map { list in
            let sorted = list.sorted(by: ordered)
            return Variant(translation: sorted[0].pair.translation, occurrences: sorted)
        }.sorted { a, b in
            a.occurrences.count != b.occurrences.count ? a.occurrences.count > b.occurrences.count : ordered(a.first, b.first)
        }
    }

    /// True when one label is the other with words added around it: the bold moved, the
    /// translation did not change (`på Gem` and `Gem`).
    static func isShiftedBold(_ a: String, _ b: String) -> Bool {
        let x = " " + a.lowercased() + " "
        let y = " " + b.lowercased() + " "
        return x.contains(y) || y.contains(x)
    }

    private func finding(_ occurrence: Occurrence, variant: Variant, others: [Variant]) -> Finding {
        let pair = occurrence.pair
        let what = pair.kind == .label ? "the UI label **\(pair.english.excerpt)**" : "the English \"\(pair.english.excerpt)\""
        let shown = others.prefix(2).map { other in
            let place = other.first
            let count = other.occurrences.count
            let text = Self.excerpt(other.translation, against: pair.translation)
            return "\"\(text)\" (\(count)×, e.g. \(Self.display(place.path, from: occurrence.path)):\(place.pair.location))"
        }
        let more = others.count > 2 ? " and \(others.count - 2) more" : ""
        let here = Self.excerpt(pair.translation, against: others[0].translation)
        let message = "\(what) is translated \"\(here)\" here but \(shown.joined(separator: " and "))\(more) elsewhere; use one translation"
        return Finding(
            rule: Self.self, message: message, path: occurrence.path, location: pair.location, unitID: pair.unitID,
            key: "\(pair.kind.rawValue):\(pair.english.lowercased())")
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
