import Foundation
import Yams

/// `.tolk.yml`: which rules run and how severe they are, terms never to
/// translate, a glossary, and paths to skip. Found upward from the checked path.
///
/// ```yaml
/// rules:
///   TOLK203: off              # by ID or by name
///   untranslated: warning     # severity: error, warning, note, off
/// doNotTranslate: [Microsoft 365, DirSync]
/// glossary:                   # English term: allowed translations
///   Active users: [Aktive brugere]
/// skip: ["includes/**", "*-spanish.md"]
/// ```
public struct CheckConfiguration: Hashable, Sendable, Codable {
    /// Severity per rule ID; nil means the rule is off.
    public var severities: [String: Diagnostic.Severity?] = [:]
    /// Terms never to translate (`doNotTranslate`).
    public var doNotTranslate: [String] = []
    /// Allowed translations per English term (`glossary`).
    public var glossary: [String: [String]] = [:]
    /// Glob patterns of paths not to check (`skip`).
    public var skip: [String] = []
    /// Where the configuration was read from, if anywhere.
    public var path: String?

    /// The default configuration: every rule at its default severity, no glossary, nothing skipped.
    public init() {}

    /// A configuration file that cannot be read or has an error, with its position.
    public struct LoadError: Error, CustomStringConvertible {
        /// The configuration file.
        public var path: String
        /// The line of the error, from 1.
        public var line: Int
        /// The column of the error, from 1.
        public var column: Int
        /// What is wrong.
        public var message: String
        public var description: String { "\(path):\(line):\(column): error: \(message)" }
    }

    /// The nearest `.tolk.yml` in `start` (a file or folder) or a folder above it.
    public static func find(from start: String) -> String? {
        var url = URL(fileURLWithPath: start).standardizedFileURL
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            url.deleteLastPathComponent()
        }
        while true {
            let candidate = url.appendingPathComponent(".tolk.yml").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if url.path == "/" || url.path.isEmpty { return nil }
            url.deleteLastPathComponent()
        }
    }

    /// Reads the `.tolk.yml` at `path`, accepting rule IDs and names from `rules`.
    public static func load(_ path: String, rules: [any Rule.Type]) throws(LoadError) -> CheckConfiguration {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LoadError(path: path, line: 1, column: 1, message: "cannot read the configuration file")
        }
        var config = CheckConfiguration()
        config.path = path
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            if case .scanner(_, let problem, let mark, _) = error {
                throw LoadError(path: path, line: mark.line, column: mark.column, message: problem)
            }
            if case .parser(_, let problem, let mark, _) = error {
                throw LoadError(path: path, line: mark.line, column: mark.column, message: problem)
            }
            throw LoadError(path: path, line: 1, column: 1, message: "\(error)")
        } catch {
            throw LoadError(path: path, line: 1, column: 1, message: "\(error)")
        }
        guard let node else { return config }
        guard case .mapping(let top) = node else { throw fail(path, node, "expected keys rules, doNotTranslate, glossary, skip") }
        for (keyNode, value) in top {
            switch keyNode.string ?? "" {
            case "rules":
                guard case .mapping(let map) = value else {
                    throw fail(path, value, "rules: expected `RULE: error|warning|note|off` entries")
                }
                for (ruleNode, severityNode) in map {
                    let name = ruleNode.string ?? ""
                    guard let rule = rules.first(where: { $0.id.caseInsensitiveCompare(name) == .orderedSame || $0.name == name }) else {
                        throw fail(path, ruleNode, "unknown rule '\(name)'; `tolk check --list-rules` lists them")
                    }
                    let raw = (severityNode.bool == false ? "off" : severityNode.string ?? "").lowercased()
                    switch raw {
                    case "off", "false", "none": config.severities[rule.id] = .some(nil)
                    case "error", "warning", "note": config.severities[rule.id] = Diagnostic.Severity(rawValue: raw)
                    case "on", "true": config.severities[rule.id] = rule.defaultSeverity
                    default: throw fail(path, severityNode, "severity must be error, warning, note or off (got '\(raw)')")
                    }
                }
            case "doNotTranslate", "do-not-translate":
                config.doNotTranslate = try strings(path, value, "doNotTranslate")
            case "glossary":
                guard case .mapping(let map) = value else { throw fail(path, value, "glossary: expected `English term: [translations]`") }
                for (term, targets) in map {
                    config.glossary[term.string ?? ""] = try strings(path, targets, "glossary")
                }
            case "skip":
                config.skip = try strings(path, value, "skip")
            default:
                throw fail(path, keyNode, "unknown key '\(keyNode.string ?? "")'; expected rules, doNotTranslate, glossary or skip")
            }
        }
        return config
    }

    private static func strings(_ path: String, _ node: Node, _ key: String) throws(LoadError) -> [String] {
        if let single = node.scalar?.string { return [single] }
        guard case .sequence(let items) = node else { throw fail(path, node, "\(key): expected a list of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.scalar?.string else { throw fail(path, item, "\(key): expected a string") }
            out.append(s)
        }
        return out
    }

    private static func fail(_ path: String, _ node: Node, _ message: String) -> LoadError {
        LoadError(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    /// The severity a rule runs at, or nil when it is off.
    public func severity(of rule: any Rule.Type) -> Diagnostic.Severity? {
        if let configured = severities[rule.id] { return configured }
        return rule.defaultSeverity
    }

    /// True when `path` (relative to the configuration's folder or the checked root) matches a skip pattern.
    public func skips(_ relativePath: String) -> Bool {
        skip.contains { Glob.matches($0, relativePath) }
    }
}

/// `*` (within a folder), `**` (across folders) and `?` patterns. A pattern
/// without `/` matches the file name anywhere.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        if !pattern.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return match(Array(pattern.utf8)[...], Array(name.utf8)[...])
        }
        return match(Array(pattern.utf8)[...], Array(path.utf8)[...])
    }

    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == UInt8(ascii: "*") {
            let doubleStar = p.dropFirst().first == UInt8(ascii: "*")
            var rest = p.dropFirst(doubleStar ? 2 : 1)
            if doubleStar && rest.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                if i == s.endIndex || (!doubleStar && s[i] == UInt8(ascii: "/")) { return false }
                i += 1
            }
        }
        guard let c = s.first, first == UInt8(ascii: "?") ? c != UInt8(ascii: "/") : first == c else { return false }
        return match(p.dropFirst(), s.dropFirst())
    }
}
