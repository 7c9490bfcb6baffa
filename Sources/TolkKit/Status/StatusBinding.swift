import Foundation
import Yams

/// Which status fields an article describes and where their live values come
/// from: a YAML file kept beside the article (`password-sync.status.yml` next to
/// `password-sync.md`), so the article stays as the localization pipeline
/// delivered it. Fields are matched to the article by their English label, so
/// one binding serves every locale.
///
/// ```yaml
/// source:
///   command: ./password-sync-status.sh     # or file: status.json; run without a shell
///   timeout: 5s
/// fields:
///   - label: Password sync enabled         # the article's English label
///     key: passwordSync.enabled            # dotted path or JSON Pointer
///     type: boolean
///     expect: true
///     severity: error
///   - label: Last Password Sync
///     key: passwordSync.lastSync
///     type: date-time
///     staleAfter: 3d
///     severity: warning
///     link: https://learn.microsoft.com/…
/// ```
public struct StatusBinding: Hashable, Sendable {
    /// The kinds of value a field holds.
    public enum ValueType: String, Hashable, Sendable, CaseIterable {
        case boolean
        case dateTime = "date-time"
        case number
        case text
        case enumeration
    }

    /// Where the status document comes from when the command line names none.
    public struct Source: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// A program and its arguments, run without a shell unless `shell` is set.
            case command([String], shell: Bool)
            case file(String)
        }
        public var kind: Kind
        /// How long a command may run before it is stopped.
        public var timeout: StatusDuration
        /// The key of the time the provider observed the values, if the document has one.
        public var observedAtKey: StatusKeyPath?
        public var location: SourceLocation

        public init(
            kind: Kind, timeout: StatusDuration = Self.defaultTimeout, observedAtKey: StatusKeyPath? = nil,
            location: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0)
        ) {
            self.kind = kind
            self.timeout = timeout
            self.observedAtKey = observedAtKey
            self.location = location
        }

        public static let defaultTimeout = StatusDuration(seconds: 10)
    }

    /// One allowed value of an enumeration, with its words per language.
    public struct EnumValue: Hashable, Sendable {
        public var value: String
        public var labels: [String: String]

        public init(value: String, labels: [String: String] = [:]) {
            self.value = value
            self.labels = labels
        }
    }

    /// A value the rules compare with.
    public enum Expected: Hashable, Sendable {
        case bool(Bool)
        case number(Double)
        /// Text or enumeration values; any of them passes.
        case oneOf([String])
    }

    public struct Field: Hashable, Sendable {
        /// The article's English label, without its colon.
        public var label: String
        /// The label per language (`da: …`) when the article's own words should not be used.
        public var labels: [String: String] = [:]
        public var key: StatusKeyPath
        public var type: ValueType
        public var expected: Expected?
        public var minimum: Double?
        public var maximum: Double?
        /// A date-time older than this fails.
        public var staleAfter: StatusDuration?
        public var values: [EnumValue] = []
        /// Shown after numbers: `%`, `ms`, `GB`.
        public var unit: String?
        /// How a failed rule is shown.
        public var severity: StatusLevel = .warning
        /// What to do, per language; by default the article's own words about the field.
        public var remedy: [String: String] = [:]
        public var link: String?
        public var location: SourceLocation

        public init(
            label: String, key: StatusKeyPath, type: ValueType, location: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0)
        ) {
            self.label = label
            self.key = key
            self.type = type
            self.location = location
        }
    }

    /// The binding file, for messages and for resolving relative paths.
    public var path: String
    public var source: Source?
    public var fields: [Field]

    public init(path: String, source: Source? = nil, fields: [Field]) {
        self.path = path
        self.source = source
        self.fields = fields
    }

    /// The binding kept beside an article: `name.status.yml` (or `.yaml`) for `name.md`.
    public static func path(forArticleAt articlePath: String) -> String? {
        let base = articlePath.hasSuffix(".md") ? String(articlePath.dropLast(3)) : articlePath
        // A plain stat: a site asks this for every article, and FileManager's fileExists costs several times more.
        for ext in [".status.yml", ".status.yaml"] {
            var info = stat()
            if stat(base + ext, &info) == 0 { return base + ext }
        }
        return nil
    }

    /// The folder relative paths in the binding start from.
    public var directory: String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// The binding's field for a status field of the article, by English label.
    public func field(for status: StatusField) -> Field? {
        guard let english = status.label.source else { return nil }
        return fields.first { Self.sameLabel($0.label, english) }
    }

    static func sameLabel(_ a: String, _ b: String) -> Bool {
        func norm(_ s: String) -> String {
            var t = s.trimmingSpaces
            if t.hasSuffix(":") { t.removeLast() }
            return t.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        }
        return norm(a) == norm(b)
    }

    /// Errors for fields whose label the article does not describe.
    public func validate(against article: Article) -> [StatusBindingError] {
        let described = article.source.statusFields.compactMap(\.label.source)
        var errors: [StatusBindingError] = []
        for field in fields where !described.contains(where: { Self.sameLabel($0, field.label) }) {
            let list =
                described.isEmpty ? "it describes no status fields" : "it describes " + described.map { "'\($0)'" }.joined(separator: ", ")
            errors.append(
                StatusBindingError(
                    path: path, location: field.location,
                    message: "no status field labelled '\(field.label)' in \((article.path as NSString).lastPathComponent); \(list)"))
        }
        return errors
    }
}

/// How a field's evaluation is shown: ✓, ! or ✗.
public enum StatusLevel: String, Hashable, Sendable, Comparable, CaseIterable {
    case ok
    case warning
    case error

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: StatusLevel, b: StatusLevel) -> Bool { a.rank < b.rank }

    public var mark: String {
        switch self {
        case .ok: "✓"
        case .warning: "!"
        case .error: "✗"
        }
    }
}

/// An invalid binding, at its place in the YAML file.
public struct StatusBindingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var location: SourceLocation
    public var message: String
    public var description: String { "\(path):\(location.line):\(location.column): error: \(message)" }
}

extension SourceLocation {
    static let start = SourceLocation(line: 1, column: 1, offset: 0)
}
