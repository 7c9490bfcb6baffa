/// A fast 64-bit content hash (FNV-1a) for deciding what an incremental build
/// must redo: not a cryptographic digest, a change detector.
struct ContentHash: Hashable, Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        value = h
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
        add(length: bytes.count)
    }

    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(length: text.utf8.count)
    }

    /// Separates fields, so ("ab", "c") and ("a", "bc") differ.
    private mutating func add(length: Int) {
        withUnsafeBytes(of: UInt64(length).littleEndian) { add($0) }
    }

    /// Sixteen hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Eight hex digits of the hash of `bytes`.
    static func hex32(_ bytes: [UInt8]) -> String {
        var h = ContentHash()
        h.add(bytes)
        let folded = UInt32(truncatingIfNeeded: h.value ^ (h.value >> 32))
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
