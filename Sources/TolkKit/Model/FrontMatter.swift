import Foundation

/// A YAML value from the front matter, kept whole so every key survives.
public indirect enum MetadataValue: Hashable, Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// YAML's null (`null`, `~` or nothing).
    case null
    /// A sequence.
    case list([MetadataValue])
    /// A mapping, its entries in file order.
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
    /// The key.
    public var key: String
    /// The value.
    public var value: MetadataValue
    /// Where the entry starts in the article file.
    public var location: SourceLocation

    /// A front-matter entry `key` with its value and position.
    public init(key: String, value: MetadataValue, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// How the article was translated (`ms.translationtype`).
public enum TranslationType: Hashable, Sendable {
    /// Machine translation (`MT`).
    case machine
    /// Human translation (`HT`).
    case human
    /// Another value, as written.
    case other(String)

    /// The type a `ms.translationtype` value names: `MT`, `HT` (in any case) or another.
    public init(_ raw: String) {
        switch raw.uppercased() {
        case "MT": self = .machine
        case "HT": self = .human
        default: self = .other(raw)
        }
    }

    /// The value as the front matter writes it: `MT`, `HT` or the other value.
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
    /// `ms.translationtype`: machine or human translation.
    public var translationType: TranslationType?
    /// `ms.contentlocale`, such as `da-DK`.
    public var contentLocale: String?
    /// `ms.lasthandoff` as written (MM/DD/YYYY).
    public var lastHandoff: String?
    /// `ms.lasthandoff` as a calendar date, when it parses.
    public var lastHandoffDate: DateComponents?
    /// `ms.locfileid`: the file's ID in the localization system (differs per locale).
    public var locFileID: String?

    /// Metadata with no localisation keys set.
    public init() {}

    /// True when none of the six keys is set.
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
    /// Every `key: value` at the top level, in file order.
    public var entries: [MetadataEntry]
    /// The localization keys, typed.
    public var localization: LocalizationMetadata
    /// False when YAML could not parse the block; `entries` then holds what a
    /// line-by-line reading recovered.
    public var isValidYAML: Bool

    /// Front matter with its raw text, range, entries and localisation keys.
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

extension FrontMatter {
    /// A front-matter date as `yyyymmdd`: `05/19/2021`, `5/9/2021`, `2021-05-19` or
    /// `2021-05-19T03:45:07Z` (blanks and quotes around it allowed); nil for anything else.
    /// Read by its bytes: a site reads the dates of every article.
    public static func day(_ text: String) -> Int? {
        var numbers: [Int] = []
        var current: Int?
        var started = false
        func end() -> Bool {
            if let value = current { numbers.append(value) }
            current = nil
            return numbers.count <= 3
        }
        loop: for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                started = true
                let (value, overflow) = (current ?? 0).multipliedReportingOverflow(by: 10)
                guard !overflow, value < 100_000_000 else { return nil }
                current = value + Int(byte - 0x30)
            case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."):
                started = true
                guard end() else { return nil }
            case UInt8(ascii: "T") where started, UInt8(ascii: " ") where started:
                break loop
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                // Blanks and quotes around the date.
                if started { break loop }
            default:
                return nil
            }
        }
        guard end(), numbers.count == 3 else { return nil }
        let (a, b, c) = (numbers[0], numbers[1], numbers[2])
        let (year, month, day) = a > 999 ? (a, b, c) : (c, a, b)
        guard (1000...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return year * 10000 + month * 100 + day
    }

    /// How new an article's English is, to choose between its copies in several locales:
    /// `ms.lasthandoff`, then `ms.date`, as `yyyymmdd` (-1 when it cannot be read: the oldest).
    public static func englishAge(handoff: String?, date: String?) -> (handoff: Int, date: Int) {
        (handoff.flatMap(day) ?? -1, date.flatMap(day) ?? -1)
    }
}
