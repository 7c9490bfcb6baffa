import Foundation
import Testing

@testable import TolkKit

/// The templates compiled into Tolk (`HTMLTemplates.builtIn()`, from the generated
/// `BuiltInTemplateFiles.swift`) are the repository's `templates/` folder, and a site built
/// with them is the site built from that folder.
@Suite("Built-in templates")
struct BuiltInTemplatesTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("templates").path
    static let generatedFile = Fixtures.packageRoot.appendingPathComponent("Sources/TolkKit/Rendering/HTML/BuiltInTemplateFiles.swift").path

    @Test("BuiltInTemplateFiles.swift is generated from templates/ (TOLK_RECORD_GOLDEN=1 writes it again)")
    func generatedFromFolder() throws {
        let expected = try Self.generated()
        if GoldenTests.record, (try? SiteTesting.read(Self.generatedFile)) != expected {
            try expected.write(toFile: Self.generatedFile, atomically: true, encoding: .utf8)
        }
        #expect(
            try SiteTesting.read(Self.generatedFile) == expected,
            "templates/ changed: run TOLK_RECORD_GOLDEN=1 swift test --filter BuiltInTemplatesTests, then build again")
    }

    /// The Swift file that carries every file of templates/ (hidden ones aside), by path, as text.
    static func generated() throws -> String {
        let paths = SiteTesting.files(folder).filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        var swift = """
            // swift-format-ignore-file
            // Generated from the templates/ folder by BuiltInTemplatesTests: edit the files in
            // templates/, then run `TOLK_RECORD_GOLDEN=1 swift test --filter BuiltInTemplatesTests`.

            extension HTMLTemplates {
                /// Every file of the templates folder, by path in that folder.
                static let builtInFiles: [(path: String, text: String)] = [

            """
        for path in paths.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let text = try SiteTesting.read(folder + "/" + path)
            swift += "        (\"\(literal(path))\", \"\(literal(text))\"),\n"
        }
        return swift + "    ]\n}\n"
    }

    /// `text` as the inside of a Swift string literal: every scalar as is but the quote, the
    /// backslash and control characters, so the compiled string is the file's text exactly.
    static func literal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f: out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

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
