import Foundation
import Testing
import TolkKit

@Suite("tolk render (built binary)")
struct RenderCommandTests {
    let seed = Fixtures.path("articles/password-sync.md")

    @Test("--to markdown --lang target is the published Danish file, byte for byte")
    func markdownTarget() throws {
        let out = try TolkProcess.run(["render", seed, "--to", "markdown", "--lang", "target"])
        #expect(out.status == 0)
        let expected = try String(contentsOfFile: Fixtures.path("golden/password-sync.da.md"), encoding: .utf8)
        #expect(out.stdout == expected)
        #expect(!out.stdout.contains("sxs-lookup"))
    }

    @Test("--no-front-matter drops exactly the front matter block")
    func noFrontMatter() throws {
        let with = try TolkProcess.run(["render", seed, "--to", "markdown", "--lang", "en"]).stdout
        let without = try TolkProcess.run(["render", seed, "--to", "markdown", "--lang", "en", "--no-front-matter"]).stdout
        #expect(without.hasPrefix("# <a name=\"enable-password-sync\"></a>Enable Password Sync"))
        #expect(with.hasSuffix(without))
        #expect(with.hasPrefix("---\ntitle: Sådan kontrolleres"))
    }

    @Test("--to markdown refuses both languages")
    func markdownBoth() throws {
        let out = try TolkProcess.run(["render", seed, "--to", "markdown", "--lang", "both"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--lang target or --lang source"))
    }

    @Test("--to json is the whole model")
    func json() throws {
        let out = try TolkProcess.run(["render", seed, "--to", "json"])
        #expect(out.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(object["tolkJSON"] as? Int == 1)
        #expect((object["units"] as? [Any])?.count == 9)
        #expect(object["targetLocale"] as? String == "da-DK")
        #expect(object["translationType"] as? String == "MT")
        let target = try #require(object["target"] as? [String: Any])
        let procedures = try #require(target["procedures"] as? [[String: Any]])
        let steps = try #require(procedures.first?["steps"] as? [[String: Any]])
        #expect(steps.map { $0["number"] as? Int } == [1, 2, 3])
    }

    @Test("-o writes the file atomically and leaves no temporary file")
    func outputFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.json").path
        try "old".write(toFile: file, atomically: false, encoding: .utf8)
        let out = try TolkProcess.run(["render", seed, "--to", "json", "-o", file])
        #expect(out.status == 0)
        #expect(out.stdout.isEmpty)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == (try TolkProcess.run(["render", seed, "--to", "json"]).stdout))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
        let bad = try TolkProcess.run(["render", seed, "--to", "json", "-o", dir.appendingPathComponent("missing/x.json").path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("error: cannot write"))
    }

    @Test("--to terminal renders like show, without colour when piped")
    func terminal() throws {
        let out = try TolkProcess.run(["render", seed, "--to", "terminal", "--lang", "da"])
        #expect(out.status == 0)
        #expect(out.stdout == (try TolkProcess.run(["show", seed, "--lang", "da", "--no-pager"]).stdout))
    }
}

@Suite("bad input (built binary)")
struct BadInputTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test("a missing file: exit 2, path:1:1: error")
    func missing() throws {
        let out = try TolkProcess.run(["show", "/nonexistent/article.md"])
        #expect(out.status == 2)
        #expect(out.stderr == "/nonexistent/article.md:1:1: error: no such file\n")
    }

    @Test("an unknown article name: exit 2")
    func unknownSlug() throws {
        let out = try TolkProcess.run(["show", "no-such-article"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("no-such-article:1:1: error: no such file, and no article named 'no-such-article'"))
    }

    @Test("a directory: exit 2")
    func directory() throws {
        let out = try TolkProcess.run(["show", dir.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("\(dir.path):1:1: error: is a directory"))
    }

    @Test("invalid UTF-8: exit 1 with its line and column")
    func invalidUTF8() throws {
        let path = try write("bad-utf8.md", Array("# Title\nok line\nab\u{E6}".utf8).dropLast(1) + [0xFF, 0x0A])
        let out = try TolkProcess.run(["show", path])
        #expect(out.status == 1)
        #expect(out.stderr == "\(path):3:3: error: invalid UTF-8 byte 0xC3; articles must be UTF-8\n")
    }

    @Test("a binary file: exit 1")
    func binary() throws {
        let path = try write("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        let out = try TolkProcess.run(["show", path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("\(path):3:1: error: binary file (NUL byte)"))
    }

    @Test("a file with no units: exit 1")
    func noUnits() throws {
        let path = try write("plain.md", Array("---\ntitle: x\n---\n# Just Markdown\n\nNo units here.\n".utf8))
        let out = try TolkProcess.run(["render", path, "--to", "json"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("\(path):1:1: error: no translation units"))
        #expect(out.stdout.isEmpty)
    }

    @Test("broken front matter: a warning with its line, and the article is still shown")
    func brokenFrontMatter() throws {
        let text =
            "---\ntitle: x\nms.custom: [unclosed\nms.contentlocale: da-DK\n---\n# " + Fixtures.unit("abcde-102", "Titel", "Title") + "\n"
        let path = try write("broken.md", Array(text.utf8))
        let out = try TolkProcess.run(["show", path, "--lang", "da", "--no-pager"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("Titel"))
        #expect(out.stderr.hasPrefix("\(path):4:"))
        #expect(out.stderr.contains(": warning: front matter is not valid YAML"))
    }

    @Test("10,000 nested spans and 10,000 nested block quotes: no crash, no hang")
    func deepNesting() throws {
        let spans = String(repeating: "<span>", count: 10_000) + "x" + String(repeating: "</span>", count: 10_000)
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        let emphasis = String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000)
        let text =
            "# " + Fixtures.unit("abcde-102", spans, spans) + "\n\n" + quotes + "\n" + lists + "\n\n"
            + Fixtures.unit("abcde-103", emphasis, "e") + "\n"
        let path = try write("deep.md", Array(text.utf8))
        for format in ["json", "terminal", "markdown"] {
            let out = try TolkProcess.run(["render", path, "--to", format, "--lang", "target"])
            #expect(out.status == 0, "\(format): \(out.stderr)")
        }
    }

    @Test("a 50 MB article is read and rendered")
    func largeArticle() throws {
        let seed = try String(contentsOfFile: Fixtures.path("articles/password-sync.md"), encoding: .utf8)
        let body = seed.components(separatedBy: "---\n# ")[1]
        var text = "---\nms.contentlocale: da-DK\n---\n"
        var n = 0
        while text.utf8.count < 50_000_000 {
            text += "# " + body.replacingOccurrences(of: "4d25d-1", with: "4d25d-\(n)") + "\n"
            n += 1
        }
        let path = try write("large.md", Array(text.utf8))
        let out = try TolkProcess.run([
            "render", path, "--to", "markdown", "--lang", "target", "-o", dir.appendingPathComponent("large.da.md").path,
        ])
        #expect(out.status == 0, "\(out.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("large.da.md").path)[.size] as? Int
        #expect((size ?? 0) > 10_000_000)
    }

    @Test(
        "usage errors exit 2",
        arguments: [["show", "--color", "purple"], ["render"], ["show", "--lang", "xx"], ["show", "--width", "5"], ["frobnicate"]])
    func usage(_ args: [String]) throws {
        let out = try TolkProcess.run(args)
        #expect(out.status == 2, "\(args): \(out.stderr)")
        #expect(!out.stderr.isEmpty)
    }
}
