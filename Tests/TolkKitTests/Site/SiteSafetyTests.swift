import Foundation
import Testing

@testable import TolkKit

@Suite("tolk site: hostile names, bad articles, failed and interrupted builds")
struct SiteSafetyTests {
    /// The e2e fixtures' hostile file names (e2e/fixtures/README.md).
    static let hostileNames = [
        #"x\"><img src=x onerror=alert(137)>.md"#, "javascript:alert(139).md", "'><svg onload=window.__tolkPwned=140>.md",
        "%3Cscript%3Ealert(141)%3C%2Fscript%3E.md", "x%2F..%2F..%2F..%2Fevil.md",
    ]

    @Test("slugs are lowercase ASCII letters, digits and dashes, whatever the file is called")
    func slugs() {
        #expect(SiteSlug.make(fromFileName: "password-sync.md") == "password-sync")
        #expect(SiteSlug.make(fromFileName: "Aktivér Sync.md") == "aktiver-sync")
        #expect(SiteSlug.make(fromFileName: "Ændr brugernavn på én gang.md") == "aendr-brugernavn-pa-en-gang")
        #expect(SiteSlug.make(fromFileName: "restore-group-eac\u{200B}\u{200B}.md") == "restore-group-eac")
        #expect(SiteSlug.make(fromFileName: "x%2F..%2F..%2F..%2Fevil.md") == "x-2f-2f-2f-2fevil")
        #expect(SiteSlug.make(fromFileName: "日本語.md").hasPrefix("article-"))
        for name in Self.hostileNames {
            let slug = SiteSlug.make(fromFileName: name)
            #expect(SiteSlug.isSafe(slug), "\(name) → \(slug)")
        }
        let plan = SitePlan(contentRoot: "/c", articles: ["/c/Foo.md", "/c/foo.md", "/c/sub/foo.md", "/c/a/b/FOO.md"])
        // Shallowest first, then by path ("F" sorts before "f"); entries are listed by path.
        #expect(plan.entries.map(\.path) == ["/c/Foo.md", "/c/a/b/FOO.md", "/c/foo.md", "/c/sub/foo.md"])
        #expect(plan.entries.map(\.slug) == ["foo", "foo-4", "foo-2", "foo-3"])
    }

    @Test("output paths are checked: nothing leaves the folder")
    func pathCheck() {
        for good in ["da/x/index.html", "media/AlchemyInsights/media/a_b-1.png", ".tolk-site", "sitemap.xml"] {
            #expect(SiteFileWriter.isSafe(good), "\(good)")
        }
        for bad in ["../evil", "da/../../evil", "/etc/passwd", "da//x", "da/./x", "da/.hidden", "da/x y", "da/%2e%2e", ""] {
            #expect(!SiteFileWriter.isSafe(bad), "\(bad)")
        }
    }

    @Test("--quiet prints errors only: the warning for an article that names no locale is left out")
    func quietMeansErrorsOnly() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, ["content/password-sync.md", "content/error-code-0x15.md"])
        let text = try SiteTesting.read(content + "/error-code-0x15.md")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("ms.contentlocale:") }
        try lines.joined(separator: "\n").write(toFile: content + "/error-code-0x15.md", atomically: true, encoding: .utf8)
        let loud = try TolkProcess.run(["site", content, "--out", root + "/a"])
        #expect(loud.status == 0)
        #expect(loud.stderr.contains("error-code-0x15.md:1:1: warning: no ms.contentlocale and no locale folder"), "\(loud.stderr)")
        let quiet = try TolkProcess.run(["site", content, "--out", root + "/b", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        // An error still shows.
        try "---\ntitle: [broken\n---\n".write(toFile: content + "/broken.md", atomically: true, encoding: .utf8)
        let failing = try TolkProcess.run(["site", content, "--out", root + "/c", "--quiet"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("broken.md:") && failing.stderr.contains(": error: "), "\(failing.stderr)")
        #expect(!failing.stderr.contains("warning:"))
    }

    @Test("hostile file names become harmless folders inside --out; the built binary writes nothing beside it")
    func hostileNames() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, ["content/password-sync.md"])
        for name in Self.hostileNames {
            try FileManager.default.copyItem(atPath: content + "/password-sync.md", toPath: content + "/" + name)
        }
        let out = root + "/site"
        let run = try TolkProcess.run(["site", content, "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(SiteTesting.entries(root) == ["content", "site"])
        #expect(!FileManager.default.fileExists(atPath: root + "/evil"))
        let slugs = SiteTesting.entries(out + "/da").filter { $0 != "index.html" }
        #expect(slugs.count == 6)
        #expect(slugs.allSatisfy(SiteSlug.isSafe), "\(slugs)")
        #expect(Set(slugs) == Set(SiteTesting.entries(out + "/en").filter { $0 != "index.html" }))
        let index = try SiteTesting.read(out + "/da/index.html")
        HTMLTesting.expect(index, lacks: "<img", "<svg", "javascript:", "%2F")
        HTMLTesting.expectWellFormed(index)
    }

    @Test("a bad article is reported as path:line:col: error: and skipped; the rest is built; exit 1")
    func badArticle() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, ["content/password-sync.md", "content/error-code-0x15.md"])
        var bytes = Array("---\nms.contentlocale: da-DK\n---\n# Ugyldig \u{FF}".utf8)
        bytes[bytes.count - 2] = 0xFF
        FileManager.default.createFile(atPath: content + "/broken.md", contents: Data(bytes))
        let out = root + "/site"
        let run = try TolkProcess.run(["site", content, "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains(content + "/broken.md:4:11: error: invalid UTF-8 byte 0xFF"), "\(run.stderr)")
        #expect(run.stderr.contains("built 4 pages"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/da/password-sync/index.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "/da/broken"))
    }

    @Test("a build stopped halfway (SIGINT, or a failure) leaves the previous site as it was and no temporary folder")
    func interrupted() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        _ = try SiteTesting.build(SiteTesting.options(content, out))
        let before = try SiteTesting.read(out + "/da/password-sync/index.html")
        let files = SiteTesting.files(out)

        // Change an article, then stop the next build after its first article.
        try (try SiteTesting.read(content + "/password-sync.md") + "\nÆndret.\n").write(
            toFile: content + "/password-sync.md", atomically: true, encoding: .utf8)
        let counter = StopCounter()
        #expect(throws: SiteError.interrupted) {
            try SiteTesting.build(SiteTesting.options(content, out), shouldStop: { counter.next() > 1 })
        }
        #expect(try SiteTesting.read(out + "/da/password-sync/index.html") == before)
        #expect(SiteTesting.files(out) == files)
        #expect(SiteTesting.entries(root) == ["content", "site"], "the temporary folder is gone")

        // The same for an incremental build, stopped before its files are moved in.
        var incremental = SiteTesting.options(content, out)
        incremental.incremental = true
        #expect(throws: SiteError.interrupted) { try SiteTesting.build(incremental, shouldStop: { true }) }
        #expect(try SiteTesting.read(out + "/da/password-sync/index.html") == before)
        #expect(SiteTesting.entries(root) == ["content", "site"])
    }

    @Test("SIGTERM to the built binary: exit 130 or a finished build, never a half-replaced site")
    func signal() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, ["content/password-sync.md"])
        let seed = try SiteTesting.read(content + "/password-sync.md")
        for i in 0..<400 { try seed.write(toFile: content + "/copy-\(i).md", atomically: false, encoding: .utf8) }
        let out = root + "/site"
        #expect(try TolkProcess.run(["site", content, "--out", out, "--quiet"]).status == 0)
        let before = SiteTesting.files(out)
        try (seed + "\nÆndret.\n").write(toFile: content + "/copy-1.md", atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = TolkProcess.executable
        process.arguments = ["site", content, "--out", out, "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(150_000)
        process.terminate()
        process.waitUntilExit()
        #expect([0, 130, 143].contains(process.terminationStatus), "\(process.terminationStatus)")
        #expect(SiteTesting.files(out) == before, "the site is whole: the old one or the new one, same pages")
        if process.terminationStatus != 0 {
            #expect(SiteTesting.entries(root).filter { $0.hasPrefix(".site.tolk-build") }.isEmpty, "\(SiteTesting.entries(root))")
        }
    }
}

/// Counts the calls of a `shouldStop` closure from any thread.
final class StopCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
