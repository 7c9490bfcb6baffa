/// TOLK401: a URL written out in the English that the translation lost or altered.
public struct URLChanged: Rule {
    public static let id = "TOLK401"
    public static let name = "url-changed"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A bare URL or autolink of the English is missing or altered in the translation."
    public static let explanation = """
        A URL written out in the text (`https://…`, `<https://…>`, `www.…`) is something the reader \
        types or clicks, so it must stay exactly as in the English. Machine translation splits URLs \
        with spaces (`https:// \\<tenantname> .sharepoint.com`) or cuts them at a placeholder. Only \
        running text is compared: the destinations of Markdown links are checked by the link rule, \
        and a changed language segment (`/en-us/` → `/da-dk/`) is allowed. A period or comma after \
        the URL is not part of it. Copy the URL from the English unchanged.
        """

    public init() {}

    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {
        for unit in article.units where !unit.isTargetEmpty && Self.mayHaveURL(unit.source) {
            let source = article.syntax(.source, unit)
            guard !source.urls.isEmpty else { continue }
            let target = article.syntax(.target, unit)
            LiteralComparison(noun: "URL", differsAdvice: "copy the URL from the English unchanged", normalize: Self.normalized)
                .compare(unit, source: source.urls, target: target.urls, in: target, &report)
        }
    }

    static func mayHaveURL(_ text: String) -> Bool {
        text.containsBytes("://") || text.containsBytes("www.") || text.containsBytes("WWW.")
    }

    /// Scheme and host in lower case, and language segments (`/en-us/`, `/da-DK/`) neutralised.
    static func normalized(_ url: String) -> String {
        let schemeEnd = url.range(of: "://")?.upperBound ?? url.startIndex
        let hostEnd = url[schemeEnd...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? url.endIndex
        let path = url[hostEnd...].split(separator: "/", omittingEmptySubsequences: false).map { segment -> Substring in
            isLanguageSegment(segment) ? "*" : segment
        }
        return url[..<hostEnd].lowercased() + path.joined(separator: "/")
    }

    private static func isLanguageSegment(_ segment: Substring) -> Bool {
        let parts = segment.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return false }
        return (2...3).contains(parts[0].count) && parts.dropFirst().allSatisfy { (2...4).contains($0.count) }
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isLetter } }
    }
}
