/// A Mustache context as a tree whose objects keep their keys in the order they
/// were added. A page's context is built as one of these, so `TemplateSkeletons`
/// can find its shape and values in one walk, without the hashing, boxing and key
/// sorting a `[String: Any]` needs; Mustache itself is only handed the
/// `[String: Any]` form (`any`) for a context of a new shape.
///
/// Two contexts built by the same code with the same keys present list them in
/// the same order, which is all the skeletons need: a context whose keys come in
/// another order is simply another shape.
///
/// Sendable: every case holds an immutable value; `other` holds what a Mustache
/// context holds, which Tolk never mutates.
enum TemplateValue: @unchecked Sendable {
    case string(String)
    case bool(Bool)
    /// Shown as its decimal digits, as Mustache shows an `Int`.
    case number(Int)
    case list([TemplateValue])
    case object(TemplateObject)
    /// Any other value Mustache understands; a context holding one is rendered by Mustache alone.
    case other(Any)

    /// The value for Mustache: dictionaries, arrays, strings, booleans and integers.
    var any: Any {
        switch self {
        case .string(let string): return string
        case .bool(let bool): return bool
        case .number(let number): return number
        case .list(let list): return list.map(\.any)
        case .object(let object): return object.dictionary
        case .other(let value): return value
        }
    }

    /// A `[String: Any]` context (or any value in one) as a tree, its keys sorted so
    /// that every dictionary with the same keys gives the same shape.
    init(_ value: Any) {
        // The exact types of a context first: a conditional cast of a `[String: Any]` to
        // `[String: String]`, or of an array to `[Any]`, converts element by element.
        switch ObjectIdentifier(Swift.type(of: value)) {
        case Self.stringType: self = .string(value as! String)
        case Self.dictionaryType: self = .object(Self.object(value as! [String: Any]))
        case Self.stringDictionaryType: self = .object(Self.object(value as! [String: String]))
        case Self.dictionaryArrayType: self = .list((value as! [[String: Any]]).map { .object(Self.object($0)) })
        case Self.stringDictionaryArrayType: self = .list((value as! [[String: String]]).map { .object(Self.object($0)) })
        default: self.init(casting: value)
        }
    }

    private init(casting value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let bool as Bool: self = .bool(bool)
        case let number as Int: self = .number(number)
        case let dictionary as [String: String]: self = .object(Self.object(dictionary))
        case let dictionary as [String: Any]: self = .object(Self.object(dictionary))
        case let list as [Any]: self = .list(list.map { TemplateValue($0) })
        default: self = .other(value)
        }
    }

    private static func object<Value>(_ dictionary: [String: Value]) -> TemplateObject {
        var object = TemplateObject(capacity: dictionary.count)
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) { object.append(key, TemplateValue(value)) }
        return object
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let stringDictionaryType = ObjectIdentifier([String: String].self)
    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let dictionaryArrayType = ObjectIdentifier([[String: Any]].self)
    private static let stringDictionaryArrayType = ObjectIdentifier([[String: String]].self)
}

/// The keys and values of one Mustache object, in the order they were added.
struct TemplateObject: @unchecked Sendable {
    private(set) var fields: [(key: String, value: TemplateValue)] = []

    init(capacity: Int = 0) {
        fields.reserveCapacity(capacity)
    }

    /// Adds a key the object does not have yet (page contexts add each key once).
    mutating func append(_ key: String, _ value: TemplateValue) {
        fields.append((key, value))
    }

    /// Sets `key`, replacing its value if it is there, else adding it at the end.
    subscript(key: String) -> TemplateValue? {
        get { fields.first { $0.key == key }?.value }
        set {
            let index = fields.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let i?, let value?): fields[i].value = value
            case (let i?, nil): fields.remove(at: i)
            case (nil, let value?): fields.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// An object of strings.
    init(strings: [(String, String)]) {
        fields = strings.map { (key: $0.0, value: .string($0.1)) }
    }

    var dictionary: [String: Any] {
        var out: [String: Any] = [:]
        out.reserveCapacity(fields.count)
        for field in fields { out[field.key] = field.value.any }
        return out
    }
}
