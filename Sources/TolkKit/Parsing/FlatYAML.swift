/// A fast reader for the flat front matter almost every article has: top-level
/// `key: scalar` lines and `- scalar` lists. It gives up (returns nil) on
/// anything else — nesting, flow collections, block scalars, escapes, anchors,
/// tags, duplicate keys — and Yams reads those. On the whole corpus both give
/// the same entries (checked by `FrontMatterTests`); this path only saves the
/// time Yams spends building and hashing its node tree. Works on UTF-8 bytes.
enum FlatYAML {
    private static let space: UInt8 = 0x20
    private static let colon: UInt8 = 0x3A
    private static let hash: UInt8 = 0x23
    private static let dash: UInt8 = 0x2D
    private static let singleQuote: UInt8 = 0x27
    private static let doubleQuote: UInt8 = 0x22

    static func entries(_ yaml: ArraySlice<UInt8>, firstLine: Int, lines: LineTable) -> [MetadataEntry]? {
        var entries: [MetadataEntry] = []
        var keys = Set<String>()
        var openList: (key: String, items: [MetadataValue], location: SourceLocation)?
        func closeList() {
            if let list = openList {
                entries.append(MetadataEntry(key: list.key, value: list.items.isEmpty ? .null : .list(list.items), location: list.location))
            }
            openList = nil
        }
        var lineNumber = firstLine - 1
        // The lines, empty ones included (the generic `split` cost more than reading them).
        var lineRanges: [Range<Int>] = []
        var lineStart = yaml.startIndex
        for i in yaml.indices where yaml[i] == 0x0A {
            lineRanges.append(lineStart..<i)
            lineStart = i + 1
        }
        lineRanges.append(lineStart..<yaml.endIndex)
        for range in lineRanges {
            lineNumber += 1
            var line = yaml[range]
            if line.contains(0x09) || line.contains(0x0D) { return nil }
            while line.last == space { line.removeLast() }
            if line.isEmpty { continue }
            var content = line.drop { $0 == space }
            let indented = content.startIndex != line.startIndex
            if content.first == hash { continue }
            if content.first == dash && (content.count == 1 || content[content.startIndex + 1] == space) {
                content = content.dropFirst(2)
                guard openList != nil, let value = scalar(content) else { return nil }
                openList!.items.append(value)
                continue
            }
            guard !indented else { return nil }
            closeList()
            guard let colonIndex = keyEnd(content) else { return nil }
            let keyBytes = content[..<colonIndex]
            guard let first = keyBytes.first, keyBytes.last != space, isPlainStart(first) else { return nil }
            let key = String(decoding: keyBytes, as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            let rest = content[(colonIndex + 1)...].drop { $0 == space }
            let location = SourceLocation(line: lineNumber, column: 1, offset: lines.offset(line: lineNumber, byteColumn: 1))
            if rest.isEmpty {
                openList = (key, [], location)
                continue
            }
            guard let value = scalar(rest) else { return nil }
            entries.append(MetadataEntry(key: key, value: value, location: location))
        }
        closeList()
        return entries
    }

    /// The index of the `:` that ends a key (followed by a space or the line's end).
    private static func keyEnd(_ s: ArraySlice<UInt8>) -> Int? {
        var i = s.startIndex
        while i < s.endIndex {
            switch s[i] {
            case colon:
                if i + 1 == s.endIndex || s[i + 1] == space { return i }
            case hash, singleQuote, doubleQuote, 0x7B, 0x5B: return nil
            default: break
            }
            i += 1
        }
        return nil
    }

    private static func isPlainStart(_ b: UInt8) -> Bool {
        switch b {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60: false
        default: true
        }
    }

    /// A single-line scalar, or nil when it needs a real YAML parser.
    private static func scalar(_ s: ArraySlice<UInt8>) -> MetadataValue? {
        guard let first = s.first else { return .null }
        if first == singleQuote || first == doubleQuote {
            guard s.count >= 2, s.last == first else { return nil }
            let inner = s.dropFirst().dropLast()
            // Escapes (`''`, backslashes) are left to Yams.
            guard !inner.contains(first), first == singleQuote || !inner.contains(0x5C) else { return nil }
            return .string(String(decoding: inner, as: UTF8.self))
        }
        guard isPlainStart(first) || (first == dash && s.count > 1 && s[s.startIndex + 1] != space) else { return nil }
        if s.last == colon { return nil }
        var previous: UInt8 = 0
        for b in s {
            if (previous == colon && b == space) || (previous == space && b == hash) { return nil }
            previous = b
        }
        return FrontMatterParser.typedPlainScalar(String(decoding: s, as: UTF8.self))
    }
}
