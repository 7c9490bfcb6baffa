/// The distinct files with findings, in order of first appearance, with their URIs.
struct SARIFArtifactTable {
    struct Entry {
        var uri: String
        var relativeToBase: Bool
        var index: Int
    }

    private(set) var entries: [Entry] = []
    private var byPath: [String: Int] = [:]

    init(_ findings: [Finding], baseDirectory: String?) {
        for finding in findings where byPath[finding.path] == nil {
            byPath[finding.path] = entries.count
            if let relative = ArtifactPath.relative(finding.path, to: baseDirectory) {
                entries.append(Entry(uri: ArtifactPath.percentEncoded(relative), relativeToBase: true, index: entries.count))
            } else {
                entries.append(Entry(uri: ArtifactPath.uri(finding.path), relativeToBase: false, index: entries.count))
            }
        }
    }

    /// Whether any URI is relative to the base directory.
    var usesBase: Bool { entries.contains { $0.relativeToBase } }

    func entry(for path: String) -> Entry { entries[byPath[path]!] }
}
