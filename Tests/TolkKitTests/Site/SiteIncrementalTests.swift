import Foundation
import Testing

@testable import TolkKit

@Suite("tolk site --incremental")
struct SiteIncrementalTests {
    /// The inode and modification time of a file: unchanged when the build left it alone.
    static func identity(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        return "\(info.st_ino) \(Platform.modificationNanoseconds(info))"
    }

    @Test("after one article changes, only its pages are written again; the manifest says what was built")
    func oneArticle() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        var options = SiteTesting.options(content, out)
        options.incremental = true
        let first = try SiteTesting.build(options)
        #expect(!first.incremental && first.rendered == 3, "no previous site: a whole build")

        let unchangedPages = [
            "da/error-code-0x15/index.html", "en/error-code-0x15/index.html", "da/contact-us-by-clicking-the-headphone-button/index.html",
            "da/index.html", "translation-status/index.html", "sitemap.xml", "assets/tolk.css",
        ]
        let before = Dictionary(uniqueKeysWithValues: unchangedPages.map { ($0, Self.identity(out + "/" + $0)) })
        let seedBefore = Self.identity(out + "/da/password-sync/index.html")

        // Nothing changed: nothing rendered.
        let again = try SiteTesting.build(options)
        #expect(again.incremental && again.rendered == 0 && again.reused == 3)

        // One article's text changes (not its title): its two pages are rendered again, nothing else.
        let path = content + "/password-sync.md"
        let text = try SiteTesting.read(path).replacingOccurrences(
            of: "Nu kan du se din status", with: "Nu kan du straks se din status")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let third = try SiteTesting.build(options)
        #expect(third.incremental && third.rendered == 1 && third.reused == 2)
        #expect(try SiteTesting.read(out + "/da/password-sync/index.html").contains("Nu kan du straks se din status"))
        #expect(Self.identity(out + "/da/password-sync/index.html") != seedBefore)
        for page in unchangedPages { #expect(Self.identity(out + "/" + page) == before[page], "\(page) was written again") }
        let manifest = try #require(SiteManifest.read(out + "/.tolk-site"))
        #expect(manifest.articles.count == 3)
        #expect(SiteTesting.entries(root) == ["content", "site"], "no staging folder left")

        // A changed binding renders its article again too.
        let binding = content + "/password-sync.status.yml"
        try (try SiteTesting.read(binding) + "\n# edited\n").write(toFile: binding, atomically: true, encoding: .utf8)
        #expect(try SiteTesting.build(options).rendered == 1)

        // A new title changes the indexes: they are written again.
        try text.replacingOccurrences(of: "Aktiver synkronisering af adgangskode", with: "Slå synkronisering af adgangskode til")
            .write(toFile: path, atomically: true, encoding: .utf8)
        _ = try SiteTesting.build(options)
        #expect(try SiteTesting.read(out + "/da/index.html").contains("Slå synkronisering af adgangskode til"))
    }

    @Test("a change of templates, options or the set of articles builds everything again")
    func settings() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let out = root + "/site"
        var options = SiteTesting.options(content, out)
        options.incremental = true
        _ = try SiteTesting.build(options)
        options.baseURL = "https://help.example.com/"
        #expect(try !SiteTesting.build(options).incremental)
        #expect(try SiteTesting.build(options).incremental)
        try FileManager.default.copyItem(atPath: content + "/error-code-0x15.md", toPath: content + "/another.md")
        let added = try SiteTesting.build(options)
        #expect(!added.incremental && added.rendered == 4)
    }
}
