import Foundation
import Yams

/// Reads the YAML front matter with Yams, keeping every key. When YAML fails
/// (real articles have translated keys and broken quoting), it reports a warning at the YAML error's
/// line and recovers what it can line by line, so the article is still read.
struct FrontMatterParser {
    /// Where the front matter sits: the whole block and the YAML between the fences.
    struct Bounds {
        var whole: Range<Int>
        var yaml: Range<Int>
    }

    /// Finds a front matter block: `---` on the first line, up to the next `---` line.
    static func bounds(in bytes: [UInt8]) -> Bounds? {
        guard bytes.starts(with: Array("---".utf8)) else { return nil }
        var firstEnd = 3
        while firstEnd < bytes.count, bytes[firstEnd] == 0x20 || bytes[firstEnd] == 0x09 || bytes[firstEnd] == 0x0D {
            firstEnd += 1
        }
        guard firstEnd < bytes.count, bytes[firstEnd] == 0x0A else { return nil }
        let yamlStart = firstEnd + 1
        var lineStart = yamlStart
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var content = lineEnd
            while content > lineStart, bytes[content - 1] == 0x20 || bytes[content - 1] == 0x0D || bytes[content - 1] == 0x09 {
                content -= 1
            }
            let line = bytes[lineStart..<content]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let end = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
                return Bounds(whole: 0..<end, yaml: yamlStart..<lineStart)
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    static func parse(_ bytes: [UInt8], bounds: Bounds, lines: LineTable, diagnostics: inout [Diagnostic]) -> FrontMatter {
        let text = String(decoding: bytes[bounds.yaml], as: UTF8.self)
        let firstLine = lines.location(of: bounds.yaml.lowerBound).line
        let range = lines.range(bounds.whole)
        if let entries = FlatYAML.entries(bytes[bounds.yaml], firstLine: firstLine, lines: lines) {
            return FrontMatter(raw: text, range: range, entries: entries, localization: localization(entries), isValidYAML: true)
        }
        return parseWithYams(text, range: range, firstLine: firstLine, lines: lines, diagnostics: &diagnostics)
    }

    /// The full YAML parse, for front matter `FlatYAML` does not take.
    static func parseWithYams(
        _ text: String, range: SourceRange, firstLine: Int, lines: LineTable, diagnostics: inout [Diagnostic]
    ) -> FrontMatter {
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return range.start }
            let line = firstLine + mark.line - 1
            let offset = lines.offset(line: line, byteColumn: 1)
            return SourceLocation(line: line, column: mark.column, offset: offset)
        }
        do {
            // The basic resolver skips Yams's regex-based tag resolution (a third of the
            // parse time on the corpus); `convert` types plain scalars itself.
            let node = try Yams.compose(yaml: text, .basic, .default, .utf8)
            var entries: [MetadataEntry] = []
            if case .mapping(let mapping)? = node {
                for (key, value) in mapping {
                    entries.append(MetadataEntry(key: key.string ?? "", value: convert(value), location: location(key.mark)))
                }
            } else if node != nil {
                diagnostics.append(
                    Diagnostic(
                        .warning, code: "front-matter-shape", "front matter is not a YAML mapping of keys to values", at: range.start))
            }
            return FrontMatter(raw: text, range: range, entries: entries, localization: localization(entries), isValidYAML: true)
        } catch {
            var mark: Mark?
            var problem = "\(error)"
            if let yamlError = error as? YamlError {
                switch yamlError {
                case .scanner(_, let p, let m, _), .parser(_, let p, let m, _), .composer(_, let p, let m, _):
                    mark = m
                    problem = p
                case .duplicatedKeysInMapping(let duplicates, _):
                    problem = "duplicate keys: \(duplicates.joined(separator: ", "))"
                default: break
                }
            }
            diagnostics.append(
                Diagnostic(
                    .warning, code: "front-matter-yaml", "front matter is not valid YAML (\(problem)); keys were recovered line by line",
                    at: location(mark)))
            let entries = recoverEntries(text, firstLine: firstLine, lines: lines)
            return FrontMatter(raw: text, range: range, entries: entries, localization: localization(entries), isValidYAML: false)
        }
    }

    private static func convert(_ node: Node) -> MetadataValue {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? typedPlainScalar(scalar.string) : .string(scalar.string)
        case .sequence(let seq):
            return .list(seq.map(convert))
        case .mapping(let mapping):
            return .mapping(
                mapping.map {
                    MetadataEntry(
                        key: $0.key.string ?? "", value: convert($0.value), location: SourceLocation(line: 0, column: 0, offset: 0))
                })
        case .alias:
            return .null
        }
    }

    /// YAML 1.2 core schema typing of a plain scalar: null, booleans, integers, floats.
    static func typedPlainScalar(_ s: String) -> MetadataValue {
        let bytes = s.utf8
        guard let first = bytes.first else { return .null }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        // Most values are words or hashes: decide on the first byte before comparing.
        switch first {
        case 0x7E, 0x6E, 0x4E:  // ~ n N
            if s == "~" || s == "null" || s == "Null" || s == "NULL" { return .null }
        case 0x74, 0x54:  // t T
            if s == "true" || s == "True" || s == "TRUE" { return .bool(true) }
        case 0x66, 0x46:  // f F
            if s == "false" || s == "False" || s == "FALSE" { return .bool(false) }
        case 0x2B, 0x2D, 0x2E, 0x30...0x39:
            let body = first == 0x2B || first == 0x2D ? bytes.dropFirst() : Substring(s).utf8[...]
            guard !body.isEmpty else { break }
            if body.allSatisfy(isDigit), let i = Int(s) { return .int(i) }
            if body.contains(0x2E), body.allSatisfy({ isDigit($0) || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 || $0 == 0x2D || $0 == 0x2B }),
                let d = Double(s)
            {
                return .double(d)
            }
        default: break
        }
        return .string(s)
    }

    /// Top-level `key: value` lines, for front matter YAML rejects.
    private static func recoverEntries(_ text: String, firstLine: Int, lines: LineTable) -> [MetadataEntry] {
        var entries: [MetadataEntry] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.first, !first.isWhitespace, first != "-", first != "#",
                let colon = line.firstIndex(of: ":")
            else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.contains("<") else { continue }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            let lineNumber = firstLine + i
            let location = SourceLocation(line: lineNumber, column: 1, offset: lines.offset(line: lineNumber, byteColumn: 1))
            entries.append(MetadataEntry(key: key, value: .string(value), location: location))
        }
        return entries
    }

    private static func localization(_ entries: [MetadataEntry]) -> LocalizationMetadata {
        var meta = LocalizationMetadata()
        func value(_ key: String) -> String? {
            guard let v = entries.first(where: { $0.key == key })?.value else { return nil }
            let text = v.text.trimmingSpaces
            return text.isEmpty ? nil : text
        }
        meta.openLocFileHash = value("ms.openlocfilehash")
        meta.sourceGitCommit = value("ms.sourcegitcommit")
        meta.translationType = value("ms.translationtype").map(TranslationType.init)
        meta.contentLocale = value("ms.contentlocale")
        meta.lastHandoff = value("ms.lasthandoff")
        if let handoff = meta.lastHandoff {
            let parts = handoff.split(separator: "/").compactMap { Int($0) }
            if parts.count == 3, (1...12).contains(parts[0]), (1...31).contains(parts[1]) {
                meta.lastHandoffDate = DateComponents(year: parts[2], month: parts[0], day: parts[1])
            }
        }
        meta.locFileID = value("ms.locfileid")
        return meta
    }
}
