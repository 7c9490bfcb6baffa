/// Prints the report as SARIF 2.1.0, the format code-scanning services (GitHub,
/// Azure DevOps, GitLab) import.
///
/// One run: `tool.driver` names Tolk and lists one `reportingDescriptor` per rule that
/// ran (its summary, explanation and the level it ran at); each finding is a result
/// with its rule, level, message, location and `partialFingerprints["tolk/v1"]`, so a
/// service can follow a finding across edits that move it. Columns count Unicode
/// scalars, which the run declares with `columnKind: unicodeCodePoints`.
///
/// Message texts escape `[` and `]` with a backslash (and a backslash before one of
/// `[`, `]` or a backslash), because SARIF §3.11.6 reads `[text](target)` in a plain-text
/// message as an embedded link: a message quoting an emptied link `[](https://…)`
/// would otherwise lose it.
///
/// A run holds at most ``resultLimit`` results (5,000 by default, what GitHub shows of a
/// run): every error, then warnings and notes in report order; what is left out is
/// counted in the run's `properties` (`omittedResults`, `omittedResultsByLevel`) and
/// said in a `toolExecutionNotifications` entry of its invocation.
///
/// Artifact URIs are percent-encoded relative references. With a ``baseDirectory``
/// they are relative to it and carry `uriBaseId: SRCROOT` (the run maps `SRCROOT` to
/// the directory's `file://` URI); paths outside it are written as they are.
public struct SARIFPrinter: FindingPrinter, Sendable {
    /// The directory artifact URIs are made relative to (the repository root, usually);
    /// nil takes the report's (``ReportPaths/baseDirectory``), and without one writes
    /// paths as the findings have them.
    public var baseDirectory: String?
    /// Whether the run lists the files with findings in `artifacts`, and results point
    /// at them by index.
    public var includesArtifacts: Bool

    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let baseID = "SRCROOT"
    static let fingerprintKey = "tolk/v1"

    /// The most results the run holds: every error, then warnings and notes up to this
    /// many (`SARIFResultLimit`); nil keeps every finding.
    public var resultLimit: Int?

    /// GitHub code scanning shows the first 5,000 results of a run.
    public static let gitHubResultLimit = 5000

    /// A printer that makes URIs relative to `baseDirectory` when given, lists artifacts
    /// when `includesArtifacts` is set, and keeps at most `resultLimit` results (but
    /// every error).
    public init(baseDirectory: String? = nil, includesArtifacts: Bool = false, resultLimit: Int? = gitHubResultLimit) {
        self.baseDirectory = baseDirectory
        self.includesArtifacts = includesArtifacts
        self.resultLimit = resultLimit
    }

    /// The SARIF log as JSON text, ended by a newline.
    public func render(_ report: CheckReport) -> String {
        document(report).serialized(indent: 2) + "\n"
    }

    /// The SARIF log as a JSON value.
    public func document(_ report: CheckReport) -> JSONValue {
        let descriptors = SARIFRuleDescriptors(report)
        let baseDirectory = self.baseDirectory ?? report.paths.baseDirectory
        let limited = SARIFResultLimit(report.findings, limit: resultLimit)
        let artifacts = SARIFArtifactTable(limited.kept, baseDirectory: baseDirectory)
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver(report, descriptors))]))
        ]
        if let baseDirectory, artifacts.usesBase {
            let base = JSONValue.object([("uri", .string(ArtifactPath.directoryURI(baseDirectory)))])
            run.append(("originalUriBaseIds", .object([(Self.baseID, base)])))
        }
        if includesArtifacts {
            run.append(("artifacts", .array(artifacts.entries.map { .object([("location", location($0))]) })))
        }
        if let resultLimit, limited.omittedCount > 0 {
            let notification = JSONValue.object([
                ("level", .string("warning")),
                ("message", .object([("text", .string(Self.plainText(limited.notice(total: report.findings.count, limit: resultLimit))))])),
            ])
            run.append(
                (
                    "invocations",
                    .array([.object([("executionSuccessful", .bool(true)), ("toolExecutionNotifications", .array([notification]))])])
                ))
        }
        run.append(("results", .array(limited.kept.map { result($0, descriptors, artifacts) })))
        run.append(("columnKind", .string("unicodeCodePoints")))
        var properties: [(String, JSONValue)] = []
        if !report.staleBaselineEntries.isEmpty || report.baselineSuppressed > 0 {
            properties.append(("baselineSuppressed", .int(report.baselineSuppressed)))
            properties.append(("staleBaselineEntries", .array(report.staleBaselineEntries.map { .string($0) })))
        }
        if limited.omittedCount > 0 {
            properties.append(("omittedResults", .int(limited.omittedCount)))
            let levels = [Diagnostic.Severity.warning, .note].compactMap { level in
                limited.omitted[level].map { (level.rawValue, JSONValue.int($0)) }
            }
            properties.append(("omittedResultsByLevel", .object(levels)))
        }
        if !properties.isEmpty { run.append(("properties", .object(properties))) }
        return .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    private func driver(_ report: CheckReport, _ descriptors: SARIFRuleDescriptors) -> JSONValue {
        .object([
            ("name", .string("tolk")),
            ("version", .string(report.toolVersion)),
            ("rules", .array(descriptors.values)),
        ])
    }

    private func result(_ finding: Finding, _ descriptors: SARIFRuleDescriptors, _ artifacts: SARIFArtifactTable) -> JSONValue {
        var physical: [(String, JSONValue)] = [
            ("artifactLocation", location(artifacts.entry(for: finding.path), indexed: includesArtifacts))
        ]
        if finding.hasLine {
            var region: [(String, JSONValue)] = [("startLine", .int(finding.location.line))]
            if finding.hasColumn { region.append(("startColumn", .int(finding.location.column))) }
            physical.append(("region", .object(region)))
        }
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.ruleID))]
        if let index = descriptors.index[finding.ruleID] { members.append(("ruleIndex", .int(index))) }
        members += [
            ("level", .string(finding.severity.rawValue)),
            ("message", .object([("text", .string(Self.plainText(finding.message)))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(finding.fingerprint))])),
        ]
        return .object(members)
    }

    private func location(_ entry: SARIFArtifactTable.Entry, indexed: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [("uri", .string(entry.uri))]
        if entry.relativeToBase { members.append(("uriBaseId", .string(Self.baseID))) }
        if indexed { members.append(("index", .int(entry.index))) }
        return .object(members)
    }

    /// `text` as a SARIF plain-text message string: literal `[` and `]` escaped with a
    /// backslash, and a backslash doubled where it stands before `[`, `]` or another
    /// backslash, so a viewer that unescapes shows exactly `text` and finds no link in it.
    static func plainText(_ text: String) -> String {
        guard text.contains(where: { $0 == "[" || $0 == "]" || $0 == "\\" }) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            switch scalar {
            case "[", "]": result.append("\\")
            case "\\" where next == "[" || next == "]" || next == "\\": result.append("\\")
            default: break
            }
            result.append(scalar)
        }
        return String(result)
    }
}
