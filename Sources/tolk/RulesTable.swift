import TolkKit

/// `--list-rules` and `--explain`.
enum RulesTable {
    static func text() -> String {
        var out = "ID       severity  name                        summary\n"
        for rule in RuleRegistry.all {
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let name = rule.name.padding(toLength: 26, withPad: " ", startingAt: 0)
            out += "\(rule.id)  \(severity)  \(name)  \(rule.summary)\n"
        }
        return out
    }

    static func explanation(_ rule: any Rule.Type) -> String {
        "\(rule.id) \(rule.name) (default severity: \(rule.defaultSeverity.rawValue))\n\n\(rule.summary)\n\n\(rule.explanation)\n"
    }
}
