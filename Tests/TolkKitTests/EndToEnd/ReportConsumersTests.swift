import Foundation
import Testing

/// Reports read by independent consumers, as CI systems read them: sarif-tools and
/// junitparser from PyPI (`make report-deps` installs them; `make test` runs it), and
/// GitHub's documented rules for SARIF uploads.
@Suite("tolk check reports read by sarif-tools, junitparser and GitHub's upload rules (built binary)", .serialized)
struct ReportConsumersTests {
    static let locales = Fixtures.directory.appendingPathComponent("locales").path

    /// A report of `arguments` written to a temporary file, with tolk's exit status.
    private func report(_ arguments: [String], suffix: String, fast: Bool = false) throws -> (file: String, status: Int32) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-report-\(UUID().uuidString)\(suffix)").path
        let out = try TolkProcess.run(["check"] + arguments + ["-o", file], fast: fast)
        return (file, out.status)
    }

    /// The findings of a JSON report: (severity, count).
    private func severities(_ arguments: [String], fast: Bool = false) throws -> [String: Int] {
        let out = try TolkProcess.run(["check"] + arguments + ["--format", "json"], fast: fast)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        return try #require(json["summary"] as? [String: Int])
    }

    /// `sarif summary FILE` of sarif-tools: its output, after checking it read the file.
    private func sarifSummary(_ file: String) throws -> String {
        try #require(PythonTools.available, "sarif-tools or junitparser missing: run `make report-deps`")
        let out = PythonTools.run(["python3", "-m", "sarif", "summary", file])
        #expect(out.status == 0, "\(out.output)")
        return out.output
    }

    /// What junitparser reads in a JUnit file: counts, failure types, duplicate names, dotted class names.
    private func junitSummary(_ file: String) throws -> [String: Int] {
        try #require(PythonTools.available, "sarif-tools or junitparser missing: run `make report-deps`")
        let script = """
            import json, sys
            from junitparser import JUnitXml, Failure
            cases = failures = errors = duplicates = dotted = 0
            for suite in JUnitXml.fromfile(sys.argv[1]):
                names = [case.name for case in suite]
                duplicates += len(names) - len(set(names))
                for case in suite:
                    cases += 1
                    dotted += "." in case.classname
                    for result in case.result:
                        if isinstance(result, Failure):
                            failures += 1
                            errors += result.type == "error"
            print(json.dumps({"cases": cases, "failures": failures, "errorFailures": errors, "duplicates": duplicates, "dotted": dotted}))
            """
        let out = PythonTools.run(["python3", "-c", script, file])
        #expect(out.status == 0, "\(out.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.output.utf8)) as? [String: Int])
    }

    /// GitHub's documented SARIF upload rules that a Tolk report can break: URIs GitHub can
    /// place in the repository, at most 5,000 results shown of a run, every result fingerprinted,
    /// no bracket in a message that reads as an embedded link.
    private func checkGitHubRules(_ file: String, errors: Int) throws {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count <= 5000)
        #expect(results.filter { $0["level"] as? String == "error" }.count == errors, "no error is left out")
        let base = (run["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] as? [String: String]
        #expect(base?["uri"]?.hasPrefix("file:///") == true && base?["uri"]?.hasSuffix("/") == true)
        for result in results {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let artifact = try #require(location?["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            #expect(!uri.hasPrefix("../") && !uri.contains("/../") && !uri.hasPrefix("file:") && !uri.hasPrefix("/"), "\(uri)")
            #expect(artifact["uriBaseId"] as? String == "SRCROOT")
            #expect((result["partialFingerprints"] as? [String: String])?["tolk/v1"]?.count == 16)
            let text = try #require((result["message"] as? [String: String])?["text"])
            #expect(Self.unescapedBracket(text) == nil, "\(text)")
        }
    }

    /// The offset of a `[` or `]` not escaped by a backslash (SARIF §3.11.6), or nil.
    static func unescapedBracket(_ text: String) -> Int? {
        var escaped = false
        for (offset, character) in text.enumerated() {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "[" || character == "]" {
                return offset
            }
        }
        return nil
    }

    @Test("the fixtures' SARIF: sarif-tools reads it, and it keeps GitHub's upload rules")
    func fixtureSARIF() throws {
        let counts = try severities([Self.locales])
        let (file, status) = try report([Self.locales, "--format", "sarif"], suffix: ".sarif")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(status == 1)
        let summary = try sarifSummary(file)
        let errors = try #require(counts["error"])
        #expect(summary.contains("error: \(errors)\n"))
        #expect(summary.contains("warning: \(counts["warning"] ?? -1)\n"))
        #expect(summary.contains("TOLK303 the link \"\\[\\]("), "sarif-tools shows the escaped brackets as written")
        try checkGitHubRules(file, errors: errors)
    }

    @Test("the fixtures' JUnit: junitparser reads a failure for each error only, unique names, no dotted class names")
    func fixtureJUnit() throws {
        let counts = try severities([Self.locales])
        let (file, status) = try report([Self.locales, "--format", "junit", "--fail-on", "error"], suffix: ".xml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(status == 1)
        let junit = try junitSummary(file)
        #expect(junit["failures"] == counts["error"])
        #expect(junit["errorFailures"] == counts["error"])
        let json = try TolkProcess.run(["check", Self.locales, "--format", "json"]).stdout
        let findings =
            try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])["findings"] as? [[String: Any]]
        let clean = 12 - Set((findings ?? []).compactMap { $0["path"] as? String }).count
        #expect(junit["cases"] == (findings?.count ?? 0) + clean, "a case per finding, and one per article without findings")
        #expect(junit["duplicates"] == 0)
        #expect(junit["dotted"] == 0)
        let (warnings, _) = try report([Self.locales, "--format", "junit", "--fail-on", "warning"], suffix: ".xml")
        defer { try? FileManager.default.removeItem(atPath: warnings) }
        #expect(try junitSummary(warnings)["failures"] == (counts["error"] ?? 0) + (counts["warning"] ?? 0))
    }

    @Test(
        "the Danish corpus: sarif-tools reads its SARIF, within GitHub's rules; JUnit fails on errors only; `..` gives the same SARIF",
        .enabled(if: Fixtures.corpus != nil, "corpus not found: set TOLK_CORPUS or place shared/corpus beside the checkout"))
    func corpus() throws {
        let corpus = try #require(Fixtures.corpus)
        let counts = try severities([corpus], fast: true)
        let (sarif, status) = try report([corpus, "--format", "sarif"], suffix: ".sarif", fast: true)
        defer { try? FileManager.default.removeItem(atPath: sarif) }
        #expect(status == 1)
        let errors = try #require(counts["error"])
        #expect(try sarifSummary(sarif).contains("error: \(errors)\n"))
        try checkGitHubRules(sarif, errors: errors)

        let (junit, _) = try report([corpus, "--format", "junit", "--fail-on", "error"], suffix: ".xml", fast: true)
        defer { try? FileManager.default.removeItem(atPath: junit) }
        let read = try junitSummary(junit)
        #expect(read["failures"] == errors)
        #expect(read["errorFailures"] == errors)
        #expect(read["duplicates"] == 0 && read["dotted"] == 0)

        let folder = URL(fileURLWithPath: corpus)
        let fromBelow = try TolkProcess.run(["check", "..", "--format", "sarif"], directory: folder, fast: true)
        let fromAbove = try TolkProcess.run(
            ["check", folder.deletingLastPathComponent().lastPathComponent, "--format", "sarif"],
            directory: folder.deletingLastPathComponent().deletingLastPathComponent(), fast: true)
        #expect(fromBelow.stdout == fromAbove.stdout)
        #expect(fromBelow.stdout.count > 100_000)
    }
}

/// sarif-tools and junitparser, run by the python3 on PATH.
enum PythonTools {
    static let available: Bool = run(["python3", "-c", "import sarif, junitparser"]).status == 0

    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
