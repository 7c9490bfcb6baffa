/// Finding keys that stay distinct when the same token occurs twice in a unit:
/// the first `x` is `x`, the second `x#2`. Keys are built from the text, never
/// from positions, so fingerprints survive edits elsewhere in the file.
struct OccurrenceKeys {
    private var seen: [String: Int] = [:]

    mutating func key(_ base: String) -> String {
        seen[base, default: 0] += 1
        let n = seen[base]!
        return n == 1 ? base : base + "#\(n)"
    }
}
