/// The `reportingDescriptor`s of a SARIF run and each rule's index among them.
struct SARIFRuleDescriptors {
    var values: [JSONValue] = []
    var index: [String: Int] = [:]

    init(_ report: CheckReport) {
        for (rule, severity) in report.rules where index[rule.id] == nil {
            index[rule.id] = values.count
            values.append(
                .object([
                    ("id", .string(rule.id)),
                    ("name", .string(rule.name)),
                    ("shortDescription", .object([("text", .string(SARIFPrinter.plainText(rule.summary)))])),
                    ("fullDescription", .object([("text", .string(SARIFPrinter.plainText(rule.explanation)))])),
                    ("defaultConfiguration", .object([("level", .string(severity.rawValue))])),
                    ("help", .object([("text", .string(SARIFPrinter.plainText(rule.explanation)))])),
                ]))
        }
        // A finding from a rule the report does not list still gets a descriptor, so
        // every result's ruleIndex points somewhere.
        for finding in report.findings where index[finding.ruleID] == nil {
            index[finding.ruleID] = values.count
            values.append(.object([("id", .string(finding.ruleID)), ("name", .string(finding.ruleName))]))
        }
    }
}
