/// A translation check. Each rule is one small type with a stable ID
/// (`TOLK` + number), a kebab-case name, a default severity and an explanation,
/// and reports findings for one article at a time.
public protocol Rule: Sendable {
    /// The stable ID, `TOLK` and a number (`TOLK503`).
    static var id: String { get }
    /// The kebab-case name (`double-space`); the configuration accepts it in place of the ID.
    static var name: String { get }
    /// The severity of the rule's findings unless the configuration changes it.
    static var defaultSeverity: Diagnostic.Severity { get }
    /// One line for the rules table.
    static var summary: String { get }
    /// One paragraph for `tolk check --explain`.
    static var explanation: String { get }

    /// Creates the rule with its built-in settings.
    init()

    /// Reports this rule's findings in one article.
    func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport)
}

/// A rule that compares articles with each other (consistency across the set).
/// It reduces each article to facts on the worker thread, then judges all facts at the end.
public protocol SetRule: Rule {
    /// What the rule keeps of one article for the final judgement.
    associatedtype Facts: Sendable, Codable
    /// Reduces one article to the facts the rule compares across the set.
    func facts(_ article: Article, _ context: CheckContext) -> Facts
    /// Compares the facts of all articles, each with its path, and returns the findings.
    func judge(_ facts: [(path: String, facts: Facts)], _ context: CheckContext) -> [Finding]
}

extension SetRule {
    public func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {}
}

/// Collects the findings of one rule in one article.
public struct FindingReport: Sendable {
    let rule: any Rule.Type
    let path: String
    let severity: Diagnostic.Severity
    /// The findings reported so far, in order.
    public private(set) var findings: [Finding] = []

    /// A report for `rule` in the article at `path`, at the rule's default severity unless given.
    public static func make(rule: any Rule.Type, path: String, severity: Diagnostic.Severity? = nil) -> FindingReport {
        FindingReport(rule: rule, path: path, severity: severity ?? rule.defaultSeverity)
    }

    init(rule: any Rule.Type, path: String, severity: Diagnostic.Severity) {
        self.rule = rule
        self.path = path
        self.severity = severity
    }

    /// Reports a finding at `location`; `key` distinguishes findings of the same rule in the same unit.
    public mutating func add(_ message: String, at location: SourceLocation, unit: TranslationUnit? = nil, key: String = "") {
        findings.append(
            Finding(rule: rule, severity: severity, message: message, path: path, location: location, unitID: unit?.id, key: key))
    }
}
