import Foundation
import Testing

@testable import TolkKit

/// A stand-in for the UI-path rule, so these tests do not depend on its implementation.
private struct UIPathBroken: Rule {
    static let id = "TOLK305"
    static let name = "ui-path-broken"
    static let defaultSeverity = Diagnostic.Severity.warning
    static let summary = "A UI path names a menu that does not exist."
    static let explanation = "The path `A > B` in the translation names a label that the product does not show."
    func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {}
}

/// A rule that reports notes.
private struct TestNote: Rule {
    static let id = "TOLK901"
    static let name = "test-note"
    static let defaultSeverity = Diagnostic.Severity.note
    static let summary = "A note for the printer tests."
    static let explanation = "Reported by hand in tests only."
    func check(_ article: Article, _ context: CheckContext, _ report: inout FindingReport) {}
}

/// The report the printer tests print: four findings, two in the seed article (a Danish
/// line and a 618-character line), one in a missing file with an awkward name, and one
/// about a whole file.
private enum Sample {
    static let article = Fixtures.path("articles/password-sync.md")
    static let cleanArticle = Fixtures.path("articles/error-code-0x15.md")
    /// A file name with a space, U+200B, a comma and a colon; it does not exist.
    static let oddPath = "docs/a b\u{200B},c:d.md"
    static let oddMessage = "50% done\r\nnext: \u{1B}[31mred\u{7}"
    static let markupMessage = #"menu path "Indstillinger > Konti & import" <not found>"#
    static let root = Fixtures.packageRoot.path

    static func report() throws -> CheckReport {
        let findings = [
            Finding(
                rule: EmptyTarget.self, message: "unit 4d25d-103 has an empty translation", path: article,
                location: SourceLocation(line: 26, column: 36, offset: 0), unitID: "4d25d-103"),
            Finding(
                rule: UIPathBroken.self, message: markupMessage, path: article, location: SourceLocation(line: 36, column: 300, offset: 0),
                unitID: "4d25d-109"),
            Finding(rule: TestNote.self, message: oddMessage, path: oddPath, location: SourceLocation(line: 3, column: 7, offset: 0)),
            Finding(
                rule: UIPathBroken.self, message: "whole file", path: "docs/z.md", location: SourceLocation(line: 0, column: 0, offset: 0)),
        ].sorted(by: Finding.ordered)
        let statistics = try ["articles/password-sync.md", "articles/error-code-0x15.md"].map {
            ArticleStatistics(try Fixtures.article($0))
        }
        return CheckReport(
            findings: findings, rules: [(EmptyTarget.self, .error), (UIPathBroken.self, .warning), (TestNote.self, .note)], articleCount: 3,
            statistics: statistics, staleBaselineEntries: ["0123456789abcdef"], baselineSuppressed: 2, toolVersion: "9.9.9")
    }

    static let summary = "1 error, 2 warnings, 1 note in 3 articles, 2 hidden by the baseline, 1 stale baseline entry"
}

/// Runs validators outside Swift: python3 (with jsonschema for SARIF) and xmllint.
private enum External {
    static let sarifSchema = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/schemas/sarif-schema-2.1.0.json"
    ).path

    /// The exit status and standard output (with standard error) of a command found on PATH.
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

    static let hasPython = run(["python3", "-c", "pass"]).status == 0
    static let canValidateSARIF =
        FileManager.default.fileExists(atPath: sarifSchema) && run(["python3", "-c", "import jsonschema"]).status == 0
    static let hasXMLLint = run(["xmllint", "--version"]).status == 0

    /// Writes `text` to a temporary file and returns its path.
    static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-printer-\(UUID().uuidString)\(suffix)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

@Suite("Finding printers")
struct PrinterTests {
    @Test("A fingerprint names the file by its folder and name, however the path is spelled")
    func fingerprintFile() {
        #expect(Finding.lastTwoComponents("a/b/c.md") == "b/c.md")
        #expect(Finding.lastTwoComponents("/work/da-DK//c.md") == "da-DK/c.md")
        #expect(Finding.lastTwoComponents("c.md") == "c.md")
        #expect(Finding.lastTwoComponents("/c.md") == "c.md")
        #expect(Finding.lastTwoComponents("b/c.md/") == "b/c.md")
        #expect(Finding.lastTwoComponents("./å/ø.md") == "å/ø.md")
        let a = Finding(rule: DoubleSpace.self, message: "m", path: "x/da-DK/c.md", location: SourceLocation(line: 1, column: 1, offset: 0))
        let b = Finding(
            rule: DoubleSpace.self, message: "m", path: "../y/da-DK/c.md", location: SourceLocation(line: 1, column: 1, offset: 0))
        #expect(a.fingerprint == b.fingerprint)
    }

    @Test("text: location, severity, rule, the source line cut around the column, caret, summary")
    func textExact() throws {
        let output = TextPrinter(styler: .plain, sourceLines: SourceLines()).render(try Sample.report())
        let a = Sample.article
        let expected = """
            \(a):26:36: error: [TOLK201 empty-target] unit 4d25d-103 has an empty translation
                1.  <span data-ttu-id="4d25d-103">Vælg **DirSync-status** på startsiden for Microsoft 365 Administ…
                                                   ^
            \(a):36:300: warning: [TOLK305 ui-path-broken] menu path "Indstillinger > Konti & import" <not found>
                …nc ran).</span></span> <span data-ttu-id="4d25d-110">Dette viser en advarsel og et link til et fej…
                                                                 ^
            docs/a b\u{200B},c:d.md:3:7: note: [TOLK901 test-note] 50% done next: [31mred
            docs/z.md: warning: [TOLK305 ui-path-broken] whole file

            \(Sample.summary)

            """
        #expect(output == expected)
        #expect(!output.contains("\u{1B}"), "no escape sequences without colour, even from message text")
        #expect(!output.contains("\u{7}"))
    }

    @Test("text: colour marks severity, rule and caret, through the terminal styler")
    func textColour() throws {
        let output = TextPrinter(styler: TerminalStyler(color: true, hyperlinks: false), sourceLines: SourceLines()).render(
            try Sample.report())
        #expect(output.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;34mnote:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[2m[TOLK201 empty-target]\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;32m^\u{1B}[0m"))
        #expect(!output.contains("\u{1B}[31mred"), "the message's own escape sequence is removed")
    }

    @Test(
        "source excerpt: tabs, wide characters, controls and long lines keep the caret aligned",
        arguments: [
            ("\tæø å", 2, "    æø å", 4),
            ("日本語のテキスト", 3, "日本語のテキスト", 4),
            ("a\u{1B}[1mb", 6, "a[1mb", 4),
            ("abc", 4, "abc", 3),
            ("", 1, "", 0),
        ])
    func excerptShort(line: String, column: Int, text: String, caret: Int) {
        let excerpt = SourceExcerpt(line: line, column: column)
        #expect(excerpt.text == text)
        #expect(excerpt.caretOffset == caret)
    }

    @Test("source excerpt: a 4,000-column line shows at most 100 columns around the caret", arguments: [1, 700, 1001, 1002, 3000, 4002])
    func excerptLong(column: Int) throws {
        let line = String(repeating: "ab\tø", count: 250) + "日本" + String(repeating: "語x", count: 1500)
        let excerpt = SourceExcerpt(line: line, column: column)
        #expect(DisplayWidth.of(excerpt.text) <= 100)
        #expect(excerpt.text.hasPrefix("…") == (column > 1))
        #expect(excerpt.text.hasSuffix("…") == (column < 4000))
        // The character drawn at the caret's column is the one at `column`.
        let scalars = Array(line.unicodeScalars)
        let expected = scalars[column - 1] == "\t" ? " " : Character(scalars[column - 1])
        #expect(Self.character(in: excerpt.text, atColumn: excerpt.caretOffset) == expected)
    }

    @Test("JSON: one document with the documented fields, in a stable order")
    func json() throws {
        let report = try Sample.report()
        let text = JSONFindingPrinter().render(report)
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["articles"] as? Int == 3)
        #expect(object["summary"] as? [String: Int] == ["error": 1, "warning": 2, "note": 1])
        #expect(object["staleBaseline"] as? [String] == ["0123456789abcdef"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 4)
        let first = findings[0]
        #expect(Set(first.keys) == ["rule", "name", "severity", "path", "line", "column", "unit", "message", "fingerprint"])
        #expect(first["rule"] as? String == "TOLK201")
        #expect(first["name"] as? String == "empty-target")
        #expect(first["severity"] as? String == "error")
        #expect(first["line"] as? Int == 26)
        #expect(first["column"] as? Int == 36)
        #expect(first["unit"] as? String == "4d25d-103")
        #expect(first["fingerprint"] as? String == report.findings[0].fingerprint)
        #expect(findings[2]["unit"] is NSNull)
        #expect(findings[2]["message"] as? String == Sample.oddMessage)
        let keys = ["\"version\"", "\"articles\"", "\"summary\"", "\"findings\"", "\"staleBaseline\""].compactMap {
            text.range(of: $0)?.lowerBound
        }
        #expect(keys.count == 5 && keys == keys.sorted())
    }

    @Test("SARIF: required fields, rule indexes, encoded URIs, fingerprints")
    func sarifFields() throws {
        let report = try Sample.report()
        let text = SARIFPrinter(baseDirectory: Sample.root).render(report)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] is String)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "tolk")
        #expect(driver["version"] as? String == "9.9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["TOLK201", "TOLK305", "TOLK901"])
        #expect((rules[1]["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        #expect((rules[0]["shortDescription"] as? [String: String])?["text"] == SARIFPrinter.plainText(EmptyTarget.summary))
        #expect((rules[0]["fullDescription"] as? [String: String])?["text"] == SARIFPrinter.plainText(EmptyTarget.explanation))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for (result, finding) in zip(results, report.findings) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == finding.ruleID)
            #expect(result["ruleId"] as? String == finding.ruleID)
            #expect(result["level"] as? String == finding.severity.rawValue)
            #expect((result["message"] as? [String: String])?["text"] == SARIFPrinter.plainText(finding.message))
            #expect((result["partialFingerprints"] as? [String: String])?["tolk/v1"] == finding.fingerprint)
        }
        func physical(_ i: Int) -> [String: Any]? {
            ((results[i]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
        }
        let artifact = try #require(physical(0)?["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "Tests/TolkKitTests/Fixtures/articles/password-sync.md")
        #expect(artifact["uriBaseId"] as? String == "SRCROOT")
        #expect(physical(0)?["region"] as? [String: Int] == ["startLine": 26, "startColumn": 36])
        #expect((physical(2)?["artifactLocation"] as? [String: Any])?["uri"] as? String == "docs/a%20b%E2%80%8B%2Cc%3Ad.md")
        #expect(physical(3)?["region"] == nil, "a whole-file finding has no region (SARIF lines start at 1)")
        #expect(ArtifactPath.uri("/srv/a b.md") == "file:///srv/a%20b.md")
        #expect(ArtifactPath.relative("/srv/help/da/x.md", to: "/srv/help") == "da/x.md")
        #expect(ArtifactPath.relative("/srv/helpdesk/x.md", to: "/srv/help") == nil)
    }

    @Test("SARIF: brackets in message texts escaped (§3.11.6), so no quoted `[](url)` reads as an embedded link")
    func sarifBrackets() throws {
        #expect(SARIFPrinter.plainText(#"the link "[](https://x)" lost its text"#) == #"the link "\[\](https://x)" lost its text"#)
        #expect(SARIFPrinter.plainText(#"a\[b\\c \> d"#) == #"a\\\[b\\\c \> d"#)
        #expect(SARIFPrinter.plainText("no brackets \\> here") == "no brackets \\> here")
        let finding = Finding(
            rule: EmptyTarget.self, message: #"the link "[Microsoft 365](https://x)" became "[](https://x)""#, path: "a.md",
            location: SourceLocation(line: 1, column: 1, offset: 0))
        let report = CheckReport(findings: [finding], rules: [(EmptyTarget.self, .error)], articleCount: 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(SARIFPrinter().render(report).utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(
            (result["message"] as? [String: String])?["text"] == #"the link "\[Microsoft 365\](https://x)" became "\[\](https://x)""#)
    }

    @Test("SARIF: past the result limit a run keeps every error, drops the lowest levels, and says so")
    func sarifLimit() throws {
        let levels: [Diagnostic.Severity] = [
            .note, .error, .warning, .note, .warning, .error, .note, .warning, .note, .error, .warning, .note,
        ]
        let findings = levels.enumerated().map { i, level in
            Finding(
                rule: EmptyTarget.self, severity: level, message: "finding \(i)", path: "a\(i / 10)\(i % 10).md",
                location: SourceLocation(line: 1, column: 1, offset: 0))
        }
        let report = CheckReport(findings: findings, rules: [(EmptyTarget.self, .error)], articleCount: 12)
        func run(_ limit: Int?) throws -> [String: Any] {
            let log = try JSONSerialization.jsonObject(with: Data(SARIFPrinter(resultLimit: limit).render(report).utf8)) as? [String: Any]
            return try #require((log?["runs"] as? [[String: Any]])?.first)
        }
        let limited = try run(5)
        let texts = (limited["results"] as? [[String: Any]] ?? []).compactMap { ($0["message"] as? [String: String])?["text"] }
        #expect(texts == ["finding 1", "finding 2", "finding 4", "finding 5", "finding 9"], "3 errors, then 2 warnings, in report order")
        let properties = try #require(limited["properties"] as? [String: Any])
        #expect(properties["omittedResults"] as? Int == 7)
        #expect(properties["omittedResultsByLevel"] as? [String: Int] == ["warning": 2, "note": 5])
        let invocation = try #require((limited["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "warning")
        #expect(
            (notification["message"] as? [String: String])?["text"]
                == "12 results, more than the 5 a code-scanning viewer shows of a run: the 7 of lowest severity were left out "
                + "(2 warnings, 5 notes); every error is here. The JSON report (--format json) has every finding.")

        let errorsOnly = try run(2)
        #expect((errorsOnly["results"] as? [Any])?.count == 3, "every error stays, even past the limit")
        for unlimited in [try run(12), try run(nil)] {
            #expect((unlimited["results"] as? [Any])?.count == 12)
            #expect(unlimited["properties"] == nil && unlimited["invocations"] == nil)
        }
    }

    @Test(
        "SARIF: validates against the SARIF 2.1.0 schema",
        .enabled(if: External.canValidateSARIF, "skipped: ../shared/schemas/sarif-schema-2.1.0.json or python3 with jsonschema not found"),
        arguments: [false, true])
    func sarifSchema(relativeWithArtifacts: Bool) throws {
        let printer = relativeWithArtifacts ? SARIFPrinter(baseDirectory: Sample.root, includesArtifacts: true) : SARIFPrinter()
        let file = try External.temporaryFile(printer.render(try Sample.report()), suffix: ".sarif")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))
            """
        let result = External.run(["python3", "-c", script, External.sarifSchema, file])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(
        "JUnit: well-formed XML, one suite per article, escaped markup, controls removed",
        .enabled(if: External.hasPython, "skipped: python3 not found"))
    func junit() throws {
        var report = try Sample.report()
        let controls = String(String.UnicodeScalarView((0..<32).compactMap(Unicode.Scalar.init))) + "\u{FFFE}\u{FFFF}"
        report.findings[2].message += controls + "end"
        let xml = JUnitPrinter(failOn: .note).render(report)
        let articleClass = Sample.article.replacingOccurrences(of: ".", with: "_")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tolk\" tests=\"5\" failures=\"4\">\n"))
        #expect(xml.hasSuffix("</testsuites>\n"))
        #expect(
            xml.contains(
                #"<failure type="warning" message="menu path &quot;Indstillinger &gt; Konti &amp; import&quot; &lt;not found&gt;">"#))
        #expect(xml.contains(#"<testcase name="TOLK201 empty-target, unit 103" classname="\#(articleClass)">"#))
        #expect(xml.contains(#"<testcase name="TOLK305 ui-path-broken" classname="docs/z_md">"#))
        #expect(xml.contains(#"<testsuite name="\#(Sample.cleanArticle)" tests="1" failures="0">"#))
        #expect(
            xml.contains(#"<testcase name="tolk check" classname="\#(Sample.cleanArticle.replacingOccurrences(of: ".", with: "_"))"/>"#))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" } && !xml.contains("\u{FFFE}"))
        #expect(xml.contains("red&#9;&#10;&#13;end\">"), "tab, LF and CR are allowed in XML 1.0 and kept")

        let file = try External.temporaryFile(xml, suffix: ".xml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            import sys, xml.dom.minidom
            d = xml.dom.minidom.parse(sys.argv[1])
            print(len(d.getElementsByTagName("testsuite")), len(d.getElementsByTagName("testcase")), len(d.getElementsByTagName("failure")))
            """
        let parsed = External.run(["python3", "-c", script, file])
        #expect(parsed.status == 0, "\(parsed.output)")
        #expect(parsed.output == "4 5 4\n")
        if External.hasXMLLint {
            let lint = External.run(["xmllint", "--noout", file])
            #expect(lint.status == 0, "\(lint.output)")
        }
    }

    @Test("JUnit: only findings at or above --fail-on fail; the others pass with the finding in system-out")
    func junitFailOn() throws {
        let report = try Sample.report()
        let xml = JUnitPrinter().render(report)
        #expect(xml.contains(#"<testsuites name="tolk" tests="5" failures="1">"#))
        #expect(xml.components(separatedBy: "<failure ").count == 2)
        #expect(xml.contains(#"<failure type="error" message="unit 4d25d-103 has an empty translation">"#))
        #expect(
            xml.contains(
                #"<testcase name="TOLK305 ui-path-broken, unit 109" classname="\#(Sample.article.replacingOccurrences(of: ".", with: "_"))">"#
                    + "\n      <system-out>\(Sample.article):36:300: warning: [TOLK305 ui-path-broken] menu path"))
        #expect(JUnitPrinter(failOn: nil).render(report).contains(#"failures="0">"#))
    }

    @Test("JUnit: test names carry rule and unit, never a position, and are unique within a suite")
    func junitNames() throws {
        let article = "da-DK/a.md"
        let findings = [(28, 63, "4d25d-104"), (28, 118, "4d25d-104"), (30, 5, "4d25d-p105"), (1, 1, nil)].map { line, column, unit in
            Finding(
                rule: UIPathBroken.self, severity: .error, message: "broken", path: article,
                location: SourceLocation(line: line, column: column, offset: 0), unitID: unit)
        }
        let xml = JUnitPrinter().render(CheckReport(findings: findings, rules: [(UIPathBroken.self, .error)], articleCount: 1))
        let names = xml.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: #"<testcase name=""#), let end = line[start.upperBound...].firstIndex(of: "\"") else {
                return nil
            }
            return String(line[start.upperBound..<end])
        }
        #expect(
            names == [
                "TOLK305 ui-path-broken, unit 104", "TOLK305 ui-path-broken, unit 104 (2)", "TOLK305 ui-path-broken, unit p105",
                "TOLK305 ui-path-broken",
            ])
        #expect(xml.contains(#"classname="da-DK/a_md""#))
    }

    @Test("GitHub: summary first, then one escaped workflow command per finding")
    func github() throws {
        let output = GitHubPrinter(baseDirectory: Sample.root).render(try Sample.report())
        let expected = """
            tolk: \(Sample.summary)
            ::error file=Tests/TolkKitTests/Fixtures/articles/password-sync.md,line=26,col=36,title=TOLK201 empty-target::unit 4d25d-103 has an empty translation
            ::warning file=Tests/TolkKitTests/Fixtures/articles/password-sync.md,line=36,col=300,title=TOLK305 ui-path-broken::\(Sample.markupMessage)
            ::notice file=docs/a b\u{200B}%2Cc%3Ad.md,line=3,col=7,title=TOLK901 test-note::50%25 done%0D%0Anext: [31mred
            ::warning file=docs/z.md,title=TOLK305 ui-path-broken::whole file

            """
        #expect(output == expected)
        #expect(GitHubPrinter.escapeProperty("a%b:c,d\r\n") == "a%25b%3Ac%2Cd%0D%0A")
        #expect(GitHubPrinter.escapeData("a%b:c,d\r\n") == "a%25b:c,d%0D%0A")
    }

    @Test("every printer ends with one newline, also for an empty report")
    func emptyReport() {
        let report = CheckReport(findings: [], rules: [(EmptyTarget.self, .error)], articleCount: 0)
        let printers: [any FindingPrinter] = [
            TextPrinter(styler: .plain, sourceLines: SourceLines()), JSONFindingPrinter(), SARIFPrinter(), JUnitPrinter(), GitHubPrinter(),
        ]
        for printer in printers {
            let output = printer.render(report)
            #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"), "\(type(of: printer))")
        }
        #expect(TextPrinter(styler: .plain, sourceLines: SourceLines()).render(report) == "0 errors, 0 warnings, 0 notes in 0 articles\n")
        #expect(JUnitPrinter().render(report).hasSuffix("<testsuites name=\"tolk\" tests=\"0\" failures=\"0\"/>\n"))
    }

    /// The character drawn from display column `column` (0-based) of `text`.
    static func character(in text: String, atColumn column: Int) -> Character? {
        var position = 0
        for character in text {
            if position == column { return character }
            position += DisplayWidth.of(character)
            if position > column { return nil }
        }
        return nil
    }
}
