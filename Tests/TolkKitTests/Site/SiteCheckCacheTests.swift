import Foundation
import Testing

@testable import TolkKit

/// The check cache: the counts of `tolk check`'s rules per article kept between builds,
/// so that a build into an empty folder runs them only on articles that changed. A
/// build that takes counts from the cache must publish exactly what a build that runs
/// every rule publishes.
@Suite("tolk site check cache")
struct SiteCheckCacheTests {
    /// A small article whose one bold UI label (**Settings**) is translated as `label`.
    static func article(_ name: String, _ label: String) -> String {
        """
        ---
        title: \(name)
        ms.contentlocale: da-DK
        ---
        # <span data-ttu-id="5a1b2-101">Vejledning \(name)</span><span class="sxs-lookup"><span data-stu-id="5a1b2-101">Guide \(name)</span></span>

        <span data-ttu-id="5a1b2-102">**\(label)**</span><span class="sxs-lookup"><span data-stu-id="5a1b2-102">**Settings**</span></span>

        <span data-ttu-id="5a1b2-103">Klik på Gem.</span><span class="sxs-lookup"><span data-stu-id="5a1b2-103">Click Save.</span></span>

        """
    }

    /// Three articles; `beta` translates the shared label differently (TOLK701 there, and at alpha for the other translation).
    static func content(in root: String) throws -> String {
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        try article("alpha", "Indstillinger").write(toFile: content + "/alpha.md", atomically: true, encoding: .utf8)
        try article("beta", "Opsætning").write(toFile: content + "/beta.md", atomically: true, encoding: .utf8)
        try article("gamma", "Indstillinger").write(toFile: content + "/gamma.md", atomically: true, encoding: .utf8)
        return content
    }

    static func build(_ content: String, _ out: String, cache: String?) throws -> SiteBuilder.Report {
        var options = SiteTesting.options(content, out)
        options.checkCacheDirectory = cache
        return try SiteTesting.build(options)
    }

    static func crossWarnings(_ out: String, _ path: String) throws -> Int {
        let manifest = try #require(SiteManifest.read(out + "/.tolk-site"))
        return try #require(manifest.articles.first { $0.path == path }).crossFindings.warnings
    }

    @Test("a second build, into an empty folder, takes every article's findings from the cache and publishes the same site")
    func warmBuildIsTheSame() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try Self.content(in: root)
        let cache = root + "/cache"

        let reference = try Self.build(content, root + "/checked", cache: nil)
        #expect(reference.checksFromCache == 0)
        #expect(try Self.crossWarnings(root + "/checked", "beta.md") == 1, "beta's other translation is TOLK701")
        #expect(SiteTesting.entries(root).contains("cache") == false, "no cache folder unless one is given")

        let cold = try Self.build(content, root + "/cold", cache: cache)
        #expect(cold.checksFromCache == 0)
        // The check cache, beside the search index (`search-….sqlite`) the build keeps too.
        let files = SiteTesting.entries(cache).filter { !$0.hasPrefix("search-") }
        #expect(files.count == 1 && files[0].hasPrefix("site-checks-") && files[0].hasSuffix(".tolk-site"))
        #expect(SiteTesting.entries(cache).contains { $0.hasPrefix("search-") && $0.hasSuffix(".sqlite") })

        let cacheFile = cache + "/" + files[0]
        let written = SiteIncrementalTests.identity(cacheFile)
        let warm = try Self.build(content, root + "/warm", cache: cache)
        #expect(warm.checksFromCache == 6)
        #expect(SiteIncrementalTests.identity(cacheFile) == written, "a cache that holds exactly these articles is not written again")
        for out in ["cold", "warm"] {
            let files = SiteTesting.files(root + "/" + out).filter { $0 != ".tolk-site" }
            #expect(files == SiteTesting.files(root + "/checked").filter { $0 != ".tolk-site" })
            for file in files {
                #expect(
                    try Data(contentsOf: URL(fileURLWithPath: root + "/\(out)/" + file))
                        == Data(contentsOf: URL(fileURLWithPath: root + "/checked/" + file)), "\(out)/\(file) differs")
            }
        }
        #expect(try SiteTesting.read(root + "/warm/translation-status/index.html").contains("beta"))
    }

    @Test("after one article changes, only it is checked again, and the rules that compare articles judge the whole set anew")
    func oneArticleChanged() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try Self.content(in: root)
        let cache = root + "/cache"
        _ = try Self.build(content, root + "/first", cache: cache)
        #expect(try Self.crossWarnings(root + "/first", "beta.md") == 1)

        // beta now says what the others say: no TOLK701 anywhere, though alpha and gamma come from the cache.
        try Self.article("beta", "Indstillinger").write(toFile: content + "/beta.md", atomically: true, encoding: .utf8)
        let second = try Self.build(content, root + "/second", cache: cache)
        #expect(second.checksFromCache == 5)
        #expect(try Self.crossWarnings(root + "/second", "beta.md") == 0)
        let reference = try Self.build(content, root + "/reference", cache: nil)
        #expect(reference.checksFromCache == 0)
        #expect(
            try SiteTesting.read(root + "/second/translation-status/index.html")
                == SiteTesting.read(root + "/reference/translation-status/index.html"))

        // And back: the cache written by the second build is used by the third.
        try Self.article("gamma", "Opsætning").write(toFile: content + "/gamma.md", atomically: true, encoding: .utf8)
        let third = try Self.build(content, root + "/third", cache: cache)
        #expect(third.checksFromCache == 5)
        #expect(try Self.crossWarnings(root + "/third", "gamma.md") == 1)
    }

    @Test("a changed .tolk.yml, --no-checks, or a damaged cache file: no counts are taken from the cache")
    func invalidation() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try Self.content(in: root)
        let cache = root + "/cache"
        _ = try Self.build(content, root + "/a", cache: cache)
        #expect(try Self.build(content, root + "/b", cache: cache).checksFromCache == 6)

        try "rules:\n  inconsistent-translation: off\n".write(toFile: content + "/.tolk.yml", atomically: true, encoding: .utf8)
        let configured = try Self.build(content, root + "/c", cache: cache)
        #expect(configured.checksFromCache == 0, "other rules, other counts")
        #expect(try Self.crossWarnings(root + "/c", "beta.md") == 0)
        #expect(try Self.build(content, root + "/d", cache: cache).checksFromCache == 6)

        var options = SiteTesting.options(content, root + "/e")
        options.checkCacheDirectory = cache
        options.runChecks = false
        #expect(try SiteTesting.build(options).checksFromCache == 0)

        let file = cache + "/" + SiteTesting.entries(cache).first { $0.hasPrefix("site-checks-") }!
        try "tolk-site 1 garbage\nnot\ta\tmanifest\n".write(toFile: file, atomically: true, encoding: .utf8)
        let damaged = try Self.build(content, root + "/f", cache: cache)
        #expect(damaged.checksFromCache == 0 && damaged.rendered == 6)
        #expect(try Self.build(content, root + "/g", cache: cache).checksFromCache == 6, "rewritten by the build before")

        // A cache folder that cannot be made is no cache, not a failed build.
        try "a file".write(toFile: root + "/blocked", atomically: true, encoding: .utf8)
        #expect(try Self.build(content, root + "/h", cache: root + "/blocked/cache").rendered == 6)
    }

    @Test("tolk site: the summary says how many articles' findings came from the cache; --no-cache and --cache-dir")
    func commandLine() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try Self.content(in: root)
        let environment = ["TOLK_CACHE_DIR": root + "/cache"]
        let first = try TolkProcess.run(["site", content, "--out", root + "/a"], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stderr.contains("check cache"))
        let second = try TolkProcess.run(["site", content, "--out", root + "/b"], environment: environment)
        #expect(second.stderr.contains("(6 articles rendered, findings of 6 unchanged articles from the check cache)"), "\(second.stderr)")
        let none = try TolkProcess.run(["site", content, "--out", root + "/c", "--no-cache"], environment: environment)
        #expect(none.status == 0 && !none.stderr.contains("check cache"))
        let other = try TolkProcess.run(["site", content, "--out", root + "/d", "--cache-dir", root + "/other"])
        #expect(other.status == 0 && SiteTesting.entries(root + "/other").filter { $0.hasPrefix("site-checks-") }.count == 1)
        let both = try TolkProcess.run(["site", content, "--out", root + "/e", "--no-cache", "--cache-dir", root + "/other"])
        #expect(both.status == 2 && both.stderr.contains("--cache-dir and --no-cache exclude each other"))
    }
}
