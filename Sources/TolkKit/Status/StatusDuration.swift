/// A span of time written the way administrators write it: `90s`, `15m`,
/// `12h`, `3d`, `2w`, or combined, `1d12h`.
public struct StatusDuration: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The length in seconds.
    public var seconds: Double

    /// A duration of `seconds`.
    public init(seconds: Double) {
        self.seconds = seconds
    }

    public static func < (a: StatusDuration, b: StatusDuration) -> Bool { a.seconds < b.seconds }

    private static let units: [(Character, Double)] = [("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]

    /// Parses `3d`, `1d12h`, `500ms`, `2.5s`; nil for anything else.
    public init?(parsing text: String) {
        let s = text.trimmingSpaces.lowercased()
        guard !s.isEmpty else { return nil }
        var total = 0.0
        var number = ""
        var rest = Substring(s)
        while let c = rest.first {
            if c.isASCII && (c.isNumber || c == ".") {
                number.append(c)
                rest = rest.dropFirst()
                continue
            }
            guard let value = Double(number) else { return nil }
            if rest.hasPrefix("ms") {
                total += value / 1000
                rest = rest.dropFirst(2)
            } else if let unit = Self.units.first(where: { $0.0 == c }) {
                total += value * unit.1
                rest = rest.dropFirst()
            } else {
                return nil
            }
            number = ""
        }
        guard number.isEmpty, total > 0 else { return nil }
        seconds = total
    }

    /// The shortest exact spelling: `3d`, `1d12h`, `90s` → `1m30s`.
    public var description: String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        var left = Int(seconds.rounded())
        var out = ""
        for (name, size) in Self.units {
            let n = left / Int(size)
            if n > 0 {
                out += "\(n)\(name)"
                left -= n * Int(size)
            }
        }
        return out.isEmpty ? "0s" : out
    }
}
