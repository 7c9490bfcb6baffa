import Foundation
import Testing

@testable import TolkKit

@Suite("Content folder search")
struct ContentSearchTests {
    /// A temporary tree: `work/` (the current folder), `data/tolk/content` (XDG_DATA_HOME),
    /// `home/.local/share/tolk/content` (HOME) and `prefix/bin/tolk` with
    /// `prefix/share/tolk/content`; the content folders only where `present` names them.
    struct Tree {
        let root: String
        var work: String { root + "/work" }
        var data: String { root + "/data" }
        var home: String { root + "/home" }
        var executable: String { root + "/prefix/bin/tolk" }
        var local: String { work + "/content" }
        var xdg: String { data + "/tolk/content" }
        var homeContent: String { home + "/.local/share/tolk/content" }
        var prefix: String { root + "/prefix/share/tolk/content" }

        init(_ present: [KeyPath<Tree, String>]) throws {
            root = try SiteTesting.temporaryFolder("tolk-content-search")
            for folder in [work, data, home, root + "/prefix/bin"] + present.map({ self[keyPath: $0] }) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            _ = FileManager.default.createFile(atPath: executable, contents: Data())
        }

        func search(explicit: String? = nil, _ environment: [String: String] = [:]) -> ContentSearch {
            ContentSearch(explicit: explicit, environment: environment, executablePath: executable, currentDirectory: work)
        }
    }

    @Test("--content, TOLK_CONTENT, ./content, XDG_DATA_HOME (else HOME), the prefix: the first that exists wins")
    func order() throws {
        let all = try Tree([\.local, \.xdg, \.homeContent, \.prefix])
        defer { try? FileManager.default.removeItem(atPath: all.root) }
        let environment = ["TOLK_CONTENT": "/from/variable", "XDG_DATA_HOME": all.data, "HOME": all.home]
        #expect(all.search(explicit: "/from/option", environment).found == .init(path: "/from/option", origin: "--content"))
        #expect(all.search(environment).found == .init(path: "/from/variable", origin: "TOLK_CONTENT"))
        #expect(all.search(["XDG_DATA_HOME": all.data, "HOME": all.home]).found?.path == all.local)

        try FileManager.default.removeItem(atPath: all.local)
        #expect(all.search(["XDG_DATA_HOME": all.data, "HOME": all.home]).found == .init(path: all.xdg, origin: "XDG_DATA_HOME"))
        // Without XDG_DATA_HOME (or with a relative one, which the XDG rules ignore), HOME's default.
        #expect(all.search(["HOME": all.home]).found == .init(path: all.homeContent, origin: "HOME"))
        #expect(all.search(["XDG_DATA_HOME": "relative/data", "HOME": all.home]).found?.path == all.homeContent)
        // XDG_DATA_HOME set: HOME's default is not its fallback.
        try FileManager.default.removeItem(atPath: all.xdg)
        #expect(all.search(["XDG_DATA_HOME": all.data, "HOME": all.home]).found == .init(path: all.prefix, origin: "tolk's prefix"))
        #expect(all.search(["HOME": all.home]).found?.path == all.homeContent)
    }

    @Test("nothing found: every place looked at is named, in order")
    func nothingFound() throws {
        let empty = try Tree([])
        defer { try? FileManager.default.removeItem(atPath: empty.root) }
        let search = empty.search(["HOME": empty.home])
        #expect(search.found == nil)
        #expect(search.looked.map(\.path) == [empty.local, empty.homeContent, empty.prefix])
        #expect(
            search.summary
                == "no content folder: none of \(empty.local) (./content), \(empty.homeContent) (HOME), \(empty.prefix) (tolk's prefix) exists"
        )
    }

    @Test("an article name not found: the message names the content folder and where Tolk looked")
    func notFoundMessage() throws {
        let tree = try Tree([\.prefix])
        defer { try? FileManager.default.removeItem(atPath: tree.root) }
        let run = try TolkProcess.run(
            ["show", "no-such-article", "--no-pager"], environment: ["TOLK_CONTENT": "", "HOME": tree.home],
            directory: URL(fileURLWithPath: tree.work))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("no-such-article:1:1: error: no such file, and no content folder: none of content (./content), "))
        #expect(run.stderr.contains("\(tree.homeContent) (HOME)"))
        #expect(run.stderr.contains("/share/tolk/content (tolk's prefix) exists"))
    }

    @Test("the installed layout: PREFIX/bin/tolk reads PREFIX/share/tolk/content from any folder")
    func installedPrefix() throws {
        let tree = try Tree([\.prefix])
        defer { try? FileManager.default.removeItem(atPath: tree.root) }
        // A hard link, not a symbolic one: the binary's own path must be PREFIX/bin/tolk.
        try FileManager.default.removeItem(atPath: tree.executable)
        try FileManager.default.linkItem(atPath: TolkProcess.executable.path, toPath: tree.executable)
        try FileManager.default.copyItem(
            atPath: Fixtures.packageRoot.appendingPathComponent("content/password-sync.md").path, toPath: tree.prefix + "/moved-sync.md")
        let run = try runTolk(tree.executable, ["show", "moved-sync", "--no-pager", "--no-status"], in: tree.work, home: tree.home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("DirSync"))
        // ./content comes first; --content before everything.
        let local = tree.local
        try FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true)
        let shadowed = try runTolk(tree.executable, ["show", "moved-sync", "--no-pager"], in: tree.work, home: tree.home)
        #expect(shadowed.status == 2)
        #expect(shadowed.stderr.contains("no article named 'moved-sync' in the content folder content (./content)"))
        let chosen = try runTolk(
            tree.executable, ["show", "moved-sync", "--no-pager", "--no-status", "--content", tree.prefix], in: tree.work, home: tree.home)
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let missing = try runTolk(tree.executable, ["check", "--content", tree.root + "/nowhere"], in: tree.work, home: tree.home)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--content \(tree.root)/nowhere: no such folder"))
    }

    /// `tolk` at `executable`, in `folder`, with no TOLK_CONTENT.
    private func runTolk(_ executable: String, _ arguments: [String], in folder: String, home: String) throws -> TolkProcess.Output {
        try TolkProcess.run(
            arguments, environment: ["TOLK_CONTENT": "", "HOME": home], directory: URL(fileURLWithPath: folder),
            binary: URL(fileURLWithPath: executable))
    }
}
