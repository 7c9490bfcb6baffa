/// Pieces of a finding that several printers spell the same way.
extension Finding {
    /// The rule as people read it: `TOLK305 ui-path-broken`.
    var ruleLabel: String { "\(ruleID) \(ruleName)" }

    /// Whether the finding points at a line (line 0 means "the whole file").
    var hasLine: Bool { location.line >= 1 }

    /// Whether the finding points at a column within its line.
    var hasColumn: Bool { hasLine && location.column >= 1 }

    /// `line:col`, `line`, or "" when the finding is about the whole file.
    var positionText: String {
        guard hasLine else { return "" }
        return hasColumn ? "\(location.line):\(location.column)" : "\(location.line)"
    }

    /// `path:line:col` without the parts the finding does not have, with `path` as printed.
    func locationText(_ path: String) -> String {
        let position = positionText
        return position.isEmpty ? path : path + ":" + position
    }

    /// The message on one line: a line break in a message would split a
    /// `path:line:col:` record in two.
    var singleLineMessage: String {
        guard message.contains(where: \.isNewline) else { return message }
        return message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// `path:line:col: severity: [TOLK305 ui-path-broken] message`, the form
    /// compilers print and editors read, with `path` as printed.
    func compilerStyleLine(_ path: String) -> String {
        "\(locationText(path)): \(severity.rawValue): [\(ruleLabel)] \(singleLineMessage)"
    }
}
