import Foundation
import Testing
import TolkKit

/// The README's rules table, `--list-rules`, `--explain` and SARIF rule metadata say what
/// the rules are: every rule in `RuleRegistry.all`, in order, with its own words.
@Suite("Rule documentation in step with the rules")
struct RuleDocumentationTests {
    /// The rows of the README's rules table: ID, name, default severity, summary.
    static func readmeRows() throws -> [[String]] {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.split(separator: "\n").filter { $0.hasPrefix("| TOLK") }.map { line in
            var cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            if cells.count > 1 { cells[1] = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            return cells
        }
    }

    @Test("the README's rules table lists every rule of RuleRegistry.all, in order, with its name, severity and summary")
    func readmeTable() throws {
        let rows = try Self.readmeRows()
        let expected = RuleRegistry.all.map { [$0.id, $0.name, $0.defaultSeverity.rawValue, $0.summary] }
        #expect(rows.map { $0[0] } == expected.map { $0[0] })
        for (row, rule) in zip(rows, expected) { #expect(row == rule) }
    }

    @Test("--list-rules and --explain show every rule's own words")
    func commandLine() throws {
        let list = try TolkProcess.run(["check", "--list-rules"]).stdout.split(separator: "\n").dropFirst()
        #expect(list.count == RuleRegistry.all.count)
        for (line, rule) in zip(list, RuleRegistry.all) {
            #expect(line.hasPrefix(rule.id + "  " + rule.defaultSeverity.rawValue) && line.contains(" \(rule.name) "))
            #expect(line.hasSuffix(rule.summary))
        }
        for rule in RuleRegistry.all {
            let explained = try TolkProcess.run(["check", "--explain", rule.id]).stdout
            #expect(
                explained
                    == "\(rule.id) \(rule.name) (default severity: \(rule.defaultSeverity.rawValue))\n\n\(rule.summary)\n\n\(rule.explanation)\n"
            )
        }
    }

    @Test("SARIF lists every rule that ran with its name, summary, explanation and level")
    func sarifMetadata() throws {
        let locales = Fixtures.directory.appendingPathComponent("locales").path
        let out = try TolkProcess.run(["check", locales, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.all.map { $0.id })
        for (descriptor, rule) in zip(rules, RuleRegistry.all) {
            #expect(descriptor["name"] as? String == rule.name)
            let short = (descriptor["shortDescription"] as? [String: String])?["text"]
            let full = (descriptor["fullDescription"] as? [String: String])?["text"]
            #expect(short?.replacingOccurrences(of: "\\[", with: "[").replacingOccurrences(of: "\\]", with: "]") == rule.summary)
            #expect(full?.replacingOccurrences(of: "\\[", with: "[").replacingOccurrences(of: "\\]", with: "]") == rule.explanation)
            #expect((descriptor["defaultConfiguration"] as? [String: String])?["level"] == rule.defaultSeverity.rawValue)
        }
    }
}
