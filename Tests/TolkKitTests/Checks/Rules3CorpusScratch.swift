import Foundation
import Testing
@testable import TolkKit

// Throwaway: runs the Literals and Typography rules over the corpus. Deleted after tuning.
@Suite("Rules3CorpusScratch")
struct Rules3CorpusScratch {
    @Test func run() throws {
        let root = try #require(Fixtures.corpus)
        var paths: [String] = []
        let e = FileManager.default.enumerator(atPath: root)!
        while let p = e.nextObject() as? String { if p.hasSuffix(".md") { paths.append(root + "/" + p) } }
        paths.sort()
        let rules: [any Rule.Type] = LiteralRules.all + TypographyRules.all
        let start = Date()
        let result = Checker(rules: rules).run(paths)
        var out = "articles \(paths.count) time \(Date().timeIntervalSince(start))\n"
        var byRule: [String: [Finding]] = [:]
        for f in result.findings { byRule[f.ruleID, default: []].append(f) }
        for (id, fs) in byRule.sorted(by: { $0.key < $1.key }) {
            out += "== \(id) \(fs.count)\n"
            for f in fs { out += "\(f.path.replacingOccurrences(of: root + "/", with: "")):\(f.location): [\(f.unitID ?? "-")] \(f.message)\n" }
        }
        try out.write(toFile: "/tmp/r3/corpus.txt", atomically: true, encoding: .utf8)
        let fps = result.findings.map(\.fingerprint)
        try "\(fps.count) \(Set(fps).count)\n".write(toFile: "/tmp/r3/fps.txt", atomically: true, encoding: .utf8)
    }
}
