/// Where a value sits in a status document: a dotted path (`passwordSync.lastSync`,
/// `servers.0.name`) or a JSON Pointer (`/passwordSync/lastSync`) for keys that
/// contain dots.
public struct StatusKeyPath: Hashable, Sendable, CustomStringConvertible {
    /// The keys and array indexes, in order.
    public var components: [String]
    /// As written in the binding.
    public var description: String

    /// The key path in `text`, dotted or a JSON Pointer, or nil when it is empty or has an empty key.
    public init?(_ text: String) {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return nil }
        description = t
        if t.hasPrefix("/") {
            components = t.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
        } else {
            components = t.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !components.contains(where: \.isEmpty) else { return nil }
        }
    }

    /// The value at this path, or how far the path got before it failed.
    public func lookup(in document: StatusJSON) -> Result<StatusJSON, StatusKeyPath.Missing> {
        var current = document
        for (depth, component) in components.enumerated() {
            switch current {
            case .object:
                guard let next = current[component] else { return .failure(Missing(path: self, depth: depth)) }
                current = next
            case .array(let items):
                guard let index = Int(component), items.indices.contains(index) else { return .failure(Missing(path: self, depth: depth)) }
                current = items[index]
            default:
                return .failure(Missing(path: self, depth: depth))
            }
        }
        return .success(current)
    }

    /// A key the document lacks: `depth` components were found.
    public struct Missing: Error, Hashable, Sendable {
        /// The key path that was looked up.
        public var path: StatusKeyPath
        /// How many of its components were found.
        public var depth: Int
    }
}
