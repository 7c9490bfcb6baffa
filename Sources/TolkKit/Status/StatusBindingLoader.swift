import Foundation
import Yams

extension StatusBinding {
    /// Reads and checks a binding file; every problem names its line and column.
    public init(contentsOf path: String) throws(StatusBindingError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StatusBindingError(path: path, location: .start, message: "cannot read the status binding")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw StatusBindingError(path: path, location: .start, message: "the status binding is not UTF-8 text")
        }
        try self.init(yaml: text, path: path)
    }

    /// Reads a binding from YAML text; `path` names it in messages.
    public init(yaml text: String, path: String) throws(StatusBindingError) {
        var reader = BindingReader(path: path)
        self = try reader.read(text)
    }
}

private struct BindingReader {
    let path: String

    mutating func read(_ text: String) throws(StatusBindingError) -> StatusBinding {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                throw fail(SourceLocation(line: mark.line, column: mark.column, offset: 0), problem)
            default:
                throw fail(.start, "\(error)")
            }
        } catch {
            throw fail(.start, "\(error)")
        }
        guard let node, case .mapping(let top) = node else {
            throw fail(node.map(location) ?? .start, "expected a mapping with `fields:` (and optionally `source:`)")
        }
        var binding = StatusBinding(path: path, fields: [])
        var sawFields = false
        for (keyNode, value) in top {
            switch keyNode.string ?? "" {
            case "source": binding.source = try source(value)
            case "fields":
                sawFields = true
                guard case .sequence(let items) = value else { throw fail(value, "fields: expected a list of fields (`- label: …`)") }
                for item in items { binding.fields.append(try field(item)) }
            case "article": _ = try string(value, "article")
            default: throw unknown(keyNode, ["source", "fields", "article"])
            }
        }
        if !sawFields { throw fail(node, "the binding has no `fields:` list") }
        var seen: [String: SourceLocation] = [:]
        for f in binding.fields {
            let key = f.label.lowercased()
            if let first = seen[key] { throw fail(f.location, "the label '\(f.label)' is bound twice (first at line \(first.line))") }
            seen[key] = f.location
        }
        return binding
    }

    func source(_ node: Node) throws(StatusBindingError) -> StatusBinding.Source {
        guard case .mapping(let map) = node else { throw fail(node, "source: expected `command:` or `file:`, with optional `timeout:`") }
        var kind: StatusBinding.Source.Kind?
        var shell = false
        var timeout = StatusBinding.Source.defaultTimeout
        var observedAt: StatusKeyPath?
        var commandNode: Node?
        for (k, v) in map {
            switch k.string ?? "" {
            case "command":
                commandNode = v
                if let s = v.scalar?.string {
                    guard let argv = CommandLineSplitter.split(s), !argv.isEmpty else {
                        throw fail(v, "command: unbalanced quotes in '\(s)'")
                    }
                    kind = .command(argv, shell: false)
                } else {
                    let argv = try strings(v, "command")
                    guard !argv.isEmpty else { throw fail(v, "command: the list is empty") }
                    kind = .command(argv, shell: false)
                }
            case "file": kind = .file(try string(v, "file"))
            case "shell":
                guard let b = v.bool else { throw fail(v, "shell: expected true or false") }
                shell = b
            case "timeout":
                let text = try string(v, "timeout")
                guard let d = StatusDuration(parsing: text) else {
                    throw fail(v, "timeout: '\(text)' is not a duration such as 5s, 500ms or 1m")
                }
                timeout = d
            case "observedAt":
                let text = try string(v, "observedAt")
                guard let p = StatusKeyPath(text) else { throw fail(v, "observedAt: '\(text)' is not a key path") }
                observedAt = p
            default: throw unknown(k, ["command", "file", "shell", "timeout", "observedAt"])
            }
        }
        guard var kind else { throw fail(node, "source: give `command:` (a program to run) or `file:` (a JSON document)") }
        if case .command(let argv, _) = kind {
            if shell {
                guard commandNode?.scalar != nil else {
                    throw fail(commandNode ?? node, "command: with `shell: true`, give the command as one string")
                }
            }
            kind = .command(argv, shell: shell)
        } else if shell {
            throw fail(node, "shell: applies to `command:` only")
        }
        return StatusBinding.Source(kind: kind, timeout: timeout, observedAtKey: observedAt, location: location(node))
    }

    static let fieldKeys = [
        "label", "labels", "key", "type", "expect", "min", "max", "staleAfter", "values", "unit", "severity", "remedy", "link",
    ]

    func field(_ node: Node) throws(StatusBindingError) -> StatusBinding.Field {
        guard case .mapping(let map) = node else { throw fail(node, "a field: expected `label:`, `key:` and `type:`") }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (k, v) in map {
            let name = k.string ?? ""
            let canonical = name == "stale-after" || name == "stale_after" ? "staleAfter" : name
            guard Self.fieldKeys.contains(canonical) else { throw unknown(k, Self.fieldKeys) }
            if entries[canonical] != nil { throw fail(k, "'\(name)' is given twice") }
            entries[canonical] = (k, v)
        }
        guard let labelNode = entries["label"]?.value else { throw fail(node, "a field needs `label:`, the article's English label") }
        guard let keyNode = entries["key"]?.value else {
            throw fail(node, "the field '\(labelNode.string ?? "")' needs `key:`, where its value sits in the status document")
        }
        guard let typeNode = entries["type"]?.value else {
            throw fail(
                node,
                "the field '\(labelNode.string ?? "")' needs `type:` (\(StatusBinding.ValueType.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        let label = try string(labelNode, "label")
        let keyText = try string(keyNode, "key")
        guard let key = StatusKeyPath(keyText) else { throw fail(keyNode, "key: '\(keyText)' is not a dotted path or a JSON Pointer") }
        let typeText = try string(typeNode, "type")
        let aliases: [String: StatusBinding.ValueType] = [
            "bool": .boolean, "datetime": .dateTime, "date": .dateTime, "string": .text, "enum": .enumeration,
        ]
        guard let type = StatusBinding.ValueType(rawValue: typeText) ?? aliases[typeText] else {
            throw fail(
                typeNode, "type: '\(typeText)' is not one of \(StatusBinding.ValueType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var field = StatusBinding.Field(
            label: label.hasSuffix(":") ? String(label.dropLast()) : label, key: key, type: type, location: location(node))
        if let v = entries["labels"]?.value { field.labels = try languageMap(v, "labels") }
        if let v = entries["remedy"]?.value {
            if let s = v.scalar?.string { field.remedy = ["en": s] } else { field.remedy = try languageMap(v, "remedy") }
        }
        if let v = entries["link"]?.value {
            let link = try string(v, "link")
            guard let scheme = link.split(separator: ":").first?.lowercased(), ["http", "https", "mailto"].contains(scheme) else {
                throw fail(v, "link: '\(link)' must be an http, https or mailto URL")
            }
            field.link = link
        }
        if let v = entries["unit"]?.value { field.unit = try string(v, "unit") }
        if let v = entries["severity"]?.value {
            let s = try string(v, "severity")
            guard let level = StatusLevel(rawValue: s.lowercased()), level != .ok else {
                throw fail(v, "severity: expected warning or error (got '\(s)')")
            }
            field.severity = level
        }
        if let v = entries["values"]?.value {
            guard type == .enumeration else { throw fail(entries["values"]!.key, "values: only an enumeration has values") }
            field.values = try enumValues(v)
        } else if type == .enumeration {
            throw fail(node, "the enumeration '\(label)' needs `values:`, the values it can take")
        }
        for bound in ["min", "max"] {
            guard let (k, v) = entries[bound] else { continue }
            guard type == .number else { throw fail(k, "\(bound): only a number has \(bound)") }
            guard let n = number(v) else { throw fail(v, "\(bound): expected a number") }
            if bound == "min" { field.minimum = n } else { field.maximum = n }
        }
        if let (k, v) = entries["staleAfter"] {
            guard type == .dateTime else { throw fail(k, "staleAfter: only a date-time can be stale") }
            let text = try string(v, "staleAfter")
            guard let d = StatusDuration(parsing: text) else {
                throw fail(v, "staleAfter: '\(text)' is not a duration such as 3d, 12h or 1d12h")
            }
            field.staleAfter = d
        }
        if let v = entries["expect"]?.value { field.expected = try expected(v, field) }
        return field
    }

    func expected(_ node: Node, _ field: StatusBinding.Field) throws(StatusBindingError) -> StatusBinding.Expected {
        switch field.type {
        case .boolean:
            guard let b = node.bool else { throw fail(node, "expect: '\(field.label)' is a boolean; expected true or false") }
            return .bool(b)
        case .number:
            guard let n = number(node) else { throw fail(node, "expect: '\(field.label)' is a number; expected a number") }
            return .number(n)
        case .text:
            return .oneOf(try strings(node, "expect"))
        case .enumeration:
            let wanted = try strings(node, "expect")
            for w in wanted where !field.values.contains(where: { $0.value == w }) {
                throw fail(node, "expect: '\(w)' is not one of the values \(field.values.map(\.value).joined(separator: ", "))")
            }
            return .oneOf(wanted)
        case .dateTime:
            throw fail(node, "expect: a date-time has no expected value; use staleAfter")
        }
    }

    func enumValues(_ node: Node) throws(StatusBindingError) -> [StatusBinding.EnumValue] {
        switch node {
        case .sequence(let items):
            var out: [StatusBinding.EnumValue] = []
            for item in items { out.append(StatusBinding.EnumValue(value: try string(item, "values"))) }
            return out
        case .mapping(let map):
            var out: [StatusBinding.EnumValue] = []
            for (k, v) in map {
                let value = try string(k, "values")
                if v.scalar?.string == nil || v.null != nil {
                    out.append(StatusBinding.EnumValue(value: value, labels: try optionalLanguageMap(v)))
                } else {
                    throw fail(v, "values: '\(value)' expects `{da: …, en: …}` or nothing")
                }
            }
            return out
        default:
            throw fail(node, "values: expected a list of values, or `value: {da: …, en: …}` entries")
        }
    }

    func optionalLanguageMap(_ node: Node) throws(StatusBindingError) -> [String: String] {
        if node.null != nil { return [:] }
        return try languageMap(node, "values")
    }

    func languageMap(_ node: Node, _ key: String) throws(StatusBindingError) -> [String: String] {
        guard case .mapping(let map) = node else { throw fail(node, "\(key): expected words per language, such as `da: …` and `en: …`") }
        var out: [String: String] = [:]
        for (k, v) in map {
            let lang = (k.string ?? "").lowercased()
            guard let code = LanguageChoice.language(of: lang) else {
                throw fail(k, "\(key): '\(lang)' is not a language code such as da or en")
            }
            out[code] = try string(v, key)
        }
        return out
    }

    func number(_ node: Node) -> Double? {
        guard let s = node.scalar, s.style == .plain else { return nil }
        return Double(s.string)
    }

    func string(_ node: Node, _ key: String) throws(StatusBindingError) -> String {
        guard let s = node.scalar?.string, !s.trimmingSpaces.isEmpty else { throw fail(node, "\(key): expected a non-empty string") }
        return s.trimmingSpaces
    }

    func strings(_ node: Node, _ key: String) throws(StatusBindingError) -> [String] {
        if node.scalar != nil { return [try string(node, key)] }
        guard case .sequence(let items) = node else { throw fail(node, "\(key): expected a string or a list of strings") }
        var out: [String] = []
        for item in items { out.append(try string(item, key)) }
        return out
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, offset: 0)
    }

    func fail(_ node: Node, _ message: String) -> StatusBindingError { fail(location(node), message) }

    func fail(_ location: SourceLocation, _ message: String) -> StatusBindingError {
        StatusBindingError(path: path, location: location, message: message)
    }

    func unknown(_ keyNode: Node, _ allowed: [String]) -> StatusBindingError {
        let name = keyNode.string ?? ""
        let near = allowed.min { editDistance($0.lowercased(), name.lowercased()) < editDistance($1.lowercased(), name.lowercased()) }
        let hint = near.map { editDistance($0.lowercased(), name.lowercased()) <= 3 ? "; did you mean '\($0)'?" : "" } ?? ""
        return fail(keyNode, "unknown key '\(name)'\(hint) (expected \(allowed.joined(separator: ", ")))")
    }

    func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

/// Splits a command line into arguments the way a shell would for plain words,
/// 'single quotes', "double quotes" and backslash escapes, without running a shell.
public enum CommandLineSplitter {
    /// nil when a quote is left open.
    public static func split(_ line: String) -> [String]? {
        var args: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if let q = quote {
                if c == q {
                    quote = nil
                } else if c == "\\" && q == "\"" {
                    escaped = true
                } else {
                    current.append(c)
                }
                continue
            }
            switch c {
            case "\\":
                escaped = true
                inWord = true
            case "'", "\"":
                quote = c
                inWord = true
            case _ where c.isWhitespace:
                if inWord {
                    args.append(current)
                    current = ""
                    inWord = false
                }
            default:
                current.append(c)
                inWord = true
            }
        }
        if quote != nil || escaped { return nil }
        if inWord { args.append(current) }
        return args
    }
}
