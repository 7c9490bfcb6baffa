import Foundation

/// Reads the date-times status providers write: ISO 8601 / RFC 3339
/// (`2026-11-20T08:15:00Z`, `+01:00`, fractions, a space for the `T`), Unix
/// seconds or milliseconds as numbers, and PowerShell's `/Date(1700000000000)/`.
/// A time without a zone is read in `zone` (the reader's).
public enum StatusDate {
    /// The date in a JSON number or string, or nil when it is not one.
    public static func parse(_ value: StatusJSON, zone: TimeZone) -> Date? {
        switch value {
        case .number(let n): return epoch(n)
        case .string(let s): return parse(s, zone: zone)
        default: return nil
        }
    }

    static func epoch(_ n: Double) -> Date? {
        guard n.isFinite, n >= 0 else { return nil }
        // Milliseconds once the number is past the year 5138 in seconds.
        return Date(timeIntervalSince1970: n > 1e11 ? n / 1000 : n)
    }

    /// The date in `text`, or nil when it is not one.
    public static func parse(_ text: String, zone: TimeZone) -> Date? {
        let s = text.trimmingSpaces
        if s.hasPrefix("/Date("), s.hasSuffix(")/") {
            let inner = s.dropFirst(6).dropLast(2)
            let digits = inner.prefix { $0 == "-" || $0.isNumber }
            guard let ms = Double(digits) else { return nil }
            return Date(timeIntervalSince1970: ms / 1000)
        }
        if let n = Double(s), s.allSatisfy({ $0.isNumber || $0 == "." }) { return epoch(n) }
        return iso(Array(s.utf8), zone: zone)
    }

    private static func iso(_ b: [UInt8], zone: TimeZone) -> Date? {
        var i = 0
        func int(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var v = 0
            for k in i..<i + count {
                guard b[k] >= 48 && b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = int(4), expect(45), let month = int(2), expect(45), let day = int(2) else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var fraction = 0.0
        var offset: Int?
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return nil }
            i += 1
            guard let hour = int(2), expect(58), let minute = int(2) else { return nil }
            components.hour = hour
            components.minute = minute
            if expect(58) {
                guard let second = int(2) else { return nil }
                components.second = second
                if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                    i += 1
                    var scale = 0.1
                    let start = i
                    while i < b.count, b[i] >= 48 && b[i] <= 57 {
                        fraction += Double(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    if i == start { return nil }
                }
            }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                    i += 1
                    offset = 0
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let h = int(2) else { return nil }
                    _ = expect(58)
                    let m = int(2) ?? 0
                    offset = sign * (h * 3600 + m * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == b.count, (1...12).contains(month), (1...31).contains(day), (0...23).contains(components.hour ?? 0),
            (0...59).contains(components.minute ?? 0), (0...60).contains(components.second ?? 0)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = offset.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// RFC 3339 in UTC with seconds, for JSON output.
    public static func rfc3339(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
