import Foundation
import Testing

@testable import TolkKit

@Suite("tolk render --to html (built binary)")
struct RenderHTMLCommandTests {
    let seed = Fixtures.path("articles/password-sync.md")

    @Test("a standalone Danish page: stylesheet inlined, no language switch")
    func standalone() throws {
        let out = try TolkProcess.run(["render", seed, "--to", "html", "--lang", "da"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"da-DK\" dir=\"ltr\">"))
        HTMLTesting.expect(out.stdout, contains: "<style>", #"data-unit="4d25d-103""#, #"class="tu-o""#)
        HTMLTesting.expect(out.stdout, lacks: "<nav class=\"tolk-languages\"", "<link rel=\"stylesheet\"")
        HTMLTesting.expectWellFormed(out.stdout)
        let both = try TolkProcess.run(["render", seed, "--to", "html", "--lang", "both"])
        #expect(both.status == 0 && both.stdout == out.stdout, "--lang both gives the translation's page")
    }

    @Test("-o and --alternate link the two pages to each other")
    func alternate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let da = dir.appendingPathComponent("password-sync.da.html").path
        let en = dir.appendingPathComponent("password-sync.en.html").path
        #expect(
            try TolkProcess.run(["render", seed, "--to", "html", "--lang", "da", "-o", da, "--alternate", "password-sync.en.html"]).status
                == 0)
        #expect(
            try TolkProcess.run(["render", seed, "--to", "html", "--lang", "en", "-o", en, "--alternate", "password-sync.da.html"]).status
                == 0)
        let daPage = try String(contentsOfFile: da, encoding: .utf8)
        let enPage = try String(contentsOfFile: en, encoding: .utf8)
        HTMLTesting.expect(
            daPage,
            contains: #"<a href="password-sync.en.html" hreflang="en" lang="en" rel="alternate" data-lang-switch>English</a>"#,
            #"<link rel="alternate" hreflang="da-DK" href="password-sync.da.html">"#,
            #"<link rel="alternate" hreflang="x-default" href="password-sync.en.html">"#,
            #"<a href="password-sync.en.html" hreflang="en">Læs den engelske original</a>"#)
        HTMLTesting.expect(
            enPage, contains: #"<a href="password-sync.da.html" hreflang="da" lang="da" rel="alternate" data-lang-switch>Dansk</a>"#)
    }

    @Test("--templates DIR overrides the templates; a bad folder is a usage error")
    func templates() throws {
        let dir = try HTMLTemplatesTests.folder(["page.mustache": "<p lang=\"{{lang}}\">{{title}}</p>\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = try TolkProcess.run(["render", seed, "--to", "html", "--lang", "en", "--templates", dir])
        #expect(out.status == 0)
        #expect(out.stdout == "<p lang=\"en-US\">Enable Password Sync</p>\n")

        let missing = try TolkProcess.run(["render", seed, "--to", "html", "--templates", "/nonexistent/templates"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/templates:1:1: error: no such templates folder"))
        let env = try TolkProcess.run(["render", seed, "--to", "html", "--lang", "en"], environment: ["TOLK_TEMPLATES": dir])
        #expect(env.stdout == "<p lang=\"en-US\">Enable Password Sync</p>\n")
    }
}
