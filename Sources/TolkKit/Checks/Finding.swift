/// A problem a rule found in an article, with where it is.
public struct Finding: Hashable, Sendable, Codable {
    /// The rule's ID (`TOLK503`).
    public var ruleID: String
    /// The rule's name (`double-space`).
    public var ruleName: String
    /// How serious the finding is.
    public var severity: Diagnostic.Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// The article's canonical path.
    public var path: String
    /// Where the problem is in the article file.
    public var location: SourceLocation
    /// The unit the finding is about, when there is one.
    public var unitID: String?
    /// What makes this finding the same finding tomorrow: rule, article, unit
    /// (by its number, not the prefix, which changes with every build) and the
    /// finding's own key. Line numbers are left out so edits elsewhere in the
    /// file do not change it.
    public var fingerprint: String

    /// A finding of `rule` in the article at `path`, at the rule's default severity unless given.
    public init(
        rule: any Rule.Type, severity: Diagnostic.Severity? = nil, message: String, path: String, location: SourceLocation,
        unitID: String? = nil, key: String = ""
    ) {
        self.ruleID = rule.id
        self.ruleName = rule.name
        self.severity = severity ?? rule.defaultSeverity
        self.message = message
        self.path = path
        self.location = location
        self.unitID = unitID
        let unitKey = unitID.flatMap { UnitID($0) }.map { ($0.isParagraph ? "p" : "") + String($0.number) } ?? unitID ?? ""
        let file = Self.lastTwoComponents(path)
        self.fingerprint = Fingerprint.make([rule.id, file, unitKey, key.isEmpty ? message : key])
    }

    /// Stable order: path, then position, then rule.
    /// `folder/file.md` of a path (its last two components, empty ones skipped).
    static func lastTwoComponents(_ path: String) -> String {
        let utf8 = path.utf8
        guard utf8.contains(0x2F) else { return path }
        var parts: [Substring] = []
        var end = path.endIndex
        var i = path.endIndex
        while i > path.startIndex, parts.count < 2 {
            let previous = utf8.index(before: i)
            if utf8[previous] == 0x2F {
                if i < end { parts.append(path[i..<end]) }
                end = previous
            }
            i = previous
        }
        if parts.count < 2, path.startIndex < end { parts.append(path[path.startIndex..<end]) }
        return parts.reversed().joined(separator: "/")
    }

    /// Whether `a` comes before `b`: by path, line, column, rule ID, then message.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

/// A short stable hash (FNV-1a, 64 bit, hex) — the same on every machine and run.
enum Fingerprint {
    static func make(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, part) in parts.enumerated() {
            if i > 0 { hash = (hash ^ 0x1F) &* 0x100_0000_01b3 }
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
