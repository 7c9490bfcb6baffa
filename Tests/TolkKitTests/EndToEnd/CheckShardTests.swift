import Foundation
import Testing
import TolkKit

/// `tolk check --shard K/N --format partial` and `--merge`: the merged report of the
/// shards is the unsharded one, byte for byte, with the same exit status.
@Suite("tolk check: shards and merge (built binary)")
struct CheckShardTests {
    /// Two locale folders of real articles (Fixtures/README.md): TOLK701 and TOLK702 judge across them.
    static let locales = Fixtures.directory.appendingPathComponent("locales").path

    /// A temporary folder, removed after `body`.
    private func inTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// Writes the partial files of `count` shards of `arguments` into `folder`.
    private func shards(_ count: Int, _ arguments: [String], in folder: URL, tag: String = "p") throws -> [String] {
        try (1...count).map { index in
            let file = folder.appendingPathComponent("\(tag)\(count)-\(index).json").path
            let out = try TolkProcess.run(["check"] + arguments + ["--shard", "\(index)/\(count)", "--format", "partial", "-o", file])
            #expect(out.status == 0, "\(out.stderr)")
            return file
        }
    }

    @Test(
        "N = 1…4 shards merged: the unsharded report byte for byte, same exit status",
        arguments: [
            ["--format", "sarif"], ["--format", "json"], ["--format", "junit"], ["--format", "text"],
            ["--format", "json", "--fail-on", "never"],
        ])
    func mergedEqualsUnsharded(_ options: [String]) throws {
        let unsharded = try TolkProcess.run(["check", Self.locales] + options)
        #expect(unsharded.status == (options.contains("never") ? 0 : 1))
        #expect(unsharded.stdout.contains("TOLK701") && unsharded.stdout.contains("TOLK702"), "the cross-article rules have findings")
        try inTemporaryFolder { folder in
            for count in 1...4 {
                let files = try shards(count, [Self.locales], in: folder)
                let merged = try TolkProcess.run(["check", "--merge"] + files + options)
                #expect(merged.status == unsharded.status, "N=\(count)")
                #expect(merged.stdout == unsharded.stdout, "N=\(count) \(options)")
                #expect(merged.stderr == unsharded.stderr)
            }
        }
    }

    @Test("a baseline applies at the merge as in an unsharded run")
    func baseline() throws {
        try inTemporaryFolder { folder in
            let baseline = folder.appendingPathComponent("baseline.json").path
            let files = try shards(3, [Self.locales], in: folder)
            let written = try TolkProcess.run(["check", "--merge"] + files + ["--write-baseline", baseline])
            #expect(written.status == 0)
            let unshardedBaseline = folder.appendingPathComponent("unsharded.json").path
            #expect(try TolkProcess.run(["check", Self.locales, "--write-baseline", unshardedBaseline]).status == 0)
            #expect(try String(contentsOfFile: baseline, encoding: .utf8) == String(contentsOfFile: unshardedBaseline, encoding: .utf8))
            let clean = try TolkProcess.run(["check", "--merge"] + files + ["--baseline", baseline, "--fail-on", "note"])
            #expect(clean.status == 0)
            #expect(clean.stdout.hasPrefix("0 errors, 0 warnings, 0 notes in 12 articles"))
        }
    }

    @Test("partial files from another build, another configuration or another run are refused; so is a missing shard")
    func refused() throws {
        try inTemporaryFolder { folder in
            let files = try shards(2, [Self.locales], in: folder)

            var text = try String(contentsOfFile: files[1], encoding: .utf8)
            let tool = try #require(text.range(of: #""tool":"[^"]*""#, options: .regularExpression))
            text.replaceSubrange(tool, with: #""tool":"tolk 0.0.9 build 0123456789abcdef""#)
            let foreign = folder.appendingPathComponent("foreign.json").path
            try text.write(toFile: foreign, atomically: true, encoding: .utf8)
            let older = try TolkProcess.run(["check", "--merge", files[0], foreign])
            #expect(older.status == 2)
            #expect(older.stderr.hasPrefix("\(foreign):1:1: error: written by tolk 0.0.9 build 0123456789abcdef, not by this tolk "))
            #expect(older.stderr.contains("run the shards and the merge with the same build of Tolk"))

            let config = folder.appendingPathComponent("tolk.yml").path
            try "rules:\n  TOLK701: error\n".write(toFile: config, atomically: true, encoding: .utf8)
            let other = folder.appendingPathComponent("other.json").path
            #expect(
                try TolkProcess.run(["check", Self.locales, "--config", config, "--shard", "2/2", "--format", "partial", "-o", other])
                    .status
                    == 0)
            let configured = try TolkProcess.run(["check", "--merge", files[0], other])
            #expect(configured.status == 2)
            #expect(configured.stderr.hasPrefix("\(other):1:1: error: checked with another configuration"))
            #expect(configured.stderr.contains("run every shard with the same .tolk.yml"))

            let missing = try TolkProcess.run(["check", "--merge", files[0]])
            #expect(missing.status == 2)
            #expect(missing.stderr == "tolk: error: shard 2/2 is missing; merge every shard's partial file\n")
            let twice = try TolkProcess.run(["check", "--merge", files[0], files[0]])
            #expect(twice.stderr.contains("error: shard 1/2 is given twice"))

            let thirds = try shards(3, [Self.locales], in: folder)
            let mixed = try TolkProcess.run(["check", "--merge", files[0], thirds[1], thirds[2]])
            #expect(
                mixed.stderr
                    == "\(thirds[1]):1:1: error: shard 2/3 of another run than \(files[0]) (shard 1/2); merge the shards of one run\n")
            let danish = try shards(2, [Self.locales + "/da-DK"], in: folder, tag: "da")
            let otherPaths = try TolkProcess.run(["check", "--merge", files[0], danish[1]])
            #expect(otherPaths.stderr.contains("error: checked \(Self.locales)/da-DK, not the paths of \(files[0])"))

            let notPartial = try TolkProcess.run(["check", "--merge", Fixtures.path("articles/password-sync.md")])
            #expect(notPartial.status == 2)
            #expect(notPartial.stderr.contains("error: not a tolk partial report; write one with tolk check PATHS --shard K/N"))
        }
    }

    @Test("usage: --shard writes a partial report; the merge takes the run's options")
    func usage() throws {
        let noFormat = try TolkProcess.run(["check", Self.locales, "--shard", "1/2"])
        #expect(noFormat.status == 2)
        #expect(noFormat.stderr.contains("--shard K/N writes a partial report: add --format partial -o FILE"))
        #expect(try TolkProcess.run(["check", Self.locales, "--shard", "3/2", "--format", "partial"]).status == 2)
        let baseline = try TolkProcess.run(["check", Self.locales, "--format", "partial", "--baseline", "b.json"])
        #expect(baseline.stderr.contains("--baseline applies to the whole run: give it to --merge, not to a shard"))
        #expect(try TolkProcess.run(["check", "--merge"]).stderr.contains("--merge needs the partial files of every shard"))
    }

    @Test("an article added moves no other article to another shard")
    func stableShards() throws {
        try inTemporaryFolder { folder in
            let copy = folder.appendingPathComponent("locales")
            try FileManager.default.copyItem(atPath: Self.locales, toPath: copy.path)
            func assignment() throws -> [String: Int] {
                let files = try CheckedFiles(paths: [copy.path])
                var shard: [String: Int] = [:]
                for file in files.files {
                    let below = files.pathBelowRoot(file)
                    shard[below] = try #require((1...4).first { PartialReport.Shard("\($0)/4")!.contains(below) })
                }
                return shard
            }
            let before = try assignment()
            #expect(Set(before.values).count > 1, "the fixture set spreads over several shards")
            try FileManager.default.copyItem(
                atPath: copy.appendingPathComponent("da-DK/AlchemyInsights/password-sync.md").path,
                toPath: copy.appendingPathComponent("da-DK/AlchemyInsights/a-new-article.md").path)
            let after = try assignment()
            #expect(after.count == before.count + 1)
            #expect(after.filter { before[$0.key] != nil } == before)
        }
    }
}
