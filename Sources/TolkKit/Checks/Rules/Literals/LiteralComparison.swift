/// The comparison TOLK401 (URLs) and TOLK402 (e-mail addresses) share: each
/// literal of the English must appear in the translation; a missing one is
/// reported against the translation's unmatched literal at the same position
/// ("differs"), or as missing when the translation has none left.
struct LiteralComparison {
    /// What the messages call the literal: "URL", "e-mail address".
    var noun: String
    /// The advice after "differs from the English …".
    var differsAdvice: String
    /// Makes two literals comparable (case, locale segment).
    var normalize: (String) -> String
    func compare(
        _ unit: TranslationUnit, source: [UnitSyntax.Token], target: [UnitSyntax.Token], in targetText: UnitSyntax,
        _ report: inout FindingReport
    ) {
        // Whole tokens only: a translation whose URL merely contains the English one is another URL.
        var unmatched = target
        var missing: [UnitSyntax.Token] = []
        for literal in source {
            let key = normalize(literal.text)
            if let k = unmatched.firstIndex(where: { normalize($0.text) == key }) {
                unmatched.remove(at: k)
            } else {
                missing.append(literal)
            }
        }
        var keys = OccurrenceKeys()
        for (k, literal) in missing.enumerated() {
            let key = keys.key(literal.text)
            if k < unmatched.count {
                let other = unmatched[k]
                report.add(
                    "the \(noun) \"\(other.text)\" differs from the English \"\(literal.text)\"; \(differsAdvice)",
                    at: unit.location(.target, utf8Offset: other.range.lowerBound), unit: unit, key: key)
            } else {
                report.add(
                    "the English \(noun) \"\(literal.text)\" is missing from the translation \"\(unit.target.excerpt)\"; copy it unchanged",
                    at: unit.location(.target, utf8Offset: targetText.firstVisibleOffset), unit: unit, key: key)
            }
        }
    }
}
