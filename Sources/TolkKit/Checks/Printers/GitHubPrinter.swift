/// Prints findings as GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request's files.
///
/// The first line is a plain summary (`tolk: 3 errors, 12 warnings, 0 notes in 2913
/// articles`), because GitHub shows only the first few annotations of each kind per
/// step and the log must still say how many there were. Then one command per finding:
///
/// ```
/// ::error file=articles/a.md,line=12,col=5,title=TOLK201 empty-target::unit … has an empty translation
/// ```
///
/// Notes become `::notice`. Values are escaped as the runner expects: `%`, CR and LF
/// everywhere, and also `:` and `,` in properties; other control characters are dropped.
public struct GitHubPrinter: FindingPrinter, Sendable {
    /// The directory file paths are made relative to (the repository root, usually
    /// `$GITHUB_WORKSPACE`); nil takes the report's, and without one writes paths as printed.
    public var baseDirectory: String?

    /// A printer that writes paths relative to `baseDirectory` when given.
    public init(baseDirectory: String? = nil) {
        self.baseDirectory = baseDirectory
    }

    /// The summary line, then one workflow command per finding.
    public func render(_ report: CheckReport) -> String {
        var output = "tolk: " + FindingSummary(report).sentence + "\n"
        let base = baseDirectory ?? report.paths.baseDirectory
        for finding in report.findings {
            let path = ArtifactPath.relative(finding.path, to: base) ?? report.paths.display(finding.path)
            output += command(finding, path: path) + "\n"
        }
        return output
    }

    /// The workflow command for one finding in the file at `path`.
    func command(_ finding: Finding, path: String) -> String {
        var properties = ["file=" + Self.escapeProperty(path)]
        if finding.hasLine { properties.append("line=\(finding.location.line)") }
        if finding.hasColumn { properties.append("col=\(finding.location.column)") }
        properties.append("title=" + Self.escapeProperty(finding.ruleLabel))
        return "::\(Self.command(finding.severity)) " + properties.joined(separator: ",") + "::" + Self.escapeData(finding.message)
    }

    static func command(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// A message escaped for a workflow command: `%`, CR and LF. Other control
    /// characters (ESC, BEL, C1, but not tab) are dropped: the log viewer would act on
    /// escape sequences that came from article text.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x25: result += "%25"
            case 0x0D: result += "%0D"
            case 0x0A: result += "%0A"
            case 0x09: result += "\t"
            case 0..<0x20, 0x7F..<0xA0: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property value escaped for a workflow command: as a message, and also `:` and `,`,
    /// which would end the value.
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
