import Foundation

/// A YAML value from the front matter, kept whole so every key survives.
public indirect enum MetadataValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([MetadataValue])
    case mapping([MetadataEntry])

    /// The value as display text (lists joined with ", ").
    public var text: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): String(b)
        case .null: ""
        case .list(let items): items.map(\.text).joined(separator: ", ")
        case .mapping(let entries): entries.map { "\($0.key): \($0.value.text)" }.joined(separator: ", ")
        }
    }
}

/// One `key: value` of the front matter, in file order.
public struct MetadataEntry: Hashable, Sendable {
    public var key: String
    public var value: MetadataValue
    public var location: SourceLocation

    public init(key: String, value: MetadataValue, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// How the article was translated (`ms.translationtype`).
public enum TranslationType: Hashable, Sendable {
    case machine
    case human
    case other(String)

    public init(_ raw: String) {
        switch raw.uppercased() {
        case "MT": self = .machine
        case "HT": self = .human
        default: self = .other(raw)
        }
    }

    public var code: String {
        switch self {
        case .machine: "MT"
        case .human: "HT"
        case .other(let s): s
        }
    }
}

/// The six keys the localization pipeline appends, typed.
public struct LocalizationMetadata: Hashable, Sendable {
    /// `ms.openlocfilehash`: SHA-1 of the English file the translation was made from.
    public var openLocFileHash: String?
    /// `ms.sourcegitcommit`: the English repository commit.
    public var sourceGitCommit: String?
    public var translationType: TranslationType?
    /// `ms.contentlocale`, such as `da-DK`.
    public var contentLocale: String?
    /// `ms.lasthandoff` as written (MM/DD/YYYY).
    public var lastHandoff: String?
    /// `ms.lasthandoff` as a calendar date, when it parses.
    public var lastHandoffDate: DateComponents?
    /// `ms.locfileid`: the file's ID in the localization system (differs per locale).
    public var locFileID: String?

    public init() {}

    public var isEmpty: Bool {
        openLocFileHash == nil && sourceGitCommit == nil && translationType == nil
            && contentLocale == nil && lastHandoff == nil && locFileID == nil
    }
}

/// The article's YAML front matter: every key in order, plus the localization keys typed.
public struct FrontMatter: Hashable, Sendable {
    /// The text between the `---` lines, as written.
    public var raw: String
    /// The whole block including both `---` lines.
    public var range: SourceRange
    public var entries: [MetadataEntry]
    public var localization: LocalizationMetadata
    /// False when YAML could not parse the block; `entries` then holds what a
    /// line-by-line reading recovered.
    public var isValidYAML: Bool

    public init(raw: String, range: SourceRange, entries: [MetadataEntry], localization: LocalizationMetadata, isValidYAML: Bool) {
        self.raw = raw
        self.range = range
        self.entries = entries
        self.localization = localization
        self.isValidYAML = isValidYAML
    }

    /// The first value under `key`.
    public subscript(key: String) -> MetadataValue? { entries.first { $0.key == key }?.value }
}
