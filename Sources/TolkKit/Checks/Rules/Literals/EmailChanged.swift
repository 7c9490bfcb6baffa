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
        for unit in article.units where !unit.isTargetEmpty && unit.source.containsBytes("@") {
            let source = article.syntax(.source, unit)
            guard !source.emails.isEmpty else { continue }
            let target = article.syntax(.target, unit)
            LiteralComparison(noun: "e-mail address", differsAdvice: "copy the address from the English", normalize: { $0.lowercased() })
                .compare(unit, source: source.emails, target: target.emails, in: target, &report)
        }
    }
}
