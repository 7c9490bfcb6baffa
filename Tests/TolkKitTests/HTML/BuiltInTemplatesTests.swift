import Foundation
import Testing

@testable import TolkKit

/// The templates compiled into Tolk (`HTMLTemplates.builtIn()`) are the repository's
/// `templates/` folder, and a site built with them is the site built from that folder.
@Suite("Built-in templates")
struct BuiltInTemplatesTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("templates").path

    @Test("the built-in templates are the templates folder, file for file and byte for byte")
    func sameFiles() throws {
        let onDisk = SiteTesting.files(Self.folder).filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(HTMLTemplates.builtInFiles.map(\.path).sorted() == onDisk)
        for file in HTMLTemplates.builtInFiles {
            #expect(try SiteTesting.read(Self.folder + "/" + file.path) == file.text, "\(file.path) differs from the built-in copy")
        }
        let builtIn = try HTMLTemplates.builtIn()
        let read = try HTMLTemplates(directory: Self.folder)
        #expect(builtIn.fingerprint == read.fingerprint)
        #expect(builtIn.stylesheet == read.stylesheet && builtIn.liveScript == read.liveScript)
    }

    @Test("tolk site from a folder without templates equals tolk site --templates templates/, file for file")
    func siteEqualsFolderSite() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try SiteTesting.content(in: root, SiteTesting.seedFiles)
        let work = URL(fileURLWithPath: root)
        let common = ["site", content, "--quiet", "--no-cache", "--jobs", "2"]
        let builtIn = try TolkProcess.run(common + ["--out", root + "/built-in"], environment: ["TOLK_TEMPLATES": ""], directory: work)
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        let folder = try TolkProcess.run(common + ["--out", root + "/folder", "--templates", Self.folder], directory: work)
        #expect(folder.status == 0, "\(folder.stderr)")
        let files = SiteTesting.files(root + "/built-in")
        #expect(files.contains("da/password-sync/index.html") && files.contains { $0.hasPrefix("assets/") })
        #expect(files == SiteTesting.files(root + "/folder"))
        for file in files {
            let a = FileManager.default.contents(atPath: root + "/built-in/" + file)
            let b = FileManager.default.contents(atPath: root + "/folder/" + file)
            #expect(a == b, "\(file) differs")
        }
    }

    @Test("tolk site --export-templates writes the templates folder out, and never over a file")
    func export() throws {
        let root = try SiteTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let theme = root + "/my-theme"
        let run = try TolkProcess.run(["site", "--export-templates", theme])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr
                == "tolk: wrote Tolk's \(HTMLTemplates.builtInFiles.count) template files into \(theme); build with --templates \(theme)\n")
        #expect(SiteTesting.files(theme) == SiteTesting.files(Self.folder).filter { !$0.hasPrefix(".") })
        #expect(try SiteTesting.read(theme + "/page.mustache") == SiteTesting.read(Self.folder + "/page.mustache"))
        try "<p>{{title}}</p>".write(toFile: theme + "/page.mustache", atomically: true, encoding: .utf8)
        let again = try TolkProcess.run(["site", "--export-templates", theme])
        #expect(again.status == 2)
        #expect(again.stderr.contains(": error: the file exists; export the templates into a new or empty folder"))
        #expect(try SiteTesting.read(theme + "/page.mustache") == "<p>{{title}}</p>")
        let mixed = try TolkProcess.run(["site", "content", "--out", root + "/site", "--export-templates", theme])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("--export-templates DIR builds no site"))
    }
}
