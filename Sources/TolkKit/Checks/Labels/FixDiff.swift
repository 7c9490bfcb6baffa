/// A unified diff of the edits `tolk check --fix --dry-run` would make to one file: each
/// hunk covers the lines an edit touches with three lines of context, the old lines
/// removed and the new ones added (what `patch -p1` and `git apply` read). Built from the
/// edits themselves, so no line outside them appears changed.
public enum FixDiff {
    static let context = 3

    /// The diff of `edits` to `bytes` (the file at `path`), with a comment line per edit
    /// before the headers naming the rule and where the words come from; "" without edits.
    public static func render(path: String, bytes: [UInt8], edits: [ArticleFix.Edit]) -> String {
        guard !edits.isEmpty else { return "" }
        let edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let starts = lineStarts(bytes)
        func line(of offset: Int) -> Int {
            var low = 0
            var high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }
        func lines(_ range: ClosedRange<Int>) -> Range<Int> {
            starts[range.lowerBound]..<(range.upperBound + 1 < starts.count ? starts[range.upperBound + 1] : bytes.count)
        }

        var out = ""
        for edit in edits {
            out += "# \(path):\(edit.location.line):\(edit.location.column): \(edit.summary)"
            if !edit.sources.isEmpty { out += "; labels from " + edit.sources.joined(separator: ", ") }
            out += "\n"
        }
        out += "--- a/\(path)\n+++ b/\(path)\n"
        // Edits grouped into hunks whose context overlaps.
        var groups: [(first: Int, last: Int, edits: [ArticleFix.Edit])] = []
        for edit in edits {
            let first = line(of: edit.range.lowerBound)
            let last = line(of: max(edit.range.lowerBound, edit.range.upperBound - 1))
            if let previous = groups.last, first - previous.last <= 2 * context {
                groups[groups.count - 1].last = max(previous.last, last)
                groups[groups.count - 1].edits.append(edit)
            } else {
                groups.append((first, last, [edit]))
            }
        }
        var delta = 0
        for group in groups {
            let from = max(0, group.first - context)
            let to = min(starts.count - 1, group.last + context)
            let changed = lines(group.first...group.last)
            var new = Array(bytes[changed])
            for edit in group.edits.reversed() {
                new.replaceSubrange(
                    (edit.range.lowerBound - changed.lowerBound)..<(edit.range.upperBound - changed.lowerBound),
                    with: Array(edit.replacement.utf8))
            }
            let oldLines = split(Array(bytes[changed]))
            let newLines = split(new)
            let before = group.first - from
            let after = to - group.last
            let oldCount = before + oldLines.count + after
            let newCount = before + newLines.count + after
            out += "@@ -\(from + 1),\(oldCount) +\(from + 1 + delta),\(newCount) @@\n"
            for l in split(Array(bytes[lines(from...max(from, group.first - 1))])).prefix(before) { out += " " + l }
            for l in oldLines { out += "-" + l }
            for l in newLines { out += "+" + l }
            if after > 0 { for l in split(Array(bytes[lines((group.last + 1)...to)])) { out += " " + l } }
            delta += newLines.count - oldLines.count
        }
        return out
    }

    /// Offsets where each line starts.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A && i + 1 < bytes.count { starts.append(i + 1) }
        return starts
    }

    /// Lines with their line feeds; a last line without one gets the marker diff writes.
    static func split(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(String(decoding: bytes[start...i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count { out.append(String(decoding: bytes[start...], as: UTF8.self) + "\n\\ No newline at end of file\n") }
        return out
    }
}
