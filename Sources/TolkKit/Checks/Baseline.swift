import Foundation

/// Today's findings, recorded by fingerprint, so a team can adopt the checks on
/// an existing corpus and fail only on what is new.
public struct Baseline: Hashable, Sendable {
    /// One recorded finding: its fingerprint, rule ID, path and message.
    public struct Entry: Hashable, Sendable {
        /// The finding's fingerprint, which the baseline matches on.
        public var fingerprint: String
        /// The rule's ID.
        public var rule: String
        /// The article's path.
        public var path: String
        /// The finding's message, for people reading the file.
        public var message: String
    }

    /// The recorded findings.
    public var entries: [Entry]

    /// A baseline that records `findings`.
    public init(findings: [Finding]) {
        entries = findings.map { Entry(fingerprint: $0.fingerprint, rule: $0.ruleID, path: $0.path, message: $0.message) }
    }

    /// A baseline file that cannot be read or is not a Tolk baseline.
    public struct LoadError: Error, CustomStringConvertible {
        /// The baseline file.
        public var path: String
        /// What is wrong with it.
        public var message: String
        public var description: String { "\(path):1:1: error: \(message)" }
    }

    /// The baseline file: JSON, one entry per finding, sorted, so diffs are readable.
    public func serialized() -> String {
        let items = entries.sorted { ($0.path, $0.fingerprint) < ($1.path, $1.fingerprint) }.map { e in
            JSONValue.object([
                ("fingerprint", .string(e.fingerprint)), ("rule", .string(e.rule)), ("path", .string(e.path)),
                ("message", .string(e.message)),
            ])
        }
        return JSONValue.object([("tolkBaseline", .int(1)), ("findings", .array(items))]).serialized() + "\n"
    }

    /// Reads the baseline file at `path`, as `--write-baseline` writes it.
    public static func load(_ path: String) throws(LoadError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, message: "cannot read the baseline file")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["tolkBaseline"] as? Int == 1,
            let items = object["findings"] as? [[String: Any]]
        else {
            throw LoadError(
                path: path, message: "not a tolk baseline (expected {\"tolkBaseline\": 1, \"findings\": […]}, as --write-baseline writes)")
        }
        var baseline = Baseline(findings: [])
        baseline.entries = items.compactMap { item in
            guard let fingerprint = item["fingerprint"] as? String else { return nil }
            return Entry(
                fingerprint: fingerprint, rule: item["rule"] as? String ?? "", path: item["path"] as? String ?? "",
                message: item["message"] as? String ?? "")
        }
        return baseline
    }

    /// The findings the baseline does not know (each entry hides one finding with
    /// its fingerprint), and the entries that matched nothing.
    public func filter(_ findings: [Finding]) -> (new: [Finding], hidden: Int, stale: [Entry]) {
        var remaining: [String: [Entry]] = [:]
        for entry in entries { remaining[entry.fingerprint, default: []].append(entry) }
        var new: [Finding] = []
        var hidden = 0
        for finding in findings {
            if var list = remaining[finding.fingerprint], !list.isEmpty {
                list.removeLast()
                remaining[finding.fingerprint] = list
                hidden += 1
            } else {
                new.append(finding)
            }
        }
        let stale = remaining.values.flatMap { $0 }.sorted { ($0.path, $0.fingerprint) < ($1.path, $1.fingerprint) }
        return (new, hidden, stale)
    }
}
