/// TOLK402: an e-mail address of the English that the translation lost or altered.
public struct EmailChanged: Rule {
    public static let id = "TOLK402"
    public static let name = "email-changed"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "An e-mail address of the English is missing or altered in the translation."
    public static let explanation = """
        An e-mail address is something the reader writes to or types, so it must stay as in the \
        English; machine translation translates its parts (`user.name@…` became `bruger.navn@…`) or \
        breaks it up. Addresses are compared without regard to case, since mail systems treat \
        `All-in-sales@` and `all-in-sales@` alike, and a Danish or German compound ending \
        (`user@contoso.com-adressen`) is not part of the address. Addresses inside URLs and link \
        destinations are left to the URL and link rules. Copy the address from the English unchanged.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty && unit.source.contains("@") {
            let source = MaskedText(unit.source)
            guard !source.emails.isEmpty else { continue }
            let target = MaskedText(unit.target)
            var unmatched = target.emails
            var missing: [MaskedText.Token] = []
            for address in source.emails {
                let key = address.text.lowercased()
                if let k = unmatched.firstIndex(where: { $0.text.lowercased() == key }) {
                    unmatched.remove(at: k)
                } else if !unit.target.lowercased().contains(key) {
                    missing.append(address)
                }
            }
            var keys = OccurrenceKeys()
            for (k, address) in missing.enumerated() {
                let key = keys.key(address.text)
                if k < unmatched.count {
                    let other = unmatched[k]
                    report.add(
                        "the e-mail address \"\(other.text)\" differs from the English \"\(address.text)\"; copy the address from the English",
                        at: unit.location(.target, utf8Offset: target.offsets[other.range.lowerBound]), unit: unit, key: key)
                } else {
                    report.add(
                        "the English e-mail address \"\(address.text)\" is missing from the translation \"\(unit.target.excerpt)\"; copy it unchanged",
                        at: unit.location(.target, utf8Offset: target.firstVisibleOffset), unit: unit, key: key)
                }
            }
        }
    }
}
