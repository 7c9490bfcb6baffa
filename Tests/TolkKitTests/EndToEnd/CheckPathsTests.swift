import Foundation
import Testing

/// The same files give the same findings and fingerprints however their path is
/// spelled; printed paths follow the spelling.
@Suite("tolk check: paths however spelled (built binary)")
struct CheckPathsTests {
    /// Two locale folders of real articles (Fixtures/README.md).
    static let locales = Fixtures.directory.appendingPathComponent("locales")
    static let danish = locales.appendingPathComponent("da-DK")

    @Test("the Danish folder checked as `..`, `.`, `da-DK`, absolute and through a symbolic link: one SARIF report")
    func danishFolder() throws {
        let expected = try TolkProcess.run(["check", "da-DK", "--format", "sarif"], directory: Self.locales)
        #expect(expected.status == 1)
        #expect(expected.stdout.contains("TOLK701"), "the cross-article rule sees the locale from the canonical path")
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: Self.danish)
        defer { try? FileManager.default.removeItem(at: link) }
        let runs: [([String], URL)] = [
            (["check", "..", "--format", "sarif"], Self.danish.appendingPathComponent("AlchemyInsights")),
            (["check", ".", "--format", "sarif"], Self.danish),
            (["check", "./da-DK//", "--format", "sarif"], Self.locales),
            (["check", Self.danish.path, "--format", "sarif"], FileManager.default.temporaryDirectory),
            (["check", link.path, "--format", "sarif"], FileManager.default.temporaryDirectory),
        ]
        for (arguments, directory) in runs {
            let out = try TolkProcess.run(arguments, directory: directory)
            #expect(out.status == expected.status)
            #expect(out.stdout == expected.stdout, "\(arguments) from \(directory.path)")
        }
    }

    @Test("printed paths are the checked path as written, then the path below it")
    func printedPaths() throws {
        let fromBelow = try TolkProcess.run(["check", ".."], directory: Self.danish.appendingPathComponent("AlchemyInsights"))
        #expect(fromBelow.stdout.contains("\n../AlchemyInsights/password-sync.md:28:81: error: [TOLK305 ui-path-broken]"))
        let tidied = try TolkProcess.run(["check", "./da-DK//", "--format", "json"], directory: Self.locales)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(tidied.stdout.utf8)) as? [String: Any])
        let paths = Set(((json["findings"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String })
        #expect(paths.contains("da-DK/AlchemyInsights/password-sync.md"))
        #expect(paths.allSatisfy { $0.hasPrefix("da-DK/AlchemyInsights/") })
    }

    @Test("a file named twice, itself and in its folder, is checked once")
    func namedTwice() throws {
        let file = "da-DK/AlchemyInsights/password-sync.md"
        let once = try TolkProcess.run(["check", "da-DK", "--format", "json"], directory: Self.locales)
        let twice = try TolkProcess.run(["check", file, "da-DK", "--format", "json"], directory: Self.locales)
        let a = try #require(try JSONSerialization.jsonObject(with: Data(once.stdout.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(twice.stdout.utf8)) as? [String: Any])
        #expect(a["articles"] as? Int == 7)
        #expect(b["articles"] as? Int == 7)
        let fingerprints = { (json: [String: Any]) in
            ((json["findings"] as? [[String: Any]]) ?? []).compactMap { $0["fingerprint"] as? String }
        }
        #expect(fingerprints(a).sorted() == fingerprints(b).sorted())
    }
}
