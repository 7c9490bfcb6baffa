/// Byte tests on eight bytes at a time (SWAR): the rules' quick tests read every unit.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in each byte of `x` that equals `byte`, 0 in the others.
    @inline(__always) static func matches(_ x: UInt64, _ byte: UInt8) -> UInt64 {
        let y = x ^ (ones &* UInt64(byte))
        return ~(((y & ~high) &+ ~high) | y) & high
    }

    /// True when `first` is directly followed by `second` somewhere in `text`.
    static func containsPair(_ first: UInt8, _ second: UInt8, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, text.count >= 2 else { return false }
        var carry: UInt64 = 0
        var i = 0
        while i + 8 <= text.count {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let firsts = matches(x, first)
            if ((firsts << 8) | carry) & matches(x, second) != 0 { return true }
            carry = firsts >> 56
            i += 8
        }
        var previous = i > 0 ? text[i - 1] : 0
        var isFirst = i > 0 && previous == first
        while i < text.count {
            if isFirst, text[i] == second { return true }
            previous = text[i]
            isFirst = previous == first
            i += 1
        }
        return false
    }

    /// True when any byte of `bytes` occurs in `text`.
    static func containsAny(of bytes: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, let first = bytes.first else { return false }
        var i = 0
        if bytes.count <= 4 {
            // Up to four needles (padded with the first) tested without a loop over them.
            let b = (first, bytes.count > 1 ? bytes[1] : first, bytes.count > 2 ? bytes[2] : first, bytes.count > 3 ? bytes[3] : first)
            while i + 8 <= text.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if matches(x, b.0) | matches(x, b.1) | matches(x, b.2) | matches(x, b.3) != 0 { return true }
                i += 8
            }
        } else {
            while i + 8 <= text.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                for byte in bytes where matches(x, byte) != 0 { return true }
                i += 8
            }
        }
        return text[i...].contains { bytes.contains($0) }
    }
}
