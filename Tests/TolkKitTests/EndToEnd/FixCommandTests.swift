import Foundation
import Testing

@testable import TolkKit

@Suite("tolk check --fix and tolk labels (built binary)")
struct FixCommandTests {
    /// A copy of the label fixtures in a temporary folder, removed afterwards.
    func withCopy(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("labels")) where name.hasSuffix(".md") {
            try FileManager.default.copyItem(atPath: Fixtures.path("labels/" + name), toPath: dir.appendingPathComponent(name).path)
        }
        try body(dir.path)
    }

    func contents(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return out
    }

    @Test("--fix repairs the seed's UI paths, a second --fix changes nothing, and check no longer reports them")
    func fixTwice() throws {
        try withCopy { folder in
            let before = try TolkProcess.run(["check", folder, "--format", "json", "--fail-on", "never"]).stdout
            #expect(before.contains("\"TOLK305\""))
            let first = try TolkProcess.run(["check", folder, "--fix", "--fail-on", "never"])
            #expect(first.status == 0)
            #expect(first.stderr.contains("password-sync.md:28:"))
            #expect(first.stderr.contains("labels from block-sign-in-for-all-users, enable-multifactor-authentication, password-sync-2021"))
            let seed = try String(contentsOfFile: folder + "/password-sync.md", encoding: .utf8)
            #expect(
                seed.contains(
                    "**brugere** \\> **aktive brugere**, og på siden Aktive brugere skal du vælge **flere** \\> **Katalogsynkronisering.***"
                ))
            // Only the fixed units changed: the file differs from the original in those lines alone.
            let original = try String(contentsOfFile: Fixtures.path("labels/password-sync.md"), encoding: .utf8)
            let changed = zip(
                original.split(separator: "\n", omittingEmptySubsequences: false),
                seed.split(separator: "\n", omittingEmptySubsequences: false)
            )
            .filter { $0 != $1 }.count
            #expect(changed >= 1 && changed <= 3)
            let after = try contents(folder)
            let second = try TolkProcess.run(["check", folder, "--fix", "--fail-on", "never"])
            #expect(second.stderr.contains("tolk: fixed 0 findings in 0 files") || second.stderr.contains("nothing to fix"))
            #expect(try contents(folder) == after)
            let report = try TolkProcess.run(["check", folder + "/password-sync.md", "--fail-on", "never"]).stdout
            #expect(!report.contains("TOLK305"))
        }
    }

    @Test("--fix writes no English label: a path with a label the memory lacks is left for a translator")
    func noEnglishLabels() throws {
        try withCopy { folder in
            // From the corpus's employee-leaving.md: the memory knows Save changes (from the fixtures) but not
            // Block the user from signing in, whose translation stands just before the broken path.
            let unit = Fixtures.unit(
                "32edb-108", "Vælg **Bloker brugeren fra at logge på** Gem \\> **ændringer**.",
                "Choose **Block the user from signing in** \\> **Save changes**.")
            let text =
                "---\nms.contentlocale: da-DK\nms.translationtype: MT\n---\n# " + Fixtures.unit("32edb-101", "Titel", "Title")
                + "\n\n4. " + unit + "\n"
            try text.write(toFile: folder + "/employee-leaving.md", atomically: true, encoding: .utf8)
            let fixed = try TolkProcess.run(["check", folder, "--fix", "--fail-on", "never"])
            #expect(fixed.status == 0)
            let after = try String(contentsOfFile: folder + "/employee-leaving.md", encoding: .utf8)
            #expect(after == text, "the unit is left as published")
            #expect(!fixed.stderr.contains("employee-leaving.md:"))
            // Reading does not guess either: words stand beside the label the memory lacks.
            let shown = try TolkProcess.run(["show", folder + "/employee-leaving.md", "--lang", "da", "--no-pager", "--no-status"])
            #expect(shown.stdout.contains("Vælg Bloker brugeren fra at logge på Gem > ændringer."))
        }
    }

    @Test("--fix --dry-run prints a unified diff that patch applies, and writes nothing")
    func dryRun() throws {
        try withCopy { folder in
            let before = try contents(folder)
            let out = try TolkProcess.run(["check", folder, "--fix", "--dry-run"])
            #expect(out.status == 0)
            #expect(try contents(folder) == before)
            #expect(out.stdout.contains("--- a/"))
            #expect(out.stdout.contains("\n-     <span data-ttu-id=\"4d25d-104\">*Alternativt kan du gå til **Aktive** **brugere** \\> ,"))
            #expect(out.stdout.contains("# ") && out.stdout.contains("[TOLK305] \"Users\" → \"brugere\""))
            // The diff applies with patch and gives what --fix writes.
            let patch = Process()
            patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
            patch.arguments = ["-s", "-p0", "-d", "/"]
            let input = Pipe()
            patch.standardInput = input
            let absolute = out.stdout.replacingOccurrences(of: "--- a/", with: "--- ").replacingOccurrences(of: "+++ b/", with: "+++ ")
            try patch.run()
            input.fileHandleForWriting.write(Data(absolute.utf8))
            try input.fileHandleForWriting.close()
            patch.waitUntilExit()
            #expect(patch.terminationStatus == 0)
            let patched = try contents(folder)
            _ = try TolkProcess.run(["check", folder, "--fix"])
            #expect(try contents(folder) == patched)
        }
    }

    @Test("tolk labels lists Active users with its translations; --format tbx parses")
    func labelsCommand() throws {
        let text = try TolkProcess.run(["labels", Fixtures.path("labels"), "--lang", "da"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  Active users → aktive brugere ×2 (block-sign-in-for-all-users, enable-multifactor-authentication)"))
        let tbx = try TolkProcess.run(["labels", Fixtures.path("labels"), "--format", "tbx"])
        #expect(XMLParseCheck.errorCount(tbx.stdout) == 0)
        #expect(tbx.stdout.contains("<term>aktive brugere</term>"))
        let missing = try TolkProcess.run(["labels", Fixtures.path("labels"), "--lang", "sv"])
        #expect(missing.status == 2)
    }

    @Test("show reads the seed repaired and marked; --no-repair and render --to markdown show it as published")
    func showRepaired() throws {
        let seed = Fixtures.path("labels/password-sync.md")
        let shown = try TolkProcess.run(["show", seed, "--lang", "da", "--no-pager", "--no-status", "--width", "200"])
        #expect(
            shown.stdout.contains(
                "Alternativt kan du gå til brugere > aktive brugere, og på siden Aktive brugere skal du vælge flere > Katalogsynkronisering.†"
            ))
        let plain = try TolkProcess.run(["show", seed, "--lang", "da", "--no-pager", "--no-status", "--width", "200", "--no-repair"])
        #expect(plain.stdout.contains("Alternativt kan du gå til Aktive brugere > , og på siden Aktive brugere skal > du vælge"))
        #expect(!plain.stdout.contains("†"))
        let markdown = try TolkProcess.run(["render", seed, "--to", "markdown", "--lang", "target"]).stdout
        let published = try TolkProcess.run(["render", Fixtures.path("articles/password-sync.md"), "--to", "markdown", "--lang", "target"])
            .stdout
        #expect(markdown == published)
        let html = try TolkProcess.run(["render", seed, "--to", "html", "--lang", "da"]).stdout
        #expect(html.contains("<span class=\"tu-repaired\" tabindex=\"-1\" aria-describedby=\"tolk-p-2\">"))
        #expect(html.contains("<span class=\"tu-published\" id=\"tolk-p-2\">Rettet af Tolk; udgivet som: <span lang=\"da-DK\">"))
    }

    @Test(
        "on the Danish corpus: the memory has Active users → aktive brugere, and the seed reads both paths repaired",
        .enabled(if: Fixtures.corpus != nil, "corpus not found: set TOLK_CORPUS or place shared/corpus beside the checkout"))
    func corpus() throws {
        let corpus = try #require(Fixtures.corpus)
        let tbx = try TolkProcess.run(["labels", corpus, "--format", "tbx"])
        #expect(tbx.status == 0)
        #expect(XMLParseCheck.errorCount(tbx.stdout) == 0)
        let entry = try #require(tbx.stdout.range(of: "<term>Active Users</term>"))
        let concept = tbx.stdout[entry.upperBound...].prefix { _ in true }
        let end = try #require(concept.range(of: "</conceptEntry>"))
        #expect(concept[..<end.lowerBound].contains("<term>aktive brugere</term>"))
        let seed = Fixtures.path("articles/password-sync.md")
        let shown = try TolkProcess.run([
            "show", seed, "--lang", "da", "--no-pager", "--no-status", "--width", "200", "--labels-from", corpus,
        ])
        #expect(
            shown.stdout.contains(
                "Alternativt kan du gå til Brugere > Aktive brugere, og på siden Aktive brugere skal du vælge flere > Katalogsynkronisering.†"
            ))
    }
}
