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
        /// `true` or `false`.
        case boolean
        /// A date-time, read as `StatusDate` reads it.
        case dateTime = "date-time"
        /// A number.
        case number
        /// Free text.
        case text
        /// One of the binding's listed values.
        case enumeration
    }

    /// Where the status document comes from when the command line names none.
    public struct Source: Hashable, Sendable {
        /// What kind of source it is.
        public enum Kind: Hashable, Sendable {
            /// A program and its arguments, run without a shell unless `shell` is set.
            case command([String], shell: Bool)
            /// A JSON file at this path.
            case file(String)
        }
        /// The command or file.
        public var kind: Kind
        /// How long a command may run before it is stopped.
        public var timeout: StatusDuration
        /// The key of the time the provider observed the values, if the document has one.
        public var observedAtKey: StatusKeyPath?
        /// Where the source is given in the binding file.
        public var location: SourceLocation

        /// A source of `kind`, read with `timeout`.
        public init(
            kind: Kind, timeout: StatusDuration = Self.defaultTimeout, observedAtKey: StatusKeyPath? = nil,
            location: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0)
        ) {
            self.kind = kind
            self.timeout = timeout
            self.observedAtKey = observedAtKey
            self.location = location
        }

        /// The timeout of a source that gives none: 10 seconds.
        public static let defaultTimeout = StatusDuration(seconds: 10)
    }

    /// One allowed value of an enumeration, with its words per language.
    public struct EnumValue: Hashable, Sendable {
        /// The value as the document writes it.
        public var value: String
        /// The value's words, by language (`da`, `en`).
        public var labels: [String: String]

        /// An enumeration value with its labels by language.
        public init(value: String, labels: [String: String] = [:]) {
            self.value = value
            self.labels = labels
        }
    }

    /// A value the rules compare with.
    public enum Expected: Hashable, Sendable {
        /// This boolean.
        case bool(Bool)
        /// This number.
        case number(Double)
        /// Text or enumeration values; any of them passes.
        case oneOf([String])
    }

    /// One value the article describes: its label, key, type and what is expected of it.
    public struct Field: Hashable, Sendable {
        /// The article's English label, without its colon.
        public var label: String
        /// The label per language (`da: …`) when the article's own words should not be used.
        public var labels: [String: String] = [:]
        /// Where the value sits in the status document.
        public var key: StatusKeyPath
        /// The kind of value the field holds.
        public var type: ValueType
        /// The value that passes; nil: any value of the type.
        public var expected: Expected?
        /// A smaller number fails.
        public var minimum: Double?
        /// A larger number fails.
        public var maximum: Double?
        /// A date-time older than this fails.
        public var staleAfter: StatusDuration?
        /// The allowed values of an enumeration, with their words.
        public var values: [EnumValue] = []
        /// Shown after numbers: `%`, `ms`, `GB`.
        public var unit: String?
        /// How a failed rule is shown.
        public var severity: StatusLevel = .warning
        /// What to do, per language; by default the article's own words about the field.
        public var remedy: [String: String] = [:]
        /// A page that explains the field, shown with a failed rule.
        public var link: String?
        /// Where the field is given in the binding file.
        public var location: SourceLocation

        /// A field for the article's `label`, read at `key` as `type`.
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
    /// Where the status document comes from when the command line names none.
    public var source: Source?
    /// The values the article describes, in order.
    public var fields: [Field]

    /// A binding read from `path`, with its default source and fields.
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
    /// Everything as expected (✓).
    case ok
    /// A rule of warning severity failed (!).
    case warning
    /// A rule of error severity failed, or the value could not be read (✗).
    case error

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: StatusLevel, b: StatusLevel) -> Bool { a.rank < b.rank }

    /// The level's mark: ✓, ! or ✗.
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
    /// The binding file.
    public var path: String
    /// Where the problem is in the file.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String
    public var description: String { "\(path):\(location.line):\(location.column): error: \(message)" }
}

extension SourceLocation {
    static let start = SourceLocation(line: 1, column: 1, offset: 0)
}
